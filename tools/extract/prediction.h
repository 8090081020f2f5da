// Converts engine statements into the evaluation corpus's annotation format.
//
// The corpus annotates only the outermost of nested reports and no factual
// claims, while the engine (and the extraction service) keeps the inner
// statement with its relay. This is the one place that bridges the two.
#ifndef CLAIMTRACK_TOOLS_EXTRACT_PREDICTION_H_
#define CLAIMTRACK_TOOLS_EXTRACT_PREDICTION_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "services/extraction/engine/attribution_engine.h"

namespace claimtrack::extract {

// One attribution as the corpus annotates it: spans as byte offsets into
// the document's text.
struct Attribution {
  std::string_view kind;  // "direct", "partial", "indirect".
  std::string_view rule;  // Statement::rule (static storage).
  bool negated = false;
  absl::InlinedVector<engine::ByteSpan, 1> source;
  absl::InlinedVector<engine::ByteSpan, 1> cue;
  absl::InlinedVector<engine::ByteSpan, 2> content;
};

// Fills `out` (cleared first) with one document's attributions. A relayed
// statement ("the ICPA said X, Schmid said") becomes the outer report:
// source and cue of the relay, content from the inner speaker to the end of
// the inner content.
void ToAttributions(std::string_view text,
                    const std::vector<engine::Statement>& statements,
                    std::vector<Attribution>& out);

// Appends one line of predictions, {"attributions":[{"content":[{"begin":B,
// "end":E}],"cue":[...],"kind":K,["negated":true,]"rule":R,"source":[...]}],
// "doc_id":D} and a newline, where `doc_id_json` is the document's id as
// JSON. Keys come in sorted order, as nlohmann::json's compact dump() writes
// them; the line is built in the caller's buffer without a JSON tree, whose
// hundreds of small allocations a document would otherwise leave in the heap
// between two engine calls.
void AppendPredictionLine(const std::vector<Attribution>& attributions,
                          std::string_view doc_id_json, std::string& line);

}  // namespace claimtrack::extract

#endif  // CLAIMTRACK_TOOLS_EXTRACT_PREDICTION_H_
