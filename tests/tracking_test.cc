// Tracking a statement across the news, through the three real services:
// the running example, a copy of it from a second publisher, and a
// hand-written article that quotes Garland's line with a negation dropped
// (examples/articles/garland-altered.txt).

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/grpc/channel.h"
#include "common/testing/status_matchers.h"
#include "tests/support/pipeline.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::Pipeline;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;
namespace ingestion = ::claimtrack::ingestion::v1;
namespace type = ::claimtrack::type::v1;
namespace verification = ::claimtrack::verification::v1;

constexpr char kGarland[] = "There is no hiding place for war criminals";
constexpr char kAltered[] = "There is still a hiding place for war criminals";
// 2025-03-17, -18 and -19, 12:00 UTC.
constexpr int64_t kMonday = 1742212800;
constexpr int64_t kTuesday = kMonday + 86400;
constexpr int64_t kWednesday = kTuesday + 86400;

std::string ReadExample(const std::string& name) {
  std::ifstream in(std::string(CLAIMTRACK_SOURCE_DIR) + "/examples/articles/" + name);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

class TrackingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pipeline = Pipeline::Start(testing::MakeWorkDir("tracking"));
    ASSERT_THAT(pipeline, IsOk());
    pipeline_ = std::move(*pipeline);
    stub_ = pipeline_->Verification();
    // The altered quote arrives between the original and its reprint.
    Ingest("icpa-withdrawal.txt", "Network Today", "https://network-today.example/icpa", kMonday);
    Ingest("garland-altered.txt", "Daily Ledger", "https://ledger.example/war-crimes-team",
           kTuesday);
    Ingest("icpa-withdrawal.txt", "Wire Service", "https://wire.example/icpa", kWednesday);
  }

  void Ingest(const std::string& file, const std::string& publisher, const std::string& url,
              int64_t publish_seconds) {
    ingestion::IngestArticleRequest request;
    request.mutable_article()->set_text(ReadExample(file));
    auto* source = request.mutable_article()->mutable_source();
    source->set_publisher(publisher);
    source->set_url(url);
    source->mutable_publish_time()->set_seconds(publish_seconds);
    request.set_wait_for_processing(true);
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(30)));
    ingestion::IngestArticleResponse response;
    ASSERT_THAT(pipeline_->Ingestion()->IngestArticle(&context, request, &response), IsOk())
        << pipeline_->Logs();
    ASSERT_EQ(response.document().state(), ingestion::PROCESSING_STATE_DONE)
        << response.document().failure_reason();
  }

  std::vector<verification::Claim> Search(verification::SearchClaimsRequest request) {
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(10)));
    verification::SearchClaimsResponse response;
    EXPECT_THAT(stub_->SearchClaims(&context, request, &response), IsOk());
    return {response.claims().begin(), response.claims().end()};
  }

  std::vector<std::string> Texts(const std::vector<verification::Claim>& claims) {
    std::vector<std::string> texts;
    for (const auto& claim : claims) texts.push_back(claim.text());
    return texts;
  }

  // The one claim with this exact text.
  verification::Claim ClaimWithText(const std::string& text) {
    verification::SearchClaimsRequest request;
    request.set_query(text);
    for (const auto& claim : Search(request)) {
      if (claim.text() == text) {
        verification::GetClaimRequest get;
        get.set_name(claim.name());
        grpc::ClientContext context;
        context.set_deadline(DeadlineIn(absl::Seconds(10)));
        verification::Claim full;
        EXPECT_THAT(stub_->GetClaim(&context, get, &full), IsOk());
        return full;
      }
    }
    ADD_FAILURE() << "no claim with text: " << text;
    return {};
  }

  verification::Speaker OnlySpeaker(const std::string& alias) {
    verification::ListSpeakersRequest request;
    request.set_alias(alias);
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(10)));
    verification::ListSpeakersResponse response;
    EXPECT_THAT(stub_->ListSpeakers(&context, request, &response), IsOk());
    EXPECT_THAT(response.speakers(), SizeIs(1)) << alias;
    return response.speakers().empty() ? verification::Speaker() : response.speakers(0);
  }

  std::unique_ptr<Pipeline> pipeline_;
  std::unique_ptr<verification::VerificationService::Stub> stub_;
};

TEST_F(TrackingTest, AlteredQuoteIsAFlaggedVariantWithAProposalOnly) {
  const verification::Claim original = ClaimWithText(kGarland);
  const verification::Claim altered = ClaimWithText(kAltered);
  ASSERT_FALSE(altered.name().empty());

  EXPECT_EQ(altered.speaker().name(), "Merrick Garland");
  EXPECT_EQ(altered.speaker_resource(), original.speaker_resource());
  EXPECT_EQ(altered.variant_of().canonical_claim(), original.name());
  EXPECT_TRUE(altered.altered_quote_suspected());
  EXPECT_EQ(altered.proposed_attribution_status(), verification::ATTRIBUTION_STATUS_ALTERED);
  EXPECT_EQ(altered.attribution_status(), verification::ATTRIBUTION_STATUS_UNCHECKED);
  EXPECT_EQ(altered.verdict(), verification::VERDICT_UNVERIFIED);
  ASSERT_THAT(altered.variant_of().meaning_changes(), SizeIs(1));
  EXPECT_EQ(altered.variant_of().meaning_changes(0).kind(),
            verification::MEANING_CHANGE_KIND_NEGATION);
  EXPECT_EQ(altered.variant_of().meaning_changes(0).canonical_words(), "no");
  EXPECT_EQ(altered.variant_of().meaning_changes(0).variant_words(), "still a");

  EXPECT_EQ(original.variant_count(), 1);
  EXPECT_FALSE(original.altered_quote_suspected());
  EXPECT_EQ(original.attribution_status(), verification::ATTRIBUTION_STATUS_UNCHECKED);

  verification::ListClaimVariantsRequest request;
  request.set_parent(original.name());
  grpc::ClientContext context;
  context.set_deadline(DeadlineIn(absl::Seconds(10)));
  verification::ListClaimVariantsResponse response;
  ASSERT_THAT(stub_->ListClaimVariants(&context, request, &response), IsOk());
  ASSERT_THAT(response.variants(), SizeIs(1));
  const verification::ClaimVariant& variant = response.variants(0);
  EXPECT_EQ(variant.claim(), altered.name());
  std::vector<std::string> diff;
  for (const auto& segment : variant.diff()) {
    diff.push_back(absl::StrCat(segment.operation(), ":", segment.text()));
  }
  EXPECT_THAT(diff, ElementsAre("1:There is", "2:no", "3:still a",
                                "1:hiding place for war criminals"));
}

