#include "services/ingestion/ingestion_service.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "common/testing/status_matchers.h"
#include "services/ingestion/fake_document_processor.h"
#include "services/ingestion/sqlite_document_store.h"

namespace claimtrack::ingestion {
namespace {

using ::claimtrack::ingestion::v1::BatchIngestArticlesRequest;
using ::claimtrack::ingestion::v1::BatchIngestArticlesResponse;
using ::claimtrack::ingestion::v1::DOCUMENT_VIEW_BASIC;
using ::claimtrack::ingestion::v1::DOCUMENT_VIEW_FULL;
using ::claimtrack::ingestion::v1::GetDocumentRequest;
using ::claimtrack::ingestion::v1::IngestArticleRequest;
using ::claimtrack::ingestion::v1::IngestArticleResponse;
using ::claimtrack::ingestion::v1::ListDocumentsRequest;
using ::claimtrack::ingestion::v1::ListDocumentsResponse;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_DONE;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_RECEIVED;
using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The service on an in-process channel, over a real store in a temp dir and
// a fake extraction.
class IngestionServiceTest : public ::testing::Test {
 protected:
  void Start(FakeDocumentProcessor::Respond respond) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           absl::StrCat("service_", info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = SqliteDocumentStore::Open((dir_ / "ingestion.db").string());
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
    processor_ = std::make_unique<FakeDocumentProcessor>(std::move(respond));
    dispatcher_ = std::make_unique<OutboxDispatcher>(store_.get(), processor_.get());
    IngestionServiceOptions options;
    options.limits.max_text_bytes = 1000;
    service_ =
        std::make_unique<IngestionService>(store_.get(), dispatcher_.get(), options);
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    stub_ = claimtrack::ingestion::v1::IngestionService::NewStub(
        server_->InProcessChannel(grpc::ChannelArguments()));
    dispatcher_->Start();
  }

  void TearDown() override {
    if (server_ != nullptr) {
      server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
    }
    if (dispatcher_ != nullptr) {
      dispatcher_->Stop();
    }
  }

  static IngestArticleRequest Article(const std::string& text,
                                      const std::string& url = "") {
    IngestArticleRequest request;
    request.mutable_article()->set_text(text);
    request.mutable_article()->mutable_source()->set_url(url);
    request.mutable_article()->mutable_source()->set_publisher("Example News");
    return request;
  }

  static std::unique_ptr<grpc::ClientContext> Context(
      absl::Duration timeout = absl::Seconds(30)) {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() +
                          absl::ToChronoMicroseconds(timeout));
    return context;
  }

