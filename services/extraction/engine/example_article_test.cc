// Runs the engine on examples/articles/icpa-withdrawal.txt and checks it
// against what an analyst recorded in tests/testdata/.
#include <sstream>
#include <string>

#include "common/testing/files.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "services/extraction/engine/attribution_engine.h"

namespace claimtrack::engine {
namespace {

using ::claimtrack::testing::ReadFile;

StatementKind KindFromName(const std::string& name) {
  if (name == "direct") {
    return StatementKind::kDirectQuote;
  }
  if (name == "partial") {
    return StatementKind::kPartialQuote;
  }
  return StatementKind::kReportedSpeech;
}

std::string Slice(const std::string& text, ByteSpan span) {
  return text.substr(span.begin, span.end - span.begin);
}

std::string Describe(const Statement& s) {
  std::ostringstream os;
  os << StatementKindName(s.kind) << " [" << s.rule << "] content=\""
     << s.content << "\" mention=\"" << (s.mention ? s.mention->text : "")
     << "\" speaker=\"" << s.speaker.name << "\"/"
     << SpeakerTypeName(s.speaker.type) << " role=\"" << s.speaker.role
     << "\" org=\"" << s.speaker.organization << "\" cue=\""
     << (s.cue ? s.cue->text : "") << "\" context=\""
     << (s.context ? s.context->text : "") << "\"";
  if (s.relay) {
    os << " relay=\"" << s.relay->mention.text << "\"->\""
       << s.relay->speaker.name << "\"/"
       << SpeakerTypeName(s.relay->speaker.type) << " cue=\""
       << s.relay->cue.text << "\"";
  }
  return os.str();
}

class ExampleArticleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string root = CLAIMTRACK_SOURCE_DIR;
    text_ = ReadFile(root + "/examples/articles/icpa-withdrawal.txt");
    ASSERT_FALSE(text_.empty());
    const std::string expected =
        ReadFile(root + "/tests/testdata/icpa-withdrawal.expected.json");
    expected_ = nlohmann::json::parse(expected);
    statements_ = engine_.Extract(text_);
  }

  std::string AllStatements() const {
    std::string all;
    for (const Statement& s : statements_) {
      all += Describe(s) + "\n";
    }
    return all;
  }

  AttributionEngine engine_;
  std::string text_;
  nlohmann::json expected_;
  std::vector<Statement> statements_;
};

TEST_F(ExampleArticleTest, SpansSliceToTheirText) {
  for (const Statement& s : statements_) {
    ASSERT_FALSE(s.content_spans.empty());
    std::string joined;
    for (const ByteSpan& span : s.content_spans) {
      ASSERT_LE(span.begin, span.end);
      ASSERT_LE(span.end, text_.size());
      if (!joined.empty()) {
        joined += " ";
      }
      joined += Slice(text_, span);
    }
    EXPECT_EQ(joined, s.content);
    for (const auto* ts :
         {s.mention ? &*s.mention : nullptr, s.cue ? &*s.cue : nullptr,
          s.context ? &*s.context : nullptr}) {
      if (ts != nullptr) {
        EXPECT_EQ(Slice(text_, ts->span), ts->text);
      }
    }
  }
  for (size_t i = 1; i < statements_.size(); ++i) {
    EXPECT_LE(statements_[i - 1].content_spans[0].begin,
              statements_[i].content_spans[0].begin);
  }
}

TEST_F(ExampleArticleTest, FindsEveryExpectedStatement) {
  for (const auto& want : expected_["statements"]) {
    const std::string content = want["content"];
    SCOPED_TRACE("expected: " + content + "\nproduced:\n" + AllStatements());
    const Statement* found = nullptr;
    for (const Statement& s : statements_) {
      if (s.content == content) {
        found = &s;
      }
    }
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->kind, KindFromName(want["kind"]));
    ASSERT_TRUE(found->mention.has_value());
    EXPECT_EQ(found->mention->text, want["mention"].get<std::string>());
    ASSERT_TRUE(found->cue.has_value());
    EXPECT_EQ(found->cue->text, want["cue"].get<std::string>());
    const auto& speaker = want["speaker"];
    if (speaker.contains("name")) {
      EXPECT_EQ(found->speaker.name, speaker["name"].get<std::string>());
    }
    if (speaker.contains("type")) {
      EXPECT_EQ(SpeakerTypeName(found->speaker.type),
                speaker["type"].get<std::string>());
    }
    if (speaker.contains("role")) {
      EXPECT_EQ(found->speaker.role, speaker["role"].get<std::string>());
    }
    if (speaker.contains("organization")) {
      EXPECT_EQ(found->speaker.organization,
                speaker["organization"].get<std::string>());
    }
    if (speaker.contains("aliases")) {
      for (const auto& alias : speaker["aliases"]) {
        EXPECT_THAT(found->speaker.aliases,
                    ::testing::Contains(alias.get<std::string>()));
      }
    }
    if (want.contains("context")) {
      ASSERT_TRUE(found->context.has_value());
      EXPECT_EQ(found->context->text, want["context"].get<std::string>());
    }
    if (want.contains("quoted_fragments")) {
      std::vector<std::string> fragments;
      for (const TextSpan& f : found->quoted_fragments) {
        fragments.push_back(f.text);
      }
      EXPECT_EQ(fragments,
                want["quoted_fragments"].get<std::vector<std::string>>());
    }
    if (want.contains("conveyed_by")) {
      const auto& relay = want["conveyed_by"];
      ASSERT_TRUE(found->relay.has_value());
      EXPECT_EQ(found->relay->mention.text, relay["mention"].get<std::string>());
      EXPECT_EQ(found->relay->cue.text, relay["cue"].get<std::string>());
      if (relay.contains("name")) {
        EXPECT_EQ(found->relay->speaker.name, relay["name"].get<std::string>());
      }
      if (relay.contains("type")) {
        EXPECT_EQ(SpeakerTypeName(found->relay->speaker.type),
                  relay["type"].get<std::string>());
      }
    }
  }
}

TEST_F(ExampleArticleTest, FindsEveryFactualClaimWithinOneSentence) {
  for (const auto& want : expected_["factual_claims"]) {
    const std::string claim = want;
    SCOPED_TRACE("expected claim: " + claim + "\nproduced:\n" + AllStatements());
    bool found = false;
    for (const Statement& s : statements_) {
      if (s.kind != StatementKind::kFactualClaim ||
          s.content.find(claim) == std::string::npos) {
        continue;
      }
      // Within one sentence: no sentence-ending ". " inside the claim.
      EXPECT_EQ(s.content.find(". "), std::string::npos) << s.content;
      EXPECT_EQ(s.content.find('\n'), std::string::npos) << s.content;
      found = true;
    }
    EXPECT_TRUE(found);
  }
}

TEST_F(ExampleArticleTest, ReportsNoNonStatements) {
  for (const auto& not_statement : expected_["not_statements"]) {
    const std::string text = not_statement;
    for (const Statement& s : statements_) {
      EXPECT_EQ(s.content.find(text), std::string::npos) << Describe(s);
    }
  }
}

TEST_F(ExampleArticleTest, BoilerplateIsNotAStatement) {
  for (const Statement& s : statements_) {
    EXPECT_EQ(s.content.find("Share."), std::string::npos) << Describe(s);
    EXPECT_EQ(s.content.find("Rights Reserved"), std::string::npos)
        << Describe(s);
  }
}

}  // namespace
}  // namespace claimtrack::engine
