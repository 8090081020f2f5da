#include "services/extraction/engine/claim_detector.h"

#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <string>

#include "services/extraction/engine/utf8.h"

namespace claimtrack::engine {
namespace {

constexpr size_t kMinClaimWords = 4;
constexpr int kMinScore = 2;

// Phrases that report a failure to comment: never a claim worth checking.
constexpr std::string_view kNoCommentPhrases[] = {
    "request for comment",  "did not respond",  "declined to comment",
    "could not be reached", "did not return",   "did not immediately",
    "no comment",           "not respond",      "declined to say",
    "did not reply",        "not available for"};

// True if `lower` holds one of kNoCommentPhrases. Boyer-Moore-Horspool
// skips ahead by up to a whole phrase; a plain find stops at every
// occurrence of the phrase's first letter.
bool HasNoCommentPhrase(std::string_view lower) {
  using Searcher = std::boyer_moore_horspool_searcher<const char*>;
  static const std::vector<Searcher>* const kSearchers = [] {
    auto* searchers = new std::vector<Searcher>;
    for (std::string_view phrase : kNoCommentPhrases) {
      searchers->emplace_back(phrase.data(), phrase.data() + phrase.size());
    }
    return searchers;
  }();
  const char* const end = lower.data() + lower.size();
  for (const Searcher& searcher : *kSearchers) {
    if (searcher(lower.data(), end).first != end) {
      return true;
    }
  }
  return false;
}

// Sentence-initial words that open an adverbial phrase ("Along with ...,").
bool IsAdverbialOpener(std::string_view w) {
  static constexpr std::string_view kOpeners[] = {
      "along",   "despite", "after",   "in",     "with",   "following",
      "amid",    "since",   "as",      "before", "under",  "while",
      "unlike",  "like",    "besides", "beyond", "during", "over",
      "through", "on",      "for",     "at",     "by",     "although",
      "though",  "because", "if",      "when",   "once",   "meanwhile"};
  return std::find(std::begin(kOpeners), std::end(kOpeners), w) !=
         std::end(kOpeners);
}

// The first three bytes of p as one number.
constexpr uint32_t Prefix3(const char* p) {
  return static_cast<uint32_t>(static_cast<unsigned char>(p[0])) |
         (static_cast<uint32_t>(static_cast<unsigned char>(p[1])) << 8) |
         (static_cast<uint32_t>(static_cast<unsigned char>(p[2])) << 16);
}

// The first masked span the token overlaps, or nullptr.
const ByteSpan* Overlapping(const Token& t,
                            const std::vector<ByteSpan>& masked) {
  for (const ByteSpan& m : masked) {
    if (t.begin < m.end && m.begin < t.end) {
      return &m;
    }
  }
  return nullptr;
}

class ClaimScanner {
 public:
  ClaimScanner(std::string_view text, std::string_view lower,
               const std::vector<Token>& tokens, const Lexicon& lexicon)
      : text_(text), lower_(lower), toks_(tokens), lex_(lexicon) {}

  void Evaluate(size_t b, size_t e, std::vector<Statement>& out) const {
    // Drop leading punctuation and connectives ("which", "and").
    while (b < e && (toks_[b].kind != TokenKind::kWord ||
                     (toks_[b].flags & Lexicon::kClauseOpener) != 0 ||
                     Low(b) == "and" || Low(b) == "but")) {
      ++b;
    }
    while (e > b && toks_[e - 1].kind != TokenKind::kWord &&
           toks_[e - 1].kind != TokenKind::kCloseParen &&
           toks_[e - 1].kind != TokenKind::kQuote) {
      --e;
    }
    if (e <= b) {
      return;
    }
    size_t words = 0;
    int score = 0;
    int entities = 0;
    bool quantity = false;
    for (size_t i = b; i < e; ++i) {
      if (toks_[i].kind != TokenKind::kWord) {
        continue;
      }
      ++words;
      const std::string_view w = Text(i);
      const uint32_t flags = toks_[i].flags;
      if (toks_[i].shape & kShapeDigit) {
        quantity = true;
        score += 2;
      } else if (flags & Lexicon::kNumberWord) {
        quantity = true;
        score += 1;
      }
      // Added, not branched on: capitalized words come and go with no
      // pattern a predictor could learn. "I" is capitalized but names no
      // entity.
      const bool pronoun_i = w.size() == 1 && w[0] == 'I';
      entities +=
          (i > b) & ((toks_[i].shape & kShapeCapitalized) != 0) & !pronoun_i;
      if (flags & Lexicon::kHedge) {
        score -= 1;
      }
    }
    score += std::min(entities, 2);
    if (words < kMinClaimWords || score < kMinScore) {
      return;
    }
    const ByteSpan span{toks_[b].begin, toks_[e - 1].end};
    if (MayHoldNoCommentPhrase(b, e) &&
        HasNoCommentPhrase(lower_.substr(span.begin, span.end - span.begin))) {
      return;
    }
    // Filled in place: a Statement is ~700 bytes, not worth moving.
    Statement& s = out.emplace_back();
    s.kind = StatementKind::kFactualClaim;
    // Built whole: cheaper than assigning into the empty string.
    s.content = std::string(text_.substr(span.begin, span.end - span.begin));
    s.content_spans.push_back(span);
    s.confidence = std::min(0.9, 0.35 + 0.1 * score);
    s.rule = quantity ? "claim.quantity" : "claim.named_entity";
  }

