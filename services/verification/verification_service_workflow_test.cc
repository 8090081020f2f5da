// The workflow RPCs through an in-process channel over the real store.

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "common/testing/status_matchers.h"
#include "services/verification/sqlite_claim_store.h"
#include "services/verification/verification_service.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;

class WorkflowServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string path = ::testing::TempDir() + "/workflow_service_" +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                             ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    auto store = SqliteClaimStore::Open(path);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
    ClaimReviewOptions options;
    options.organization_name = "Fact Desk";
    service_ = std::make_unique<VerificationServiceImpl>(*store_, /*security=*/nullptr, options);
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    stub_ = v1::VerificationService::NewStub(server_->InProcessChannel(grpc::ChannelArguments()));

    v1::RecordStatementsRequest request;
    request.mutable_document()->set_name("documents/d1");
    request.mutable_document()->mutable_source()->set_url("https://news.example/a");
    type::v1::Statement* statement = request.add_statements();
    statement->set_statement_id("s1");
    statement->set_content("We will win.");
    statement->set_kind(type::v1::STATEMENT_KIND_DIRECT_QUOTE);
    statement->mutable_speaker()->set_name("Jane Doe");
    v1::RecordStatementsResponse response;
    grpc::ClientContext context;
    ASSERT_THAT(stub_->RecordStatements(&context, request, &response), IsOk());
    name_ = response.claims(0);
  }

  void TearDown() override {
    service_->StopWatches();
    if (server_ != nullptr) server_->Shutdown();
    if (store_ != nullptr) store_->Close();
  }

  std::unique_ptr<grpc::ClientContext> Context() {
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("x-claimtrack-analyst", "ana");
    return context;
  }

  grpc::Status Review(v1::Verdict verdict, const std::string& note) {
    v1::Claim claim;
    {
      v1::GetClaimRequest get;
      get.set_name(name_);
      grpc::ClientContext context;
      grpc::Status status = stub_->GetClaim(&context, get, &claim);
      if (!status.ok()) return status;
    }
    v1::ReviewClaimRequest request;
    request.set_name(name_);
    request.set_etag(claim.etag());
    request.set_verdict(verdict);
    request.set_note(note);
    v1::Claim reviewed;
    return stub_->ReviewClaim(Context().get(), request, &reviewed);
  }

  std::unique_ptr<SqliteClaimStore> store_;
  std::unique_ptr<VerificationServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::VerificationService::Stub> stub_;
  std::string name_;
};

TEST_F(WorkflowServiceTest, AddEvidenceValidatesAndRecords) {
  v1::AddEvidenceRequest request;
  request.set_name(name_);
  v1::Claim claim;
  EXPECT_THAT(stub_->AddEvidence(Context().get(), request, &claim),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("evidence is required")));
  v1::Evidence* evidence = request.add_evidence();
  evidence->set_url("https://www.justice.gov/a");
  evidence->set_stance(v1::EVIDENCE_STANCE_REFUTES);
  evidence->set_archive_sha256("not-a-digest");
  EXPECT_THAT(
      stub_->AddEvidence(Context().get(), request, &claim),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("evidence[0].archive_sha256")));
  evidence->set_archive_sha256(std::string(64, '0'));
  {
    grpc::ClientContext anonymous;
    EXPECT_THAT(stub_->AddEvidence(&anonymous, request, &claim),
                StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("x-claimtrack-analyst")));
  }
  ASSERT_THAT(stub_->AddEvidence(Context().get(), request, &claim), IsOk());
  ASSERT_EQ(claim.evidence_size(), 1);
  EXPECT_EQ(claim.evidence(0).stance(), v1::EVIDENCE_STANCE_REFUTES);

  // ReviewClaim validates evidence the same way.
  v1::ReviewClaimRequest review;
  review.set_name(name_);
  review.set_etag(claim.etag());
  review.set_verdict(v1::VERDICT_IN_REVIEW);
  review.add_evidence()->set_url("https://a.example");
  review.mutable_evidence(0)->set_archive_sha256(std::string(64, 'F'));
  EXPECT_THAT(
      stub_->ReviewClaim(Context().get(), review, &claim),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("evidence[0].archive_sha256")));
}

