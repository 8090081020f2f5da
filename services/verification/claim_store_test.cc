#include "services/verification/claim_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "common/testing/status_matchers.h"
#include "services/verification/claim_store_backends.h"
#include "services/verification/change_cursor.h"
#include "services/verification/change_notifier.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;

type::v1::Statement MakeStatement(
    absl::string_view id, absl::string_view content, absl::string_view speaker,
    type::v1::StatementKind kind = type::v1::STATEMENT_KIND_DIRECT_QUOTE) {
  type::v1::Statement statement;
  statement.set_statement_id(std::string(id));
  statement.set_content(std::string(content));
  statement.set_kind(kind);
  statement.mutable_speaker()->set_name(std::string(speaker));
  statement.set_rule("test-rule");
  return statement;
}

DocumentStatements Doc(absl::string_view name, std::vector<type::v1::Statement> statements) {
  DocumentStatements doc;
  doc.document = std::string(name);
  doc.source.set_publisher(absl::StrCat("publisher of ", name));
  doc.statements = std::move(statements);
  return doc;
}

absl::StatusOr<RecordResult> Record(ClaimStore& store, DocumentStatements doc) {
  absl::Notification done;
  absl::StatusOr<RecordResult> result;
  store.RecordStatements(std::move(doc), [&](absl::StatusOr<RecordResult> r) {
    result = std::move(r);
    done.Notify();
  });
  done.WaitForNotification();
  return result;
}

absl::StatusOr<v1::Claim> Review(ClaimStore& store, ClaimReview review) {
  absl::Notification done;
  absl::StatusOr<v1::Claim> result;
  store.Review(std::move(review), [&](absl::StatusOr<v1::Claim> r) {
    result = std::move(r);
    done.Notify();
  });
  done.WaitForNotification();
  return result;
}

ClaimReview MakeReview(const v1::Claim& claim, v1::AttributionStatus attribution,
                       v1::Verdict verdict, absl::string_view note = "") {
  ClaimReview review;
  review.claim = claim.name();
  review.etag = claim.etag();
  review.attribution_status = attribution;
  review.verdict = verdict;
  review.note = std::string(note);
  review.actor = "ana";
  return review;
}

// Every case runs against SQLite and PostgreSQL (claim_store_backends.h).
class ClaimStoreTest : public StoreBackendTest {};

INSTANTIATE_TEST_SUITE_P(Backends, ClaimStoreTest, ::testing::ValuesIn(kStoreBackends),
                         StoreBackendName);

TEST_P(ClaimStoreTest, RecordsNewClaimsWithDefaults) {
  absl::StatusOr<RecordResult> result =
      Record(*store_, Doc("documents/d1", {MakeStatement("s1", "We will win.", "Jane Doe"),
                                           MakeStatement("s2", "Taxes rose.", "",
                                                         type::v1::STATEMENT_KIND_FACTUAL_CLAIM)}));
  ASSERT_THAT(result, IsOk());
  EXPECT_THAT(result->claims, SizeIs(2));
  EXPECT_EQ(result->created_claim_count, 2);
  EXPECT_EQ(result->created_appearance_count, 2);

  absl::StatusOr<v1::Claim> claim = store_->GetClaim(result->claims[0]);
  ASSERT_THAT(claim, IsOk());
  EXPECT_EQ(claim->name(), result->claims[0]);
  EXPECT_EQ(claim->text(), "We will win.");
  EXPECT_EQ(claim->speaker().name(), "Jane Doe");
  EXPECT_EQ(claim->kind(), type::v1::STATEMENT_KIND_DIRECT_QUOTE);
  EXPECT_EQ(claim->attribution_status(), v1::ATTRIBUTION_STATUS_UNCHECKED);
  EXPECT_EQ(claim->verdict(), v1::VERDICT_UNVERIFIED);
  EXPECT_EQ(claim->appearance_count(), 1);
  ASSERT_THAT(claim->appearances(), SizeIs(1));
  EXPECT_EQ(claim->appearances(0).document(), "documents/d1");
  EXPECT_EQ(claim->appearances(0).statement_id(), "s1");
  EXPECT_EQ(claim->appearances(0).source().publisher(), "publisher of documents/d1");
  EXPECT_EQ(claim->appearances(0).rule(), "test-rule");
  EXPECT_FALSE(claim->etag().empty());
  EXPECT_TRUE(claim->has_create_time());
}

