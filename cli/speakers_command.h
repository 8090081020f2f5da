#ifndef CLAIMTRACK_CLI_SPEAKERS_COMMAND_H_
#define CLAIMTRACK_CLI_SPEAKERS_COMMAND_H_

#include <CLI/CLI.hpp>

#include "cli/connection.h"

namespace claimtrack::cli {

// `claimtrack speakers list|show`. `global` must outlive `app`.
void AddSpeakersCommand(CLI::App& app, const GlobalOptions& global);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_SPEAKERS_COMMAND_H_
