#ifndef CLAIMTRACK_COMMON_TEXT_SHA256_H_
#define CLAIMTRACK_COMMON_TEXT_SHA256_H_

#include <string>
#include "absl/strings/string_view.h"

namespace claimtrack {

// Lower-case hex SHA-256 of `data`. Used for content identity (same URL +
// same text = same document), stable ids and etags: it must be stable across
// processes and versions, which absl::Hash is not.
std::string Sha256Hex(absl::string_view data);

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_TEXT_SHA256_H_
