#include "tests/support/run_command.h"

#include <sys/wait.h>

#include <cstdio>

#include "absl/strings/str_cat.h"

namespace claimtrack::testing {

CommandResult RunShell(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) {
    return result;
  }
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof(buffer), pipe)) > 0) {
    result.output.append(buffer, read);
  }
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

CommandResult RunClaimtrack(const Pipeline& pipeline, const std::string& arguments) {
  return RunShell(absl::StrCat("COLUMNS=200 ", CLAIMTRACK_BIN_DIR,
                               "/claimtrack --analyst ana --ingestion ",
                               pipeline.address(Pipeline::Service::kIngestion), " --verification ",
                               pipeline.address(Pipeline::Service::kVerification), " ",
                               arguments));
}

}  // namespace claimtrack::testing
