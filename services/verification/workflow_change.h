#ifndef CLAIMTRACK_SERVICES_VERIFICATION_WORKFLOW_CHANGE_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_WORKFLOW_CHANGE_H_

#include <string>
#include <vector>

#include "claimtrack/verification/v1/verification_service.pb.h"

namespace claimtrack::verification {

// One validated AddEvidence, AssignClaim, PublishClaim or ReopenClaim: the
// analyst changes that are not status transitions. Each appends one history
// entry and one change-feed event.
struct WorkflowChange {
  enum class Kind { kAddEvidence, kAssign, kPublish, kReopen };
  Kind kind = Kind::kAddEvidence;
  // "claims/{claim}".
  std::string claim;
  // Empty: apply whatever the current etag.
  std::string etag;
  std::string note;
  // The analyst making the change.
  std::string actor;
  // kAddEvidence: at least one item, validated.
  std::vector<v1::Evidence> evidence;
  // kAssign: the new assignee; empty unassigns.
  std::string assignee;
};

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_WORKFLOW_CHANGE_H_