  std::filesystem::path dir_;
  std::unique_ptr<SqliteDocumentStore> store_;
  std::unique_ptr<FakeDocumentProcessor> processor_;
  std::unique_ptr<OutboxDispatcher> dispatcher_;
  std::unique_ptr<IngestionService> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<claimtrack::ingestion::v1::IngestionService::Stub> stub_;
};

FakeDocumentProcessor::Respond Succeed(int count) {
  return [count](const claimtrack::type::v1::DocumentRef&, int) -> absl::StatusOr<int> {
    return count;
  };
}

TEST_F(IngestionServiceTest, IngestThenGetAndList) {
  Start(Succeed(2));
  IngestArticleResponse response;
  ASSERT_THAT(stub_->IngestArticle(
                  Context().get(),
                  Article("Body text.\n\nShare.", "https://example.com/a"), &response),
              IsOk());
  EXPECT_TRUE(response.created());
  EXPECT_THAT(response.document().name(), HasSubstr("documents/"));
  EXPECT_TRUE(response.document().text().empty());  // BASIC
  EXPECT_THAT(response.document().removed_boilerplate(), ElementsAre("Share."));

  IngestArticleResponse again;
  ASSERT_THAT(stub_->IngestArticle(
                  Context().get(),
                  Article("Body text.\n\nShare.", "https://example.com/a"), &again),
              IsOk());
  EXPECT_FALSE(again.created());
  EXPECT_EQ(again.document().name(), response.document().name());

  GetDocumentRequest get;
  get.set_name(response.document().name());
  claimtrack::ingestion::v1::Document full;
  ASSERT_THAT(stub_->GetDocument(Context().get(), get, &full), IsOk());
  EXPECT_EQ(full.text(), "Body text.");
  EXPECT_EQ(full.original_text(), "Body text.\n\nShare.");
  get.set_view(DOCUMENT_VIEW_BASIC);
  claimtrack::ingestion::v1::Document basic;
  ASSERT_THAT(stub_->GetDocument(Context().get(), get, &basic), IsOk());
  EXPECT_TRUE(basic.text().empty());

  ListDocumentsRequest list;
  ListDocumentsResponse page;
  ASSERT_THAT(stub_->ListDocuments(Context().get(), list, &page), IsOk());
  ASSERT_EQ(page.documents_size(), 1);
  EXPECT_TRUE(page.documents(0).text().empty());
  list.set_view(DOCUMENT_VIEW_FULL);
  ASSERT_THAT(stub_->ListDocuments(Context().get(), list, &page), IsOk());
  EXPECT_EQ(page.documents(0).text(), "Body text.");
}

TEST_F(IngestionServiceTest, RejectsInvalidArticles) {
  Start(Succeed(0));
  IngestArticleResponse response;
  EXPECT_THAT(stub_->IngestArticle(Context().get(), Article(""), &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("article.text")));
  EXPECT_THAT(
      stub_->IngestArticle(Context().get(), Article(std::string(1001, 'a')), &response),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT,
               HasSubstr("article.text is 1001 bytes; the limit is 1000")));
  EXPECT_THAT(
      stub_->IngestArticle(Context().get(), Article("Text.", "ftp://x"), &response),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("article.source.url")));
  EXPECT_THAT(stub_->IngestArticle(Context().get(), IngestArticleRequest(), &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("article")));
  EXPECT_THAT(
      stub_->IngestArticle(Context().get(), Article("Share.\nAdvertisement"), &response),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("boilerplate")));
}

TEST_F(IngestionServiceTest, BatchIsAllOrNothing) {
  Start(Succeed(1));
  BatchIngestArticlesRequest batch;
  *batch.add_requests() = Article("One.");
  *batch.add_requests() = Article("Two.", "not a url");
  BatchIngestArticlesResponse response;
  EXPECT_THAT(stub_->BatchIngestArticles(Context().get(), batch, &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                       HasSubstr("requests[1].article.source.url")));
  ListDocumentsResponse page;
  ASSERT_THAT(stub_->ListDocuments(Context().get(), ListDocumentsRequest(), &page),
              IsOk());
  EXPECT_EQ(page.documents_size(), 0);

  batch.mutable_requests(1)->mutable_article()->mutable_source()->set_url(
      "https://example.com/2");
  ASSERT_THAT(stub_->BatchIngestArticles(Context().get(), batch, &response), IsOk());
  ASSERT_EQ(response.responses_size(), 2);
  EXPECT_TRUE(response.responses(0).created());
  EXPECT_NE(response.responses(0).document().name(),
            response.responses(1).document().name());

  EXPECT_THAT(stub_->BatchIngestArticles(Context().get(), BatchIngestArticlesRequest(),
                                         &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("1 to 1000")));
  BatchIngestArticlesRequest too_many;
  for (int i = 0; i < 1001; ++i) {
    *too_many.add_requests() = Article("x");
  }
  EXPECT_THAT(stub_->BatchIngestArticles(Context().get(), too_many, &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("1001")));
}