TEST_F(WorkflowServiceTest, AssignFilterPublishReopenExportAndVerify) {
  v1::AssignClaimRequest assign;
  assign.set_name(name_);
  assign.set_assignee("bo");
  v1::Claim claim;
  ASSERT_THAT(stub_->AssignClaim(Context().get(), assign, &claim), IsOk());
  EXPECT_EQ(claim.assignee(), "bo");
  {
    v1::ListClaimsRequest list;
    list.set_assignee("bo");
    v1::ListClaimsResponse listed;
    grpc::ClientContext context;
    ASSERT_THAT(stub_->ListClaims(&context, list, &listed), IsOk());
    EXPECT_EQ(listed.claims_size(), 1);
  }

  v1::ExportClaimReviewRequest export_request;
  export_request.set_name(name_);
  v1::ExportClaimReviewResponse exported;
  {
    grpc::ClientContext context;
    EXPECT_THAT(stub_->ExportClaimReview(&context, export_request, &exported),
                StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("no final verdict")));
  }
  ASSERT_THAT(Review(v1::VERDICT_IN_REVIEW, "checking"), IsOk());
  ASSERT_THAT(Review(v1::VERDICT_MOSTLY_TRUE, "close enough"), IsOk());

  v1::PublishClaimRequest publish;
  publish.set_name(name_);
  ASSERT_THAT(stub_->PublishClaim(Context().get(), publish, &claim), IsOk());
  EXPECT_TRUE(claim.published());
  EXPECT_THAT(Review(v1::VERDICT_IN_REVIEW, "again"),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("ReopenClaim")));
  {
    grpc::ClientContext context;
    ASSERT_THAT(stub_->ExportClaimReview(&context, export_request, &exported), IsOk());
  }
  const nlohmann::json json = nlohmann::json::parse(exported.json_ld());
  EXPECT_EQ(json["reviewRating"]["alternateName"], "Mostly true");
  EXPECT_EQ(json["author"]["name"], "Fact Desk");
  EXPECT_EQ(json["itemReviewed"]["firstAppearance"]["url"], "https://news.example/a");

  v1::ReopenClaimRequest reopen;
  reopen.set_name(name_);
  EXPECT_THAT(stub_->ReopenClaim(Context().get(), reopen, &claim),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("note")));
  reopen.set_note("new facts");
  ASSERT_THAT(stub_->ReopenClaim(Context().get(), reopen, &claim), IsOk());
  EXPECT_FALSE(claim.published());

  v1::VerifyClaimHistoryRequest verify;
  verify.set_name(name_);
  v1::VerifyClaimHistoryResponse verified;
  grpc::ClientContext context;
  ASSERT_THAT(stub_->VerifyClaimHistory(&context, verify, &verified), IsOk());
  EXPECT_TRUE(verified.valid()) << verified.problem();
  EXPECT_EQ(verified.entry_count(), 5);
}

TEST_F(WorkflowServiceTest, AWatchStreamsThenEndsWhenWatchesStop) {
  grpc::ClientContext context;
  v1::WatchClaimChangesRequest request;
  std::unique_ptr<grpc::ClientReader<v1::ClaimChange>> reader =
      stub_->WatchClaimChanges(&context, request);
  v1::ClaimChange change;
  ASSERT_TRUE(reader->Read(&change));
  EXPECT_EQ(change.type(), v1::CLAIM_CHANGE_TYPE_CLAIM_CREATED);
  EXPECT_EQ(change.claim(), name_);
  // A change committed while the watch is caught up wakes it.
  ASSERT_THAT(Review(v1::VERDICT_IN_REVIEW, "checking"), IsOk());
  ASSERT_TRUE(reader->Read(&change));
  EXPECT_EQ(change.type(), v1::CLAIM_CHANGE_TYPE_STATUS_CHANGED);
  EXPECT_EQ(change.history_entry(), name_ + "/historyEntries/1");

  service_->StopWatches();
  EXPECT_FALSE(reader->Read(&change));
  EXPECT_THAT(reader->Finish(), StatusIs(grpc::StatusCode::UNAVAILABLE, HasSubstr("cursor")));
}

TEST_F(WorkflowServiceTest, AWatchRejectsABadCursor) {
  grpc::ClientContext context;
  v1::WatchClaimChangesRequest request;
  request.set_start_after("nonsense");
  auto reader = stub_->WatchClaimChanges(&context, request);
  v1::ClaimChange change;
  EXPECT_FALSE(reader->Read(&change));
  EXPECT_THAT(reader->Finish(),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("start_after")));

  // Well-formed, but ahead of everything this store recorded.
  grpc::ClientContext ahead_context;
  request.set_start_after("c999");
  reader = stub_->WatchClaimChanges(&ahead_context, request);
  EXPECT_FALSE(reader->Read(&change));
  EXPECT_THAT(reader->Finish(),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("was not issued")));
}

}  // namespace
}  // namespace claimtrack::verification
