// The workflow beyond ReviewClaim on the real stores (SQLite and PostgreSQL): evidence,
// assignment, the publish lock, the history hash chain (including a store
// file modified behind the store's back) and the change log.

#include "services/verification/sqlite_workflow_changes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "common/testing/status_matchers.h"
#include "services/verification/claim_store_backends.h"
#include "services/verification/sqlite_claim_store.h"
#include "services/verification/sqlite_history.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;

template <typename Result, typename Call>
absl::StatusOr<Result> Wait(Call call) {
  absl::Notification done;
  absl::StatusOr<Result> result = absl::UnknownError("not called");
  call([&](absl::StatusOr<Result> r) {
    result = std::move(r);
    done.Notify();
  });
  done.WaitForNotification();
  return result;
}

class WorkflowStoreTest : public StoreBackendTest {
 protected:
  void SetUp() override {
    StoreBackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    DocumentStatements doc;
    doc.document = "documents/d1";
    doc.source.set_url("https://news.example/a");
    type::v1::Statement statement;
    statement.set_statement_id("s1");
    statement.set_content("There is no hiding place for war criminals");
    statement.set_kind(type::v1::STATEMENT_KIND_DIRECT_QUOTE);
    statement.mutable_speaker()->set_name("Merrick Garland");
    statement.mutable_speaker()->set_type(type::v1::SPEAKER_TYPE_PERSON);
    doc.statements.push_back(statement);
    absl::StatusOr<RecordResult> recorded = Wait<RecordResult>(
        [&](auto done) { store_->RecordStatements(std::move(doc), std::move(done)); });
    ASSERT_THAT(recorded, IsOk());
    claim_ = recorded->claims[0];
  }

  absl::StatusOr<v1::Claim> Apply(WorkflowChange change) {
    if (change.claim.empty()) change.claim = claim_;
    if (change.actor.empty()) change.actor = "ana";
    return Wait<v1::Claim>(
        [&](auto done) { store_->ApplyWorkflowChange(std::move(change), std::move(done)); });
  }

  absl::StatusOr<v1::Claim> Review(v1::AttributionStatus attribution, v1::Verdict verdict,
                                   const std::string& note) {
    absl::StatusOr<v1::Claim> current = store_->GetClaim(claim_);
    if (!current.ok()) return current.status();
    ClaimReview review;
    review.claim = claim_;
    review.etag = current->etag();
    review.attribution_status = attribution;
    review.verdict = verdict;
    review.note = note;
    review.actor = "ana";
    return Wait<v1::Claim>([&](auto done) { store_->Review(std::move(review), std::move(done)); });
  }

  // Confirmed, in review, FALSE: three status entries.
  void ReviewToFalse() {
    ASSERT_THAT(Review(v1::ATTRIBUTION_STATUS_CONFIRMED, v1::VERDICT_IN_REVIEW, "DOJ transcript"),
                IsOk());
    ASSERT_THAT(Review(v1::ATTRIBUTION_STATUS_UNSPECIFIED, v1::VERDICT_FALSE, "not what he said"),
                IsOk());
  }

  std::vector<v1::HistoryEntry> History() {
    absl::StatusOr<v1::ListClaimHistoryResponse> history = store_->ListHistory(claim_, 0, "");
    EXPECT_THAT(history, IsOk());
    return {history->history_entries().begin(), history->history_entries().end()};
  }

  // SQL that lets `table` (history or evidence) be changed, as someone
  // with the file or database owner's rights could.
  std::string LiftAppendOnly(const std::string& table) const {
    return GetParam() == StoreBackend::kSqlite
               ? absl::StrCat("DROP TRIGGER ", table, "_no_update; DROP TRIGGER ", table,
                              "_no_delete; ")
               : absl::StrCat("ALTER TABLE ", table, " DISABLE TRIGGER ", table,
                              "_append_only; ");
  }

  std::string claim_;
};

INSTANTIATE_TEST_SUITE_P(Backends, WorkflowStoreTest, ::testing::ValuesIn(kStoreBackends),
                         StoreBackendName);

