// The tracking RPCs over the real SQLite store, through an in-process
// channel: each documented error code, and a success of each.

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>

#include "common/testing/status_matchers.h"
#include "services/verification/sqlite_claim_store.h"
#include "services/verification/verification_service.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::SizeIs;

class VerificationServiceTrackingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string path = ::testing::TempDir() + "/verification_tracking_" +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                             ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    auto store = SqliteClaimStore::Open(path);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
    service_ = std::make_unique<VerificationServiceImpl>(*store_);
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    stub_ = v1::VerificationService::NewStub(server_->InProcessChannel(grpc::ChannelArguments()));

    v1::RecordStatementsRequest request;
    request.mutable_document()->set_name("documents/d1");
    request.mutable_document()->mutable_source()->set_publisher("Network Today");
    for (const char* content : {"There is no hiding place for war criminals",
                                "There is still a hiding place for war criminals"}) {
      type::v1::Statement* statement = request.add_statements();
      statement->set_statement_id(content);
      statement->set_content(content);
      statement->set_kind(type::v1::STATEMENT_KIND_DIRECT_QUOTE);
      statement->mutable_speaker()->set_name("Merrick Garland");
      statement->mutable_speaker()->set_type(type::v1::SPEAKER_TYPE_PERSON);
    }
    grpc::ClientContext context;
    ASSERT_THAT(stub_->RecordStatements(&context, request, &recorded_), IsOk());
  }

  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
    if (store_ != nullptr) store_->Close();
  }

  std::unique_ptr<SqliteClaimStore> store_;
  std::unique_ptr<VerificationServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::VerificationService::Stub> stub_;
  v1::RecordStatementsResponse recorded_;
};

TEST_F(VerificationServiceTrackingTest, SearchClaims) {
  v1::SearchClaimsRequest request;
  request.set_query("hiding");
  request.set_publisher("network today");
  v1::SearchClaimsResponse response;
  {
    grpc::ClientContext context;
    ASSERT_THAT(stub_->SearchClaims(&context, request, &response), IsOk());
  }
  EXPECT_THAT(response.claims(), SizeIs(2));
  for (const auto& bad : {[] {
                            v1::SearchClaimsRequest r;
                            r.set_page_size(-1);
                            return r;
                          }(),
                          [] {
                            v1::SearchClaimsRequest r;
                            r.set_query("--");
                            return r;
                          }(),
                          [] {
                            v1::SearchClaimsRequest r;
                            r.set_speaker("speakers/");
                            return r;
                          }(),
                          [] {
                            v1::SearchClaimsRequest r;
                            r.set_page_token("made-up");
                            return r;
                          }()}) {
    grpc::ClientContext context;
    EXPECT_THAT(stub_->SearchClaims(&context, bad, &response),
                StatusIs(grpc::StatusCode::INVALID_ARGUMENT))
        << bad.DebugString();
  }
}

TEST_F(VerificationServiceTrackingTest, ListClaimVariants) {
  v1::ListClaimVariantsRequest request;
  request.set_parent(recorded_.claims(0));
  v1::ListClaimVariantsResponse response;
  {
    grpc::ClientContext context;
    ASSERT_THAT(stub_->ListClaimVariants(&context, request, &response), IsOk());
  }
  ASSERT_THAT(response.variants(), SizeIs(1));
  EXPECT_EQ(response.variants(0).claim(), recorded_.claims(1));
  EXPECT_EQ(response.variants(0).proposed_attribution_status(), v1::ATTRIBUTION_STATUS_ALTERED);
  {
    grpc::ClientContext context;
    request.set_parent("claims/0000000000000000");
    EXPECT_THAT(stub_->ListClaimVariants(&context, request, &response),
                StatusIs(grpc::StatusCode::NOT_FOUND));
  }
  {
    grpc::ClientContext context;
    request.set_parent("speakers/x");
    EXPECT_THAT(stub_->ListClaimVariants(&context, request, &response),
                StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("parent")));
  }
}

TEST_F(VerificationServiceTrackingTest, GetAndListSpeakers) {
  v1::ListSpeakersRequest list;
  list.set_alias("Garland");
  v1::ListSpeakersResponse speakers;
  {
    grpc::ClientContext context;
    ASSERT_THAT(stub_->ListSpeakers(&context, list, &speakers), IsOk());
  }
  ASSERT_THAT(speakers.speakers(), SizeIs(1));
  EXPECT_EQ(speakers.speakers(0).claim_count(), 2);

  v1::GetSpeakerRequest get;
  get.set_name(speakers.speakers(0).name());
  v1::Speaker speaker;
  {
    grpc::ClientContext context;
    ASSERT_THAT(stub_->GetSpeaker(&context, get, &speaker), IsOk());
  }
  EXPECT_EQ(speaker.display_name(), "Merrick Garland");
  {
    grpc::ClientContext context;
    get.set_name("speakers/0000000000000000");
    EXPECT_THAT(stub_->GetSpeaker(&context, get, &speaker), StatusIs(grpc::StatusCode::NOT_FOUND));
  }
  {
    grpc::ClientContext context;
    get.set_name("Merrick Garland");
    EXPECT_THAT(stub_->GetSpeaker(&context, get, &speaker),
                StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  }
  {
    grpc::ClientContext context;
    list.set_page_size(-1);
    EXPECT_THAT(stub_->ListSpeakers(&context, list, &speakers),
                StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  }
}

}  // namespace
}  // namespace claimtrack::verification
