#include "services/extraction/engine/tokenizer.h"

#include "services/extraction/engine/utf8.h"

namespace claimtrack::engine {
namespace {

enum class CharClass { kSpace, kWord, kPunct };

bool IsSpaceCode(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Word characters among ASCII: letters, digits, $ % _.
constexpr bool kAsciiWord[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // 0x00
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // 0x10
    0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // 0x20: $ %
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,  // 0x30: digits
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  // 0x40
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,  // 0x50: _
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  // 0x60
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,  // 0x70
};

inline bool IsWordCode(uint32_t c) {
  if (c < 0x80) {
    return kAsciiWord[c];
  }
  if (c == kInvalidCodePoint) {
    return true;  // Opaque bytes stay inside words; never split them.
  }
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '$' || c == '%' || c == '_';
  }
  if (c <= 0xBF) {
    return false;  // Latin-1 symbols: ©, «, », nbsp...
  }
  if (c == 0xD7 || c == 0xF7) {
    return false;
  }
  if (c >= 0x2000 && c <= 0x206F) {
    return false;  // General punctuation.
  }
  if (c >= 0x20A0 && c <= 0x20CF) {
    return true;  // Currency signs belong to amounts ("€5").
  }
  if ((c >= 0x2190 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F)) {
    return false;  // Arrows, symbols, CJK punctuation.
  }
  return true;
}

// Characters that may join two word parts: "then-Attorney", "group’s",
// "U.S", "3.5", "AT&T".
bool IsJoiner(uint32_t c) {
  return c == '-' || c == '\'' || c == 0x2019 || c == '.' || c == '&' ||
         c == 0x2011;
}

struct Classified {
  TokenKind kind;
  QuoteMark mark;
};

Classified ClassifyPunct(uint32_t c) {
  switch (c) {
    case ',':
    case 0xFF0C:
      return {TokenKind::kComma, QuoteMark::kNone};
    case '.':
    case '!':
    case '?':
    case 0x2026:
      return {TokenKind::kTerminal, QuoteMark::kNone};
    case ':':
      return {TokenKind::kColon, QuoteMark::kNone};
    case ';':
      return {TokenKind::kSemicolon, QuoteMark::kNone};
    case '"':
      return {TokenKind::kQuote, QuoteMark::kStraight};
    case 0x201C:
    case 0x201E:
    case 0x201F:
    case 0xAB:
      return {TokenKind::kQuote, QuoteMark::kOpening};
    case 0x201D:
    case 0xBB:
      return {TokenKind::kQuote, QuoteMark::kClosing};
    case '(':
    case '[':
      return {TokenKind::kOpenParen, QuoteMark::kNone};
    case ')':
    case ']':
      return {TokenKind::kCloseParen, QuoteMark::kNone};
    case '-':
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
      return {TokenKind::kDash, QuoteMark::kNone};
    default:
      return {TokenKind::kOther, QuoteMark::kNone};
  }
}

bool IsDottedAcronym(std::string_view w) {
  // "U.S", "a.m": letters separated by periods.
  return w.find('.') != std::string_view::npos && w.size() <= 8 &&
         !ContainsDigit(w);
}

// ASCII needs no decoding; this is nearly all of English news text.
inline DecodedChar Decode(std::string_view text, size_t pos) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    return {c, 1};
  }
  return DecodeUtf8(text, pos);
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, ByteSpan span,
                            const Lexicon& lexicon) {
  std::vector<Token> tokens;
  const size_t end = std::min<size_t>(span.end, text.size());
  if (end > span.begin) {
    tokens.reserve((end - span.begin) / 4 + 4);  // ~5 bytes per token.
  }
  text = text.substr(0, end);
  size_t pos = span.begin;
  while (pos < end) {
    if (text[pos] == ' ') {
      ++pos;
      continue;
    }
    const DecodedChar ch = Decode(text, pos);
    if (IsSpaceCode(ch.code)) {
      pos += ch.length;
      continue;
    }
    if (!IsWordCode(ch.code)) {
      // Typewriter-style double quotes: two apostrophes ('') and two
      // backticks (``), as in some wire and newspaper archives.
      if ((ch.code == '\'' || ch.code == '`') && pos + 1 < end &&
          text[pos + 1] == text[pos]) {
        tokens.push_back({static_cast<uint32_t>(pos),
                          static_cast<uint32_t>(pos + 2), TokenKind::kQuote,
                          ch.code == '`' ? QuoteMark::kOpening
                                         : QuoteMark::kStraight});
        pos += 2;
        continue;
      }
      const Classified cls = ClassifyPunct(ch.code);
      tokens.push_back({static_cast<uint32_t>(pos),
                        static_cast<uint32_t>(pos + ch.length), cls.kind,
                        cls.mark});
      pos += ch.length;
      continue;
    }
    const size_t word_begin = pos;
    pos += ch.length;
    while (pos < end) {
      // ASCII letters and digits need no decoding.
      const auto b = static_cast<unsigned char>(text[pos]);
      if (b < 0x80 && kAsciiWord[b]) {
        ++pos;
        continue;
      }
      const DecodedChar next = Decode(text, pos);
      if (IsWordCode(next.code)) {
        pos += next.length;
        continue;
      }
      if (IsJoiner(next.code) && pos + next.length < end) {
        const DecodedChar after =
            Decode(text, pos + next.length);
        if (IsWordCode(after.code) && after.code != '$' && after.code != '%') {
          pos += next.length + after.length;
          continue;
        }
      }
      break;
    }
    // Absorb the period of abbreviations so it does not end a sentence.
    if (pos < end && text[pos] == '.') {
      const std::string_view word = text.substr(word_begin, pos - word_begin);
      const bool initial = word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z';
      if (initial || IsDottedAcronym(word) ||
          lexicon.IsAbbreviation(Lower(word))) {
        ++pos;
      }
    }
    tokens.push_back({static_cast<uint32_t>(word_begin),
                      static_cast<uint32_t>(pos), TokenKind::kWord,
                      QuoteMark::kNone});
  }
  return tokens;
}

}  // namespace claimtrack::engine
