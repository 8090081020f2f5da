// The DocumentStore contract, run against each backend: SQLite always,
// PostgreSQL when scripts/with-postgres.sh provides a server. Then what only
// PostgreSQL does: replicas sharing one outbox through leases.

#include <algorithm>
#include <atomic>
#include <functional>
#include <ostream>
#include <set>
#include <thread>

#include "services/ingestion/postgres_document_store.h"
#include "services/ingestion/sqlite_document_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "common/postgres/connection.h"
#include "common/postgres/test_database.h"
#include "common/sqlite/database.h"
#include "common/testing/status_matchers.h"

namespace claimtrack::ingestion {
namespace {

using ::claimtrack::ingestion::v1::PROCESSING_STATE_DONE;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_EXTRACTING;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_FAILED;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_RECEIVED;
using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

NewDocument MakeDocument(const std::string& text, const std::string& url = "",
                         const std::string& publisher = "Example News") {
  NewDocument document;
  document.source.set_url(url);
  document.source.set_publisher(publisher);
  document.source.add_authors("Ann Author");
  document.original_text = text + "\n\nShare.";
  document.cleaned = CleanArticleText(document.original_text);
  return document;
}

enum class Backend { kSqlite, kPostgres };

// Names the backend in test names and in ctest's listing.
void PrintTo(Backend backend, std::ostream* os) {
  *os << (backend == Backend::kSqlite ? "SQLite" : "PostgreSQL");
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

class DocumentStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    if (GetParam() == Backend::kPostgres) {
      database_url_ = postgres::TestDatabaseUrl();
      if (database_url_.empty()) {
        GTEST_SKIP() << postgres::kNoTestDatabase;
      }
      absl::StatusOr<std::string> name = postgres::CreateTestDatabase(
          database_url_, absl::StrCat(info->test_suite_name(), ".", info->name()));
      ASSERT_THAT(name, IsOk());
      database_name_ = *name;
    } else {
      std::string test_name = info->name();
      std::replace(test_name.begin(), test_name.end(), '/', '_');
      dir_ = std::filesystem::path(::testing::TempDir()) /
             absl::StrCat("store_", info->test_suite_name(), "_", test_name);
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
    }
    Reopen();
  }

  // A store on this test's database; `replica_id` names a PostgreSQL replica.
  absl::StatusOr<std::unique_ptr<DocumentStore>> OpenStore(
      const std::string& replica_id = "replica-a", absl::Duration lease = absl::Seconds(60)) {
    if (GetParam() == Backend::kSqlite) {
      auto store = SqliteDocumentStore::Open(path());
      if (!store.ok()) {
        return store.status();
      }
      return std::unique_ptr<DocumentStore>(*std::move(store));
    }
    PostgresDocumentStoreOptions options;
    options.database_url = database_url_;
    options.database_name = database_name_;
    options.replica_id = replica_id;
    options.lease = lease;
    auto store = PostgresDocumentStore::Open(std::move(options));
    if (!store.ok()) {
      return store.status();
    }
    return std::unique_ptr<DocumentStore>(*std::move(store));
  }

  void Reopen() {
    store_.reset();
    auto store = OpenStore();
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
  }

  void Close() {
    if (auto* sqlite = dynamic_cast<SqliteDocumentStore*>(store_.get())) {
      sqlite->Close();
    } else if (auto* pg = dynamic_cast<PostgresDocumentStore*>(store_.get())) {
      pg->Close();
    }
  }

  std::string path() const { return (dir_ / "ingestion.db").string(); }

  absl::StatusOr<std::vector<IngestResult>> Ingest(std::vector<NewDocument> documents) {
    absl::Notification done;
    absl::StatusOr<std::vector<IngestResult>> out;
    store_->Ingest(std::move(documents),
                   [&](absl::StatusOr<std::vector<IngestResult>> results) {
                     out = std::move(results);
                     done.Notify();
                   });
    done.WaitForNotification();
    return out;
  }

  IngestResult IngestOne(NewDocument document) {
    std::vector<NewDocument> documents;
    documents.push_back(std::move(document));
    absl::StatusOr<std::vector<IngestResult>> results = Ingest(std::move(documents));
    EXPECT_THAT(results, IsOk());
    return results.ok() ? (*results)[0] : IngestResult{};
  }

