#ifndef CLAIMTRACK_TESTS_SUPPORT_RUN_COMMAND_H_
#define CLAIMTRACK_TESTS_SUPPORT_RUN_COMMAND_H_

#include <string>

namespace claimtrack::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs `command` with /bin/sh and collects what it prints; for tests of the
// command-line tools as users run them.
CommandResult RunShell(const std::string& command);

}  // namespace claimtrack::testing

#endif  // CLAIMTRACK_TESTS_SUPPORT_RUN_COMMAND_H_
