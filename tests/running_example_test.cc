// The running example end to end: the ICPA article goes into the ingestion
// service and comes out of the verification service as the statements a
// careful analyst records (tests/testdata/icpa-withdrawal.expected.json),
// through three real service processes.

#include <map>
#include <memory>
#include <string>

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "absl/strings/match.h"
#include "common/grpc/channel.h"
#include "common/testing/files.h"
#include "common/testing/status_matchers.h"
#include "tests/support/pipeline.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::ReadFile;

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::Pipeline;
using ::testing::Contains;
using ::testing::IsSupersetOf;
namespace ingestion = ::claimtrack::ingestion::v1;
namespace type = ::claimtrack::type::v1;
namespace verification = ::claimtrack::verification::v1;

type::StatementKind KindFromFixture(const std::string& kind) {
  if (kind == "direct") return type::STATEMENT_KIND_DIRECT_QUOTE;
  if (kind == "partial") return type::STATEMENT_KIND_PARTIAL_QUOTE;
  if (kind == "indirect") return type::STATEMENT_KIND_REPORTED_SPEECH;
  return type::STATEMENT_KIND_UNSPECIFIED;
}

type::SpeakerType SpeakerTypeFromFixture(const std::string& type) {
  if (type == "person") return type::SPEAKER_TYPE_PERSON;
  if (type == "organization") return type::SPEAKER_TYPE_ORGANIZATION;
  if (type == "anonymous") return type::SPEAKER_TYPE_ANONYMOUS;
  if (type == "document") return type::SPEAKER_TYPE_DOCUMENT;
  return type::SPEAKER_TYPE_UNSPECIFIED;
}

class RunningExampleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pipeline = Pipeline::Start(testing::MakeWorkDir("running_example"));
    ASSERT_THAT(pipeline, IsOk());
    pipeline_ = std::move(*pipeline);
    article_text_ =
        ReadFile(std::string(CLAIMTRACK_SOURCE_DIR) + "/examples/articles/icpa-withdrawal.txt");
    expected_ = nlohmann::json::parse(ReadFile(
        std::string(CLAIMTRACK_SOURCE_DIR) + "/tests/testdata/icpa-withdrawal.expected.json"));
  }

  ingestion::IngestArticleResponse Ingest(const std::string& text) {
    ingestion::IngestArticleRequest request;
    request.mutable_article()->set_text(text);
    auto* source = request.mutable_article()->mutable_source();
    source->set_publisher("Network Today");
    source->set_url("https://network-today.example/us-withdraws-icpa");
    source->set_title("US withdraws from ICPA");
    request.set_wait_for_processing(true);
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(30)));
    ingestion::IngestArticleResponse response;
    const grpc::Status status = pipeline_->Ingestion()->IngestArticle(&context, request, &response);
    EXPECT_THAT(status, IsOk()) << pipeline_->Logs();
    return response;
  }

  std::vector<verification::Claim> ClaimsOf(const std::string& document) {
    verification::ListClaimsRequest request;
    request.set_document(document);
    request.set_page_size(1000);
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(10)));
    verification::ListClaimsResponse response;
    EXPECT_THAT(pipeline_->Verification()->ListClaims(&context, request, &response), IsOk());
    return {response.claims().begin(), response.claims().end()};
  }

  verification::Claim GetClaim(const std::string& name) {
    verification::GetClaimRequest request;
    request.set_name(name);
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(10)));
    verification::Claim claim;
    EXPECT_THAT(pipeline_->Verification()->GetClaim(&context, request, &claim), IsOk());
    return claim;
  }

  std::unique_ptr<Pipeline> pipeline_;
  std::string article_text_;
  nlohmann::json expected_;
};