  template <typename F>
  absl::StatusOr<Document> Update(F&& start) {
    absl::Notification done;
    absl::StatusOr<Document> out;
    start([&](absl::StatusOr<Document> document) {
      out = std::move(document);
      done.Notify();
    });
    done.WaitForNotification();
    return out;
  }

  std::filesystem::path dir_;
  std::string database_url_;
  std::string database_name_;
  std::unique_ptr<DocumentStore> store_;
};

TEST_P(DocumentStoreTest, IngestStoresEverything) {
  const IngestResult result = IngestOne(MakeDocument("Body.", "https://example.com/a"));
  EXPECT_TRUE(result.created);
  const Document& basic = result.document;
  EXPECT_EQ(basic.name(), absl::StrCat("documents/", DocumentId("https://example.com/a",
                                                                basic.content_sha256())));
  EXPECT_EQ(basic.revision(), 1);
  EXPECT_EQ(basic.state(), PROCESSING_STATE_RECEIVED);
  EXPECT_TRUE(basic.text().empty());
  EXPECT_THAT(basic.removed_boilerplate(), ElementsAre("Share."));

  absl::StatusOr<Document> full = store_->Get(basic.name(), /*full_view=*/true);
  ASSERT_THAT(full, IsOk());
  EXPECT_EQ(full->text(), "Body.");
  EXPECT_EQ(full->original_text(), "Body.\n\nShare.");
  EXPECT_EQ(full->source().publisher(), "Example News");
  EXPECT_THAT(full->source().authors(), ElementsAre("Ann Author"));
  EXPECT_THAT(full->removed_boilerplate(), ElementsAre("Share."));
  EXPECT_EQ(full->create_time().seconds(), basic.create_time().seconds());

  absl::StatusOr<Document> without_text = store_->Get(basic.name(), false);
  ASSERT_THAT(without_text, IsOk());
  EXPECT_TRUE(without_text->text().empty());
  EXPECT_TRUE(without_text->original_text().empty());
}

TEST_P(DocumentStoreTest, SameUrlAndTextIsIdempotent) {
  const IngestResult first = IngestOne(MakeDocument("Body.", "https://example.com/a"));
  const IngestResult second = IngestOne(MakeDocument("Body.", "https://example.com/a"));
  EXPECT_TRUE(first.created);
  EXPECT_FALSE(second.created);
  EXPECT_EQ(first.document.name(), second.document.name());
  // Within one batch too.
  std::vector<NewDocument> batch;
  batch.push_back(MakeDocument("Other.", ""));
  batch.push_back(MakeDocument("Other.", ""));
  auto results = Ingest(std::move(batch));
  ASSERT_THAT(results, IsOk());
  EXPECT_TRUE((*results)[0].created);
  EXPECT_FALSE((*results)[1].created);
  EXPECT_EQ((*results)[0].document.name(), (*results)[1].document.name());
}

TEST_P(DocumentStoreTest, NewTextAtSameUrlIsANewRevision) {
  const IngestResult first =
      IngestOne(MakeDocument("Version one.", "https://example.com/a"));
  const IngestResult second =
      IngestOne(MakeDocument("Version two.", "https://example.com/a"));
  const IngestResult third =
      IngestOne(MakeDocument("Version 3.", "https://example.com/a"));
  EXPECT_TRUE(second.created);
  EXPECT_NE(first.document.name(), second.document.name());
  EXPECT_EQ(second.document.revision(), 2);
  EXPECT_EQ(second.document.previous_revision(), first.document.name());
  EXPECT_EQ(third.document.revision(), 3);
  EXPECT_EQ(third.document.previous_revision(), second.document.name());
  // Without a URL, identity is the content alone: no revision chain.
  const IngestResult no_url = IngestOne(MakeDocument("Version one.", ""));
  EXPECT_TRUE(no_url.created);
  EXPECT_EQ(no_url.document.revision(), 1);
  EXPECT_TRUE(no_url.document.previous_revision().empty());
}

TEST_P(DocumentStoreTest, ListByUrlGivesEveryRevisionNewestFirst) {
  const IngestResult first = IngestOne(MakeDocument("Version one.", "https://example.com/a"));
  IngestOne(MakeDocument("Elsewhere.", "https://example.com/b"));
  const IngestResult second = IngestOne(MakeDocument("Version two.", "https://example.com/a"));
  ListDocumentsQuery query;
  query.url = "https://example.com/a";
  query.page_size = 1;
  std::vector<std::string> seen;
  do {
    absl::StatusOr<ListDocumentsPage> page = store_->List(query);
    ASSERT_THAT(page, IsOk());
    for (const Document& document : page->documents) {
      seen.push_back(document.name());
    }
    query.page_token = page->next_page_token;
  } while (!query.page_token.empty());
  EXPECT_THAT(seen, ElementsAre(second.document.name(), first.document.name()));

  query.url = "https://example.com/never-ingested";
  absl::StatusOr<ListDocumentsPage> none = store_->List(query);
  ASSERT_THAT(none, IsOk());
  EXPECT_THAT(none->documents, IsEmpty());
}

TEST_P(DocumentStoreTest, GetUnknownIsNotFound) {
  EXPECT_THAT(store_->Get("documents/0123456789abcdef", true),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->Get("claims/x", true), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(DocumentStoreTest, ListPaginatesNewestFirstWithFilters) {
  std::vector<NewDocument> batch;
  for (int i = 0; i < 7; ++i) {
    batch.push_back(MakeDocument(absl::StrCat("Doc ", i, "."), "",
                                 i % 2 == 0 ? "Even Times" : "Odd Post"));
  }
  auto results = Ingest(std::move(batch));
  ASSERT_THAT(results, IsOk());

  std::vector<std::string> seen;
  ListDocumentsQuery query;
  query.page_size = 3;
  int pages = 0;
  do {
    absl::StatusOr<ListDocumentsPage> page = store_->List(query);
    ASSERT_THAT(page, IsOk());
    for (const Document& document : page->documents) {
      seen.push_back(document.name());
      EXPECT_TRUE(document.text().empty());
    }
    query.page_token = page->next_page_token;
    ++pages;
  } while (!query.page_token.empty());
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), 7u);
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(seen[i], (*results)[6 - i].document.name());
  }

