#include "common/api/pagination.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/testing/status_matchers.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;

TEST(PageSizeTest, AppliesDefaultAndCapAndRejectsNegative) {
  EXPECT_EQ(*EffectivePageSize(0), kDefaultPageSize);
  EXPECT_EQ(*EffectivePageSize(7), 7);
  EXPECT_EQ(*EffectivePageSize(kMaxPageSize + 1), kMaxPageSize);
  EXPECT_THAT(EffectivePageSize(-1), StatusIs(absl::StatusCode::kInvalidArgument,
                                              HasSubstr("page_size")));
}

TEST(PageTokenTest, RoundTripsUnderTheSameFilters) {
  const std::string token = EncodePageToken(42, "state=DONE");
  EXPECT_EQ(*DecodePageToken(token, "state=DONE", 0), 42);
  EXPECT_EQ(*DecodePageToken("", "state=DONE", 7), 7);
}

TEST(PageTokenTest, RejectsTokensFromOtherFiltersAndGarbage) {
  const std::string token = EncodePageToken(42, "state=DONE");
  EXPECT_THAT(DecodePageToken(token, "state=FAILED", 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")));
  EXPECT_THAT(DecodePageToken("not a token", "", 0),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(DecodePageToken("cDE6eDox", "", 0),  // base64 of "p1:x:1"
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace claimtrack
