// Bad input gets the right code and a message that names the field and the
// limit; the review workflow guards its transitions. Through real processes.

#include <memory>
#include <string>

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "common/grpc/channel.h"
#include "common/testing/status_matchers.h"
#include "tests/support/article_generator.h"
#include "tests/support/pipeline.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::Pipeline;
using ::claimtrack::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
namespace ingestion = ::claimtrack::ingestion::v1;
namespace verification = ::claimtrack::verification::v1;

// One pipeline for the whole suite: these tests only read or add.
class BadInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto pipeline = Pipeline::Start(testing::MakeWorkDir("bad_input"));
    ASSERT_THAT(pipeline, IsOk());
    pipeline_ = pipeline->release();
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }

  static grpc::Status Ingest(const std::string& text, const std::string& url,
                             ingestion::IngestArticleResponse* response,
                             bool wait = false) {
    ingestion::IngestArticleRequest request;
    request.mutable_article()->set_text(text);
    request.mutable_article()->mutable_source()->set_url(url);
    request.set_wait_for_processing(wait);
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(30)));
    return pipeline_->Ingestion()->IngestArticle(&context, request, response);
  }

  // A processed article's first direct-quote claim.
  static verification::Claim SomeClaim(int article_index) {
    const auto article = testing::GenerateArticle(article_index);
    ingestion::IngestArticleResponse ingested;
    EXPECT_THAT(Ingest(article.text, article.url, &ingested, /*wait=*/true), IsOk());
    verification::ListClaimsRequest request;
    request.set_document(ingested.document().name());
    request.set_kind(claimtrack::type::v1::STATEMENT_KIND_DIRECT_QUOTE);
    grpc::ClientContext context;
    verification::ListClaimsResponse response;
    EXPECT_THAT(pipeline_->Verification()->ListClaims(&context, request, &response), IsOk());
    EXPECT_GT(response.claims_size(), 0) << pipeline_->Logs();
    return response.claims_size() > 0 ? response.claims(0) : verification::Claim();
  }

  static grpc::Status Review(const verification::ReviewClaimRequest& request,
                             verification::Claim* claim, const char* analyst = "ana") {
    grpc::ClientContext context;
    if (analyst != nullptr) {
      context.AddMetadata("x-claimtrack-analyst", analyst);
    }
    return pipeline_->Verification()->ReviewClaim(&context, request, claim);
  }

  static Pipeline* pipeline_;
};

Pipeline* BadInputTest::pipeline_ = nullptr;

TEST_F(BadInputTest, ArticleLimitsNameTheField) {
  ingestion::IngestArticleResponse response;
  EXPECT_THAT(Ingest("", "https://a.example/1", &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("article.text")));
  EXPECT_THAT(Ingest("caf\xC3", "https://a.example/2", &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                       AllOf(HasSubstr("article.text"), HasSubstr("UTF-8"))));
  EXPECT_THAT(Ingest(std::string((4 << 20) + 1, 'a'), "https://a.example/3", &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                       AllOf(HasSubstr("article.text"), HasSubstr("4194304"))));
  // Valid UTF-8, but no store should have to hold it (PostgreSQL cannot).
  EXPECT_THAT(Ingest(std::string("Nul\0byte.", 9), "https://a.example/4", &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                       AllOf(HasSubstr("article.text"), HasSubstr("NUL"))));
  for (const char* url : {"not a url", "ftp://a.example/x", "http://"}) {
    EXPECT_THAT(Ingest("Some text.", url, &response),
                StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("article.source.url")))
        << url;
  }
}

TEST_F(BadInputTest, OversizedMessagesAreRefusedByTheServer) {
  ingestion::IngestArticleResponse response;
  EXPECT_THAT(Ingest(std::string(20 << 20, 'a'), "https://a.example/big", &response),
              StatusIs(grpc::StatusCode::RESOURCE_EXHAUSTED));
}

TEST_F(BadInputTest, BatchErrorsNameTheItem) {
  ingestion::BatchIngestArticlesRequest request;
  request.add_requests()->mutable_article()->set_text("Fine text.");
  request.add_requests()->mutable_article()->set_text("");
  grpc::ClientContext context;
  ingestion::BatchIngestArticlesResponse response;
  EXPECT_THAT(pipeline_->Ingestion()->BatchIngestArticles(&context, request, &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("requests[1].article.text")));

  ingestion::BatchIngestArticlesRequest too_many;
  for (int i = 0; i < 1001; ++i) {
    too_many.add_requests()->mutable_article()->set_text("x");
  }
  grpc::ClientContext context2;
  EXPECT_THAT(pipeline_->Ingestion()->BatchIngestArticles(&context2, too_many, &response),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("1000")));
}

