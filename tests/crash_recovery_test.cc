// Nothing acknowledged is lost, nothing is recorded twice: services are
// SIGKILLed while articles stream in, restarted, and every acknowledged
// article must complete with each of its quotes recorded exactly once. The
// same holds when the stores' PostgreSQL server restarts under load.

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "common/grpc/channel.h"
#include "common/testing/status_matchers.h"
#include "tests/support/article_generator.h"
#include "tests/support/pipeline.h"
#include "tests/support/postgres_server.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::GenerateArticle;
using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::Pipeline;
using ::claimtrack::testing::WaitUntil;
namespace ingestion = ::claimtrack::ingestion::v1;
namespace verification = ::claimtrack::verification::v1;

class CrashRecoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pipeline = Pipeline::Start(testing::MakeWorkDir("crash_recovery"));
    ASSERT_THAT(pipeline, IsOk());
    pipeline_ = std::move(*pipeline);
  }

  // Ingests article `index`; returns the document name once acknowledged, or
  // "" if the call failed (then nothing was promised).
  std::string Ingest(ingestion::IngestionService::Stub& stub, int index) {
    const testing::GeneratedArticle article = GenerateArticle(index);
    ingestion::IngestArticleRequest request;
    request.mutable_article()->set_text(article.text);
    request.mutable_article()->mutable_source()->set_url(article.url);
    request.mutable_article()->mutable_source()->set_publisher(article.publisher);
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(10)));
    ingestion::IngestArticleResponse response;
    if (!stub.IngestArticle(&context, request, &response).ok()) {
      return "";
    }
    return response.document().name();
  }

  int CountDocumentsNotDone() {
    int not_done = 0;
    for (auto state : {ingestion::PROCESSING_STATE_RECEIVED,
                       ingestion::PROCESSING_STATE_EXTRACTING,
                       ingestion::PROCESSING_STATE_FAILED}) {
      ingestion::ListDocumentsRequest request;
      request.set_state(state);
      request.set_page_size(1000);
      grpc::ClientContext context;
      context.set_deadline(DeadlineIn(absl::Seconds(10)));
      ingestion::ListDocumentsResponse response;
      if (!pipeline_->Ingestion()->ListDocuments(&context, request, &response).ok()) {
        return -1;
      }
      not_done += response.documents_size();
    }
    return not_done;
  }

  std::vector<verification::Claim> AllClaims() {
    std::vector<verification::Claim> claims;
    verification::ListClaimsRequest request;
    request.set_page_size(1000);
    do {
      grpc::ClientContext context;
      context.set_deadline(DeadlineIn(absl::Seconds(10)));
      verification::ListClaimsResponse response;
      EXPECT_THAT(pipeline_->Verification()->ListClaims(&context, request, &response), IsOk());
      claims.insert(claims.end(), response.claims().begin(), response.claims().end());
      request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    return claims;
  }

  // Every acknowledged article is DONE, every quote of it is one claim with
  // exactly one appearance, and no claim appears twice in a document.
  void ExpectEachAcknowledgedArticleRecordedOnce(const std::map<int, std::string>& acked) {
    ASSERT_TRUE(WaitUntil([&] { return CountDocumentsNotDone() == 0; }, absl::Seconds(120)))
        << pipeline_->Logs();
    std::map<std::string, const verification::Claim*> by_text;
    const std::vector<verification::Claim> claims = AllClaims();
    for (const auto& claim : claims) {
      if (claim.kind() != claimtrack::type::v1::STATEMENT_KIND_DIRECT_QUOTE) {
        continue;
      }
      EXPECT_TRUE(by_text.emplace(claim.text(), &claim).second)
          << "two claims with one quote: " << claim.text();
    }
    for (const auto& [index, document] : acked) {
      ingestion::GetDocumentRequest get;
      get.set_name(document);
      grpc::ClientContext context;
      ingestion::Document stored;
      ASSERT_THAT(pipeline_->Ingestion()->GetDocument(&context, get, &stored), IsOk())
          << "acknowledged document lost: " << document;
      EXPECT_EQ(stored.state(), ingestion::PROCESSING_STATE_DONE);
      for (const std::string& quote : GenerateArticle(index).direct_quotes) {
        auto found = by_text.find(quote);
        ASSERT_NE(found, by_text.end()) << "quote of article " << index << " lost: " << quote;
        EXPECT_EQ(found->second->appearance_count(), 1) << quote;
      }
    }
  }

  // Four writers ingest articles [0, count) concurrently, each article
  // through `ingest` (its document name, or "" if never acknowledged);
  // `disrupt` runs once more than `after` articles have been started, while
  // the writers keep going. Returns the acknowledged articles.
  std::map<int, std::string> IngestWhile(
      int count, int after,
      const std::function<std::string(ingestion::IngestionService::Stub&, int)>& ingest,
      const std::function<void(int started)>& disrupt) {
    auto stub = pipeline_->Ingestion();
    std::map<int, std::string> acked;
    std::atomic<int> next{0};
    std::mutex mu;
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
      writers.emplace_back([&] {
        for (int i = next++; i < count; i = next++) {
          const std::string name = ingest(*stub, i);
          if (!name.empty()) {
            std::lock_guard<std::mutex> lock(mu);
            acked[i] = name;
          }
        }
      });
    }
    EXPECT_TRUE(WaitUntil([&] { return next.load() > after; }, absl::Seconds(60)));
    disrupt(next.load());
    for (auto& writer : writers) {
      writer.join();
    }
    return acked;
  }

  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(CrashRecoveryTest, ExtractionKilledWhileArticlesStreamIn) {
  constexpr int kArticles = 150;
  std::map<int, std::string> acked;
  auto stub = pipeline_->Ingestion();
  for (int i = 0; i < kArticles; ++i) {
    if (i == kArticles / 3) {
      pipeline_->Stop(Pipeline::Service::kExtraction, /*crash=*/true);
    }
    if (i == 2 * kArticles / 3) {
      ASSERT_THAT(pipeline_->Restart(Pipeline::Service::kExtraction), IsOk());
    }
    const std::string name = Ingest(*stub, i);
    ASSERT_FALSE(name.empty()) << "ingestion must keep acknowledging while extraction is down";
    acked[i] = name;
  }
  ExpectEachAcknowledgedArticleRecordedOnce(acked);
}

