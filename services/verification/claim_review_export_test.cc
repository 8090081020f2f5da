#include "services/verification/claim_review_export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "common/api/timestamps.h"
#include "common/testing/status_matchers.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using nlohmann::ordered_json;
using ::testing::HasSubstr;

// Google Search's fact-check structured data: the properties it requires
// and recommends, per type, from
// https://developers.google.com/search/docs/appearance/structured-data/factcheck
// ("Structured data type definitions": ClaimReview, Claim, Rating).
const std::vector<std::string> kClaimReviewRequired = {"claimReviewed", "reviewRating", "url"};
const std::vector<std::string> kClaimReviewRecommended = {"author", "datePublished",
                                                          "itemReviewed"};
const std::vector<std::string> kClaimRecommended = {"appearance", "author", "datePublished",
                                                    "firstAppearance"};
const std::vector<std::string> kRatingRequired = {"alternateName"};
const std::vector<std::string> kRatingRecommended = {"bestRating", "name", "ratingValue",
                                                     "worstRating"};
// author (Organization or Person) is recommended with a name.
const std::vector<std::string> kAuthorRecommended = {"name"};

void ExpectFields(const ordered_json& object, const std::vector<std::string>& fields,
                  const std::string& where) {
  for (const std::string& field : fields) {
    EXPECT_TRUE(object.contains(field)) << where << " lacks " << field << ":\n" << object.dump(2);
  }
}

v1::Appearance MakeAppearance(const std::string& document, const std::string& url,
                              int64_t publish_seconds, const std::string& publisher) {
  v1::Appearance appearance;
  appearance.set_document(document);
  appearance.mutable_source()->set_url(url);
  appearance.mutable_source()->set_publisher(publisher);
  appearance.mutable_source()->set_title("US withdraws from ICPA");
  appearance.mutable_source()->mutable_publish_time()->set_seconds(publish_seconds);
  appearance.mutable_record_time()->set_seconds(1800000000);
  return appearance;
}

v1::Claim GarlandClaim(v1::Verdict verdict) {
  v1::Claim claim;
  claim.set_name("claims/4f8513cf2af335c5");
  claim.set_text("There is no hiding place for war criminals");
  claim.mutable_speaker()->set_name("Merrick Garland");
  claim.mutable_speaker()->set_type(type::v1::SPEAKER_TYPE_PERSON);
  claim.mutable_speaker()->set_role("Attorney General (then)");
  claim.set_verdict(verdict);
  *claim.add_appearances() =
      MakeAppearance("documents/b", "https://b.example/later", 1700000100, "B News");
  *claim.add_appearances() =
      MakeAppearance("documents/a", "https://a.example/first", 1700000000, "A News");
  // A second statement of the same article: one appearance per article.
  *claim.add_appearances() =
      MakeAppearance("documents/a", "https://a.example/first", 1700000000, "A News");
  return claim;
}

ClaimReviewOptions Options() {
  ClaimReviewOptions options;
  options.organization_name = "Network Today Fact Check";
  options.organization_url = "https://factcheck.example";
  options.base_url = "https://factcheck.example/claims/";
  return options;
}

TEST(ClaimReviewExportTest, HasGooglesRequiredAndRecommendedFields) {
  absl::StatusOr<ordered_json> json = ClaimReviewJsonLd(
      GarlandClaim(v1::VERDICT_FALSE), absl::FromUnixSeconds(1800000000), Options());
  ASSERT_THAT(json, IsOk());
  EXPECT_EQ((*json)["@context"], "https://schema.org");
  EXPECT_EQ((*json)["@type"], "ClaimReview");
  ExpectFields(*json, kClaimReviewRequired, "ClaimReview");
  ExpectFields(*json, kClaimReviewRecommended, "ClaimReview");
  ExpectFields((*json)["itemReviewed"], kClaimRecommended, "itemReviewed");
  ExpectFields((*json)["reviewRating"], kRatingRequired, "reviewRating");
  ExpectFields((*json)["reviewRating"], kRatingRecommended, "reviewRating");
  ExpectFields((*json)["author"], kAuthorRecommended, "author");
  ExpectFields((*json)["itemReviewed"]["author"], kAuthorRecommended, "itemReviewed.author");

  EXPECT_EQ((*json)["claimReviewed"], "There is no hiding place for war criminals");
  EXPECT_EQ((*json)["url"], "https://factcheck.example/claims/4f8513cf2af335c5");
  EXPECT_EQ((*json)["datePublished"], "2027-01-15T08:00:00Z");
  EXPECT_EQ((*json)["author"]["@type"], "Organization");
  EXPECT_EQ((*json)["author"]["name"], "Network Today Fact Check");
  EXPECT_EQ((*json)["author"]["url"], "https://factcheck.example");
  EXPECT_EQ((*json)["reviewRating"]["@type"], "Rating");
  EXPECT_EQ((*json)["reviewRating"]["alternateName"], "False");
  EXPECT_EQ((*json)["reviewRating"]["ratingValue"], 1);
  EXPECT_EQ((*json)["reviewRating"]["bestRating"], 5);
  EXPECT_EQ((*json)["reviewRating"]["worstRating"], 1);

  const ordered_json& item = (*json)["itemReviewed"];
  EXPECT_EQ(item["@type"], "Claim");
  EXPECT_EQ(item["author"]["@type"], "Person");
  EXPECT_EQ(item["author"]["name"], "Merrick Garland");
  EXPECT_EQ(item["author"]["jobTitle"], "Attorney General (then)");
  ASSERT_EQ(item["appearance"].size(), 2u) << item.dump(2);
  for (const ordered_json& work : item["appearance"]) {
    EXPECT_EQ(work["@type"], "CreativeWork");
    EXPECT_TRUE(work.contains("url"));
  }
  EXPECT_EQ(item["firstAppearance"]["url"], "https://a.example/first");
  EXPECT_EQ(item["firstAppearance"]["publisher"]["name"], "A News");
  EXPECT_EQ(item["datePublished"], "2023-11-14T22:13:20Z");
}

