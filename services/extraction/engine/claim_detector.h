// Finds check-worthy factual claims: clauses outside attributions that carry
// numbers, quantities or named entities.
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_CLAIM_DETECTOR_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_CLAIM_DETECTOR_H_

#include <string_view>
#include <vector>

#include "services/extraction/engine/attribution_engine.h"
#include "services/extraction/engine/lexicon.h"
#include "services/extraction/engine/sentence_splitter.h"
#include "services/extraction/engine/tokenizer.h"

namespace claimtrack::engine {

// Splits the unmasked parts of a sentence into clauses (at relative clauses,
// "when"/"while", semicolons, dashes and a leading adverbial phrase) and
// returns the check-worthy ones as kFactualClaim statements.
// `lower` is the ASCII-lower-cased copy of `text` (same byte offsets),
// followed in memory by two readable bytes at least (the engine's copy has
// kTokenizerPadding).
void DetectClaims(std::string_view text, std::string_view lower,
                  const std::vector<Token>& tokens, const Sentence& sentence,
                  const std::vector<ByteSpan>& masked, const Lexicon& lexicon,
                  std::vector<Statement>& out);

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_CLAIM_DETECTOR_H_
