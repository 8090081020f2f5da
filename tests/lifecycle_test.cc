// What operators rely on: health per service, graceful SIGTERM, and data
// that survives a clean restart.

#include <memory>
#include <string>

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "common/grpc/channel.h"
#include "common/testing/status_matchers.h"
#include "tests/support/article_generator.h"
#include "tests/support/health_check.h"
#include "tests/support/pipeline.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::CheckHealth;
using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::IsOkAndHolds;
using ::claimtrack::testing::Pipeline;
using ::claimtrack::testing::StatusIs;
namespace ingestion = ::claimtrack::ingestion::v1;

constexpr int kServing = 1;

class LifecycleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pipeline = Pipeline::Start(testing::MakeWorkDir("lifecycle"));
    ASSERT_THAT(pipeline, IsOk());
    pipeline_ = std::move(*pipeline);
  }
  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(LifecycleTest, EachServiceReportsItsHealthByName) {
  const struct {
    Pipeline::Service service;
    const char* name;
  } kServices[] = {
      {Pipeline::Service::kIngestion, "claimtrack.ingestion.v1.IngestionService"},
      {Pipeline::Service::kExtraction, "claimtrack.extraction.v1.ExtractionService"},
      {Pipeline::Service::kVerification, "claimtrack.verification.v1.VerificationService"},
  };
  for (const auto& [service, name] : kServices) {
    EXPECT_THAT(CheckHealth(pipeline_->address(service), name), IsOkAndHolds(kServing))
        << name;
    EXPECT_THAT(CheckHealth(pipeline_->address(service), ""), IsOkAndHolds(kServing));
    EXPECT_THAT(CheckHealth(pipeline_->address(service), "no.such.Service"),
                StatusIs(absl::StatusCode::kNotFound));
  }
}

TEST_F(LifecycleTest, SigtermDrainsAndARestartKeepsTheData) {
  const auto article = testing::GenerateArticle(7);
  ingestion::IngestArticleRequest request;
  request.mutable_article()->set_text(article.text);
  request.mutable_article()->mutable_source()->set_url(article.url);
  request.set_wait_for_processing(true);
  ingestion::IngestArticleResponse response;
  {
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(30)));
    ASSERT_THAT(pipeline_->Ingestion()->IngestArticle(&context, request, &response), IsOk());
  }
  ASSERT_EQ(response.document().state(), ingestion::PROCESSING_STATE_DONE);

  for (auto service : {Pipeline::Service::kIngestion, Pipeline::Service::kExtraction,
                       Pipeline::Service::kVerification}) {
    EXPECT_EQ(pipeline_->Stop(service, /*crash=*/false), 0) << "not a clean exit on SIGTERM";
  }
  for (auto service : {Pipeline::Service::kVerification, Pipeline::Service::kExtraction,
                       Pipeline::Service::kIngestion}) {
    ASSERT_THAT(pipeline_->Restart(service), IsOk());
  }
  ingestion::GetDocumentRequest get;
  get.set_name(response.document().name());
  ingestion::Document document;
  grpc::ClientContext context;
  ASSERT_THAT(pipeline_->Ingestion()->GetDocument(&context, get, &document), IsOk());
  EXPECT_EQ(document.state(), ingestion::PROCESSING_STATE_DONE);
  EXPECT_EQ(document.statement_count(), response.document().statement_count());
}

}  // namespace
}  // namespace claimtrack
