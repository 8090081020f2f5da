// The verb phrases the engine reads as cues as a whole ("came out against
// X", "laid out X", "spoke about X", "released a statement saying X"):
// shared by the lexicon, which flags their verb forms as construction cues,
// and the rules, which check the phrase around them (SentenceRules::
// PhrasalCueEnd, CueComplementEnd, DocumentParticipleEnd). Found by counting, over the training
// split, verb + particle pairs the corpus annotates as cues in most of their
// occurrences (tools/extract/README.md, rules-0.8.0).
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_PHRASAL_CUES_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_PHRASAL_CUES_H_

#include <array>
#include <string_view>

namespace claimtrack::engine {

// A verb phrase that is a cue: the verb's forms, the particle that makes
// it one, and the words that may follow the particle and join the cue too
// (empty strings fill the arrays).
struct PhrasalFrame {
  std::array<std::string_view, 4> forms;
  std::string_view particle;
  std::array<std::string_view, 4> then;
  bool then_required;
};

inline constexpr PhrasalFrame kPhrasalFrames[] = {
    {{"came", "comes", "come", "coming"}, "out", {"against", "for"}, true},
    // "points out that X": "points" alone is mostly a noun.
    {{"pointed", "points", "point", "pointing"}, "out", {}, false},
    {{"pointed", "points", "point", "pointing"}, "to", {}, false},
    {{"poked", "pokes", "poke", "poking"}, "fun", {"at"}, true},
    {{"laid", "lays", "lay", "laying"}, "out", {}, false},
    {{"fired", "fires", "fire", "firing"}, "back", {"at"}, true},
    {{"pushed", "pushes", "push", "pushing"}, "for", {}, false},
    {{"weighed", "weighs", "weigh", "weighing"}, "in", {"on", "with"}, false},
    {{"balked", "balks", "balk", "balking"}, "at", {}, false},
    {{"spoke", "speaks", "speak", "speaking"},
     "out",
     {"against", "about", "on", "for"},
     false},
    {{"doubled", "doubles", "double", "doubling"}, "down", {"on"}, true},
    {{"walked", "walks", "walk", "walking"}, "back", {}, false},
    {{"stopped", "stops", "stop", "stopping"}, "short", {"of"}, true},
    // "claimed responsibility for the attack": what was claimed is the
    // content.
    {{"claimed", "claims", "claim", "claiming"},
     "responsibility",
     {"for"},
     true},
    {{"claimed", "claims", "claim", "claiming"}, "credit", {"for"}, true},
};

// Verbs of talking, cues only before "about" ("spoke about the levy");
// "talks" alone is mostly a noun ("peace talks").
inline constexpr std::string_view kTalkVerbs[] = {
    "spoke", "speaks", "talks", "talked", "talking", "speaking"};

// Verbs that put a document out, cues only before the document and a
// speech participle ("released a statement saying X").
inline constexpr std::string_view kPublishingVerbs[] = {
    "issued",   "issues", "released",  "releases",  "sent", "sends",
    "posted",   "posts",  "published", "publishes", "put",  "puts"};

// Forms of "take", cues only in "took aim/shots/issue at/with X".
inline constexpr std::string_view kTakeForms[] = {"took", "takes", "taken",
                                                   "take", "taking"};

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_PHRASAL_CUES_H_