  ListDocumentsQuery by_publisher;
  by_publisher.publisher = "Odd Post";
  by_publisher.full_view = true;
  absl::StatusOr<ListDocumentsPage> odd = store_->List(by_publisher);
  ASSERT_THAT(odd, IsOk());
  ASSERT_EQ(odd->documents.size(), 3u);
  EXPECT_EQ(odd->documents[0].text(), "Doc 5.");
  EXPECT_TRUE(odd->next_page_token.empty());

  // A token from one filter is refused under another.
  ListDocumentsQuery first_page;
  first_page.page_size = 1;
  absl::StatusOr<ListDocumentsPage> page = store_->List(first_page);
  ASSERT_THAT(page, IsOk());
  by_publisher.page_token = page->next_page_token;
  EXPECT_THAT(store_->List(by_publisher), StatusIs(absl::StatusCode::kInvalidArgument));

  // State filter.
  ASSERT_THAT(Update([&](auto done) {
                store_->MarkDone((*results)[2].document.name(), 4, std::move(done));
              }),
              IsOk());
  ListDocumentsQuery done_only;
  done_only.state = PROCESSING_STATE_DONE;
  absl::StatusOr<ListDocumentsPage> done_page = store_->List(done_only);
  ASSERT_THAT(done_page, IsOk());
  ASSERT_EQ(done_page->documents.size(), 1u);
  EXPECT_EQ(done_page->documents[0].statement_count(), 4);
}

