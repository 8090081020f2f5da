#include "cli/views.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/output.h"
#include "cli/status_names.h"
#include "cli/workflow_names.h"

namespace claimtrack::cli {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string Quoted(const type::v1::TextSpan& span) {
  if (span.text().empty()) {
    return "";
  }
  std::string text = absl::StrCat("\"", SingleLine(span.text()), "\"");
  // Offsets let an analyst find the words in `documents show --text`;
  // an empty span means the service did not give one.
  if (span.span().end() > span.span().begin()) {
    absl::StrAppend(&text, " (bytes ", span.span().begin(), "-",
                    span.span().end(), ")");
  }
  return text;
}

std::string Indent(const std::string& text, const std::string& prefix) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    out.append(prefix);
    out.append(text, start, end - start);
    out.push_back('\n');
    start = end + 1;
  }
  return out;
}

std::string FormatRelay(const type::v1::Relay& relay) {
  if (relay.mention().text().empty() && relay.speaker().name().empty()) {
    return "";
  }
  std::string text = relay.speaker().name().empty()
                         ? SingleLine(relay.mention().text())
                         : FormatSpeaker(relay.speaker());
  if (!relay.cue().text().empty()) {
    absl::StrAppend(&text, ", cue \"", SingleLine(relay.cue().text()), "\"");
  }
  return text;
}

std::string FormatEvidence(const google::protobuf::RepeatedPtrField<
                               verification::v1::Evidence>& evidence,
                           const std::string& prefix) {
  std::string out;
  for (const auto& item : evidence) {
    absl::StrAppend(&out, prefix, "- ", item.url());
    if (!item.description().empty()) {
      absl::StrAppend(&out, " (", SingleLine(item.description()), ")");
    }
    if (item.stance() != verification::v1::EVIDENCE_STANCE_UNSPECIFIED) {
      absl::StrAppend(&out, " [", EvidenceStanceName(item.stance()), "]");
    }
    if (!item.archive_sha256().empty()) {
      absl::StrAppend(&out, " archive sha256 ", item.archive_sha256());
    }
    out.push_back('\n');
  }
  return out;
}

// The name, or for an unnamed speaker what kind it is: "(anonymous)" says
// more than a dash when sources are unnamed.
std::string SpeakerCell(const type::v1::Speaker& speaker) {
  if (!speaker.name().empty()) {
    return speaker.name();
  }
  if (speaker.type() != type::v1::SPEAKER_TYPE_UNSPECIFIED) {
    return absl::StrCat("(", SpeakerTypeName(speaker.type()), ")");
  }
  return "-";
}

}  // namespace

std::string FormatSpeaker(const type::v1::Speaker& speaker) {
  std::string text = speaker.name().empty() ? "-" : speaker.name();
  std::vector<std::string> details;
  if (speaker.type() != type::v1::SPEAKER_TYPE_UNSPECIFIED) {
    details.push_back(SpeakerTypeName(speaker.type()));
  }
  std::vector<std::string> role;
  if (!speaker.role().empty()) {
    role.push_back(speaker.role());
  }
  if (!speaker.organization().empty()) {
    role.push_back(speaker.organization());
  }
  if (!role.empty()) {
    details.push_back(absl::StrJoin(role, ", "));
  }
  if (!speaker.aliases().empty()) {
    details.push_back(
        absl::StrCat("also ", absl::StrJoin(speaker.aliases(), ", ")));
  }
  if (!details.empty()) {
    absl::StrAppend(&text, " (", absl::StrJoin(details, "; "), ")");
  }
  return text;
}

