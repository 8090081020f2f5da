#include "services/extraction/engine/attribution_rules.h"

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "absl/container/inlined_vector.h"
#include "services/extraction/engine/phrasal_cues.h"
#include "services/extraction/engine/utf8.h"

namespace claimtrack::engine {
namespace {

constexpr size_t kMaxNameWords = 8;
constexpr size_t kMaxRoleWords = 14;
constexpr size_t kMaxObjectWords = 4;
constexpr size_t kMaxContextWords = 8;
// A subject with an aside inside it ("the plan, which ..., will"): at most
// this many tokens before the aside, and in it.
constexpr size_t kMaxAsideHead = 6;
constexpr size_t kMaxAsideTokens = 25;
constexpr size_t kMaxSubjectWords = 10;
constexpr size_t kMaxLabelWords = 4;
constexpr size_t kMaxRecipientTokens = 12;
constexpr size_t kMaxAppositiveTokens = 40;
// Real sentences hold a handful of cues; the cap keeps pathological input
// (megabytes without punctuation) linear.
constexpr size_t kMaxHitsPerSentence = 16;

// One speech cue in a sentence and what the rules learned about it.
struct Hit {
  size_t verb = 0;         // Cue verb token ("according" for according-to).
  size_t cue_begin = 0;    // First cue token (auxiliary included).
  size_t chain_begin = 0;  // First token of aux/adverb chain before the verb.
  size_t cue_end = 0;      // Exclusive; includes the object of "told".
  bool according = false;
  bool participle = false;  // ", saying ...": speaker is the clause subject.
  bool coordinated = false;  // "... and said ...": same subject as before.
  bool noun = false;         // "his warning that ...": possessive source.
  bool after_quote = false;  // Participle right after `,"`.
  bool time_clause = false;  // Participle after "after"/"before".
  bool second_participle = false;  // "..., calling X and urging Y".
  bool contraction = false;  // Subject and auxiliary in one: "she's said".
  bool negated = false;  // "did not say", "never mentioned".
  bool as_clause = false;  // "As Lee noted, X", "X, as Lee noted".
  // Speaker phrase as token ranges.
  bool has_speaker = false;
  bool inverted = false;  // "said Schmid".
  size_t name_begin = 0, name_end = 0;
  bool has_role = false;
  size_t role_begin = 0, role_end = 0;
  size_t frame_begin = 0;  // First token of speaker + cue.
  size_t after = 0;        // First token after the attribution frame.
  // Classification.
  enum class Shape {
    kNone,
    kQuoteFirst,
    kTrailing,
    kForward,
    kLeading,
    kParticiple
  };
  Shape shape = Shape::kNone;
  size_t trailing_comma = kNoToken;  // For kTrailing.
  int quote_before = -1;             // For kQuoteFirst.
  bool relayed = false;              // Became the relay of another hit.
  int relay_of = -1;                 // Index of the hit that relays this one.
};

// Most sentences hold at most a few cues and trailing frames: kept on the
// stack, they cost no allocation.
using Hits = absl::InlinedVector<Hit, 4>;
using Trailing = absl::InlinedVector<size_t, 8>;

// True if `w` is `word` (a string literal). Same as `w == word`, but in the
// large rule functions below GCC stops inlining string_view's comparison
// and calls it and memcmp out of line for every word of the literal's
// length; with the length a constant, the memcmp is expanded inline into
// a load or two.
template <size_t N>
[[gnu::always_inline]] inline bool Is(std::string_view w,
                                      const char (&word)[N]) {
  return w.size() == N - 1 && __builtin_memcmp(w.data(), word, N - 1) == 0;
}

// A word sliced from the padded lower-cased copy (SentenceInput::lower):
// Lexicon::kFlagsPadding readable bytes follow it, so Is() reads its first
// eight bytes in one load and compares them with the literal's, and its
// length with the literal's, without a branch on either: the words the
// rules compare follow the text, so those branches mispredicted.
struct LowText : std::string_view {};

template <size_t N>
[[gnu::always_inline]] inline bool Is(LowText w, const char (&word)[N]) {
  if constexpr (N - 1 > 8) {
    return Is(static_cast<std::string_view>(w), word);
  } else {
    constexpr uint64_t kMask =
        N - 1 == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * (N - 1))) - 1;
    uint64_t first8, literal = 0;
    std::memcpy(&first8, w.data(), 8);
    std::memcpy(&literal, word, N - 1);
    return (w.size() == N - 1) & ((first8 & kMask) == literal);
  }
}

// True if `w` is one of `list`'s words.
template <size_t N>
bool InWordList(const std::string_view (&list)[N], std::string_view w) {
  for (const std::string_view x : list) {
    if (w == x) {
      return true;
    }
  }
  return false;
}

// "express" and "voice" in any form: their stance noun joins the cue
// ("expressed concern that X").
bool IsStanceVerb(std::string_view lw) {
  return lw.rfind("express", 0) == 0 || lw.rfind("voice", 0) == 0;
}

// Words that cannot sit inside a subject noun phrase: verbs, clause
// openers and subordinators. Prepositions may ("Most of the jurors said").
bool IsClauseWord(std::string_view lw) {
  // Grouped by length: a word is compared only with the list words of its
  // own length (string_views, so no strlen), not with all 61.
  static constexpr std::string_view k2[] = {"if", "so", "is", "be",
                                            "do", "it", "as"};
  static constexpr std::string_view k3[] = {"who", "but", "was", "are",
                                            "has", "had", "can", "may",
                                            "did", "not", "how", "why"};
  static constexpr std::string_view k4[] = {
      "that", "whom", "when", "were", "been", "have", "will",
      "must", "does", "said", "says", "told", "also", "then",
      "what", "here", "once", "just", "even", "only"};
  static constexpr std::string_view k5[] = {
      "which", "whose", "while", "where", "being", "would", "could",
      "might", "there", "after", "since", "until", "never", "still"};
  static constexpr std::string_view k6[] = {"though", "should", "before",
                                            "unless"};
  switch (lw.size()) {
    case 2:
      return InWordList(k2, lw);
    case 3:
      return InWordList(k3, lw);
    case 4:
      return InWordList(k4, lw);
    case 5:
      return InWordList(k5, lw);
    case 6:
      return InWordList(k6, lw);
    case 7:
      return Is(lw, "because") || Is(lw, "whether");
    case 8:
      return Is(lw, "although");
    case 9:
      return Is(lw, "according");
    default:
      return false;
  }
}

// A plural subject right before a base-form verb makes it finite ("they
// say", "polls show", "Democrats want").
bool IsPluralSubject(std::string_view lw, std::string_view raw) {
  if (Is(lw, "i") || Is(lw, "we") || Is(lw, "you") || Is(lw, "they") ||
      Is(lw, "who") || Is(lw, "people") || Is(lw, "many") || Is(lw, "others") ||
      Is(lw, "some") || Is(lw, "both") || Is(lw, "few") || Is(lw, "most") ||
      Is(lw, "all") || Is(lw, "data")) {
    return true;
  }
  // Plurals of people without an -s: "women say", "the police say",
  // "congressmen say".
  if (Is(lw, "children") || Is(lw, "police") || Is(lw, "staff") ||
      Is(lw, "personnel") || Is(lw, "alumni") || Is(lw, "clergy") ||
      Is(lw, "media") ||
      (lw.size() >= 3 && lw.compare(lw.size() - 3, 3, "men") == 0 &&
       !Is(lw, "omen") && !Is(lw, "amen") && !Is(lw, "abdomen") &&
       !Is(lw, "regimen") && !Is(lw, "specimen") && !Is(lw, "acumen") &&
       !Is(lw, "yemen"))) {
    return true;
  }
  if (lw.size() < 4 || lw.back() != 's') {
    return false;
  }
  if (lw.compare(lw.size() - 2, 2, "ss") == 0 ||
      lw.compare(lw.size() - 2, 2, "us") == 0 ||
      lw.compare(lw.size() - 2, 2, "is") == 0 ||
      lw.compare(lw.size() - 2, 2, "'s") == 0 ||
      raw.find("\xE2\x80\x99") != std::string_view::npos) {
    return false;
  }
  return !Is(lw, "this") && !Is(lw, "was") && !Is(lw, "has") &&
         !Is(lw, "does") && !Is(lw, "news") && !Is(lw, "always") &&
         !Is(lw, "perhaps") && !Is(lw, "sometimes") && !Is(lw, "its") &&
         !Is(lw, "hers") && !Is(lw, "ours") && !Is(lw, "yours") &&
         !Is(lw, "theirs") && !Is(lw, "whereas") && !Is(lw, "afterwards") &&
         !Is(lw, "towards");
}

// Relative and wh- pronouns that can open a clause whose verb follows a
// speaker frame ("which Roe said would fail", "what he called a sham").
bool IsRelativeWord(std::string_view lw) {
  return Is(lw, "which") || Is(lw, "who") || Is(lw, "whom") || Is(lw, "what");
}

// "WASHINGTON", "PARIS": three or more ASCII capitals and nothing else.
bool IsUpperCaseWord(std::string_view w) {
  if (w.size() < 3) {
    return false;
  }
  for (char c : w) {
    if (c < 'A' || c > 'Z') {
      return false;
    }
  }
  return true;
}

bool IsPossessive(std::string_view w) {
  return (w.size() > 2 && Is(w.substr(w.size() - 2), "'s")) ||
         (w.size() > 4 && Is(w.substr(w.size() - 4), "\xE2\x80\x99s"));
}

// "she's", "they’re", "we've", "he'd": a subject pronoun glued to a
// contracted auxiliary (the tokenizer keeps the apostrophe inside the
// word). After a pronoun "'s" is "is"/"has", never a possessive.
bool IsPronounContraction(std::string_view lw) {
  // The pronoun below has two to four letters, so only the word's bytes 2-4
  // can hold its apostrophe: they are searched alone, not the whole word
  // with find_first_of (a memchr of the two marks per byte, for nearly every
  // word before a cue). An apostrophe before byte 2 stays in the prefix, and
  // a prefix holding one is no pronoun either.
  size_t apostrophe = 2;
  while (apostrophe < 5 && apostrophe < lw.size() && lw[apostrophe] != '\'' &&
         lw[apostrophe] != '\xE2') {
    ++apostrophe;
  }
  if (apostrophe == 5 || apostrophe >= lw.size()) {
    return false;
  }
  const std::string_view pronoun = lw.substr(0, apostrophe);
  std::string_view rest = lw.substr(apostrophe);
  if (Is(rest.substr(0, 1), "'")) {
    rest.remove_prefix(1);
  } else if (Is(rest.substr(0, 3), "\xE2\x80\x99")) {
    rest.remove_prefix(3);
  } else {
    return false;
  }
  // Third persons and "we": "I'd like" and "you're" outside quotes are
  // mostly transcript or the author's aside, not a report.
  if (!Is(pronoun, "he") && !Is(pronoun, "she") && !Is(pronoun, "they") &&
      !Is(pronoun, "we")) {
    return false;
  }
  return Is(rest, "s") || Is(rest, "re") || Is(rest, "ve") || Is(rest, "d") ||
         Is(rest, "ll");
}

// True if w ends with the two letters of `suffix` ("ed", "ly"); compares
// bytes, so it costs no call where the compiler does not inline compare().
bool EndsWith2(std::string_view w, const char (&suffix)[3]) {
  return w.size() >= 2 && w[w.size() - 2] == suffix[0] &&
         w[w.size() - 1] == suffix[1];
}

// A finite verb form after a quote and its speaker: a past form in -ed
// ("surmised", "barked"), a present one in -s ("points out") or a common
// irregular past ("shot back", "went on").
bool IsFiniteVerbForm(std::string_view lw) {
  const size_t n = lw.size();
  if (n > 4 && EndsWith2(lw, "ed")) {
    return true;
  }
  if (n > 3 && lw[n - 1] == 's' && lw[n - 2] != 's' && lw[n - 2] != 'u' &&
      lw[n - 2] != 'i' && lw[n - 2] != '\'') {
    return true;
  }
  return Is(lw, "shot") || Is(lw, "went") || Is(lw, "began") ||
         Is(lw, "spoke") || Is(lw, "swore") || Is(lw, "sang") || Is(lw, "read");
}

class SentenceRules {
 public:
  SentenceRules(const SentenceInput& in, const Lexicon& lex)
      : text_(in.text),
        lower_(in.lower),
        toks_(*in.tokens),
        quotes_(*in.quotes),
        quote_of_(*in.quote_of),
        tb_(in.sentence.token_begin),
        te_(in.sentence.token_end),
        lex_(lex) {
    body_end_ = te_;
    while (body_end_ > tb_ &&
           (toks_[body_end_ - 1].kind == TokenKind::kTerminal ||
            toks_[body_end_ - 1].kind == TokenKind::kOther ||
            (toks_[body_end_ - 1].kind == TokenKind::kCloseParen &&
             !ClosesParenInside(body_end_ - 1))) &&
           quote_of_[body_end_ - 1] < 0) {
      --body_end_;
    }
  }

  // Fills `out` (cleared first; the capacity of its vectors is reused).
  void Run(SentenceAttributions& out);

 private:
  // Whether the closing parenthesis at i closes one opened in the sentence
  // ("Rep. Lee Roe (R-Texas)." keeps it; "(The pier closed.)" does not).
  bool ClosesParenInside(size_t i) const {
    int depth = 0;
    for (size_t j = i; j > tb_ + 1;) {
      --j;
      depth += (toks_[j].kind == TokenKind::kCloseParen) -
               (toks_[j].kind == TokenKind::kOpenParen);
      if (depth < 0) {
        return true;  // Its opening mark, after the sentence's first token.
      }
    }
    return false;
  }
  bool IsWord(size_t i) const { return toks_[i].kind == TokenKind::kWord; }
  bool InQuote(size_t i) const { return quote_of_[i] >= 0; }
  bool Free(size_t i) const { return IsWord(i) && !InQuote(i); }
  bool FreeKind(size_t i, TokenKind k) const {
    return toks_[i].kind == k && !InQuote(i);
  }
  std::string_view Text(size_t i) const { return TokenText(text_, toks_[i]); }
  // Spelling of token i, from the bits the tokenizer set.
  bool LowerAt(size_t i) const { return toks_[i].shape & kShapeLowercase; }
  bool CapAt(size_t i) const { return toks_[i].shape & kShapeCapitalized; }
  bool DigitAt(size_t i) const { return toks_[i].shape & kShapeDigit; }
  bool AcronymAt(size_t i) const { return toks_[i].shape & kShapeAcronym; }
  // Lower-cased token text, sliced from the document's lower-cased copy (no
  // allocation: ASCII lower-casing keeps byte offsets).
  LowText Low(size_t i) const { return {TokenText(lower_, toks_[i])}; }
  // The same for the lexicon's predicates: the copy is padded
  // (SentenceInput::lower), so the word's key is read without branching on
  // its length.
  Lexicon::Word LowWord(size_t i) const {
    return Lexicon::Word::Padded(Low(i));
  }
  // Whether word token i is "and" or "but" (in any case), without a
  // branch: its first three bytes are read from the padded copy as one
  // little-endian number, as the lexicon reads its keys
  // (SentenceInput::lower).
  bool AndOrBut(size_t i) const {
    constexpr uint32_t kAnd = 'a' | 'n' << 8 | 'd' << 16;
    constexpr uint32_t kBut = 'b' | 'u' << 8 | 't' << 16;
    uint32_t first3;
    std::memcpy(&first3, lower_.data() + toks_[i].begin, 4);
    first3 &= 0xFFFFFF;
    return (toks_[i].end - toks_[i].begin == 3) &
           ((first3 == kAnd) | (first3 == kBut));
  }
  // "After Lee said ...", "While critics argue ...": subordinate clauses and
  // "after"/"before" clauses that open a sentence.
  bool SubordinatorOrPreposition(size_t i) const {
    return lex_.IsSubordinator(LowWord(i)) || Is(Low(i), "after") ||
           Is(Low(i), "before");
  }
  ByteSpan SpanOf(size_t b, size_t e) const {
    return {toks_[b].begin, toks_[e - 1].end};
  }
  // Index of the quote whose closing mark is token i, else -1.
  int ClosingQuoteAt(size_t i) const {
    const int q = quote_of_[i];
    if (q >= 0 && quotes_[q].close_token == i) {
      return q;
    }
    return -1;
  }
  int OpeningQuoteAt(size_t i) const {
    const int q = quote_of_[i];
    if (q >= 0 && quotes_[q].open_token == i) {
      return q;
    }
    return -1;
  }

