#include "services/verification/sqlite_workflow_changes.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/api/resource_name.h"
#include "common/api/timestamps.h"
#include "services/verification/sqlite_claim_rows.h"
#include "services/verification/sqlite_history.h"
#include "services/verification/workflow.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::sqlite::CachedStatement;
using ::claimtrack::sqlite::StatementCache;

struct ClaimRow {
  int64_t seq = 0;
  std::string id;
  int64_t version = 0;
  int64_t history_count = 0;
  v1::Verdict verdict = v1::VERDICT_UNSPECIFIED;
  std::string assignee;
  bool published = false;
};

absl::StatusOr<ClaimRow> LoadRow(StatementCache& statements, absl::string_view id) {
  absl::StatusOr<CachedStatement> query = statements.Get(
      "SELECT seq, id, version, history_count, verdict, assignee, published FROM claims "
      "WHERE id = ?");
  if (!query.ok()) return query.status();
  (*query)->Bind(1, id);
  absl::StatusOr<bool> found = (*query)->Step();
  if (!found.ok()) return found.status();
  if (!*found) return absl::NotFoundError(absl::StrCat("claims/", id, " not found"));
  ClaimRow row;
  row.seq = (*query)->ColumnInt(0);
  row.id = (*query)->ColumnText(1);
  row.version = (*query)->ColumnInt(2);
  row.history_count = (*query)->ColumnInt(3);
  row.verdict = static_cast<v1::Verdict>((*query)->ColumnInt(4));
  row.assignee = (*query)->ColumnText(5);
  row.published = (*query)->ColumnInt(6) != 0;
  return row;
}

// The entry, the change type and the claim columns each kind of change sets.
struct Effect {
  v1::HistoryAction action = v1::HISTORY_ACTION_UNSPECIFIED;
  v1::ClaimChangeType change_type = v1::CLAIM_CHANGE_TYPE_UNSPECIFIED;
  std::string assignee;
  bool published = false;
  int64_t publish_time_us = 0;
};

absl::StatusOr<Effect> Plan(const WorkflowChange& change, const ClaimRow& row, int64_t now_us) {
  const std::string name = absl::StrCat("claims/", row.id);
  Effect effect;
  effect.assignee = row.assignee;
  effect.published = row.published;
  switch (change.kind) {
    case WorkflowChange::Kind::kAddEvidence:
      if (row.published) return ClaimLockedError(name);
      effect.action = v1::HISTORY_ACTION_EVIDENCE;
      effect.change_type = v1::CLAIM_CHANGE_TYPE_EVIDENCE_ADDED;
      break;
    case WorkflowChange::Kind::kAssign:
      if (row.published) return ClaimLockedError(name);
      if (change.assignee == row.assignee) {
        return absl::FailedPreconditionError(
            row.assignee.empty() ? absl::StrCat(name, " is not assigned; nothing to unassign")
                                 : absl::StrCat(name, " is already assigned to ", row.assignee));
      }
      effect.action = v1::HISTORY_ACTION_ASSIGNMENT;
      effect.change_type = v1::CLAIM_CHANGE_TYPE_ASSIGNMENT_CHANGED;
      effect.assignee = change.assignee;
      break;
    case WorkflowChange::Kind::kPublish:
      if (row.published) {
        return absl::FailedPreconditionError(absl::StrCat(name, " is already published"));
      }
      if (!IsFinalVerdict(row.verdict)) {
        return absl::FailedPreconditionError(absl::StrCat(
            name, " has verdict ", v1::Verdict_Name(row.verdict),
            "; only a final verdict (TRUE, MOSTLY_TRUE, MISLEADING, FALSE, UNVERIFIABLE, "
            "NOT_CHECKABLE) can be published: set one with ReviewClaim first"));
      }
      effect.action = v1::HISTORY_ACTION_PUBLISH;
      effect.change_type = v1::CLAIM_CHANGE_TYPE_PUBLISHED;
      effect.published = true;
      effect.publish_time_us = now_us;
      break;
    case WorkflowChange::Kind::kReopen:
      if (!row.published) {
        return absl::FailedPreconditionError(
            absl::StrCat(name, " is not published; only a published claim can be reopened"));
      }
      effect.action = v1::HISTORY_ACTION_REOPEN;
      effect.change_type = v1::CLAIM_CHANGE_TYPE_REOPENED;
      effect.published = false;
      break;
  }
  return effect;
}

}  // namespace

absl::Status ClaimLockedError(absl::string_view claim) {
  return absl::FailedPreconditionError(
      absl::StrCat(claim,
                   " is locked: its verdict is published. Reopen it first with ReopenClaim "
                   "(`claimtrack claims reopen ",
                   claim, " --note WHY`)"));
}

absl::Status ApplyWorkflowChange(StatementCache& statements, const WorkflowChange& change,
                                 int64_t now_us, v1::Claim* result) {
  absl::StatusOr<std::string> id = ParseResourceName(change.claim, "claims", "name");
  if (!id.ok()) return id.status();
  absl::StatusOr<ClaimRow> row = LoadRow(statements, *id);
  if (!row.ok()) return row.status();
  if (!change.etag.empty() && change.etag != ClaimEtag(row->id, row->version)) {
    return absl::AbortedError(absl::StrCat("etag \"", change.etag, "\" of ", change.claim,
                                           " is stale; re-read the claim and retry"));
  }
  absl::StatusOr<Effect> effect = Plan(change, *row, now_us);
  if (!effect.ok()) return effect.status();

  const int64_t number = row->history_count + 1;
  v1::HistoryEntry entry;
  entry.set_name(absl::StrCat("claims/", row->id, "/historyEntries/", number));
  entry.set_actor(change.actor);
  *entry.mutable_create_time() = ProtoTimestampFromMicros(now_us);
  entry.set_action(effect->action);
  entry.set_note(change.note);
  if (change.kind == WorkflowChange::Kind::kAssign) {
    entry.set_from_assignee(row->assignee);
    entry.set_to_assignee(change.assignee);
  }
  if (change.kind == WorkflowChange::Kind::kAddEvidence) {
    for (const v1::Evidence& item : change.evidence) *entry.add_evidence() = item;
    absl::Status status = InsertEvidence(statements, row->seq, number, change.evidence);
    if (!status.ok()) return status;
  }
  absl::Status status = AppendHistoryEntry(statements, row->seq, number, number, entry);
  if (!status.ok()) return status;
  status = RecordClaimChange(statements, row->seq, effect->change_type, now_us, "", number);
  if (!status.ok()) return status;
  {
    absl::StatusOr<CachedStatement> update = statements.Get(
        "UPDATE claims SET assignee = ?, published = ?, publish_time_us = ?, "
        "version = version + 1, history_count = ?, update_time_us = ? WHERE seq = ?");
    if (!update.ok()) return update.status();
    status = (*update)
                 ->Bind(1, effect->assignee)
                 .Bind(2, effect->published ? 1 : 0)
                 .Bind(3, effect->publish_time_us)
                 .Bind(4, number)
                 .Bind(5, now_us)
                 .Bind(6, row->seq)
                 .Run();
    if (!status.ok()) return status;
  }
  absl::StatusOr<v1::Claim> claim = LoadClaimBySeq(statements, row->seq, row->id);
  if (!claim.ok()) return claim.status();
  *result = *std::move(claim);
  return absl::OkStatus();
}

}  // namespace claimtrack::verification
