// Sentence-level attribution rules: find speech cues ("said", "according
// to"), the speaker phrase around each cue, and the content it attributes.
// Speakers are returned as located phrases; resolving them to people and
// organizations is the coreference step's job.
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_ATTRIBUTION_RULES_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_ATTRIBUTION_RULES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "services/extraction/engine/attribution_engine.h"
#include "services/extraction/engine/lexicon.h"
#include "services/extraction/engine/quote_scanner.h"
#include "services/extraction/engine/sentence_splitter.h"
#include "services/extraction/engine/tokenizer.h"

namespace claimtrack::engine {

struct SentenceInput {
  std::string_view text;
  // ASCII-lower-cased copy of text, same offsets, followed in memory by
  // Lexicon::kFlagsPadding readable bytes (the rules look its words up in
  // place).
  std::string_view lower;
  const std::vector<Token>* tokens;  // The paragraph's tokens.
  const std::vector<Quote>* quotes;  // The paragraph's quotes.
  const std::vector<int>* quote_of;  // Per token: quote index or -1.
  Sentence sentence;
};

struct SpeakerPhrase {
  ByteSpan mention;                    // Name part as written.
  std::optional<ByteSpan> appositive;  // ", chief economist at Acme Bank,".
};

struct RawRelay {
  SpeakerPhrase speaker;
  ByteSpan cue;
};

struct RawStatement {
  StatementKind kind = StatementKind::kReportedSpeech;
  // Inline: a statement has one or two parts and rarely a fragment, and
  // thousands are built per article, most of them short-lived.
  absl::InlinedVector<ByteSpan, 2> parts;
  absl::InlinedVector<ByteSpan, 2> fragments;  // Quote interiors inside partial quotes.
  std::optional<SpeakerPhrase> speaker;
  std::optional<ByteSpan> cue;
  std::optional<ByteSpan> context;
  std::optional<RawRelay> relay;
  std::optional<ByteSpan> complementizer;  // "that" before the content.
  double confidence = 0;
  // The rule's name: always a string literal, so no copy is made until the
  // statement is materialized. `relayed` appends "+relay".
  std::string_view rule;
  bool relayed = false;
  bool negated = false;  // See Statement::negated.
  // A quote-first attribution that ends its sentence: a following sentence
  // made only of a quote continues it (`"A," she said. "B."`).
  bool continuable = false;
};

struct SentenceAttributions {
  std::vector<RawStatement> statements;
  // Spans that belong to attributions (contents, speakers, cues) and so are
  // not candidates for factual claims. Context phrases are not masked.
  std::vector<ByteSpan> masked;
  std::vector<int> used_quotes;  // Paragraph quote indices consumed.
  // "SPEAKER said:" closing a paragraph with the quote in the next one:
  // speaker and cue, without content yet.
  std::optional<RawStatement> intro;
};

SentenceAttributions FindAttributions(const SentenceInput& input,
                                      const Lexicon& lexicon);
// The same into `out` (cleared first): a caller that keeps one across
// sentences reuses the capacity of its vectors.
void FindAttributions(const SentenceInput& input, const Lexicon& lexicon,
                      SentenceAttributions& out);

// Trims spaces and trailing , . ; : from a span (ASCII only, so never cuts a
// multi-byte character).
ByteSpan TrimContent(std::string_view text, ByteSpan span);

// A quote of this many words or more that no cue attributes is still
// speech; shorter ones are as often titles, slogans and scare quotes (in
// the training split, 77% of such long quotes inside a sentence and 94% of
// those opening one lie in an annotated statement).
inline constexpr size_t kMinSpeechQuoteWords = 8;

// True if a part of one of `statements` overlaps `span`.
bool AnyPartOverlaps(const std::vector<RawStatement>& statements,
                     ByteSpan span);

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_ATTRIBUTION_RULES_H_