  Hits FindCues(size_t from) const;
  size_t ObjectEnd(size_t begin) const;
  // A free "as" within the clause after token i ("see X as Y").
  bool AsComplementFollows(size_t i) const {
    for (size_t j = i + 2; j < body_end_ && j <= i + 10 && Free(j); ++j) {
      if (Is(Low(j), "as")) {
        return true;
      }
      if (toks_[j].kind != TokenKind::kWord) {
        break;
      }
    }
    return false;
  }
  size_t CompoundObjectEnd(size_t e) const;
  bool SpeakerBefore(ptrdiff_t k, Hit& h) const;
  bool AsClause(Hit& h) const;
  bool NameBefore(ptrdiff_t k, size_t& begin) const;
  size_t SubjectStart() const;
  bool WholeSubject(size_t b, size_t k) const;
  size_t SubjectAfterComma(ptrdiff_t k) const;
  // A cue verb in its -s form with no auxiliary ("questions", "notes",
  // "fears", "demands") reads as a plural noun as often: "..., raised new
  // questions about X". "says" is only a verb.
  bool NounLikeCue(const Hit& h) const {
    const LowText v = Low(h.verb);
    return h.cue_begin == h.verb && v.size() > 3 && v.back() == 's' &&
           !Is(v, "says");
  }
  bool LongAppositive(ptrdiff_t k, Hit& h) const;
  bool SpeakerAside(size_t i) const;
  bool SubjectPhrase(size_t limit, size_t& b, size_t& e) const;
  bool SpeakerLabel(SentenceAttributions& out) const;
  size_t QuestionStart(size_t from) const;
  // Returns the first token after the question (tb_ if there is none).
  size_t AskedIntro(SentenceAttributions& out) const;
  void WhenAsked(SentenceAttributions& out) const;
  void PollLead(SentenceAttributions& out) const;
  void EmbeddedQuotes(SentenceAttributions& out) const;
  std::optional<SpeakerPhrase> EmbeddedQuoteSpeaker(size_t subject,
                                                    size_t begin,
                                                    size_t open) const;
  bool ValidHead(size_t i) const;
  bool SpeakerAfter(Hit& h) const;
  void Classify(Hit& h) const;
  size_t ClauseEnd(size_t begin, const Trailing& trailing) const;
  size_t ContextEnd(size_t begin) const;
  RawStatement BuildContent(size_t b, size_t e) const;
  // A preposition right after a cue verb belongs to the cue ("calls for",
  // "talked about", "referring to the bill"); an infinitive "to" does not.
  bool IsParticle(size_t i) const {
    if (i + 1 >= body_end_ || !Free(i) || !Free(i + 1)) {
      return false;
    }
    const LowText w = Low(i);
    // "predicted about a third of X", "said about 40 percent": "about" a
    // number is an estimate, no particle.
    if (Is(w, "about") &&
        (DigitAt(i + 1) ||
         (lex_.IsNumberWord(LowWord(i + 1)) && !Is(Low(i + 1), "all") &&
          !Is(Low(i + 1), "every") && !Is(Low(i + 1), "only") &&
          !Is(Low(i + 1), "most")))) {
      return false;
    }
    if (Is(w, "for") || Is(w, "about") || Is(w, "of") || Is(w, "out") ||
        Is(w, "on") || Is(w, "at") || Is(w, "against") || Is(w, "with") ||
        Is(w, "up") || Is(w, "into") || Is(w, "over")) {
      return true;
    }
    if (!Is(w, "to")) {
      return false;
    }
    const LowText next = Low(i + 1);
    if (lex_.IsDeterminer(LowWord(i + 1)) || lex_.IsPronoun(LowWord(i + 1)) ||
        Is(next, "him") || Is(next, "them") || Is(next, "me") ||
        Is(next, "us") || CapAt(i + 1) || DigitAt(i + 1)) {
      return true;
    }
    // "referring to herself", "admitted to lying", "pointed to polls": no
    // infinitive takes a reflexive, a gerund or a plural noun.
    const size_t n = next.size();
    if (Is(next, "himself") || Is(next, "herself") || Is(next, "themselves") ||
        Is(next, "itself") || Is(next, "myself") || Is(next, "ourselves")) {
      return true;
    }
    if (n > 4 && next.compare(n - 3, 3, "ing") == 0 && !Is(next, "bring") &&
        !Is(next, "swing") && !Is(next, "sting") && !Is(next, "cling") &&
        !Is(next, "fling")) {
      return true;
    }
    return n > 3 && next[n - 1] == 's' && next[n - 2] != 's' &&
           next[n - 2] != 'u' && next[n - 2] != 'i';
  }
  // "told a radio host in Salem on Monday that X": the recipient is left
  // out; the content starts at "that", or at a quote after a comma
  // (`told reporters in Salem, "..."`). Returns b if neither follows soon.
  size_t AfterRecipient(size_t b) const {
    for (size_t i = b; i < body_end_ && i < b + kMaxRecipientTokens; ++i) {
      if ((FreeKind(i, TokenKind::kComma) || FreeKind(i, TokenKind::kColon)) &&
          i + 1 < body_end_ && OpeningQuoteAt(i + 1) >= 0) {
        return i + 1;
      }
      // "his 20,000 followers": a comma inside a number.
      const bool number_comma = FreeKind(i, TokenKind::kComma) && i > b &&
                                i + 1 < body_end_ && DigitAt(i - 1) &&
                                DigitAt(i + 1) &&
                                toks_[i - 1].end == toks_[i].begin &&
                                toks_[i].end == toks_[i + 1].begin;
      if (!Free(i) && !number_comma) {
        break;
      }
      if (Is(Low(i), "that")) {
        return i;
      }
    }
    return b;
  }
  SpeakerPhrase PhraseOf(const Hit& h) const;
  // Where the content of a verb that takes an object ("told", "urged")
  // starts, from b right after the cue: "urged Lee to resign", "told him
  // not to run": the object is the infinitive's subject and opens the
  // content (object_begin is set; the cue is the verb); otherwise past a
  // recipient ("told reporters in Salem that X").
  size_t AfterObject(const Hit& h, size_t b, size_t& object_begin) const {
    if (!lex_.TakesObject(LowWord(h.verb))) {
      return b;
    }
    if (h.cue_end > h.verb + 1 && b + 1 < body_end_ && Free(b) &&
        (Is(Low(b), "to") ||
         (Is(Low(b), "not") && Free(b + 1) && Is(Low(b + 1), "to")))) {
      object_begin = h.verb + 1;
      return object_begin;
    }
    return AfterRecipient(b);
  }
  // The subject pronoun ("he", "they") that ends a prepositional phrase of
  // plain words opened at b ("in a statement Monday they ..."), followed
  // by a word; b when there is none within a few words.
  size_t PronounAfterPhrase(size_t b) const {
    const LowText opener = Low(b);
    if (!Is(opener, "in") && !Is(opener, "on") && !Is(opener, "at") &&
        !Is(opener, "during") && !Is(opener, "via")) {
      return b;
    }
    for (size_t i = b + 1; i + 1 < body_end_ && i <= b + 8; ++i) {
      if (!Free(i) || toks_[i].kind != TokenKind::kWord) {
        return b;
      }
      if (lex_.IsPronoun(LowWord(i)) && LowerAt(i) && IsWord(i + 1)) {
        return i;
      }
      // "in the days when he ...": a clause of the phrase's own.
      if (IsClauseWord(Low(i))) {
        return b;
      }
    }
    return b;
  }
  // A closing quote mark at k whose quote ends with a comma.
  bool QuotedCommaAt(ptrdiff_t k) const {
    const int q = ClosingQuoteAt(static_cast<size_t>(k));
    return q >= 0 && QuoteEndsWithComma(quotes_[q]);
  }
  // "called the plan \"a disgrace\"": an object, then a quote as its
  // complement, after the past form at i; not a name in quotes ("a group
  // called the \"Ferry Friends\"": only an article before the quote), nor
  // a passive ("is called").
  bool ObjectThenQuote(size_t i) const {
    if (lex_.IsAuxiliary(LowWord(i - 1)) || IsParticle(i + 1)) {
      return false;
    }
    bool object = false;
    for (size_t k = i + 1; k < body_end_ && k <= i + 6; ++k) {
      if (OpeningQuoteAt(k) >= 0) {
        return object;
      }
      if (!Free(k) || toks_[k].kind != TokenKind::kWord) {
        return false;
      }
      const LowText w = Low(k);
      object = object || (!Is(w, "the") && !Is(w, "a") && !Is(w, "an"));
    }
    return false;
  }
  // "called on the council to act", "calls upon Lee to resign": after a
  // form of "call" at `verb`, "on"/"upon" at b, an object of a few plain
  // words, then "to" and a lower-case word. The object opens the content
  // (the one urged, as after "urged").
  bool CallOnInfinitive(size_t verb, size_t b) const {
    if (!Is(Low(verb).substr(0, 4), "call") || b + 3 >= body_end_ || !Free(b) ||
        (!Is(Low(b), "on") && !Is(Low(b), "upon"))) {
      return false;
    }
    for (size_t k = b + 2; k < body_end_ && k <= b + 1 + kMaxObjectWords; ++k) {
      if (!Free(k)) {
        return false;
      }
      if (Is(Low(k), "to")) {
        return k + 1 < body_end_ && Free(k + 1) && LowerAt(k + 1);
      }
    }
    return false;
  }
  // The hit's subject is a lone "which", "who" or "that".
  bool RelativeSubject(const Hit& h) const {
    if (h.name_end != h.name_begin + 1) {
      return false;
    }
    const LowText w = Low(h.name_begin);
    return Is(w, "which") || Is(w, "who") || Is(w, "that");
  }
  // "After Lee said X, Roe left", "As Lee was declared the winner, Roe
  // left": in a subordinate clause that opens the sentence, the content
  // [b, e) ends at the comma before the main clause.
  size_t SubordinateClauseEnd(const Hit& h, size_t b, size_t e) const {
    const size_t opener = SubjectStart();
    if (opener < h.name_begin && opener + 1 == h.name_begin && Free(opener) &&
        SubordinatorOrPreposition(opener)) {
      for (size_t i = b + 1; i + 2 < e; ++i) {
        if (FreeKind(i, TokenKind::kComma)) {
          return i;
        }
      }
    }
    return e;
  }
  // True if the words from token i open a subordinate clause or a
  // participle phrase ("Although X", "But even as X", "Citing X", "Asked
  // whether X"), after any leading conjunctions.
  bool SubordinateLead(size_t i) const {
    while (i < te_ && Free(i) && lex_.IsLeadingConjunction(LowWord(i))) {
      ++i;
    }
    if (i >= te_ || !Free(i)) {
      return false;
    }
    return SubordinatorOrPreposition(i) || Is(Low(i), "asked") ||
           lex_.IsCueParticiple(LowWord(i));
  }
  // A relative clause ("the union, which says X, met ...") ends at its
  // closing comma: the first comma in [b, e) after a relative subject.
  size_t RelativeClauseEnd(const Hit& h, size_t b, size_t e) const {
    if (RelativeSubject(h)) {
      for (size_t i = b; i < e; ++i) {
        if (FreeKind(i, TokenKind::kComma)) {
          return i;
        }
        // `who calls it "a ruin," said`: the comma inside the quote.
        if (QuotedCommaAt(static_cast<ptrdiff_t>(i))) {
          return i + 1;
        }
      }
    }
    return e;
  }
  // "was praised", "have been criticized": a form of "be" right before a
  // past participle cue.
  bool IsPassive(const Hit& h) const {
    if (h.verb <= h.cue_begin || h.verb == 0 || !Free(h.verb - 1)) {
      return false;
    }
    // "is convinced that", "are worried about": an attitude adjective, whose
    // subject holds the view.
    if (toks_[h.verb].flags & Lexicon::kAdjectiveCue) {
      return false;
    }
    // "was first reported", "is widely expected": adverbs may stand between.
    size_t a = h.verb - 1;
    while (a > h.cue_begin && lex_.IsCueAdverb(LowWord(a)) && Free(a - 1)) {
      --a;
    }
    const LowText aux = Low(a);
    const LowText v = Low(h.verb);
    const bool be = Is(aux, "is") || Is(aux, "was") || Is(aux, "were") ||
                    Is(aux, "are") || Is(aux, "been") || Is(aux, "be") ||
                    Is(aux, "being");
    return be && v.size() > 3 &&
           (v.compare(v.size() - 2, 2, "ed") == 0 ||
            v.compare(v.size() - 2, 2, "en") == 0 ||
            v.compare(v.size() - 2, 2, "wn") == 0);
  }
  // "said yes", "said no", "says so": a content of one word.
  bool OneWordAnswer(size_t b) const {
    return Free(b) &&
           (Is(Low(b), "yes") || Is(Low(b), "no") || Is(Low(b), "so"));
  }
  bool QuoteEndsWithComma(const Quote& q) const {
    return q.inner.end > q.inner.begin && text_[q.inner.end - 1] == ',';
  }
  size_t TimePhraseEnd(size_t b) const;
  size_t TimePhraseBeforeClause(size_t b) const;
  size_t TrailingTimeStart(size_t b, size_t e) const;
  bool AnonymityRequest(size_t b, size_t e) const;
  size_t CueComplementEnd(size_t verb) const;
  size_t MadeClear(size_t verb) const;
  size_t PhrasalCueEnd(size_t verb) const;
  void MarkReportsInsideDenials(SentenceAttributions& out) const;
  bool QuoteIsComplete(const Quote& q) const;
  void ColonQuote(const Hits& hits,
                  SentenceAttributions& out) const;
  void NameColonQuote(const Hits& hits,
                      SentenceAttributions& out) const;
  void SaidFirst(SentenceAttributions& out) const;
  void QuoteAnyVerbAfter(SentenceAttributions& out) const;
  bool ClauseBreakAfterComma(size_t i) const;
  size_t SubjectAsideEnd(size_t comma) const;
  size_t AdverbBeforeThat(size_t b) const;
  // True if token i is "that" (by its length and first letter first).
  bool IsThat(size_t i) const {
    return toks_[i].end - toks_[i].begin == 4 &&
           lower_[toks_[i].begin] == 't' && Free(i) && Is(Low(i), "that");
  }
  bool PluralSubjectPhrase(size_t k) const;
  size_t DocumentParticipleEnd(size_t verb, size_t b) const;
  // frame_end is the comma that closes the frame: right after the cue
  // ("The plan, he said, ...") or after a phrase of context ("The plan, he
  // said in a statement, ...").
  std::optional<ByteSpan> ParentheticalLead(const Hit& h, const Hits& hits,
                                            size_t frame_end) const;
  size_t FrameCommaAfter(size_t b) const;

  std::string_view text_;
  std::string_view lower_;
  const std::vector<Token>& toks_;
  const std::vector<Quote>& quotes_;
  const std::vector<int>& quote_of_;
  size_t tb_, te_, body_end_;
  size_t cues_from_ = 0;  // First token after an "Asked ..." question.
  // A headline: nearly every word capitalized. Computed on first use
  // (-1 until then): only a capitalized cue verb asks.
  mutable int title_case_ = -1;
  // "when asked" found by FindCues (kNoToken if none): "..., he said when
  // asked whether X" attributes the question to no one in particular.
  mutable size_t when_asked_ = kNoToken;
  // SubjectStart(), computed on first use (kNoToken until then): the rules
  // ask for it once per cue or more, and each time it read the sentence's
  // first words again.
  mutable size_t subject_start_ = kNoToken;
  bool TitleCase() const {
    if (title_case_ < 0) {
      size_t words = 0, capitalized = 0;
      for (size_t i = tb_; i < body_end_; ++i) {
        if (Free(i)) {
          ++words;
          capitalized += CapAt(i) ? 1 : 0;
        }
      }
      title_case_ = words >= 4 && capitalized * 10 >= words * 9 ? 1 : 0;
    }
    return title_case_ == 1;
  }
  const Lexicon& lex_;
};

Hits SentenceRules::FindCues(size_t from) const {
  Hits hits;
  // Most words carry no cue flag ("read", "put" and "according" have one
  // of their own) and punctuation has no flags: skip them in a loop of
  // their own, on one bit test, with the tokens in a register.
  constexpr uint32_t kMayCue = Lexicon::kAnyCue | Lexicon::kAdjectiveCue |
                               Lexicon::kNounCue | Lexicon::kConstructionCue;
  const Token* const toks = toks_.data();
  for (size_t i = from; i < body_end_ && hits.size() < kMaxHitsPerSentence;
       ++i) {
    while (i < body_end_ && (toks[i].flags & kMayCue) == 0) {
      ++i;
    }
    if (i == body_end_) {
      break;
    }
    if (InQuote(i)) {
      continue;
    }
    const LowText lw = Low(i);
    // Cues are lower-case verbs; "States" in "United States" is a name.
    // In a title-case headline ("Lee Says He Will Run") a capitalized
    // finite speech verb still is one.
    if (!LowerAt(i) && i > tb_ &&
        !(i + 1 < body_end_ && Free(i + 1) && Free(i - 1) &&
          CapAt(i + 1) && CapAt(i - 1) &&
          (toks_[i].flags & Lexicon::kCueVerb) && TitleCase())) {
      continue;
    }
    const uint32_t flags = toks_[i].flags;
    // "his warning that", "her hope to", "the mayor's criticism of".
    if ((flags & Lexicon::kNounCue) && i > tb_ && i + 2 < body_end_ &&
        Free(i - 1) && Free(i + 1)) {
      const LowText prev = Low(i - 1);
      const LowText next = Low(i + 1);
      const bool possessive = Is(prev, "his") || Is(prev, "her") ||
                              Is(prev, "their") || Is(prev, "its") ||
                              Is(prev, "my") || Is(prev, "our") ||
                              IsPossessive(Text(i - 1));
      const bool opens_content = Is(next, "that") || Is(next, "to");
      const bool preposition = Is(next, "for") || Is(next, "of") ||
                               Is(next, "about") || Is(next, "on") ||
                               Is(next, "against");
      if (possessive && (opens_content || preposition)) {
        Hit h;
        h.noun = true;
        h.verb = h.cue_begin = h.chain_begin = i;
        h.cue_end = preposition ? i + 2 : i + 1;
        size_t begin = i - 1;
        if (IsPossessive(Text(i - 1))) {
          NameBefore(static_cast<ptrdiff_t>(i - 1), begin);
          if (begin > i - 1) {
            begin = i - 1;
          }
        }
        h.has_speaker = true;
        h.name_begin = begin;
        h.name_end = i;
        h.frame_begin = begin;
        h.after = h.cue_end;
        hits.push_back(h);
        continue;
      }
    }
    // `"...," read the letter` and `The letter read: "..."`: "read" is a
    // cue only right after a quote or right before a colon and a quote.
    const bool reads = (Is(lw, "read") || Is(lw, "reads")) &&
                       ((i > tb_ + 1 && ClosingQuoteAt(i - 1) >= 0 &&
                         QuoteEndsWithComma(quotes_[quote_of_[i - 1]])) ||
                        (i > tb_ + 2 && FreeKind(i - 1, TokenKind::kComma) &&
                         ClosingQuoteAt(i - 2) >= 0) ||
                        (i + 2 < te_ && FreeKind(i + 1, TokenKind::kColon) &&
                         OpeningQuoteAt(i + 2) >= 0));
    // "As Lee put it, ...": a speaker's wording, introduced by "as".
    bool put_it = Is(lw, "put") && i + 2 < body_end_ && Free(i + 1) &&
                  Is(Low(i + 1), "it") && i > tb_ + 1;
    if (put_it) {
      put_it = false;
      for (size_t j = i - 1; j + 12 > i && j > tb_; --j) {
        if (Free(j - 1) && Is(Low(j - 1), "as")) {
          put_it = true;
          break;
        }
      }
    }
    // The construction cues of phrasal_cues.h, only in their frames.
    bool talk_about = false;  // "Lee spoke about the levy".
    bool made_clear = false;  // "She made it clear that X".
    bool phrasal = false;     // "took aim at X", "came out against X".
    bool publishes = false;   // "released a statement Wednesday saying X".
    if (flags & Lexicon::kConstructionCue) {
      talk_about = InWordList(kTalkVerbs, lw) && i + 1 < body_end_ &&
                   Free(i + 1) && Is(Low(i + 1), "about");
      made_clear = MadeClear(i) != kNoToken;
      phrasal = PhrasalCueEnd(i) != kNoToken;
      publishes = i + 3 < body_end_ && Free(i + 1) &&
                  DocumentParticipleEnd(i, i + 1) > i + 1;
    }
    if ((flags & (Lexicon::kAnyCue | Lexicon::kAdjectiveCue)) == 0 &&
        !Is(lw, "according") && !reads && !put_it && !talk_about &&
        !made_clear && !publishes && !phrasal) {
      continue;
    }
    // "showed up at the rally", "added up to $5": the particle makes a verb
    // of motion or sum. "continued" reports only before what was said or
    // another verb ("continued that X", "continued: ...", "continued to
    // question X", "continued on Monday, saying X"), not before a task
    // ("continued his push").
    const bool shows_or_adds =
        Is(lw.substr(0, 4), "show") || Is(lw.substr(0, 3), "add");
    const bool continues = Is(lw.substr(0, 7), "continu");
    if ((shows_or_adds || continues) && i + 1 < body_end_ && Free(i + 1)) {
      const LowText next = Low(i + 1);
      if ((shows_or_adds && Is(next, "up")) ||
          (continues && !Is(next, "that") && !Is(next, "to") &&
           !EndsWith2(next, "ng") && TimePhraseEnd(i + 1) == i + 1)) {
        continue;
      }
    }
    // "When asked, ...", "if elected": a subordinator right before a past
    // form makes a reduced clause without a subject of its own.
    if (i > tb_ && Free(i - 1) && lw.size() > 3 &&
        lw.compare(lw.size() - 2, 2, "ed") == 0) {
      const LowText prev = Low(i - 1);
      if (Is(prev, "when") || Is(prev, "if") || Is(prev, "once") ||
          Is(prev, "unless") || Is(prev, "until") || Is(prev, "though") ||
          Is(prev, "although") || Is(prev, "whenever")) {
        if (Is(lw, "asked")) {
          when_asked_ = i;  // The question may be an attribution (Run).
        }
        continue;
      }
    }
    // "the cost estimates had not been reviewed", "the reports were
    // wrong": an -s form between a determined noun phrase and an auxiliary
    // is a plural noun. Only in a relative clause does a verb stand there
    // ("a trend that the foundation predicts will continue"; "which the
    // agency hopes will help"); a "that" right after a cue opens its
    // content instead ("told reporters that the cost estimates had").
    if (lw.size() > 3 && lw.back() == 's' && i > tb_ + 1 && i + 1 < body_end_ &&
        Free(i + 1) && LowerAt(i + 1) && lex_.IsAuxiliary(LowWord(i + 1)) &&
        Free(i - 1) && LowerAt(i - 1)) {
      const size_t det = lex_.IsDeterminer(LowWord(i - 1)) ? i - 1 : i - 2;
      const bool relative =
          det > tb_ && Free(det - 1) &&
          (IsRelativeWord(Low(det - 1)) ||
           (Is(Low(det - 1), "that") &&
            (hits.empty() || hits.back().cue_end != det - 1)));
      if (Free(det) && lex_.IsDeterminer(LowWord(det)) &&
          !lex_.IsPronoun(LowWord(i - 1)) && !relative) {
        continue;
      }
    }
    if (Is(lw, "according") && i + 1 < body_end_ && Free(i + 1) &&
        Is(Low(i + 1), "to")) {
      Hit h;
      h.according = true;
      h.verb = h.cue_begin = h.chain_begin = h.frame_begin = i;
      h.cue_end = i + 2;
      hits.push_back(h);
      ++i;
      continue;
    }
    // "As reported by Politico, X", "X, as first reported by Politico": the
    // source follows "by" as it follows "according to". After a cue ("Lee
    // said X, as reported by Politico") it only says where Lee was heard.
    if (Is(lw, "reported") && i > tb_ && i + 1 < body_end_ && Free(i + 1) &&
        Is(Low(i + 1), "by") && hits.empty()) {
      size_t as = i - 1;
      if (as > tb_ && Free(as) &&
          (Is(Low(as), "first") || Is(Low(as), "originally") ||
           Is(Low(as), "previously"))) {
        --as;
      }
      if (Free(as) && Is(Low(as), "as")) {
        Hit h;
        h.according = true;
        h.verb = i;
        h.cue_begin = h.chain_begin = h.frame_begin = as;
        h.cue_end = i + 2;
        hits.push_back(h);
        ++i;
        continue;
      }
    }
    // ", saying ..." / "by promising ...": the participle's subject is the
    // main clause's. In `the plan was "a disaster," adding that ...` the
    // comma sits inside the closing mark. After "after"/"before" ("Lee
    // left after arguing that X") the participle is a clause of time with
    // the same subject ("while" and "without" are too often no report).
    const bool quote_comma = i > tb_ + 1 && ClosingQuoteAt(i - 1) >= 0 &&
                             QuoteEndsWithComma(quotes_[quote_of_[i - 1]]);
    const bool time_clause =
        i > tb_ + 1 && Free(i - 1) &&
        (Is(Low(i - 1), "after") || Is(Low(i - 1), "before"));
    // "calling it unfair and urging the board to act": a second participle
    // joined by "and"/"but" is a statement of its own, by the same subject.
    const bool second_participle =
        i > tb_ + 1 && Free(i - 1) &&
        (Is(Low(i - 1), "and") || Is(Low(i - 1), "but"));
    // ", later saying", ", repeatedly calling": an adverb after the comma.
    const bool adverb_comma = i > tb_ + 2 && Free(i - 1) && LowerAt(i - 1) &&
                              lex_.IsCueAdverb(LowWord(i - 1)) &&
                              FreeKind(i - 2, TokenKind::kComma);
    if ((flags & Lexicon::kCueParticiple) && i > tb_ + 1 &&
        (FreeKind(i - 1, TokenKind::kComma) || quote_comma || time_clause ||
         second_participle || adverb_comma ||
         (Free(i - 1) && Is(Low(i - 1), "by")))) {
      Hit h;
      h.participle = true;
      h.time_clause = time_clause;
      h.second_participle = second_participle;
      h.after_quote = quote_comma;
      h.verb = h.cue_begin = h.chain_begin = h.frame_begin = i;
      h.cue_end = lex_.TakesObject(LowWord(i)) ? ObjectEnd(i + 1) : i + 1;
      hits.push_back(h);
      continue;
    }
    bool finite = (flags & Lexicon::kCueVerb) != 0 || reads || put_it ||
                  (talk_about && !Is(lw, "talking") && !Is(lw, "speaking")) ||
                  made_clear || publishes ||
                  (phrasal && !Is(lw, "taking") && !Is(lw, "coming") &&
                   !Is(lw, "poking") && !Is(lw, "take") && !Is(lw, "come") &&
                   !Is(lw, "poke") && !Is(lw, "taken"));
    // Declining and refusing are attributions ("declined to comment").
    if (!finite &&
        (Is(lw, "declined") || Is(lw, "refused") || Is(lw, "declines") ||
         Is(lw, "refuses")) &&
        i + 1 < body_end_ && Free(i + 1) && Is(Low(i + 1), "to")) {
      finite = true;
    }
    // Past forms that are also participles ("a group called X") attribute
    // only after a name or a pronoun ("She called the ruling a disgrace"),
    // or, whatever the subject, before an object and a quote or before
    // "on X to Y" ("The board called on the city to act").
    // An adverb may stand between ("She also called for X", "The United
    // States openly called for X").
    size_t subject_end = i;  // Only read when i > tb_.
    if (i > tb_) {
      subject_end = i - 1;
      while (subject_end > tb_ && Free(subject_end) && LowerAt(subject_end) &&
             lex_.IsCueAdverb(LowWord(subject_end))) {
        --subject_end;
      }
    }
    // No participle takes "for" or "on" ("The prince called for X"), so
    // with one "called" also attributes after a determined subject.
    const bool call_particle = Is(lw, "called") && i + 1 < body_end_ &&
                               Free(i + 1) &&
                               (Is(Low(i + 1), "for") || Is(Low(i + 1), "on") ||
                                Is(Low(i + 1), "upon"));
    if (!finite && (flags & Lexicon::kStrictCue) && i > tb_ && Free(i - 1) &&
        ((Free(subject_end) &&
          (CapAt(subject_end) || lex_.IsPronoun(LowWord(subject_end)))) ||
         ObjectThenQuote(i) || CallOnInfinitive(i, i + 1) ||
         ((!Is(lw, "called") || call_particle) &&
          subject_end >= SubjectStart() && subject_end < SubjectStart() + 4 &&
          lex_.IsDeterminer(LowWord(SubjectStart())) &&
          WholeSubject(SubjectStart(), subject_end)))) {
      finite = true;
    }
    // "Roe, a spokesman, called for X": after an appositive's closing comma
    // the name before it is the subject ("Roe, a lawyer, backed by X" is a
    // participle).
    if (!finite && (flags & Lexicon::kStrictCue) && subject_end > tb_ + 2 &&
        FreeKind(subject_end, TokenKind::kComma) &&
        !(i + 1 < body_end_ && Free(i + 1) && Is(Low(i + 1), "by"))) {
      Hit probe;
      finite = SpeakerBefore(static_cast<ptrdiff_t>(subject_end), probe);
    }
    // A participle right after a name or pronoun ("with Reyes calling for
    // a ban") attributes like a finite verb; after an auxiliary ("is calling
    // for") it is the progressive, handled like a base form below.
    const bool participle = (flags & Lexicon::kCueParticiple) != 0;
    if (!finite && participle && i > tb_ && Free(i - 1) &&
        (CapAt(i - 1) || lex_.IsPronoun(LowWord(i - 1))) &&
        !Is(Low(i - 1), "it") && !lex_.IsSpeakerStop(LowWord(i - 1)) &&
        !lex_.IsContextStarter(LowWord(i - 1))) {
      finite = true;
    }
    // "..., with 50 percent saying X", "with three in 10 saying X": a poll's
    // share after "with" is the participle's subject.
    if (!finite && participle && i > tb_ + 2 && Free(i - 1) &&
        (Is(Low(i - 1), "percent") || DigitAt(i - 1) ||
         lex_.IsNumberWord(LowWord(i - 1)))) {
      for (size_t j = i - 2; j > tb_ && j + 6 > i && Free(j); --j) {
        if (Is(Low(j), "with")) {
          finite = true;
          break;
        }
      }
    }
    // "Voters see the plan as a failure": "see" and "view" are too often
    // perception to be cues in the plural on their own, but not with "as"
    // in the clause after them.
    const bool plural_form =
        (flags & Lexicon::kCuePlural) != 0 ||
        ((Is(Low(i), "see") || Is(Low(i), "view")) && AsComplementFollows(i));
    // "is confident that", "was skeptical of": only with a complement; the
    // copula is found as an auxiliary below.
    bool adjective = false;
    if ((flags & Lexicon::kAdjectiveCue) && i + 1 < body_end_ && Free(i + 1)) {
      const LowText next = Low(i + 1);
      adjective = Is(next, "that") || Is(next, "to") || Is(next, "of") ||
                  Is(next, "about") || Is(next, "with") || Is(next, "on") ||
                  Is(next, "over");
    }
    if (!finite && !plural_form && !participle && !adjective &&
        (flags & Lexicon::kCueBase) == 0) {
      continue;
    }
    // "in the state", "the report was": right after an article a base
    // form is a noun, and one that opens no complement is no cue ("a pledge
    // to X" and "the hope that X" are statements all the same).
    if (!finite && !adjective && !participle && i > tb_ && Free(i - 1) &&
        !(i + 1 < body_end_ && Free(i + 1) &&
          (Is(Low(i + 1), "that") || Is(Low(i + 1), "to")))) {
      const LowText article = Low(i - 1);
      if (Is(article, "the") || Is(article, "a") || Is(article, "an")) {
        continue;
      }
    }
    // "He went on to say that X", "Aides were quick to point out that X":
    // "went on to" and "was quick to" join the cue as an auxiliary would.
    const bool catenative =
        i >= tb_ + 3 && Free(i - 1) && Free(i - 2) && Free(i - 3) &&
        Is(Low(i - 1), "to") &&
        ((Is(Low(i - 2), "on") &&
          (Is(Low(i - 3), "went") || Is(Low(i - 3), "goes") ||
           Is(Low(i - 3), "go") || Is(Low(i - 3), "going") ||
           Is(Low(i - 3), "gone"))) ||
         (Is(Low(i - 2), "quick") && lex_.IsAuxiliary(LowWord(i - 3))));
    // Walk back over "has", "did not", "also" between speaker and verb.
    ptrdiff_t k = static_cast<ptrdiff_t>(catenative ? i - 3 : i) - 1;
    size_t first_aux = catenative ? i - 3 : i;
    bool negated = false;
    bool has_aux = catenative;
    bool h_contraction = false;
    while (k >= static_cast<ptrdiff_t>(tb_) && Free(k) &&
           LowerAt(k)) {
      const Lexicon::ChainWord kind = lex_.CueChainWord(LowWord(k));
      if (kind == Lexicon::ChainWord::kNegation) {
        negated = true;
      } else if (kind == Lexicon::ChainWord::kAuxiliary) {
        has_aux = true;
        first_aux = k;
      } else if (kind == Lexicon::ChainWord::kOther) {
        break;
      }
      --k;
    }
    // "she's hoping", "they've argued": the contraction is subject and
    // auxiliary in one token; the walk stops at it, the speaker is it.
    if (k >= static_cast<ptrdiff_t>(tb_) && Free(k) &&
        IsPronounContraction(Low(k))) {
      has_aux = true;
      h_contraction = true;
    }
    // A base form is finite after a plural subject ("they say", "Some
    // say", "six in 10 say", "farm groups in Iowa say").
    bool plural_subject = false;
    // "Others, however, say": step back over a parenthetical adverb.
    if (!finite && plural_form && !has_aux &&
        k >= static_cast<ptrdiff_t>(tb_) + 3 &&
        FreeKind(k, TokenKind::kComma) && Free(k - 1) && LowerAt(k - 1) &&
        (lex_.IsCueAdverb(LowWord(k - 1)) || Is(Low(k - 1), "however") ||
         Is(Low(k - 1), "though") || Is(Low(k - 1), "too")) &&
        FreeKind(k - 2, TokenKind::kComma) && Free(k - 3)) {
      k -= 3;
    }
    if (!finite && plural_form && !has_aux && k >= static_cast<ptrdiff_t>(tb_) &&
        Free(k)) {
      // "police say", "one in five say", "Lee, Roe and Chu say".
      const LowText lk = Low(k);
      bool coordinated_names = false;
      if (CapAt(k)) {
        for (ptrdiff_t j = k - 1;
             j >= static_cast<ptrdiff_t>(tb_) && j >= k - 4; --j) {
          if (Free(j) && Is(Low(j), "and")) {
            coordinated_names = j > static_cast<ptrdiff_t>(tb_) &&
                                CapAt(j - 1);
            for (ptrdiff_t n = j + 1; n <= k; ++n) {
              coordinated_names =
                  coordinated_names && Free(n) && CapAt(n);
            }
            break;
          }
        }
      }
      plural_subject =
          IsPluralSubject(lk, Text(k)) || DigitAt(k) || Is(lk, "percent") ||
          Is(lk, "public") ||
          (lex_.IsNumberWord(LowWord(k)) && k > static_cast<ptrdiff_t>(tb_) &&
           Free(k - 1) && (Is(Low(k - 1), "in") || Is(Low(k - 1), "of"))) ||
          coordinated_names;
      if (!plural_subject && k >= static_cast<ptrdiff_t>(tb_) + 2 &&
          Free(k - 1) && Free(k - 2) && CapAt(k)) {
        const LowText prep = Low(k - 1);
        if (Is(prep, "in") || Is(prep, "of") || Is(prep, "from") ||
            Is(prep, "at") || Is(prep, "for") || Is(prep, "with")) {
          plural_subject = IsPluralSubject(Low(k - 2), Text(k - 2));
        }
      }
      // Also after "to" ("Riders tend to favor X", "The unions go on to
      // say X"): the subject's catenative verb and "to" join
      // the speaker phrase, and the content is still right.
      if (!plural_subject) {
        plural_subject = PluralSubjectPhrase(static_cast<size_t>(k));
      }
      finite = plural_subject;
    }
    // ", say some riders", `"...," argue critics`: a base form right
    // after a comma or a quote's closing comma is finite, inverted (its
    // speaker follows) or after a parenthetical ("Ruiz, along with two
    // aides, say", "Ferry riders, for instance, say": the long-appositive
    // rule finds that subject).
    if (!finite && plural_form && !has_aux &&
        k == static_cast<ptrdiff_t>(i) - 1 && k > static_cast<ptrdiff_t>(tb_) &&
        i + 1 < body_end_ && Free(i + 1) &&
        (FreeKind(k, TokenKind::kComma) ||
         (ClosingQuoteAt(k) >= 0 &&
          QuoteEndsWithComma(quotes_[quote_of_[k]])))) {
      finite = true;
    }
    // "the rules that warn ...": "that" after a noun is a relative pronoun
    // and the source as written.
    const bool relative_that = !has_aux && k > static_cast<ptrdiff_t>(tb_) &&
                               Free(k) && Is(Low(k), "that") && Free(k - 1) &&
                               (toks_[k - 1].flags & Lexicon::kAnyCue) == 0 &&
                               !lex_.IsAuxiliary(LowWord(k - 1)) &&
                               !IsClauseWord(Low(k - 1));
    if (relative_that && (finite || plural_form)) {
      finite = true;
    }
    // A base form needs an auxiliary ("will say").
    if (!finite && !has_aux) {
      continue;
    }
    if (k >= static_cast<ptrdiff_t>(tb_) && IsWord(k) && !has_aux &&
        !relative_that && !plural_subject) {
      const LowText lk = Low(k);
      // "a lead in pledged delegates": after a preposition the form is an
      // adjective.
      if (Is(lk, "in") || Is(lk, "of") || Is(lk, "for") || Is(lk, "with") ||
          Is(lk, "on") || Is(lk, "at") || Is(lk, "from") || Is(lk, "about") ||
          Is(lk, "into") || Is(lk, "among") || Is(lk, "between") ||
          Is(lk, "without")) {
        continue;
      }
      // Noun or adjective uses: "the claims", "Russia's alleged", "to say".
      // A number or a quantifier standing alone is the subject before a
      // form that is no noun ("Two in three said", "all but two say",
      // "Several said", "and many told").
      const bool counted_subject =
          (lex_.IsNumberWord(LowWord(k)) || Is(lk, "many") ||
           Is(lk, "several") || Is(lk, "some") || Is(lk, "both") ||
           Is(lk, "each") || Is(lk, "another")) &&
          (Is(lw, "said") || Is(lw, "say") || Is(lw, "says") ||
           Is(lw, "told") || Is(lw, "think") || Is(lw, "thought") ||
           Is(lw, "believe") || Is(lw, "believed") || Is(lw, "agreed") ||
           Is(lw, "want") || Is(lw, "wanted"));
      if ((lex_.IsDeterminer(LowWord(k)) && !counted_subject) ||
          IsPossessive(Text(k)) || Is(lk, "to")) {
        continue;
      }
    }
    Hit h;
    h.verb = i;
    h.contraction = h_contraction;
    h.negated = negated;
    h.cue_begin = has_aux ? first_aux : i;
    h.chain_begin = static_cast<size_t>(k + 1);
    // Right after a quote the name after the verb is its speaker, not its
    // object (`"Why?" asked Bennett`).
    const bool inverted =
        i > tb_ && (ClosingQuoteAt(i - 1) >= 0 ||
                    (i > tb_ + 1 && FreeKind(i - 1, TokenKind::kComma) &&
                     ClosingQuoteAt(i - 2) >= 0));
    h.cue_end = put_it ? i + 2
                : lex_.TakesObject(LowWord(i)) && !inverted
                    ? ObjectEnd(i + 1)
                    : CueComplementEnd(i);
    hits.push_back(h);
  }
  return hits;
}

