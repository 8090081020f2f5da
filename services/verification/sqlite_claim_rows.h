#ifndef CLAIMTRACK_SERVICES_VERIFICATION_SQLITE_CLAIM_ROWS_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_SQLITE_CLAIM_ROWS_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "common/sqlite/statement_cache.h"
#include "services/verification/claim_etag.h"

namespace claimtrack::verification {

// Pieces of the claim store (sqlite_claim_store.cc) shared with the files
// that write the workflow tables, so both read and version claims the same way.

// The full claim (all appearances and evidence) of row `seq`.
absl::StatusOr<v1::Claim> LoadClaimBySeq(sqlite::StatementCache& statements, int64_t seq,
                                         absl::string_view id);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_SQLITE_CLAIM_ROWS_H_
