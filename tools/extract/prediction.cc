#include "tools/extract/prediction.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace claimtrack::extract {
namespace {

using engine::ByteSpan;
using engine::Statement;
using engine::StatementKind;

// Appends `spans` as [{"begin":B,"end":E},...].
template <typename Spans>
void AppendSpans(const Spans& spans, std::string& line) {
  line += '[';
  for (size_t i = 0; i < spans.size(); ++i) {
    char buf[48];
    const int n =
        std::snprintf(buf, sizeof(buf), "%s{\"begin\":%u,\"end\":%u}",
                      i == 0 ? "" : ",", spans[i].begin, spans[i].end);
    line.append(buf, static_cast<size_t>(n));
  }
  line += ']';
}

// Appends `s` as a JSON string. Kinds and rule names are ASCII
// identifiers; quotes, backslashes and control bytes are escaped all the
// same.
void AppendString(std::string_view s, std::string& line) {
  line += '"';
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      line += '\\';
      line += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\u%04x", c);
      line += buf;
    } else {
      line += c;
    }
  }
  line += '"';
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

void ToAttributions(std::string_view text,
                    const std::vector<Statement>& statements,
                    std::vector<Attribution>& out) {
  out.clear();
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
    Attribution& a = out.emplace_back();
    a.kind = engine::StatementKindName(s.kind);
    a.rule = s.rule;
    a.negated = s.negated;
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
      a.source.push_back(s.relay->mention.span);
      a.cue.push_back(s.relay->cue.span);
      a.content.push_back({begin, end});
      a.kind = "indirect";
      continue;
    }
    if (s.mention.has_value() && !SourcelessByConvention(s)) {
      a.source.push_back(SourceSpan(text, s));
    } else if (s.antecedent.has_value()) {
      // The corpus names the nearest mention of a quote's speaker.
      a.source.push_back(s.antecedent->span);
    }
    if (s.cue.has_value()) {
      a.cue.push_back(s.cue->span);
    }
    for (size_t i = 0; i < s.content_spans.size(); ++i) {
      ByteSpan span = s.content_spans[i];
      // The corpus counts "that" as content ("said that X").
      if (i == 0 && s.complementizer.has_value() &&
          s.complementizer->begin < span.begin) {
        span.begin = s.complementizer->begin;
      }
      a.content.push_back(span);
    }
  }
}

void AppendPredictionLine(const std::vector<Attribution>& attributions,
                          std::string_view doc_id_json, std::string& line) {
  line += "{\"attributions\":[";
  for (size_t i = 0; i < attributions.size(); ++i) {
    const Attribution& a = attributions[i];
    line += i == 0 ? "{\"content\":" : ",{\"content\":";
    AppendSpans(a.content, line);
    line += ",\"cue\":";
    AppendSpans(a.cue, line);
    line += ",\"kind\":";
    AppendString(a.kind, line);
    if (a.negated) {
      line += ",\"negated\":true";
    }
    line += ",\"rule\":";
    AppendString(a.rule, line);
    line += ",\"source\":";
    AppendSpans(a.source, line);
    line += '}';
  }
  line += "],\"doc_id\":";
  line += doc_id_json;
  line += "}\n";
}

}  // namespace claimtrack::extract