// Where a cue with a fixed complement ends (the token after it), as the
// corpus annotates them:
// - "expressed concern that X", "voiced frustration over X", "expressed
//   deep sympathy for X": after "express" or "voice" the stance noun and its
//   preposition (a bare "expressed concern" keeps the noun as content);
// - "spoke about X", "talks about X";
// - "made it clear (to the judge) that X", "made clear Monday that X";
// - "took aim at X", "came out against X" (PhrasalCueEnd).
size_t SentenceRules::CueComplementEnd(size_t verb) const {
  // Most cues are none of these: a plain verb flag decides.
  if ((toks_[verb].flags & Lexicon::kConstructionCue) == 0 &&
      !IsStanceVerb(Low(verb))) {
    return verb + 1;
  }
  const LowText lw = Low(verb);
  if (const size_t e = PhrasalCueEnd(verb); e != kNoToken) {
    return e;
  }
  const size_t clear = MadeClear(verb);
  if (clear != kNoToken) {
    size_t e = TimePhraseEnd(clear + 1);
    if (e < body_end_ && Free(e) && Is(Low(e), "to")) {
      // "to the judge that X": the one told joins the cue.
      for (size_t j = e + 1; j < body_end_ && j <= e + 5 && Free(j); ++j) {
        if (Is(Low(j), "that")) {
          return j;
        }
      }
    }
    return e;
  }
  // A preposition joins the cue only when a phrase of two words or more
  // follows: an object of one word ("about Trump.") stays content, since a
  // one-word content is no statement.
  auto phrase_after = [&](size_t n) {
    return n + 2 < body_end_ && IsWord(n + 1) && IsWord(n + 2);
  };
  // "spoke about the levy", "talked about X".
  if (InWordList(kTalkVerbs, lw)) {
    const size_t n = verb + 1;
    return Free(n) && Is(Low(n), "about") && phrase_after(n) ? n + 1 : verb + 1;
  }
  if (!IsStanceVerb(lw)) {
    return verb + 1;
  }
  // At most a determiner or adjective before the noun.
  for (size_t n = verb + 2; n < body_end_ && n <= verb + 3; ++n) {
    if (!Free(n) || !Free(n - 1) || !LowerAt(n - 1)) {
      break;
    }
    const LowText next = Low(n);
    if (Is(next, "that")) {
      return n;
    }
    // "in" only after "interest": "frustration in an interview" is the
    // occasion, not the object.
    const bool preposition =
        Is(next, "about") || Is(next, "over") || Is(next, "at") ||
        Is(next, "for") || Is(next, "with") || Is(next, "on") ||
        (Is(next, "in") && Low(n - 1).rfind("interest", 0) == 0);
    if (preposition) {
      return phrase_after(n) ? n + 1 : verb + 1;
    }
  }
  return verb + 1;
}

// Verb phrases the corpus annotates as a cue as a whole, the object after
// them being the content: "took aim at X", "takes a swipe at X", "took
// issue with X", and the frames of kPhrasalFrames ("came out against X",
// "laid out X"). Returns the token after the phrase, or kNoToken.
size_t SentenceRules::PhrasalCueEnd(size_t verb) const {
  const LowText lw = Low(verb);
  auto word = [&](size_t i, std::string_view w) {
    return i < body_end_ && Free(i) && Low(i) == w;
  };
  // The object opens with a word that is no preposition ("the issues that
  // critics point to with alarm" strands its own).
  auto object_follows = [&](size_t i) {
    if (i + 1 >= body_end_ || !IsWord(i)) {
      return kNoToken;
    }
    const LowText w = Low(i);
    const bool preposition = Is(w, "with") || Is(w, "at") || Is(w, "in") ||
                             Is(w, "on") || Is(w, "for") || Is(w, "of") ||
                             Is(w, "to") || Is(w, "by") || Is(w, "from");
    return preposition ? kNoToken : i;
  };
  // "his push for X", "the lay of the land": after a determiner the form
  // is a noun.
  if (verb > tb_ && Free(verb - 1)) {
    // ("that" is a relative pronoun there: "groups that push for X".)
    const LowText prev = Low(verb - 1);
    if ((lex_.IsDeterminer(LowWord(verb - 1)) && !Is(prev, "that")) ||
        IsPossessive(Text(verb - 1))) {
      return kNoToken;
    }
  }
  if (InWordList(kTakeForms, lw)) {
    // One modifier at most: "took multiple swipes at", "took a shot at".
    for (size_t n = verb + 1; n <= verb + 3 && n + 1 < body_end_; ++n) {
      if (!Free(n)) {
        break;
      }
      const LowText w = Low(n);
      const bool noun = Is(w, "aim") || Is(w, "shot") || Is(w, "shots") ||
                        Is(w, "swipe") || Is(w, "swipes") || Is(w, "jab") ||
                        Is(w, "jabs") || Is(w, "potshots") || Is(w, "issue");
      if (noun) {
        const std::string_view prep = Is(w, "issue") ? "with" : "at";
        return word(n + 1, prep) ? object_follows(n + 2) : kNoToken;
      }
    }
    return kNoToken;
  }
  if (verb + 1 >= body_end_ || !Free(verb + 1)) {
    return kNoToken;
  }
  // The particle first: one comparison turns most frames away.
  const LowText particle = Low(verb + 1);
  for (const PhrasalFrame& frame : kPhrasalFrames) {
    if (frame.particle != particle ||
        std::find(frame.forms.begin(), frame.forms.end(), lw) ==
            frame.forms.end()) {
      continue;
    }
    size_t e = verb + 2;
    const bool joins = e < body_end_ && Free(e) &&
                       std::find(frame.then.begin(), frame.then.end(),
                                 Low(e)) != frame.then.end();
    if (joins) {
      ++e;
    } else if (frame.then_required) {
      return kNoToken;
    }
    return object_follows(e);
  }
  return kNoToken;
}

// "made clear", "makes it very clear": returns the token "clear", or
// kNoToken.
size_t SentenceRules::MadeClear(size_t verb) const {
  const LowText lw = Low(verb);
  if (!Is(lw, "made") && !Is(lw, "makes")) {
    return kNoToken;
  }
  // "were made clear Sunday": a passive says nothing of a speaker.
  if (verb > tb_ && Free(verb - 1)) {
    const LowText prev = Low(verb - 1);
    if (Is(prev, "was") || Is(prev, "were") || Is(prev, "is") ||
        Is(prev, "are") || Is(prev, "be") || Is(prev, "been") ||
        Is(prev, "being")) {
      return kNoToken;
    }
  }
  size_t i = verb + 1;
  if (i < body_end_ && Free(i) && Is(Low(i), "it")) {
    ++i;
  }
  if (i < body_end_ && Free(i) &&
      (Is(Low(i), "very") || Is(Low(i), "abundantly") ||
       Is(Low(i), "perfectly") || Is(Low(i), "crystal"))) {
    ++i;
  }
  return i + 1 < body_end_ && Free(i) && Is(Low(i), "clear") ? i : kNoToken;
}

// "told the Times", "told reporters", "told CNN", "told him".
size_t SentenceRules::ObjectEnd(size_t b) const {
  if (b >= body_end_ || !Free(b)) {
    return b;
  }
  const LowText first = Low(b);
  if (Is(first, "that") || lex_.IsContextStarter(LowWord(b))) {
    return b;
  }
  if (Is(first, "me") || Is(first, "him") || Is(first, "her") ||
      Is(first, "us") || Is(first, "them") || Is(first, "you") ||
      Is(first, "reporters") || Is(first, "journalists") ||
      Is(first, "lawmakers") || Is(first, "investors")) {
    return b + 1;
  }
  // "told supporters X", "assured donors X": a plural of people.
  if (LowerAt(b) && first.size() > 4 && first.back() == 's' &&
      lex_.IsSpeakerNoun(first)) {
    return b + 1;
  }
  size_t e = b;
  const bool determined = lex_.IsDeterminer(LowWord(b));
  if (determined) {
    ++e;
    if (e < body_end_ && Free(e) && !CapAt(e)) {
      return CompoundObjectEnd(e + 1);  // "the newspaper".
    }
  }
  size_t n = 0;
  while (e < body_end_ && Free(e) && CapAt(e) &&
         n < kMaxObjectWords) {
    ++e;
    ++n;
  }
  if (n == 0) {
    return b;
  }
  return determined ? CompoundObjectEnd(e) : e;  // "a Senate panel".
}

// "told a council panel Wednesday", "told a Senate panel that X": a noun
// at e after a determined object ending at e joins it when the clause
// ends after it or "that" or a phrase of time follows. Returns the
// object's end.
size_t SentenceRules::CompoundObjectEnd(size_t e) const {
  if (e >= body_end_ || !Free(e) || !LowerAt(e) || IsClauseWord(Low(e)) ||
      lex_.IsDeterminer(LowWord(e)) || lex_.IsPronoun(LowWord(e)) ||
      lex_.IsContextStarter(LowWord(e)) ||
      (toks_[e].flags & Lexicon::kAnyCue) != 0 || IsParticle(e)) {
    return e;
  }
  const size_t next = e + 1;
  const bool ends = next >= body_end_ || FreeKind(next, TokenKind::kComma) ||
                    FreeKind(next, TokenKind::kTerminal) || IsThat(next) ||
                    TimePhraseEnd(next) > next;
  return ends ? next : e;
}

bool SentenceRules::ValidHead(size_t i) const {
  const LowText lw = Low(i);
  // "The", "Ultimately", "While": capitalized at the sentence start but
  // no noun. A word in -ly right before a cue verb is a name ("Holly
  // said"): an adverb there would leave the verb without a subject.
  if (i == tb_ &&
      (lex_.IsDeterminer(LowWord(i)) || lex_.IsLeadingConjunction(LowWord(i)) ||
       lex_.IsSubordinator(LowWord(i)) ||
       (lw.size() > 4 && lw.compare(lw.size() - 2, 2, "ly") == 0 &&
        !(i + 1 < body_end_ && Free(i + 1) &&
          (toks_[i + 1].flags & Lexicon::kCueVerb))))) {
    return false;
  }
  if (CapAt(i) || AcronymAt(i)) {
    return true;
  }
  return lex_.IsPronoun(LowWord(i)) || lex_.IsSpeakerNoun(LowWord(i)) ||
         IsPronounContraction(lw);
}

// Walks back from token k over a noun phrase; sets begin to its first token.
bool SentenceRules::NameBefore(ptrdiff_t k, size_t& begin) const {
  const ptrdiff_t end = k;
  size_t n = 0;
  while (k >= static_cast<ptrdiff_t>(tb_) && Free(k) && n < kMaxNameWords) {
    const LowText lk = Low(k);
    if (Is(lk, "and")) {
      // Only inside names ("Smith and Jones", "Bank and Trust") and after a
      // pronoun or a plural of people ("she and another reporter",
      // "officials and residents").
      if (!(k > static_cast<ptrdiff_t>(tb_) && Free(k - 1) &&
            (CapAt(k - 1) || lex_.IsPronoun(LowWord(k - 1)) ||
             (LowerAt(k - 1) && Low(k - 1).back() == 's' &&
              lex_.IsSpeakerNoun(LowWord(k - 1)))))) {
        break;
      }
    } else if (lex_.IsSpeakerStop(LowWord(k)) && LowerAt(k)) {
      break;
    }
    // Participles and gerunds end the phrase ("investigating"); compound
    // adjectives do not ("the conservative-leaning newspaper"), nor does a
    // modifier between a determiner and the head ("the gambling tycoon").
    if (LowerAt(k) && lk.size() > 4 &&
        lk.compare(lk.size() - 3, 3, "ing") == 0 &&
        lk.find('-') == std::string_view::npos &&
        !(k < end && k > static_cast<ptrdiff_t>(tb_) && Free(k - 1) &&
          (lex_.IsDeterminer(LowWord(k - 1)) || IsPossessive(Text(k - 1))))) {
      break;
    }
    --k;
    ++n;
  }
  if (k == end) {
    return false;
  }
  begin = static_cast<size_t>(k + 1);
  // Drop leading lower-case words that cannot open a noun phrase
  // ("notably", verbs left over from a previous clause).
  while (begin < static_cast<size_t>(end) && LowerAt(begin) &&
         !lex_.IsDeterminer(LowWord(begin)) &&
         !lex_.IsPronoun(LowWord(begin)) &&
         !lex_.IsSpeakerNoun(LowWord(begin)) &&
         Text(begin).find('-') == std::string_view::npos &&
         begin + 1 <= static_cast<size_t>(end) &&
         (CapAt(begin + 1) || lex_.IsDeterminer(LowWord(begin + 1)))) {
    ++begin;
  }
  if (ValidHead(static_cast<size_t>(end))) {
    return true;
  }
  // "the inspector", "his press aide", "40 percent", "several": a
  // determined or counted noun phrase is a speaker whatever its head.
  const LowText head = Low(static_cast<size_t>(end));
  if (begin < static_cast<size_t>(end) &&
      (lex_.IsDeterminer(LowWord(begin)) || IsPossessive(Text(begin)) ||
       DigitAt(begin) || lex_.IsNumberWord(LowWord(begin))) &&
      !IsClauseWord(head) &&
      !lex_.IsCueVerb(LowWord(static_cast<size_t>(end)))) {
    return true;
  }
  // A lone "one" or "another" is a speaker ("One said", "read another").
  if ((Is(head, "one") || Is(head, "another")) &&
      begin == static_cast<size_t>(end)) {
    return true;
  }
  return DigitAt(static_cast<size_t>(end)) || Is(head, "percent") ||
         Is(head, "several") || Is(head, "many") || Is(head, "most") ||
         Is(head, "some") || Is(head, "others") || Is(head, "half") ||
         Is(head, "few") || Is(head, "both") || Is(head, "majority");
}