TEST_F(IngestionServiceTest, WaitForProcessingReturnsTheFinishedDocument) {
  Start(Succeed(4));
  IngestArticleRequest request = Article("Waited for.");
  request.set_wait_for_processing(true);
  IngestArticleResponse response;
  ASSERT_THAT(stub_->IngestArticle(Context().get(), request, &response), IsOk());
  EXPECT_EQ(response.document().state(), PROCESSING_STATE_DONE);
  EXPECT_EQ(response.document().statement_count(), 4);
  // The same article again: already finished, answered at once.
  IngestArticleResponse again;
  ASSERT_THAT(stub_->IngestArticle(Context().get(), request, &again), IsOk());
  EXPECT_FALSE(again.created());
  EXPECT_EQ(again.document().state(), PROCESSING_STATE_DONE);

  BatchIngestArticlesRequest batch;
  for (int i = 0; i < 5; ++i) {
    *batch.add_requests() = Article(absl::StrCat("Batch ", i, "."));
    batch.mutable_requests(i)->set_wait_for_processing(i % 2 == 0);
  }
  BatchIngestArticlesResponse batch_response;
  ASSERT_THAT(stub_->BatchIngestArticles(Context().get(), batch, &batch_response),
              IsOk());
  EXPECT_EQ(batch_response.responses(0).document().state(), PROCESSING_STATE_DONE);
  EXPECT_EQ(batch_response.responses(4).document().state(), PROCESSING_STATE_DONE);
}

TEST_F(IngestionServiceTest, WaitForProcessingHonoursTheDeadline) {
  Start(nullptr);  // extraction never answers
  IngestArticleRequest request = Article("Never processed.");
  request.set_wait_for_processing(true);
  IngestArticleResponse response;
  EXPECT_THAT(
      stub_->IngestArticle(Context(absl::Milliseconds(300)).get(), request, &response),
      StatusIs(grpc::StatusCode::DEADLINE_EXCEEDED));
  // It is stored anyway.
  ListDocumentsResponse page;
  ASSERT_THAT(stub_->ListDocuments(Context().get(), ListDocumentsRequest(), &page),
              IsOk());
  ASSERT_EQ(page.documents_size(), 1);
  EXPECT_NE(page.documents(0).state(), PROCESSING_STATE_DONE);
}

TEST_F(IngestionServiceTest, ShutdownEndsWaitingCalls) {
  Start(nullptr);
  IngestArticleRequest request = Article("Waiting at shutdown.");
  request.set_wait_for_processing(true);
  IngestArticleResponse response;
  grpc::ClientContext context;  // no deadline
  grpc::Status status;
  absl::Notification finished;
  stub_->async()->IngestArticle(&context, &request, &response, [&](grpc::Status s) {
    status = std::move(s);
    finished.Notify();
  });
  processor_->AwaitHeld(1);
  // A short drain: the waiting call is cancelled and still finishes.
  server_->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(50));
  finished.WaitForNotification();
  EXPECT_FALSE(status.ok());
}

TEST_F(IngestionServiceTest, GetAndListErrors) {
  Start(Succeed(0));
  claimtrack::ingestion::v1::Document document;
  GetDocumentRequest get;
  get.set_name("claims/abc");
  EXPECT_THAT(stub_->GetDocument(Context().get(), get, &document),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("name")));
  get.set_name("documents/0123456789abcdef");
  EXPECT_THAT(stub_->GetDocument(Context().get(), get, &document),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  ListDocumentsRequest list;
  ListDocumentsResponse page;
  list.set_page_size(-1);
  EXPECT_THAT(stub_->ListDocuments(Context().get(), list, &page),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("page_size")));
  list.set_page_size(0);
  list.set_page_token("garbage");
  EXPECT_THAT(stub_->ListDocuments(Context().get(), list, &page),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("page_token")));
  list.set_page_token("");
  list.set_state(PROCESSING_STATE_RECEIVED);
  list.set_publisher("Nobody");
  ASSERT_THAT(stub_->ListDocuments(Context().get(), list, &page), IsOk());
  EXPECT_EQ(page.documents_size(), 0);
}

}  // namespace
}  // namespace claimtrack::ingestion
