// Tracking through the real stores (SQLite and PostgreSQL): variants, corroboration,
// speakers and search.

#include "services/verification/claim_tracking.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "common/api/timestamps.h"
#include "common/testing/status_matchers.h"
#include "services/verification/claim_store_backends.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

constexpr char kGarland[] = "There is no hiding place for war criminals";
constexpr char kAltered[] = "There is still a hiding place for war criminals";
constexpr char kReworded[] = "There is no safe hiding place for war criminals";

type::v1::Statement Quote(absl::string_view id, absl::string_view content,
                          absl::string_view speaker,
                          type::v1::SpeakerType type = type::v1::SPEAKER_TYPE_PERSON,
                          type::v1::StatementKind kind = type::v1::STATEMENT_KIND_DIRECT_QUOTE) {
  type::v1::Statement statement;
  statement.set_statement_id(std::string(id));
  statement.set_content(std::string(content));
  statement.set_kind(kind);
  statement.mutable_speaker()->set_name(std::string(speaker));
  statement.mutable_speaker()->set_type(type);
  return statement;
}

DocumentStatements Doc(absl::string_view name, absl::string_view publisher, int64_t publish_seconds,
                       std::vector<type::v1::Statement> statements) {
  DocumentStatements doc;
  doc.document = std::string(name);
  doc.source.set_publisher(std::string(publisher));
  if (publish_seconds > 0) doc.source.mutable_publish_time()->set_seconds(publish_seconds);
  doc.statements = std::move(statements);
  return doc;
}

class ClaimTrackingTest : public StoreBackendTest {
 protected:

  RecordResult Record(DocumentStatements doc) {
    absl::Notification done;
    absl::StatusOr<RecordResult> result;
    store_->RecordStatements(std::move(doc), [&](absl::StatusOr<RecordResult> r) {
      result = std::move(r);
      done.Notify();
    });
    done.WaitForNotification();
    EXPECT_THAT(result, IsOk());
    return result.ok() ? *result : RecordResult{};
  }

  v1::Claim Get(const std::string& name) {
    absl::StatusOr<v1::Claim> claim = store_->GetClaim(name);
    EXPECT_THAT(claim, IsOk());
    return claim.ok() ? *claim : v1::Claim();
  }

  std::vector<std::string> Search(const v1::SearchClaimsRequest& request) {
    absl::StatusOr<ClaimSearch> search = ValidateSearchClaimsRequest(request);
    EXPECT_THAT(search, IsOk());
    if (!search.ok()) return {};
    absl::StatusOr<v1::SearchClaimsResponse> page = store_->SearchClaims(*search, 0, "");
    EXPECT_THAT(page, IsOk());
    std::vector<std::string> texts;
    if (page.ok()) {
      for (const auto& claim : page->claims()) texts.push_back(claim.text());
    }
    return texts;
  }
};

TEST_P(ClaimTrackingTest, AlteredQuoteIsLinkedFlaggedAndProposedButNotSet) {
  const RecordResult first =
      Record(Doc("documents/a", "Network Today", 1000, {Quote("s1", kGarland, "Merrick Garland")}));
  const RecordResult second =
      Record(Doc("documents/b", "Daily Wire", 2000, {Quote("s1", kAltered, "Merrick Garland")}));
  ASSERT_THAT(second.claims, SizeIs(1));
  ASSERT_NE(first.claims[0], second.claims[0]);

  const v1::Claim variant = Get(second.claims[0]);
  EXPECT_EQ(variant.variant_of().canonical_claim(), first.claims[0]);
  EXPECT_EQ(variant.variant_of().claim(), second.claims[0]);
  EXPECT_DOUBLE_EQ(variant.variant_of().similarity(), 0.6);
  ASSERT_THAT(variant.variant_of().diff(), SizeIs(4));
  EXPECT_EQ(variant.variant_of().diff(1).operation(), v1::WORD_DIFF_OPERATION_DELETE);
  EXPECT_EQ(variant.variant_of().diff(1).text(), "no");
  EXPECT_EQ(variant.variant_of().diff(2).text(), "still a");
  ASSERT_THAT(variant.variant_of().meaning_changes(), SizeIs(1));
  EXPECT_EQ(variant.variant_of().meaning_changes(0).kind(), v1::MEANING_CHANGE_KIND_NEGATION);
  EXPECT_TRUE(variant.altered_quote_suspected());
  EXPECT_EQ(variant.proposed_attribution_status(), v1::ATTRIBUTION_STATUS_ALTERED);
  // A proposal only: the status is the analyst's to set.
  EXPECT_EQ(variant.attribution_status(), v1::ATTRIBUTION_STATUS_UNCHECKED);

  const v1::Claim canonical = Get(first.claims[0]);
  EXPECT_EQ(canonical.variant_count(), 1);
  EXPECT_FALSE(canonical.has_variant_of());
  EXPECT_FALSE(canonical.altered_quote_suspected());
  EXPECT_EQ(canonical.proposed_attribution_status(), v1::ATTRIBUTION_STATUS_UNSPECIFIED);

  absl::StatusOr<v1::ListClaimVariantsResponse> variants =
      store_->ListClaimVariants(first.claims[0], 0, "");
  ASSERT_THAT(variants, IsOk());
  ASSERT_THAT(variants->variants(), SizeIs(1));
  EXPECT_EQ(variants->variants(0).claim(), second.claims[0]);
  EXPECT_EQ(variants->variants(0).text(), kAltered);
  EXPECT_EQ(variants->variants(0).proposed_attribution_status(), v1::ATTRIBUTION_STATUS_ALTERED);

  // Once an analyst decides, nothing is proposed any more.
  ClaimReview review;
  review.claim = variant.name();
  review.etag = variant.etag();
  review.attribution_status = v1::ATTRIBUTION_STATUS_ALTERED;
  review.actor = "ana";
  absl::Notification reviewed;
  absl::StatusOr<v1::Claim> after;
  store_->Review(review, [&](absl::StatusOr<v1::Claim> claim) {
    after = std::move(claim);
    reviewed.Notify();
  });
  reviewed.WaitForNotification();
  ASSERT_THAT(after, IsOk());
  EXPECT_EQ(after->attribution_status(), v1::ATTRIBUTION_STATUS_ALTERED);
  EXPECT_TRUE(after->altered_quote_suspected());
  EXPECT_EQ(after->proposed_attribution_status(), v1::ATTRIBUTION_STATUS_UNSPECIFIED);
}