// Finds "NAME" or "NAME, ROLE," ending at token k (just before the cue).
bool SentenceRules::SpeakerBefore(ptrdiff_t k, Hit& h) const {
  if (k < static_cast<ptrdiff_t>(tb_)) {
    return false;
  }
  // Relative pronouns stay as written: "Smith, who said ..." -> "who".
  if (Free(k)) {
    const LowText lk = Low(k);
    if (Is(lk, "who") || Is(lk, "which") ||
        (Is(lk, "that") && k > static_cast<ptrdiff_t>(tb_) && Free(k - 1) &&
         (toks_[k - 1].flags & Lexicon::kAnyCue) == 0)) {
      h.has_speaker = true;
      h.name_begin = static_cast<size_t>(k);
      h.name_end = static_cast<size_t>(k + 1);
      h.frame_begin = h.name_begin;
      return true;
    }
  }
  if ((FreeKind(k, TokenKind::kComma) || FreeKind(k, TokenKind::kDash) ||
       QuotedCommaAt(k)) &&
      LongAppositive(k, h)) {
    return true;
  }
  // "Rep. Ann Roe (D-Ohio) said": the parenthetical stays in the source.
  if (toks_[k].kind == TokenKind::kCloseParen && !InQuote(k)) {
    ptrdiff_t open = k - 1;
    while (open > static_cast<ptrdiff_t>(tb_) && k - open <= 8 &&
           toks_[open].kind != TokenKind::kOpenParen &&
           toks_[open].kind != TokenKind::kCloseParen) {
      --open;
    }
    size_t begin = 0;
    if (open > static_cast<ptrdiff_t>(tb_) &&
        toks_[open].kind == TokenKind::kOpenParen &&
        NameBefore(open - 1, begin) && CapAt(open - 1)) {
      while (begin < static_cast<size_t>(open) &&
             lex_.IsLeadingConjunction(LowWord(begin))) {
        ++begin;
      }
      h.has_speaker = true;
      h.name_begin = begin;
      h.name_end = static_cast<size_t>(k + 1);
      h.frame_begin = begin;
      return true;
    }
    return false;
  }
  if (FreeKind(k, TokenKind::kComma)) {
    // Appositive: "Jane Roe, chief economist at Acme Bank, said".
    ptrdiff_t j = k - 1;
    size_t n = 0;
    while (j >= static_cast<ptrdiff_t>(tb_) && Free(j) && n < kMaxRoleWords) {
      --j;
      ++n;
    }
    if (n == 0 || j <= static_cast<ptrdiff_t>(tb_) ||
        !FreeKind(j, TokenKind::kComma) || !LowerAt(j + 1)) {
      return false;
    }
    size_t begin = 0;
    if (!NameBefore(j - 1, begin) || !CapAt(j - 1)) {
      return false;
    }
    h.has_speaker = true;
    h.name_begin = begin;
    h.name_end = static_cast<size_t>(j);
    h.has_role = true;
    h.role_begin = static_cast<size_t>(j + 1);
    h.role_end = static_cast<size_t>(k);
    h.frame_begin = begin;
    return true;
  }
  size_t begin = 0;
  size_t subject = SubjectStart();
  // "While friends say X, ...": the subject opens after a concessive
  // subordinator.
  if (subject < static_cast<size_t>(k) && Free(subject) &&
      (Is(Low(subject), "while") || Is(Low(subject), "although") ||
       Is(Low(subject), "though") || Is(Low(subject), "whereas"))) {
    ++subject;
  }
  if (!NameBefore(k, begin)) {
    // A lower-case headed subject running from the sentence start ("Most of
    // the jurors said", "Residents of the valley said") or from a comma
    // ("The plan will fail, employees said", "In Ohio, ferry riders said
    // X").
    if (WholeSubject(subject, static_cast<size_t>(k))) {
      begin = subject;
    } else if (const size_t after_comma =
                   NounLikeCue(h) ? kNoToken : SubjectAfterComma(k);
               after_comma != kNoToken) {
      begin = after_comma;
    } else {
      return false;
    }
  } else if (begin > subject && WholeSubject(subject, static_cast<size_t>(k))) {
    begin = subject;
  } else if (const size_t after_comma = begin > subject && !NounLikeCue(h)
                                            ? SubjectAfterComma(k)
                                            : kNoToken;
             after_comma < begin) {
    // "The plan will fail, a source familiar with the talks said": the
    // name ("the talks") ends a longer subject.
    begin = after_comma;
  }
  while (begin < static_cast<size_t>(k) && Free(begin) &&
         (lex_.IsLeadingConjunction(LowWord(begin)) ||
          SubordinatorOrPreposition(begin))) {
    ++begin;
  }
  h.has_speaker = true;
  h.name_begin = begin;
  h.name_end = static_cast<size_t>(k + 1);
  h.frame_begin = begin;
  return true;
}

// First token of the sentence's subject: past leading conjunctions and an
// opening quote-free "But," / "Still,".
size_t SentenceRules::SubjectStart() const {
  if (subject_start_ != kNoToken) {
    return subject_start_;
  }
  size_t i = tb_;
  while (i < body_end_ && Free(i) && lex_.IsLeadingConjunction(LowWord(i))) {
    ++i;
    if (i < body_end_ && FreeKind(i, TokenKind::kComma)) {
      ++i;
    }
  }
  subject_start_ = i;
  return i;
}

// True if tokens [b, k] form a plausible subject noun phrase: free words
// only, no verbs or clause words, a noun-like head.
bool SentenceRules::WholeSubject(size_t b, size_t k) const {
  if (b > k || k - b + 1 > kMaxSubjectWords) {
    return false;
  }
  // An introductory phrase is not a subject ("In Iowa, ...", "After the
  // vote the senator said").
  const LowText first = Low(b);
  // "At least half of the voters" is a subject; "At the rally" is not.
  const bool at_least = Is(first, "at") && b < k &&
                        (Is(Low(b + 1), "least") || Is(Low(b + 1), "most"));
  if ((lex_.IsContextStarter(LowWord(b)) && !at_least) || Is(first, "for") ||
      Is(first, "with") || Is(first, "by") || Is(first, "to") ||
      (Is(first, "at") && !at_least) || Is(first, "from") || Is(first, "of") ||
      Is(first, "about") || Is(first, "like") || Is(first, "if") ||
      Is(first, "despite")) {
    return false;
  }
  // "A nurse who works there said", "Voters who backed Lee say": a
  // restrictive relative clause after the head noun belongs to the
  // subject. Inside it auxiliaries and negations are fine ("who had not
  // voted"); another clause, a coordination or a speech verb is not.
  size_t relative = kNoToken;
  for (size_t i = b + 1; i < k; ++i) {
    if (Free(i) && Is(Low(i), "who")) {
      relative = i;
      break;
    }
  }
  for (size_t i = b; i <= k; ++i) {
    if (!Free(i)) {
      return false;
    }
    const LowText li = Low(i);
    if (relative != kNoToken && i > relative) {
      if ((IsClauseWord(li) && !lex_.IsAuxiliary(LowWord(i)) &&
           !lex_.IsNegation(LowWord(i)) && !Is(li, "there") &&
           !Is(li, "before") && !Is(li, "just") && !Is(li, "also") &&
           !Is(li, "still")) ||
          Is(li, "and") || Is(li, "or") ||
          (toks_[i].flags & Lexicon::kAnyCue) != 0) {
        return false;
      }
      continue;
    }
    if (i == relative) {
      continue;
    }
    if (IsClauseWord(li) || lex_.IsCueVerb(LowWord(i))) {
      return false;
    }
  }
  // The head is the last word before the relative clause.
  const size_t h = relative != kNoToken ? relative - 1 : k;
  const LowText head = Low(h);
  if (LowerAt(h) &&
      (head.size() > 4 && head.compare(head.size() - 2, 2, "ly") == 0)) {
    return false;
  }
  return ValidHead(h) || LowerAt(h) || DigitAt(h);
}

// First token of a subject ending at token k that opens right after a
// free comma or dash (WholeSubject), else kNoToken.
size_t SentenceRules::SubjectAfterComma(ptrdiff_t k) const {
  ptrdiff_t c = k;
  while (c > static_cast<ptrdiff_t>(tb_) && Free(c) && IsWord(c) &&
         k - c < static_cast<ptrdiff_t>(kMaxSubjectWords)) {
    --c;
  }
  if (c <= static_cast<ptrdiff_t>(tb_) || c == k ||
      !(FreeKind(c, TokenKind::kComma) || FreeKind(c, TokenKind::kDash)) ||
      !WholeSubject(static_cast<size_t>(c + 1), static_cast<size_t>(k))) {
    return kNoToken;
  }
  // A word in -ing makes the words a participle phrase or a clause, not a
  // subject ("..., stoking fears about X", "..., he started raising
  // questions about X"); a lone word must be a plural or a speaker
  // ("..., very worried" is neither).
  for (ptrdiff_t i = c + 1; i <= k; ++i) {
    const LowText w = Low(static_cast<size_t>(i));
    if (LowerAt(static_cast<size_t>(i)) && w.size() > 4 &&
        w.compare(w.size() - 3, 3, "ing") == 0) {
      return kNoToken;
    }
  }
  if (c + 1 == k && !ValidHead(static_cast<size_t>(k)) &&
      !(LowerAt(static_cast<size_t>(k)) &&
        Low(static_cast<size_t>(k)).back() == 's')) {
    return kNoToken;
  }
  return static_cast<size_t>(c + 1);
}

// "Tom Roe, the president of Acme, a group that sued the city, said": a
// name at the start of the sentence and an appositive that may hold commas.
bool SentenceRules::LongAppositive(ptrdiff_t k, Hit& h) const {
  const size_t subject = SubjectStart();
  const ptrdiff_t lo =
      std::max<ptrdiff_t>(static_cast<ptrdiff_t>(tb_) + 1,
                          k - static_cast<ptrdiff_t>(kMaxAppositiveTokens));
  // The appositive opens with the mark that closes it: "Roe, a captain,
  // said", "Roe - a captain - said"; a comma inside a closing quote
  // ("Lee, the host of \"Ferry Talk,\" says") closes it like a plain one.
  const TokenKind mark = QuotedCommaAt(k) ? TokenKind::kComma : toks_[k].kind;
  for (ptrdiff_t j = lo; j < k - 1; ++j) {
    if (!FreeKind(j, mark)) {
      continue;
    }
    // "Rep. Ann Roe (D-Ohio), chair of the panel, said": a name with its
    // parenthetical.
    ptrdiff_t name_last = j - 1;
    if (toks_[name_last].kind == TokenKind::kCloseParen &&
        !InQuote(name_last)) {
      ptrdiff_t open = name_last - 1;
      while (open > static_cast<ptrdiff_t>(tb_) && name_last - open <= 8 &&
             toks_[open].kind != TokenKind::kOpenParen &&
             toks_[open].kind != TokenKind::kCloseParen) {
        --open;
      }
      if (open <= static_cast<ptrdiff_t>(tb_) ||
          toks_[open].kind != TokenKind::kOpenParen || !CapAt(open - 1)) {
        continue;
      }
      name_last = open - 1;
    }
    if (!Free(name_last)) {
      continue;
    }
    size_t begin = 0;
    if (!NameBefore(name_last, begin)) {
      continue;
    }
    // The name opens the sentence or follows a quote or comma (`"...,"
    // Lee Roe, 41, said`); "Yet", "But" before it are no part of it.
    while (begin < static_cast<size_t>(name_last) &&
           lex_.IsLeadingConjunction(LowWord(begin))) {
      ++begin;
    }
    const bool opens = begin == subject ||
                       (begin > tb_ && (toks_[begin - 1].kind == TokenKind::kQuote ||
                                        FreeKind(begin - 1, TokenKind::kComma)));
    if (!opens) {
      continue;
    }
    // Everything from the name to the cue has no sentence punctuation; a
    // quote may stand in the appositive ("the author of \"Days,\"").
    bool clean = true;
    for (ptrdiff_t i = static_cast<ptrdiff_t>(begin); i < k; ++i) {
      if ((InQuote(i) && i <= j) ||
          !(IsWord(i) || toks_[i].kind == TokenKind::kComma ||
            toks_[i].kind == TokenKind::kDash ||
            toks_[i].kind == TokenKind::kQuote ||
            toks_[i].kind == TokenKind::kOpenParen ||
            toks_[i].kind == TokenKind::kCloseParen)) {
        clean = false;
        break;
      }
    }
    if (!clean) {
      return false;
    }
    const LowText first = Low(j + 1);
    if (!Free(j + 1)) {
      return false;
    }
    if (Is(first, "who") || Is(first, "which") ||
        SpeakerAside(static_cast<size_t>(j + 1))) {
      // "Gov. Lund, who faces a recount, said", "Roe, in a statement,
      // said": the relative clause or aside is incidental; the source is
      // the name alone.
      while (begin < static_cast<size_t>(j) &&
             lex_.IsLeadingConjunction(LowWord(begin))) {
        ++begin;
      }
      if (!ValidHead(static_cast<size_t>(name_last)) &&
          !lex_.IsDeterminer(LowWord(begin)) && !DigitAt(begin) &&
          !lex_.IsNumberWord(LowWord(begin))) {
        return false;
      }
      h.has_speaker = true;
      h.name_begin = begin;
      h.name_end = static_cast<size_t>(j);
      h.frame_begin = begin;
      return true;
    }
    while (begin < static_cast<size_t>(j) &&
           lex_.IsLeadingConjunction(LowWord(begin))) {
      ++begin;
    }
    h.has_speaker = true;
    h.name_begin = begin;
    h.name_end = static_cast<size_t>(j);
    h.has_role = true;
    h.role_begin = static_cast<size_t>(j + 1);
    h.role_end = static_cast<size_t>(k);
    h.frame_begin = begin;
    return true;
  }
  return false;
}

// True if the commas after a speaker's name open at `i` an aside on when,
// where or how they spoke ("Roe, in a statement, said", "Roe, after a long
// pause, said", "Roe, speaking to reporters, said") rather than an
// appositive that says who the speaker is. "at" with a name after it is
// where the speaker works ("Roe, at the Brookings Institution, said") and
// "as" their role ("Roe, as chairman, said"): both stay appositives.
bool SentenceRules::SpeakerAside(size_t i) const {
  if (i >= body_end_ || !Free(i) || !LowerAt(i)) {
    return false;
  }
  const LowText first = Low(i);
  if (Is(first, "speaking") || Is(first, "writing")) {
    return true;
  }
  if (!lex_.IsContextStarter(LowWord(i)) || Is(first, "as")) {
    return false;
  }
  if (Is(first, "at")) {
    const size_t named =
        i + 1 < body_end_ && Is(Low(i + 1), "the") ? i + 2 : i + 1;
    return named >= body_end_ || !CapAt(named);
  }
  return true;
}

// Inverted order after a quote or comma: `"...," said Jane Roe, an analyst.`
bool SentenceRules::SpeakerAfter(Hit& h) const {
  size_t i = h.cue_end;
  const size_t begin = i;
  size_t n = 0;
  while (i < body_end_ && Free(i) && n < kMaxNameWords) {
    if (lex_.IsContextStarter(LowWord(i)) && LowerAt(i) &&
        !lex_.IsDeterminer(LowWord(i))) {
      break;
    }
    if (lex_.IsSpeakerStop(LowWord(i)) && LowerAt(i)) {
      break;
    }
    ++i;
    ++n;
  }
  const size_t run_end = i;
  const size_t run_words = n;
  // "says an aide familiar with the budget": end the name at its head.
  while (n > 1 && !ValidHead(i - 1)) {
    --i;
    --n;
  }
  // "X, said the chief executive.": "said" takes no object, so a
  // determined noun phrase that ends the clause after it is its speaker
  // whatever its head, after a comma as after a quote (below).
  const LowText verb = Low(h.verb);
  const bool said_phrase =
      i < run_end && h.cue_begin == h.verb &&
      (Is(verb, "said") || Is(verb, "says")) && h.cue_begin > tb_ + 1 &&
      (FreeKind(h.cue_begin - 1, TokenKind::kComma) ||
       ClosingQuoteAt(h.cue_begin - 1) >= 0) &&
      (run_end >= body_end_ || FreeKind(run_end, TokenKind::kComma) ||
       FreeKind(run_end, TokenKind::kTerminal)) &&
      (lex_.IsDeterminer(LowWord(begin)) || IsPossessive(Text(begin))) &&
      LowerAt(run_end - 1) && !IsClauseWord(Low(run_end - 1)) &&
      !lex_.IsCueVerb(LowWord(run_end - 1));
  if (said_phrase) {
    i = run_end;
    n = run_words;
  } else if (n == 0 || !ValidHead(i - 1)) {
    // `"...," said the woman`, `"Why?" asked his friend`: right after a
    // quote a determined noun phrase is a speaker whatever its head, as
    // before the cue (NameBefore). After a plain comma it is as often the
    // verb's object ("..., drew a crowd of riders").
    const size_t c = h.cue_begin;
    const bool after_quote =
        c > tb_ && (ClosingQuoteAt(c - 1) >= 0 ||
                    (c > tb_ + 1 && FreeKind(c - 1, TokenKind::kComma) &&
                     ClosingQuoteAt(c - 2) >= 0));
    const LowText head = Low(run_end - 1);
    // "said the 46-year-old": a compound age is a head too.
    const bool age = DigitAt(run_end - 1) &&
                     head.find("-year-old") != std::string_view::npos;
    if (!after_quote || run_words < 2 ||
        !(lex_.IsDeterminer(LowWord(begin)) || IsPossessive(Text(begin))) ||
        !(LowerAt(run_end - 1) || age) || IsClauseWord(head) ||
        lex_.IsDeterminer(LowWord(run_end - 1)) ||
        lex_.IsCueVerb(LowWord(run_end - 1)) ||
        (head.size() > 4 && EndsWith2(head, "ly"))) {
      return false;
    }
    i = run_end;
    n = run_words;
  }
  h.has_speaker = true;
  h.inverted = true;
  h.name_begin = begin;
  h.name_end = i;
  h.after = i;
  if (i + 1 < body_end_ && FreeKind(i, TokenKind::kComma) && Free(i + 1) &&
      LowerAt(i + 1)) {
    size_t e = i + 1;
    while (e < body_end_ && Free(e)) {
      ++e;
    }
    h.has_role = true;
    h.role_begin = i + 1;
    h.role_end = e;
    h.after = e;
  }
  return true;
}

// The noun phrase that opens the sentence ("The senator", "Mr. Roe",
// "she"): the subject a participle cue (", saying") refers to.
bool SentenceRules::SubjectPhrase(size_t limit, size_t& b, size_t& e) const {
  b = SubjectStart();
  // A dateline ("WASHINGTON —", "PARIS, Aug 31 (Reuters) -") is no subject.
  if (b < limit && Free(b) && IsUpperCaseWord(Text(b))) {
    for (size_t i = b + 1; i < limit && i <= b + 10; ++i) {
      if (FreeKind(i, TokenKind::kDash)) {
        b = i + 1;
        break;
      }
    }
  }
  // Skip an introductory phrase ("Amid the protests, ...", "Speaking in
  // Iowa, ...") to the subject after its comma.
  if (b < limit && Free(b)) {
    const LowText first = Low(b);
    const bool intro =
        lex_.IsContextStarter(LowWord(b)) || Is(first, "for") ||
        Is(first, "with") || Is(first, "by") || Is(first, "despite") ||
        Is(first, "like") || Is(first, "unlike") || Is(first, "according") ||
        Is(first, "asked") ||
        (first.size() > 4 && first.compare(first.size() - 3, 3, "ing") == 0);
    if (intro) {
      size_t comma = b;
      while (comma < limit && !FreeKind(comma, TokenKind::kComma) &&
             !InQuote(comma)) {
        ++comma;
      }
      if (comma + 1 >= limit || !FreeKind(comma, TokenKind::kComma)) {
        return false;
      }
      b = comma + 1;
    }
  }
  e = b;
  while (e < limit && e < body_end_ && Free(e) && e - b < kMaxNameWords) {
    const std::string_view w = Text(e);
    const LowText lw = Low(e);
    if (e == b && lex_.IsPronoun(LowWord(e))) {
      e = b + 1;
      return !Is(lw, "it") && !Is(lw, "there");
    }
    const bool capital = CapAt(e) || AcronymAt(e);
    if (capital || lex_.IsDeterminer(LowWord(e)) || IsPossessive(w) ||
        (e > b && lex_.IsNameConnector(lw) && e + 1 < body_end_ &&
         CapAt(e + 1)) ||
        lex_.IsSpeakerNoun(LowWord(e))) {
      // A capitalized word after the start may already be the next clause's
      // verb only in headlines; accept it.
      ++e;
      continue;
    }
    break;
  }
  return e > b && ValidHead(e - 1);
}

