#include "services/extraction/engine/utf8.h"

namespace claimtrack::engine {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

bool IsUpperCodePoint(uint32_t c) {
  if (c >= 'A' && c <= 'Z') {
    return true;
  }
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) {
    return true;
  }
  // Latin Extended-A alternates upper/lower, upper on even code points.
  if (c >= 0x100 && c <= 0x17F) {
    return c % 2 == 0;
  }
  if (c >= 0x391 && c <= 0x3A9) {
    return true;
  }
  if (c >= 0x400 && c <= 0x42F) {
    return true;
  }
  return false;
}

}  // namespace

DecodedChar DecodeUtf8(std::string_view text, size_t pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    return {b0, 1};
  }
  const size_t remaining = text.size() - pos;
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (remaining >= 2 && IsContinuation(byte(1))) {
      return {(uint32_t{b0} & 0x1F) << 6 | (byte(1) & 0x3F), 2};
    }
    return {};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (remaining < 3 || !IsContinuation(byte(1)) || !IsContinuation(byte(2))) {
      return {};
    }
    // Reject overlong forms and UTF-16 surrogates.
    if ((b0 == 0xE0 && byte(1) < 0xA0) || (b0 == 0xED && byte(1) > 0x9F)) {
      return {};
    }
    return {(uint32_t{b0} & 0x0F) << 12 | (uint32_t{byte(1)} & 0x3F) << 6 |
                (byte(2) & 0x3F),
            3};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (remaining < 4 || !IsContinuation(byte(1)) || !IsContinuation(byte(2)) ||
        !IsContinuation(byte(3))) {
      return {};
    }
    if ((b0 == 0xF0 && byte(1) < 0x90) || (b0 == 0xF4 && byte(1) > 0x8F)) {
      return {};
    }
    return {(uint32_t{b0} & 0x07) << 18 | (uint32_t{byte(1)} & 0x3F) << 12 |
                (uint32_t{byte(2)} & 0x3F) << 6 | (byte(3) & 0x3F),
            4};
  }
  return {};
}

bool IsCapitalizedWordSlow(std::string_view word) {
  if (word.empty()) {
    return false;
  }
  // Fast path: an ASCII letter decides at once unless a prefix may follow.
  const char c0 = word[0];
  if (c0 >= 'A' && c0 <= 'Z') {
    return true;
  }
  if (c0 >= 'a' && c0 <= 'z') {
    // Only "then-", "ex-" and "former-" can precede a capital.
    const bool prefixed =
        (c0 == 't' && word.size() > 5 && word[4] == '-' &&
         word.substr(0, 4) == "then") ||
        (c0 == 'e' && word.size() > 3 && word[2] == '-' && word[1] == 'x') ||
        (c0 == 'f' && word.size() > 7 && word[6] == '-' &&
         word.substr(0, 6) == "former");
    if (!prefixed) {
      return false;
    }
  }
  for (std::string_view prefix : {"then-", "ex-", "former-"}) {
    if (word.size() > prefix.size() && word.substr(0, prefix.size()) == prefix) {
      word.remove_prefix(prefix.size());
      break;
    }
  }
  return IsUpperCodePoint(DecodeUtf8(word, 0).code);
}

bool IsLowercaseWord(std::string_view word) {
  return !word.empty() && word[0] >= 'a' && word[0] <= 'z';
}

bool IsAcronym(std::string_view word) {
  if (word.size() < 2 || word.size() > 8) {
    return false;
  }
  for (char c : word) {
    if (c < 'A' || c > 'Z') {
      return false;
    }
  }
  return true;
}

bool ContainsDigit(std::string_view word) {
  for (char c : word) {
    if (c >= '0' && c <= '9') {
      return true;
    }
  }
  return false;
}

}  // namespace claimtrack::engine
