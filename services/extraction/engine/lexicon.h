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
    kAnyCue = kCueVerb | kCueBase | kCuePlural | kCueParticiple | kStrictCue,
  };

  Lexicon();

  // Union of the Flag bits of a lower-cased word; 0 for most words.
  uint32_t WordFlags(std::string_view w) const {
    // Most words carry no flag: a bit set over (first, second, last) bytes
    // rejects them without hashing.
    if (w.size() < 2) {
      return 0;
    }
    const uint32_t key = FilterKey(w);
    if ((filter_[key >> 6] & (uint64_t{1} << (key & 63))) == 0) {
      return 0;
    }
    const auto it = flags_.find(absl::string_view(w.data(), w.size()));
    return it == flags_.end() ? 0 : it->second;
  }

  // Finite speech verbs that attribute on their own ("said", "told").
  bool IsCueVerb(std::string_view w) const { return Has(cue_verbs_, w); }
  // Base forms that attribute only after an auxiliary ("will say").
  bool IsCueBase(std::string_view w) const { return Has(cue_bases_, w); }
  // Present participles of cue verbs (", saying ...", ", adding ...").
  bool IsCueParticiple(std::string_view w) const {
    return Has(cue_participles_, w);
  }
  // Plural-present forms ("they say", "polls show"), which are also base
  // forms: a cue only after a plural subject.
  bool IsCuePlural(std::string_view w) const { return Has(cue_plurals_, w); }
  // Past forms that attribute only right after a name or pronoun.
  bool IsStrictCue(std::string_view w) const { return Has(strict_cues_, w); }
  // Cues whose indirect object belongs to the cue ("told the Times").
  bool TakesObject(std::string_view w) const { return Has(object_cues_, w); }
  bool IsAuxiliary(std::string_view w) const { return Has(auxiliaries_, w); }
  // Adverbs that may sit between speaker and cue ("Schmid also said").
  bool IsCueAdverb(std::string_view w) const;
  bool IsNegation(std::string_view w) const;
  bool IsDeterminer(std::string_view w) const { return Has(determiners_, w); }
  bool IsPronoun(std::string_view w) const { return Has(pronouns_, w); }
  // Words that end a speaker phrase when walking back from a cue.
  bool IsSpeakerStop(std::string_view w) const { return Has(speaker_stops_, w); }
  // Words that open a context phrase after a cue ("in", "when").
  bool IsContextStarter(std::string_view w) const;
  bool IsAnonymousHead(std::string_view w) const { return Has(anonymous_, w); }
  bool IsDocumentHead(std::string_view w) const { return Has(documents_, w); }
  // Nouns that can head a speaker phrase ("spokesperson", "group").
  bool IsSpeakerNoun(std::string_view w) const;
  // Case-insensitive: "Department", "Bank", "Center".
  bool IsOrganizationKeyword(std::string_view w) const;
  // Same for an already lower-cased word (no allocation).
  bool IsOrganizationKeywordLower(std::string_view w) const {
    return Has(org_keywords_, w);
  }
  // Abbreviations whose period does not end a sentence ("ms", "sept").
  bool IsAbbreviation(std::string_view w) const { return Has(abbreviations_, w); }
  // Abbreviations that may also end a sentence ("inc", "jr").
  bool IsFinalAbbreviation(std::string_view w) const {
    return Has(final_abbreviations_, w);
  }
  // Capitalized words that commonly open a sentence ("The", "He").
  bool IsSentenceStarter(std::string_view w) const { return Has(starters_, w); }
  bool IsFirstName(std::string_view w) const { return Has(first_names_, w); }
  // Lower-case words allowed inside a proper name ("of", "for").
  bool IsNameConnector(std::string_view w) const { return Has(connectors_, w); }
  bool IsNumberWord(std::string_view w) const { return Has(number_words_, w); }
  // Words that introduce a clause to split claims at ("which", "when").
  bool IsClauseOpener(std::string_view w) const { return Has(clause_openers_, w); }
  // Temporal words that end a document name ("on Monday" in "a letter sent
  // to allies on Monday").
  bool IsTemporalWord(std::string_view w) const { return Has(temporal_, w); }
  bool IsHedge(std::string_view w) const { return Has(hedges_, w); }

  // Longest title starting at words[start] (lower-cased), in words; 0 if none.
  size_t MatchTitle(const std::vector<std::string>& lower_words,
                    size_t start) const;
  // Titles that are courtesy honorifics and so are not a role ("mr.").
  bool IsHonorific(std::string_view w) const { return Has(honorifics_, w); }

 private:
  using WordSet = absl::flat_hash_set<std::string>;
  // Debian's Abseil has its own string_view type, so convert explicitly.
  static bool Has(const WordSet& set, std::string_view w) {
    return set.contains(absl::string_view(w.data(), w.size()));
  }

  absl::flat_hash_set<std::string> cue_verbs_, cue_bases_, cue_participles_,
      cue_plurals_, strict_cues_, noun_cues_, adjective_cues_, object_cues_,
      auxiliaries_, determiners_, pronouns_, speaker_stops_, context_starters_,
      anonymous_, documents_, speaker_nouns_, org_keywords_, abbreviations_,
      final_abbreviations_, starters_, first_names_, connectors_, number_words_,
      clause_openers_, temporal_, hedges_, titles_, title_first_words_,
      honorifics_;
  static uint32_t FilterKey(std::string_view w) {
    return ((static_cast<uint32_t>(static_cast<unsigned char>(w[0])) & 31) << 10) |
           ((static_cast<uint32_t>(static_cast<unsigned char>(w[1])) & 31) << 5) |
           (static_cast<uint32_t>(static_cast<unsigned char>(w.back())) & 31);
  }

  absl::flat_hash_map<std::string, uint32_t> flags_;
  uint64_t filter_[(1u << 15) / 64] = {};
  size_t max_title_words_ = 1;
};

// ASCII lower-casing; other bytes pass through unchanged.
std::string Lower(std::string_view s);

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_LEXICON_H_
