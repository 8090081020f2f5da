#include "cli/workflow_names.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace claimtrack::cli {
namespace {

namespace v1 = ::claimtrack::verification::v1;

template <typename Enum>
struct NamedValue {
  Enum value;
  const char* name;
};

constexpr NamedValue<v1::EvidenceStance> kStances[] = {
    {v1::EVIDENCE_STANCE_SUPPORTS, "supports"},
    {v1::EVIDENCE_STANCE_REFUTES, "refutes"},
    {v1::EVIDENCE_STANCE_CONTEXT, "context"},
};

constexpr NamedValue<v1::HistoryAction> kActions[] = {
    {v1::HISTORY_ACTION_STATUS_CHANGE, "status"},  {v1::HISTORY_ACTION_EVIDENCE, "evidence"},
    {v1::HISTORY_ACTION_ASSIGNMENT, "assignment"}, {v1::HISTORY_ACTION_PUBLISH, "publish"},
    {v1::HISTORY_ACTION_REOPEN, "reopen"},
};

constexpr NamedValue<v1::ClaimChangeType> kChangeTypes[] = {
    {v1::CLAIM_CHANGE_TYPE_CLAIM_CREATED, "claim-created"},
    {v1::CLAIM_CHANGE_TYPE_APPEARANCE_ADDED, "appearance-added"},
    {v1::CLAIM_CHANGE_TYPE_STATUS_CHANGED, "status-changed"},
    {v1::CLAIM_CHANGE_TYPE_EVIDENCE_ADDED, "evidence-added"},
    {v1::CLAIM_CHANGE_TYPE_ASSIGNMENT_CHANGED, "assignment-changed"},
    {v1::CLAIM_CHANGE_TYPE_PUBLISHED, "published"},
    {v1::CLAIM_CHANGE_TYPE_REOPENED, "reopened"},
};

// "-" for UNSPECIFIED (0), the number for a value this build does not know.
template <typename Enum, size_t N>
std::string Name(const NamedValue<Enum> (&table)[N], Enum value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return value == 0 ? "-" : absl::StrCat(static_cast<int>(value));
}

}  // namespace

std::vector<std::string> EvidenceStanceNames() {
  std::vector<std::string> names;
  for (const auto& entry : kStances) names.emplace_back(entry.name);
  return names;
}

std::optional<v1::EvidenceStance> ParseEvidenceStance(absl::string_view name) {
  const std::string lower = absl::AsciiStrToLower(name);
  for (const auto& entry : kStances) {
    if (lower == entry.name) return entry.value;
  }
  return std::nullopt;
}

std::string EvidenceStanceName(v1::EvidenceStance stance) { return Name(kStances, stance); }

std::string HistoryActionName(v1::HistoryAction action) { return Name(kActions, action); }

std::string ClaimChangeTypeName(v1::ClaimChangeType type) { return Name(kChangeTypes, type); }

}  // namespace claimtrack::cli