TEST_P(ClaimStoreTest, ReplayChangesNothing) {
  const DocumentStatements doc =
      Doc("documents/d1", {MakeStatement("s1", "We will win.", "Jane Doe")});
  absl::StatusOr<RecordResult> first = Record(*store_, doc);
  ASSERT_THAT(first, IsOk());
  absl::StatusOr<v1::Claim> before = store_->GetClaim(first->claims[0]);
  ASSERT_THAT(before, IsOk());

  absl::StatusOr<RecordResult> replay = Record(*store_, doc);
  ASSERT_THAT(replay, IsOk());
  EXPECT_EQ(replay->claims, first->claims);
  EXPECT_EQ(replay->created_claim_count, 0);
  EXPECT_EQ(replay->created_appearance_count, 0);
  absl::StatusOr<v1::Claim> after = store_->GetClaim(first->claims[0]);
  ASSERT_THAT(after, IsOk());
  EXPECT_EQ(after->SerializeAsString(), before->SerializeAsString());
}

TEST_P(ClaimStoreTest, SameStatementInTwoDocumentsIsOneClaimTwoAppearances) {
  absl::StatusOr<RecordResult> a = Record(
      *store_, Doc("documents/d1", {MakeStatement("s1", "\u201CWe will win.\u201D", "Jane Doe")}));
  ASSERT_THAT(a, IsOk());
  absl::StatusOr<v1::Claim> before = store_->GetClaim(a->claims[0]);
  absl::StatusOr<RecordResult> b =
      Record(*store_, Doc("documents/d2", {MakeStatement("x9", "we will win", "jane doe"),
                                           MakeStatement("x10", "we will win", "John Roe")}));
  ASSERT_THAT(b, IsOk());
  EXPECT_EQ(b->claims[0], a->claims[0]);
  EXPECT_NE(b->claims[1], a->claims[0]);
  EXPECT_EQ(b->created_claim_count, 1);
  EXPECT_EQ(b->created_appearance_count, 2);

  absl::StatusOr<v1::Claim> claim = store_->GetClaim(a->claims[0]);
  ASSERT_THAT(claim, IsOk());
  EXPECT_EQ(claim->appearance_count(), 2);
  ASSERT_THAT(claim->appearances(), SizeIs(2));
  EXPECT_EQ(claim->appearances(0).document(), "documents/d1");
  EXPECT_EQ(claim->appearances(1).document(), "documents/d2");
  EXPECT_EQ(claim->appearances(1).content(), "we will win");
  EXPECT_EQ(claim->text(), "\u201CWe will win.\u201D");  // as first recorded
  EXPECT_NE(claim->etag(), before->etag());              // a new appearance is a change
}

TEST_P(ClaimStoreTest, RepeatedStatementIdInOneRequestIsRecordedOnce) {
  absl::StatusOr<RecordResult> result =
      Record(*store_,
             Doc("documents/d1", {MakeStatement("s1", "one", "A"), MakeStatement("s1", "one", "A"),
                                  MakeStatement("s2", "one", "A")}));
  ASSERT_THAT(result, IsOk());
  ASSERT_THAT(result->claims, SizeIs(3));
  EXPECT_EQ(result->claims[0], result->claims[1]);
  EXPECT_EQ(result->claims[0], result->claims[2]);
  EXPECT_EQ(result->created_claim_count, 1);
  EXPECT_EQ(result->created_appearance_count, 2);  // s1 and s2: two places in the text
  absl::StatusOr<v1::Claim> claim = store_->GetClaim(result->claims[0]);
  ASSERT_THAT(claim, IsOk());
  EXPECT_EQ(claim->appearance_count(), 2);
}

TEST_P(ClaimStoreTest, AliasesFromLaterAppearancesAreSearchable) {
  ASSERT_THAT(Record(*store_, Doc("documents/d1", {MakeStatement("s1", "one", "Jane Doe")})),
              IsOk());
  auto later = MakeStatement("s7", "one", "Jane Doe");
  later.mutable_speaker()->add_aliases("Doe");
  ASSERT_THAT(Record(*store_, Doc("documents/d2", {later})), IsOk());
  ClaimFilter filter;
  filter.speaker = "DOE";
  absl::StatusOr<v1::ListClaimsResponse> page = store_->ListClaims(filter, 0, "");
  ASSERT_THAT(page, IsOk());
  EXPECT_THAT(page->claims(), SizeIs(1));
}

