#ifndef CLAIMTRACK_CLI_CLAIMS_COMMAND_H_
#define CLAIMTRACK_CLI_CLAIMS_COMMAND_H_

#include <CLI/CLI.hpp>

#include "cli/connection.h"

namespace claimtrack::cli {

// `claimtrack claims list|show|history|review`. `global` must outlive `app`.
void AddClaimsCommand(CLI::App& app, const GlobalOptions& global);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_CLAIMS_COMMAND_H_
