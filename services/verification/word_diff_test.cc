#include "services/verification/word_diff.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace claimtrack::verification {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "=words", "-words", "+words" per segment, for readable expectations.
std::vector<std::string> Render(const std::vector<v1::WordDiffSegment>& segments) {
  std::vector<std::string> out;
  for (const auto& segment : segments) {
    const char* mark = segment.operation() == v1::WORD_DIFF_OPERATION_EQUAL    ? "="
                       : segment.operation() == v1::WORD_DIFF_OPERATION_DELETE ? "-"
                                                                               : "+";
    out.push_back(mark + segment.text());
  }
  return out;
}

std::vector<v1::MeaningChangeKind> Kinds(const std::vector<v1::MeaningChange>& changes) {
  std::vector<v1::MeaningChangeKind> kinds;
  for (const auto& change : changes) kinds.push_back(change.kind());
  return kinds;
}

TEST(SplitWordsTest, KeepsTheWordsAsWrittenAndComparesThemFolded) {
  const std::vector<Word> words = SplitWords("“There is — no place,” ");
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(words[0].text, "“There");
  EXPECT_EQ(words[0].key, "there");
  EXPECT_EQ(words[3].text, "place,”");
  EXPECT_EQ(words[3].key, "place");
}

TEST(DiffWordsTest, IdenticalWordingIsOneEqualRun) {
  EXPECT_THAT(Render(DiffWords("There is no hiding place", "there is  no hiding place.")),
              ElementsAre("=There is no hiding place"));
}

TEST(DiffWordsTest, AReplacedWordIsADeleteThenAnInsert) {
  EXPECT_THAT(Render(DiffWords("There is no hiding place for war criminals",
                               "There is still a hiding place for war criminals")),
              ElementsAre("=There is", "-no", "+still a", "=hiding place for war criminals"));
}

TEST(DiffWordsTest, InsertionsAndDeletionsAtBothEnds) {
  EXPECT_THAT(Render(DiffWords("we will win the vote", "today we will win")),
              ElementsAre("+today", "=we will win", "-the vote"));
  EXPECT_THAT(Render(DiffWords("", "new words")), ElementsAre("+new words"));
  EXPECT_THAT(Render(DiffWords("old words", "")), ElementsAre("-old words"));
  EXPECT_THAT(Render(DiffWords("", "")), IsEmpty());
}

TEST(MeaningChangesTest, NumbersAreMeaningBearing) {
  const auto changes = FindMeaningChanges("The council voted 7-2 to approve 48 million",
                                          "The council voted 6-3 to approve 48 million");
  ASSERT_THAT(Kinds(changes), ElementsAre(v1::MEANING_CHANGE_KIND_NUMBER));
  EXPECT_EQ(changes[0].canonical_words(), "7-2");
  EXPECT_EQ(changes[0].variant_words(), "6-3");
  EXPECT_THAT(Kinds(FindMeaningChanges("four soldiers were charged", "five soldiers were charged")),
              ElementsAre(v1::MEANING_CHANGE_KIND_NUMBER));
}

TEST(MeaningChangesTest, ADroppedOrAddedNegationIsMeaningBearing) {
  const auto changes = FindMeaningChanges("There is no hiding place for war criminals",
                                          "There is still a hiding place for war criminals");
  ASSERT_THAT(Kinds(changes), ElementsAre(v1::MEANING_CHANGE_KIND_NEGATION));
  EXPECT_EQ(changes[0].canonical_words(), "no");
  EXPECT_EQ(changes[0].variant_words(), "still a");
  EXPECT_THAT(Kinds(FindMeaningChanges("we will win", "we won’t win")),
              ElementsAre(v1::MEANING_CHANGE_KIND_NEGATION));
}

TEST(MeaningChangesTest, SwappingOneNegationForAnotherKeepsThePolarity) {
  EXPECT_THAT(FindMeaningChanges("we will not give up", "we will never give up"), IsEmpty());
}

TEST(MeaningChangesTest, ChangedNamesAreMeaningBearingButSentenceOpenersAreNot) {
  EXPECT_THAT(Kinds(FindMeaningChanges("we thank Estonia for its help",
                                       "we thank Latvia for its help")),
              ElementsAre(v1::MEANING_CHANGE_KIND_NAME));
  // "Today" opens the text and "It" opens a sentence: not names.
  EXPECT_THAT(FindMeaningChanges("we act now. we must", "Today we act now. It we must"),
              IsEmpty());
}

TEST(MeaningChangesTest, OtherRewordingIsNotMeaningBearing) {
  EXPECT_THAT(FindMeaningChanges("There is no hiding place for war criminals",
                                 "There is no safe place for war criminals"),
              IsEmpty());
}

}  // namespace
}  // namespace claimtrack::verification