TEST_F(TrackingTest, CountsAppearancesPublishersAndTheFirstAppearance) {
  const verification::Claim original = ClaimWithText(kGarland);
  EXPECT_EQ(original.appearance_count(), 2);
  EXPECT_EQ(original.publisher_count(), 2);
  EXPECT_EQ(original.first_appearance_time().seconds(), kMonday);
  EXPECT_EQ(original.first_appearance_document(), original.appearances(0).document());

  const verification::Claim altered = ClaimWithText(kAltered);
  EXPECT_EQ(altered.appearance_count(), 1);
  EXPECT_EQ(altered.publisher_count(), 1);
  EXPECT_EQ(altered.first_appearance_time().seconds(), kTuesday);
}

TEST_F(TrackingTest, SpeakersCarryAliasesRolesAndTheirClaims) {
  const verification::Speaker garland = OnlySpeaker("Garland");
  EXPECT_EQ(garland.display_name(), "Merrick Garland");
  EXPECT_EQ(garland.type(), type::SPEAKER_TYPE_PERSON);
  EXPECT_THAT(garland.aliases(), Contains("then-Attorney General Merrick Garland"));
  EXPECT_THAT(garland.aliases(), Contains("Garland"));
  ASSERT_THAT(garland.roles(), Contains(::testing::Property(
                                   &verification::SpeakerRole::role, "Attorney General (then)")));
  EXPECT_EQ(garland.claim_count(), 2);
  EXPECT_EQ(OnlySpeaker("merrick garland").name(), garland.name());
  EXPECT_EQ(OnlySpeaker("then-Attorney General Merrick Garland").name(), garland.name());

  const verification::Speaker doj = OnlySpeaker("DOJ");
  EXPECT_EQ(doj.display_name(), "Department of Justice");
  EXPECT_THAT(doj.aliases(), Contains("DOJ"));

  verification::GetSpeakerRequest get;
  get.set_name(garland.name());
  grpc::ClientContext get_context;
  get_context.set_deadline(DeadlineIn(absl::Seconds(10)));
  verification::Speaker fetched;
  ASSERT_THAT(stub_->GetSpeaker(&get_context, get, &fetched), IsOk());
  EXPECT_EQ(fetched.DebugString(), garland.DebugString());

  verification::ListClaimsRequest list;
  list.set_speaker(garland.name());
  grpc::ClientContext list_context;
  list_context.set_deadline(DeadlineIn(absl::Seconds(10)));
  verification::ListClaimsResponse claims;
  ASSERT_THAT(stub_->ListClaims(&list_context, list, &claims), IsOk());
  std::vector<std::string> texts;
  for (const auto& claim : claims.claims()) texts.push_back(claim.text());
  EXPECT_THAT(texts, UnorderedElementsAre(kGarland, kAltered));
}

TEST_F(TrackingTest, SearchCombinesTextWithFiltersAndPages) {
  verification::SearchClaimsRequest request;
  request.set_query("hiding place");
  EXPECT_THAT(Texts(Search(request)), ElementsAre(kAltered, kGarland));
  request.set_publisher("daily ledger");
  EXPECT_THAT(Texts(Search(request)), ElementsAre(kAltered));
  request.clear_publisher();
  request.set_speaker("Garland");
  request.set_kind(type::STATEMENT_KIND_DIRECT_QUOTE);
  request.mutable_start_time()->set_seconds(kWednesday);
  // Only the original has an appearance (the reprint) on Wednesday.
  EXPECT_THAT(Texts(Search(request)), ElementsAre(kGarland));

  // Every claim of the two distinct articles, two at a time.
  verification::SearchClaimsRequest all;
  all.set_page_size(2);
  std::vector<std::string> seen;
  int pages = 0;
  do {
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(10)));
    verification::SearchClaimsResponse page;
    ASSERT_THAT(stub_->SearchClaims(&context, all, &page), IsOk());
    for (const auto& claim : page.claims()) seen.push_back(claim.name());
    all.set_page_token(page.next_page_token());
    ++pages;
  } while (!all.page_token().empty() && pages < 100);
  verification::ListClaimsRequest list;
  list.set_page_size(1000);
  grpc::ClientContext list_context;
  list_context.set_deadline(DeadlineIn(absl::Seconds(10)));
  verification::ListClaimsResponse listed;
  ASSERT_THAT(stub_->ListClaims(&list_context, list, &listed), IsOk());
  EXPECT_EQ(static_cast<int>(seen.size()), listed.claims_size());

  verification::SearchClaimsRequest bad;
  bad.set_query("\"\"");
  grpc::ClientContext bad_context;
  verification::SearchClaimsResponse unused;
  EXPECT_EQ(stub_->SearchClaims(&bad_context, bad, &unused).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

}  // namespace
}  // namespace claimtrack
