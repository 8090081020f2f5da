#ifndef CLAIMTRACK_SERVICES_VERIFICATION_WORKFLOW_REQUEST_VALIDATION_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_WORKFLOW_REQUEST_VALIDATION_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "services/verification/workflow_change.h"

namespace claimtrack::verification {

// Request checks of AddEvidence, AssignClaim, PublishClaim and ReopenClaim
// (see their comments in verification_service.proto). Each returns
// INVALID_ARGUMENT naming the field, or the validated change. `analyst` is
// the x-claimtrack-analyst call metadata; it is required.

inline constexpr size_t kMaxAssigneeBytes = 256;

absl::StatusOr<WorkflowChange> ValidateAddEvidenceRequest(const v1::AddEvidenceRequest& request,
                                                          absl::string_view analyst);
absl::StatusOr<WorkflowChange> ValidateAssignClaimRequest(const v1::AssignClaimRequest& request,
                                                          absl::string_view analyst);
absl::StatusOr<WorkflowChange> ValidatePublishClaimRequest(const v1::PublishClaimRequest& request,
                                                           absl::string_view analyst);
absl::StatusOr<WorkflowChange> ValidateReopenClaimRequest(const v1::ReopenClaimRequest& request,
                                                          absl::string_view analyst);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_WORKFLOW_REQUEST_VALIDATION_H_