TEST_P(DocumentStoreTest, FullPagesOfLargeDocumentsEndEarly) {
  std::vector<NewDocument> batch;
  for (int i = 0; i < 5; ++i) {
    batch.push_back(MakeDocument(absl::StrCat(std::string(1000, 'x'), " ", i, "."), ""));
  }
  ASSERT_THAT(Ingest(std::move(batch)), IsOk());
  ListDocumentsQuery query;
  query.page_size = 50;
  query.full_view = true;
  query.max_text_bytes = 4500;  // ~2 KB a document (text and original text)
  int pages = 0;
  size_t documents = 0;
  do {
    absl::StatusOr<ListDocumentsPage> page = store_->List(query);
    ASSERT_THAT(page, IsOk());
    EXPECT_LE(page->documents.size(), 3u);
    EXPECT_FALSE(page->documents.empty());
    documents += page->documents.size();
    query.page_token = page->next_page_token;
    ++pages;
  } while (!query.page_token.empty() && pages < 10);
  EXPECT_EQ(documents, 5u);
  EXPECT_EQ(pages, 2);
}

TEST_P(DocumentStoreTest, OutboxLifecycleAndDueOrdering) {
  std::vector<NewDocument> batch;
  for (int i = 0; i < 3; ++i) {
    batch.push_back(MakeDocument(absl::StrCat("Doc ", i, ".")));
  }
  auto results = Ingest(std::move(batch));
  ASSERT_THAT(results, IsOk());
  const std::string a = (*results)[0].document.name();
  const std::string b = (*results)[1].document.name();
  const std::string c = (*results)[2].document.name();
  const absl::Time now = absl::Now() + absl::Seconds(1);

  absl::StatusOr<std::vector<OutboxItem>> due = store_->FetchDue(now, 10);
  ASSERT_THAT(due, IsOk());
  ASSERT_EQ(due->size(), 3u);
  EXPECT_EQ((*due)[0].name, a);  // oldest first
  EXPECT_EQ((*due)[2].name, c);
  ASSERT_THAT(store_->FetchDue(now, 2), IsOk());
  EXPECT_EQ(store_->FetchDue(now, 2)->size(), 2u);

  {
    absl::Notification marked;
    store_->MarkInFlight({a}, [&](absl::Status status) {
      EXPECT_THAT(status, IsOk());
      marked.Notify();
    });
    marked.WaitForNotification();
  }
  EXPECT_EQ(store_->Get(a, false)->state(), PROCESSING_STATE_EXTRACTING);
  EXPECT_EQ(store_->Get(a, false)->attempt_count(), 1);

  // a retries later: it moves behind b and c, and is not due before then.
  absl::StatusOr<Document> retry = Update([&](auto done) {
    store_->ScheduleRetry(a, now + absl::Seconds(30), "UNAVAILABLE: down",
                          std::move(done));
  });
  ASSERT_THAT(retry, IsOk());
  EXPECT_EQ(retry->failure_reason(), "UNAVAILABLE: down");
  EXPECT_EQ(retry->state(), PROCESSING_STATE_EXTRACTING);
  due = store_->FetchDue(now, 10);
  ASSERT_THAT(due, IsOk());
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].name, b);
  absl::StatusOr<std::optional<absl::Time>> next = store_->NextDueAfter(now);
  ASSERT_THAT(next, IsOk());
  ASSERT_TRUE(next->has_value());
  EXPECT_EQ(absl::ToUnixMicros(**next), absl::ToUnixMicros(now + absl::Seconds(30)));
  due = store_->FetchDue(now + absl::Seconds(31), 10);
  ASSERT_EQ(due->size(), 3u);
  EXPECT_EQ((*due)[2].name, a);

  absl::StatusOr<Document> done =
      Update([&](auto cb) { store_->MarkDone(b, 7, std::move(cb)); });
  ASSERT_THAT(done, IsOk());
  EXPECT_EQ(done->state(), PROCESSING_STATE_DONE);
  EXPECT_EQ(done->statement_count(), 7);
  absl::StatusOr<Document> failed =
      Update([&](auto cb) { store_->MarkFailed(c, "text too long", std::move(cb)); });
  ASSERT_THAT(failed, IsOk());
  EXPECT_EQ(failed->state(), PROCESSING_STATE_FAILED);
  EXPECT_EQ(failed->failure_reason(), "text too long");
  // Finished documents are no longer due, and late outcomes do not move them.
  due = store_->FetchDue(now + absl::Hours(1), 10);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].name, a);
  absl::StatusOr<Document> late =
      Update([&](auto cb) { store_->ScheduleRetry(b, now, "late", std::move(cb)); });
  ASSERT_THAT(late, IsOk());
  EXPECT_EQ(late->state(), PROCESSING_STATE_DONE);

  absl::StatusOr<DocumentDelivery> delivery = store_->GetDocumentDelivery(a);
  ASSERT_THAT(delivery, IsOk());
  EXPECT_EQ(delivery->document.name(), a);
  EXPECT_EQ(delivery->document.text(), "Doc 0.");
  EXPECT_EQ(delivery->document.source().publisher(), "Example News");
  EXPECT_EQ(delivery->request_id, "");
  EXPECT_THAT(store_->GetDocumentDelivery("documents/0123456789abcdef"),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(DocumentStoreTest, TheIngestRequestIdGoesWithTheDelivery) {
  NewDocument document = MakeDocument("Traced.");
  document.request_id = "trace-7f3a";
  const std::string name = IngestOne(std::move(document)).document.name();
  absl::StatusOr<DocumentDelivery> delivery = store_->GetDocumentDelivery(name);
  ASSERT_THAT(delivery, IsOk());
  EXPECT_EQ(delivery->request_id, "trace-7f3a");
}

TEST_P(DocumentStoreTest, OutboxStatsCountWhatWaitsAndTheOldest) {
  absl::StatusOr<OutboxStats> empty = store_->GetOutboxStats();
  ASSERT_THAT(empty, IsOk());
  EXPECT_EQ(empty->undelivered, 0);
  EXPECT_FALSE(empty->oldest_create_time.has_value());

  const absl::Time before = absl::Now();
  const std::string first = IngestOne(MakeDocument("First.")).document.name();
  const std::string second = IngestOne(MakeDocument("Second.")).document.name();
  IngestOne(MakeDocument("Third."));
  {
    absl::Notification marked;
    store_->MarkInFlight({second}, [&](absl::Status) { marked.Notify(); });
    marked.WaitForNotification();
  }
  auto create_time = [&](const std::string& name) {
    const auto time = store_->Get(name, false)->create_time();
    return absl::FromUnixSeconds(time.seconds()) + absl::Nanoseconds(time.nanos());
  };
  absl::StatusOr<OutboxStats> waiting = store_->GetOutboxStats();
  ASSERT_THAT(waiting, IsOk());
  EXPECT_EQ(waiting->undelivered, 3);  // RECEIVED and EXTRACTING alike
  ASSERT_TRUE(waiting->oldest_create_time.has_value());
  EXPECT_EQ(*waiting->oldest_create_time, create_time(first));
  EXPECT_GE(*waiting->oldest_create_time, absl::FromUnixSeconds(absl::ToUnixSeconds(before)));

  // Done documents no longer count; the oldest is now the second.
  ASSERT_THAT(Update([&](auto cb) { store_->MarkDone(first, 1, std::move(cb)); }), IsOk());
  absl::StatusOr<OutboxStats> later = store_->GetOutboxStats();
  ASSERT_THAT(later, IsOk());
  EXPECT_EQ(later->undelivered, 2);
  ASSERT_TRUE(later->oldest_create_time.has_value());
  EXPECT_EQ(*later->oldest_create_time, create_time(second));
}

TEST_P(DocumentStoreTest, AcknowledgedWritesSurviveReopen) {
  std::vector<std::string> names;
  for (int i = 0; i < 20; ++i) {
    names.push_back(
        IngestOne(MakeDocument(absl::StrCat("Doc ", i, "."), "https://example.com/x"))
            .document.name());
  }
  ASSERT_THAT(Update([&](auto cb) { store_->MarkDone(names[3], 2, std::move(cb)); }),
              IsOk());
  Reopen();
  for (int i = 0; i < 20; ++i) {
    absl::StatusOr<Document> document = store_->Get(names[i], true);
    ASSERT_THAT(document, IsOk());
    EXPECT_EQ(document->text(), absl::StrCat("Doc ", i, "."));
    EXPECT_EQ(document->revision(), i + 1);
  }
  EXPECT_EQ(store_->Get(names[3], false)->state(), PROCESSING_STATE_DONE);
  // The revision chain continues after reopening.
  EXPECT_EQ(
      IngestOne(MakeDocument("Doc 20.", "https://example.com/x")).document.revision(),
      21);
}

TEST_P(DocumentStoreTest, RefusesANewerSchema) {
  store_.reset();
  if (GetParam() == Backend::kSqlite) {
    auto db = sqlite::Database::Open(path());
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("PRAGMA user_version = 99"), IsOk());
  } else {
    auto db = postgres::Connection::Open(database_url_, database_name_);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("INSERT INTO schema_migrations (component, version) "
                            "VALUES ('ingestion', 99)"),
                IsOk());
  }
  absl::StatusOr<std::unique_ptr<DocumentStore>> refused = OpenStore();
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(std::string(refused.status().message()),
              ::testing::HasSubstr("schema version 99, newer than this binary's"));
}

