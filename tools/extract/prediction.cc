#include "tools/extract/prediction.h"

#include <algorithm>
#include <cstdint>

namespace claimtrack::extract {
namespace {

using engine::ByteSpan;
using engine::Statement;
using engine::StatementKind;

nlohmann::json SpanJson(ByteSpan span) {
  return {{"begin", span.begin}, {"end", span.end}};
}

// The corpus's source is the noun phrase with an identifying appositive
// ("Jane Roe, chief economist at Acme Bank,"), but without an incidental
// relative clause ("Roe, who ran twice,").
ByteSpan SourceSpan(std::string_view text, const Statement& s) {
  ByteSpan span = s.mention->span;
  if (!s.mention_appositive.has_value()) {
    return span;
  }
  const ByteSpan app = *s.mention_appositive;
  if (app.begin < span.end || app.end > text.size()) {
    return span;
  }
  const std::string_view head = text.substr(app.begin, 6);
  if (head.substr(0, 4) == "who " || head.substr(0, 6) == "which ") {
    return span;
  }
  return {span.begin, app.end};
}

}  // namespace

// The corpus leaves the source empty for raising verbs and expectations
// ("the mayor seemed to ...", "X is expected to ...": the author's view) and
// for empty "it" ("It seems that ...").
bool SourcelessByConvention(const Statement& s) {
  const std::string_view mention = s.mention->text;
  if (!s.cue.has_value()) {
    return mention == "it" || mention == "It";
  }
  // An "it" that says, adds or warns is a newspaper, a campaign or a report
  // mentioned before ("The Post ... It added, ..."): the corpus keeps it.
  // Only with a copula or a raising verb ("it is expected", "it seems") is
  // it empty.
  if (mention == "it" || mention == "It") {
    const std::string_view cue = s.cue->text;
    const std::string_view first = cue.substr(0, cue.find(' '));
    const bool perfect_passive =
        (first == "has" || first == "had" || first == "have") &&
        cue.substr(first.size()).rfind(" been", 0) == 0;
    return first == "is" || first == "was" || first == "are" ||
           first == "were" || first == "be" || first == "been" ||
           perfect_passive || first == "seem" || first == "seems" ||
           first == "seemed" ||
           first == "appear" || first == "appears" || first == "appeared" ||
           first == "remains" || first == "remained";
  }
  std::string_view cue = s.cue->text;
  const size_t space = cue.rfind(' ');
  if (space != std::string_view::npos) {
    cue.remove_prefix(space + 1);
  }
  return cue == "seem" || cue == "seems" || cue == "seemed" ||
         cue == "appear" || cue == "appears" || cue == "appeared" ||
         cue == "expected";
}

// True if `inner`'s cue lies inside one of `outer`'s content spans: the
// corpus annotates only the outermost of nested reports ("X said Y wants Z").
bool NestedIn(const Statement& inner, const Statement& outer) {
  if (&inner == &outer || !inner.cue.has_value() ||
      outer.kind == StatementKind::kFactualClaim) {
    return false;
  }
  const ByteSpan cue = inner.cue->span;
  for (const ByteSpan& part : outer.content_spans) {
    if (part.begin <= cue.begin && cue.end <= part.end) {
      return true;
    }
  }
  return false;
}

nlohmann::json ToAttributions(std::string_view text,
                              const std::vector<Statement>& statements) {
  nlohmann::json out = nlohmann::json::array();
  for (const Statement& s : statements) {
    if (s.kind == StatementKind::kFactualClaim || s.content_spans.empty()) {
      continue;
    }
    // A quote whose speaker the engine could not place at all: the corpus
    // gives a source to all but 0.7% of its direct quotes, so this is not
    // one of its attributions (the service keeps the statement).
    if (s.kind == StatementKind::kDirectQuote && !s.mention.has_value() &&
        !s.antecedent.has_value() && !s.relay.has_value()) {
      continue;
    }
    bool nested = false;
    for (const Statement& other : statements) {
      if (NestedIn(s, other)) {
        nested = true;
        break;
      }
    }
    if (nested) {
      continue;
    }
    nlohmann::json a;
    a["kind"] = std::string(engine::StatementKindName(s.kind));
    a["rule"] = std::string(s.rule);
    if (s.negated) {
      a["negated"] = true;
    }
    nlohmann::json source = nlohmann::json::array();
    nlohmann::json cue = nlohmann::json::array();
    nlohmann::json content = nlohmann::json::array();
    if (s.relay.has_value()) {
      // Outermost only: the relay is the source, the inner report (speaker,
      // cue and content) is the content.
      uint32_t begin = s.content_spans.front().begin;
      uint32_t end = s.content_spans.back().end;
      if (s.mention.has_value()) {
        begin = std::min(begin, s.mention->span.begin);
      }
      if (s.cue.has_value()) {
        begin = std::min(begin, s.cue->span.begin);
        end = std::max(end, s.cue->span.end);
      }
      end = std::min<uint32_t>(end, static_cast<uint32_t>(text.size()));
      source.push_back(SpanJson(s.relay->mention.span));
      cue.push_back(SpanJson(s.relay->cue.span));
      content.push_back(SpanJson({begin, end}));
      a["kind"] = "indirect";
    } else {
      if (s.mention.has_value() && !SourcelessByConvention(s)) {
        source.push_back(SpanJson(SourceSpan(text, s)));
      } else if (s.antecedent.has_value()) {
        // The corpus names the nearest mention of a quote's speaker.
        source.push_back(SpanJson(s.antecedent->span));
      }
      if (s.cue.has_value()) {
        cue.push_back(SpanJson(s.cue->span));
      }
      for (size_t i = 0; i < s.content_spans.size(); ++i) {
        ByteSpan span = s.content_spans[i];
        // The corpus counts "that" as content ("said that X").
        if (i == 0 && s.complementizer.has_value() &&
            s.complementizer->begin < span.begin) {
          span.begin = s.complementizer->begin;
        }
        content.push_back(SpanJson(span));
      }
    }
    a["source"] = std::move(source);
    a["cue"] = std::move(cue);
    a["content"] = std::move(content);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace claimtrack::extract
