#include "common/config/flags.h"

#include <cstdio>
#include <cstdlib>

#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"

namespace claimtrack {

std::string EnvVarForFlag(const std::string& flag_name) {
  return "CLAIMTRACK_" + absl::AsciiStrToUpper(flag_name);
}

std::vector<char*> ParseFlagsWithEnv(int argc, char** argv,
                                     const std::string& usage) {
  absl::SetProgramUsageMessage(usage);
  for (const auto& [name, flag] : absl::GetAllFlags()) {
    const std::string variable = EnvVarForFlag(std::string(name));
    const char* value = std::getenv(variable.c_str());
    if (value == nullptr) {
      continue;
    }
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      std::fprintf(stderr, "invalid value for %s (flag --%s): %s\n",
                   variable.c_str(), std::string(name).c_str(), error.c_str());
      std::exit(2);
    }
  }
  return absl::ParseCommandLine(argc, argv);
}

}  // namespace claimtrack