TEST(ClaimReviewExportTest, VerdictsMapToTheDocumentedRatings) {
  struct Expected {
    v1::Verdict verdict;
    const char* name;
    int value;  // 0: no numeric rating
  };
  for (const Expected& expected :
       {Expected{v1::VERDICT_TRUE, "True", 5}, Expected{v1::VERDICT_MOSTLY_TRUE, "Mostly true", 4},
        Expected{v1::VERDICT_MISLEADING, "Misleading", 2}, Expected{v1::VERDICT_FALSE, "False", 1},
        Expected{v1::VERDICT_UNVERIFIABLE, "Unverifiable", 0},
        Expected{v1::VERDICT_NOT_CHECKABLE, "Not checkable", 0}}) {
    absl::StatusOr<ordered_json> json =
        ClaimReviewJsonLd(GarlandClaim(expected.verdict), absl::UnixEpoch(), Options());
    ASSERT_THAT(json, IsOk());
    const ordered_json& rating = (*json)["reviewRating"];
    EXPECT_EQ(rating["alternateName"], expected.name);
    if (expected.value == 0) {
      EXPECT_FALSE(rating.contains("ratingValue")) << rating.dump();
    } else {
      EXPECT_EQ(rating["ratingValue"], expected.value);
    }
  }
}

TEST(ClaimReviewExportTest, AClaimWithoutAVerdictIsAFailedPrecondition) {
  for (const v1::Verdict verdict : {v1::VERDICT_UNVERIFIED, v1::VERDICT_IN_REVIEW}) {
    EXPECT_THAT(ClaimReviewJsonLd(GarlandClaim(verdict), absl::UnixEpoch(), Options()),
                StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("no final verdict")));
  }
}

TEST(ClaimReviewExportTest, AnOrganisationSpeakerIsAnOrganization) {
  v1::Claim claim = GarlandClaim(v1::VERDICT_TRUE);
  claim.mutable_speaker()->set_name("Department of Justice");
  claim.mutable_speaker()->set_type(type::v1::SPEAKER_TYPE_ORGANIZATION);
  claim.mutable_speaker()->add_aliases("DOJ");
  absl::StatusOr<ordered_json> json = ClaimReviewJsonLd(claim, absl::UnixEpoch(), Options());
  ASSERT_THAT(json, IsOk());
  EXPECT_EQ((*json)["itemReviewed"]["author"]["@type"], "Organization");
  EXPECT_EQ((*json)["itemReviewed"]["author"]["alternateName"][0], "DOJ");
  EXPECT_FALSE((*json)["itemReviewed"]["author"].contains("jobTitle"));
}

TEST(ClaimReviewExportTest, DatePublishedIsThePublishTimeElseTheLatestVerdict) {
  v1::Claim claim = GarlandClaim(v1::VERDICT_FALSE);
  claim.mutable_update_time()->set_seconds(300);
  std::vector<v1::HistoryEntry> history(3);
  history[0].set_field(v1::STATUS_FIELD_VERDICT);
  history[0].mutable_create_time()->set_seconds(100);
  history[1].set_field(v1::STATUS_FIELD_VERDICT);
  history[1].mutable_create_time()->set_seconds(200);
  history[2].set_action(v1::HISTORY_ACTION_ASSIGNMENT);
  history[2].mutable_create_time()->set_seconds(250);
  EXPECT_EQ(ClaimReviewDate(claim, history), absl::FromUnixSeconds(200));
  claim.set_published(true);
  claim.mutable_publish_time()->set_seconds(260);
  EXPECT_EQ(ClaimReviewDate(claim, history), absl::FromUnixSeconds(260));
  claim.set_published(false);
  EXPECT_EQ(ClaimReviewDate(claim, {}), absl::FromUnixSeconds(300));
}

}  // namespace
}  // namespace claimtrack::verification
