#include "services/extraction/engine/tokenizer.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstddef>

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

// Per byte: 1 for an ASCII word character, 3 for a digit (bit 2 set),
// 0 otherwise (including every byte of a multi-byte character).
struct ByteClasses {
  uint8_t of[256] = {};
  constexpr ByteClasses() {
    for (int c = 0; c < 128; ++c) {
      of[c] = kAsciiWord[c] ? 1 : 0;
    }
    for (int c = '0'; c <= '9'; ++c) {
      of[c] = 3;
    }
  }
};
constexpr ByteClasses kByteClass;

// What a byte tells the tokenizer's main loop on its own, so that ASCII
// text needs one table look-up per decision instead of comparison chains.
enum Lead : uint8_t {
  kLeadSpace,   // ASCII white space.
  kLeadWord,    // ASCII word character (kAsciiWord).
  kLeadPunct,   // Other ASCII.
  kLeadJoiner,  // ASCII that may join word parts: - ' . &
  kLeadHigh,    // A byte of a multi-byte character: decode.
};
struct LeadClasses {
  uint8_t of[256] = {};
  constexpr LeadClasses() {
    for (int c = 0; c < 256; ++c) {
      if (c >= 0x80) {
        of[c] = kLeadHigh;
      } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
                 c == '\v') {
        of[c] = kLeadSpace;
      } else if (kAsciiWord[c]) {
        of[c] = kLeadWord;
      } else if (c == '-' || c == '\'' || c == '.' || c == '&') {
        of[c] = kLeadJoiner;
      } else {
        of[c] = kLeadPunct;
      }
    }
  }
};
constexpr LeadClasses kLead;

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

