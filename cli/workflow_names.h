#ifndef CLAIMTRACK_CLI_WORKFLOW_NAMES_H_
#define CLAIMTRACK_CLI_WORKFLOW_NAMES_H_

// CLI names of the workflow enums (evidence stance, history action, change
// type), like status_names.h: short lower-case names that can be typed back.

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"

namespace claimtrack::cli {

// "supports", "refutes", "context".
std::vector<std::string> EvidenceStanceNames();
std::optional<verification::v1::EvidenceStance> ParseEvidenceStance(absl::string_view name);
// "-" for UNSPECIFIED.
std::string EvidenceStanceName(verification::v1::EvidenceStance stance);

// "status", "evidence", "assignment", "publish", "reopen".
std::string HistoryActionName(verification::v1::HistoryAction action);

// "claim-created", "appearance-added", "status-changed", ...
std::string ClaimChangeTypeName(verification::v1::ClaimChangeType type);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_WORKFLOW_NAMES_H_
