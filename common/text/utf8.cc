#include "common/text/utf8.h"

#include <cstdint>

namespace claimtrack {

std::optional<size_t> FindInvalidUtf8(absl::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    const uint8_t lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // Table 3-7 of the Unicode standard: well-formed byte sequences.
    size_t length = 0;
    uint8_t second_min = 0x80;
    uint8_t second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) second_min = 0xA0;   // no overlong forms
      if (lead == 0xED) second_max = 0x9F;   // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) second_min = 0x90;   // no overlong forms
      if (lead == 0xF4) second_max = 0x8F;   // nothing above U+10FFFF
    } else {
      return i;
    }
    if (i + length > size) {
      return i;
    }
    if (bytes[i + 1] < second_min || bytes[i + 1] > second_max) {
      return i;
    }
    for (size_t k = 2; k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) {
        return i;
      }
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace claimtrack