constexpr Classified ClassifyPunct(uint32_t c) {
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

// ClassifyPunct of each ASCII character: nearly all punctuation in news
// text is ASCII, and a look-up costs less than the call into the switch.
struct AsciiPunctClasses {
  Classified of[128] = {};
  constexpr AsciiPunctClasses() {
    for (uint32_t c = 0; c < 128; ++c) {
      of[c] = ClassifyPunct(c);
    }
  }
};
constexpr AsciiPunctClasses kAsciiPunct;

// Out of line, so that the rarer punctuation path leaves the word path's
// registers alone.
__attribute__((noinline)) Classified ClassifyPunctFast(uint32_t c) {
  return c < 0x80 ? kAsciiPunct.of[c] : ClassifyPunct(c);
}

bool IsDottedAcronym(std::string_view w, bool has_digit) {
  // "U.S", "a.m": letters separated by periods.
  return w.size() <= 8 && !has_digit && w.find('.') != std::string_view::npos;
}

// Shape bit a word's first byte gives: kShapeLowercase for a-z,
// kShapeCapitalized for A-Z, 0 otherwise (multi-byte letters are decoded).
struct FirstByteShapes {
  uint8_t of[256] = {};
  constexpr FirstByteShapes() {
    for (int c = 'a'; c <= 'z'; ++c) {
      of[c] = kShapeLowercase;
    }
    for (int c = 'A'; c <= 'Z'; ++c) {
      of[c] = kShapeCapitalized;
    }
  }
};
constexpr FirstByteShapes kFirstShape;

// `joined`: the word took in a joiner ("then-Attorney", "U.S"); without one
// it holds no hyphen, so no prefix check is needed.
inline uint8_t ShapeOf(std::string_view word, bool has_digit, bool joined) {
  // The first byte decides nearly always (see IsCapitalizedWord).
  const auto c0 = static_cast<unsigned char>(word[0]);
  const uint8_t first = kFirstShape.of[c0];
  uint8_t shape = (has_digit ? kShapeDigit : 0) | first;
  // Whether a word opens with a capital, a small letter or neither follows
  // the text with no pattern a branch predictor could learn, so the tests
  // below do not branch on it: each is one branch that is nearly always
  // false.
  // An acronym needs a capital first and second byte and 2-8 bytes; most
  // capitalized words fail at the second byte. `word[size > 1]` is the
  // second byte, or the first again for a one-byte word, which the length
  // test turns away; `&`, not `&&`, makes the three tests one branch.
  const auto c1 = static_cast<unsigned char>(word[word.size() > 1]);
  if ((first == kShapeCapitalized) & (word.size() - 2 <= 6) &
      (static_cast<unsigned char>(c1 - 'A') < 26)) {
    if (IsAcronym(word)) {
      shape |= kShapeAcronym;
    }
  }
  // A capital after the first byte: only a multi-byte first letter, or a
  // word that took in a joiner, can have one, and both are rare: two
  // branches that are nearly always false. (Tested as `first ==
  // kShapeLowercase && joined` and `c0 >= 0x80`, the compiler branched on
  // the first byte's kind first.)
  if (joined | (c0 >= 0x80)) {
    // An apostrophe goes into a word only as a joiner, so only a word that
    // took one in can end in a possessive.
    if (joined && PossessiveSuffixLength(word) != 0) {
      shape |= kShapePossessive;
    }
    // "then-Attorney", "ex-Minister", "former-President": the hyphen must
    // sit where the prefix ends before the slow check.
    if (c0 >= 0x80 || (c0 == 't' && word.size() > 5 && word[4] == '-') ||
        (c0 == 'e' && word.size() > 3 && word[2] == '-') ||
        (c0 == 'f' && word.size() > 7 && word[6] == '-')) {
      if (IsCapitalizedWordSlow(word)) {
        shape |= kShapeCapitalized;
      }
    }
  }
  return shape;
}

// Lexicon::IsAbbreviation on the lower-cased word, without allocating.
bool IsAbbreviationWord(std::string_view word, const Lexicon& lexicon) {
  char buf[8];
  if (word.size() > sizeof(buf)) {
    return false;  // No abbreviation is that long.
  }
  for (size_t i = 0; i < word.size(); ++i) {
    const auto u = static_cast<unsigned char>(word[i]);
    buf[i] = static_cast<char>(
        u | (static_cast<unsigned char>(u - 'A') < 26 ? 0x20 : 0));
  }
  return lexicon.IsAbbreviation(std::string_view(buf, word.size()));
}

// The same for a word already lower-cased.
inline bool IsAbbreviationLower(std::string_view lower_word,
                                const Lexicon& lexicon) {
  return lower_word.size() <= 8 && lexicon.IsAbbreviation(lower_word);
}

// Length of the run of ASCII word characters at p[0, n); sets `digit` if
// the run holds a digit. Sixteen bytes at a time where SSE2 is available,
// so the loop does not branch (and mispredict) on every letter.
//
// kPadded: p[n, n + 15] are readable too (kTokenizerPadding), and the
// sixteen-byte tests run to the end of the span, the last block clipped at
// n. Without the padding the last fifteen bytes of a span are tested a
// byte at a time, and which test a word takes (the block or the byte
// loop, which ends at the word's end) turns at every paragraph's end:
// about two mispredicted branches a paragraph.
template <bool kPadded>
inline size_t AsciiWordRun(const char* p, size_t n, bool& digit) {
  size_t i = 0;
#if defined(__SSE2__)
  // Most words are letters only and end within sixteen bytes: test the
  // block for letters alone first (three vector operations instead of
  // eleven, and no digit bookkeeping). Only a run that stops at a digit,
  // $, % or _, or fills the block, takes the full test below from the
  // start.
  if (kPadded || n >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // (c | 0x20) + (0x80 - 'a') maps exactly the letters to -128..-103.
    const __m128i l = _mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
                                   _mm_set1_epi8(0x80 - 'a'));
    const unsigned letters = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmplt_epi8(l, _mm_set1_epi8(-128 + 26))));
    const unsigned run = static_cast<unsigned>(__builtin_ctz(~letters));
    if (kPadded && run >= n) {
      return n;  // Letters up to the span's end.
    }
    if (run < 16 && kByteClass.of[static_cast<unsigned char>(p[run])] == 0) {
      return run;
    }
  }
  const __m128i a = _mm_set1_epi8('a');
  const __m128i zero = _mm_set1_epi8('0');
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i k25 = _mm_set1_epi8(25);
  const __m128i k9 = _mm_set1_epi8(9);
  while (kPadded ? i < n : i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // Letters: (c | 0x20) - 'a' <= 25 unsigned; digits: c - '0' <= 9.
    const __m128i l = _mm_sub_epi8(_mm_or_si128(v, case_bit), a);
    const __m128i alpha = _mm_cmpeq_epi8(_mm_min_epu8(l, k25), l);
    const __m128i d = _mm_sub_epi8(v, zero);
    const __m128i num = _mm_cmpeq_epi8(_mm_min_epu8(d, k9), d);
    const __m128i other =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('$')),
                                  _mm_cmpeq_epi8(v, _mm_set1_epi8('%'))),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
    const unsigned word = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(alpha, num), other)));
    const unsigned digits = static_cast<unsigned>(_mm_movemask_epi8(num));
    if (word == 0xFFFF && (!kPadded || i + 16 < n)) {
      digit |= digits != 0;
      i += 16;
      continue;
    }
    unsigned run = static_cast<unsigned>(__builtin_ctz(~word));
    if (kPadded && run > n - i) {
      run = static_cast<unsigned>(n - i);  // The span ends first.
    }
    digit |= (digits & ((1u << run) - 1)) != 0;
    return i + run;
  }
#endif
  uint8_t classes = 0;
  while (i < n) {
    const uint8_t c = kByteClass.of[static_cast<unsigned char>(p[i])];
    if (c == 0) {
      break;
    }
    classes |= c;
    ++i;
  }
  digit |= (classes & 2) != 0;
  return i;
}

