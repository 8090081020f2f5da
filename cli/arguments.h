#ifndef CLAIMTRACK_CLI_ARGUMENTS_H_
#define CLAIMTRACK_CLI_ARGUMENTS_H_

// Parsing of option values that CLI11 cannot check on its own. Each returns
// INVALID_ARGUMENT with a message naming the option, which the caller prints
// as a usage error.

#include <google/protobuf/timestamp.pb.h>

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "claimtrack/verification/v1/verification_service.pb.h"

namespace claimtrack::cli {

// "30" (seconds), "30s", "1.5m", "500ms": a positive duration for --timeout.
absl::StatusOr<absl::Duration> ParseTimeout(absl::string_view text);

// An RFC 3339 time for --published ("2024-05-01T12:00:00Z",
// "2024-05-01T14:00:00+02:00") or a bare date ("2024-05-01", midnight UTC).
absl::StatusOr<google::protobuf::Timestamp> ParsePublishTime(
    absl::string_view text);

// "URL" or "URL=DESCRIPTION" for --evidence. URLs contain '=' in their query
// ("?id=7"), so the description starts at the first '=' that cannot belong to
// the URL: one before any '?', one after a '#', or a second '=' within one
// query parameter ("?id=7=Transcript"). The URL must be http(s).
absl::StatusOr<verification::v1::Evidence> ParseEvidence(
    absl::string_view text);

// "claims/abc" stays as is; a bare "abc" becomes "claims/abc", so analysts
// can paste either form. `collection` is "claims" or "documents".
std::string QualifyName(absl::string_view name, absl::string_view collection);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_ARGUMENTS_H_
