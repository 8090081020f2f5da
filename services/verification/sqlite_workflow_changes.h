#ifndef CLAIMTRACK_SERVICES_VERIFICATION_SQLITE_WORKFLOW_CHANGES_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_SQLITE_WORKFLOW_CHANGES_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "common/sqlite/statement_cache.h"
#include "services/verification/workflow_change.h"
#include "services/verification/workflow_change_plan.h"

namespace claimtrack::verification {

// Applies `change` inside the writer's transaction (the caller's savepoint):
// checks the etag (ABORTED), the lock and the change's own precondition
// (FAILED_PRECONDITION; PlanWorkflowChange), appends the hash-chained history entry and the
// change-feed event, updates the claim and returns it in `*result`.
absl::Status ApplyWorkflowChange(sqlite::StatementCache& statements, const WorkflowChange& change,
                                 int64_t now_us, v1::Claim* result);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_SQLITE_WORKFLOW_CHANGES_H_