// "As Lee noted (in May), X", "In May, as Lee noted, X" and "X, as Lee
// noted (in May).": a speaker frame opened by "as" attributes the main
// clause, after or before it; a phrase of time or place may follow the
// cue. Not "such as", "as well as" or "just as", nor a passive ("as the
// bill is called"); "as Lee put it" has a rule of its own.
bool SentenceRules::AsClause(Hit& h) const {
  constexpr size_t kMaxAdjunctWords = 8;
  constexpr size_t kMaxIntroWords = 6;
  const size_t as = h.frame_begin - 1;
  if (h.frame_begin <= tb_ || !Free(as) || !Is(Low(as), "as") ||
      Is(Low(h.verb), "put") || IsPassive(h) ||
      (as > tb_ && Free(as - 1) &&
       (Is(Low(as - 1), "such") || Is(Low(as - 1), "well") ||
        Is(Low(as - 1), "just") || Is(Low(as - 1), "as")))) {
    return false;
  }
  size_t e = h.cue_end;
  if (e < body_end_ && Free(e) &&
      (lex_.IsContextStarter(LowWord(e)) || lex_.IsCueAdverb(LowWord(e)))) {
    while (e < body_end_ && e < h.cue_end + kMaxAdjunctWords && Free(e)) {
      ++e;
    }
  }
  const size_t st = SubjectStart();
  const bool after_comma = as > tb_ + 1 && FreeKind(as - 1, TokenKind::kComma);
  bool leading = as == st;
  if (!leading && after_comma && st + kMaxIntroWords >= as - 1 &&
      lex_.IsContextStarter(LowWord(st))) {
    // An introduction before the frame: "In the old days, as Lee noted".
    leading = true;
    for (size_t i = st; i + 1 < as; ++i) {
      leading = leading && Free(i);
    }
  }
  if (leading && e + 1 < body_end_ && FreeKind(e, TokenKind::kComma) &&
      Free(e + 1)) {
    h.as_clause = true;
    h.shape = Hit::Shape::kLeading;
    h.after = e;
    return true;
  }
  if (after_comma && e >= body_end_) {
    // After a clause with a cue of its own ("..., she said, as the crowd
    // applauded") the frame is a remark on the side.
    for (size_t i = st; i + 1 < as; ++i) {
      if ((toks_[i].flags & Lexicon::kAnyCue) && LowerAt(i) && Free(i)) {
        return false;
      }
    }
    h.as_clause = true;
    h.shape = Hit::Shape::kTrailing;
    h.trailing_comma = as - 1;
    h.after = e;
    return true;
  }
  return false;
}

void SentenceRules::Classify(Hit& h) const {
  if (h.noun) {
    h.shape = Hit::Shape::kForward;
    return;
  }
  if (h.participle) {
    h.shape = Hit::Shape::kParticiple;
    h.after = h.cue_end;
    return;
  }
  if (h.according) {
    // Source runs to the next comma or the end of the sentence.
    size_t e = h.cue_end;
    while (e < body_end_ && !FreeKind(e, TokenKind::kComma) &&
           !FreeKind(e, TokenKind::kSemicolon)) {
      ++e;
    }
    if (e == h.cue_end) {
      return;
    }
    h.has_speaker = true;
    h.name_begin = h.cue_end;
    h.name_end = e;
    h.after = e;
    // "But according to X, Y" and "In addition, according to X, Y": the
    // content follows the source when the source ends at a comma with a
    // clause after it and only an introduction stands before the cue.
    const bool content_after =
        e + 3 < body_end_ && FreeKind(e, TokenKind::kComma);
    bool intro_only = h.cue_begin == SubjectStart();
    if (!intro_only && content_after && h.cue_begin > tb_ + 1 &&
        FreeKind(h.cue_begin - 1, TokenKind::kComma)) {
      size_t words = 0;
      bool clean = true;
      for (size_t i = tb_; i + 1 < h.cue_begin; ++i) {
        if (!Free(i)) {
          clean = false;
          break;
        }
        ++words;
      }
      intro_only = clean && words <= 3;
    }
    if (h.cue_begin == tb_ || (intro_only && content_after)) {
      h.shape = Hit::Shape::kLeading;
    } else if ((FreeKind(h.cue_begin - 1, TokenKind::kComma) ||
                FreeKind(h.cue_begin - 1, TokenKind::kDash)) &&
               h.cue_begin - 1 > tb_) {
      h.shape = Hit::Shape::kTrailing;
      h.trailing_comma = h.cue_begin - 1;
    } else if (h.cue_begin - 1 > tb_ &&
               QuotedCommaAt(static_cast<ptrdiff_t>(h.cue_begin) - 1)) {
      // `compared it to a "root canal," according to X`: the comma sits
      // inside the closing mark, which the content keeps.
      h.shape = Hit::Shape::kTrailing;
      h.trailing_comma = h.cue_begin;
    }
    return;
  }
  const ptrdiff_t k = static_cast<ptrdiff_t>(h.chain_begin) - 1;
  Hit probe = h;
  const bool before = SpeakerBefore(k, probe);
  // "X denied the report and said ...", "X left and said ...": a second
  // verb of the same subject, whatever the subject rules made of the words
  // before "and".
  if (k > static_cast<ptrdiff_t>(tb_) && Free(k) &&
      (Is(Low(k), "and") || Is(Low(k), "but"))) {
    h.coordinated = true;
    h.shape = Hit::Shape::kParticiple;
    h.after = h.cue_end;
    return;
  }
  if (before) {
    h = probe;
    if (AsClause(h)) {
      return;
    }
  } else {
    h.frame_begin = h.cue_begin;
  }
  // What precedes the speaker frame: a closing quote mark, or a comma.
  ptrdiff_t p = static_cast<ptrdiff_t>(h.frame_begin) - 1;
  bool after_comma = false;
  if (p > static_cast<ptrdiff_t>(tb_) && FreeKind(p, TokenKind::kComma)) {
    after_comma = true;
    --p;
  }
  const int quote_before =
      p >= static_cast<ptrdiff_t>(tb_) ? ClosingQuoteAt(p) : -1;
  if (!before) {
    if (quote_before < 0 && !after_comma) {
      return;
    }
    if (!SpeakerAfter(h)) {
      return;
    }
    // "X, the group's chair, said the vote will ...": after a plain comma
    // an inverted speaker ends the sentence or meets a comma or a phrase of
    // time or place (", said Lee on Monday."); a clause going on after it
    // ("the vote will") means the cue is the subject's, not inverted.
    if (quote_before < 0 && h.after < body_end_ &&
        !FreeKind(h.after, TokenKind::kComma) &&
        !(Free(h.after) && lex_.IsContextStarter(LowWord(h.after)))) {
      return;
    }
  } else {
    h.after = h.cue_end;
  }
  if (quote_before >= 0) {
    h.shape = Hit::Shape::kQuoteFirst;
    h.quote_before = quote_before;
    return;
  }
  size_t rest = h.after;
  // "this" opens a phrase of time ("said this week") or the content ("said
  // this was the only chance").
  if (rest < body_end_ && Free(rest) && lex_.IsContextStarter(LowWord(rest)) &&
      !(lex_.IsDeterminer(LowWord(rest)) && TimePhraseEnd(rest) == rest)) {
    // "The plan, he said in a statement, would cut taxes": a comma after a
    // short phrase closes the frame, and the clause goes on.
    const size_t frame_comma =
        after_comma && before ? FrameCommaAfter(rest) : kNoToken;
    // "In Ohio, Roe said Monday the plan will pass": a phrase of time, then
    // a clause of its own.
    const size_t time_end = TimePhraseBeforeClause(rest);
    rest = frame_comma != kNoToken ? frame_comma
           : time_end > rest       ? time_end
                                   : ContextEnd(rest);
  }
  // "In his reply, Roe said on Tuesday that X": a "that" after the context
  // phrase opens the content, so the comma only closed an introduction.
  bool that_follows = false;
  if (!h.inverted && rest > h.after) {
    for (size_t i = h.after; i < rest; ++i) {
      if (Free(i) && Is(Low(i), "that")) {
        that_follows = true;
        break;
      }
    }
  }
  if (after_comma && !that_follows && (rest >= body_end_ || h.inverted)) {
    // "In recent weeks, Roe has been attacked": a lone introductory phrase
    // before the comma is no content.
    const size_t st = SubjectStart();
    const size_t comma = h.frame_begin - 1;
    bool intro =
        st < comma && Free(st) &&
        ((lex_.IsContextStarter(LowWord(st)) &&
          !lex_.IsDeterminer(LowWord(st))) ||
         SubordinatorOrPreposition(st) || Is(Low(st), "for") ||
         Is(Low(st), "with") || Is(Low(st), "by") || Is(Low(st), "despite"));
    for (size_t i = st; intro && i < comma; ++i) {
      intro = !FreeKind(i, TokenKind::kComma) && !InQuote(i);
    }
    if (intro) {
      return;
    }
    h.shape = Hit::Shape::kTrailing;
    h.trailing_comma = comma;
    return;
  }
  if (before && !h.inverted) {
    h.shape = Hit::Shape::kForward;
  }
}

// A context phrase runs to the end of the sentence, or to a comma that
// opens a second quote part.
size_t SentenceRules::ContextEnd(size_t begin) const {
  size_t e = begin;
  while (e < body_end_) {
    if ((FreeKind(e, TokenKind::kComma) || FreeKind(e, TokenKind::kColon)) &&
        e + 1 < body_end_ && OpeningQuoteAt(e + 1) >= 0) {
      break;
    }
    const int q = OpeningQuoteAt(e);
    if (q >= 0) {
      // A quoted title inside the phrase ("on the radio show "Morning
      // Line."") is
      // part of it; a quote after a comma or colon is speech.
      if (e > begin && toks_[e - 1].kind == TokenKind::kWord &&
          quotes_[q].closed && quotes_[q].close_token < body_end_) {
        e = quotes_[q].close_token + 1;
        continue;
      }
      break;
    }
    ++e;
  }
  return e;
}

// Reported content ends at the sentence end, at a relative clause
// (", which"), at a semicolon, or where a trailing attribution begins.
size_t SentenceRules::ClauseEnd(size_t begin,
                                const Trailing& trailing) const {
  size_t first = begin;
  if (first + 1 < body_end_ && Free(first) && Is(Low(first), "that")) {
    ++first;
  }
  // "that if they win, he will ...", "that even if X, Y", "that given X,
  // Y": a subordinate clause or phrase opens the content.
  const bool fronted =
      first < body_end_ && Free(first) &&
      (SubordinatorOrPreposition(first) || Is(Low(first), "given") ||
       (Is(Low(first), "even") && first + 1 < body_end_ && Free(first + 1) &&
        SubordinatorOrPreposition(first + 1)));
  bool passed_first_comma = false;
  bool colon_list = false;
  // The clause ends at the first trailing frame's token at or after
  // `begin` at the latest: found once instead of at every token.
  size_t limit = body_end_;
  for (const size_t t : trailing) {
    if (t >= begin && t < limit) {
      limit = t;
    }
  }
  for (size_t i = begin; i < limit; ++i) {
    // Below, only punctuation (a closing quote mark is a kQuote token) and
    // the words "and" and "but" can end the clause: skip the other words,
    // most of the clause, in a loop of their own. It stops at those two
    // words alone, not at every word of three letters ("the", "for",
    // "was"), whose exits mispredicted.
    while (i < limit && toks_[i].kind == TokenKind::kWord && !AndOrBut(i)) {
      ++i;
    }
    if (i == limit) {
      break;
    }
    // A semicolon ends the clause, unless it separates the items of a
    // list a colon opened ("ideas: X; Y; and Z").
    if (FreeKind(i, TokenKind::kColon) && i > begin) {
      colon_list = true;
    }
    if (FreeKind(i, TokenKind::kSemicolon) && !colon_list) {
      return i;
    }
    // A comma, or a closing mark with the comma inside (`"a disaster,"
    // which ...`): the clause ends at the comma, or after the mark.
    const bool quote_comma = ClosingQuoteAt(i) >= 0 && i > begin &&
                             QuoteEndsWithComma(quotes_[quote_of_[i]]);
    const size_t stop = quote_comma ? i + 1 : i;
    if ((FreeKind(i, TokenKind::kComma) || quote_comma) && i + 1 < body_end_ &&
        Free(i + 1)) {
      const LowText next = Low(i + 1);
      // ", but that Y", ", but not Y", ", but also Y", ", but rather Y": a
      // second part of the same content.
      const bool but_goes_on =
          Is(next, "but") && i + 2 < body_end_ && Free(i + 2) &&
          (Is(Low(i + 2), "that") || Is(Low(i + 2), "not") ||
           Is(Low(i + 2), "also") || Is(Low(i + 2), "rather"));
      // "the plan, which passed last year, will raise fares", "Trump, even
      // as a candidate, had raised X": an aside inside the content's subject.
      if (const size_t close =
              i <= first + kMaxAsideHead ? SubjectAsideEnd(i) : kNoToken;
          close != kNoToken) {
        passed_first_comma = true;
        i = close;
        continue;
      }
      if (Is(next, "which") || Is(next, "who") || Is(next, "whom") ||
          Is(next, "where") || (Is(next, "but") && !but_goes_on) ||
          Is(next, "while") || Is(next, "whereas") || Is(next, "despite")) {
        return stop;
      }
      // ", even as he ...", ", after he introduced ...", ", in which ...",
      // ", he also stated ...": a new clause that the author adds, or a
      // second main clause. Not the comma that closes a fronted
      // subordinate clause ("if they win, he will ...").
      if (i >= begin + 3 && !(fronted && !passed_first_comma) &&
          ClauseBreakAfterComma(i + 1)) {
        return stop;
      }
      // ", and they rejected ...", ", and the police said ...": a new
      // clause with its own subject.
      if ((Is(next, "and")) && i + 2 < body_end_ && Free(i + 2) &&
          lex_.IsPronoun(LowWord(i + 2))) {
        return stop;
      }
      if (Is(next, "and") || Is(next, "but")) {
        for (size_t j = i + 2; j < body_end_ && j < i + 8 && Free(j); ++j) {
          if (LowerAt(j) &&
              (toks_[j].flags & Lexicon::kCueVerb)) {
            return stop;
          }
        }
      }
    }
    if (FreeKind(i, TokenKind::kComma) || quote_comma) {
      passed_first_comma = true;
    }
    // " - and the council agreed ...": a dash opening a new clause.
    if (FreeKind(i, TokenKind::kDash) && i > begin && i + 1 < body_end_ &&
        Free(i + 1)) {
      const LowText next = Low(i + 1);
      if (Is(next, "and") || Is(next, "but") || Is(next, "though") ||
          Is(next, "although") || Is(next, "which") || Is(next, "who")) {
        return i;
      }
    }
    // "... and said X": a second cue on the same subject starts a new
    // statement.
    if (i > begin && Free(i) && (Is(Low(i), "and") || Is(Low(i), "but")) &&
        i + 1 < body_end_ && Free(i + 1) && lex_.IsCueVerb(LowWord(i + 1))) {
      return i;
    }
  }
  return limit;
}

// The comma closing an aside that opens at the comma before it, when an
// auxiliary follows ("the plan, which passed last year, will raise fares",
// "Trump, even as a candidate, had raised X"): the aside sat inside a
// subject, and its verb comes after. Otherwise kNoToken.
size_t SentenceRules::SubjectAsideEnd(size_t comma) const {
  for (size_t j = comma + 2; j < body_end_ && j < comma + kMaxAsideTokens;
       ++j) {
    if (toks_[j].kind == TokenKind::kWord) {
      continue;
    }
    return FreeKind(j, TokenKind::kComma) && j + 1 < body_end_ && Free(j + 1) &&
                   lex_.IsAuxiliary(LowWord(j + 1))
               ? j
               : kNoToken;
  }
  return kNoToken;
}

// True if the free word at token i, right after a comma, opens a clause
// that is not part of reported content: an adverbial clause ("even as",
// "after he"), "in which", or a new subject with its verb (", he also
// stated"). Participles (", giving ...") were tried and are as often
// content as not.
bool SentenceRules::ClauseBreakAfterComma(size_t i) const {
  if (i + 1 >= body_end_ || !Free(i) || !LowerAt(i)) {
    return false;
  }
  const LowText w = Low(i);
  const std::string_view next = Free(i + 1) ? Low(i + 1) : std::string_view();
  // ", even as he ..." is the writer's; ", even if Y" goes on with the
  // content.
  if (Is(w, "even") && (Is(next, "as") || Is(next, "though"))) {
    return true;
  }
  if ((Is(w, "in") || Is(w, "by") || Is(w, "from")) && Is(next, "which")) {
    return true;
  }
  // ", as (first) reported by X": where the statement appeared.
  if (Is(w, "as") && (Is(next, "reported") || Is(next, "first"))) {
    return true;
  }
  // ", compared with 41 percent for Y": the writer's comparison.
  if (Is(w, "compared") && (Is(next, "with") || Is(next, "to"))) {
    return true;
  }
  // ", a claim that his office disputes", ", one that will ...", ", a
  // bold move that ...": an appositive the writer adds about the
  // statement.
  if ((Is(w, "one") || Is(w, "something") || Is(w, "someone")) &&
      (Is(next, "that") || Is(next, "who"))) {
    return true;
  }
  if (Is(w, "a") || Is(w, "an")) {
    for (size_t j = i + 2;
         j < i + 4 && j < body_end_ && Free(j - 1) && LowerAt(j - 1) && Free(j);
         ++j) {
      if (IsThat(j) || Is(Low(j), "which") || Is(Low(j), "who")) {
        return true;
      }
    }
  }
  // ", drawing boos from the crowd": the reaction the statement met.
  if (Is(w, "drawing") || Is(w, "prompting") || Is(w, "sparking") ||
      Is(w, "triggering")) {
    return true;
  }
  if (Is(w, "after") || Is(w, "before") || Is(w, "as") || Is(w, "when") ||
      Is(w, "since") || Is(w, "although") || Is(w, "though") ||
      Is(w, "until")) {
    return lex_.IsPronoun(next) || CapAt(i + 1) ||
           lex_.IsDeterminer(next);
  }
  if (lex_.IsPronoun(LowWord(i)) && !Is(w, "it") && !Is(w, "you")) {
    // "he also stated", "they said": a pronoun subject and its verb.
    size_t j = i + 1;
    while (j < body_end_ && Free(j) && lex_.IsCueAdverb(LowWord(j))) {
      ++j;
    }
    return j < body_end_ && Free(j) &&
           (lex_.IsAuxiliary(LowWord(j)) ||
            (toks_[j].flags & Lexicon::kAnyCue) != 0 ||
            (Low(j).size() > 3 &&
             Low(j).compare(Low(j).size() - 2, 2, "ed") == 0));
  }
  return false;
}

// "issued a statement saying X", "released an ad calling on Y": a
// document that a verb of publishing puts out and a speech participle
// after it belong to the cue; returns the token after the participle, or
// b. ("dismissed a report suggesting X" keeps the report: there it is
// what the speaker talks about.)
size_t SentenceRules::DocumentParticipleEnd(size_t verb, size_t b) const {
  constexpr size_t kMaxDocumentWords = 4;
  // The participle's flag first: most objects have none.
  size_t p = b + 2;
  while (p < body_end_ && p <= b + kMaxDocumentWords && Free(p) &&
         (toks_[p].flags & Lexicon::kCueParticiple) == 0) {
    ++p;
  }
  if (p >= body_end_ || p > b + kMaxDocumentWords + 1 || !Free(p) ||
      !LowerAt(p) || !Free(b) || !Free(b + 1)) {
    return b;
  }
  if (!InWordList(kPublishingVerbs, Low(verb))) {
    return b;
  }
  // "put out a statement", "sent out a release".
  const size_t det = Is(Low(b), "out") ? b + 1 : b;
  auto document = [&](size_t n) {
    const LowText noun = Low(n);
    return n > det && (lex_.IsDocumentHead(LowWord(n)) || Is(noun, "ad") ||
                       Is(noun, "tweet") || Is(noun, "video") ||
                       Is(noun, "message") || Is(noun, "column"));
  };
  // "a statement Wednesday saying": a time phrase may follow the noun.
  const bool frame = document(p - 1) ||
                     (p >= det + 3 && document(p - 2) && TimePhraseEnd(p - 1) == p);
  return frame && lex_.IsDeterminer(LowWord(det)) ? p + 1 : b;
}

// "Islanders hoping to keep the pier say", "At least a third of the
// ferry's riders say", "By two to one, those polled say": a clause
// subject of free words ending at token k (right before a base-form cue)
// with a plural or counted noun and no verb form or "to" before it.
// (Requiring only modifiers after the noun, so that "Riders used chalk to
// write" is refused, lost more attributions than it saved.)
bool SentenceRules::PluralSubjectPhrase(size_t k) const {
  size_t s = SubjectStart();
  if (s > k) {
    return false;
  }
  // An introductory phrase ends at the last comma before the subject; the
  // subject is at most kMaxSubjectWords long, so look no further back.
  const size_t lowest = k + 1 > kMaxSubjectWords ? k + 1 - kMaxSubjectWords : 0;
  for (size_t i = k; i > s; --i) {
    if (FreeKind(i, TokenKind::kComma)) {
      s = i + 1;
      break;
    }
    if (!Free(i) || i <= lowest) {
      return false;
    }
  }
  if (s > k || k - s + 1 > kMaxSubjectWords || !Free(s)) {
    return false;
  }
  // The noun first (cheap), the clause-word check only for a candidate.
  bool noun = false;
  for (size_t p = s; p <= k && !noun; ++p) {
    const LowText w = Low(p);
    if (Is(w, "to") ||
        (LowerAt(p) && (EndsWith2(w, "ed") || EndsWith2(w, "ng")))) {
      return false;  // A verb before the subject's noun.
    }
    noun = IsPluralSubject(w, Text(p)) || DigitAt(p) || Is(w, "percent") ||
           Is(w, "half") || Is(w, "majority") || Is(w, "those") ||
           Is(w, "these");
  }
  if (!noun) {
    return false;
  }
  for (size_t i = s; i <= k; ++i) {
    if ((toks_[i].flags & Lexicon::kCueVerb) || IsClauseWord(Low(i))) {
      return false;
    }
  }
  return true;
}

// "said repeatedly that X", "said, however, that X": an adverb between
// the cue and "that" belongs to neither; returns the token of "that", or b.
size_t SentenceRules::AdverbBeforeThat(size_t b) const {
  size_t i = b;
  if (i < body_end_ && FreeKind(i, TokenKind::kComma)) {
    ++i;
  }
  if (i + 1 >= body_end_ || !Free(i) || !LowerAt(i)) {
    return b;
  }
  // "that" next (past a comma) is rare: test it before the adverb.
  size_t that = i + 1;
  if (FreeKind(that, TokenKind::kComma)) {
    ++that;
  }
  if (that >= body_end_ || !IsThat(that)) {
    return b;
  }
  const LowText w = Low(i);
  const bool adverb = (w.size() > 4 && EndsWith2(w, "ly")) ||
                      Is(w, "however") || Is(w, "also") || Is(w, "again") ||
                      Is(w, "too");
  return adverb ? that : b;
}

