#ifndef CLAIMTRACK_SERVICES_VERIFICATION_POSTGRES_TRACKING_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_POSTGRES_TRACKING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "common/postgres/connection.h"
#include "services/verification/claim_search.h"
#include "services/verification/claim_tracking.h"

namespace claimtrack::verification::pg {

// Claim tracking (speakers, variants, corroboration, search) on the
// PostgreSQL claim store: the same rules and results as claim_tracking.cc,
// speaker_registry.cc, variant_index.cc and claim_search.cc on SQLite, in
// fewer round trips (arrays instead of one statement per row). The search
// index is a generated tsvector column of claims ('simple' configuration:
// no stemming, no stop words, like FTS5's unicode61), so nothing is written
// for it.

// As verification::RecordTracking, inside the store's write, except for the
// appearance's corroboration row (appearance_tracking), which the store
// writes in the statement that records the appearance.
absl::Status RecordTracking(postgres::Connection& db, int64_t claim_seq, bool created,
                            const TrackingInput& input, int64_t now_us);

// As verification::ReadClaimTracking.
absl::Status ReadClaimTracking(postgres::Connection& db, int64_t claim_seq, v1::Claim* claim);

// As verification::ReadClaimVariants.
absl::StatusOr<v1::ListClaimVariantsResponse> ReadClaimVariants(postgres::Connection& db,
                                                                absl::string_view claim_id,
                                                                int page_size,
                                                                absl::string_view page_token);

// As verification::ReadSpeaker and ReadSpeakers.
absl::StatusOr<v1::Speaker> ReadSpeaker(postgres::Connection& db, absl::string_view name);
absl::StatusOr<v1::ListSpeakersResponse> ReadSpeakers(postgres::Connection& db,
                                                      absl::string_view alias, int page_size,
                                                      absl::string_view page_token);

// As verification::SearchClaimSeqs; the same page tokens.
absl::StatusOr<SearchPage> SearchClaimSeqs(postgres::Connection& db, const ClaimSearch& search,
                                           int page_size, absl::string_view page_token);

// The tsquery text (for to_tsquery('simple', ...)) of an FTS5 expression
// made by FtsMatchExpression: each quoted term a quoted tsquery phrase
// (PostgreSQL's parser splits it as it split the text), `*` a prefix,
// terms ANDed.
std::string TsQueryFromFtsMatch(absl::string_view match);

// A PostgreSQL array literal of `values` (text[] or bigint[] parameters).
std::string TextArray(const std::vector<std::string>& values);
std::string IntArray(const std::vector<int64_t>& values);

}  // namespace claimtrack::verification::pg

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_POSTGRES_TRACKING_H_
