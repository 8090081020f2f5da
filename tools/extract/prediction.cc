#include "tools/extract/prediction.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

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

namespace {

// One attribution in the corpus format, as views into the statement: the
// JSON tree and the text writer below both read it, so they cannot drift.
struct AttributionView {
  std::string_view kind;
  std::string_view rule;
  std::optional<ByteSpan> source;
  std::optional<ByteSpan> cue;
  ByteSpan first_content;
  // The content parts after the first (none for a relayed statement).
  const ByteSpan* more_begin = nullptr;
  const ByteSpan* more_end = nullptr;
};

// Calls `emit(const AttributionView&)` for each statement the corpus
// annotates, in order.
template <typename Emit>
void ForEachAttribution(std::string_view text,
                        const std::vector<Statement>& statements, Emit&& emit) {
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
    AttributionView a;
    a.kind = engine::StatementKindName(s.kind);
    a.rule = s.rule;
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
      a.kind = "indirect";
      a.source = s.relay->mention.span;
      a.cue = s.relay->cue.span;
      a.first_content = {begin, end};
    } else {
      if (s.mention.has_value() && !SourcelessByConvention(s)) {
        a.source = SourceSpan(text, s);
      } else if (s.antecedent.has_value()) {
        // The corpus names the nearest mention of a quote's speaker.
        a.source = s.antecedent->span;
      }
      if (s.cue.has_value()) {
        a.cue = s.cue->span;
      }
      a.first_content = s.content_spans.front();
      // The corpus counts "that" as content ("said that X").
      if (s.complementizer.has_value() &&
          s.complementizer->begin < a.first_content.begin) {
        a.first_content.begin = s.complementizer->begin;
      }
      a.more_begin = s.content_spans.data() + 1;
      a.more_end = s.content_spans.data() + s.content_spans.size();
    }
    emit(a);
  }
}

void AppendSpan(ByteSpan span, std::string& out) {
  char buf[64];
  const int n = std::snprintf(buf, sizeof(buf), "{\"begin\":%u,\"end\":%u}",
                              static_cast<unsigned>(span.begin),
                              static_cast<unsigned>(span.end));
  out.append(buf, static_cast<size_t>(n));
}

void AppendOptionalSpan(const std::optional<ByteSpan>& span, std::string& out) {
  out += '[';
  if (span.has_value()) {
    AppendSpan(*span, out);
  }
  out += ']';
}

// A JSON string as nlohmann's dump writes it (no ASCII escaping of UTF-8,
// invalid bytes replaced). Rule and kind names are plain ASCII and are
// copied; anything else goes through nlohmann.
void AppendJsonString(std::string_view s, std::string& out) {
  for (const char c : s) {
    if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
      out += nlohmann::json(s).dump(-1, ' ', false,
                                    nlohmann::json::error_handler_t::replace);
      return;
    }
  }
  out += '"';
  out.append(s.data(), s.size());
  out += '"';
}

}  // namespace

nlohmann::json ToAttributions(std::string_view text,
                              const std::vector<Statement>& statements) {
  nlohmann::json out = nlohmann::json::array();
  ForEachAttribution(text, statements, [&](const AttributionView& v) {
    nlohmann::json a;
    a["kind"] = std::string(v.kind);
    a["rule"] = std::string(v.rule);
    nlohmann::json source = nlohmann::json::array();
    nlohmann::json cue = nlohmann::json::array();
    nlohmann::json content = nlohmann::json::array();
    if (v.source.has_value()) {
      source.push_back(SpanJson(*v.source));
    }
    if (v.cue.has_value()) {
      cue.push_back(SpanJson(*v.cue));
    }
    content.push_back(SpanJson(v.first_content));
    for (const ByteSpan* span = v.more_begin; span != v.more_end; ++span) {
      content.push_back(SpanJson(*span));
    }
    a["source"] = std::move(source);
    a["cue"] = std::move(cue);
    a["content"] = std::move(content);
    out.push_back(std::move(a));
  });
  return out;
}

size_t AppendAttributions(std::string_view text,
                          const std::vector<Statement>& statements,
                          std::string& out) {
  size_t count = 0;
  out += '[';
  // Keys in nlohmann's (sorted) order: content, cue, kind, rule, source.
  ForEachAttribution(text, statements, [&](const AttributionView& v) {
    if (count++ > 0) {
      out += ',';
    }
    out += "{\"content\":[";
    AppendSpan(v.first_content, out);
    for (const ByteSpan* span = v.more_begin; span != v.more_end; ++span) {
      out += ',';
      AppendSpan(*span, out);
    }
    out += "],\"cue\":";
    AppendOptionalSpan(v.cue, out);
    out += ",\"kind\":";
    AppendJsonString(v.kind, out);
    out += ",\"rule\":";
    AppendJsonString(v.rule, out);
    out += ",\"source\":";
    AppendOptionalSpan(v.source, out);
    out += '}';
  });
  out += ']';
  return count;
}

}  // namespace claimtrack::extract
