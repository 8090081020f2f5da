#ifndef CLAIMTRACK_SERVICES_VERIFICATION_POSTGRES_CLAIM_ROWS_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_POSTGRES_CLAIM_ROWS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "common/postgres/connection.h"
#include "services/verification/claim_rows.h"
#include "services/verification/workflow_change_plan.h"

namespace claimtrack::verification::pg {

// Pieces of the PostgreSQL claim store (postgres_claim_store.cc) shared by
// its writes and reads: the claim row, the history and evidence, the change
// feed. SQL only; callers own the transactions. The SQLite twins are in
// sqlite_claim_store.cc and sqlite_history.cc: same rows, same protos.

// Serialized protos are BYTEA, sent and read in libpq's text format (hex).
std::string ToBytea(absl::string_view bytes);
absl::StatusOr<std::string> FromBytea(absl::string_view text);

// A parameter from an integer.
std::string Int(int64_t value);

// The claim of row `row` of `result` (selected with kClaimColumns), with
// at most `max_appearances` appearances (negative: all), evidence and
// tracking fields.
absl::StatusOr<v1::Claim> ClaimFromRow(postgres::Connection& db, const postgres::Result& result,
                                       int row, int64_t max_appearances);

// The full claim by id or seq; NOT_FOUND naming claims/{id}.
absl::StatusOr<v1::Claim> LoadClaimById(postgres::Connection& db, absl::string_view id);
absl::StatusOr<v1::Claim> LoadClaimBySeq(postgres::Connection& db, int64_t seq,
                                         absl::string_view id);

// The columns the analyst's writes read, and the row's seq. With
// `for_update`, the row is locked until the transaction ends.
absl::StatusOr<ClaimWorkflowState> LoadWorkflowState(postgres::Connection& db, absl::string_view id,
                                                     int64_t* seq);

// As sqlite_history.h: the hash-chained history, evidence, the change feed.
absl::Status AppendHistoryEntry(postgres::Connection& db, int64_t claim_seq, int64_t number,
                                int64_t review, v1::HistoryEntry& entry);
absl::Status InsertEvidence(postgres::Connection& db, int64_t claim_seq, int64_t review,
                            const std::vector<v1::Evidence>& evidence);
absl::StatusOr<std::vector<v1::HistoryEntry>> LoadHistoryEntries(postgres::Connection& db,
                                                                 int64_t claim_seq,
                                                                 absl::string_view claim,
                                                                 int64_t after, int64_t limit);
absl::Status RecordClaimChange(postgres::Connection& db, int64_t claim_seq,
                               v1::ClaimChangeType type, int64_t time_us,
                               absl::string_view document, int64_t history_entry);
absl::StatusOr<std::vector<v1::ClaimChange>> LoadClaimChanges(postgres::Connection& db,
                                                              int64_t after, int64_t limit);

}  // namespace claimtrack::verification::pg

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_POSTGRES_CLAIM_ROWS_H_
