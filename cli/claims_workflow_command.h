#ifndef CLAIMTRACK_CLI_CLAIMS_WORKFLOW_COMMAND_H_
#define CLAIMTRACK_CLI_CLAIMS_WORKFLOW_COMMAND_H_

#include <CLI/CLI.hpp>

#include "cli/connection.h"

namespace claimtrack::cli {

// The workflow subcommands of `claimtrack claims`: add-evidence, assign,
// unassign, publish, reopen, verify-history, export-claimreview, watch.
// `global` must outlive `claims`.
void AddClaimsWorkflowCommands(CLI::App& claims, const GlobalOptions& global);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_CLAIMS_WORKFLOW_COMMAND_H_
