#include "services/verification/workflow_request_validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "common/testing/status_matchers.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;

TEST(WorkflowRequestValidationTest, EveryChangeNeedsAClaimNameAndAnAnalyst) {
  v1::PublishClaimRequest publish;
  publish.set_name("documents/x");
  EXPECT_THAT(ValidatePublishClaimRequest(publish, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("name")));
  publish.set_name("claims/abc");
  EXPECT_THAT(ValidatePublishClaimRequest(publish, "  "),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("x-claimtrack-analyst")));
  absl::StatusOr<WorkflowChange> change = ValidatePublishClaimRequest(publish, " ana ");
  ASSERT_THAT(change, IsOk());
  EXPECT_EQ(change->kind, WorkflowChange::Kind::kPublish);
  EXPECT_EQ(change->actor, "ana");
}

TEST(WorkflowRequestValidationTest, AddEvidenceNeedsOneToAHundredValidItems) {
  v1::AddEvidenceRequest request;
  request.set_name("claims/abc");
  EXPECT_THAT(ValidateAddEvidenceRequest(request, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("evidence is required")));
  for (int i = 0; i < 101; ++i) request.add_evidence()->set_url("https://a.example");
  EXPECT_THAT(ValidateAddEvidenceRequest(request, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("the limit is 100")));
  request.mutable_evidence()->DeleteSubrange(1, 100);
  request.add_evidence()->set_url("ftp://b.example");
  EXPECT_THAT(ValidateAddEvidenceRequest(request, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("evidence[1].url")));
  request.mutable_evidence(1)->set_url("https://b.example");
  absl::StatusOr<WorkflowChange> change = ValidateAddEvidenceRequest(request, "ana");
  ASSERT_THAT(change, IsOk());
  EXPECT_EQ(change->evidence.size(), 2u);
}

TEST(WorkflowRequestValidationTest, AssigneeIsTrimmedAndBounded) {
  v1::AssignClaimRequest request;
  request.set_name("claims/abc");
  request.set_assignee("  bo ");
  absl::StatusOr<WorkflowChange> change = ValidateAssignClaimRequest(request, "ana");
  ASSERT_THAT(change, IsOk());
  EXPECT_EQ(change->assignee, "bo");
  request.set_assignee(std::string(kMaxAssigneeBytes + 1, 'b'));
  EXPECT_THAT(ValidateAssignClaimRequest(request, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("assignee is 257 bytes")));
  request.set_assignee("b\no");
  EXPECT_THAT(ValidateAssignClaimRequest(request, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("control character")));
  request.clear_assignee();  // unassign
  EXPECT_THAT(ValidateAssignClaimRequest(request, "ana"), IsOk());
}

TEST(WorkflowRequestValidationTest, ReopenNeedsANote) {
  v1::ReopenClaimRequest request;
  request.set_name("claims/abc");
  request.set_note(" ");
  EXPECT_THAT(ValidateReopenClaimRequest(request, "ana"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("note is required")));
  request.set_note("new facts");
  EXPECT_THAT(ValidateReopenClaimRequest(request, "ana"), IsOk());
}

}  // namespace
}  // namespace claimtrack::verification
