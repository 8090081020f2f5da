#include "services/extraction/extraction_service.h"

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "common/grpc/channel.h"
#include "common/testing/status_matchers.h"

namespace claimtrack::extraction {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;
namespace v1 = ::claimtrack::extraction::v1;

std::string ReadExampleArticle() {
  std::ifstream in(std::string(CLAIMTRACK_SOURCE_DIR) +
                   "/examples/articles/icpa-withdrawal.txt");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The service on an in-process channel. Verification points at a port
// nothing listens on, so the pipeline path fails the way it does when
// verification is down.
class ExtractionServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ExtractionServiceOptions options;
    options.max_text_bytes = 1 << 16;
    options.verification_timeout = absl::Seconds(2);
    service_ = std::make_unique<ExtractionService>(
        options, claimtrack::verification::v1::VerificationService::NewStub(
                     grpc::CreateChannel("127.0.0.1:1", grpc::InsecureChannelCredentials())));
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    stub_ = v1::ExtractionService::NewStub(server_->InProcessChannel(grpc::ChannelArguments()));
  }
  void TearDown() override { server_->Shutdown(); }

  grpc::Status Extract(const std::string& text, v1::ExtractStatementsResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(10)));
    v1::ExtractStatementsRequest request;
    request.mutable_document()->set_text(text);
    return stub_->ExtractStatements(&context, request, response);
  }

  std::unique_ptr<ExtractionService> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::ExtractionService::Stub> stub_;
};

TEST_F(ExtractionServiceTest, ExtractsTheRunningExampleWithStableIds) {
  const std::string text = ReadExampleArticle();
  v1::ExtractStatementsResponse first;
  v1::ExtractStatementsResponse second;
  ASSERT_THAT(Extract(text, &first), IsOk());
  ASSERT_THAT(Extract(text, &second), IsOk());
  ASSERT_GE(first.statements_size(), 6);
  ASSERT_EQ(first.statements_size(), second.statements_size());
  bool found_garland = false;
  for (int i = 0; i < first.statements_size(); ++i) {
    const auto& statement = first.statements(i);
    EXPECT_EQ(statement.statement_id(), second.statements(i).statement_id());
    EXPECT_EQ(statement.extractor_version(), first.extractor_version());
    for (const auto& span : statement.content_spans()) {
      ASSERT_LE(span.end(), text.size());
    }
    if (statement.speaker().name() == "Merrick Garland") {
      found_garland = true;
      EXPECT_EQ(statement.kind(), claimtrack::type::v1::STATEMENT_KIND_DIRECT_QUOTE);
      EXPECT_EQ(statement.content(), "There is no hiding place for war criminals");
      EXPECT_EQ(statement.cue().text(), "touted");
      const auto& span = statement.content_spans(0);
      EXPECT_EQ(text.substr(span.begin(), span.end() - span.begin()), statement.content());
    }
  }
  EXPECT_TRUE(found_garland);
}

TEST_F(ExtractionServiceTest, LeavesOutWhatASpeakerDidNotSay) {
  v1::ExtractStatementsResponse response;
  ASSERT_THAT(Extract("Paul Weir did not say whether 40 jobs were cut. The ministry did not "
                      "respond to a request for comment. Weir said the dam is safe.",
                      &response),
              IsOk());
  ASSERT_EQ(response.statements_size(), 1);
  EXPECT_EQ(response.statements(0).content(), "the dam is safe");
  EXPECT_EQ(response.statements(0).speaker().name(), "Paul Weir");
}

TEST_F(ExtractionServiceTest, RejectsBadTextNamingTheField) {
  v1::ExtractStatementsResponse response;
  EXPECT_THAT(Extract("", &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("document.text")));
  EXPECT_THAT(Extract("bad \xFF byte", &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("offset 4")));
  EXPECT_THAT(Extract(std::string((1 << 16) + 1, 'a'), &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("limit is 65536")));
}

TEST_F(ExtractionServiceTest, ProcessDocumentNeedsADocumentName) {
  grpc::ClientContext context;
  v1::ProcessDocumentRequest request;
  request.mutable_document()->set_text("Hello.");
  v1::ProcessDocumentResponse response;
  EXPECT_THAT(stub_->ProcessDocument(&context, request, &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("document.name")));
}

TEST_F(ExtractionServiceTest, ProcessDocumentReportsVerificationDownAsRetryable) {
  grpc::ClientContext context;
  context.set_deadline(DeadlineIn(absl::Seconds(10)));
  v1::ProcessDocumentRequest request;
  request.mutable_document()->set_name("documents/abc");
  request.mutable_document()->set_text("\"We will win,\" she said.");
  v1::ProcessDocumentResponse response;
  const grpc::Status status = stub_->ProcessDocument(&context, request, &response);
  EXPECT_TRUE(status.error_code() == grpc::StatusCode::UNAVAILABLE ||
              status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED)
      << status.error_code() << " " << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr("verification service"));
}

}  // namespace
}  // namespace claimtrack::extraction