TEST_F(BadInputTest, UnknownAndMalformedNames) {
  ingestion::GetDocumentRequest get_document;
  get_document.set_name("documents/0123456789abcdef");
  ingestion::Document document;
  grpc::ClientContext c1;
  EXPECT_THAT(pipeline_->Ingestion()->GetDocument(&c1, get_document, &document),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  get_document.set_name("claims/abc");
  grpc::ClientContext c2;
  EXPECT_THAT(pipeline_->Ingestion()->GetDocument(&c2, get_document, &document),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("name")));

  verification::GetClaimRequest get_claim;
  get_claim.set_name("claims/0123456789abcdef");
  verification::Claim claim;
  grpc::ClientContext c3;
  EXPECT_THAT(pipeline_->Verification()->GetClaim(&c3, get_claim, &claim),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  verification::ListClaimHistoryRequest history;
  history.set_parent("claims/0123456789abcdef");
  verification::ListClaimHistoryResponse entries;
  grpc::ClientContext c4;
  EXPECT_THAT(pipeline_->Verification()->ListClaimHistory(&c4, history, &entries),
              StatusIs(grpc::StatusCode::NOT_FOUND));
}

TEST_F(BadInputTest, BadPageSizesAndTokens) {
  ingestion::ListDocumentsRequest documents;
  documents.set_page_size(-1);
  ingestion::ListDocumentsResponse document_page;
  grpc::ClientContext c1;
  EXPECT_THAT(pipeline_->Ingestion()->ListDocuments(&c1, documents, &document_page),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("page_size")));
  documents.set_page_size(10);
  documents.set_page_token("bm9wZQ");
  grpc::ClientContext c2;
  EXPECT_THAT(pipeline_->Ingestion()->ListDocuments(&c2, documents, &document_page),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("page_token")));

  // A real token used with different filters is refused too.
  SomeClaim(900);
  SomeClaim(901);
  verification::ListClaimsRequest claims;
  claims.set_page_size(1);
  verification::ListClaimsResponse claim_page;
  grpc::ClientContext c3;
  ASSERT_THAT(pipeline_->Verification()->ListClaims(&c3, claims, &claim_page), IsOk());
  ASSERT_FALSE(claim_page.next_page_token().empty());
  claims.set_page_token(claim_page.next_page_token());
  claims.set_verdict(verification::VERDICT_FALSE);
  grpc::ClientContext c4;
  EXPECT_THAT(pipeline_->Verification()->ListClaims(&c4, claims, &claim_page),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("page_token")));
}

TEST_F(BadInputTest, ReviewWorkflowGuardsEtagTransitionsAndAnalyst) {
  const verification::Claim claim = SomeClaim(902);
  ASSERT_FALSE(claim.name().empty());

  verification::ReviewClaimRequest request;
  request.set_name(claim.name());
  request.set_etag(claim.etag());
  request.set_verdict(verification::VERDICT_IN_REVIEW);
  verification::Claim updated;
  EXPECT_THAT(Review(request, &updated, /*analyst=*/nullptr),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("x-claimtrack-analyst")));
  verification::ReviewClaimRequest with_nul = request;
  with_nul.set_note(std::string("checked\0", 8));
  EXPECT_THAT(Review(with_nul, &updated),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, AllOf(HasSubstr("note"), HasSubstr("NUL"))));

  // Straight from UNVERIFIED to FALSE skips the review.
  request.set_verdict(verification::VERDICT_FALSE);
  request.set_note("checked");
  EXPECT_THAT(Review(request, &updated), StatusIs(grpc::StatusCode::FAILED_PRECONDITION,
                                                  HasSubstr("VERDICT_IN_REVIEW")));

  request.set_verdict(verification::VERDICT_IN_REVIEW);
  ASSERT_THAT(Review(request, &updated), IsOk());
  EXPECT_EQ(updated.verdict(), verification::VERDICT_IN_REVIEW);
  EXPECT_NE(updated.etag(), claim.etag());

  // The old etag is stale now.
  request.set_verdict(verification::VERDICT_TRUE);
  EXPECT_THAT(Review(request, &updated), StatusIs(grpc::StatusCode::ABORTED, HasSubstr("etag")));

  request.set_etag(updated.etag());
  request.set_attribution_status(verification::ATTRIBUTION_STATUS_CONFIRMED);
  auto* evidence = request.add_evidence();
  evidence->set_url("https://council.example/minutes");
  evidence->set_description("meeting minutes");
  ASSERT_THAT(Review(request, &updated), IsOk());
  EXPECT_EQ(updated.verdict(), verification::VERDICT_TRUE);
  EXPECT_EQ(updated.attribution_status(), verification::ATTRIBUTION_STATUS_CONFIRMED);
  EXPECT_EQ(updated.verdict_note(), "checked");

  verification::ListClaimHistoryRequest history_request;
  history_request.set_parent(claim.name());
  verification::ListClaimHistoryResponse history;
  grpc::ClientContext context;
  ASSERT_THAT(pipeline_->Verification()->ListClaimHistory(&context, history_request, &history),
              IsOk());
  ASSERT_EQ(history.history_entries_size(), 3);
  EXPECT_EQ(history.history_entries(0).actor(), "ana");
  EXPECT_EQ(history.history_entries(0).from_verdict(), verification::VERDICT_UNVERIFIED);
  EXPECT_EQ(history.history_entries(0).to_verdict(), verification::VERDICT_IN_REVIEW);
  bool saw_attribution = false;
  for (const auto& entry : history.history_entries()) {
    if (entry.field() == verification::STATUS_FIELD_ATTRIBUTION) {
      saw_attribution = true;
      EXPECT_EQ(entry.from_attribution_status(), verification::ATTRIBUTION_STATUS_UNCHECKED);
      EXPECT_EQ(entry.to_attribution_status(), verification::ATTRIBUTION_STATUS_CONFIRMED);
      ASSERT_EQ(entry.evidence_size(), 1);
      EXPECT_EQ(entry.evidence(0).url(), "https://council.example/minutes");
    }
  }
  EXPECT_TRUE(saw_attribution);
}

}  // namespace
}  // namespace claimtrack
