#include "services/verification/claim_etag.h"

#include "absl/strings/str_cat.h"
#include "common/text/sha256.h"

namespace claimtrack::verification {

std::string ClaimEtag(absl::string_view id, int64_t version) {
  return Sha256Hex(absl::StrCat(id, ":", version)).substr(0, 16);
}

}  // namespace claimtrack::verification