v1::Evidence MakeEvidence(const std::string& url, v1::EvidenceStance stance,
                          const std::string& sha = "") {
  v1::Evidence evidence;
  evidence.set_url(url);
  evidence.set_description("transcript");
  evidence.set_stance(stance);
  evidence.set_archive_sha256(sha);
  return evidence;
}

TEST_P(WorkflowStoreTest, EvidenceIsAddedOnItsOwnWithStanceAndDigest) {
  WorkflowChange change;
  change.kind = WorkflowChange::Kind::kAddEvidence;
  change.note = "primary source";
  change.evidence = {
      MakeEvidence("https://www.justice.gov/a", v1::EVIDENCE_STANCE_SUPPORTS, std::string(64, 'c')),
      MakeEvidence("https://archive.example/b", v1::EVIDENCE_STANCE_CONTEXT)};
  absl::StatusOr<v1::Claim> claim = Apply(change);
  ASSERT_THAT(claim, IsOk());
  ASSERT_THAT(claim->evidence(), SizeIs(2));
  EXPECT_EQ(claim->evidence(0).stance(), v1::EVIDENCE_STANCE_SUPPORTS);
  EXPECT_EQ(claim->evidence(0).archive_sha256(), std::string(64, 'c'));
  EXPECT_EQ(claim->evidence(1).stance(), v1::EVIDENCE_STANCE_CONTEXT);

  const std::vector<v1::HistoryEntry> history = History();
  ASSERT_THAT(history, SizeIs(1));
  EXPECT_EQ(history[0].action(), v1::HISTORY_ACTION_EVIDENCE);
  EXPECT_EQ(history[0].note(), "primary source");
  EXPECT_THAT(history[0].evidence(), SizeIs(2));
  EXPECT_EQ(history[0].previous_hash(), "");
  EXPECT_EQ(history[0].hash().size(), 64u);

  // A stale etag is refused; an empty one means "whatever is current".
  change.etag = "stale";
  EXPECT_THAT(Apply(change), StatusIs(absl::StatusCode::kAborted, HasSubstr("etag")));
}

TEST_P(WorkflowStoreTest, AssignmentIsRecordedAndFiltered) {
  WorkflowChange assign;
  assign.kind = WorkflowChange::Kind::kAssign;
  assign.assignee = "bo";
  absl::StatusOr<v1::Claim> claim = Apply(assign);
  ASSERT_THAT(claim, IsOk());
  EXPECT_EQ(claim->assignee(), "bo");
  EXPECT_THAT(Apply(assign),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("already assigned to bo")));

  ClaimFilter filter;
  filter.assignee = "bo";
  absl::StatusOr<v1::ListClaimsResponse> listed = store_->ListClaims(filter, 0, "");
  ASSERT_THAT(listed, IsOk());
  EXPECT_THAT(listed->claims(), SizeIs(1));
  filter.assignee = "cy";
  listed = store_->ListClaims(filter, 0, "");
  ASSERT_THAT(listed, IsOk());
  EXPECT_THAT(listed->claims(), SizeIs(0));

  assign.assignee = "";
  claim = Apply(assign);
  ASSERT_THAT(claim, IsOk());
  EXPECT_EQ(claim->assignee(), "");
  EXPECT_THAT(Apply(assign),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("is not assigned")));

  const std::vector<v1::HistoryEntry> history = History();
  ASSERT_THAT(history, SizeIs(2));
  EXPECT_EQ(history[0].action(), v1::HISTORY_ACTION_ASSIGNMENT);
  EXPECT_EQ(history[0].from_assignee(), "");
  EXPECT_EQ(history[0].to_assignee(), "bo");
  EXPECT_EQ(history[1].from_assignee(), "bo");
  EXPECT_EQ(history[1].to_assignee(), "");
  EXPECT_EQ(history[1].previous_hash(), history[0].hash());
}

