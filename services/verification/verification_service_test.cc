#include "services/verification/verification_service.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>

#include "common/testing/status_matchers.h"
#include "services/verification/sqlite_claim_store.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::SizeIs;

// The service over the real SQLite store, called through an in-process
// channel (no ports).
class VerificationServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string path = ::testing::TempDir() + "/verification_service_" +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                             ".db";
    std::remove(path.c_str());
    std::remove((path + "-wal").c_str());
    std::remove((path + "-shm").c_str());
    auto store = SqliteClaimStore::Open(path);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
    service_ = std::make_unique<VerificationServiceImpl>(*store_);
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    stub_ = v1::VerificationService::NewStub(server_->InProcessChannel(grpc::ChannelArguments()));
  }

  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
    if (store_ != nullptr) store_->Close();
  }

  v1::RecordStatementsResponse RecordOne(absl::string_view document, absl::string_view statement_id,
                                         absl::string_view content, absl::string_view speaker) {
    v1::RecordStatementsRequest request;
    request.mutable_document()->set_name(std::string(document));
    type::v1::Statement* statement = request.add_statements();
    statement->set_statement_id(std::string(statement_id));
    statement->set_content(std::string(content));
    statement->set_kind(type::v1::STATEMENT_KIND_DIRECT_QUOTE);
    statement->mutable_speaker()->set_name(std::string(speaker));
    v1::RecordStatementsResponse response;
    grpc::ClientContext context;
    EXPECT_THAT(stub_->RecordStatements(&context, request, &response), IsOk());
    return response;
  }

  grpc::Status Review(const v1::ReviewClaimRequest& request, v1::Claim* response,
                      absl::string_view analyst = "ana") {
    grpc::ClientContext context;
    if (!analyst.empty()) {
      context.AddMetadata("x-claimtrack-analyst", std::string(analyst));
    }
    return stub_->ReviewClaim(&context, request, response);
  }

  grpc::Status Get(absl::string_view name, v1::Claim* claim) {
    v1::GetClaimRequest request;
    request.set_name(std::string(name));
    grpc::ClientContext context;
    return stub_->GetClaim(&context, request, claim);
  }

  std::unique_ptr<SqliteClaimStore> store_;
  std::unique_ptr<VerificationServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::VerificationService::Stub> stub_;
};

TEST_F(VerificationServiceTest, RecordGetAndReplay) {
  const v1::RecordStatementsResponse first =
      RecordOne("documents/d1", "s1", "We will win.", "Jane Doe");
  ASSERT_THAT(first.claims(), SizeIs(1));
  EXPECT_EQ(first.created_claim_count(), 1);
  EXPECT_EQ(first.created_appearance_count(), 1);
  const v1::RecordStatementsResponse replay =
      RecordOne("documents/d1", "s1", "We will win.", "Jane Doe");
  EXPECT_EQ(replay.claims(0), first.claims(0));
  EXPECT_EQ(replay.created_claim_count(), 0);
  EXPECT_EQ(replay.created_appearance_count(), 0);

  v1::Claim claim;
  ASSERT_THAT(Get(first.claims(0), &claim), IsOk());
  EXPECT_EQ(claim.text(), "We will win.");
  EXPECT_EQ(claim.appearance_count(), 1);
  EXPECT_THAT(Get("claims/0000000000000000", &claim), StatusIs(grpc::StatusCode::NOT_FOUND));
  EXPECT_THAT(Get("bad", &claim), StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
}

TEST_F(VerificationServiceTest, RecordRejectsInvalidRequests) {
  v1::RecordStatementsRequest request;
  v1::RecordStatementsResponse response;
  {
    grpc::ClientContext context;
    EXPECT_THAT(stub_->RecordStatements(&context, request, &response),
                StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("document.name")));
  }
  request.mutable_document()->set_name("documents/d1");
  request.add_statements()->set_statement_id("s1");
  {
    grpc::ClientContext context;
    EXPECT_THAT(stub_->RecordStatements(&context, request, &response),
                StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("statements[0].content")));
  }
}

TEST_F(VerificationServiceTest, ReviewWorkflowOverRpc) {
  const std::string name = RecordOne("documents/d1", "s1", "We will win.", "Jane Doe").claims(0);
  v1::Claim claim;
  ASSERT_THAT(Get(name, &claim), IsOk());

  v1::ReviewClaimRequest request;
  request.set_name(name);
  request.set_etag(claim.etag());
  request.set_verdict(v1::VERDICT_IN_REVIEW);
  v1::Claim reviewed;
  EXPECT_THAT(Review(request, &reviewed, ""),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("x-claimtrack-analyst")));
  ASSERT_THAT(Review(request, &reviewed), IsOk());
  EXPECT_EQ(reviewed.verdict(), v1::VERDICT_IN_REVIEW);
  EXPECT_THAT(Review(request, &reviewed), StatusIs(grpc::StatusCode::ABORTED, HasSubstr("etag")));

  request.set_etag(reviewed.etag());
  request.set_verdict(v1::VERDICT_UNVERIFIED);
  EXPECT_THAT(Review(request, &reviewed),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION,
                       HasSubstr("cannot go from VERDICT_IN_REVIEW to VERDICT_UNVERIFIED")));
  request.clear_verdict();
  EXPECT_THAT(Review(request, &reviewed), StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  request.set_verdict(v1::VERDICT_TRUE);
  request.set_note("matches the record");
  request.add_evidence()->set_url("mailto:someone");
  EXPECT_THAT(Review(request, &reviewed),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("evidence[0].url")));
  request.mutable_evidence(0)->set_url("https://example.org/record");
  ASSERT_THAT(Review(request, &reviewed), IsOk());
  EXPECT_EQ(reviewed.verdict(), v1::VERDICT_TRUE);

  v1::ListClaimHistoryRequest history_request;
  history_request.set_parent(name);
  v1::ListClaimHistoryResponse history;
  grpc::ClientContext context;
  ASSERT_THAT(stub_->ListClaimHistory(&context, history_request, &history), IsOk());
  ASSERT_THAT(history.history_entries(), SizeIs(2));
  EXPECT_EQ(history.history_entries(1).to_verdict(), v1::VERDICT_TRUE);
  EXPECT_EQ(history.history_entries(1).actor(), "ana");
}

TEST_F(VerificationServiceTest, ListClaimsFiltersBySpeaker) {
  RecordOne("documents/d1", "s1", "one", "Jane Doe");
  RecordOne("documents/d2", "s1", "two", "John Roe");
  v1::ListClaimsRequest request;
  request.set_speaker("jane doe");
  v1::ListClaimsResponse response;
  {
    grpc::ClientContext context;
    ASSERT_THAT(stub_->ListClaims(&context, request, &response), IsOk());
  }
  ASSERT_THAT(response.claims(), SizeIs(1));
  EXPECT_EQ(response.claims(0).text(), "one");
  request.set_page_size(-1);
  grpc::ClientContext context;
  EXPECT_THAT(stub_->ListClaims(&context, request, &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("page_size")));
}

}  // namespace
}  // namespace claimtrack::verification
