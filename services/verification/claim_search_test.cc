#include "services/verification/claim_search.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "common/testing/status_matchers.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::IsOkAndHolds;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;

TEST(FtsMatchExpressionTest, QuotesEveryWordAndAndsThem) {
  EXPECT_THAT(FtsMatchExpression("war criminals"), IsOkAndHolds("\"war\" AND \"criminals\""));
  EXPECT_THAT(FtsMatchExpression("  crim* "), IsOkAndHolds("\"crim\"*"));
  EXPECT_THAT(FtsMatchExpression("\"hiding place\" war"),
              IsOkAndHolds("\"hiding place\" AND \"war\""));
  // Operators and quotes inside words lose their meaning.
  EXPECT_THAT(FtsMatchExpression("OR NEAR( a\"b"),
              IsOkAndHolds("\"OR\" AND \"NEAR(\" AND \"a\" AND \"b\""));
  EXPECT_THAT(FtsMatchExpression("don't"), IsOkAndHolds("\"don't\""));
}

TEST(FtsMatchExpressionTest, NothingSearchableIsInvalid) {
  EXPECT_THAT(FtsMatchExpression("* - \"\""), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(ValidateSearchClaimsRequestTest, ChecksEveryField) {
  v1::SearchClaimsRequest request;
  EXPECT_THAT(ValidateSearchClaimsRequest(request), IsOk());
  request.set_query(std::string(kMaxQueryBytes + 1, 'a'));
  EXPECT_THAT(ValidateSearchClaimsRequest(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("the limit is 1024")));
  request.Clear();
  request.set_speaker("speakers/Not_An_Id");
  EXPECT_THAT(ValidateSearchClaimsRequest(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("speaker")));
  request.Clear();
  request.set_verdict(static_cast<v1::Verdict>(99));
  EXPECT_THAT(ValidateSearchClaimsRequest(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("verdict")));
  request.Clear();
  request.mutable_start_time()->set_seconds(100);
  request.mutable_end_time()->set_seconds(100);
  EXPECT_THAT(ValidateSearchClaimsRequest(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("end_time")));
  request.Clear();
  request.set_publisher("  Network  TODAY ");
  EXPECT_THAT(ValidateSearchClaimsRequest(request), IsOk());
  EXPECT_EQ(ValidateSearchClaimsRequest(request)->publisher, "network today");
}

}  // namespace
}  // namespace claimtrack::verification