// Lexicon::WordFlags of the lower-cased word, lower-cased on the stack.
uint32_t FlagsOf(std::string_view word, const Lexicon& lexicon) {
  char buf[32 + Lexicon::kFlagsPadding];
  if (word.size() > 32) {
    return 0;  // No flagged word is that long.
  }
  for (size_t i = 0; i < word.size(); ++i) {
    const auto u = static_cast<unsigned char>(word[i]);
    buf[i] = static_cast<char>(
        u | (static_cast<unsigned char>(u - 'A') < 26 ? 0x20 : 0));
  }
  return lexicon.WordFlagsPadded(std::string_view(buf, word.size()));
}

// Lexicon::WordFlags of an already lower-cased word in the document's
// padded lower-cased copy.
inline uint32_t FlagsOfLower(std::string_view lower_word,
                             const Lexicon& lexicon) {
  if (lower_word.size() > 32) {
    return 0;
  }
  return lexicon.WordFlagsPadded(lower_word);
}

// Builds the token as two 8-byte words in registers: a braced temporary
// written byte by byte and then copied whole stalls on store forwarding,
// and an element added by emplace_back() and written field by field kept
// the stores that zero it first.
static_assert(sizeof(Token) == 16 && offsetof(Token, end) == 4 &&
                  offsetof(Token, kind) == 8 && offsetof(Token, mark) == 9 &&
                  offsetof(Token, shape) == 10 && offsetof(Token, flags) == 12,
              "Add writes a Token as two little-endian words");
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
inline void Add(std::vector<Token>& tokens, size_t begin, size_t end,
                TokenKind kind, QuoteMark mark, uint8_t shape = 0,
                uint32_t flags = 0) {
  const uint64_t span = static_cast<uint32_t>(begin) |
                        (uint64_t{static_cast<uint32_t>(end)} << 32);
  const uint64_t facts = static_cast<uint64_t>(kind) |
                         (static_cast<uint64_t>(mark) << 8) |
                         (uint64_t{shape} << 16) | (uint64_t{flags} << 32);
  Token t;
  void* const bytes = &t;
  __builtin_memcpy(bytes, &span, 8);
  __builtin_memcpy(static_cast<char*>(bytes) + 8, &facts, 8);
  tokens.push_back(t);
}

// ASCII needs no decoding; this is nearly all of English news text.
inline DecodedChar Decode(std::string_view text, size_t pos) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    return {c, 1};
  }
  return DecodeUtf8(text, pos);
}

