// claimtrack-extract, the evaluation command, as the scorer's users run it:
// JSON lines in, predictions in the corpus's format out, figures on stderr.

#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/testing/files.h"
#include "tests/support/pipeline.h"
#include "tests/support/run_command.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::ReadFile;

using ::claimtrack::testing::CommandResult;
using ::claimtrack::testing::RunShell;
using ::testing::HasSubstr;
using ::testing::Not;

class ExtractCliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::MakeWorkDir("extract"); }

  // Writes `lines` as the input file and runs the command with `flags`.
  CommandResult Extract(const std::vector<std::string>& lines, const std::string& flags) {
    std::ofstream input(dir_ + "/docs.jsonl");
    for (const std::string& line : lines) {
      input << line << "\n";
    }
    input.close();
    return RunShell(absl::StrCat(CLAIMTRACK_BIN_DIR, "/claimtrack-extract --input ", dir_,
                                 "/docs.jsonl --output ", dir_, "/pred.jsonl ", flags));
  }

  std::string Predictions() const { return ReadFile(dir_ + "/pred.jsonl"); }

  std::string dir_;
};

// Invented articles: one direct quote with its speaker, one with none.
const std::vector<std::string> kDocs = {
    R"({"doc_id": "a", "text": "\"The bridge will open in May,\" said Mayor Ana Ruiz.", "x": 1})",
    R"({"doc_id": 7, "text": "The river rose by two metres overnight."})",
};

TEST_F(ExtractCliTest, WritesOnePredictionLinePerDocumentInTheCorpusFormat) {
  const CommandResult run = Extract(kDocs, "");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr("2 documents"));
  EXPECT_THAT(run.output, HasSubstr("MB/s"));

  const std::vector<std::string> lines =
      absl::StrSplit(Predictions(), '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 2u);
  const nlohmann::json first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["doc_id"], "a");
  ASSERT_EQ(first["attributions"].size(), 1u) << lines[0];
  const nlohmann::json& quote = first["attributions"][0];
  EXPECT_EQ(quote["kind"], "direct");
  // Spans are {"begin", "end"} byte offsets into the text, end exclusive.
  const std::string text = "\"The bridge will open in May,\" said Mayor Ana Ruiz.";
  const auto span_text = [&](const nlohmann::json& span) {
    const size_t begin = span["begin"];
    const size_t end = span["end"];
    return text.substr(begin, end - begin);
  };
  EXPECT_THAT(span_text(quote["content"][0]), HasSubstr("The bridge will open in May"));
  EXPECT_THAT(span_text(quote["source"][0]), HasSubstr("Ana Ruiz"));
  EXPECT_EQ(span_text(quote["cue"][0]), "said");

  const nlohmann::json second = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(second["doc_id"], 7);  // any JSON value, kept as given
  EXPECT_TRUE(second["attributions"].empty()) << lines[1];
}

TEST_F(ExtractCliTest, RepeatedPassesTimeTheWarmEngineAndLeaveThePredictionsAlone) {
  ASSERT_EQ(Extract(kDocs, "").exit_code, 0);
  const std::string once = Predictions();

  const CommandResult run = Extract(kDocs, "--passes 3");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr("passes 2-3, engine CPU: median"));
  EXPECT_EQ(Predictions(), once);

  const CommandResult single = Extract(kDocs, "--passes 1");
  EXPECT_THAT(single.output, Not(HasSubstr("passes 2-")));
  EXPECT_NE(Extract(kDocs, "--passes 0").exit_code, 0);
}

TEST_F(ExtractCliTest, WarmupTimesOnlyTheLaterDocumentsAndWritesThemAll) {
  ASSERT_EQ(Extract(kDocs, "").exit_code, 0);
  const std::string all = Predictions();

  const CommandResult run = Extract(kDocs, "--warmup 1");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output,
              HasSubstr("1 documents timed after 1 untimed (--warmup)"));
  EXPECT_EQ(Predictions(), all);
}

TEST_F(ExtractCliTest, AMalformedLineIsNamedAndFailsTheRun) {
  const CommandResult run = Extract({kDocs[0], R"({"doc_id": "b"})"}, "");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.output, HasSubstr("docs.jsonl:2: not a JSON object with doc_id and text"));
}

}  // namespace
}  // namespace claimtrack
