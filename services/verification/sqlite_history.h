#ifndef CLAIMTRACK_SERVICES_VERIFICATION_SQLITE_HISTORY_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_SQLITE_HISTORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "common/sqlite/database.h"
#include "common/sqlite/statement_cache.h"
#include "services/verification/change_cursor.h"

namespace claimtrack::verification {

// The claim store's workflow tables: the hash-chained history, evidence with
// stance and archive digest, and the change feed. SQL only; the callers in
// sqlite_claim_store.cc and sqlite_workflow_changes.cc own the transactions.

// Schema step 2 (user_version 1 -> 2): assignee and lock columns on claims,
// action/assignee/hash columns on history, stance/digest on evidence, the
// claim_changes feed (seeded with a CLAIM_CREATED per existing claim) and
// append-only triggers on evidence; then hashes the history already stored.
// Runs inside the caller's transaction.
absl::Status MigrateToWorkflowSchema(sqlite::Database& db);

// Appends `entry` as entry number `number` of the claim: sets its
// previous_hash (from entry number - 1) and hash, then inserts the row.
// `review` groups the entry with the evidence rows of the same call.
// `entry.name` must already be "claims/{id}/historyEntries/{number}" and
// `entry.evidence` hold the evidence of the group (it is hashed, not stored:
// see InsertEvidence).
absl::Status AppendHistoryEntry(sqlite::StatementCache& statements, int64_t claim_seq,
                                int64_t number, int64_t review, v1::HistoryEntry& entry);

// Stores the evidence of a history group.
absl::Status InsertEvidence(sqlite::StatementCache& statements, int64_t claim_seq, int64_t review,
                            const std::vector<v1::Evidence>& evidence);

// Entries after number `after`, oldest first, at most `limit` (negative: all),
// each with its group's evidence. `claim` is "claims/{id}".
absl::StatusOr<std::vector<v1::HistoryEntry>> LoadHistoryEntries(sqlite::StatementCache& statements,
                                                                 int64_t claim_seq,
                                                                 absl::string_view claim,
                                                                 int64_t after, int64_t limit);

// Appends one change-feed event in the caller's transaction. `document` and
// `history_entry` as in v1::ClaimChange (either may be empty).
absl::Status RecordClaimChange(sqlite::StatementCache& statements, int64_t claim_seq,
                               v1::ClaimChangeType type, int64_t time_us,
                               absl::string_view document, int64_t history_entry);

// Change-feed events with sequence > `after`, in order, at most `limit`.
absl::StatusOr<std::vector<v1::ClaimChange>> LoadClaimChanges(sqlite::StatementCache& statements,
                                                              int64_t after, int64_t limit);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_SQLITE_HISTORY_H_
