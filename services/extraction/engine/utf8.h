// Minimal UTF-8 helpers. Invalid bytes are reported as one-byte opaque
// characters so callers never split a valid multi-byte sequence and never
// stop on bad input.
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_UTF8_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace claimtrack::engine {

inline constexpr uint32_t kInvalidCodePoint = 0xFFFFFFFFu;

struct DecodedChar {
  uint32_t code = kInvalidCodePoint;
  uint32_t length = 1;
};

// Decodes the character starting at `pos` (which must be < text.size()).
DecodedChar DecodeUtf8(std::string_view text, size_t pos);

// True if the word starts with an upper-case letter (ASCII, Latin-1, Latin
// Extended-A, Greek, Cyrillic). "then-Attorney" and "ex-Minister" count as
// capitalized because the prefix only qualifies the title.
bool IsCapitalizedWordSlow(std::string_view word);
inline bool IsCapitalizedWord(std::string_view word) {
  // Inline fast path: plain ASCII words decide on their first byte, except
  // the "then-"/"ex-"/"former-" prefixes handled out of line.
  if (word.empty()) {
    return false;
  }
  const char c0 = word[0];
  if (c0 >= 'A' && c0 <= 'Z') {
    return true;
  }
  if (c0 >= 'a' && c0 <= 'z' && c0 != 't' && c0 != 'e' && c0 != 'f') {
    return false;
  }
  if (c0 >= '0' && c0 <= '9') {
    return false;
  }
  return IsCapitalizedWordSlow(word);
}

// True if the word starts with an ASCII lower-case letter.
bool IsLowercaseWord(std::string_view word);

// "DOJ", "ICPA", "US": 2-8 ASCII upper-case letters.
bool IsAcronym(std::string_view word);

bool ContainsDigit(std::string_view word);

// Bytes of the word's possessive ending, "'s" (2) or "’s" (4), after at
// least one other byte; 0 if it has none.
inline size_t PossessiveSuffixLength(std::string_view word) {
  if (word.size() < 3 || word.back() != 's') {
    return 0;
  }
  if (word.size() > 4 && word.substr(word.size() - 4) == "\xE2\x80\x99s") {
    return 4;
  }
  return word[word.size() - 2] == '\'' ? 2 : 0;
}

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_UTF8_H_
