// The analyst session of the README through the CLI against the real
// services: find Garland's claim, confirm it, add evidence, set a verdict,
// publish (and meet the lock), export ClaimReview, verify the history
// chain, assign, and watch the change feed.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/testing/status_matchers.h"
#include "tests/support/pipeline.h"
#include "tests/support/run_command.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::CommandResult;
using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::Pipeline;
using ::testing::HasSubstr;

class CliWorkflowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pipeline = Pipeline::Start(testing::MakeWorkDir("cli_workflow"));
    ASSERT_THAT(pipeline, IsOk());
    pipeline_ = std::move(*pipeline);
  }

  CommandResult Claimtrack(const std::string& arguments) {
    return testing::RunClaimtrack(*pipeline_, arguments);
  }

  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(CliWorkflowTest, TheAnalystSessionOfTheReadme) {
  const CommandResult ingest = Claimtrack(absl::StrCat(
      "ingest --wait --publisher 'Network Today' --url https://network-today.example/icpa ",
      "--published 2025-03-17 ", CLAIMTRACK_SOURCE_DIR, "/examples/articles/icpa-withdrawal.txt"));
  ASSERT_EQ(ingest.exit_code, 0) << ingest.output << pipeline_->Logs();

  const CommandResult list = Claimtrack("claims list --speaker Garland --json");
  ASSERT_EQ(list.exit_code, 0) << list.output;
  const std::string name = nlohmann::json::parse(list.output)["claims"][0]["name"];

  CommandResult step = Claimtrack("claims review " + name +
                                  " --attribution confirmed --verdict in-review"
                                  " --note 'matches the DOJ press release'");
  ASSERT_EQ(step.exit_code, 0) << step.output;
  const std::string sha(64, 'a');
  step = Claimtrack("claims add-evidence " + name +
                    " --url https://www.justice.gov/opa/pr/example --description 'DOJ release'"
                    " --stance supports --archive-sha256 " +
                    sha + " --json");
  ASSERT_EQ(step.exit_code, 0) << step.output;
  EXPECT_EQ(nlohmann::json::parse(step.output)["evidence"][0]["stance"],
            "EVIDENCE_STANCE_SUPPORTS");
  step =
      Claimtrack("claims add-evidence " + name + " --url https://a.example --archive-sha256 XYZ");
  EXPECT_EQ(step.exit_code, 1) << step.output;
  EXPECT_THAT(step.output, HasSubstr("evidence[0].archive_sha256"));

  step = Claimtrack("claims assign " + name + " bo");
  ASSERT_EQ(step.exit_code, 0) << step.output;
  step = Claimtrack("claims list --assignee bo --json");
  ASSERT_EQ(step.exit_code, 0) << step.output;
  EXPECT_EQ(nlohmann::json::parse(step.output)["claims"].size(), 1u);

  step = Claimtrack("claims review " + name +
                    " --verdict true --note 'said at the 2023 Eurojust conference'");
  ASSERT_EQ(step.exit_code, 0) << step.output;
  step = Claimtrack("claims publish " + name);
  ASSERT_EQ(step.exit_code, 0) << step.output;
  EXPECT_THAT(step.output, HasSubstr("locked"));
  step = Claimtrack("claims unassign " + name);
  EXPECT_EQ(step.exit_code, 1);
  EXPECT_THAT(step.output, HasSubstr("claimtrack claims reopen"));

  const CommandResult exported = Claimtrack("claims export-claimreview " + name);
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  const nlohmann::json review = nlohmann::json::parse(exported.output);
  EXPECT_EQ(review["@type"], "ClaimReview");
  EXPECT_EQ(review["reviewRating"]["alternateName"], "True");
  EXPECT_EQ(review["itemReviewed"]["author"]["name"], "Merrick Garland");
  EXPECT_EQ(review["itemReviewed"]["firstAppearance"]["url"], "https://network-today.example/icpa");

  const CommandResult verified = Claimtrack("claims verify-history " + name);
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
  EXPECT_THAT(verified.output, HasSubstr("history chain intact: 6 entries"));

  step = Claimtrack("claims reopen " + name + " --note 'new transcript'");
  ASSERT_EQ(step.exit_code, 0) << step.output;
  const CommandResult history = Claimtrack("claims history " + name);
  EXPECT_THAT(history.output, HasSubstr("assignment"));
  EXPECT_THAT(history.output, HasSubstr("reopen"));

  // The feed from the start: the claims created by the ingest, then the
  // session's changes; the last is the reopen.
  const CommandResult first = Claimtrack("claims watch --max-events 2");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const std::vector<std::string> lines = absl::StrSplit(first.output, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 2u) << first.output;
  EXPECT_THAT(lines[0], HasSubstr("claim-created"));
  const std::string cursor = lines[1].substr(0, lines[1].find(' '));
  const CommandResult rest = Claimtrack("claims watch --json --max-events 1 --after " + cursor);
  ASSERT_EQ(rest.exit_code, 0) << rest.output;
  EXPECT_NE(nlohmann::json::parse(rest.output)["cursor"], cursor);
}

}  // namespace
}  // namespace claimtrack