TEST_P(DocumentStoreTest, WritesAfterCloseAreUnavailable) {
  Close();
  std::vector<NewDocument> batch;
  batch.push_back(MakeDocument("Late."));
  EXPECT_THAT(Ingest(std::move(batch)), StatusIs(absl::StatusCode::kUnavailable));
}

// What only the shared database does: several replicas on one outbox.
class ReplicaStoreTest : public DocumentStoreTest {
 protected:
  std::unique_ptr<DocumentStore> Replica(const std::string& id,
                                         absl::Duration lease = absl::Seconds(60)) {
    auto store = OpenStore(id, lease);
    EXPECT_THAT(store, IsOk());
    return store.ok() ? *std::move(store) : nullptr;
  }

  static std::vector<std::string> Names(const absl::StatusOr<std::vector<OutboxItem>>& items) {
    std::vector<std::string> names;
    if (items.ok()) {
      for (const OutboxItem& item : *items) {
        names.push_back(item.name);
      }
    }
    return names;
  }

  static absl::StatusOr<Document> MarkDone(DocumentStore& store, const std::string& name) {
    absl::Notification done;
    absl::StatusOr<Document> out;
    store.MarkDone(name, 1, [&](absl::StatusOr<Document> document) {
      out = std::move(document);
      done.Notify();
    });
    done.WaitForNotification();
    return out;
  }
};