TEST_P(ClaimTrackingTest, HarmlessRewordingIsAVariantWithoutAFlag) {
  const RecordResult first =
      Record(Doc("documents/a", "A", 0, {Quote("s1", kGarland, "Merrick Garland")}));
  const RecordResult second =
      Record(Doc("documents/b", "B", 0, {Quote("s1", kReworded, "Merrick Garland")}));
  const v1::Claim variant = Get(second.claims[0]);
  EXPECT_EQ(variant.variant_of().canonical_claim(), first.claims[0]);
  EXPECT_FALSE(variant.altered_quote_suspected());
  EXPECT_EQ(variant.proposed_attribution_status(), v1::ATTRIBUTION_STATUS_UNSPECIFIED);
}

TEST_P(ClaimTrackingTest, VariantsNeedTheSameSpeakerAndHangOffTheFirstWording) {
  const RecordResult first =
      Record(Doc("documents/a", "A", 0, {Quote("s1", kGarland, "Merrick Garland")}));
  // The same words from someone else are not a variant.
  const RecordResult other =
      Record(Doc("documents/b", "B", 0, {Quote("s1", kAltered, "Michael Schmid")}));
  EXPECT_FALSE(Get(other.claims[0]).has_variant_of());
  // A variant of a variant links to the first wording.
  const RecordResult second =
      Record(Doc("documents/c", "C", 0, {Quote("s1", kAltered, "Merrick Garland")}));
  const RecordResult third = Record(Doc(
      "documents/d", "D", 0, {Quote("s1", "There is still a hiding place for war criminals today",
                                    "Merrick Garland")}));
  EXPECT_EQ(Get(second.claims[0]).variant_of().canonical_claim(), first.claims[0]);
  EXPECT_EQ(Get(third.claims[0]).variant_of().canonical_claim(), first.claims[0]);
  EXPECT_EQ(Get(first.claims[0]).variant_count(), 2);
  // Unrelated text by the same speaker is not a variant.
  const RecordResult unrelated = Record(Doc(
      "documents/e", "E", 0,
      {Quote("s1", "The department will prosecute every case it can", "Merrick Garland")}));
  EXPECT_FALSE(Get(unrelated.claims[0]).has_variant_of());
}

TEST_P(ClaimTrackingTest, CountsIndependentPublishersAndTheFirstAppearance) {
  Record(Doc("documents/a", "Network Today", 3000, {Quote("s1", kGarland, "Merrick Garland")}));
  Record(Doc("documents/b", "network  today", 1000, {Quote("s1", kGarland, "Merrick Garland")}));
  const RecordResult last =
      Record(Doc("documents/c", "The Times", 2000, {Quote("s1", kGarland, "Merrick Garland")}));
  const v1::Claim claim = Get(last.claims[0]);
  EXPECT_EQ(claim.appearance_count(), 3);
  EXPECT_EQ(claim.publisher_count(), 2);
  EXPECT_EQ(claim.first_appearance_time().seconds(), 1000);
  EXPECT_EQ(claim.first_appearance_document(), "documents/b");
}

