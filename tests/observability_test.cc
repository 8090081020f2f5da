// Prometheus metrics through a real service: RPCs counted by method and
// code with latency, durable commits timed, all on the --metrics_listen
// port, read with curl as Prometheus would.

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "claimtrack/ingestion/v1/ingestion_service.grpc.pb.h"
#include "claimtrack/verification/v1/verification_service.grpc.pb.h"
#include "common/grpc/channel.h"
#include "common/testing/status_matchers.h"
#include "tests/support/free_port.h"
#include "tests/support/pipeline.h"
#include "tests/support/run_command.h"
#include "tests/support/service_process.h"

namespace claimtrack {
namespace {

namespace v1 = ::claimtrack::verification::v1;
using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

TEST(ObservabilityTest, MetricsCountCallsByMethodAndCodeAndTimeCommits) {
  const std::string dir = testing::MakeWorkDir("observability");
  const int metrics_port = testing::FreePort();
  auto verification = testing::ServiceProcess::Start(
      "claimtrack-verification",
      {"--listen=127.0.0.1:0", absl::StrCat("--data_dir=", dir, "/data"),
       absl::StrCat("--metrics_listen=127.0.0.1:", metrics_port)},
      dir);
  ASSERT_THAT(verification, IsOk());
  auto stub = v1::VerificationService::NewStub(
      grpc::CreateChannel((*verification)->address(), grpc::InsecureChannelCredentials()));

  // One call that commits, two that fail.
  {
    grpc::ClientContext context;
    v1::RecordStatementsRequest request;
    request.mutable_document()->set_name("documents/d1");
    auto* statement = request.add_statements();
    statement->set_statement_id("s1");
    statement->set_kind(claimtrack::type::v1::STATEMENT_KIND_DIRECT_QUOTE);
    statement->set_content("The harbor will reopen in May");
    statement->mutable_speaker()->set_name("Ann Ruiz");
    v1::RecordStatementsResponse response;
    ASSERT_THAT(stub->RecordStatements(&context, request, &response), IsOk());
  }
  for (int i = 0; i < 2; ++i) {
    grpc::ClientContext context;
    v1::GetClaimRequest request;
    request.set_name("claims/none");
    v1::Claim claim;
    EXPECT_THAT(stub->GetClaim(&context, request, &claim),
                StatusIs(grpc::StatusCode::NOT_FOUND));
  }

  const testing::CommandResult scrape =
      testing::RunShell(absl::StrCat("curl -sf http://127.0.0.1:", metrics_port, "/metrics"));
  ASSERT_EQ(scrape.exit_code, 0) << scrape.output;
  EXPECT_THAT(scrape.output,
              AllOf(HasSubstr("grpc_server_handled_total{grpc_code=\"NOT_FOUND\",grpc_method="
                              "\"GetClaim\",grpc_service=\"claimtrack.verification.v1."
                              "VerificationService\"} 2"),
                    HasSubstr("grpc_server_handled_total{grpc_code=\"OK\",grpc_method="
                              "\"RecordStatements\""),
                    HasSubstr("grpc_server_handling_seconds_count{grpc_method=\"GetClaim\""),
                    HasSubstr("claimtrack_store_commit_seconds_count{database="
                              "\"verification.db\"}"),
                    HasSubstr("claimtrack_store_commit_writes_bucket{database="
                              "\"verification.db\",le=\"1\"}")));
}

// While extraction is down, what waits in the outbox shows at every scrape.
TEST(ObservabilityTest, OutboxDepthAndOldestAgeWhileExtractionIsDown) {
  const std::string dir = testing::MakeWorkDir("observability_outbox");
  const int metrics_port = testing::FreePort();
  auto ingestion = testing::ServiceProcess::Start(
      "claimtrack-ingestion",
      {absl::StrCat("--data_dir=", dir, "/data"), "--extraction_address=127.0.0.1:1",
       absl::StrCat("--metrics_listen=127.0.0.1:", metrics_port)},
      dir);
  ASSERT_THAT(ingestion, IsOk());
  auto stub = claimtrack::ingestion::v1::IngestionService::NewStub(
      grpc::CreateChannel((*ingestion)->address(), grpc::InsecureChannelCredentials()));
  for (const char* text : {"\"One,\" she said.", "\"Two,\" he said."}) {
    grpc::ClientContext context;
    claimtrack::ingestion::v1::IngestArticleRequest request;
    request.mutable_article()->set_text(text);
    claimtrack::ingestion::v1::IngestArticleResponse response;
    ASSERT_THAT(stub->IngestArticle(&context, request, &response), IsOk());
  }
  const testing::CommandResult scrape =
      testing::RunShell(absl::StrCat("curl -sf http://127.0.0.1:", metrics_port, "/metrics"));
  ASSERT_EQ(scrape.exit_code, 0) << scrape.output;
  EXPECT_THAT(scrape.output, HasSubstr("\nclaimtrack_outbox_documents 2\n"));
  EXPECT_THAT(scrape.output, ::testing::ContainsRegex(
                                 "\nclaimtrack_outbox_oldest_age_seconds [0-9.e-]+\n"));
  EXPECT_THAT(scrape.output, HasSubstr("claimtrack_store_commit_seconds_count{database="
                                       "\"ingestion.db\"}"));
}

// One grep follows an article: the caller's request id comes back with the
// ingest reply and appears in the extraction and verification log lines
// about its document, although the outbox delivered it later.
TEST(ObservabilityTest, TheRequestIdFollowsTheArticleThroughTheServices) {
  // The services log per document at debug level; children inherit this.
  setenv("CLAIMTRACK_LOG_LEVEL", "debug", /*overwrite=*/1);
  auto pipeline = testing::Pipeline::Start(testing::MakeWorkDir("observability_request_id"));
  unsetenv("CLAIMTRACK_LOG_LEVEL");
  ASSERT_THAT(pipeline, IsOk());

  grpc::ClientContext context;
  context.AddMetadata("x-request-id", "trace-7f3a");
  context.set_deadline(DeadlineIn(absl::Seconds(30)));
  claimtrack::ingestion::v1::IngestArticleRequest request;
  request.mutable_article()->set_text("\"The harbor reopens in May,\" Mayor Ann Ruiz said.");
  request.set_wait_for_processing(true);
  claimtrack::ingestion::v1::IngestArticleResponse response;
  ASSERT_THAT((*pipeline)->Ingestion()->IngestArticle(&context, request, &response), IsOk());
  const auto& returned = context.GetServerInitialMetadata();
  ASSERT_EQ(returned.count("x-request-id"), 1u);
  EXPECT_EQ(returned.find("x-request-id")->second, "trace-7f3a");

  const std::string logs = (*pipeline)->Logs();
  const std::string document = response.document().name();
  EXPECT_THAT(logs, ::testing::ContainsRegex(absl::StrCat(
                        "extraction ", document, ": recorded .* \\[request trace-7f3a\\]")));
  EXPECT_THAT(logs, ::testing::ContainsRegex(absl::StrCat(
                        "verification ", document, ": .* \\[request trace-7f3a\\]")));

  // Without one, ingestion makes one up and says which.
  grpc::ClientContext anonymous;
  request.set_wait_for_processing(false);
  ASSERT_THAT((*pipeline)->Ingestion()->IngestArticle(&anonymous, request, &response), IsOk());
  ASSERT_EQ(anonymous.GetServerInitialMetadata().count("x-request-id"), 1u);
  EXPECT_EQ(anonymous.GetServerInitialMetadata().find("x-request-id")->second.size(), 16u);
}

}  // namespace
}  // namespace claimtrack
