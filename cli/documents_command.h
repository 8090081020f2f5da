#ifndef CLAIMTRACK_CLI_DOCUMENTS_COMMAND_H_
#define CLAIMTRACK_CLI_DOCUMENTS_COMMAND_H_

#include <CLI/CLI.hpp>

#include "cli/connection.h"

namespace claimtrack::cli {

// `claimtrack documents list|show`. `global` must outlive `app`.
void AddDocumentsCommand(CLI::App& app, const GlobalOptions& global);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_DOCUMENTS_COMMAND_H_
