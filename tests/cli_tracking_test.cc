// The tracking commands of the analyst CLI against the real services:
// search, variants with their diff and proposal, speakers.

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

using ::claimtrack::testing::CommandResult;
using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::Pipeline;
using ::testing::Contains;
using ::testing::HasSubstr;

class CliTrackingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pipeline = Pipeline::Start(testing::MakeWorkDir("cli_tracking"));
    ASSERT_THAT(pipeline, IsOk());
    pipeline_ = std::move(*pipeline);
    for (const auto& [file, publisher] :
         {std::pair<const char*, const char*>{"icpa-withdrawal.txt", "Network Today"},
          {"garland-altered.txt", "Daily Ledger"}}) {
      const CommandResult ingest = Claimtrack(
          absl::StrCat("ingest --wait --publisher '", publisher, "' --published 2025-03-17 ",
                       CLAIMTRACK_SOURCE_DIR, "/examples/articles/", file));
      ASSERT_EQ(ingest.exit_code, 0) << ingest.output << pipeline_->Logs();
    }
  }

  CommandResult Claimtrack(const std::string& arguments) {
    return testing::RunClaimtrack(*pipeline_, arguments);
  }

  nlohmann::json Json(const std::string& arguments) {
    const CommandResult result = Claimtrack(arguments);
    EXPECT_EQ(result.exit_code, 0) << arguments << "\n" << result.output;
    return nlohmann::json::parse(result.output, nullptr, /*allow_exceptions=*/false);
  }

  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(CliTrackingTest, FindTheAlteredQuoteAndItsProposal) {
  const nlohmann::json found = Json("claims search 'hiding place' --json");
  ASSERT_EQ(found["claims"].size(), 2u) << found.dump();
  // Newest first: the altered wording came second.
  const std::string altered = found["claims"][0]["name"];
  const std::string original = found["claims"][1]["name"];
  EXPECT_EQ(found["claims"][0]["proposedAttributionStatus"], "ATTRIBUTION_STATUS_ALTERED");
  EXPECT_EQ(found["claims"][0]["attributionStatus"], "ATTRIBUTION_STATUS_UNCHECKED");

  const nlohmann::json variants = Json("claims variants " + original + " --json");
  ASSERT_EQ(variants["variants"].size(), 1u) << variants.dump();
  EXPECT_EQ(variants["variants"][0]["claim"], altered);
  EXPECT_EQ(variants["variants"][0]["alteredQuoteSuspected"], true);

  const CommandResult table = Claimtrack("claims variants " + original);
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr("There is [-no-] {+still a+} hiding place"));
  EXPECT_THAT(table.output, HasSubstr("propose altered"));

  const CommandResult show = Claimtrack("claims show " + altered);
  ASSERT_EQ(show.exit_code, 0) << show.output;
  EXPECT_THAT(show.output, HasSubstr("negation: no -> still a"));
  EXPECT_THAT(show.output, HasSubstr("proposed attribution altered"));

  const CommandResult filtered = Claimtrack("claims search war --publisher 'daily ledger'");
  ASSERT_EQ(filtered.exit_code, 0) << filtered.output;
  EXPECT_THAT(filtered.output, HasSubstr("still a hiding place"));
  EXPECT_THAT(filtered.output, ::testing::Not(HasSubstr("no hiding place")));

  const CommandResult bad = Claimtrack("claims search war --since yesterday");
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
}

TEST_F(CliTrackingTest, SpeakersWithAliasesAndTheirClaims) {
  const nlohmann::json doj = Json("speakers list --alias DOJ --json");
  ASSERT_EQ(doj["speakers"].size(), 1u) << doj.dump();
  EXPECT_EQ(doj["speakers"][0]["displayName"], "Department of Justice");

  const nlohmann::json garland = Json("speakers list --alias garland --json");
  ASSERT_EQ(garland["speakers"].size(), 1u) << garland.dump();
  const std::string name = garland["speakers"][0]["name"];
  EXPECT_THAT(garland["speakers"][0]["aliases"], Contains("Garland"));

  const nlohmann::json shown = Json("speakers show " + name + " --json");
  EXPECT_EQ(shown["speaker"]["displayName"], "Merrick Garland");
  EXPECT_EQ(shown["claims"].size(), 2u) << shown.dump();

  const CommandResult table = Claimtrack("speakers show " + name);
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr("then-Attorney General Merrick Garland"));
  EXPECT_THAT(table.output, HasSubstr("Attorney General (then)"));

  const CommandResult missing = Claimtrack("speakers show speakers/0000000000000000");
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_THAT(missing.output, HasSubstr("NOT_FOUND"));
}

}  // namespace
}  // namespace claimtrack