TEST_P(WorkflowStoreTest, APublishedVerdictIsLockedUntilReopened) {
  WorkflowChange publish;
  publish.kind = WorkflowChange::Kind::kPublish;
  EXPECT_THAT(Apply(publish),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("only a final verdict")));
  ReviewToFalse();
  absl::StatusOr<v1::Claim> claim = Apply(publish);
  ASSERT_THAT(claim, IsOk());
  EXPECT_TRUE(claim->published());
  EXPECT_TRUE(claim->has_publish_time());
  EXPECT_THAT(Apply(publish),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("already published")));

  // Every analyst change is refused, naming the lock and the way out.
  const auto locked = StatusIs(absl::StatusCode::kFailedPrecondition,
                               HasSubstr("is locked: its verdict is published. Reopen it"));
  EXPECT_THAT(Review(v1::ATTRIBUTION_STATUS_UNSPECIFIED, v1::VERDICT_IN_REVIEW, "again"), locked);
  WorkflowChange evidence;
  evidence.kind = WorkflowChange::Kind::kAddEvidence;
  evidence.evidence = {MakeEvidence("https://a.example", v1::EVIDENCE_STANCE_REFUTES)};
  EXPECT_THAT(Apply(evidence), locked);
  WorkflowChange assign;
  assign.kind = WorkflowChange::Kind::kAssign;
  assign.assignee = "bo";
  EXPECT_THAT(Apply(assign), locked);

  WorkflowChange reopen;
  reopen.kind = WorkflowChange::Kind::kReopen;
  reopen.note = "new DOJ statement";
  claim = Apply(reopen);
  ASSERT_THAT(claim, IsOk());
  EXPECT_FALSE(claim->published());
  EXPECT_FALSE(claim->has_publish_time());
  EXPECT_EQ(claim->verdict(), v1::VERDICT_FALSE);  // reopening keeps the verdict
  EXPECT_THAT(Apply(reopen),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("is not published")));
  EXPECT_THAT(Review(v1::ATTRIBUTION_STATUS_UNSPECIFIED, v1::VERDICT_IN_REVIEW, "again"), IsOk());

  std::vector<v1::HistoryAction> actions;
  for (const v1::HistoryEntry& entry : History()) actions.push_back(entry.action());
  EXPECT_THAT(actions,
              ElementsAre(v1::HISTORY_ACTION_STATUS_CHANGE, v1::HISTORY_ACTION_STATUS_CHANGE,
                          v1::HISTORY_ACTION_STATUS_CHANGE, v1::HISTORY_ACTION_PUBLISH,
                          v1::HISTORY_ACTION_REOPEN, v1::HISTORY_ACTION_STATUS_CHANGE));
}