// Builds content from tokens [b, e): direct if it is exactly one quote,
// partial if it contains quotes, reported speech otherwise.
RawStatement SentenceRules::BuildContent(size_t b, size_t e) const {
  RawStatement s;
  if (b >= e) {
    return s;
  }
  // The quotes that open in [b, e), in token order (a quote's opening
  // mark is its first token).
  absl::InlinedVector<int, 4> inside;
  for (size_t qi = 0; qi < quotes_.size(); ++qi) {
    if (quotes_[qi].open_token >= b && quotes_[qi].open_token < e) {
      inside.push_back(static_cast<int>(qi));
    }
  }
  // Ignore punctuation after a closing mark ("...”." is still one quote).
  size_t last = e;
  while (last > b && (toks_[last - 1].kind == TokenKind::kComma ||
                      toks_[last - 1].kind == TokenKind::kTerminal ||
                      toks_[last - 1].kind == TokenKind::kColon) &&
         !InQuote(last - 1)) {
    --last;
  }
  if (inside.size() == 1 && OpeningQuoteAt(b) == inside[0] &&
      quote_of_[last - 1] == inside[0] &&
      quotes_[inside[0]].outer.end == toks_[last - 1].end) {
    s.kind = StatementKind::kDirectQuote;
    s.parts.push_back(TrimContent(text_, quotes_[inside[0]].inner));
    return s;
  }
  s.parts.push_back(TrimContent(text_, SpanOf(b, e)));
  if (inside.empty()) {
    s.kind = StatementKind::kReportedSpeech;
  } else {
    s.kind = StatementKind::kPartialQuote;
    for (int q : inside) {
      s.fragments.push_back(TrimContent(text_, quotes_[q].inner));
    }
  }
  return s;
}

// "Weir did not say whether Moss said X": what a denied report contains is
// not asserted either, so a statement whose cue lies inside a negated
// statement's content is negated too.
void SentenceRules::MarkReportsInsideDenials(SentenceAttributions& out) const {
  for (const RawStatement& denial : out.statements) {
    if (!denial.negated) {
      continue;
    }
    for (RawStatement& s : out.statements) {
      if (&s == &denial || !s.cue.has_value()) {
        continue;
      }
      for (const ByteSpan& part : denial.parts) {
        if (part.begin <= s.cue->begin && s.cue->end <= part.end) {
          s.negated = true;
        }
      }
    }
  }
}

// "who asked not to be named because ...", ", asking not to be identified",
// "who did not want to be named": a source's request for anonymity is the
// reporter's account of the source, not a statement of it. True if tokens
// [b, e) are one.
bool SentenceRules::AnonymityRequest(size_t b, size_t e) const {
  if (e - b > 2 && Is(Low(b), "not")) {
    ++b;
  }
  return e - b > 2 && Is(Low(b), "to") && Is(Low(b + 1), "be") &&
         (Is(Low(b + 2), "named") || Is(Low(b + 2), "identified"));
}

// "Monday", "on Tuesday", "last week", "earlier this month", "yesterday":
// returns the token after a time phrase starting at b, or b if there is none.
size_t SentenceRules::TimePhraseEnd(size_t b) const {
  auto weekday = [](std::string_view w) {
    return Is(w, "monday") || Is(w, "tuesday") || Is(w, "wednesday") ||
           Is(w, "thursday") || Is(w, "friday") || Is(w, "saturday") ||
           Is(w, "sunday");
  };
  auto period = [&](std::string_view w) {
    return weekday(w) || Is(w, "week") || Is(w, "month") || Is(w, "year") ||
           Is(w, "weekend") || Is(w, "night") || Is(w, "morning") ||
           Is(w, "afternoon") || Is(w, "evening") || Is(w, "fall") ||
           Is(w, "spring") || Is(w, "summer") || Is(w, "winter");
  };
  size_t i = b;
  if (i >= body_end_ || !Free(i)) {
    return b;
  }
  const LowText w = Low(i);
  if (Is(w, "yesterday") || Is(w, "today") || Is(w, "tonight") ||
      Is(w, "recently") || Is(w, "publicly") || Is(w, "privately") ||
      weekday(w)) {
    ++i;
  } else if ((Is(w, "on") || Is(w, "late") || Is(w, "early")) &&
             i + 1 < body_end_ && Free(i + 1) && weekday(Low(i + 1))) {
    i += 2;
  } else if ((Is(w, "last") || Is(w, "this") || Is(w, "earlier") ||
              Is(w, "later")) &&
             i + 1 < body_end_ && Free(i + 1)) {
    if (period(Low(i + 1))) {
      i += 2;
    } else if ((Is(Low(i + 1), "this") || Is(Low(i + 1), "last")) &&
               i + 2 < body_end_ && Free(i + 2) && period(Low(i + 2))) {
      i += 3;
    }
  }
  // "Monday night", "Tuesday morning".
  if (i > b && i < body_end_ && Free(i) && period(Low(i)) && !weekday(Low(i))) {
    ++i;
  }
  return i;
}

// The end of a phrase of time at b ("Monday", "this week") when more than
// one word follows it and the first opens no other phrase or particle: the
// clause or infinitive after it ("said Monday the plan will pass", "vowed
// Tuesday to appeal"). Otherwise b.
size_t SentenceRules::TimePhraseBeforeClause(size_t b) const {
  const size_t e = TimePhraseEnd(b);
  if (e > b && e + 2 < body_end_ && Free(e) &&
      !lex_.IsContextStarter(LowWord(e)) && !IsParticle(e)) {
    return e;
  }
  return b;
}

// "last week", "on Tuesday", "in early June", "during a call with X":
// where a time phrase ends the words [b, e), returns its first token;
// otherwise e.
size_t SentenceRules::TrailingTimeStart(size_t b, size_t e) const {
  for (size_t i = b + 1; i < e; ++i) {
    if (!Free(i)) {
      continue;
    }
    const LowText w = Low(i);
    if (Is(w, "during") || TimePhraseEnd(i) == e) {
      return i;
    }
    size_t month = i + 1;
    if (Is(w, "in") && month < e && Free(month) &&
        (Is(Low(month), "early") || Is(Low(month), "late"))) {
      ++month;
    }
    if (Is(w, "in") && month + 1 == e && Free(month) &&
        (lex_.IsTemporalWord(LowWord(month)) || DigitAt(month))) {
      return i;
    }
  }
  return e;
}

// True if a quote ends with its own punctuation (`"We won."`, `"We won,"`)
// or is set off by a comma, dash or parenthesis after it: a full
// utterance, not a phrase glued into the author's clause.
bool SentenceRules::QuoteIsComplete(const Quote& q) const {
  if (q.inner.end > q.inner.begin) {
    const char last = text_[q.inner.end - 1];
    if (last == ',' || last == '.' || last == '!' || last == '?') {
      return true;
    }
  }
  const size_t next = q.close_token + 1;
  return next < body_end_ && !InQuote(next) &&
         (toks_[next].kind == TokenKind::kComma ||
          toks_[next].kind == TokenKind::kDash ||
          toks_[next].kind == TokenKind::kOpenParen);
}

// "The goal, he said, is X": the speaker frame interrupts the content,
// whose first part is the clause opening before the frame (from the
// sentence's subject).
std::optional<ByteSpan> SentenceRules::ParentheticalLead(
    const Hit& h, const Hits& hits, size_t frame_end) const {
  if (h.noun || h.according || h.inverted || !h.has_speaker ||
      h.frame_begin <= tb_ || frame_end >= body_end_) {
    return std::nullopt;
  }
  const size_t before = h.frame_begin - 1;
  if (!FreeKind(before, TokenKind::kComma) ||
      !FreeKind(frame_end, TokenKind::kComma)) {
    return std::nullopt;
  }
  if (cues_from_ > tb_) {
    return std::nullopt;
  }
  // The lead is the clause part right before the frame: from the last
  // comma or dash (an introduction such as "In February," is left out).
  size_t b = SubjectStart();
  for (size_t i = before; i > b; --i) {
    if (FreeKind(i - 1, TokenKind::kComma) ||
        FreeKind(i - 1, TokenKind::kDash)) {
      b = i;
      break;
    }
  }
  while (b < before && Free(b) && lex_.IsLeadingConjunction(LowWord(b))) {
    ++b;
  }
  if (b >= before || !Free(b)) {
    return std::nullopt;
  }
  // Whatever opens it, a fronted adverbial or subordinate clause included
  // ("If the plan fails, Lee said, the town pays"; "In particular, she
  // said, ..."), the lead is part of what was said: the corpus puts it in
  // the content's first part.
  for (size_t i = b; i < before; ++i) {
    if (FreeKind(i, TokenKind::kSemicolon) || FreeKind(i, TokenKind::kColon) ||
        toks_[i].kind == TokenKind::kQuote ||
        toks_[i].kind == TokenKind::kOpenParen) {
      return std::nullopt;
    }
  }
  for (const Hit& other : hits) {
    if (&other != &h && other.verb >= b && other.verb < before) {
      return std::nullopt;
    }
  }
  return TrimContent(text_, SpanOf(b, before));
}

// "in a statement,", "on Tuesday in Salem,": the comma that ends a short
// phrase of context starting at b and is followed by a clause's subject
// ("the plan", "she", "Roe") or auxiliary ("would"), or kNoToken.
size_t SentenceRules::FrameCommaAfter(size_t b) const {
  for (size_t i = b + 1; i < body_end_ && i < b + kMaxContextWords; ++i) {
    if (FreeKind(i, TokenKind::kComma)) {
      const size_t s = i + 1;
      const bool subject =
          s < body_end_ && Free(s) && !SubordinatorOrPreposition(s) &&
          !lex_.IsContextStarter(LowWord(s)) &&
          (lex_.IsPronoun(LowWord(s)) || lex_.IsAuxiliary(LowWord(s)) ||
           CapAt(s) || Is(Low(s), "the") || Is(Low(s), "a") ||
           Is(Low(s), "his") || Is(Low(s), "her") || Is(Low(s), "their") ||
           Is(Low(s), "its"));
      return subject ? i : kNoToken;
    }
    if (!Free(i) || IsThat(i)) {
      return kNoToken;
    }
  }
  return kNoToken;
}

SpeakerPhrase SentenceRules::PhraseOf(const Hit& h) const {
  SpeakerPhrase p;
  p.mention = SpanOf(h.name_begin, h.name_end);
  if (h.has_role) {
    p.appositive = SpanOf(h.role_begin, h.role_end);
  }
  return p;
}

// "Okafor: ..." / "Q: ..." / "HALE: ...": a paragraph that opens with a
// short name and a colon is that speaker's turn, to the paragraph's end
// (interview transcripts, quote roundups).
bool SentenceRules::SpeakerLabel(SentenceAttributions& out) const {
  if (tb_ != 0) {
    return false;
  }
  size_t colon = tb_;
  while (colon < body_end_ && colon - tb_ < kMaxLabelWords && Free(colon) &&
         (CapAt(colon) || AcronymAt(colon))) {
    ++colon;
  }
  if (colon == tb_ || colon >= body_end_ ||
      !FreeKind(colon, TokenKind::kColon) ||
      toks_[colon].begin != toks_[colon - 1].end) {
    return false;
  }
  // Not labels of speech: interview answers ("A:"), bylines, "Watch:",
  // and, whatever words come before them, headline tags ("BREAKING:",
  // "Just Leaked:", "Delegate Update:", "Editor's Note:").
  static constexpr std::string_view kNotSpeakerWords[] = {
      "a",     "email",      "byline",  "contributing", "look",
      "watch", "read",       "related", "so",           "photo",
      "video", "correction", "source",  "sources"};
  static constexpr std::string_view kHeadlineTags[] = {
      "update",    "updated", "note",  "notice", "breaking", "revealed",
      "exclusive", "leaked",  "daily", "boom",   "bombshell"};
  const LowText last = Low(colon - 1);
  if ((colon == tb_ + 1 && InWordList(kNotSpeakerWords, last)) ||
      InWordList(kHeadlineTags, last)) {
    return false;
  }
  size_t end = toks_.size();
  // Drop a final period, but keep the question mark of a question.
  while (end > colon + 1 &&
         ((toks_[end - 1].kind == TokenKind::kTerminal &&
           text_[toks_[end - 1].begin] == '.') ||
          toks_[end - 1].kind == TokenKind::kOther) &&
         quote_of_[end - 1] < 0) {
    --end;
  }
  // A figure is no speech ("Clinton: 2,316" in a delegate count).
  bool figure = true;
  for (size_t i = colon + 1; i < end && figure; ++i) {
    figure = DigitAt(i) || toks_[i].kind == TokenKind::kComma;
  }
  if (end <= colon + 2 || figure) {
    return false;
  }
  RawStatement s = BuildContent(colon + 1, end);
  if (s.parts.empty() || s.parts[0].end <= s.parts[0].begin) {
    return false;
  }
  s.rule = "label.speaker_colon";
  s.confidence = 0.6;
  SpeakerPhrase speaker;
  speaker.mention = SpanOf(tb_, colon);
  s.speaker = speaker;
  s.cue = SpanOf(colon, colon + 1);
  for (const ByteSpan& part : s.parts) {
    out.masked.push_back(part);
  }
  for (size_t i = colon + 1; i < end; ++i) {
    if (OpeningQuoteAt(i) >= 0) {
      out.used_quotes.push_back(quote_of_[i]);
    }
  }
  out.statements.push_back(std::move(s));
  return true;
}

// `The board was blunt in its findings: "..."`: a sentence whose subject
// introduces, through any verb phrase and a colon, a quote that ends the
// sentence is that subject's direct quote; the verb phrase is the cue.
void SentenceRules::ColonQuote(const Hits& hits,
                               SentenceAttributions& out) const {
  constexpr size_t kMaxCueTokens = 12;
  for (size_t c = tb_ + 1; c + 1 < te_; ++c) {
    if (!FreeKind(c, TokenKind::kColon)) {
      continue;
    }
    const int q = OpeningQuoteAt(c + 1);
    if (q < 0 || !quotes_[q].closed || quotes_[q].close_token + 1 < body_end_) {
      return;
    }
    // A cue of the rules (`He said: "..."`) already owns the quote.
    for (const Hit& h : hits) {
      if (h.shape != Hit::Shape::kNone && h.verb < c) {
        return;
      }
    }
    size_t b = 0, e = 0;
    if (!SubjectPhrase(c, b, e) || e > c) {
      return;
    }
    // "Lee Roe, the party's nominee, tweeted:": the appositive belongs to
    // the speaker.
    std::optional<ByteSpan> appositive;
    if (e < c && FreeKind(e, TokenKind::kComma)) {
      size_t close = e + 1;
      while (close < c && close - e <= kMaxCueTokens && Free(close)) {
        ++close;
      }
      if (close >= c || !FreeKind(close, TokenKind::kComma) || close == e + 1) {
        return;
      }
      appositive = SpanOf(e + 1, close);
      e = close + 1;
    }
    if (c - e > kMaxCueTokens) {
      return;
    }
    for (size_t i = e; i < c; ++i) {
      if (!Free(i) && !FreeKind(i, TokenKind::kComma)) {
        return;
      }
    }
    // A bare label needs a name ("Lee:"), not "The answer:".
    if (e == c && !CapAt(e - 1)) {
      return;
    }
    if (e < c && !LowerAt(e)) {
      return;
    }
    const ByteSpan inner = TrimContent(text_, quotes_[q].inner);
    if (inner.end <= inner.begin) {
      return;
    }
    RawStatement s;
    s.kind = StatementKind::kDirectQuote;
    s.parts.push_back(inner);
    SpeakerPhrase speaker;
    // The mention ends before the appositive's opening comma.
    size_t m = b;
    while (m < e && !FreeKind(m, TokenKind::kComma)) {
      ++m;
    }
    speaker.mention = SpanOf(b, m);
    speaker.appositive = appositive;
    s.speaker = speaker;
    s.cue = SpanOf(e, c + 1);
    s.rule = "quote.subject_colon";
    s.confidence = 0.7;
    s.continuable = true;
    out.used_quotes.push_back(q);
    out.masked.push_back(quotes_[q].outer);
    out.masked.push_back(SpanOf(b, c + 1));
    out.statements.push_back(std::move(s));
    return;
  }
}

// "- Philip Bump: “...”", "does not surprise pollster Ana Ruiz: “...”": a
// name glued to a colon that opens a quote ending the sentence is the
// quote's speaker, wherever the name stands; the colon is the cue.
void SentenceRules::NameColonQuote(const Hits& hits,
                                   SentenceAttributions& out) const {
  for (size_t c = tb_ + 1; c + 1 < te_; ++c) {
    if (!FreeKind(c, TokenKind::kColon)) {
      continue;
    }
    const int q = OpeningQuoteAt(c + 1);
    if (q < 0 || !quotes_[q].closed || quotes_[q].close_token + 1 < body_end_) {
      return;
    }
    for (const Hit& h : hits) {
      if (h.shape != Hit::Shape::kNone && h.verb < c) {
        return;
      }
    }
    if (toks_[c].begin != toks_[c - 1].end || !Free(c - 1) || !CapAt(c - 1)) {
      return;
    }
    size_t b = c - 1;
    while (b > tb_ && c - b < kMaxNameWords && Free(b - 1) &&
           (CapAt(b - 1) || AcronymAt(b - 1) ||
            (Is(Low(b - 1), "and") && b - 1 > tb_ && Free(b - 2) &&
             CapAt(b - 2)))) {
      --b;
    }
    if (b == c - 1) {
      // A one-word label that names no speaker ("UPDATE:", "Note:").
      const LowText label = Low(b);
      if (Is(label, "update") || Is(label, "updated") || Is(label, "note") ||
          Is(label, "source") || Is(label, "sources") || Is(label, "related") ||
          Is(label, "watch") || Is(label, "read") || Is(label, "correction") ||
          Is(label, "photo") || Is(label, "video") || Is(label, "editor's") ||
          Is(label, "a") || Is(label, "q")) {
        return;
      }
    }
    // Sentence-initial words that are no name ("The", "But").
    while (b < c - 1 && (lex_.IsDeterminer(LowWord(b)) ||
                         lex_.IsLeadingConjunction(LowWord(b)))) {
      ++b;
    }
    const ByteSpan inner = TrimContent(text_, quotes_[q].inner);
    if (inner.end <= inner.begin) {
      return;
    }
    out.used_quotes.push_back(q);
    out.masked.push_back(quotes_[q].outer);
    out.masked.push_back(SpanOf(b, c + 1));
    // Built in place: moving a statement whose fragments were never used
    // draws a false -Wmaybe-uninitialized from GCC 12 here.
    RawStatement& s = out.statements.emplace_back();
    s.kind = StatementKind::kDirectQuote;
    s.parts.push_back(inner);
    SpeakerPhrase speaker;
    speaker.mention = SpanOf(b, c);
    s.speaker = speaker;
    s.cue = SpanOf(c, c + 1);
    s.rule = "quote.name_colon";
    s.confidence = 0.6;
    s.continuable = true;
    return;
  }
}

// `Said Lee, "..."`, `Says Ana Ruiz, who grew up here, "..."`: a sentence
// that opens with the speech verb, then the speaker and a comma, then a
// quote that ends the sentence.
void SentenceRules::SaidFirst(SentenceAttributions& out) const {
  if (tb_ + 3 >= body_end_ || !Free(tb_) ||
      (!Is(Text(tb_), "Said") && !Is(Text(tb_), "Says")) || !Free(tb_ + 1) ||
      !CapAt(tb_ + 1)) {
    return;
  }
  size_t name_end = tb_ + 1;
  while (name_end < body_end_ && name_end - tb_ <= kMaxNameWords &&
         Free(name_end) && (CapAt(name_end) || AcronymAt(name_end))) {
    ++name_end;
  }
  // The quote follows the first comma after the name, or the appositive's.
  for (size_t c = name_end; c + 1 < te_ && c <= name_end + kMaxRoleWords;
       ++c) {
    if (InQuote(c)) {
      return;
    }
    if (!FreeKind(c, TokenKind::kComma)) {
      continue;
    }
    const int q = OpeningQuoteAt(c + 1);
    if (q < 0) {
      continue;
    }
    if (!quotes_[q].closed || quotes_[q].close_token + 1 < body_end_) {
      return;
    }
    const ByteSpan inner = TrimContent(text_, quotes_[q].inner);
    if (inner.end <= inner.begin) {
      return;
    }
    RawStatement s;
    s.kind = StatementKind::kDirectQuote;
    s.parts.push_back(inner);
    SpeakerPhrase speaker;
    speaker.mention = SpanOf(tb_ + 1, name_end);
    if (c > name_end + 1 && FreeKind(name_end, TokenKind::kComma)) {
      speaker.appositive = SpanOf(name_end + 1, c);
    }
    s.speaker = speaker;
    s.cue = SpanOf(tb_, tb_ + 1);
    s.rule = "quote.said_first";
    s.confidence = 0.9;
    s.continuable = true;
    out.used_quotes.push_back(q);
    out.masked.push_back(quotes_[q].outer);
    out.masked.push_back(SpanOf(tb_, c + 1));
    out.statements.push_back(std::move(s));
    return;
  }
}

