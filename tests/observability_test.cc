// Prometheus metrics through a real service: RPCs counted by method and
// code with latency, durable commits timed, all on the --metrics_listen
// port, read with curl as Prometheus would.

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"
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

}  // namespace
}  // namespace claimtrack