TEST_P(ClaimTrackingTest, SpeakersCollectAliasesAndRolesAndListTheirClaims) {
  type::v1::Statement garland = Quote("s1", kGarland, "Merrick Garland");
  garland.mutable_mention()->set_text("then-Attorney General Merrick Garland");
  garland.mutable_speaker()->set_role("Attorney General (then)");
  Record(Doc("documents/a", "A", 1000, {garland}));
  type::v1::Statement later = Quote("s1", "We will follow the facts wherever they lead",
                                    "Merrick Garland");
  later.mutable_mention()->set_text("he");
  later.mutable_speaker()->set_role("Attorney General");
  Record(Doc("documents/b", "B", 2000, {later}));

  type::v1::Statement doj =
      Quote("s1", "the US will no longer be part of the ICPA", "Department of Justice",
            type::v1::SPEAKER_TYPE_ORGANIZATION, type::v1::STATEMENT_KIND_REPORTED_SPEECH);
  doj.mutable_speaker()->add_aliases("DOJ");
  Record(Doc("documents/c", "C", 0, {doj}));
  // A later article naming the department only by its alias: same speaker.
  type::v1::Statement by_alias = Quote("s1", "the decision was about resources", "DOJ",
                                       type::v1::SPEAKER_TYPE_ORGANIZATION,
                                       type::v1::STATEMENT_KIND_REPORTED_SPEECH);
  by_alias.mutable_mention()->set_text("the Justice Department");
  const RecordResult alias_claim = Record(Doc("documents/d", "D", 0, {by_alias}));

  absl::StatusOr<v1::ListSpeakersResponse> garlands = store_->ListSpeakers("garland", 0, "");
  ASSERT_THAT(garlands, IsOk());
  ASSERT_THAT(garlands->speakers(), SizeIs(1));
  const v1::Speaker& speaker = garlands->speakers(0);
  EXPECT_EQ(speaker.display_name(), "Merrick Garland");
  EXPECT_EQ(speaker.type(), type::v1::SPEAKER_TYPE_PERSON);
  EXPECT_THAT(speaker.aliases(),
              ElementsAre("then-Attorney General Merrick Garland", "Garland"));
  ASSERT_THAT(speaker.roles(), SizeIs(2));
  EXPECT_EQ(speaker.roles(0).role(), "Attorney General (then)");
  EXPECT_EQ(speaker.roles(0).first_seen_time().seconds(), 1000);
  EXPECT_EQ(speaker.roles(1).role(), "Attorney General");
  EXPECT_EQ(speaker.roles(1).last_seen_time().seconds(), 2000);
  EXPECT_EQ(speaker.claim_count(), 2);
  EXPECT_THAT(store_->GetSpeaker(speaker.name()), IsOk());

  absl::StatusOr<v1::ListSpeakersResponse> dojs = store_->ListSpeakers("doj", 0, "");
  ASSERT_THAT(dojs, IsOk());
  ASSERT_THAT(dojs->speakers(), SizeIs(1));
  EXPECT_EQ(dojs->speakers(0).display_name(), "Department of Justice");
  EXPECT_THAT(dojs->speakers(0).aliases(), ElementsAre("DOJ", "the Justice Department"));
  EXPECT_EQ(dojs->speakers(0).claim_count(), 2);
  EXPECT_EQ(Get(alias_claim.claims[0]).speaker_resource(), dojs->speakers(0).name());

  // ListClaims takes the resource name as its speaker filter.
  ClaimFilter filter;
  filter.speaker = speaker.name();
  absl::StatusOr<v1::ListClaimsResponse> claims = store_->ListClaims(filter, 0, "");
  ASSERT_THAT(claims, IsOk());
  std::vector<std::string> texts;
  for (const auto& claim : claims->claims()) texts.push_back(claim.text());
  EXPECT_THAT(texts, UnorderedElementsAre(kGarland, "We will follow the facts wherever they lead"));

  EXPECT_THAT(store_->GetSpeaker("speakers/0000000000000000"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->GetSpeaker("people/x"), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_P(ClaimTrackingTest, AnonymousAndDocumentSpeakersAreNotSpeakers) {
  const RecordResult result = Record(Doc(
      "documents/a", "A", 0,
      {Quote("s1", "the decision was made over resources", "", type::v1::SPEAKER_TYPE_ANONYMOUS),
       Quote("s2", "the US will be withdrawing", "letter to European allies",
             type::v1::SPEAKER_TYPE_DOCUMENT)}));
  EXPECT_TRUE(Get(result.claims[0]).speaker_resource().empty());
  EXPECT_TRUE(Get(result.claims[1]).speaker_resource().empty());
  absl::StatusOr<v1::ListSpeakersResponse> speakers = store_->ListSpeakers("", 0, "");
  ASSERT_THAT(speakers, IsOk());
  EXPECT_THAT(speakers->speakers(), IsEmpty());
}

TEST_P(ClaimTrackingTest, SearchCombinesWordsWithTheFilters) {
  Record(Doc("documents/a", "Network Today", 1000,
             {Quote("s1", kGarland, "Merrick Garland"),
              Quote("s2", "Russian war crimes will be prosecuted in The Hague", "Michael Schmid")}));
  Record(Doc("documents/b", "The Times", 5000,
             {Quote("s1", "The war in Ukraine has cost billions", "Michael Schmid")}));

  v1::SearchClaimsRequest request;
  request.set_query("war");
  EXPECT_THAT(Search(request), SizeIs(3));
  request.set_query("war crim*");
  EXPECT_THAT(Search(request),
              ElementsAre("Russian war crimes will be prosecuted in The Hague", kGarland));
  request.set_query("\"hiding place\" criminals");
  EXPECT_THAT(Search(request), ElementsAre(kGarland));
  request.set_query("war");
  request.set_speaker("Schmid");
  EXPECT_THAT(Search(request), SizeIs(2));
  request.set_publisher("the times");
  EXPECT_THAT(Search(request), ElementsAre("The war in Ukraine has cost billions"));
  request.clear_publisher();
  *request.mutable_end_time() = ProtoTimestampFromMicros(2000 * 1000000LL);
  EXPECT_THAT(Search(request),
              ElementsAre("Russian war crimes will be prosecuted in The Hague"));
  request.clear_end_time();
  request.set_kind(type::v1::STATEMENT_KIND_FACTUAL_CLAIM);
  EXPECT_THAT(Search(request), IsEmpty());
  // FTS5 syntax in a query is just words.
  request.Clear();
  request.set_query("war) OR \"NEAR(");
  EXPECT_THAT(Search(request), IsEmpty());
}

TEST_P(ClaimTrackingTest, SearchPagesAreBoundToTheQuery) {
  std::vector<type::v1::Statement> statements;
  for (int i = 0; i < 5; ++i) {
    statements.push_back(Quote(absl::StrCat("s", i), absl::StrCat("war claim number ", i),
                               "Merrick Garland"));
  }
  Record(Doc("documents/a", "A", 0, statements));
  v1::SearchClaimsRequest request;
  request.set_query("war");
  absl::StatusOr<ClaimSearch> search = ValidateSearchClaimsRequest(request);
  ASSERT_THAT(search, IsOk());
  std::vector<std::string> texts;
  std::string token;
  do {
    absl::StatusOr<v1::SearchClaimsResponse> page = store_->SearchClaims(*search, 2, token);
    ASSERT_THAT(page, IsOk());
    for (const auto& claim : page->claims()) texts.push_back(claim.text());
    token = page->next_page_token();
  } while (!token.empty());
  EXPECT_THAT(texts, ElementsAre("war claim number 4", "war claim number 3", "war claim number 2",
                                 "war claim number 1", "war claim number 0"));

  absl::StatusOr<v1::SearchClaimsResponse> first = store_->SearchClaims(*search, 2, "");
  ASSERT_THAT(first, IsOk());
  request.set_query("claim");
  absl::StatusOr<ClaimSearch> other = ValidateSearchClaimsRequest(request);
  ASSERT_THAT(other, IsOk());
  EXPECT_THAT(store_->SearchClaims(*other, 2, first->next_page_token()),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

INSTANTIATE_TEST_SUITE_P(Backends, ClaimTrackingTest, ::testing::ValuesIn(kStoreBackends),
                         StoreBackendName);

}  // namespace
}  // namespace claimtrack::verification

namespace claimtrack::verification {
namespace {

// SQLite only: PostgreSQL stores have had the search index from their first
// schema version.
class SqliteClaimTrackingTest : public ClaimTrackingTest {};
INSTANTIATE_TEST_SUITE_P(Backends, SqliteClaimTrackingTest,
                         ::testing::Values(StoreBackend::kSqlite), StoreBackendName);

TEST_P(SqliteClaimTrackingTest, AStoreWithoutTheSearchIndexGetsItBuiltFromItsClaims) {
  Record(Doc("documents/a", "A", 0, {Quote("s1", kGarland, "Merrick Garland")}));
  store_->Close();
  store_.reset();
  // As a store written before tracking existed would be.
  ASSERT_THAT(location_->ExecBehindTheStore("DROP TABLE claim_text_search"), IsOk());
  auto reopened = location_->Open();
  ASSERT_THAT(reopened, IsOk());
  store_ = *std::move(reopened);
  v1::SearchClaimsRequest request;
  request.set_query("criminals");
  EXPECT_THAT(Search(request), ElementsAre(kGarland));
}

}  // namespace
}  // namespace claimtrack::verification
