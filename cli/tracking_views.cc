#include "cli/tracking_views.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/output.h"
#include "cli/status_names.h"

namespace claimtrack::cli {
namespace {

namespace v1 = ::claimtrack::verification::v1;

std::string MeaningChangeKindName(v1::MeaningChangeKind kind) {
  switch (kind) {
    case v1::MEANING_CHANGE_KIND_NUMBER:
      return "number";
    case v1::MEANING_CHANGE_KIND_NEGATION:
      return "negation";
    case v1::MEANING_CHANGE_KIND_NAME:
      return "name";
    default:
      return absl::StrCat(static_cast<int>(kind));
  }
}

std::string Or(const std::string& value, const std::string& fallback) {
  return value.empty() ? fallback : value;
}

// "altered (proposed)" while the proposal stands, "yes" once decided.
std::string AlteredCell(bool suspected, v1::AttributionStatus proposed) {
  if (!suspected) return "-";
  if (proposed != v1::ATTRIBUTION_STATUS_UNSPECIFIED) {
    return absl::StrCat("suspected; propose ", AttributionStatusName(proposed));
  }
  return "suspected";
}

}  // namespace

std::string FormatWordDiff(const google::protobuf::RepeatedPtrField<v1::WordDiffSegment>& diff) {
  std::vector<std::string> parts;
  for (const v1::WordDiffSegment& segment : diff) {
    switch (segment.operation()) {
      case v1::WORD_DIFF_OPERATION_DELETE:
        parts.push_back(absl::StrCat("[-", segment.text(), "-]"));
        break;
      case v1::WORD_DIFF_OPERATION_INSERT:
        parts.push_back(absl::StrCat("{+", segment.text(), "+}"));
        break;
      default:
        parts.push_back(segment.text());
        break;
    }
  }
  return absl::StrJoin(parts, " ");
}

std::string FormatMeaningChange(const v1::MeaningChange& change) {
  return absl::StrCat(MeaningChangeKindName(change.kind()), ": ",
                      Or(change.canonical_words(), "(nothing)"), " -> ",
                      Or(change.variant_words(), "(nothing)"));
}

std::string FormatVariantsTable(
    const google::protobuf::RepeatedPtrField<v1::ClaimVariant>& variants, size_t line_width) {
  const std::vector<Column> columns = {
      {"VARIANT"},
      {"SIMILARITY"},
      {"ALTERED QUOTE", 32},
      {"DIFF", kDefaultFillWidth, /*fill=*/true},
  };
  std::vector<std::vector<std::string>> rows;
  for (const v1::ClaimVariant& variant : variants) {
    rows.push_back({variant.claim(), absl::StrFormat("%.2f", variant.similarity()),
                    AlteredCell(variant.altered_quote_suspected(),
                                variant.proposed_attribution_status()),
                    FormatWordDiff(variant.diff())});
  }
  return FormatTable(columns, rows, line_width);
}

std::string FormatSpeakersTable(const google::protobuf::RepeatedPtrField<v1::Speaker>& speakers,
                                size_t line_width) {
  const std::vector<Column> columns = {
      {"NAME"},   {"DISPLAY NAME", 32}, {"TYPE"}, {"CLAIMS"}, {"ROLE", 28},
      {"ALIASES", kDefaultFillWidth, /*fill=*/true},
  };
  std::vector<std::vector<std::string>> rows;
  for (const v1::Speaker& speaker : speakers) {
    // The latest role is the one an analyst most likely needs.
    std::string role = "-";
    int64_t latest = 0;
    for (const v1::SpeakerRole& r : speaker.roles()) {
      if (role == "-" || r.last_seen_time().seconds() >= latest) {
        role = r.role();
        latest = r.last_seen_time().seconds();
      }
    }
    rows.push_back({speaker.name(), speaker.display_name(), SpeakerTypeName(speaker.type()),
                    absl::StrCat(speaker.claim_count()), role,
                    speaker.aliases().empty() ? "-" : absl::StrJoin(speaker.aliases(), "; ")});
  }
  return FormatTable(columns, rows, line_width);
}

std::string FormatSpeakerResource(const v1::Speaker& speaker) {
  std::string out = FormatFields({
      {"name", speaker.name()},
      {"display name", speaker.display_name()},
      {"type", SpeakerTypeName(speaker.type())},
      {"claims", absl::StrCat(speaker.claim_count())},
      {"created", FormatTimestamp(speaker.create_time())},
      {"updated", FormatTimestamp(speaker.update_time())},
  });
  if (!speaker.aliases().empty()) {
    absl::StrAppend(&out, "aliases:\n");
    for (const std::string& alias : speaker.aliases()) absl::StrAppend(&out, "  - ", alias, "\n");
  }
  if (!speaker.roles().empty()) {
    absl::StrAppend(&out, "roles:\n");
    for (const v1::SpeakerRole& role : speaker.roles()) {
      absl::StrAppend(&out, "  - ", role.role());
      if (!role.organization().empty()) absl::StrAppend(&out, ", ", role.organization());
      absl::StrAppend(&out, " (seen ", FormatTimestamp(role.first_seen_time()), " to ",
                      FormatTimestamp(role.last_seen_time()), ")\n");
    }
  }
  return out;
}

std::string FormatClaimTracking(const v1::Claim& claim) {
  std::vector<std::pair<std::string, std::string>> fields = {
      {"speaker resource", claim.speaker_resource()},
      {"publishers", claim.publisher_count() > 0 ? absl::StrCat(claim.publisher_count()) : ""},
      {"first appearance",
       claim.has_first_appearance_time()
           ? absl::StrCat(FormatTimestamp(claim.first_appearance_time()), " in ",
                          claim.first_appearance_document())
           : ""},
      {"variants", claim.variant_count() > 0 ? absl::StrCat(claim.variant_count()) : ""},
  };
  if (claim.has_variant_of()) {
    const v1::ClaimVariant& variant = claim.variant_of();
    fields.push_back({"variant of", absl::StrFormat("%s (similarity %.2f)",
                                                    variant.canonical_claim(),
                                                    variant.similarity())});
    fields.push_back({"diff", FormatWordDiff(variant.diff())});
    std::vector<std::string> changes;
    for (const v1::MeaningChange& change : variant.meaning_changes()) {
      changes.push_back(FormatMeaningChange(change));
    }
    fields.push_back({"meaning changes", absl::StrJoin(changes, "; ")});
  }
  if (claim.altered_quote_suspected()) {
    fields.push_back(
        {"altered quote",
         claim.proposed_attribution_status() != v1::ATTRIBUTION_STATUS_UNSPECIFIED
             ? absl::StrCat("suspected: proposed attribution ",
                            AttributionStatusName(claim.proposed_attribution_status()),
                            " (confirm with `claims review --attribution ",
                            AttributionStatusName(claim.proposed_attribution_status()), "`)")
             : "suspected (attribution already reviewed)"});
  }
  // Indented under the "tracking:" heading the claim view prints.
  std::string out;
  for (absl::string_view line : absl::StrSplit(FormatFields(fields), '\n', absl::SkipEmpty())) {
    absl::StrAppend(&out, "  ", line, "\n");
  }
  return out;
}

}  // namespace claimtrack::cli