TEST_F(CrashRecoveryTest, VerificationKilledAndRestarted) {
  constexpr int kArticles = 60;
  std::map<int, std::string> acked;
  auto stub = pipeline_->Ingestion();
  for (int i = 0; i < kArticles; ++i) {
    if (i == kArticles / 2) {
      pipeline_->Stop(Pipeline::Service::kVerification, /*crash=*/true);
    }
    acked[i] = Ingest(*stub, i);
  }
  ASSERT_THAT(pipeline_->Restart(Pipeline::Service::kVerification), IsOk());
  ExpectEachAcknowledgedArticleRecordedOnce(acked);
}

TEST_F(CrashRecoveryTest, IngestionKilledKeepsEverythingAcknowledged) {
  constexpr int kArticles = 200;
  // Concurrent ingest while the kill lands: whatever was acknowledged
  // before it must survive.
  const std::map<int, std::string> acked = IngestWhile(
      kArticles, kArticles / 2,
      [&](ingestion::IngestionService::Stub& stub, int i) { return Ingest(stub, i); },
      [&](int) { pipeline_->Stop(Pipeline::Service::kIngestion, /*crash=*/true); });
  ASSERT_GT(acked.size(), static_cast<size_t>(kArticles / 4));
  ASSERT_THAT(pipeline_->Restart(Pipeline::Service::kIngestion), IsOk());
  ExpectEachAcknowledgedArticleRecordedOnce(acked);
}

// The stores' PostgreSQL server restarts under load, as in an operator's
// `pg_ctl restart` or a failover: every connection is cut and open
// transactions roll back. Calls in flight then may fail (and are retried:
// ingest is idempotent), the services reconnect by themselves, and whatever
// was acknowledged is recorded exactly once. The server is the test's own
// (PostgresServer): the shared one must stay up for the other tests.
class DatabaseRestartTest : public CrashRecoveryTest {
 protected:
  void SetUp() override {
    auto database = testing::PostgresServer::Start();
    if (absl::IsNotFound(database.status())) {
      GTEST_SKIP() << database.status();
    }
    ASSERT_THAT(database, IsOk());
    database_ = *std::move(database);
    Pipeline::Options options;
    options.database_url = database_->url();
    auto pipeline = Pipeline::Start(testing::MakeWorkDir("database_restart"), options);
    ASSERT_THAT(pipeline, IsOk());
    pipeline_ = std::move(*pipeline);
  }

  std::unique_ptr<testing::PostgresServer> database_;
};

TEST_F(DatabaseRestartTest, DatabaseRestartedWhileArticlesStreamIn) {
  constexpr int kArticles = 150;
  std::atomic<int> failed_calls{0};
  const std::map<int, std::string> acked = IngestWhile(
      kArticles, kArticles / 3,
      [&](ingestion::IngestionService::Stub& stub, int i) {
        // A client that retries until acknowledged: the database is only
        // briefly away.
        std::string name;
        for (int attempt = 0; attempt < 100 && name.empty(); ++attempt) {
          name = Ingest(stub, i);
          if (name.empty()) {
            ++failed_calls;
            absl::SleepFor(absl::Milliseconds(100));
          }
        }
        return name;
      },
      [&](int started) {
        EXPECT_LT(started, kArticles) << "the restart must land while articles stream in";
        EXPECT_THAT(database_->Restart(), IsOk()) << "see " << database_->log_path();
      });
  EXPECT_EQ(acked.size(), static_cast<size_t>(kArticles)) << pipeline_->Logs();
  ExpectEachAcknowledgedArticleRecordedOnce(acked);
  RecordProperty("failed_calls_during_restart", failed_calls.load());
}

}  // namespace
}  // namespace claimtrack
