#include "services/verification/variant_index.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "common/sqlite/database.h"
#include "common/testing/status_matchers.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kOriginal[] = "There is no hiding place for war criminals";
constexpr char kAltered[] = "There is still a hiding place for war criminals";
constexpr char kOther[] = "The council approved the harbor expansion on Tuesday";

TEST(WordShinglesTest, AreWordsAndWordPairsFoldedAndDistinct) {
  // 3 words + 2 pairs; "A" and "a" fold to one word but the pairs differ.
  EXPECT_EQ(WordShingles("a b A").size(), 4u);
  EXPECT_EQ(WordShingles("“We’ll win.”"), WordShingles("we'll WIN"));
  EXPECT_THAT(WordShingles(""), IsEmpty());
}

TEST(JaccardTest, MeasuresSharedShingles) {
  EXPECT_DOUBLE_EQ(Jaccard(WordShingles(kOriginal), WordShingles(kOriginal)), 1.0);
  // 8+7 vs 9+8 shingles, 7+5 shared: 12 / 20.
  EXPECT_DOUBLE_EQ(Jaccard(WordShingles(kOriginal), WordShingles(kAltered)), 0.6);
  EXPECT_LT(Jaccard(WordShingles(kOriginal), WordShingles(kOther)), 0.1);
}

TEST(SignatureTest, IsDeterministicAndEstimatesSimilarity) {
  const MinHashSignature a = ComputeSignature(WordShingles(kOriginal));
  EXPECT_EQ(a, ComputeSignature(WordShingles(kOriginal)));
  const MinHashSignature b = ComputeSignature(WordShingles(kOther));
  int equal = 0;
  for (int i = 0; i < kSignatureSize; ++i) equal += a[i] == b[i] ? 1 : 0;
  EXPECT_LT(equal, kSignatureSize / 4);
}

TEST(BandKeysTest, DependOnTheGroup) {
  const MinHashSignature signature = ComputeSignature(WordShingles(kOriginal));
  const auto keys = BandKeys(signature, 1);
  EXPECT_EQ(keys, BandKeys(signature, 1));
  const auto other_group = BandKeys(signature, 2);
  for (int band = 0; band < kBands; ++band) EXPECT_NE(keys[band], other_group[band]);
}

class VariantBandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One file per test: ctest runs the tests as parallel processes.
    path_ = ::testing::TempDir() + "/variant_bands_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
    auto db = sqlite::Database::Open(path_);
    ASSERT_THAT(db, IsOk());
    db_ = *std::move(db);
    ASSERT_THAT(db_->Exec(kVariantIndexSchema), IsOk());
    statements_ = std::make_unique<sqlite::StatementCache>(*db_);
  }

  std::array<int64_t, kBands> Keys(const char* text, int64_t group) {
    return BandKeys(ComputeSignature(WordShingles(text)), group);
  }

  std::string path_;
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<sqlite::StatementCache> statements_;
};

TEST_F(VariantBandsTest, FindsNearDuplicatesOfTheSameGroupOnly) {
  ASSERT_THAT(IndexBands(*statements_, 1, Keys(kOriginal, 7)), IsOk());
  ASSERT_THAT(IndexBands(*statements_, 2, Keys(kOther, 7)), IsOk());
  ASSERT_THAT(IndexBands(*statements_, 3, Keys(kOriginal, 8)), IsOk());
  EXPECT_THAT(FindCandidates(*statements_, Keys(kAltered, 7), 10),
              ::claimtrack::testing::IsOkAndHolds(ElementsAre(1)));
  EXPECT_THAT(FindCandidates(*statements_, Keys(kAltered, 9), 10),
              ::claimtrack::testing::IsOkAndHolds(IsEmpty()));
}

TEST_F(VariantBandsTest, TheMostSimilarComeFirstUpToTheLimit) {
  ASSERT_THAT(IndexBands(*statements_, 1, Keys(kAltered, 7)), IsOk());
  ASSERT_THAT(IndexBands(*statements_, 2, Keys(kOriginal, 7)), IsOk());
  // Claim 2 shares every band with the query, claim 1 only some.
  EXPECT_THAT(FindCandidates(*statements_, Keys(kOriginal, 7), 10),
              ::claimtrack::testing::IsOkAndHolds(ElementsAre(2, 1)));
  EXPECT_THAT(FindCandidates(*statements_, Keys(kOriginal, 7), 1),
              ::claimtrack::testing::IsOkAndHolds(ElementsAre(2)));
}

}  // namespace
}  // namespace claimtrack::verification
