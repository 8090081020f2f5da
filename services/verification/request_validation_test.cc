#include "services/verification/request_validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/testing/status_matchers.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;

v1::RecordStatementsRequest ValidRecordRequest() {
  v1::RecordStatementsRequest request;
  request.mutable_document()->set_name("documents/doc-1");
  request.mutable_document()->set_text("Jane said \"we will win\" today.");
  type::v1::Statement* statement = request.add_statements();
  statement->set_statement_id("s1");
  statement->set_content("we will win");
  type::v1::ByteSpan* span = statement->add_content_spans();
  span->set_begin(11);
  span->set_end(22);
  return request;
}

TEST(ValidateRecordStatementsTest, AcceptsAValidRequest) {
  absl::StatusOr<DocumentStatements> result = ValidateRecordStatementsRequest(ValidRecordRequest());
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(result->document, "documents/doc-1");
  EXPECT_EQ(result->statements.size(), 1u);
}

TEST(ValidateRecordStatementsTest, RejectsBadDocumentName) {
  v1::RecordStatementsRequest request = ValidRecordRequest();
  request.mutable_document()->set_name("");
  EXPECT_THAT(ValidateRecordStatementsRequest(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("document.name")));
  request.mutable_document()->set_name("articles/x");
  EXPECT_THAT(ValidateRecordStatementsRequest(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("document.name")));
}

TEST(ValidateRecordStatementsTest, RejectsMissingIdOrContent) {
  v1::RecordStatementsRequest request = ValidRecordRequest();
  request.mutable_statements(0)->clear_statement_id();
  EXPECT_THAT(
      ValidateRecordStatementsRequest(request),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("statements[0].statement_id")));
  request = ValidRecordRequest();
  request.mutable_statements(0)->set_content("  ");
  EXPECT_THAT(ValidateRecordStatementsRequest(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("statements[0].content")));
}

TEST(ValidateRecordStatementsTest, RejectsBadSpans) {
  v1::RecordStatementsRequest request = ValidRecordRequest();
  request.mutable_statements(0)->mutable_content_spans(0)->set_begin(30);
  EXPECT_THAT(
      ValidateRecordStatementsRequest(request),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("statements[0].content_spans[0]")));
  request = ValidRecordRequest();
  request.mutable_statements(0)->mutable_cue()->mutable_span()->set_end(500);
  EXPECT_THAT(ValidateRecordStatementsRequest(request),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("statements[0].cue.span is [0, 500): it lies outside")));
  // Without the text, bounds cannot be checked, but order can.
  request.mutable_document()->clear_text();
  EXPECT_THAT(ValidateRecordStatementsRequest(request), IsOk());
}

v1::ReviewClaimRequest ValidReview() {
  v1::ReviewClaimRequest request;
  request.set_name("claims/0123456789abcdef");
  request.set_etag("e");
  request.set_verdict(v1::VERDICT_IN_REVIEW);
  request.add_evidence()->set_url("https://example.org/source");
  return request;
}

TEST(ValidateReviewClaimTest, AcceptsAValidRequest) {
  absl::StatusOr<ClaimReview> review = ValidateReviewClaimRequest(ValidReview(), " ana ");
  ASSERT_THAT(review, IsOk());
  EXPECT_EQ(review->actor, "ana");
  EXPECT_EQ(review->verdict, v1::VERDICT_IN_REVIEW);
  EXPECT_EQ(review->evidence.size(), 1u);
}

TEST(ValidateReviewClaimTest, RequiresAnalyst) {
  EXPECT_THAT(ValidateReviewClaimRequest(ValidReview(), ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("x-claimtrack-analyst")));
}

TEST(ValidateReviewClaimTest, RequiresAStatus) {
  v1::ReviewClaimRequest request = ValidReview();
  request.clear_verdict();
  EXPECT_THAT(ValidateReviewClaimRequest(request, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("attribution_status")));
}

TEST(ValidateReviewClaimTest, RejectsUnknownEnumValues) {
  v1::ReviewClaimRequest request = ValidReview();
  request.set_verdict(static_cast<v1::Verdict>(42));
  EXPECT_THAT(ValidateReviewClaimRequest(request, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("verdict: 42")));
}

TEST(ValidateReviewClaimTest, EvidenceNeedsHttpUrl) {
  v1::ReviewClaimRequest request = ValidReview();
  request.add_evidence()->set_description("no url");
  EXPECT_THAT(ValidateReviewClaimRequest(request, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("evidence[1].url")));
  request.mutable_evidence(1)->set_url("ftp://example.org/x");
  EXPECT_THAT(ValidateReviewClaimRequest(request, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("evidence[1].url")));
  request.mutable_evidence(1)->set_url("HTTP://example.org/x");
  EXPECT_THAT(ValidateReviewClaimRequest(request, "ana"), IsOk());
}

TEST(ValidateReviewClaimTest, RejectsBadNameAndMissingEtag) {
  v1::ReviewClaimRequest request = ValidReview();
  request.set_name("claim/x");
  EXPECT_THAT(ValidateReviewClaimRequest(request, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("name")));
  request = ValidReview();
  request.clear_etag();
  EXPECT_THAT(ValidateReviewClaimRequest(request, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("etag")));
}

TEST(ValidateListClaimsTest, ChecksDocumentAndEnums) {
  v1::ListClaimsRequest request;
  EXPECT_THAT(ValidateListClaimsRequest(request), IsOk());
  request.set_document("documents/");
  EXPECT_THAT(ValidateListClaimsRequest(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("document")));
  request.set_document("documents/d1");
  request.set_kind(static_cast<type::v1::StatementKind>(9));
  EXPECT_THAT(ValidateListClaimsRequest(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("kind")));
}

}  // namespace
}  // namespace claimtrack::verification
