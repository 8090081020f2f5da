#include "services/ingestion/text_cleaner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "common/testing/files.h"

namespace claimtrack::ingestion {
namespace {

using ::claimtrack::testing::ReadFile;

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(CleanArticleTextTest, RemovesFooterOfExampleAndKeepsEverythingElse) {
  const std::string original =
      ReadFile(std::string(CLAIMTRACK_EXAMPLES_DIR) + "/articles/icpa-withdrawal.txt");
  ASSERT_FALSE(original.empty());
  const CleanedText cleaned = CleanArticleText(original);
  EXPECT_THAT(cleaned.removed_boilerplate,
              ElementsAre("Share.", "2025 \xc2\xa9 Network Today. All Rights Reserved."));
  const std::string::size_type footer = original.find("\n\nShare.");
  ASSERT_NE(footer, std::string::npos);
  // The article has no trailing spaces or CRs, so the cleaned text is the
  // original up to the footer, byte for byte.
  EXPECT_EQ(cleaned.text, original.substr(0, footer));
}

TEST(CleanArticleTextTest, NormalisesLineEndingsAndTrailingSpaces) {
  EXPECT_EQ(CleanArticleText("a  \r\nb\t\rc").text, "a\nb\nc");
}

TEST(CleanArticleTextTest, CollapsesBlankRunsAndTrimsEnds) {
  EXPECT_EQ(CleanArticleText("\n\n  \nFirst.\n\n\n\n\nSecond.\n \n\n").text,
            "First.\n\nSecond.");
}

TEST(CleanArticleTextTest, KeepsLeadingIndentation) {
  EXPECT_EQ(CleanArticleText("  indented line\n").text, "  indented line");
}

TEST(CleanArticleTextTest, RemovingALineDoesNotLeaveADoubleBlank) {
  const CleanedText cleaned =
      CleanArticleText("Para one.\n\nAdvertisement\n\nPara two.\n");
  EXPECT_EQ(cleaned.text, "Para one.\n\nPara two.");
  EXPECT_THAT(cleaned.removed_boilerplate, ElementsAre("Advertisement"));
}

TEST(CleanArticleTextTest, NothingToRemove) {
  const CleanedText cleaned = CleanArticleText("Just text.");
  EXPECT_EQ(cleaned.text, "Just text.");
  EXPECT_THAT(cleaned.removed_boilerplate, IsEmpty());
}

TEST(IsBoilerplateLineTest, SocialButtons) {
  for (const char* line :
       {"Share.", "Share", "Share this article", "Tweet", "Share on Facebook",
        "Share on Facebook Share on Twitter", "Tweet | Email | Print",
        "  Share on LinkedIn  ", "SHARE THIS STORY"}) {
    EXPECT_TRUE(IsBoilerplateLine(line)) << line;
  }
}

TEST(IsBoilerplateLineTest, CopyrightAndFurniture) {
  for (const char* line :
       {"2025 \xc2\xa9 Network Today. All Rights Reserved.",
        "Copyright 2024 Example News", "Copyright \xc2\xa9 2024 Example News",
        "\xc2\xa9 2024 Example Media", "(c) Example Media. All rights reserved",
        "Advertisement", "ADVERTISEMENT", "Read more: Why the court ruled",
        "Related: Earlier coverage", "Sign up for our newsletter",
        "Sign up for our newsletter to get the news."}) {
    EXPECT_TRUE(IsBoilerplateLine(line)) << line;
  }
}

TEST(IsBoilerplateLineTest, ProseIsNotBoilerplate) {
  for (const char* line :
       {"Share prices fell sharply on Monday.", "He said he would share the report.",
        "Copyright law is complicated, experts say.",
        "\"Read more books,\" the minister said.", "Twitter was renamed X in 2023.",
        "The company said all rights reserved by the contract would be kept, "
        "according to a filing published on Tuesday by the regulator in Brussels.",
        ""}) {
    EXPECT_FALSE(IsBoilerplateLine(line)) << line;
  }
}

TEST(IsBoilerplateLineTest, LongLinesAreNeverBoilerplate) {
  EXPECT_FALSE(IsBoilerplateLine("Read more: " + std::string(200, 'x')));
}

TEST(CleanArticleTextTest, SentenceInsideParagraphStays) {
  const std::string text = "He said: Share.\nAnd then Tweet was gone.";
  EXPECT_EQ(CleanArticleText(text).text, text);
}

}  // namespace
}  // namespace claimtrack::ingestion
