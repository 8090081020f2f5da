// The analyst CLI against the real services: what an analyst types, what
// they get back.


#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "common/testing/status_matchers.h"
#include "tests/support/pipeline.h"
#include "tests/support/run_command.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::Pipeline;
using ::claimtrack::testing::CommandResult;
using ::claimtrack::testing::RunShell;
using ::testing::HasSubstr;

class CliEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pipeline = Pipeline::Start(testing::MakeWorkDir("cli"));
    ASSERT_THAT(pipeline, IsOk());
    pipeline_ = std::move(*pipeline);
  }

  CommandResult Claimtrack(const std::string& arguments) {
    return testing::RunClaimtrack(*pipeline_, arguments);
  }

  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(CliEndToEndTest, IngestFindReviewAndReadTheHistory) {
  const CommandResult ingest = Claimtrack(absl::StrCat(
      "ingest --wait --publisher 'Network Today' --url https://network-today.example/icpa ",
      CLAIMTRACK_SOURCE_DIR, "/examples/articles/icpa-withdrawal.txt"));
  ASSERT_EQ(ingest.exit_code, 0) << ingest.output << pipeline_->Logs();
  EXPECT_THAT(ingest.output, HasSubstr("documents/"));

  const CommandResult list = Claimtrack("claims list --speaker 'Merrick Garland' --json");
  ASSERT_EQ(list.exit_code, 0) << list.output;
  const nlohmann::json claims = nlohmann::json::parse(list.output);
  ASSERT_EQ(claims["claims"].size(), 1u) << list.output;
  const nlohmann::json& claim = claims["claims"][0];
  EXPECT_EQ(claim["text"], "There is no hiding place for war criminals");
  const std::string name = claim["name"];

  const CommandResult table = Claimtrack("claims list --speaker Garland");
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr("Merrick Garland"));

  const CommandResult review =
      Claimtrack("claims review " + name + " --verdict in-review --note 'checking the 2022 remarks'"
                 " --evidence 'https://www.justice.gov/remarks=DOJ remarks'");
  ASSERT_EQ(review.exit_code, 0) << review.output;

  const CommandResult history = Claimtrack("claims history " + name + " --json");
  ASSERT_EQ(history.exit_code, 0) << history.output;
  const nlohmann::json entries = nlohmann::json::parse(history.output);
  ASSERT_EQ(entries["historyEntries"].size(), 1u) << history.output;
  EXPECT_EQ(entries["historyEntries"][0]["actor"], "ana");
  EXPECT_EQ(entries["historyEntries"][0]["toVerdict"], "VERDICT_IN_REVIEW");
  EXPECT_EQ(entries["historyEntries"][0]["note"], "checking the 2022 remarks");
}

TEST_F(CliEndToEndTest, AnUnreachableServiceIsNamed) {
  const CommandResult result = RunShell(
      absl::StrCat(CLAIMTRACK_BIN_DIR, "/claimtrack --timeout 2s --verification 127.0.0.1:1 "
                                       "claims list"));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.output, HasSubstr("127.0.0.1:1"));
  EXPECT_THAT(result.output, HasSubstr("--verification"));
}

}  // namespace
}  // namespace claimtrack
