#ifndef CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_SEARCH_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_SEARCH_H_

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "common/sqlite/statement_cache.h"

namespace claimtrack::verification {

// A validated SearchClaims request.
struct ClaimSearch {
  // The FTS5 MATCH expression built from the user's query (see
  // FtsMatchExpression); empty: no text condition.
  std::string match;
  // As ClaimFilter::speaker: a resource name or a name, folded.
  std::string speaker;
  v1::AttributionStatus attribution_status = v1::ATTRIBUTION_STATUS_UNSPECIFIED;
  v1::Verdict verdict = v1::VERDICT_UNSPECIFIED;
  claimtrack::type::v1::StatementKind kind = claimtrack::type::v1::STATEMENT_KIND_UNSPECIFIED;
  // Folded publisher name.
  std::string publisher;
  // [start_us, end_us) over appearance times.
  int64_t start_us = std::numeric_limits<int64_t>::min();
  int64_t end_us = std::numeric_limits<int64_t>::max();
};

inline constexpr size_t kMaxQueryBytes = 1024;

// The user's query as a safe FTS5 expression: every bare word becomes a
// quoted string (so FTS5 operators and punctuation in it mean nothing),
// "double-quoted runs" stay phrases, a trailing `*` makes a prefix, and the
// terms are ANDed. INVALID_ARGUMENT when nothing searchable remains.
absl::StatusOr<std::string> FtsMatchExpression(absl::string_view query);

// Checks the request (enums, speaker resource name, time range, query
// size) and translates it. page_size and page_token are checked by the
// search.
absl::StatusOr<ClaimSearch> ValidateSearchClaimsRequest(const v1::SearchClaimsRequest& request);

// What search page tokens are bound to: the query and every filter.
std::string SearchFingerprint(const ClaimSearch& search);

struct SearchPage {
  // Claim seqs, newest first.
  std::vector<int64_t> claim_seqs;
  std::string next_page_token;
};

// One page of the claims matching `search`, newest first; page tokens are
// bound to the query and every filter.
absl::StatusOr<SearchPage> SearchClaimSeqs(sqlite::StatementCache& statements,
                                           const ClaimSearch& search, int page_size,
                                           absl::string_view page_token);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_SEARCH_H_
