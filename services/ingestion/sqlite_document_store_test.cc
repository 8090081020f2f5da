#include "services/ingestion/sqlite_document_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
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

class SqliteDocumentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           absl::StrCat("store_", info->test_suite_name(), "_", info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Reopen();
  }

  void Reopen() {
    store_.reset();
    auto store = SqliteDocumentStore::Open(path());
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
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
  std::unique_ptr<SqliteDocumentStore> store_;
};

TEST_F(SqliteDocumentStoreTest, IngestStoresEverything) {
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

TEST_F(SqliteDocumentStoreTest, SameUrlAndTextIsIdempotent) {
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

TEST_F(SqliteDocumentStoreTest, NewTextAtSameUrlIsANewRevision) {
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

TEST_F(SqliteDocumentStoreTest, GetUnknownIsNotFound) {
  EXPECT_THAT(store_->Get("documents/0123456789abcdef", true),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->Get("claims/x", true), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(SqliteDocumentStoreTest, ListPaginatesNewestFirstWithFilters) {
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

TEST_F(SqliteDocumentStoreTest, FullPagesOfLargeDocumentsEndEarly) {
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

TEST_F(SqliteDocumentStoreTest, OutboxLifecycleAndDueOrdering) {
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

  absl::StatusOr<claimtrack::type::v1::DocumentRef> ref = store_->GetDocumentRef(a);
  ASSERT_THAT(ref, IsOk());
  EXPECT_EQ(ref->name(), a);
  EXPECT_EQ(ref->text(), "Doc 0.");
  EXPECT_EQ(ref->source().publisher(), "Example News");
  EXPECT_THAT(store_->GetDocumentRef("documents/0123456789abcdef"),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(SqliteDocumentStoreTest, AcknowledgedWritesSurviveReopen) {
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

TEST_F(SqliteDocumentStoreTest, RefusesANewerSchema) {
  store_.reset();
  {
    auto db = sqlite::Database::Open(path());
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("PRAGMA user_version = 99"), IsOk());
  }
  EXPECT_THAT(SqliteDocumentStore::Open(path()),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(SqliteDocumentStoreTest, WritesAfterCloseAreUnavailable) {
  store_->Close();
  std::vector<NewDocument> batch;
  batch.push_back(MakeDocument("Late."));
  EXPECT_THAT(Ingest(std::move(batch)), StatusIs(absl::StatusCode::kUnavailable));
}

}  // namespace
}  // namespace claimtrack::ingestion
