// Word lists behind the attribution rules. Kept in one place so the corpus
// tuning issue can grow them without touching rule code. All lookups take
// ASCII-lower-cased words unless stated otherwise.
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_LEXICON_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"

namespace claimtrack::engine {

class Lexicon {
 public:
  Lexicon();

  // Finite speech verbs that attribute on their own ("said", "told").
  bool IsCueVerb(std::string_view w) const { return Has(cue_verbs_, w); }
  // Base forms that attribute only after an auxiliary ("will say").
  bool IsCueBase(std::string_view w) const { return Has(cue_bases_, w); }
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

  absl::flat_hash_set<std::string> cue_verbs_, cue_bases_, object_cues_,
      auxiliaries_, determiners_, pronouns_, speaker_stops_, context_starters_,
      anonymous_, documents_, speaker_nouns_, org_keywords_, abbreviations_,
      final_abbreviations_, starters_, first_names_, connectors_, number_words_,
      clause_openers_, temporal_, hedges_, titles_, honorifics_;
  size_t max_title_words_ = 1;
};

// ASCII lower-casing; other bytes pass through unchanged.
std::string Lower(std::string_view s);

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_LEXICON_H_