TEST_P(WorkflowStoreTest, TheHistoryChainVerifies) {
  ReviewToFalse();
  absl::StatusOr<v1::VerifyClaimHistoryResponse> result = store_->VerifyHistory(claim_);
  ASSERT_THAT(result, IsOk());
  EXPECT_TRUE(result->valid()) << result->problem();
  EXPECT_EQ(result->entry_count(), 3);
  const std::vector<v1::HistoryEntry> history = History();
  EXPECT_EQ(result->head_hash(), history.back().hash());
  EXPECT_EQ(history[1].previous_hash(), history[0].hash());
  EXPECT_THAT(store_->VerifyHistory("claims/0000000000000000"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->VerifyHistory("nope"), StatusIs(absl::StatusCode::kInvalidArgument));
}

// Runs SQL on the store file through the plain sqlite3 API: what someone
// with the file and the sqlite3 tool could do.
void TamperWith(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error != nullptr ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST_P(WorkflowStoreTest, AHistoryRowChangedBehindTheStoresBackIsNamed) {
  ReviewToFalse();
  store_->Close();
  store_.reset();
  // The trigger refuses the update until it is lifted.
  EXPECT_THAT(location_->ExecBehindTheStore("UPDATE history SET note = 'x' WHERE entry = 2"),
              Not(IsOk()));
  ASSERT_THAT(location_->ExecBehindTheStore(LiftAppendOnly("history") +
                                            "UPDATE history SET to_value = 3 WHERE entry = 3;"),
              IsOk());  // FALSE -> TRUE
  Reopen();
  absl::StatusOr<v1::VerifyClaimHistoryResponse> result = store_->VerifyHistory(claim_);
  ASSERT_THAT(result, IsOk());
  EXPECT_FALSE(result->valid());
  EXPECT_EQ(result->first_broken_entry(), claim_ + "/historyEntries/3");
  EXPECT_THAT(result->problem(), HasSubstr("changed after it was written"));
}

TEST_P(WorkflowStoreTest, ADeletedHistoryRowIsNamed) {
  ReviewToFalse();
  store_->Close();
  store_.reset();
  ASSERT_THAT(location_->ExecBehindTheStore(LiftAppendOnly("history") +
                                            "DELETE FROM history WHERE entry = 2;"),
              IsOk());
  Reopen();
  absl::StatusOr<v1::VerifyClaimHistoryResponse> result = store_->VerifyHistory(claim_);
  ASSERT_THAT(result, IsOk());
  EXPECT_FALSE(result->valid());
  EXPECT_EQ(result->first_broken_entry(), claim_ + "/historyEntries/2");
}

TEST_P(WorkflowStoreTest, ChangedEvidenceBreaksTheChain) {
  ASSERT_THAT(Review(v1::ATTRIBUTION_STATUS_CONFIRMED, v1::VERDICT_UNSPECIFIED, "checked"), IsOk());
  WorkflowChange evidence;
  evidence.kind = WorkflowChange::Kind::kAddEvidence;
  evidence.evidence = {MakeEvidence("https://a.example", v1::EVIDENCE_STANCE_REFUTES)};
  ASSERT_THAT(Apply(evidence), IsOk());
  store_->Close();
  store_.reset();
  ASSERT_THAT(
      location_->ExecBehindTheStore(LiftAppendOnly("evidence") + "UPDATE evidence SET stance = 1;"),
      IsOk());
  Reopen();
  absl::StatusOr<v1::VerifyClaimHistoryResponse> result = store_->VerifyHistory(claim_);
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(result->first_broken_entry(), claim_ + "/historyEntries/2");
}

// The schema of version 1 (before the workflow step), frozen here as the
// fixture of the upgrade test.
constexpr char kVersionOneSchema[] = R"sql(CREATE TABLE claims (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker BLOB NOT NULL,
  attribution_status INTEGER NOT NULL,
  verdict INTEGER NOT NULL,
  verdict_note TEXT NOT NULL,
  version INTEGER NOT NULL,
  appearance_count INTEGER NOT NULL,
  history_count INTEGER NOT NULL,
  create_time_us INTEGER NOT NULL,
  update_time_us INTEGER NOT NULL
);
CREATE INDEX claims_by_attribution ON claims (attribution_status, seq);
CREATE INDEX claims_by_verdict ON claims (verdict, seq);
CREATE INDEX claims_by_kind ON claims (kind, seq);

-- The speaker's normalised name and aliases, for the speaker filter.
CREATE TABLE claim_speaker_names (
  name TEXT NOT NULL,
  claim_seq INTEGER NOT NULL REFERENCES claims (seq),
  PRIMARY KEY (name, claim_seq)
) WITHOUT ROWID;

CREATE TABLE appearances (
  seq INTEGER PRIMARY KEY,
  claim_seq INTEGER NOT NULL REFERENCES claims (seq),
  document TEXT NOT NULL,
  statement_id TEXT NOT NULL,
  appearance BLOB NOT NULL,
  UNIQUE (document, statement_id)
);
CREATE INDEX appearances_by_claim ON appearances (claim_seq, seq);

-- Append-only: one row per status change. `review` is the first entry of
-- the review that made the change; it groups the review's evidence.
CREATE TABLE history (
  claim_seq INTEGER NOT NULL REFERENCES claims (seq),
  entry INTEGER NOT NULL,
  review INTEGER NOT NULL,
  actor TEXT NOT NULL,
  create_time_us INTEGER NOT NULL,
  field INTEGER NOT NULL,
  from_value INTEGER NOT NULL,
  to_value INTEGER NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (claim_seq, entry)
) WITHOUT ROWID;
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

CREATE TABLE evidence (
  seq INTEGER PRIMARY KEY,
  claim_seq INTEGER NOT NULL REFERENCES claims (seq),
  review INTEGER NOT NULL,
  url TEXT NOT NULL,
  description TEXT NOT NULL
);
CREATE INDEX evidence_by_claim ON evidence (claim_seq, review, seq);
)sql";

