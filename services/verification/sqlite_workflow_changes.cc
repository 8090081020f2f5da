#include "services/verification/sqlite_workflow_changes.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/api/resource_name.h"
#include "services/verification/sqlite_claim_rows.h"
#include "services/verification/sqlite_history.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::sqlite::CachedStatement;
using ::claimtrack::sqlite::StatementCache;

absl::StatusOr<ClaimWorkflowState> LoadRow(StatementCache& statements, absl::string_view id,
                                           int64_t* seq) {
  absl::StatusOr<CachedStatement> query = statements.Get(
      "SELECT seq, id, version, history_count, verdict, assignee, published FROM claims "
      "WHERE id = ?");
  if (!query.ok()) return query.status();
  (*query)->Bind(1, id);
  absl::StatusOr<bool> found = (*query)->Step();
  if (!found.ok()) return found.status();
  if (!*found) return absl::NotFoundError(absl::StrCat("claims/", id, " not found"));
  ClaimWorkflowState row;
  *seq = (*query)->ColumnInt(0);
  row.id = (*query)->ColumnText(1);
  row.version = (*query)->ColumnInt(2);
  row.history_count = (*query)->ColumnInt(3);
  row.verdict = static_cast<v1::Verdict>((*query)->ColumnInt(4));
  row.assignee = (*query)->ColumnText(5);
  row.published = (*query)->ColumnInt(6) != 0;
  return row;
}

}  // namespace

absl::Status ApplyWorkflowChange(StatementCache& statements, const WorkflowChange& change,
                                 int64_t now_us, v1::Claim* result) {
  absl::StatusOr<std::string> id = ParseResourceName(change.claim, "claims", "name");
  if (!id.ok()) return id.status();
  int64_t seq = 0;
  absl::StatusOr<ClaimWorkflowState> row = LoadRow(statements, *id, &seq);
  if (!row.ok()) return row.status();
  absl::StatusOr<WorkflowChangePlan> plan = PlanWorkflowChange(change, *row, now_us);
  if (!plan.ok()) return plan.status();
  const int64_t number = plan->number;
  absl::Status status = InsertEvidence(statements, seq, number, plan->evidence);
  if (!status.ok()) return status;
  status = AppendHistoryEntry(statements, seq, number, number, plan->entry);
  if (!status.ok()) return status;
  status = RecordClaimChange(statements, seq, plan->change_type, now_us, "", number);
  if (!status.ok()) return status;
  {
    absl::StatusOr<CachedStatement> update = statements.Get(
        "UPDATE claims SET assignee = ?, published = ?, publish_time_us = ?, "
        "version = version + 1, history_count = ?, update_time_us = ? WHERE seq = ?");
    if (!update.ok()) return update.status();
    status = (*update)
                 ->Bind(1, plan->assignee)
                 .Bind(2, plan->published ? 1 : 0)
                 .Bind(3, plan->publish_time_us)
                 .Bind(4, number)
                 .Bind(5, now_us)
                 .Bind(6, seq)
                 .Run();
    if (!status.ok()) return status;
  }
  absl::StatusOr<v1::Claim> claim = LoadClaimBySeq(statements, seq, row->id);
  if (!claim.ok()) return claim.status();
  *result = *std::move(claim);
  return absl::OkStatus();
}

}  // namespace claimtrack::verification
