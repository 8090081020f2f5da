#ifndef CLAIMTRACK_COMMON_API_PAGINATION_H_
#define CLAIMTRACK_COMMON_API_PAGINATION_H_

#include <cstdint>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"

namespace claimtrack {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 1000;

// AIP-158: a negative page_size is INVALID_ARGUMENT, 0 means the default,
// anything above the maximum is capped.
absl::StatusOr<int> EffectivePageSize(int page_size);

// Page tokens are opaque to clients: base64 of the position to resume after
// and a fingerprint of the request's filters, so a token used with other
// filters (or one made up) is INVALID_ARGUMENT instead of a wrong page.
std::string EncodePageToken(int64_t resume_after, absl::string_view filter_fingerprint);

// Returns the resume position; an empty token means "from the start" and
// returns `start`.
absl::StatusOr<int64_t> DecodePageToken(absl::string_view token,
                                        absl::string_view filter_fingerprint,
                                        int64_t start);

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_API_PAGINATION_H_