TEST(WorkflowSchemaUpgradeTest, AVersionOneStoreIsUpgradedAndItsHistoryChained) {
  const std::string path = ::testing::TempDir() + "/workflow_upgrade.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  TamperWith(path, std::string(kVersionOneSchema) +
                       "INSERT INTO claims VALUES (1, 'abc', 1, 'We will win.', '', 2, 3, "
                       "'checked', 3, 1, 2, 100, 300);"
                       "INSERT INTO history VALUES (1, 1, 1, 'ana', 200, 1, 1, 2, 'checked');"
                       "INSERT INTO history VALUES (1, 2, 1, 'ana', 200, 2, 1, 2, 'checked');"
                       "INSERT INTO evidence VALUES (1, 1, 1, 'https://a.example', 'doc');"
                       "PRAGMA user_version = 1;");
  auto store = SqliteClaimStore::Open(path);
  ASSERT_THAT(store, IsOk());
  absl::StatusOr<v1::VerifyClaimHistoryResponse> verified = (*store)->VerifyHistory("claims/abc");
  ASSERT_THAT(verified, IsOk());
  EXPECT_TRUE(verified->valid()) << verified->problem();
  EXPECT_EQ(verified->entry_count(), 2);
  absl::StatusOr<v1::ListClaimHistoryResponse> history = (*store)->ListHistory("claims/abc", 0, "");
  ASSERT_THAT(history, IsOk());
  ASSERT_EQ(history->history_entries_size(), 2);
  EXPECT_EQ(history->history_entries(0).action(), v1::HISTORY_ACTION_STATUS_CHANGE);
  EXPECT_EQ(history->history_entries(1).previous_hash(), history->history_entries(0).hash());
  EXPECT_EQ(history->history_entries(0).evidence_size(), 1);
  // Existing claims open the change feed.
  absl::StatusOr<std::vector<v1::ClaimChange>> changes = (*store)->ListChanges(0, 10);
  ASSERT_THAT(changes, IsOk());
  ASSERT_THAT(*changes, SizeIs(1));
  EXPECT_EQ((*changes)[0].type(), v1::CLAIM_CHANGE_TYPE_CLAIM_CREATED);
  // The upgrade put the append-only trigger back.
  (*store)->Close();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE history SET note = 'x'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
}

TEST_P(WorkflowStoreTest, EveryChangeIsInTheChangeLogInCommitOrder) {
  ReviewToFalse();
  WorkflowChange assign;
  assign.kind = WorkflowChange::Kind::kAssign;
  assign.assignee = "bo";
  ASSERT_THAT(Apply(assign), IsOk());
  absl::StatusOr<std::vector<v1::ClaimChange>> changes = store_->ListChanges(0, 100);
  ASSERT_THAT(changes, IsOk());
  std::vector<v1::ClaimChangeType> types;
  for (const v1::ClaimChange& change : *changes) types.push_back(change.type());
  EXPECT_THAT(
      types, ElementsAre(v1::CLAIM_CHANGE_TYPE_CLAIM_CREATED, v1::CLAIM_CHANGE_TYPE_STATUS_CHANGED,
                         v1::CLAIM_CHANGE_TYPE_STATUS_CHANGED, v1::CLAIM_CHANGE_TYPE_STATUS_CHANGED,
                         v1::CLAIM_CHANGE_TYPE_ASSIGNMENT_CHANGED));
  EXPECT_EQ((*changes)[0].document(), "documents/d1");
  EXPECT_EQ((*changes)[4].history_entry(), claim_ + "/historyEntries/4");
  // Resuming after a cursor returns exactly what follows it.
  absl::StatusOr<int64_t> after = ParseChangeCursor((*changes)[2].cursor(), "cursor");
  ASSERT_THAT(after, IsOk());
  absl::StatusOr<std::vector<v1::ClaimChange>> rest = store_->ListChanges(*after, 100);
  ASSERT_THAT(rest, IsOk());
  ASSERT_THAT(*rest, SizeIs(2));
  EXPECT_EQ((*rest)[0].cursor(), (*changes)[3].cursor());
  EXPECT_THAT(ParseChangeCursor("12", "start_after"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("start_after")));
}

}  // namespace
}  // namespace claimtrack::verification