std::string FormatDocumentsTable(
    const google::protobuf::RepeatedPtrField<Document>& documents,
    size_t line_width) {
  const std::vector<Column> columns = {
      {"NAME"},
      {"STATE"},
      {"REV"},
      {"STATEMENTS"},
      {"CREATED"},
      {"PUBLISHER", 24},
      {"TITLE / URL", kDefaultFillWidth, /*fill=*/true},
  };
  std::vector<std::vector<std::string>> rows;
  rows.reserve(documents.size());
  for (const Document& document : documents) {
    const auto& source = document.source();
    rows.push_back({
        document.name(),
        ProcessingStateName(document.state()),
        absl::StrCat(document.revision()),
        absl::StrCat(document.statement_count()),
        FormatTimestamp(document.create_time()),
        source.publisher().empty() ? "-" : source.publisher(),
        !source.title().empty() ? source.title()
        : !source.url().empty() ? source.url()
                                : "-",
    });
  }
  return FormatTable(columns, rows, line_width);
}

std::string FormatClaimsTable(
    const google::protobuf::RepeatedPtrField<Claim>& claims,
    size_t line_width) {
  const std::vector<Column> columns = {
      {"NAME"},        {"KIND"},
      {"SPEAKER", 24}, {"ROLE", 20},
      {"ATTRIBUTION"}, {"VERDICT"},
      {"APPEARANCES"}, {"TEXT", kDefaultFillWidth, /*fill=*/true},
  };
  std::vector<std::vector<std::string>> rows;
  rows.reserve(claims.size());
  for (const Claim& claim : claims) {
    const auto& speaker = claim.speaker();
    rows.push_back({
        claim.name(),
        StatementKindName(claim.kind()),
        SpeakerCell(speaker),
        speaker.role().empty() ? "-" : speaker.role(),
        AttributionStatusName(claim.attribution_status()),
        VerdictName(claim.verdict()),
        absl::StrCat(claim.appearance_count()),
        claim.text(),
    });
  }
  return FormatTable(columns, rows, line_width);
}

std::string FormatHistoryTable(
    const google::protobuf::RepeatedPtrField<HistoryEntry>& entries,
    size_t line_width) {
  const std::vector<Column> columns = {
      {"ENTRY"},
      {"TIME"},
      {"ACTOR", 20},
      {"FIELD"},
      {"CHANGE"},
      {"EVIDENCE"},
      {"NOTE", kDefaultFillWidth, /*fill=*/true},
  };
  std::vector<std::vector<std::string>> rows;
  rows.reserve(entries.size());
  for (const HistoryEntry& entry : entries) {
    std::string change;
    switch (entry.field()) {
      case verification::v1::STATUS_FIELD_ATTRIBUTION:
        change = absl::StrCat(
            AttributionStatusName(entry.from_attribution_status()), " -> ",
            AttributionStatusName(entry.to_attribution_status()));
        break;
      case verification::v1::STATUS_FIELD_VERDICT:
        change = absl::StrCat(VerdictName(entry.from_verdict()), " -> ",
                              VerdictName(entry.to_verdict()));
        break;
      default:
        change = "-";
        if (entry.action() == verification::v1::HISTORY_ACTION_ASSIGNMENT) {
          change = absl::StrCat(entry.from_assignee().empty() ? "-" : entry.from_assignee(),
                                " -> ", entry.to_assignee().empty() ? "-" : entry.to_assignee());
        }
        break;
    }
    // The entry number is the last segment of
    // "claims/{claim}/historyEntries/{entry}"; the claim is already known.
    const size_t slash = entry.name().rfind('/');
    rows.push_back({
        slash == std::string::npos ? entry.name()
                                   : entry.name().substr(slash + 1),
        FormatTimestamp(entry.create_time()),
        entry.actor().empty() ? "-" : entry.actor(),
        entry.field() != verification::v1::STATUS_FIELD_UNSPECIFIED
            ? StatusFieldName(entry.field())
            : HistoryActionName(entry.action()),
        change,
        absl::StrCat(entry.evidence_size()),
        entry.note().empty() ? "-" : entry.note(),
    });
  }
  return FormatTable(columns, rows, line_width);
}

