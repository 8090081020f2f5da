// Converts engine statements into the evaluation corpus's annotation format.
//
// The corpus annotates only the outermost of nested reports and no factual
// claims, while the engine (and the extraction service) keeps the inner
// statement with its relay. This is the one place that bridges the two.
#ifndef CLAIMTRACK_TOOLS_EXTRACT_PREDICTION_H_
#define CLAIMTRACK_TOOLS_EXTRACT_PREDICTION_H_

#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"
#include "services/extraction/engine/attribution_engine.h"

namespace claimtrack::extract {

// Returns the "attributions" array for one document: [{kind, rule, source,
// cue, content}], spans as {begin, end}. A relayed statement ("the ICPA said
// X, Schmid said") becomes the outer report: source and cue of the relay,
// content from the inner speaker to the end of the inner content.
nlohmann::json ToAttributions(std::string_view text,
                              const std::vector<engine::Statement>& statements);

}  // namespace claimtrack::extract

#endif  // CLAIMTRACK_TOOLS_EXTRACT_PREDICTION_H_