// The tokenizer proper. `abbreviation(begin, word)` and `flags(begin,
// word)` answer the lexicon questions for the word at byte `begin`.
// `run_bytes`: the text or a copy with the same ASCII letter, digit and
// other bytes at the same offsets (the lower-cased copy), in which word
// runs are measured; kPadded: it is followed by kTokenizerPadding
// readable bytes.
template <bool kPadded, typename AbbreviationFn, typename FlagsFn>
void TokenizeInto(std::string_view text, const char* run_bytes, ByteSpan span,
                  AbbreviationFn abbreviation, FlagsFn flags,
                  std::vector<Token>& tokens) {
  tokens.clear();
  const size_t end = std::min<size_t>(span.end, text.size());
  if (end > span.begin) {
    tokens.reserve((end - span.begin) / 4 + 4);  // ~5 bytes per token.
  }
  text = text.substr(0, end);
  size_t pos = span.begin;
  while (pos < end) {
    const auto c0 = static_cast<unsigned char>(text[pos]);
    const uint8_t lead = kLead.of[c0];
    const size_t word_begin = pos;
    // Most tokens are words opening with an ASCII word character: the
    // word's first run below takes that character in with the rest.
    if (lead != kLeadWord) {
      // ASCII white space needs no decoding.
      if (lead == kLeadSpace) {
        ++pos;
        continue;
      }
      const DecodedChar ch =
          lead == kLeadHigh ? DecodeUtf8(text, pos) : DecodedChar{c0, 1};
      if (lead == kLeadHigh && IsSpaceCode(ch.code)) {
        pos += ch.length;
        continue;
      }
      if (!IsWordCode(ch.code)) {
        // Typewriter-style double quotes: two apostrophes ('') and two
        // backticks (``), as in some wire and newspaper archives.
        if ((ch.code == '\'' || ch.code == '`') && pos + 1 < end &&
            text[pos + 1] == text[pos]) {
          // Three apostrophes not followed by a word (`them,'''`) close a
          // single quote and then the double one; before a word they open
          // the double one first.
          if (ch.code == '\'' && pos + 2 < end && text[pos + 2] == '\'' &&
              (pos + 3 >= end || !IsWordCode(Decode(text, pos + 3).code))) {
            Add(tokens, pos, pos + 1, TokenKind::kOther, QuoteMark::kNone);
            ++pos;
          }
          Add(tokens, pos, pos + 2, TokenKind::kQuote,
              ch.code == '`' ? QuoteMark::kOpening : QuoteMark::kStraight);
          pos += 2;
          continue;
        }
        const Classified cls = ClassifyPunctFast(ch.code);
        Add(tokens, pos, pos + ch.length, cls.kind, cls.mark);
        pos += ch.length;
        continue;
      }
      // A word opening with a non-ASCII letter.
      pos += ch.length;
    }
    bool has_digit = false;
    // Whether a joiner went in: only then can the word hold a hyphen or a
    // period.
    bool joined = false;
    while (pos < end) {
      // ASCII letters and digits need no decoding.
      pos += AsciiWordRun<kPadded>(run_bytes + pos, end - pos, has_digit);
      if (pos >= end) {
        break;
      }
      // The run stopped at an ASCII byte that is no word character: only
      // a joiner between word characters can continue the word.
      const auto b = static_cast<unsigned char>(text[pos]);
      const uint8_t stop = kLead.of[b];
      if (stop == kLeadSpace || stop == kLeadPunct) {
        break;
      }
      const DecodedChar next = Decode(text, pos);
      if (b >= 0x80 && IsWordCode(next.code)) {
        pos += next.length;
        continue;
      }
      if (IsJoiner(next.code) && pos + next.length < end) {
        const DecodedChar after = Decode(text, pos + next.length);
        if (IsWordCode(after.code) && after.code != '$' && after.code != '%') {
          has_digit |= after.code >= '0' && after.code <= '9';
          pos += next.length + after.length;
          joined = true;
          continue;
        }
        // "the Roes' farm", "the Roes’ farm": the apostrophe of a
        // plural possessive stays in the word (single quote marks are never
        // paired anyway), so it does not break a speaker's appositive.
        if ((next.code == '\'' || next.code == 0x2019) &&
            (text[pos - 1] == 's' || text[pos - 1] == 'S') &&
            (after.code == ' ' || after.code == ',')) {
          pos += next.length;
        }
      }
      break;
    }
    // Absorb the period of abbreviations so it does not end a sentence. (A
    // plural possessive's apostrophe was taken into the word above.)
    uint8_t period = 0;
    if (pos < end && text[pos] == '.') {
      const std::string_view word(text.data() + word_begin, pos - word_begin);
      const bool initial = word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z';
      // "R-Ky.", "D-Calif.": a party and a state.
      const size_t hyphen = joined ? word.rfind('-') : std::string_view::npos;
      // "the No. 3 official": "No." before a number ("He said no. 2 more"
      // is rare next to it).
      const bool number_sign = word.size() == 2 && word[0] == 'N' &&
                               word[1] == 'o' && pos + 2 < end &&
                               text[pos + 1] == ' ' && text[pos + 2] >= '0' &&
                               text[pos + 2] <= '9';
      if (initial || number_sign ||
          (joined && IsDottedAcronym(word, has_digit)) ||
          abbreviation(word_begin, word) ||
          (hyphen != std::string_view::npos && hyphen + 1 < word.size() &&
           abbreviation(word_begin + hyphen + 1, word.substr(hyphen + 1)))) {
        ++pos;
        period = kShapePeriod;
      }
    }
    const std::string_view word(text.data() + word_begin, pos - word_begin);
    Add(tokens, word_begin, pos, TokenKind::kWord, QuoteMark::kNone,
        ShapeOf(word, has_digit, joined) | period, flags(word_begin, word));
    // Most words end at a single space: step over it here rather than in
    // one more round of the loop above.
    if (pos < end && text[pos] == ' ') {
      ++pos;
    }
  }
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, ByteSpan span,
                            const Lexicon& lexicon) {
  std::vector<Token> tokens;
  TokenizeInto<false>(
      text, text.data(), span,
      [&](size_t, std::string_view word) {
        return IsAbbreviationWord(word, lexicon);
      },
      [&](size_t, std::string_view word) { return FlagsOf(word, lexicon); },
      tokens);
  return tokens;
}

void Tokenize(std::string_view text, std::string_view lower, ByteSpan span,
              const Lexicon& lexicon, std::vector<Token>& tokens) {
  static_assert(kTokenizerPadding >= Lexicon::kFlagsPadding,
                "the flag look-ups read past a word too");
  TokenizeInto<true>(
      text, lower.data(), span,
      [&](size_t begin, std::string_view word) {
        return IsAbbreviationLower(
            std::string_view(lower.data() + begin, word.size()), lexicon);
      },
      [&](size_t begin, std::string_view word) {
        return FlagsOfLower(std::string_view(lower.data() + begin, word.size()),
                            lexicon);
      },
      tokens);
}

}  // namespace claimtrack::engine
