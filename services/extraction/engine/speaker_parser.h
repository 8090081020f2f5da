// Parses a speaker phrase as written ("then-Attorney General Merrick
// Garland", "a letter sent to European allies on Monday", "sources") into a
// name, role, organization and a form that tells the resolver what to do.
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_SPEAKER_PARSER_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_SPEAKER_PARSER_H_

#include <optional>
#include <string>
#include <string_view>

#include "services/extraction/engine/attribution_engine.h"
#include "services/extraction/engine/lexicon.h"

namespace claimtrack::engine {

enum class SpeakerForm {
  kUnknown,
  kPronoun,         // "he": resolve to the last person mentioned.
  kAdministration,  // "the administration": resolve via the president.
  kAnonymous,       // "sources", "a senior official".
  kDocument,        // "a letter sent to X".
  kAcronym,         // "the DOJ": expand via the document's acronyms.
  kOrganization,    // "The Department of Justice".
  kSurname,         // "Schmid": resolve to a full name seen earlier.
  kPerson,          // "Michael Schmid", "Merrick Garland".
  kGenericNoun,     // "the group", "a spokesperson".
};

struct ParsedSpeaker {
  SpeakerForm form = SpeakerForm::kUnknown;
  SpeakerType type = SpeakerType::kUnknown;
  std::string name;
  std::string role;
  std::string organization;
  std::string pronoun;  // Lower-cased, for kPronoun.
};

// `mention` is the speaker phrase; `appositive` an optional role phrase set
// off by commas ("Jane Roe, chief economist at Acme Bank, said").
// `lower_text` is the ASCII-lower-cased copy of `text` (same offsets), followed
// in memory by kTokenizerPadding readable bytes (the engine's copy of the
// document): the phrase's words are looked up in it in place.
ParsedSpeaker ParseSpeaker(std::string_view text, std::string_view lower_text,
                           ByteSpan mention, std::optional<ByteSpan> appositive,
                           const Lexicon& lexicon);

// The last run of capitalized words in a role: "chief economist at Acme
// Bank" -> "Acme Bank". Empty if none.
std::string OrganizationInRole(std::string_view role, const Lexicon& lexicon);

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_SPEAKER_PARSER_H_