TEST_F(RunningExampleTest, RecordsTheStatementsAnAnalystWould) {
  const ingestion::IngestArticleResponse ingested = Ingest(article_text_);
  ASSERT_TRUE(ingested.created());
  const ingestion::Document& document = ingested.document();
  ASSERT_EQ(document.state(), ingestion::PROCESSING_STATE_DONE) << document.failure_reason();

  // The cleaned text lost the boilerplate and kept everything else.
  ingestion::GetDocumentRequest get;
  get.set_name(document.name());
  ingestion::Document stored;
  grpc::ClientContext get_context;
  ASSERT_THAT(pipeline_->Ingestion()->GetDocument(&get_context, get, &stored), IsOk());
  for (const auto& line : expected_["boilerplate_removed"]) {
    EXPECT_THAT(stored.removed_boilerplate(), Contains(line.get<std::string>()));
    EXPECT_FALSE(absl::StrContains(stored.text(), line.get<std::string>()));
  }
  EXPECT_EQ(stored.original_text(), article_text_);

  const std::vector<verification::Claim> claims = ClaimsOf(document.name());
  EXPECT_EQ(static_cast<int>(claims.size()), stored.statement_count());

  for (const auto& want : expected_["statements"]) {
    const std::string content = want["content"];
    SCOPED_TRACE(content);
    const verification::Claim* found = nullptr;
    for (const auto& claim : claims) {
      if (claim.text() == content) found = &claim;
    }
    ASSERT_NE(found, nullptr) << "no claim with this text";
    EXPECT_EQ(found->kind(), KindFromFixture(want["kind"]));
    EXPECT_EQ(found->attribution_status(), verification::ATTRIBUTION_STATUS_UNCHECKED);
    EXPECT_EQ(found->verdict(), verification::VERDICT_UNVERIFIED);
    const auto& speaker = want["speaker"];
    EXPECT_EQ(found->speaker().name(), speaker["name"].get<std::string>());
    EXPECT_EQ(found->speaker().type(), SpeakerTypeFromFixture(speaker["type"]));
    if (speaker.contains("role")) {
      EXPECT_EQ(found->speaker().role(), speaker["role"].get<std::string>());
    }
    if (speaker.contains("organization")) {
      EXPECT_EQ(found->speaker().organization(), speaker["organization"].get<std::string>());
    }
    if (speaker.contains("aliases")) {
      EXPECT_THAT(found->speaker().aliases(),
                  IsSupersetOf(speaker["aliases"].get<std::vector<std::string>>()));
    }
    const verification::Claim full = GetClaim(found->name());
    ASSERT_EQ(full.appearances_size(), 1);
    const verification::Appearance& appearance = full.appearances(0);
    EXPECT_EQ(appearance.document(), document.name());
    EXPECT_EQ(appearance.source().publisher(), "Network Today");
    EXPECT_EQ(appearance.mention().text(), want["mention"].get<std::string>());
    EXPECT_EQ(appearance.cue().text(), want["cue"].get<std::string>());
    // Spans index into the cleaned text and slice to what they claim.
    const auto& mention_span = appearance.mention().span();
    EXPECT_EQ(stored.text().substr(mention_span.begin(), mention_span.end() - mention_span.begin()),
              appearance.mention().text());
    ASSERT_GE(appearance.content_spans_size(), 1);
    if (want.contains("context")) {
      EXPECT_EQ(appearance.context().text(), want["context"].get<std::string>());
    }
    if (want.contains("conveyed_by")) {
      const auto& relay = want["conveyed_by"];
      EXPECT_EQ(appearance.relay().mention().text(), relay["mention"].get<std::string>());
      EXPECT_EQ(appearance.relay().cue().text(), relay["cue"].get<std::string>());
      if (relay.contains("name")) {
        EXPECT_EQ(appearance.relay().speaker().name(), relay["name"].get<std::string>());
      }
      if (relay.contains("type")) {
        EXPECT_EQ(appearance.relay().speaker().type(), SpeakerTypeFromFixture(relay["type"]));
      }
    }
  }

  for (const auto& want : expected_["factual_claims"]) {
    const std::string fact = want;
    bool covered = false;
    for (const auto& claim : claims) {
      covered |= claim.kind() == type::STATEMENT_KIND_FACTUAL_CLAIM &&
                 absl::StrContains(claim.text(), fact);
    }
    EXPECT_TRUE(covered) << "no factual claim covers: " << fact;
  }
  for (const auto& not_statement : expected_["not_statements"]) {
    for (const auto& claim : claims) {
      EXPECT_FALSE(absl::StrContains(claim.text(), not_statement.get<std::string>()))
          << claim.name() << " should not be a claim: " << claim.text();
    }
  }
}

TEST_F(RunningExampleTest, ReingestingIsIdempotentAndAChangedTextIsARevision) {
  const ingestion::IngestArticleResponse first = Ingest(article_text_);
  ASSERT_EQ(first.document().state(), ingestion::PROCESSING_STATE_DONE);
  const size_t claim_count = ClaimsOf(first.document().name()).size();

  const ingestion::IngestArticleResponse again = Ingest(article_text_);
  EXPECT_FALSE(again.created());
  EXPECT_EQ(again.document().name(), first.document().name());
  EXPECT_EQ(ClaimsOf(first.document().name()).size(), claim_count);

  // A correction appended by the publisher: same URL, new text.
  const ingestion::IngestArticleResponse revised =
      Ingest(article_text_ + "\n\nThis article has been updated.\n");
  EXPECT_TRUE(revised.created());
  EXPECT_NE(revised.document().name(), first.document().name());
  EXPECT_EQ(revised.document().revision(), 2);
  EXPECT_EQ(revised.document().previous_revision(), first.document().name());
  ASSERT_EQ(revised.document().state(), ingestion::PROCESSING_STATE_DONE);

  // Garland's quote is one claim with an appearance in each revision.
  verification::ListClaimsRequest request;
  request.set_speaker("merrick garland");
  grpc::ClientContext context;
  verification::ListClaimsResponse response;
  ASSERT_THAT(pipeline_->Verification()->ListClaims(&context, request, &response), IsOk());
  ASSERT_EQ(response.claims_size(), 1);
  EXPECT_EQ(response.claims(0).appearance_count(), 2);
}

}  // namespace
}  // namespace claimtrack