  // A cheap necessary condition for HasNoCommentPhrase on tokens [b, e):
  // each phrase holds a word that follows a space, so some token starts
  // with it ("comment" in "no comment", "say" in "declined to say").
  bool MayHoldNoCommentPhrase(size_t b, size_t e) const {
    static constexpr std::string_view kAnchors[] = {
        "comment",     "respond", "reached", "return",
        "immediately", "say",     "reply",   "available"};
    // Every anchor has three letters or more; their first three, as one
    // number, turn away nearly every token.
    static constexpr auto kPrefixes = [] {
      std::array<uint32_t, std::size(kAnchors)> prefixes{};
      for (size_t k = 0; k < std::size(kAnchors); ++k) {
        prefixes[k] = Prefix3(kAnchors[k].data());
      }
      return prefixes;
    }();
    // A perfect hash of the eight prefixes onto eight slots (the
    // multiplier was found by search; the assertion checks it), so that a
    // token costs one multiplication and one comparison instead of eight.
    static_assert(std::size(kAnchors) == 8);
    constexpr auto slot_of = [](uint32_t prefix) {
      return static_cast<size_t>((prefix * uint32_t{0x07E7CEF8}) >> 29);
    };
    static constexpr auto kAnchorOfSlot = [slot_of] {
      std::array<uint8_t, 8> anchors{};
      for (size_t k = 0; k < std::size(kAnchors); ++k) {
        anchors[slot_of(kPrefixes[k])] = static_cast<uint8_t>(k);
      }
      return anchors;
    }();
    static_assert(
        [slot_of] {
          for (size_t k = 0; k < std::size(kAnchors); ++k) {
            if (kAnchorOfSlot[slot_of(kPrefixes[k])] != k) {
              return false;
            }
          }
          return true;
        }(),
        "two no-comment anchors share a slot");
    // A token of one or two bytes (most punctuation, "a", "of") is not
    // turned away by a branch on its length, which mispredicted: its
    // prefix reads a byte or two past it (the copy is padded, see
    // DetectClaims), and no anchor is that short.
    for (size_t i = b; i < e; ++i) {
      const size_t n = toks_[i].end - toks_[i].begin;
      const char* const p = lower_.data() + toks_[i].begin;
      const uint32_t prefix = Prefix3(p);
      const size_t k = kAnchorOfSlot[slot_of(prefix)];
      if (prefix == kPrefixes[k] && n >= kAnchors[k].size() &&
          std::string_view(p, kAnchors[k].size()) == kAnchors[k]) {
        return true;
      }
    }
    return false;
  }

  std::string_view Text(size_t i) const { return TokenText(text_, toks_[i]); }
  std::string_view Low(size_t i) const { return TokenText(lower_, toks_[i]); }

 private:
  std::string_view text_;
  std::string_view lower_;
  const std::vector<Token>& toks_;
  const Lexicon& lex_;
};

}  // namespace

void DetectClaims(std::string_view text, std::string_view lower,
                  const std::vector<Token>& tokens, const Sentence& sentence,
                  const std::vector<ByteSpan>& masked, const Lexicon& lexicon,
                  std::vector<Statement>& out) {
  const ClaimScanner scanner(text, lower, tokens, lexicon);
  size_t clause_begin = sentence.token_begin;
  bool at_sentence_start = true;
  auto flush = [&](size_t end) {
    if (end > clause_begin) {
      scanner.Evaluate(clause_begin, end, out);
    }
    clause_begin = end;
    at_sentence_start = false;
  };
  const size_t sentence_end = sentence.token_end;
  for (size_t i = sentence.token_begin; i < sentence_end; ++i) {
    // Without masked spans a word that opens no clause changes nothing
    // below: skip such words in a loop of their own.
    if (masked.empty()) {
      while (i < sentence_end && tokens[i].kind == TokenKind::kWord &&
             (tokens[i].flags & Lexicon::kClauseOpener) == 0) {
        ++i;
      }
      if (i == sentence_end) {
        break;
      }
    }
    const Token& t = tokens[i];
    if (const ByteSpan* const m = Overlapping(t, masked)) {
      flush(i);
      // Tokens are ordered and disjoint, so every later token that starts
      // before the span's end overlaps it too: step over them at once. (One
      // by one, each would test the spans again and flush an empty clause;
      // most of a sentence with an attribution is masked.)
      size_t j = i + 1;
      while (j < sentence_end && tokens[j].begin < m->end) {
        ++j;
      }
      clause_begin = j;
      i = j - 1;
      continue;
    }
    if (t.kind == TokenKind::kSemicolon || t.kind == TokenKind::kDash) {
      flush(i);
      continue;
    }
    if (t.kind == TokenKind::kWord && (t.flags & Lexicon::kClauseOpener)) {
      const std::string_view lw = scanner.Low(i);
      // "when WarCAT was created": temporal and relative clauses stand alone.
      if (i > clause_begin &&
          (lw == "when" || lw == "while" || lw == "whereas")) {
        flush(i);
        continue;
      }
    }
    if (t.kind == TokenKind::kComma && i + 1 < sentence.token_end &&
        tokens[i + 1].kind == TokenKind::kWord) {
      if (tokens[i + 1].flags & Lexicon::kClauseOpener) {
        flush(i);
        continue;
      }
      // "Along with exiting the ICPA, the Trump administration is ...".
      if (at_sentence_start && clause_begin == sentence.token_begin &&
          i - clause_begin <= 12 &&
          IsAdverbialOpener(scanner.Low(clause_begin))) {
        flush(i);
        continue;
      }
    }
  }
  flush(sentence.token_end);
}

}  // namespace claimtrack::engine
