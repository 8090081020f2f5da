#ifndef CLAIMTRACK_CLI_INGEST_COMMAND_H_
#define CLAIMTRACK_CLI_INGEST_COMMAND_H_

#include <CLI/CLI.hpp>

#include "cli/connection.h"

namespace claimtrack::cli {

// `claimtrack ingest [PATH...]`: sends files, folders or stdin to the
// ingestion service. `global` must outlive `app`.
void AddIngestCommand(CLI::App& app, const GlobalOptions& global);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_INGEST_COMMAND_H_
