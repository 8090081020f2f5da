#include "common/api/pagination.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/text/sha256.h"

namespace claimtrack {
namespace {

constexpr absl::string_view kTokenVersion = "p1";

std::string ShortFingerprint(absl::string_view filter_fingerprint) {
  return Sha256Hex(filter_fingerprint).substr(0, 12);
}

}  // namespace

absl::StatusOr<int> EffectivePageSize(int page_size) {
  if (page_size < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size must not be negative, got ", page_size));
  }
  if (page_size == 0) {
    return kDefaultPageSize;
  }
  return page_size > kMaxPageSize ? kMaxPageSize : page_size;
}

std::string EncodePageToken(int64_t resume_after, absl::string_view filter_fingerprint) {
  return absl::WebSafeBase64Escape(absl::StrCat(
      kTokenVersion, ":", ShortFingerprint(filter_fingerprint), ":", resume_after));
}

absl::StatusOr<int64_t> DecodePageToken(absl::string_view token,
                                        absl::string_view filter_fingerprint,
                                        int64_t start) {
  if (token.empty()) {
    return start;
  }
  const absl::Status invalid = absl::InvalidArgumentError(
      "page_token is not a token this server issued for these filters; "
      "pass next_page_token from the previous response with the same filters");
  std::string decoded;
  if (!absl::WebSafeBase64Unescape(token, &decoded)) {
    return invalid;
  }
  std::vector<absl::string_view> parts = absl::StrSplit(decoded, ':');
  int64_t resume_after = 0;
  if (parts.size() != 3 || parts[0] != kTokenVersion ||
      parts[1] != ShortFingerprint(filter_fingerprint) ||
      !absl::SimpleAtoi(parts[2], &resume_after)) {
    return invalid;
  }
  return resume_after;
}

}  // namespace claimtrack