TEST_P(ReplicaStoreTest, ALeaseGivesEachDueDocumentToOneReplicaUntilItExpires) {
  std::vector<NewDocument> batch;
  for (int i = 0; i < 3; ++i) {
    batch.push_back(MakeDocument(absl::StrCat("Doc ", i, ".")));
  }
  auto results = Ingest(std::move(batch));
  ASSERT_THAT(results, IsOk());
  // b's own lease is longer, so its wake-up below is a's lease ending, not
  // b's idle poll.
  std::unique_ptr<DocumentStore> b = Replica("replica-b", absl::Seconds(120));
  ASSERT_NE(b, nullptr);
  const absl::Time now = absl::Now() + absl::Seconds(1);

  absl::StatusOr<std::vector<OutboxItem>> claimed = store_->FetchDue(now, 10);
  ASSERT_THAT(claimed, IsOk());
  ASSERT_EQ(claimed->size(), 3u);
  // Held by replica-a: b gets nothing, a gets its own back (lease renewed).
  EXPECT_THAT(Names(b->FetchDue(now, 10)), IsEmpty());
  EXPECT_EQ(Names(store_->FetchDue(now, 10)), Names(claimed));
  // b sleeps until the lease ends, then takes over (a died, say).
  absl::StatusOr<std::optional<absl::Time>> wake = b->NextDueAfter(now);
  ASSERT_THAT(wake, IsOk());
  ASSERT_TRUE(wake->has_value());
  EXPECT_EQ(absl::ToUnixMicros(**wake), absl::ToUnixMicros(now + absl::Seconds(60)));
  const absl::Time later = now + absl::Seconds(61);
  EXPECT_EQ(Names(b->FetchDue(later, 10)), Names(claimed));
  // With nothing it may claim, b still looks again within one lease.
  EXPECT_EQ(absl::ToUnixMicros(**b->NextDueAfter(later)),
            absl::ToUnixMicros(later + absl::Seconds(120)));
  EXPECT_THAT(Names(store_->FetchDue(later, 10)), IsEmpty());
  // a's late outcome still counts once; b's then changes nothing.
  const std::string first = (*claimed)[0].name;
  ASSERT_THAT(MarkDone(*store_, first), IsOk());
  absl::StatusOr<Document> again = MarkDone(*b, first);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->state(), PROCESSING_STATE_DONE);
  EXPECT_EQ(b->FetchDue(later, 10)->size(), 2u);
}

