// What operators rely on: health per service, graceful SIGTERM, and data
// that survives a clean restart.

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/grpc/channel.h"
#include "common/testing/status_matchers.h"
#include "tests/support/article_generator.h"
#include "tests/support/health_check.h"
#include "tests/support/pipeline.h"
#include "tests/support/service_process.h"

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

// A second service on a port already in use must fail, not share it:
// gRPC's default SO_REUSEPORT would let both bind and split the calls.
TEST_F(LifecycleTest, AServiceOnATakenPortRefusesToStart) {
  const std::string dir = testing::MakeWorkDir("taken_port");
  auto second = testing::ServiceProcess::Start(
      "claimtrack-extraction",
      {absl::StrCat("--listen=", pipeline_->address(Pipeline::Service::kExtraction))}, dir);
  ASSERT_THAT(second, StatusIs(absl::StatusCode::kInternal, ::testing::HasSubstr("exited")));
  const std::string message(second.status().message());
  std::ifstream log(message.substr(message.rfind(' ') + 1));
  const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_THAT(text, ::testing::HasSubstr("--listen: cannot listen on"));
}

}  // namespace
}  // namespace claimtrack
