#ifndef CLAIMTRACK_TESTS_SUPPORT_RUN_COMMAND_H_
#define CLAIMTRACK_TESTS_SUPPORT_RUN_COMMAND_H_

#include <string>

#include "tests/support/pipeline.h"

namespace claimtrack::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs `command` with /bin/sh and collects what it prints; for tests of the
// command-line tools as users run them.
CommandResult RunShell(const std::string& command);

// Runs the `claimtrack` CLI from the build against `pipeline`'s services as
// analyst "ana", with a wide terminal (tables are not truncated):
// RunClaimtrack(pipeline, "claims list --json").
CommandResult RunClaimtrack(const Pipeline& pipeline, const std::string& arguments);

}  // namespace claimtrack::testing

#endif  // CLAIMTRACK_TESTS_SUPPORT_RUN_COMMAND_H_
