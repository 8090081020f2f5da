// Pairs double quote marks within one paragraph.
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_QUOTE_SCANNER_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_QUOTE_SCANNER_H_

#include <cstddef>
#include <vector>

#include "services/extraction/engine/attribution_engine.h"
#include "services/extraction/engine/tokenizer.h"

namespace claimtrack::engine {

inline constexpr size_t kNoToken = static_cast<size_t>(-1);

struct Quote {
  size_t open_token = 0;          // Index of the opening mark.
  size_t close_token = kNoToken;  // kNoToken when unclosed.
  ByteSpan outer;                 // Including the marks.
  ByteSpan inner;                 // Between the marks.
  bool closed = false;
};

// Curly marks pair by direction; straight marks toggle. Single quotes are
// ignored because ’ is overwhelmingly an apostrophe. A quote that does not
// close within the paragraph ends at the paragraph's last token (the news
// convention for quotes running over several paragraphs), so an unbalanced
// mark never swallows the rest of the article. `tokens` must be one
// paragraph; their `mark` is rewritten to kOpening/kClosing.
std::vector<Quote> ScanQuotes(std::vector<Token>& tokens);
// The same into `quotes` (cleared first; its capacity is reused).
void ScanQuotes(std::vector<Token>& tokens, std::vector<Quote>& quotes);

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_QUOTE_SCANNER_H_
