#ifndef CLAIMTRACK_COMMON_TEXT_UTF8_H_
#define CLAIMTRACK_COMMON_TEXT_UTF8_H_

#include <cstddef>
#include <optional>
#include "absl/strings/string_view.h"

namespace claimtrack {

// Returns the byte offset of the first byte that makes `text` invalid UTF-8
// (overlong forms, surrogates and code points above U+10FFFF included), or
// nullopt when the whole text is valid.
std::optional<size_t> FindInvalidUtf8(absl::string_view text);

inline bool IsValidUtf8(absl::string_view text) {
  return !FindInvalidUtf8(text).has_value();
}

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_TEXT_UTF8_H_