std::string FormatDocument(const Document& document) {
  const auto& source = document.source();
  std::string revision = absl::StrCat(document.revision());
  if (!document.previous_revision().empty()) {
    absl::StrAppend(&revision, " (previous: ", document.previous_revision(),
                    ")");
  }
  const Fields fields = {
      {"name", document.name()},
      {"state", ProcessingStateName(document.state())},
      {"failure reason", document.failure_reason()},
      {"publisher", source.publisher()},
      {"url", source.url()},
      {"title", source.title()},
      {"authors", absl::StrJoin(source.authors(), ", ")},
      {"published",
       source.has_publish_time() ? FormatTimestamp(source.publish_time()) : ""},
      {"revision", revision},
      {"content sha256", document.content_sha256()},
      {"statements", absl::StrCat(document.statement_count())},
      {"attempts", absl::StrCat(document.attempt_count())},
      {"boilerplate",
       document.removed_boilerplate().empty()
           ? ""
           : absl::StrCat(document.removed_boilerplate_size(),
                          document.removed_boilerplate_size() == 1
                              ? " line removed"
                              : " lines removed")},
      {"created", FormatTimestamp(document.create_time())},
      {"updated", FormatTimestamp(document.update_time())},
  };
  std::string out = FormatFields(fields);
  if (!document.text().empty()) {
    absl::StrAppend(&out, "\n", document.text());
    if (document.text().back() != '\n') {
      out.push_back('\n');
    }
  }
  return out;
}

std::string FormatClaim(const Claim& claim) {
  const Fields fields = {
      {"name", claim.name()},
      {"kind", StatementKindName(claim.kind())},
      {"speaker", FormatSpeaker(claim.speaker())},
      {"attribution", AttributionStatusName(claim.attribution_status())},
      {"verdict", VerdictName(claim.verdict())},
      {"verdict note", SingleLine(claim.verdict_note())},
      {"assignee", claim.assignee()},
      {"published", claim.published()
                        ? absl::StrCat("yes, locked (", FormatTimestamp(claim.publish_time()), ")")
                        : ""},
      {"appearances", absl::StrCat(claim.appearance_count())},
      {"etag", claim.etag()},
      {"created", FormatTimestamp(claim.create_time())},
      {"updated", FormatTimestamp(claim.update_time())},
  };
  std::string out = FormatFields(fields);
  absl::StrAppend(&out, "\ntext:\n", Indent(claim.text(), "  "));
  if (!claim.evidence().empty()) {
    absl::StrAppend(&out, "\nevidence:\n",
                    FormatEvidence(claim.evidence(), "  "));
  }
  int number = 0;
  for (const auto& appearance : claim.appearances()) {
    const auto& source = appearance.source();
    absl::StrAppend(&out, "\nappearance ", ++number, ":\n");
    const Fields appearance_fields = {
        {"document", appearance.document()},
        {"publisher", source.publisher()},
        {"url", source.url()},
        {"title", source.title()},
        {"mention", Quoted(appearance.mention())},
        {"cue", Quoted(appearance.cue())},
        {"context", Quoted(appearance.context())},
        {"relay", FormatRelay(appearance.relay())},
        // Shown only when this article words it differently from the claim.
        {"content", appearance.content() == claim.text()
                        ? ""
                        : SingleLine(appearance.content())},
        {"confidence", absl::StrCat(appearance.confidence())},
        {"rule", appearance.rule()},
        {"recorded", FormatTimestamp(appearance.record_time())},
    };
    absl::StrAppend(&out, Indent(FormatFields(appearance_fields), "  "));
  }
  return out;
}

std::string FormatIngestLine(
    const ingestion::v1::IngestArticleResponse& response,
    const std::string& path) {
  std::string line = response.document().name();
  absl::StrAppend(&line, "  ", response.created() ? "created " : "existing",
                  "  ");
  std::string state = ProcessingStateName(response.document().state());
  state.resize(std::max<size_t>(state.size(), 10), ' ');
  absl::StrAppend(&line, state, "  ", path);
  return line;
}

}  // namespace claimtrack::cli
