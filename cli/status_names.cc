#include "cli/status_names.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace claimtrack::cli {
namespace {

template <typename Enum>
struct NamedValue {
  Enum value;
  const char* name;
};

// Explicit tables rather than names derived from the descriptors: the CLI
// names are shorter than the proto names for statement kinds ("indirect" for
// REPORTED_SPEECH), and a renamed proto value must not silently rename a
// flag value scripts depend on.
constexpr NamedValue<ProcessingState> kProcessingStates[] = {
    {ingestion::v1::PROCESSING_STATE_RECEIVED, "received"},
    {ingestion::v1::PROCESSING_STATE_EXTRACTING, "extracting"},
    {ingestion::v1::PROCESSING_STATE_DONE, "done"},
    {ingestion::v1::PROCESSING_STATE_FAILED, "failed"},
};

constexpr NamedValue<AttributionStatus> kAttributionStatuses[] = {
    {verification::v1::ATTRIBUTION_STATUS_UNCHECKED, "unchecked"},
    {verification::v1::ATTRIBUTION_STATUS_CONFIRMED, "confirmed"},
    {verification::v1::ATTRIBUTION_STATUS_MISATTRIBUTED, "misattributed"},
    {verification::v1::ATTRIBUTION_STATUS_ALTERED, "altered"},
};

constexpr NamedValue<Verdict> kVerdicts[] = {
    {verification::v1::VERDICT_UNVERIFIED, "unverified"},
    {verification::v1::VERDICT_IN_REVIEW, "in-review"},
    {verification::v1::VERDICT_TRUE, "true"},
    {verification::v1::VERDICT_MOSTLY_TRUE, "mostly-true"},
    {verification::v1::VERDICT_MISLEADING, "misleading"},
    {verification::v1::VERDICT_FALSE, "false"},
    {verification::v1::VERDICT_UNVERIFIABLE, "unverifiable"},
    {verification::v1::VERDICT_NOT_CHECKABLE, "not-checkable"},
};

constexpr NamedValue<StatementKind> kStatementKinds[] = {
    {type::v1::STATEMENT_KIND_DIRECT_QUOTE, "direct"},
    {type::v1::STATEMENT_KIND_PARTIAL_QUOTE, "partial"},
    {type::v1::STATEMENT_KIND_REPORTED_SPEECH, "indirect"},
    {type::v1::STATEMENT_KIND_FACTUAL_CLAIM, "factual"},
};

constexpr NamedValue<SpeakerType> kSpeakerTypes[] = {
    {type::v1::SPEAKER_TYPE_PERSON, "person"},
    {type::v1::SPEAKER_TYPE_ORGANIZATION, "organization"},
    {type::v1::SPEAKER_TYPE_ANONYMOUS, "anonymous"},
    {type::v1::SPEAKER_TYPE_DOCUMENT, "document"},
};

constexpr NamedValue<StatusField> kStatusFields[] = {
    {verification::v1::STATUS_FIELD_ATTRIBUTION, "attribution"},
    {verification::v1::STATUS_FIELD_VERDICT, "verdict"},
};

template <typename Enum, size_t N>
std::vector<std::string> Names(const NamedValue<Enum> (&table)[N]) {
  std::vector<std::string> names;
  names.reserve(N);
  for (const auto& entry : table) {
    names.emplace_back(entry.name);
  }
  return names;
}

template <typename Enum, size_t N>
std::optional<Enum> Parse(const NamedValue<Enum> (&table)[N],
                          absl::string_view name) {
  const std::string normalized = absl::StrReplaceAll(
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(name)), {{"_", "-"}});
  for (const auto& entry : table) {
    if (normalized == entry.name) {
      return entry.value;
    }
  }
  return std::nullopt;
}

template <typename Enum, size_t N>
std::string Name(const NamedValue<Enum> (&table)[N], Enum value) {
  if (static_cast<int>(value) == 0) {
    return "-";
  }
  for (const auto& entry : table) {
    if (entry.value == value) {
      return entry.name;
    }
  }
  return absl::StrCat(static_cast<int>(value));
}

}  // namespace

std::vector<std::string> ProcessingStateNames() {
  return Names(kProcessingStates);
}
std::vector<std::string> AttributionStatusNames() {
  return Names(kAttributionStatuses);
}
std::vector<std::string> VerdictNames() { return Names(kVerdicts); }
std::vector<std::string> StatementKindNames() { return Names(kStatementKinds); }

std::optional<ProcessingState> ParseProcessingState(absl::string_view name) {
  return Parse(kProcessingStates, name);
}
std::optional<AttributionStatus> ParseAttributionStatus(
    absl::string_view name) {
  return Parse(kAttributionStatuses, name);
}
std::optional<Verdict> ParseVerdict(absl::string_view name) {
  return Parse(kVerdicts, name);
}
std::optional<StatementKind> ParseStatementKind(absl::string_view name) {
  return Parse(kStatementKinds, name);
}

std::string ProcessingStateName(ProcessingState state) {
  return Name(kProcessingStates, state);
}
std::string AttributionStatusName(AttributionStatus status) {
  return Name(kAttributionStatuses, status);
}
std::string VerdictName(Verdict verdict) { return Name(kVerdicts, verdict); }
std::string StatementKindName(StatementKind kind) {
  return Name(kStatementKinds, kind);
}
std::string SpeakerTypeName(SpeakerType type) {
  return Name(kSpeakerTypes, type);
}
std::string StatusFieldName(StatusField field) {
  return Name(kStatusFields, field);
}

}  // namespace claimtrack::cli
