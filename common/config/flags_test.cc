#include "common/config/flags.h"

#include <cstdlib>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "absl/flags/flag.h"

ABSL_FLAG(std::string, flags_test_address, "default:1", "For flags_test only.");
ABSL_FLAG(int, flags_test_limit, 7, "For flags_test only.");

namespace claimtrack {
namespace {

TEST(FlagsTest, EnvironmentOverridesDefaultsAndTheCommandLineOverridesBoth) {
  EXPECT_EQ(EnvVarForFlag("flags_test_address"), "CLAIMTRACK_FLAGS_TEST_ADDRESS");
  setenv("CLAIMTRACK_FLAGS_TEST_ADDRESS", "from-env:2", /*overwrite=*/1);
  setenv("CLAIMTRACK_FLAGS_TEST_LIMIT", "42", /*overwrite=*/1);
  std::vector<std::string> storage = {"program", "--flags_test_limit=9", "positional"};
  std::vector<char*> argv;
  for (std::string& arg : storage) {
    argv.push_back(arg.data());
  }
  const std::vector<char*> rest =
      ParseFlagsWithEnv(static_cast<int>(argv.size()), argv.data(), "flags_test");
  EXPECT_EQ(absl::GetFlag(FLAGS_flags_test_address), "from-env:2");
  EXPECT_EQ(absl::GetFlag(FLAGS_flags_test_limit), 9);
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_STREQ(rest[1], "positional");
  unsetenv("CLAIMTRACK_FLAGS_TEST_ADDRESS");
  unsetenv("CLAIMTRACK_FLAGS_TEST_LIMIT");
}

}  // namespace
}  // namespace claimtrack
