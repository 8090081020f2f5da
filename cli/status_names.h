#ifndef CLAIMTRACK_CLI_STATUS_NAMES_H_
#define CLAIMTRACK_CLI_STATUS_NAMES_H_

// The short lower-case names the CLI uses for the API's enums, in both
// directions. Analysts type "mostly-true", not "VERDICT_MOSTLY_TRUE"; the
// same names appear in tables so what is printed can be typed back as a
// filter. UNSPECIFIED has no name: as a filter it means "any", which is
// what leaving the option out says.

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "claimtrack/ingestion/v1/ingestion_service.pb.h"
#include "claimtrack/type/v1/statement.pb.h"
#include "claimtrack/verification/v1/verification_service.pb.h"

namespace claimtrack::cli {

using ::claimtrack::ingestion::v1::ProcessingState;
using ::claimtrack::type::v1::SpeakerType;
using ::claimtrack::type::v1::StatementKind;
using ::claimtrack::verification::v1::AttributionStatus;
using ::claimtrack::verification::v1::StatusField;
using ::claimtrack::verification::v1::Verdict;

// Names accepted on the command line, in enum order (for --help and checks).
std::vector<std::string> ProcessingStateNames();
std::vector<std::string> AttributionStatusNames();
std::vector<std::string> VerdictNames();
std::vector<std::string> StatementKindNames();

// Parses a name (case-insensitive; '_' accepted for '-'); nullopt if unknown.
std::optional<ProcessingState> ParseProcessingState(absl::string_view name);
std::optional<AttributionStatus> ParseAttributionStatus(absl::string_view name);
std::optional<Verdict> ParseVerdict(absl::string_view name);
std::optional<StatementKind> ParseStatementKind(absl::string_view name);

// The CLI name of a value; "-" for UNSPECIFIED and the number for values
// this build does not know (a newer server).
std::string ProcessingStateName(ProcessingState state);
std::string AttributionStatusName(AttributionStatus status);
std::string VerdictName(Verdict verdict);
std::string StatementKindName(StatementKind kind);
std::string SpeakerTypeName(SpeakerType type);
std::string StatusFieldName(StatusField field);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_STATUS_NAMES_H_
