#ifndef CLAIMTRACK_COMMON_CONFIG_FLAGS_H_
#define CLAIMTRACK_COMMON_CONFIG_FLAGS_H_

#include <string>
#include <vector>

namespace claimtrack {

// Parses the command line into the Abseil flags defined by the binary's
// main.cc, after applying environment overrides: a flag `--foo_bar` takes its
// value from CLAIMTRACK_FOO_BAR when that variable is set. Precedence:
// command line > environment > default. Exits with a message naming the
// variable when an environment value does not parse. Returns the positional
// arguments.
std::vector<char*> ParseFlagsWithEnv(int argc, char** argv,
                                     const std::string& usage);

// The environment variable that overrides `flag_name`.
std::string EnvVarForFlag(const std::string& flag_name);

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_CONFIG_FLAGS_H_
