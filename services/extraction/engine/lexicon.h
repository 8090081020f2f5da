// Word lists behind the attribution rules. Kept in one place so the corpus
// tuning issue can grow them without touching rule code. All lookups take
// ASCII-lower-cased words unless stated otherwise.
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_LEXICON_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace claimtrack::engine {

class Lexicon {
 public:
  // Bits of WordFlags(): one hash lookup answers every hot-path question
  // about a word.
  enum Flag : uint32_t {
    kCueVerb = 1u << 0,
    kCueBase = 1u << 1,
    kCuePlural = 1u << 2,
    kCueParticiple = 1u << 3,
    kStrictCue = 1u << 4,
    kNumberWord = 1u << 5,
    kHedge = 1u << 6,
    // Nouns that attribute after a possessive ("his warning that", "her
    // hope to", "the mayor's criticism of").
    kNounCue = 1u << 7,
    // Attitude adjectives after a copula with a complement ("is confident
    // that", "was skeptical of", "is eager to").
    kAdjectiveCue = 1u << 8,
    // Words that make a cue only in a construction of their own, without
    // any flag above: "read" and "reads" next to a quote ("...," read the
    // letter), "put" in "as Lee put it", "according" before "to". The cue
    // finder turns away every word without a flag at once.
    kConstructionCue = 1u << 9,
    // IsClauseOpener ("which", "when"): the claim pass asks after every
    // comma.
    kClauseOpener = 1u << 10,
    // IsOrganizationKeywordLower ("department", "party") and the first word
    // of a title ("president", "attorney"): the entity index asks both of
    // every word of a capitalized run, and reads them from the word's token
    // instead of looking it up twice more.
    kOrgKeyword = 1u << 11,
    kTitleFirstWord = 1u << 12,
    kAnyCue = kCueVerb | kCueBase | kCuePlural | kCueParticiple | kStrictCue,
  };

  Lexicon();

  // Bytes WordFlagsPadded and Word::Padded may read past a word's end.
  static constexpr size_t kFlagsPadding = 8;

  // A lower-cased word to ask the predicates below about, with its table
  // key. From any string_view (implicitly: every predicate takes one) the
  // key's bytes are read by the word's length, which branches on it three
  // ways; a word followed in memory by kFlagsPadding readable bytes, as the
  // words the rules slice from the tokenizer's padded lower-cased copy, is
  // read in one load (`Padded`), without a branch: the lengths of the words
  // the rules ask about follow the text, so those branches mispredicted.
  class Word {
   public:
    // NOLINTBEGIN(google-explicit-constructor): any word may be asked,
    // as when the predicates took a string_view.
    Word(std::string_view w) : text_(w) {
      const Key k = KeyOf(w);
      x_ = k.x;
      y_ = k.y;
    }
    Word(const char* w) : Word(std::string_view(w)) {}
    Word(const std::string& w) : Word(std::string_view(w)) {}
    // NOLINTEND(google-explicit-constructor)
    static Word Padded(std::string_view w) {
      return Word(w, FirstBytes(w.data(), w.size()), LastBytes(w));
    }
    std::string_view text() const { return text_; }

   private:
    friend class Lexicon;
    Word(std::string_view w, uint64_t x, uint64_t y) : text_(w), x_(x), y_(y) {}
    std::string_view text_;
    uint64_t x_;  // Key::x and Key::y.
    uint64_t y_;
  };

  // Union of the Flag bits of a lower-cased word; 0 for most words.
  uint32_t WordFlags(std::string_view w) const {
    if (w.size() < 2) {
      return 0;
    }
    char first8[8] = {};
    __builtin_memcpy(first8, w.data(), w.size() < 8 ? w.size() : 8);
    return FlagsAfterFilter(w, first8);
  }
  // The same for a word followed in memory by at least kFlagsPadding
  // readable bytes (of any value), as in the tokenizer's lower-cased copy
  // of the document: the filter then reads the word's first eight bytes
  // in one load, without a branch on its length.
  uint32_t WordFlagsPadded(std::string_view w) const {
    if (w.size() < 2) {
      return 0;
    }
    return FlagsAfterFilter(w, w.data());
  }

  // Finite speech verbs that attribute on their own ("said", "told").
  bool IsCueVerb(const Word& w) const { return In(w, kSetCueVerb); }
  // Base forms that attribute only after an auxiliary ("will say").
  bool IsCueBase(const Word& w) const { return In(w, kSetCueBase); }
  // Present participles of cue verbs (", saying ...", ", adding ...").
  bool IsCueParticiple(const Word& w) const { return In(w, kSetCueParticiple); }
  // Plural-present forms ("they say", "polls show"), which are also base
  // forms: a cue only after a plural subject.
  bool IsCuePlural(const Word& w) const { return In(w, kSetCuePlural); }
  // Past forms that attribute only right after a name or pronoun.
  bool IsStrictCue(const Word& w) const { return In(w, kSetStrictCue); }
  // Cues whose indirect object belongs to the cue ("told the Times").
  bool TakesObject(const Word& w) const { return In(w, kSetObjectCue); }
  bool IsAuxiliary(const Word& w) const { return In(w, kSetAuxiliary); }
  // Adverbs that may sit between speaker and cue ("Schmid also said").
  bool IsCueAdverb(const Word& w) const;
  bool IsNegation(const Word& w) const;
  // Which of the two and the auxiliaries a word is, in that order of
  // precedence, with one look-up: the walk back from a cue verb to its
  // speaker over "has", "did not", "also" asks all three of every word.
  enum class ChainWord { kOther, kNegation, kAuxiliary, kCueAdverb };
  ChainWord CueChainWord(const Word& w) const;
  // Sentence openers that are not part of a subject ("But Smith said").
  bool IsLeadingConjunction(const Word& w) const {
    return In(w, kSetLeadingConjunction);
  }
  // Subordinators that open a sentence before its subject ("While Roe
  // said ...", "As Lee put it"): not part of the speaker.
  bool IsSubordinator(const Word& w) const { return In(w, kSetSubordinator); }
  bool IsDeterminer(const Word& w) const { return In(w, kSetDeterminer); }
  bool IsPronoun(const Word& w) const { return In(w, kSetPronoun); }
  // Words that end a speaker phrase when walking back from a cue.
  bool IsSpeakerStop(const Word& w) const { return In(w, kSetSpeakerStop); }
  // Words that open a context phrase after a cue ("in", "when").
  bool IsContextStarter(const Word& w) const {
    return In(w, kSetContextStarter);
  }
  bool IsAnonymousHead(const Word& w) const { return In(w, kSetAnonymous); }
  bool IsDocumentHead(const Word& w) const { return In(w, kSetDocument); }
  // Nouns that can head a speaker phrase ("spokesperson", "group").
  bool IsSpeakerNoun(const Word& w) const;
  // Case-insensitive: "Department", "Bank", "Center".
  bool IsOrganizationKeyword(std::string_view w) const;
  // Same for an already lower-cased word (no allocation).
  bool IsOrganizationKeywordLower(const Word& w) const {
    return In(w, kSetOrgKeyword);
  }
  // Abbreviations whose period does not end a sentence ("ms", "sept").
  bool IsAbbreviation(const Word& w) const { return In(w, kSetAbbreviation); }
  // Abbreviations that may also end a sentence ("inc", "jr").
  bool IsFinalAbbreviation(const Word& w) const {
    return In(w, kSetFinalAbbreviation);
  }
  // Capitalized words that commonly open a sentence ("The", "He").
  bool IsSentenceStarter(const Word& w) const { return In(w, kSetStarter); }
  bool IsFirstName(const Word& w) const { return In(w, kSetFirstName); }
  // Lower-case words allowed inside a proper name ("of", "for").
  // Asked for the word after every capitalized word: most fail on their
  // first byte or length, before the hash.
  bool IsNameConnector(std::string_view w) const {
    if (w.empty() || w.size() > max_connector_length_) {
      return false;
    }
    const auto c0 = static_cast<unsigned char>(w[0]);
    if (((connector_first_[c0 >> 6] >> (c0 & 63)) & 1) == 0) {
      return false;
    }
    return In(w, kSetConnector);
  }
  bool IsNumberWord(const Word& w) const { return In(w, kSetNumberWord); }
  // Words that introduce a clause to split claims at ("which", "when").
  bool IsClauseOpener(const Word& w) const { return In(w, kSetClauseOpener); }
  // Temporal words that end a document name ("on Monday" in "a letter sent
  // to allies on Monday").
  bool IsTemporalWord(const Word& w) const { return In(w, kSetTemporal); }
  bool IsHedge(const Word& w) const { return In(w, kSetHedge); }

  // Longest title starting at words[start] (lower-cased), in words; 0 if none.
  size_t MatchTitle(const std::vector<std::string>& lower_words,
                    size_t start) const;
  size_t MatchTitle(absl::Span<const std::string_view> lower_words,
                    size_t start) const {
    // Inline, so that the common answer (the word opens no title) costs
    // one look-up and no call: the entity index asks for every word of
    // every capitalized run.
    if (start >= lower_words.size() ||
        !In(lower_words[start], kSetTitleFirstWord)) {
      return 0;
    }
    return MatchTitleFrom(lower_words, start);
  }
  // MatchTitle once lower_words[start] is known to open a title (its
  // kTitleFirstWord flag is set).
  size_t MatchTitleFrom(absl::Span<const std::string_view> lower_words,
                        size_t start) const;
  // Titles that are courtesy honorifics and so are not a role ("mr.").
  bool IsHonorific(const Word& w) const { return In(w, kSetHonorific); }
  // The full form of an abbreviated title, for a speaker's role ("gov." ->
  // "Governor", "lt. gen." -> "Lieutenant General"); empty if `lower_title`
  // (lower-cased, words joined by a space) is not an abbreviation.
  static std::string_view SpelledOutTitle(std::string_view lower_title);

 private:
  using WordSet = absl::flat_hash_set<std::string>;

  // Bits of the word table beyond the public Flag bits: one per word list.
  enum SetBit : uint64_t {
    kSetCueVerb = kCueVerb,
    kSetCueBase = kCueBase,
    kSetCuePlural = kCuePlural,
    kSetCueParticiple = kCueParticiple,
    kSetStrictCue = kStrictCue,
    kSetNumberWord = kNumberWord,
    kSetHedge = kHedge,
    kSetObjectCue = uint64_t{1} << 16,
    kSetAuxiliary = uint64_t{1} << 17,
    kSetDeterminer = uint64_t{1} << 18,
    kSetPronoun = uint64_t{1} << 19,
    kSetSpeakerStop = uint64_t{1} << 20,
    kSetContextStarter = uint64_t{1} << 21,
    kSetAnonymous = uint64_t{1} << 22,
    kSetDocument = uint64_t{1} << 23,
    kSetSpeakerNoun = uint64_t{1} << 24,
    kSetOrgKeyword = kOrgKeyword,
    kSetAbbreviation = uint64_t{1} << 26,
    kSetFinalAbbreviation = uint64_t{1} << 27,
    kSetStarter = uint64_t{1} << 28,
    kSetFirstName = uint64_t{1} << 29,
    kSetConnector = uint64_t{1} << 30,
    kSetClauseOpener = kClauseOpener,
    kSetTemporal = uint64_t{1} << 32,
    kSetTitle = uint64_t{1} << 33,
    kSetTitleFirstWord = kTitleFirstWord,
    kSetHonorific = uint64_t{1} << 35,
    kSetCueAdverb = uint64_t{1} << 36,
    kSetNegation = uint64_t{1} << 37,
    kSetLeadingConjunction = uint64_t{1} << 38,
    kSetSubordinator = uint64_t{1} << 39,
  };
  static constexpr uint64_t kPublicFlags = 0xFFFF;

  bool In(const Word& w, uint64_t bit) const {
    return (Lookup(w.text_, Key{w.x_, w.y_}) & bit) != 0;
  }

  // Every word list in one open-addressing table keyed by the exact bytes
  // of the word: one cheap hash and usually one probe answer any question,
  // instead of one std::string hash per list asked.
  // A 16-bit tag per slot (0: empty) keeps the probed array small enough
  // for the L1 cache; the slot itself is read only when the tag matches.
  // A word's bytes in two 8-byte words: its first min(size, 8) bytes
  // (zero-extended) and, for more than 8 bytes, its last 8. With the
  // length it names a word of up to 16 bytes, so a slot that keeps its
  // word's key is compared in one test instead of byte loops that branch
  // on the length.
  struct Key {
    uint64_t x = 0;
    uint64_t y = 0;
  };
  struct Slot {
    uint64_t flags = 0;
    Key key;              // KeyOf the word.
    uint32_t offset = 0;  // Into pool_.
    uint32_t length = 0;
  };
  static uint16_t Tag(uint64_t h) {
    return static_cast<uint16_t>((h >> 48) | 1);
  }
  // The first min(n, 8) bytes of an 8-byte load.
  static uint64_t FirstBytes(const char* first8, size_t n) {
    static constexpr uint64_t kFirstBytes[9] = {
        0,           0xFF,         0xFFFF,         0xFFFFFF,
        0xFFFFFFFF,  0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF,
        ~uint64_t{0}};
    uint64_t x;
    __builtin_memcpy(&x, first8, 8);
    return x & kFirstBytes[n < 8 ? n : 8];
  }
  // Key::y: the last eight bytes of a word of more than eight, else 0.
  // A shorter word reads kZeros instead, chosen by a mask: the word's
  // length follows the text, and a branch on it would mispredict often.
  static uint64_t LastBytes(std::string_view w) {
    static constexpr char kZeros[8] = {};
    const uintptr_t m = uintptr_t{0} - (w.size() > 8);
    const auto* tail = reinterpret_cast<const char*>(
        ((reinterpret_cast<uintptr_t>(w.data()) + w.size() - 8) & m) |
        (reinterpret_cast<uintptr_t>(kZeros) & ~m));
    uint64_t y;
    __builtin_memcpy(&y, tail, 8);
    return y;
  }
  // Key of any word (its first bytes loaded by its length).
  static Key KeyOf(std::string_view w) {
    const auto* p = reinterpret_cast<const unsigned char*>(w.data());
    const size_t n = w.size();
    Key k;
    if (n >= 8) {
      __builtin_memcpy(&k.x, p, 8);
    } else if (n >= 4) {
      // Two overlapping loads; the bytes they share are equal.
      uint32_t head, tail;
      __builtin_memcpy(&head, p, 4);
      __builtin_memcpy(&tail, p + n - 4, 4);
      k.x = head | (uint64_t{tail} << (8 * (n - 4)));
    } else if (n > 0) {
      k.x = p[0] | (uint64_t{p[n / 2]} << (8 * (n / 2))) |
            (uint64_t{p[n - 1]} << (8 * (n - 1)));
    }
    k.y = LastBytes(w);
    return k;
  }
  static uint64_t Hash(const Key& k, size_t n) {
    const uint64_t a = k.x ^ (k.y * 0x9E3779B97F4A7C15ull);
    uint64_t h = (a ^ (n * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
  }
  uint64_t Lookup(std::string_view w) const { return Lookup(w, KeyOf(w)); }
  uint64_t Lookup(std::string_view w, const Key& k) const {
    const size_t n = w.size();
    const uint64_t h = Hash(k, n);
    const uint16_t tag = Tag(h);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const uint16_t t = tags_[i];
      if (t == 0) {
        return 0;
      }
      if (t == tag) {
        const Slot& s = slots_[i];
        // Equal keys and lengths are equal words up to 16 bytes; a longer
        // word compares its middle bytes too.
        if ((((s.key.x ^ k.x) | (s.key.y ^ k.y) | (s.length ^ n)) == 0) &&
            (n <= 16 || SameBytes(s.offset, w))) {
          return s.flags;
        }
      }
    }
  }
  // For words longer than 16 bytes (Key names the shorter ones).
  // Compared in (overlapping) 8- or 4-byte loads, as Hash reads them, not
  // byte by byte; both sides hold w.size() bytes.
  bool SameBytes(uint32_t offset, std::string_view w) const {
    const char* p = pool_.data() + offset;
    const char* q = w.data();
    const size_t n = w.size();
    if (n >= 8) {
      uint64_t x, y;
      for (size_t i = 0; i + 8 < n; i += 8) {
        __builtin_memcpy(&x, p + i, 8);
        __builtin_memcpy(&y, q + i, 8);
        if (x != y) {
          return false;
        }
      }
      __builtin_memcpy(&x, p + n - 8, 8);
      __builtin_memcpy(&y, q + n - 8, 8);
      return x == y;
    }
    if (n >= 4) {
      uint32_t x0, y0, x1, y1;
      __builtin_memcpy(&x0, p, 4);
      __builtin_memcpy(&y0, q, 4);
      __builtin_memcpy(&x1, p + n - 4, 4);
      __builtin_memcpy(&y1, q + n - 4, 4);
      return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    for (size_t i = 0; i < n; ++i) {
      if (p[i] != q[i]) {
        return false;
      }
    }
    return true;
  }
  void AddWord(std::string_view w, uint64_t bit);

  absl::flat_hash_set<std::string> cue_verbs_, cue_bases_, cue_participles_,
      cue_plurals_, strict_cues_, noun_cues_, adjective_cues_,
      construction_cues_, object_cues_, auxiliaries_, determiners_, pronouns_,
      speaker_stops_, context_starters_, anonymous_, documents_, speaker_nouns_,
      org_keywords_, abbreviations_, final_abbreviations_, starters_,
      first_names_, connectors_, number_words_, clause_openers_, temporal_,
      hedges_, titles_, title_first_words_, honorifics_, cue_adverbs_,
      negations_, leading_conjunctions_, subordinators_;

  // The pre-hash filter: a bit set (16 KB) in which every flagged word
  // sets two bits, chosen by one multiplication of the word's first eight
  // bytes (masked to its length) and its length. Most other words miss
  // one of their bits, so they are turned away without the table's hash
  // and probe. One load of the word and no branch on its length; both
  // bits lie in the same 64-bit word of the set, so one load of the set
  // answers too.
  static uint64_t FilterHash(uint64_t first_bytes, size_t n) {
    return (first_bytes ^ (n * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull;
  }
  // The set's word and the two bits in it, from the product's top bits.
  static size_t FilterWord(uint64_t h) { return h >> 53; }
  static uint64_t FilterBits(uint64_t h) {
    return (uint64_t{1} << ((h >> 47) & 63)) |
           (uint64_t{1} << ((h >> 41) & 63));
  }
  // `first8`: eight readable bytes that start with the word's first
  // min(8, size) bytes.
  uint32_t FlagsAfterFilter(std::string_view w, const char* first8) const {
    const uint64_t x = FirstBytes(first8, w.size());
    const uint64_t h = FilterHash(x, w.size());
    const uint64_t set = filter_[FilterWord(h)];
    if (((set >> ((h >> 47) & 63)) & (set >> ((h >> 41) & 63)) & 1) == 0) {
      return 0;
    }
    // The filter's first bytes are the key's: only the last ones are read
    // (KeyOf would branch on the length again).
    return static_cast<uint32_t>(Lookup(w, Key{x, LastBytes(w)}) &
                                 kPublicFlags);
  }
  uint64_t filter_[2048] = {};
  std::vector<uint16_t> tags_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::string pool_;
  size_t max_title_words_ = 1;
  size_t max_word_length_ = 0;
  // First bytes (a bit set) and longest length of the name connectors.
  uint64_t connector_first_[4] = {};
  size_t max_connector_length_ = 0;
};

// ASCII lower-casing; other bytes pass through unchanged.
std::string Lower(std::string_view s);

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_LEXICON_H_
