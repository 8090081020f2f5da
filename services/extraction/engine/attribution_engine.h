// Public API of the rule-based attribution engine.
//
// The engine takes the UTF-8 text of a cleaned news article and returns every
// attribution it finds (direct, partial and reported quotes, with resolved
// speakers) plus check-worthy factual claims. It is pure computation: no I/O,
// no gRPC, no protobuf, so that the extraction service, the CLI and benchmarks
// can all share it.
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_ATTRIBUTION_ENGINE_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_ATTRIBUTION_ENGINE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/inlined_vector.h"

namespace claimtrack::engine {

class Lexicon;

// UTF-8 byte offsets into the article, end-exclusive, always on char
// boundaries.
struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
};

enum class StatementKind {
  kDirectQuote,
  kPartialQuote,
  kReportedSpeech,
  kFactualClaim
};

enum class SpeakerType {
  kUnknown,
  kPerson,
  kOrganization,
  kAnonymous,
  kDocument
};

// A piece of the article; text == article.substr(span).
struct TextSpan {
  std::string text;
  ByteSpan span;
};

struct Speaker {
  std::string name;  // Resolved full name ("Merrick Garland"); empty if unknown.
  SpeakerType type = SpeakerType::kUnknown;
  std::string role;          // "Attorney General (then)".
  std::string organization;  // "Eurojust".
  std::vector<std::string> aliases;  // "DOJ".
};

// Who conveys a second-hand statement ("..., sources told the Times").
struct Relay {
  TextSpan mention;
  Speaker speaker;
  TextSpan cue;
};

struct Statement {
  // User-provided, so that a Statement added with emplace_back() (the
  // engine builds them in place) runs the member initializers only; with
  // an implicit constructor value-initialization first zero-fills all of
  // its ~700 bytes.
  Statement() {}

  StatementKind kind = StatementKind::kReportedSpeech;
  // Content text; for split quotes the parts joined by " ".
  std::string content;
  // One per part. Inline: nearly every statement has one part and a split
  // quote two; a heap block per statement was one allocation in six of the
  // engine's. Two spans take the bytes of a std::vector's three pointers.
  absl::InlinedVector<ByteSpan, 2> content_spans;
  // For partial quotes: the fragments inside quote marks.
  std::vector<TextSpan> quoted_fragments;
  std::optional<TextSpan> mention;  // Speaker as written here ("he").
  // The appositive that identifies the speaker, as written after the
  // mention (", president of the group's parent organization Eurojust,").
  std::optional<ByteSpan> mention_appositive;
  Speaker speaker;                  // Resolved speaker.
  std::optional<TextSpan> cue;      // "said", "has said", "according to".
  // For a quote with no speaker of its own: where the likely speaker was
  // last written (the previous sentence's mention). Not set otherwise.
  std::optional<TextSpan> antecedent;
  std::optional<Relay> relay;
  std::optional<TextSpan> context;  // "in a letter obtained by ...".
  // "that" opening reported content ("said that X"). Not part of `content`
  // (it carries no meaning), but annotation schemes such as PolNeAR count
  // it as content, so evaluation output can add it back.
  std::optional<ByteSpan> complementizer;
  double confidence = 0;            // 0..1
  // Which rule produced it ("reported.speaker_cue"). Views static storage
  // (valid for the program's lifetime): most names are longer than a
  // std::string's inline buffer, and a heap copy per statement cost one
  // allocation each.
  std::string_view rule;
  // The cue is negated: "Weir did not say whether 40 jobs were cut",
  // "she never mentioned the audit". The text reports that the speaker did
  // not say the content, so it is no claim of theirs; annotation schemes
  // (PolNeAR) count it as an attribution all the same. The extraction
  // service drops these; the evaluation output keeps them.
  bool negated = false;
};

class AttributionEngine {
 public:
  static constexpr std::string_view kVersion = "rules-0.11.0";

  // Builds the lexicons once; Extract is const and thread-safe.
  AttributionEngine();

  // Returns statements in document order (by first content byte). Never
  // throws on any input bytes, including invalid UTF-8.
  std::vector<Statement> Extract(std::string_view text) const;

 private:
  std::shared_ptr<const Lexicon> lexicon_;
};

// "direct", "partial", "indirect", "factual_claim".
std::string_view StatementKindName(StatementKind kind);
// "person", "organization", "anonymous", "document", "unknown".
std::string_view SpeakerTypeName(SpeakerType type);

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_ATTRIBUTION_ENGINE_H_
