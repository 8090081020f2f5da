#ifndef CLAIMTRACK_CLI_CLAIMS_TRACKING_COMMAND_H_
#define CLAIMTRACK_CLI_CLAIMS_TRACKING_COMMAND_H_

#include <CLI/CLI.hpp>

#include "cli/connection.h"

namespace claimtrack::cli {

// `claimtrack claims variants|search`, added to the `claims` command.
// `global` must outlive `claims`.
void AddClaimsTrackingCommands(CLI::App& claims, const GlobalOptions& global);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_CLAIMS_TRACKING_COMMAND_H_