TEST_P(ClaimStoreTest, GetClaimErrors) {
  EXPECT_THAT(store_->GetClaim("claims/0000000000000000"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("claims/0000000000000000")));
  EXPECT_THAT(store_->GetClaim("claim/x"), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_P(ClaimStoreTest, ListFiltersAndNewestFirst) {
  auto jane = MakeStatement("s1", "one", "Jane Doe");
  jane.mutable_speaker()->add_aliases("The Senator");
  ASSERT_THAT(Record(*store_, Doc("documents/d1", {jane, MakeStatement("s2", "two", "John Roe")})),
              IsOk());
  ASSERT_THAT(
      Record(*store_, Doc("documents/d2", {MakeStatement("s1", "three", "",
                                                         type::v1::STATEMENT_KIND_FACTUAL_CLAIM)})),
      IsOk());
  const auto texts = [&](const ClaimFilter& filter) {
    std::vector<std::string> result;
    absl::StatusOr<v1::ListClaimsResponse> page = store_->ListClaims(filter, 0, "");
    EXPECT_THAT(page, IsOk());
    if (page.ok()) {
      for (const v1::Claim& claim : page->claims()) result.push_back(claim.text());
      EXPECT_EQ(page->next_page_token(), "");
    }
    return result;
  };
  EXPECT_THAT(texts({}), ElementsAre("three", "two", "one"));
  ClaimFilter by_speaker;
  by_speaker.speaker = "JANE  doe";
  EXPECT_THAT(texts(by_speaker), ElementsAre("one"));
  by_speaker.speaker = "the senator";
  EXPECT_THAT(texts(by_speaker), ElementsAre("one"));
  by_speaker.speaker = "jane";
  EXPECT_THAT(texts(by_speaker), ElementsAre());
  ClaimFilter by_document;
  by_document.document = "documents/d1";
  EXPECT_THAT(texts(by_document), ElementsAre("two", "one"));
  ClaimFilter by_kind;
  by_kind.kind = type::v1::STATEMENT_KIND_FACTUAL_CLAIM;
  EXPECT_THAT(texts(by_kind), ElementsAre("three"));

  absl::StatusOr<v1::ListClaimsResponse> all = store_->ListClaims({}, 0, "");
  ASSERT_THAT(all, IsOk());
  const v1::Claim& two = all->claims(1);
  ASSERT_THAT(
      Review(*store_, MakeReview(two, v1::ATTRIBUTION_STATUS_CONFIRMED, v1::VERDICT_IN_REVIEW)),
      IsOk());
  ClaimFilter by_status;
  by_status.attribution_status = v1::ATTRIBUTION_STATUS_CONFIRMED;
  EXPECT_THAT(texts(by_status), ElementsAre("two"));
  by_status.verdict = v1::VERDICT_IN_REVIEW;
  EXPECT_THAT(texts(by_status), ElementsAre("two"));
  by_status.verdict = v1::VERDICT_UNVERIFIED;
  EXPECT_THAT(texts(by_status), ElementsAre());
  ClaimFilter unverified;
  unverified.verdict = v1::VERDICT_UNVERIFIED;
  EXPECT_THAT(texts(unverified), ElementsAre("three", "one"));
}

TEST_P(ClaimStoreTest, ListedClaimsCarryTheirFirstTwentyAppearances) {
  std::string name;
  for (int i = 0; i < 25; ++i) {
    absl::StatusOr<RecordResult> recorded =
        Record(*store_, Doc(absl::StrCat("documents/d", i),
                            {MakeStatement("s1", "We will win.", "Jane Doe")}));
    ASSERT_THAT(recorded, IsOk());
    name = recorded->claims[0];
  }
  absl::StatusOr<v1::ListClaimsResponse> page = store_->ListClaims({}, 10, "");
  ASSERT_THAT(page, IsOk());
  ASSERT_THAT(page->claims(), SizeIs(1));
  EXPECT_EQ(page->claims(0).appearance_count(), 25);
  EXPECT_THAT(page->claims(0).appearances(), SizeIs(20));
  EXPECT_EQ(page->claims(0).appearances(0).document(), "documents/d0");
  absl::StatusOr<v1::Claim> claim = store_->GetClaim(name);
  ASSERT_THAT(claim, IsOk());
  EXPECT_THAT(claim->appearances(), SizeIs(25));
}

TEST_P(ClaimStoreTest, PaginatesAndRejectsBadTokens) {
  std::vector<type::v1::Statement> statements;
  for (int i = 0; i < 7; ++i) {
    statements.push_back(MakeStatement(absl::StrCat("s", i), absl::StrCat("claim ", i), "A"));
  }
  ASSERT_THAT(Record(*store_, Doc("documents/d1", statements)), IsOk());
  std::vector<std::string> seen;
  std::string token;
  int pages = 0;
  do {
    absl::StatusOr<v1::ListClaimsResponse> page = store_->ListClaims({}, 3, token);
    ASSERT_THAT(page, IsOk());
    for (const v1::Claim& claim : page->claims()) seen.push_back(claim.text());
    token = page->next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(seen, ElementsAre("claim 6", "claim 5", "claim 4", "claim 3", "claim 2", "claim 1",
                                "claim 0"));

  absl::StatusOr<v1::ListClaimsResponse> first = store_->ListClaims({}, 3, "");
  ASSERT_THAT(first, IsOk());
  ClaimFilter other;
  other.speaker = "A";
  EXPECT_THAT(store_->ListClaims(other, 3, first->next_page_token()),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")));
  EXPECT_THAT(store_->ListClaims({}, 3, "not-a-token!"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")));
  EXPECT_THAT(store_->ListClaims({}, -1, ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size")));
}

TEST_P(ClaimStoreTest, ReviewUpdatesStatusesAndAppendsHistory) {
  absl::StatusOr<RecordResult> recorded =
      Record(*store_, Doc("documents/d1", {MakeStatement("s1", "We will win.", "Jane Doe")}));
  ASSERT_THAT(recorded, IsOk());
  absl::StatusOr<v1::Claim> claim = store_->GetClaim(recorded->claims[0]);
  ASSERT_THAT(claim, IsOk());

  ClaimReview first = MakeReview(*claim, v1::ATTRIBUTION_STATUS_CONFIRMED, v1::VERDICT_IN_REVIEW,
                                 "checked the video");
  v1::Evidence evidence;
  evidence.set_url("https://example.org/video");
  evidence.set_description("the speech");
  first.evidence.push_back(evidence);
  absl::StatusOr<v1::Claim> reviewed = Review(*store_, first);
  ASSERT_THAT(reviewed, IsOk());
  EXPECT_EQ(reviewed->attribution_status(), v1::ATTRIBUTION_STATUS_CONFIRMED);
  EXPECT_EQ(reviewed->verdict(), v1::VERDICT_IN_REVIEW);
  EXPECT_EQ(reviewed->verdict_note(), "checked the video");
  ASSERT_THAT(reviewed->evidence(), SizeIs(1));
  EXPECT_NE(reviewed->etag(), claim->etag());
  ASSERT_THAT(reviewed->appearances(), SizeIs(1));

  // The old etag is stale now.
  EXPECT_THAT(Review(*store_, MakeReview(*claim, v1::ATTRIBUTION_STATUS_UNSPECIFIED,
                                         v1::VERDICT_FALSE, "n")),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("re-read the claim")));
  // A final verdict needs a note.
  EXPECT_THAT(
      Review(*store_, MakeReview(*reviewed, v1::ATTRIBUTION_STATUS_UNSPECIFIED, v1::VERDICT_FALSE)),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("note")));
  // One disallowed half fails the whole review.
  EXPECT_THAT(Review(*store_, MakeReview(*reviewed, v1::ATTRIBUTION_STATUS_UNCHECKED,
                                         v1::VERDICT_FALSE, "n")),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("cannot go from ATTRIBUTION_STATUS_CONFIRMED")));
  absl::StatusOr<v1::Claim> unchanged = store_->GetClaim(claim->name());
  ASSERT_THAT(unchanged, IsOk());
  EXPECT_EQ(unchanged->etag(), reviewed->etag());
  EXPECT_EQ(unchanged->verdict(), v1::VERDICT_IN_REVIEW);

  absl::StatusOr<v1::Claim> final_verdict =
      Review(*store_, MakeReview(*reviewed, v1::ATTRIBUTION_STATUS_UNSPECIFIED, v1::VERDICT_FALSE,
                                 "contradicted by data"));
  ASSERT_THAT(final_verdict, IsOk());
  EXPECT_EQ(final_verdict->verdict_note(), "contradicted by data");

  absl::StatusOr<v1::ListClaimHistoryResponse> history = store_->ListHistory(claim->name(), 0, "");
  ASSERT_THAT(history, IsOk());
  ASSERT_THAT(history->history_entries(), SizeIs(3));
  const v1::HistoryEntry& e1 = history->history_entries(0);
  EXPECT_EQ(e1.name(), claim->name() + "/historyEntries/1");
  EXPECT_EQ(e1.actor(), "ana");
  EXPECT_EQ(e1.field(), v1::STATUS_FIELD_ATTRIBUTION);
  EXPECT_EQ(e1.from_attribution_status(), v1::ATTRIBUTION_STATUS_UNCHECKED);
  EXPECT_EQ(e1.to_attribution_status(), v1::ATTRIBUTION_STATUS_CONFIRMED);
  EXPECT_EQ(e1.note(), "checked the video");
  ASSERT_THAT(e1.evidence(), SizeIs(1));
  EXPECT_EQ(e1.evidence(0).url(), "https://example.org/video");
  const v1::HistoryEntry& e2 = history->history_entries(1);
  EXPECT_EQ(e2.field(), v1::STATUS_FIELD_VERDICT);
  EXPECT_EQ(e2.from_verdict(), v1::VERDICT_UNVERIFIED);
  EXPECT_EQ(e2.to_verdict(), v1::VERDICT_IN_REVIEW);
  EXPECT_THAT(e2.evidence(), SizeIs(1));
  const v1::HistoryEntry& e3 = history->history_entries(2);
  EXPECT_EQ(e3.name(), claim->name() + "/historyEntries/3");
  EXPECT_EQ(e3.from_verdict(), v1::VERDICT_IN_REVIEW);
  EXPECT_EQ(e3.to_verdict(), v1::VERDICT_FALSE);
  EXPECT_THAT(e3.evidence(), SizeIs(0));

  // Pages of one.
  absl::StatusOr<v1::ListClaimHistoryResponse> page = store_->ListHistory(claim->name(), 2, "");
  ASSERT_THAT(page, IsOk());
  ASSERT_THAT(page->history_entries(), SizeIs(2));
  page = store_->ListHistory(claim->name(), 2, page->next_page_token());
  ASSERT_THAT(page, IsOk());
  ASSERT_THAT(page->history_entries(), SizeIs(1));
  EXPECT_EQ(page->history_entries(0).to_verdict(), v1::VERDICT_FALSE);
  EXPECT_EQ(page->next_page_token(), "");
}

TEST_P(ClaimStoreTest, ReviewAndHistoryErrors) {
  v1::Claim missing;
  missing.set_name("claims/0000000000000000");
  missing.set_etag("x");
  EXPECT_THAT(Review(*store_, MakeReview(missing, v1::ATTRIBUTION_STATUS_CONFIRMED,
                                         v1::VERDICT_UNSPECIFIED)),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->ListHistory("claims/0000000000000000", 0, ""),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->ListHistory("nope", 0, ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("parent")));
  EXPECT_THAT(store_->ListHistory("claims/0000000000000000", 0, "garbage"),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_P(ClaimStoreTest, HistoryIsAppendOnly) {
  absl::StatusOr<RecordResult> recorded =
      Record(*store_, Doc("documents/d1", {MakeStatement("s1", "x", "A")}));
  ASSERT_THAT(recorded, IsOk());
  absl::StatusOr<v1::Claim> claim = store_->GetClaim(recorded->claims[0]);
  ASSERT_THAT(Review(*store_,
                     MakeReview(*claim, v1::ATTRIBUTION_STATUS_CONFIRMED, v1::VERDICT_UNSPECIFIED)),
              IsOk());
  store_->Close();
  const absl::Status update =
      location_->ExecBehindTheStore("UPDATE history SET note = 'rewritten'");
  EXPECT_THAT(update, Not(IsOk()));
  EXPECT_THAT(std::string(update.message()), HasSubstr("append-only"));
  EXPECT_THAT(location_->ExecBehindTheStore("DELETE FROM history"), Not(IsOk()));
}

TEST_P(ClaimStoreTest, DurableAcrossReopen) {
  absl::StatusOr<RecordResult> recorded =
      Record(*store_, Doc("documents/d1", {MakeStatement("s1", "x", "A")}));
  ASSERT_THAT(recorded, IsOk());
  absl::StatusOr<v1::Claim> claim = store_->GetClaim(recorded->claims[0]);
  ASSERT_THAT(claim, IsOk());
  absl::StatusOr<v1::Claim> reviewed = Review(
      *store_, MakeReview(*claim, v1::ATTRIBUTION_STATUS_ALTERED, v1::VERDICT_NOT_CHECKABLE));
  ASSERT_THAT(reviewed, IsOk());
  store_.reset();

  auto reopened = location_->Open();
  ASSERT_THAT(reopened, IsOk());
  absl::StatusOr<v1::Claim> again = (*reopened)->GetClaim(recorded->claims[0]);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->SerializeAsString(), reviewed->SerializeAsString());
  absl::StatusOr<v1::ListClaimHistoryResponse> history =
      (*reopened)->ListHistory(recorded->claims[0], 0, "");
  ASSERT_THAT(history, IsOk());
  EXPECT_THAT(history->history_entries(), SizeIs(2));
  // Replaying after the restart is still a no-op.
  absl::StatusOr<RecordResult> replay =
      Record(**reopened, Doc("documents/d1", {MakeStatement("s1", "x", "A")}));
  ASSERT_THAT(replay, IsOk());
  EXPECT_EQ(replay->created_appearance_count, 0);
}

TEST_P(ClaimStoreTest, RefusesNewerSchema) {
  store_.reset();
  // What a newer binary would have left behind.
  ASSERT_THAT(location_->ExecBehindTheStore(
                  GetParam() == StoreBackend::kSqlite
                      ? "PRAGMA user_version = 99"
                      : "INSERT INTO schema_migrations (component, version) "
                        "VALUES ('verification', 99)"),
              IsOk());
  absl::StatusOr<std::unique_ptr<ClaimStore>> refused = location_->Open();
  EXPECT_THAT(refused,
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("schema version")));
  EXPECT_THAT(refused.status().message(), HasSubstr("run a newer claimtrack-verification"));
}

TEST_P(ClaimStoreTest, WritesAfterCloseAreUnavailable) {
  store_->Close();
  EXPECT_THAT(Record(*store_, Doc("documents/d1", {MakeStatement("s1", "x", "A")})),
              StatusIs(absl::StatusCode::kUnavailable));
}

TEST_P(ClaimStoreTest, ConcurrentRecordsOfTheSameClaimAgree) {
  // Many documents quoting the same words, submitted at once: one claim.
  constexpr int kDocuments = 200;
  absl::Mutex mu;
  std::vector<std::string> names;
  int created = 0;
  absl::BlockingCounter remaining(kDocuments);
  for (int i = 0; i < kDocuments; ++i) {
    store_->RecordStatements(
        Doc(absl::StrCat("documents/d", i), {MakeStatement("s1", "Same words.", "A")}),
        [&](absl::StatusOr<RecordResult> result) {
          {
            absl::MutexLock lock(&mu);
            EXPECT_THAT(result, IsOk());
            if (result.ok()) {
              names.push_back(result->claims[0]);
              created += result->created_claim_count;
            }
          }
          remaining.DecrementCount();
        });
  }
  remaining.Wait();
  EXPECT_EQ(created, 1);
  ASSERT_THAT(names, SizeIs(kDocuments));
  absl::StatusOr<v1::Claim> claim = store_->GetClaim(names[0]);
  ASSERT_THAT(claim, IsOk());
  EXPECT_EQ(claim->appearance_count(), kDocuments);
}

// Several stores on one database: PostgreSQL only (a SQLite file has one
// writer process).
class ClaimStoreReplicasTest : public ClaimStoreTest {};
INSTANTIATE_TEST_SUITE_P(Backends, ClaimStoreReplicasTest,
                         ::testing::Values(StoreBackend::kPostgres), StoreBackendName);

// Two replicas on one PostgreSQL database recording the same documents at
// once: every claim is created once, every appearance recorded once, and the
// change feed has one event per appearance in commit order.
TEST_P(ClaimStoreReplicasTest, TwoReplicasRecordingTheSameStatementsCreateEachClaimOnce) {
  absl::StatusOr<std::unique_ptr<ClaimStore>> second = location_->Open();
  ASSERT_THAT(second, IsOk());
  ClaimStore* replicas[] = {store_.get(), second->get()};
  constexpr int kDocuments = 40;
  absl::Mutex mu;
  int created = 0;
  int appearances = 0;
  // A follower reads the feed as a watch does while both replicas write: had
  // a lower cursor committed after a higher one, it would skip that event.
  std::atomic<bool> writing{true};
  std::vector<std::string> followed;
  std::thread follower([&] {
    int64_t after = 0;
    while (true) {
      const bool last_round = !writing.load();
      absl::StatusOr<std::vector<v1::ClaimChange>> batch = (*second)->ListChanges(after, 1000);
      ASSERT_THAT(batch, IsOk());
      for (const v1::ClaimChange& change : *batch) {
        followed.push_back(change.cursor());
        absl::StatusOr<int64_t> seq = ParseChangeCursor(change.cursor(), "cursor");
        ASSERT_THAT(seq, IsOk());
        after = *seq;
      }
      if (last_round) return;
    }
  });
  absl::BlockingCounter remaining(2 * kDocuments);
  for (int i = 0; i < kDocuments; ++i) {
    for (ClaimStore* replica : replicas) {
      // Every document quotes a shared line and one of its own; both
      // replicas get every document.
      replica->RecordStatements(
          Doc(absl::StrCat("documents/d", i),
              {MakeStatement("s1", "The same words everywhere.", "A"),
               MakeStatement("s2", absl::StrCat("Words of document ", i, "."), "B")}),
          [&](absl::StatusOr<RecordResult> result) {
            {
              absl::MutexLock lock(&mu);
              EXPECT_THAT(result, IsOk());
              if (result.ok()) {
                created += result->created_claim_count;
                appearances += result->created_appearance_count;
              }
            }
            remaining.DecrementCount();
          });
    }
  }
  remaining.Wait();
  writing = false;
  follower.join();
  EXPECT_EQ(created, 1 + kDocuments);
  EXPECT_EQ(appearances, 2 * kDocuments);
  absl::StatusOr<v1::ListClaimsResponse> listed = (*second)->ListClaims({}, 1000, "");
  ASSERT_THAT(listed, IsOk());
  EXPECT_THAT(listed->claims(), SizeIs(1 + kDocuments));
  ClaimFilter by_a;
  by_a.speaker = "A";
  absl::StatusOr<v1::ListClaimsResponse> shared = store_->ListClaims(by_a, 10, "");
  ASSERT_THAT(shared, IsOk());
  ASSERT_THAT(shared->claims(), SizeIs(1));
  EXPECT_EQ(shared->claims(0).appearance_count(), kDocuments);
  absl::StatusOr<std::vector<v1::ClaimChange>> changes = store_->ListChanges(0, 1000);
  ASSERT_THAT(changes, IsOk());
  EXPECT_THAT(*changes, SizeIs(2 * kDocuments));
  std::vector<std::string> cursors;
  for (const v1::ClaimChange& change : *changes) cursors.push_back(change.cursor());
  EXPECT_EQ(followed, cursors) << "the follower missed or reordered events";
}

// A watch on one replica hears of changes another replica commits.
TEST_P(ClaimStoreReplicasTest, WatchersHearOfChangesOtherReplicasCommit) {
  absl::StatusOr<std::unique_ptr<ClaimStore>> other = location_->Open();
  ASSERT_THAT(other, IsOk());
  class Watcher : public ChangeNotifier::Watcher {
   public:
    void OnChangesCommitted() override {
      if (!woken.HasBeenNotified()) woken.Notify();
    }
    void OnNotifierClosed() override {}
    absl::Notification woken;
  } watcher;
  ASSERT_TRUE(store_->change_notifier().Subscribe(&watcher));
  ASSERT_THAT(Record(**other, Doc("documents/d1", {MakeStatement("s1", "x", "A")})), IsOk());
  watcher.woken.WaitForNotification();
  store_->change_notifier().Unsubscribe(&watcher);
  absl::StatusOr<std::vector<v1::ClaimChange>> changes = store_->ListChanges(0, 10);
  ASSERT_THAT(changes, IsOk());
  EXPECT_THAT(*changes, SizeIs(1));
}

}  // namespace
}  // namespace claimtrack::verification
