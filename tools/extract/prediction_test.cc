#include "tools/extract/prediction.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace claimtrack::extract {
namespace {

using engine::AttributionEngine;

// The "attributions" array of the prediction line written for `statements`,
// parsed back as the scorer reads it.
nlohmann::json Attributions(const std::string& text,
                            const std::vector<engine::Statement>& statements) {
  std::vector<Attribution> attributions;
  ToAttributions(text, statements, attributions);
  std::string line;
  AppendPredictionLine(attributions, "\"doc-1\"", line);
  EXPECT_EQ(line.back(), '\n');
  const nlohmann::json parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["doc_id"], "doc-1");
  // The same bytes nlohmann writes for that object.
  EXPECT_EQ(parsed.dump() + "\n", line);
  return parsed["attributions"];
}

std::string Slice(const std::string& text, const nlohmann::json& span) {
  const size_t b = span["begin"].get<size_t>();
  const size_t e = span["end"].get<size_t>();
  return text.substr(b, e - b);
}

TEST(ToAttributionsTest, DropsFactualClaimsAndKeepsQuotes) {
  const std::string text =
      "Unemployment fell to 3.9 percent in May, the lowest in 40 years.\n"
      "\"We are not done,\" the mayor said.\n";
  const nlohmann::json out =
      Attributions(text, AttributionEngine().Extract(text));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["kind"], "direct");
  EXPECT_EQ(Slice(text, out[0]["content"][0]), "We are not done");
  EXPECT_EQ(Slice(text, out[0]["source"][0]), "the mayor");
  EXPECT_EQ(Slice(text, out[0]["cue"][0]), "said");
  EXPECT_FALSE(out[0]["rule"].get<std::string>().empty());
}

TEST(ToAttributionsTest, NestedReportEmitsOnlyTheOutermost) {
  const std::string text =
      "The council said the bridge would reopen in June, Harper said.\n";
  const nlohmann::json out =
      Attributions(text, AttributionEngine().Extract(text));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["kind"], "indirect");
  EXPECT_EQ(Slice(text, out[0]["source"][0]), "Harper");
  EXPECT_EQ(Slice(text, out[0]["content"][0]),
            "The council said the bridge would reopen in June");
}

TEST(ToAttributionsTest, ReferentialItKeepsItsSourceEmptyItDoesNot) {
  const std::string text =
      "The Ledger ran the story on Monday. It added that the mayor knew.\n"
      "It is expected that the levy will pass.\n";
  const nlohmann::json out =
      Attributions(text, AttributionEngine().Extract(text));
  ASSERT_EQ(out.size(), 2u) << out.dump();
  EXPECT_EQ(Slice(text, out[0]["content"][0]), "that the mayor knew");
  ASSERT_EQ(out[0]["source"].size(), 1u);
  EXPECT_EQ(Slice(text, out[0]["source"][0]), "It");
  EXPECT_TRUE(out[1]["source"].empty()) << out.dump();
}

TEST(ToAttributionsTest, QuoteWithoutAnySpeakerIsNotEmitted) {
  const std::string text =
      "The ferry left at noon.\n"
      "\"We will be back by spring.\"\n"
      "\"The levy is too high,\" Lee said.\n";
  const std::vector<engine::Statement> statements =
      AttributionEngine().Extract(text);
  // The engine keeps the unattributed quote; the corpus format does not.
  bool engine_has_it = false;
  for (const engine::Statement& s : statements) {
    engine_has_it = engine_has_it || s.content == "We will be back by spring";
  }
  EXPECT_TRUE(engine_has_it);
  const nlohmann::json out = Attributions(text, statements);
  ASSERT_EQ(out.size(), 1u) << out.dump();
  EXPECT_EQ(Slice(text, out[0]["content"][0]), "The levy is too high");
}

}  // namespace
}  // namespace claimtrack::extract
