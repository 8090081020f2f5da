// Splits a stretch of text into words and punctuation tokens with byte spans.
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_TOKENIZER_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "services/extraction/engine/attribution_engine.h"
#include "services/extraction/engine/lexicon.h"

namespace claimtrack::engine {

enum class TokenKind : uint8_t {
  kWord,
  kComma,
  kTerminal,  // . ! ? …
  kColon,
  kSemicolon,
  kQuote,  // double quote marks only; apostrophes stay inside words
  kOpenParen,
  kCloseParen,
  kDash,
  kOther,
};

enum class QuoteMark : uint8_t { kNone, kOpening, kClosing, kStraight };

// Spelling facts about a word token, computed once by the tokenizer so that
// the rules test a bit instead of re-reading the word. 0 for punctuation.
enum WordShape : uint8_t {
  kShapeLowercase = 1,    // IsLowercaseWord: starts with a-z.
  kShapeCapitalized = 2,  // IsCapitalizedWord.
  kShapeDigit = 4,        // ContainsDigit.
  kShapeAcronym = 8,      // IsAcronym.
  // The word took in its trailing period ("Ms.", "J.", "U.S."): the
  // sentence splitter tests this bit for every token instead of reading
  // the word's last byte. (No other word ends with a period.)
  kShapePeriod = 16,
  // The word ends in a possessive "'s" or "’s" (PossessiveSuffixLength):
  // the entity index tests it for every word of a capitalized run.
  kShapePossessive = 32,
};

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kOther;
  QuoteMark mark = QuoteMark::kNone;  // Set for kQuote tokens.
  uint8_t shape = 0;                  // WordShape bits, words only.
  // Lexicon::WordFlags of the lower-cased word (words only): the cue
  // finder and the claim scanner ask for every word.
  uint32_t flags = 0;
};

// Tokenizes text[span.begin, span.end). A word absorbs its trailing period
// when it is an abbreviation ("Ms.", "Sept."), an initial ("J.") or a dotted
// acronym ("U.S."), so that the period is not mistaken for a sentence end.
std::vector<Token> Tokenize(std::string_view text, ByteSpan span,
                            const Lexicon& lexicon);

// Readable bytes the tokenizer needs after `lower` (below).
inline constexpr size_t kTokenizerPadding = 16;

// The same into `tokens` (cleared first; its capacity is reused), with
// `lower` the ASCII-lower-cased copy of `text` (same offsets), followed in
// memory by kTokenizerPadding readable bytes: each word's lexicon flags
// are then looked up in place, without lower-casing it again, and word
// runs are measured in it sixteen bytes at a time up to the span's end.
void Tokenize(std::string_view text, std::string_view lower, ByteSpan span,
              const Lexicon& lexicon, std::vector<Token>& tokens);

// `text` is the text the token was cut from (or a copy with the same
// offsets): the token lies inside it, so no bounds check is needed (rules
// ask for token texts in their innermost loops).
inline std::string_view TokenText(std::string_view text, const Token& t) {
  return std::string_view(text.data() + t.begin, t.end - t.begin);
}

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_TOKENIZER_H_
