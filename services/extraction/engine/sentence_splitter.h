// Splits text into paragraphs (lines) and paragraphs into sentences.
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_SENTENCE_SPLITTER_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "services/extraction/engine/attribution_engine.h"
#include "services/extraction/engine/lexicon.h"
#include "services/extraction/engine/quote_scanner.h"
#include "services/extraction/engine/tokenizer.h"

namespace claimtrack::engine {

struct Sentence {
  size_t token_begin = 0;  // Into the paragraph's tokens.
  size_t token_end = 0;    // Exclusive.
  ByteSpan span;
};

// Each non-blank line is a paragraph: the ingestion cleaner emits one
// paragraph per line, and treating lines as hard limits keeps an unbalanced
// quote mark from running on.
std::vector<ByteSpan> SplitParagraphs(std::string_view text);
// The same into `paragraphs` (cleared first; its capacity is reused).
void SplitParagraphs(std::string_view text, std::vector<ByteSpan>& paragraphs);

// Sentence boundaries are terminal punctuation (plus any closing quote marks
// or brackets right after it) followed by space and a token that does not
// start with a lower-case letter. Abbreviation periods are already absorbed
// into words by the tokenizer; sentence-final ones ("Inc.") end a sentence
// only before a typical sentence opener. Closed quotes are never split, so
// `"A. B," she said.` stays one sentence.
std::vector<Sentence> SplitSentences(std::string_view text,
                                     const std::vector<Token>& tokens,
                                     const std::vector<Quote>& quotes,
                                     const Lexicon& lexicon);
// The same into `sentences` (cleared first; its capacity is reused).
void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    const std::vector<Quote>& quotes, const Lexicon& lexicon,
                    std::vector<Sentence>& sentences);

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_SENTENCE_SPLITTER_H_