// `"The pier is safe," he surmised.`, `"Go home," a tired Lee grumbled at
// the clerk.`, `"Why?" retorted Ruiz.`: a quote that opens the sentence
// and ends with its own comma, question or exclamation mark, followed by a
// speaker and a past-tense verb, is that speaker's even when the lexicon
// does not know the verb; in that place news text puts nothing but a verb
// of saying. Only for an opening quote no other rule took.
void SentenceRules::QuoteAnyVerbAfter(SentenceAttributions& out) const {
  const int q = OpeningQuoteAt(tb_);
  if (q < 0 || !quotes_[q].closed) {
    return;
  }
  const Quote& quote = quotes_[q];
  if (quote.inner.end <= quote.inner.begin ||
      std::find(out.used_quotes.begin(), out.used_quotes.end(), q) !=
          out.used_quotes.end()) {
    return;
  }
  const char last = text_[quote.inner.end - 1];
  size_t b = quote.close_token + 1;
  const bool comma_after = b < body_end_ && FreeKind(b, TokenKind::kComma);
  if (last != ',' && last != '?' && last != '!' && !comma_after) {
    return;
  }
  if (comma_after) {
    ++b;
  }
  if (b + 1 >= body_end_ || !Free(b)) {
    return;
  }
  // What follows the frame: the sentence end, a comma, or a preposition
  // or adverb of the verb ("grumbled at", "shot back", "quipped about");
  // not an object or a clause.
  auto ends_frame = [&](size_t i) {
    if (i >= body_end_ || FreeKind(i, TokenKind::kComma)) {
      return true;
    }
    if (!Free(i)) {
      return false;
    }
    const LowText next = Low(i);
    return lex_.IsContextStarter(LowWord(i)) || Is(next, "back") ||
           Is(next, "to") || Is(next, "at") || Is(next, "with") ||
           Is(next, "about") || Is(next, "of") || Is(next, "and") ||
           Is(next, "out") || Is(next, "up") || Is(next, "again");
  };
  // The speaker runs from b to the verb: a pronoun, a name, or a noun
  // phrase ("the ferry's captain", "a tired Lee").
  size_t v = b;
  size_t name_begin = b, name_end = b;
  size_t after = b;
  if (LowerAt(b) && IsFiniteVerbForm(Low(b))) {
    // `"Why?" retorted Ruiz.`: the name follows the verb.
    name_begin = b + 1;
    name_end = name_begin;
    while (name_end < body_end_ && name_end - name_begin < kMaxNameWords &&
           Free(name_end) && (CapAt(name_end) || AcronymAt(name_end))) {
      ++name_end;
    }
    if (name_end == name_begin || !ends_frame(name_end)) {
      return;
    }
    after = name_end;
  } else {
    // The first lower-case verb form the frame can end after ("Lee
    // supporters chanted": "supporters" is not it).
    for (v = b + 1;; ++v) {
      if (v >= body_end_ || v - b > kMaxNameWords || !Free(v)) {
        return;
      }
      if (LowerAt(v) && IsFiniteVerbForm(Low(v)) && ends_frame(v + 1)) {
        break;
      }
    }
    size_t begin = 0;
    if (!NameBefore(static_cast<ptrdiff_t>(v - 1), begin) || begin != b) {
      return;
    }
    // "it" is a speaker only of a text ("...," it read).
    if (v == b + 1 && Is(Low(b), "it") && !Is(Low(v), "read") &&
        !Is(Low(v), "reads") && !Is(Low(v), "says") && !Is(Low(v), "states")) {
      return;
    }
    name_end = v;
    after = v + 1;
  }
  RawStatement s;
  s.kind = StatementKind::kDirectQuote;
  s.parts.push_back(TrimContent(text_, quote.inner));
  s.rule = "quote.speaker_any_verb_after";
  // `"A," he surmised, "B."`: the second part of a split quote.
  if (after + 1 < te_ && FreeKind(after, TokenKind::kComma) &&
      OpeningQuoteAt(after + 1) >= 0) {
    const int q2 = OpeningQuoteAt(after + 1);
    s.parts.push_back(TrimContent(text_, quotes_[q2].inner));
    out.used_quotes.push_back(q2);
    out.masked.push_back(quotes_[q2].outer);
  } else {
    s.continuable = after >= body_end_;
  }
  SpeakerPhrase speaker;
  speaker.mention = SpanOf(name_begin, name_end);
  s.speaker = speaker;
  s.cue = SpanOf(v, v + 1);
  s.confidence = 0.7;
  out.used_quotes.push_back(q);
  out.masked.push_back(quote.outer);
  out.masked.push_back(SpanOf(b, after));
  out.statements.push_back(std::move(s));
}

// After "asked": the token that opens the question ("whether", "if", a
// wh-word, or the word after "about"), past at most a few words from `from`
// ("on Monday", "by reporters"); kNoToken if there is none.
size_t SentenceRules::QuestionStart(size_t from) const {
  for (size_t i = from; i < body_end_ && i < from + 5 && Free(i); ++i) {
    const LowText w = Low(i);
    if (Is(w, "if") || Is(w, "whether") || Is(w, "what") || Is(w, "how") ||
        Is(w, "why") || Is(w, "who") || Is(w, "when") || Is(w, "where") ||
        Is(w, "which")) {
      return i;
    }
    if (Is(w, "about")) {
      return i + 1;
    }
  }
  return kNoToken;
}

// `"Not yet," Lee said when asked whether the pier would reopen.`: like a
// sentence opening with "Asked" (AskedIntro), the question after "when
// asked" is attributed to no one in particular; the cue is "asked".
void SentenceRules::WhenAsked(SentenceAttributions& out) const {
  const size_t asked = when_asked_;
  const size_t b = QuestionStart(asked + 1);
  if (b == kNoToken) {
    return;
  }
  size_t e = b;
  while (e < body_end_ && !FreeKind(e, TokenKind::kComma) &&
         !FreeKind(e, TokenKind::kSemicolon)) {
    ++e;
  }
  if (e <= b + 1) {
    return;
  }
  RawStatement s = BuildContent(b, e);
  if (s.parts.empty() || s.parts[0].end <= s.parts[0].begin) {
    return;
  }
  s.rule = "reported.when_asked";
  s.confidence = 0.5;
  s.cue = SpanOf(asked, asked + 1);
  out.masked.push_back(SpanOf(asked, e));
  out.statements.push_back(std::move(s));
}

// "In the latest Ferry Times poll, Roe leads Lee": a poll or survey
// introduced by a sentence-initial "In" is the source of the clause after
// its comma (cue "In"), like "according to" a poll. Only polls and
// surveys: "In a statement, X said" or "In an interview, ..." is the
// context of another cue. A participle after the comma ("conducted in
// May,") stays in the source.
void SentenceRules::PollLead(SentenceAttributions& out) const {
  if (tb_ + 4 >= body_end_ || !Free(tb_) || !Is(Text(tb_), "In")) {
    return;
  }
  size_t comma = kNoToken;
  bool poll = false;
  for (size_t i = tb_ + 1; i < body_end_ && i <= tb_ + kMaxRoleWords; ++i) {
    if (FreeKind(i, TokenKind::kComma)) {
      comma = i;
      break;
    }
    if (InQuote(i) || FreeKind(i, TokenKind::kSemicolon) ||
        FreeKind(i, TokenKind::kColon)) {
      return;
    }
    if (!IsWord(i)) {
      continue;
    }
    const LowText w = Low(i);
    // "In the states where polls closed, ...": a clause of its own.
    if (IsClauseWord(w) && !poll) {
      return;
    }
    poll = poll || Is(w, "poll") || Is(w, "polls") || Is(w, "survey") ||
           Is(w, "surveys");
  }
  if (comma == kNoToken || !poll) {
    return;
  }
  size_t source_end = comma;
  if (comma + 1 < body_end_ && Free(comma + 1) && LowerAt(comma + 1) &&
      EndsWith2(Low(comma + 1), "ed")) {
    for (size_t i = comma + 2; i < body_end_ && i <= comma + kMaxRoleWords;
         ++i) {
      if (FreeKind(i, TokenKind::kComma)) {
        source_end = i;
        break;
      }
    }
  }
  const size_t b = source_end + 1;
  const size_t e = ClauseEnd(b, Trailing{});
  if (e < b + 3) {
    return;
  }
  RawStatement s = BuildContent(b, e);
  if (s.parts.empty() || s.parts[0].end <= s.parts[0].begin) {
    return;
  }
  SpeakerPhrase source;
  source.mention = TrimContent(text_, SpanOf(tb_ + 1, source_end));
  s.speaker = source;
  s.cue = SpanOf(tb_, tb_ + 1);
  s.rule = "according_to.poll_lead";
  s.confidence = 0.6;
  out.masked.push_back(SpanOf(tb_, e));
  out.statements.push_back(std::move(s));
}

// "Asked whether he would run, Roe said ...": the question is attributed
// to no one in particular (the corpus leaves its source empty); the answer
// is found by the other rules.
size_t SentenceRules::AskedIntro(SentenceAttributions& out) const {
  if (tb_ + 2 >= body_end_ || !Free(tb_) || !Is(Text(tb_), "Asked")) {
    return tb_;
  }
  size_t b = QuestionStart(tb_ + 1);
  if (b == kNoToken) {
    b = tb_ + 1;
  }
  size_t e = b;
  while (e < body_end_ && !FreeKind(e, TokenKind::kComma) &&
         !FreeKind(e, TokenKind::kSemicolon)) {
    ++e;
  }
  if (e >= body_end_ || e <= b + 1) {
    return tb_;
  }
  RawStatement s = BuildContent(b, e);
  s.rule = "reported.asked_intro";
  s.confidence = 0.5;
  s.cue = SpanOf(tb_, tb_ + 1);
  out.masked.push_back(SpanOf(tb_, e));
  out.statements.push_back(std::move(s));
  // The question's own verbs ("Asked what he wanted, ...") are not cues.
  return e;
}