TEST_P(ReplicaStoreTest, ConcurrentReplicasClaimDisjointDocuments) {
  constexpr int kDocuments = 200;
  std::vector<NewDocument> batch;
  for (int i = 0; i < kDocuments; ++i) {
    batch.push_back(MakeDocument(absl::StrCat("Doc ", i, ".")));
  }
  ASSERT_THAT(Ingest(std::move(batch)), IsOk());
  std::unique_ptr<DocumentStore> replicas[2] = {Replica("replica-b"), Replica("replica-c")};
  ASSERT_NE(replicas[0], nullptr);
  ASSERT_NE(replicas[1], nullptr);
  std::multiset<std::string> delivered[2];
  std::vector<std::thread> workers;
  for (int r = 0; r < 2; ++r) {
    workers.emplace_back([&, r] {
      // Each round delivers what it claimed and records the outcome before
      // it looks again, as the dispatcher does.
      while (true) {
        absl::StatusOr<std::vector<OutboxItem>> due =
            replicas[r]->FetchDue(absl::Now(), 8);
        ASSERT_THAT(due, IsOk());
        if (due->empty()) {
          return;
        }
        for (const OutboxItem& item : *due) {
          delivered[r].insert(item.name);
          ASSERT_THAT(MarkDone(*replicas[r], item.name), IsOk());
        }
      }
    });
  }
  for (std::thread& worker : workers) {
    worker.join();
  }
  std::multiset<std::string> all = delivered[0];
  all.insert(delivered[1].begin(), delivered[1].end());
  EXPECT_EQ(all.size(), static_cast<size_t>(kDocuments));
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(),
            static_cast<size_t>(kDocuments))
      << "a document was delivered by two replicas";
  EXPECT_FALSE(delivered[0].empty());
  EXPECT_FALSE(delivered[1].empty());
}

TEST_P(ReplicaStoreTest, ConcurrentRevisionsOfOneUrlStayDistinct) {
  constexpr int kPerReplica = 20;
  std::unique_ptr<DocumentStore> b = Replica("replica-b");
  ASSERT_NE(b, nullptr);
  std::vector<int32_t> revisions[2];
  std::vector<std::thread> writers;
  DocumentStore* stores[2] = {store_.get(), b.get()};
  for (int r = 0; r < 2; ++r) {
    writers.emplace_back([&, r] {
      for (int i = 0; i < kPerReplica; ++i) {
        absl::Notification done;
        std::vector<NewDocument> one;
        one.push_back(MakeDocument(absl::StrCat("Replica ", r, " text ", i, "."),
                                   "https://example.com/live"));
        stores[r]->Ingest(std::move(one),
                          [&](absl::StatusOr<std::vector<IngestResult>> results) {
                            EXPECT_THAT(results, IsOk());
                            if (results.ok()) {
                              revisions[r].push_back((*results)[0].document.revision());
                            }
                            done.Notify();
                          });
        done.WaitForNotification();
      }
    });
  }
  for (std::thread& writer : writers) {
    writer.join();
  }
  std::set<int32_t> all(revisions[0].begin(), revisions[0].end());
  all.insert(revisions[1].begin(), revisions[1].end());
  ASSERT_EQ(all.size(), static_cast<size_t>(2 * kPerReplica));
  EXPECT_EQ(*all.begin(), 1);
  EXPECT_EQ(*all.rbegin(), 2 * kPerReplica);
}

INSTANTIATE_TEST_SUITE_P(Postgres, ReplicaStoreTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

INSTANTIATE_TEST_SUITE_P(Backends, DocumentStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace claimtrack::ingestion