void SentenceRules::Run(SentenceAttributions& out) {
  out.statements.clear();
  out.masked.clear();
  out.used_quotes.clear();
  out.intro.reset();
  if (SpeakerLabel(out)) {
    return;
  }
  cues_from_ = AskedIntro(out);
  Hits hits = FindCues(cues_from_);
  for (Hit& h : hits) {
    Classify(h);
  }
  Trailing trailing;
  for (size_t n = 0; n < hits.size(); ++n) {
    Hit& h = hits[n];
    if (h.shape == Hit::Shape::kTrailing) {
      trailing.push_back(h.trailing_comma);
    }
    // `They want to "build it," Lee said`: an earlier cue's content ends
    // with the quote that a quote-first frame attributes.
    if (h.shape == Hit::Shape::kQuoteFirst) {
      trailing.push_back(quotes_[h.quote_before].close_token + 1);
    }
    // "X won, and aides say Y": an earlier cue's content ends before a
    // clause joined by "and" or "but" that has a speaker and cue of its own.
    // A pronoun or "that" ("Lee said X and he feels Y") more often goes on
    // with what the first speaker said.
    if (h.shape == Hit::Shape::kForward && h.has_speaker &&
        h.name_begin > tb_ + 1 && Free(h.name_begin - 1) &&
        (Is(Low(h.name_begin - 1), "and") ||
         Is(Low(h.name_begin - 1), "but")) &&
        !lex_.IsPronoun(LowWord(h.name_begin)) && !IsThat(h.name_begin)) {
      trailing.push_back(FreeKind(h.name_begin - 2, TokenKind::kComma)
                             ? h.name_begin - 2
                             : h.name_begin - 1);
    }
    if (h.shape != Hit::Shape::kParticiple) {
      continue;
    }
    // The clause before ends at the comma, or after a closing mark that
    // holds the comma.
    trailing.push_back(h.coordinated   ? h.chain_begin - 1
                       : h.after_quote ? h.verb
                                       : h.verb - 1);
    // The speaker of the first earlier cue in the sentence, the outermost
    // ("Lee said he plans X, insisting Y": Lee insists), else the
    // sentence's subject.
    const Hit* prior = nullptr;
    for (size_t m = 0; m < n; ++m) {
      if (hits[m].has_speaker && hits[m].shape != Hit::Shape::kNone &&
          hits[m].shape != Hit::Shape::kParticiple) {
        prior = &hits[m];
        break;
      }
    }
    if (prior != nullptr) {
      h.has_speaker = true;
      h.name_begin = prior->name_begin;
      h.name_end = prior->name_end;
      h.has_role = prior->has_role;
      h.role_begin = prior->role_begin;
      h.role_end = prior->role_end;
    } else {
      size_t b = 0, e = 0;
      if (SubjectPhrase(h.chain_begin - 1, b, e)) {
        h.has_speaker = true;
        h.name_begin = b;
        h.name_end = e;
      }
    }
    h.frame_begin = h.cue_begin;
  }
  // A trailing attribution whose content holds another attribution relays
  // it: "the ICPA said ..., Schmid said" -> ICPA statement conveyed by
  // Schmid.
  for (size_t t = 0; t < hits.size(); ++t) {
    if (hits[t].shape != Hit::Shape::kTrailing) {
      continue;
    }
    for (size_t f = 0; f < hits.size(); ++f) {
      if (f == t || hits[f].shape == Hit::Shape::kNone ||
          hits[f].shape == Hit::Shape::kTrailing) {
        continue;
      }
      if (hits[f].verb < hits[t].trailing_comma && hits[f].relay_of < 0 &&
          hits[f].shape != Hit::Shape::kParticiple) {
        hits[f].relay_of = static_cast<int>(t);
        hits[t].relayed = true;
      }
    }
  }
  const size_t before_colon_quote = out.statements.size();
  // Both colon rules start at a free colon: most sentences have none, and
  // one scan for it spares them two. A colon token needs a colon byte,
  // which memchr rules out for most sentences faster than a token sweep.
  bool has_colon = false;
  if (te_ > tb_ + 2 &&
      std::memchr(text_.data() + toks_[tb_].begin, ':',
                  toks_[te_ - 1].end - toks_[tb_].begin) != nullptr) {
    for (size_t c = tb_ + 1; c + 1 < te_ && !has_colon; ++c) {
      has_colon = FreeKind(c, TokenKind::kColon);
    }
  }
  if (has_colon) {
    ColonQuote(hits, out);
  }
  if (has_colon && out.statements.size() == before_colon_quote) {
    NameColonQuote(hits, out);
  }
  if (out.statements.size() == before_colon_quote) {
    SaidFirst(out);
  }
  auto cue_span = [&](const Hit& h) { return SpanOf(h.cue_begin, h.cue_end); };
  auto mask_frame = [&](const Hit& h) {
    if (h.has_speaker && h.shape != Hit::Shape::kParticiple) {
      out.masked.push_back(SpanOf(std::min(h.frame_begin, h.name_begin),
                                  std::max(h.cue_end, h.after)));
    } else {
      out.masked.push_back(cue_span(h));
    }
  };
  // `On ABC's "This Week," Lee said the plan would fail`: the clause a
  // quote-first frame opens after its cue, reported as well.
  auto report_clause_after = [&](const Hit& h, size_t begin) {
    RawStatement c = BuildContent(begin, ClauseEnd(begin, trailing));
    if (c.parts.empty() || c.parts[0].end <= c.parts[0].begin) {
      return;
    }
    c.speaker = PhraseOf(h);
    c.cue = cue_span(h);
    c.rule = "reported.speaker_cue_after_quoted_phrase";
    c.confidence = 0.6;
    for (const ByteSpan& part : c.parts) {
      out.masked.push_back(part);
    }
    out.statements.push_back(std::move(c));
  };
  // Trailing hits (by index) whose relayed statement was built: a relay
  // whose inner statement came to nothing is built as a plain trailing
  // attribution instead.
  uint32_t relay_built = 0;
  for (const Hit& h : hits) {
    if (h.shape == Hit::Shape::kNone || !h.has_speaker) {
      continue;
    }
    if (h.relayed &&
        (relay_built & (1u << static_cast<size_t>(&h - hits.data()))) != 0) {
      mask_frame(h);
      continue;
    }
    RawStatement s;
    size_t context_begin = kNoToken, context_end = kNoToken;
    size_t particle_end = 0;  // Set when a particle joins the cue.
    size_t frame_end = h.cue_end;  // The comma of a parenthetical frame.
    size_t object_begin = 0;  // Set when the verb's object opens the content.
    // A clause after a quote-first frame, reported as well (below).
    size_t clause_after = kNoToken;
    std::optional<SpeakerPhrase> passive_agent;
    bool no_speaker = false;  // An agentless passive.
    switch (h.shape) {
      case Hit::Shape::kQuoteFirst: {
        const Quote& q = quotes_[h.quote_before];
        // Words before the opening mark make the clause a partial quote:
        // `The plan is a "raw deal," Roe said` attributes the whole clause.
        size_t lead = q.open_token;
        while (lead > tb_ && !FreeKind(lead - 1, TokenKind::kQuote) &&
               (InQuote(lead - 1) || Free(lead - 1) ||
                toks_[lead - 1].kind == TokenKind::kComma ||
                toks_[lead - 1].kind == TokenKind::kDash ||
                toks_[lead - 1].kind == TokenKind::kOpenParen ||
                toks_[lead - 1].kind == TokenKind::kCloseParen ||
                toks_[lead - 1].kind == TokenKind::kColon) &&
               !FreeKind(lead - 1, TokenKind::kSemicolon)) {
          --lead;
        }
        // Only words glued to the quote make it partial (`is a "raw
        // deal"`); after a comma, colon or dash the quote stands alone.
        const bool partial = lead < q.open_token && Free(lead) &&
                             toks_[q.open_token - 1].kind != TokenKind::kDash;
        // `On ABC's "This Week," Lee said the plan would fail`: after a
        // quoted title in an introduction the cue opens a clause of its own
        // ("that", a determiner, a pronoun or a name, then more words).
        if (partial && !h.inverted && h.after + 2 < body_end_ &&
            Free(h.after) &&
            (Is(Low(h.after), "that") || lex_.IsDeterminer(LowWord(h.after)) ||
             lex_.IsPronoun(LowWord(h.after)) || CapAt(h.after)) &&
            !lex_.IsContextStarter(LowWord(h.after))) {
          clause_after = h.after;
        }
        // `Although Lee admitted that they had "been friends," he claimed
        // X`, `Citing "obligations," the spokeswoman told Y`: a cue inside
        // a subordinate clause or participle phrase before the quote has
        // the statement; the frame after the quote does not report it,
        // only its own clause ("he claimed X").
        if (partial && SubordinateLead(lead) &&
            std::any_of(hits.begin(), hits.end(), [&](const Hit& other) {
              return &other != &h && other.shape != Hit::Shape::kNone &&
                     other.verb >= lead && other.verb < q.open_token;
            })) {
          if (clause_after != kNoToken) {
            mask_frame(h);
            report_clause_after(h, clause_after);
          }
          continue;
        }
        if (partial) {
          s.kind = StatementKind::kPartialQuote;
          s.parts.push_back(TrimContent(text_, SpanOf(lead, q.close_token + 1)));
          for (size_t i = lead; i <= q.close_token; ++i) {
            const int qi = OpeningQuoteAt(i);
            if (qi >= 0) {
              s.fragments.push_back(TrimContent(text_, quotes_[qi].inner));
              out.used_quotes.push_back(qi);
            }
          }
        } else {
          s.kind = StatementKind::kDirectQuote;
          s.parts.push_back(TrimContent(text_, q.inner));
        }
        out.used_quotes.push_back(h.quote_before);
        out.masked.push_back(q.outer);
        s.rule = partial ? "quote.partial_clause_speaker_after"
                 : h.inverted ? "quote.cue_speaker_after"
                              : "quote.speaker_cue_after";
        s.confidence = 0.95;
        size_t rest = h.after;
        if (rest < body_end_ && Free(rest) &&
            lex_.IsContextStarter(LowWord(rest))) {
          context_begin = rest;
          context_end = ContextEnd(rest);
          rest = context_end;
        } else if (rest < body_end_ && Free(rest) &&
                   (Is(Low(rest), "of") || Is(Low(rest), "about"))) {
          // `"A," he said of Lee, "B."`: whom it is about, then part two.
          for (size_t i = rest + 1; i + 1 < te_ && i <= rest + 5; ++i) {
            if (FreeKind(i, TokenKind::kComma) && OpeningQuoteAt(i + 1) >= 0) {
              context_begin = rest;
              context_end = i;
              rest = i;
              break;
            }
            if (!Free(i)) {
              break;
            }
          }
        }
        // Second part of a split quote: `"A," she said, "B."`.
        if (rest + 1 < te_ && FreeKind(rest, TokenKind::kComma) &&
            OpeningQuoteAt(rest + 1) >= 0) {
          const int q2 = OpeningQuoteAt(rest + 1);
          s.parts.push_back(TrimContent(text_, quotes_[q2].inner));
          out.used_quotes.push_back(q2);
          out.masked.push_back(quotes_[q2].outer);
          s.rule = "quote.split";
        } else if (rest >= body_end_) {
          s.continuable = true;
        } else {
          // Only an appositive or other speaker detail follows (`"...,"
          // said Sen. Lee Roe, R-Ohio.`): a following quote still continues.
          bool more_speech = false;
          for (size_t i = rest; i < te_; ++i) {
            if (OpeningQuoteAt(i) >= 0 ||
                (Free(i) && lex_.IsCueVerb(LowWord(i)))) {
              more_speech = true;
              break;
            }
          }
          s.continuable = !more_speech;
        }
        break;
      }
      case Hit::Shape::kTrailing: {
        const size_t b = tb_;
        s = BuildContent(b, h.trailing_comma);
        // "At the heart of it, according to X, was a decision": the clause
        // goes on after the source with its verb, and the corpus takes both
        // parts.
        if (h.according && b == tb_ && h.after + 2 < body_end_ &&
            FreeKind(h.after, TokenKind::kComma) && Free(h.after + 1) &&
            lex_.IsAuxiliary(LowWord(h.after + 1))) {
          const size_t rest = h.after + 1;
          const size_t rest_end = ClauseEnd(rest, trailing);
          if (rest_end > rest && !s.parts.empty()) {
            s.parts.push_back(TrimContent(text_, SpanOf(rest, rest_end)));
          }
        }
        s.rule = h.as_clause                    ? "reported.as_clause_trailing"
                 : !h.according                 ? "reported.trailing_cue"
                 : Is(Low(h.verb), "according") ? "according_to.trailing"
                                                : "as_reported_by.trailing";
        s.confidence = h.according ? 0.85 : 0.8;
        if (!h.according && h.after < body_end_ && Free(h.after) &&
            lex_.IsContextStarter(LowWord(h.after))) {
          context_begin = h.after;
          context_end = body_end_;
        }
        break;
      }
      case Hit::Shape::kLeading: {
        size_t b = h.after;
        if (b < body_end_ && FreeKind(b, TokenKind::kComma)) {
          ++b;
        }
        s = BuildContent(b, ClauseEnd(b, trailing));
        // "His criticism, according to X, was Y", "Since May, according to
        // X, Y": the words before the frame are the content's first part,
        // unless they only join the sentence to the one before ("But",
        // "In addition").
        if (h.according && h.cue_begin > tb_ + 1 &&
            FreeKind(h.cue_begin - 1, TokenKind::kComma) && !s.parts.empty()) {
          const size_t lead = SubjectStart();
          const size_t lead_end = h.cue_begin - 1;
          const bool connective =
              (lead + 1 == lead_end && Free(lead) &&
               lex_.IsLeadingConjunction(LowWord(lead))) ||
              (lead + 2 == lead_end && Free(lead) && Is(Low(lead), "in") &&
               Free(lead + 1) && Is(Low(lead + 1), "addition"));
          if (lead < lead_end && !connective) {
            s.parts.insert(s.parts.begin(),
                           TrimContent(text_, SpanOf(lead, lead_end)));
          }
        }
        s.rule = h.as_clause                    ? "reported.as_clause_leading"
                 : Is(Low(h.verb), "according") ? "according_to.leading"
                                                : "as_reported_by.leading";
        s.confidence = 0.85;
        break;
      }
      case Hit::Shape::kForward: {
        size_t b = h.cue_end;
        // "The plan was praised by critics of the bank": in the passive the
        // agent after "by" is the source and the subject is the content.
        if (IsPassive(h) && b + 1 < body_end_ && Free(b) && Is(Low(b), "by") &&
            !h.noun) {
          const size_t agent_end = ClauseEnd(b + 1, trailing);
          if (agent_end > b + 1) {
            SpeakerPhrase agent;
            agent.mention = TrimContent(text_, SpanOf(b + 1, agent_end));
            const SpeakerPhrase subject = PhraseOf(h);
            s.kind = StatementKind::kReportedSpeech;
            s.parts.push_back(
                subject.appositive.has_value()
                    ? ByteSpan{subject.mention.begin, subject.appositive->end}
                    : subject.mention);
            s.rule = "reported.passive_by_agent";
            s.confidence = 0.6;
            passive_agent = agent;
            break;
          }
        }
        // "Rubio is seen as the likelier nominee", "The video was
        // released": a passive without an agent has no source; its subject
        // and complement are the content.
        const LowText vw = Low(h.verb);
        // "The race seems close", "Lee appeared to concede": raising verbs
        // carry the author's view; like the agentless passive, no source.
        const bool raising =
            (Is(vw, "seem") || Is(vw, "seems") || Is(vw, "seemed") ||
             Is(vw, "appear") || Is(vw, "appears") || Is(vw, "appeared")) &&
            b < body_end_ && Free(b) && !lex_.IsContextStarter(LowWord(b)) &&
            !IsParticle(b);
        // A relative pronoun as the subject ("voters who seem to be
        // wavering", "a plan which is expected to pass") is the content's
        // first part, as written.
        if ((IsPassive(h) || raising) && !h.noun && h.name_end > h.name_begin) {
          const SpeakerPhrase subject = PhraseOf(h);
          s.kind = StatementKind::kReportedSpeech;
          s.parts.push_back(
              subject.appositive.has_value()
                  ? ByteSpan{subject.mention.begin, subject.appositive->end}
                  : subject.mention);
          size_t cb = b;
          // "is seen as X": "as" joins the cue like a particle.
          if (IsParticle(cb) ||
              (cb + 1 < body_end_ && Free(cb) && Is(Low(cb), "as"))) {
            particle_end = ++cb;
          }
          if (cb < body_end_ && Free(cb) &&
              !(lex_.IsContextStarter(LowWord(cb)) &&
                !lex_.IsDeterminer(LowWord(cb)))) {
            const size_t ce = RelativeClauseEnd(
                h, cb, SubordinateClauseEnd(h, cb, ClauseEnd(cb, trailing)));
            if (ce > cb) {
              s.parts.push_back(TrimContent(text_, SpanOf(cb, ce)));
            }
          }
          // "It seems likely that X", "it was revealed that X": an empty
          // "it" is no part of the content; "It appeared to stall" keeps
          // its subject, as does "it seemed like X" (either is written).
          const bool complement = s.parts.size() == 2;
          const bool expletive = complement && h.name_end == h.name_begin + 1 &&
                                 Is(Low(h.name_begin), "it") &&
                                 !Is(Low(cb), "to") && !Is(Low(cb), "like");
          // "Lee was asked about X", "was asked what X": the question is
          // the content and the one asked a recipient, left out like the
          // one told; "was asked to X" keeps the infinitive's subject.
          const bool question =
              complement && !raising && Is(vw, "asked") && !Is(Low(cb), "to");
          if (expletive || question) {
            s.parts.erase(s.parts.begin());
          }
          // Rule names by verb (passive, raising) and subject (a noun
          // phrase, a relative pronoun, an empty "it", the one asked: a
          // passive only).
          static constexpr const char* kRules[2][4] = {
              {"reported.passive", "reported.passive_relative",
               "reported.passive_expletive", "reported.passive_question"},
              {"reported.raising_verb", "reported.raising_verb_relative",
               "reported.raising_verb_expletive", "reported.raising_verb"}};
          s.rule = kRules[raising][question             ? 3
                                   : expletive          ? 2
                                   : RelativeSubject(h) ? 1
                                                        : 0];
          s.confidence = 0.5;
          no_speaker = true;
          break;
        }
        b = AfterObject(h, b, object_begin);
        const bool call_on = !h.noun && CallOnInfinitive(h.verb, b);
        if (call_on) {
          particle_end = ++b;
        }
        const size_t quote_comma =
            b < body_end_ && Free(b) && lex_.IsContextStarter(LowWord(b))
                ? ContextEnd(b)
                : body_end_;
        if (quote_comma + 1 < body_end_ &&
            (FreeKind(quote_comma, TokenKind::kComma) ||
             FreeKind(quote_comma, TokenKind::kColon)) &&
            OpeningQuoteAt(quote_comma + 1) >= 0) {
          // `said in a statement on Monday, "..."`: the phrase is context
          // and the quote after its comma is the content.
          context_begin = b;
          context_end = quote_comma;
          b = quote_comma + 1;
        } else if (const size_t comma =
                       b < body_end_ && Free(b) &&
                               lex_.IsContextStarter(LowWord(b))
                           ? FrameCommaAfter(b)
                           : kNoToken;
                   comma != kNoToken &&
                   ParentheticalLead(h, hits, comma).has_value()) {
          // "The plan, he said in a statement, would cut taxes": the phrase
          // is context and closes the frame.
          context_begin = b;
          context_end = frame_end = comma;
          b = comma + 1;
        } else if (b < body_end_ && Free(b) &&
                   lex_.IsContextStarter(LowWord(b))) {
          // "said on Monday that ...": the phrase before "that" is context.
          size_t that = b;
          while (that < body_end_ && !(Free(that) && Is(Low(that), "that"))) {
            ++that;
          }
          const size_t time_end = TimePhraseBeforeClause(b);
          if (that < body_end_) {
            context_begin = b;
            context_end = that;
            b = that;
          } else if (time_end > b) {
            // "said Monday the plan will pass": a time phrase, then the
            // clause without "that". "vowed Tuesday to appeal": then the
            // infinitive ("said Monday to reporters" has no content).
            context_begin = b;
            context_end = time_end;
            b = time_end;
          } else if (const size_t subject = PronounAfterPhrase(b);
                     subject > b) {
            // "said in a statement Monday they will appeal": the phrase,
            // then a clause without "that" opening with its subject.
            context_begin = b;
            context_end = subject;
            b = subject;
          } else if (!lex_.IsDeterminer(LowWord(b)) && !Is(Low(b), "as")) {
            // "said in Ohio": no content. "believe this helps" is content.
            continue;
          }
        }
        // Only after a verb of publishing (issued, released, posted, put,
        // sent): its first letters turn "said" and most others away.
        const char v0 = lower_[toks_[h.verb].begin];
        if (v0 == 'i' || v0 == 'r' || v0 == 'p' ||
            (v0 == 's' && lower_[toks_[h.verb].begin + 1] == 'e')) {
          if (const size_t d = DocumentParticipleEnd(h.verb, b); d > b) {
            particle_end = b = d;
          }
        }
        // "continued to insist that X", "continues to say that X": the verb
        // after "to" is the statement's and joins the cue.
        if (b + 2 < body_end_ && Free(b) && Is(Low(b), "to") && Free(b + 1) &&
            LowerAt(b + 1) && Is(Low(h.verb).substr(0, 7), "continu")) {
          particle_end = b = b + 2;
        }
        b = AdverbBeforeThat(b);
        std::optional<ByteSpan> that;
        if (b < body_end_ && Free(b) && Is(Low(b), "that")) {
          that = SpanOf(b, b + 1);
          ++b;
        }
        while (b < body_end_ && (FreeKind(b, TokenKind::kColon) ||
                                 FreeKind(b, TokenKind::kComma))) {
          ++b;
        }
        // "He said:" ending the paragraph: the quote follows in the next.
        // "Roe agreed." with nothing after the cue: a quote-only sentence
        // right after it is what Roe said.
        const bool colon_intro = b >= body_end_ && b > h.cue_end &&
                                 FreeKind(b - 1, TokenKind::kColon);
        const bool bare_intro = b >= body_end_ && b == h.cue_end &&
                                !that.has_value() && !h.noun && !IsPassive(h);
        if (colon_intro || bare_intro) {
          RawStatement intro;
          intro.kind = StatementKind::kDirectQuote;
          intro.speaker = PhraseOf(h);
          intro.cue = SpanOf(h.cue_begin, b);
          intro.rule = colon_intro ? "quote.colon_intro" : "quote.cue_intro";
          intro.confidence = 0.85;
          out.intro = std::move(intro);
          mask_frame(h);
          continue;
        }
        if (!that.has_value() && !h.noun && IsParticle(b)) {
          particle_end = ++b;
          // "agreed with the president that X", "explained to reporters
          // that X": the preposition's object is no content.
          const LowText particle = Low(b - 1);
          if (Is(particle, "with") || Is(particle, "to") ||
              Is(particle, "for")) {
            const size_t r = AfterRecipient(b);
            if (r > b && r + 1 < body_end_ && Free(r) && Is(Low(r), "that")) {
              that = SpanOf(r, r + 1);
              b = r + 1;
            } else if (r > b) {
              b = r;
            }
          }
        }
        const std::optional<ByteSpan> lead =
            ParentheticalLead(h, hits, frame_end);
        size_t e = ClauseEnd(b, trailing);
        // `tweeted "So sad," with a link`, `said "Q" - at which point ...`:
        // a complete quote right after the cue is the content; what follows
        // it is the author's.
        if (const int q = b < e ? OpeningQuoteAt(b) : -1;
            q >= 0 && quotes_[q].closed && quotes_[q].close_token + 1 < e &&
            QuoteIsComplete(quotes_[q])) {
          e = quotes_[q].close_token + 1;
        }
        e = RelativeClauseEnd(h, b, SubordinateClauseEnd(h, b, e));
        // "The levy, which Moss said would fail, passed": a relative word
        // before the frame opens a clause that ends at its closing comma
        // ("what she called X, Y" has no such comma). After "that" ("a
        // speech in which he pledged that X") the relative word is no part
        // of the content.
        const bool relative_before =
            !h.noun && !that.has_value() && h.name_begin > tb_ &&
            h.name_end > h.name_begin && Free(h.name_begin - 1) &&
            IsRelativeWord(Low(h.name_begin - 1));
        if (relative_before && !Is(Low(h.name_begin - 1), "what")) {
          for (size_t i = b + 1; i < e; ++i) {
            if (FreeKind(i, TokenKind::kComma)) {
              e = i;
              break;
            }
          }
        }
        // "endorsed Cruz last week", "endorsed Clinton in November": the
        // one endorsed is the content; when it happened is the author's.
        if (Is(Low(h.verb).substr(0, 6), "endors")) {
          e = TrailingTimeStart(b, e);
        }
        if (e <= b ||
            (e - b < 2 && OpeningQuoteAt(b) < 0 && !OneWordAnswer(b)) ||
            AnonymityRequest(b, e)) {
          continue;
        }
        s = BuildContent(b, e);
        s.complementizer = that;
        s.rule = h.noun ? "reported.possessive_noun_cue"
                 : s.kind == StatementKind::kDirectQuote
                     ? "quote.speaker_cue_before"
                 : call_on       ? "reported.call_on_infinitive"
                 : h.contraction ? "reported.pronoun_contraction"
                                 : "reported.speaker_cue";
        const int lead_quote = b < e ? OpeningQuoteAt(b) : -1;
        if (lead.has_value() && !s.parts.empty() &&
            s.kind != StatementKind::kDirectQuote) {
          // "The goal, he said, is X": the words before the frame are the
          // content's first part.
          s.parts.insert(s.parts.begin(), *lead);
          s.rule = "reported.parenthetical_cue";
        } else if (lead.has_value() && !s.parts.empty() && lead_quote >= 0 &&
                   quotes_[lead_quote].open_token + 1 < te_ &&
                   LowerAt(quotes_[lead_quote].open_token + 1)) {
          // `The time has come, he said, "to act"`: a quote going on in
          // lower case finishes the lead's sentence; together they are a
          // partial quote.
          s.fragments.push_back(s.parts.back());
          s.parts.insert(s.parts.begin(), *lead);
          s.kind = StatementKind::kPartialQuote;
          s.rule = "quote.parenthetical_lead";
        } else if (relative_before && !s.parts.empty()) {
          const size_t w = h.name_begin - 1;
          // "the plan, which Roe said would fail": the relative pronoun is
          // the subject of what Roe said, the content's first part. With a
          // quote (`what she called "a sham"`) the whole is a partial quote.
          s.parts.insert(s.parts.begin(), SpanOf(w, w + 1));
          s.rule = "reported.relative_clause_cue";
          if (s.kind == StatementKind::kDirectQuote) {
            s.kind = StatementKind::kPartialQuote;
            s.fragments.push_back(s.parts.back());
          }
        }
        s.confidence = s.kind == StatementKind::kReportedSpeech ? 0.75 : 0.9;
        if (s.kind == StatementKind::kDirectQuote && e >= body_end_) {
          s.continuable = true;
        }
        break;
      }
      case Hit::Shape::kParticiple: {
        if (!h.has_speaker) {
          continue;
        }
        size_t b = h.cue_end;
        // ", telling the crowd, "..."", ", reminding viewers that ...",
        // ", urging the board to act".
        b = AfterObject(h, b, object_begin);
        b = AdverbBeforeThat(b);
        std::optional<ByteSpan> that;
        if (b < body_end_ && Free(b) && Is(Low(b), "that")) {
          that = SpanOf(b, b + 1);
          ++b;
        }
        while (b < body_end_ && (FreeKind(b, TokenKind::kColon) ||
                                 FreeKind(b, TokenKind::kComma))) {
          ++b;
        }
        if (!that.has_value() && IsParticle(b)) {
          particle_end = ++b;
        }
        size_t e = ClauseEnd(b, trailing);
        // `Ruiz, citing "a ruin," said X`: the participle's clause ends with
        // the quote whose comma is followed by the subject's own verb.
        for (size_t i = b; i + 1 < e; ++i) {
          if (QuotedCommaAt(static_cast<ptrdiff_t>(i)) && Free(i + 1) &&
              (toks_[i + 1].flags & Lexicon::kCueVerb)) {
            e = i + 1;
            break;
          }
        }
        if (e <= b ||
            (e - b < 2 && OpeningQuoteAt(b) < 0 && !OneWordAnswer(b)) ||
            AnonymityRequest(b, e)) {
          continue;
        }
        s = BuildContent(b, e);
        s.complementizer = that;
        s.rule = h.coordinated         ? "reported.coordinated_cue"
                 : h.time_clause       ? "reported.time_clause_participle"
                 : h.second_participle ? "reported.coordinated_participle"
                 : object_begin > 0    ? "reported.participle_object_infinitive"
                                       : "reported.participle_cue";
        s.confidence = 0.6;
        break;
      }
      default:
        continue;
    }
    if (s.parts.empty() || s.parts[0].end <= s.parts[0].begin) {
      continue;
    }
    for (const ByteSpan& part : s.parts) {
      out.masked.push_back(part);
    }
    // The quotes that open in the sentence, in token order: a paragraph
    // has a few quotes and a sentence a few dozen tokens.
    for (size_t qi = 0; qi < quotes_.size(); ++qi) {
      const Quote& quote = quotes_[qi];
      if (quote.open_token >= tb_ && quote.open_token < te_ &&
          quote.outer.begin >= s.parts[0].begin &&
          quote.outer.end <= s.parts.back().end + 4) {
        out.used_quotes.push_back(static_cast<int>(qi));
      }
    }
    if (!no_speaker) {
      s.speaker = passive_agent.has_value() ? *passive_agent : PhraseOf(h);
    }
    s.cue = particle_end > h.cue_end ? SpanOf(h.cue_begin, particle_end)
            : object_begin > 0       ? SpanOf(h.cue_begin, object_begin)
                                     : cue_span(h);
    if (context_begin != kNoToken && context_end > context_begin) {
      s.context = TrimContent(text_, SpanOf(context_begin, context_end));
      // A prepositional context ("in a letter") belongs to the attribution;
      // a subordinate clause ("when WarCAT was created in 2022") may still
      // hold a claim of its own.
      const LowText opener = Low(context_begin);
      if (!Is(opener, "when") && !Is(opener, "while") && !Is(opener, "as") &&
          !Is(opener, "since") && !Is(opener, "once") &&
          !Is(opener, "because") && !Is(opener, "although") &&
          !Is(opener, "after") && !Is(opener, "before")) {
        out.masked.push_back(*s.context);
      }
    }
    mask_frame(h);
    if (h.relay_of >= 0) {
      const Hit& r = hits[h.relay_of];
      s.relay = RawRelay{PhraseOf(r), cue_span(r)};
      s.relayed = true;
      // "X, Weir did not say": a denied relay asserts nothing either.
      s.negated = h.negated || r.negated;
      s.confidence -= 0.05;
      relay_built |= 1u << static_cast<size_t>(h.relay_of);
    }
    s.negated = s.negated || h.negated;
    out.statements.push_back(std::move(s));
    if (clause_after != kNoToken) {
      report_clause_after(h, clause_after);
    }
  }
  MarkReportsInsideDenials(out);
  if (when_asked_ != kNoToken) {
    WhenAsked(out);
  }
  // Sentences with an attribution of their own keep it.
  if (out.statements.empty() && !out.intro.has_value()) {
    PollLead(out);
  }
  // Most sentences do not open with a quote.
  if (quote_of_[tb_] >= 0) {
    QuoteAnyVerbAfter(out);
  }
  EmbeddedQuotes(out);
}

// `Lee called the plan "a raw deal for the riders who take it to work every
// day"`: a long quote (kMinSpeechQuoteWords) inside a sentence that no rule
// attributed is still speech the writer reports; a title-cased one is a
// title. Its content runs from after the nearest cue word before it, or is
// the quote alone; its speaker is that cue word's subject, else the
// sentence's when that is a name or a pronoun (EmbeddedQuoteSpeaker).
void SentenceRules::EmbeddedQuotes(SentenceAttributions& out) const {
  for (size_t qi = 0; qi < quotes_.size(); ++qi) {
    const Quote& q = quotes_[qi];
    if (q.open_token <= tb_ || q.open_token >= te_ || !q.closed ||
        q.close_token >= te_) {
      continue;
    }
    // Inside other text: after a lower-case word or a comma.
    const size_t before = q.open_token - 1;
    if (!(Free(before) && LowerAt(before)) &&
        !FreeKind(before, TokenKind::kComma)) {
      continue;
    }
    // A title ("The Art of the Deal: ...") is capitalized word by word.
    size_t words = 0, capitalized = 0;
    for (size_t i = q.open_token + 1; i < q.close_token; ++i) {
      words += toks_[i].kind == TokenKind::kWord;
      capitalized += toks_[i].kind == TokenKind::kWord && CapAt(i);
    }
    if (words < kMinSpeechQuoteWords || 2 * capitalized > words ||
        std::find(out.used_quotes.begin(), out.used_quotes.end(),
                  static_cast<int>(qi)) != out.used_quotes.end() ||
        AnyPartOverlaps(out.statements, q.outer)) {
      continue;
    }
    const size_t subject = SubjectStart();
    size_t begin = q.open_token;
    // A cue word after a determiner is a noun ("the plan").
    for (size_t i = q.open_token; i > subject + 1; --i) {
      if (Free(i - 1) && LowerAt(i - 1) &&
          (toks_[i - 1].flags & Lexicon::kAnyCue) &&
          !(Free(i - 2) && lex_.IsDeterminer(LowWord(i - 2)))) {
        begin = i;
        break;
      }
    }
    const size_t after_cue = begin;
    // "said, per a translator, that X \"Y\"": the content opens at "that";
    // "again using an accent, \"X\"": a quote after a comma stands alone.
    for (size_t i = begin; i < q.open_token; ++i) {
      if (Free(i) && Is(Low(i), "that")) {
        begin = i;
        break;
      }
    }
    if (begin < q.open_token && FreeKind(q.open_token - 1, TokenKind::kComma)) {
      begin = q.open_token;
    }
    RawStatement s;
    s.kind = StatementKind::kPartialQuote;
    s.parts.push_back(
        begin == q.open_token
            ? TrimContent(text_, q.inner)
            : TrimContent(text_, SpanOf(begin, q.close_token + 1)));
    s.fragments.push_back(TrimContent(text_, q.inner));
    s.rule = "quote.embedded";
    s.confidence = 0.4;
    s.speaker = EmbeddedQuoteSpeaker(subject, after_cue, q.open_token);
    out.used_quotes.push_back(static_cast<int>(qi));
    out.statements.push_back(std::move(s));
  }
}

// The speaker of an embedded quote opening at `open`, `begin` right after
// the cue word before it (`open` without one): the subject of that cue
// word ("In May, Lee called the plan \"...\""), else the sentence's
// subject when that is a name or a pronoun.
std::optional<SpeakerPhrase> SentenceRules::EmbeddedQuoteSpeaker(
    size_t subject, size_t begin, size_t open) const {
  constexpr size_t kMaxNameTokens = 4;
  if (begin < open) {
    ptrdiff_t k = static_cast<ptrdiff_t>(begin) - 2;
    while (k > static_cast<ptrdiff_t>(tb_) && Free(k) && LowerAt(k) &&
           lex_.CueChainWord(LowWord(k)) != Lexicon::ChainWord::kOther) {
      --k;
    }
    Hit probe;
    if (SpeakerBefore(k, probe)) {
      return PhraseOf(probe);
    }
  }
  if (subject >= open || !Free(subject)) {
    return std::nullopt;
  }
  const LowText first = Low(subject);
  if (lex_.IsPronoun(first) && LowerAt(subject + 1)) {
    return SpeakerPhrase{SpanOf(subject, subject + 1), std::nullopt};
  }
  if (!ValidHead(subject) || lex_.IsContextStarter(first) ||
      SubordinatorOrPreposition(subject) || EndsWith2(first, "ng") ||
      Is(first, "according")) {
    return std::nullopt;
  }
  size_t end = subject;
  while (end < open && end < subject + kMaxNameTokens && Free(end) &&
         CapAt(end)) {
    ++end;
  }
  if (end == subject) {
    return std::nullopt;
  }
  return SpeakerPhrase{SpanOf(subject, end), std::nullopt};
}

}  // namespace

bool AnyPartOverlaps(const std::vector<RawStatement>& statements,
                     ByteSpan span) {
  for (const RawStatement& st : statements) {
    for (const ByteSpan& part : st.parts) {
      if (part.begin < span.end && span.begin < part.end) {
        return true;
      }
    }
  }
  return false;
}

ByteSpan TrimContent(std::string_view text, ByteSpan span) {
  uint32_t b = span.begin;
  uint32_t e = std::min<uint32_t>(span.end, static_cast<uint32_t>(text.size()));
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  while (b < e && is_space(text[b])) {
    ++b;
  }
  while (e > b && (is_space(text[e - 1]) || text[e - 1] == ',' ||
                   text[e - 1] == '.' || text[e - 1] == ';' ||
                   text[e - 1] == ':')) {
    // Keep the period of an abbreviation such as "U.S.".
    if (text[e - 1] == '.' && e - b >= 3 && text[e - 3] == '.') {
      break;
    }
    --e;
  }
  return {b, e};
}

SentenceAttributions FindAttributions(const SentenceInput& input,
                                      const Lexicon& lexicon) {
  SentenceAttributions out;
  FindAttributions(input, lexicon, out);
  return out;
}

void FindAttributions(const SentenceInput& input, const Lexicon& lexicon,
                      SentenceAttributions& out) {
  SentenceRules(input, lexicon).Run(out);
}

}  // namespace claimtrack::engine
