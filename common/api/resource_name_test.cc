#include "common/api/resource_name.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/testing/status_matchers.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

TEST(ResourceNameTest, ParsesTheId) {
  EXPECT_EQ(*ParseResourceName("claims/3f2a-9", "claims", "name"), "3f2a-9");
}

TEST(ResourceNameTest, RejectsOtherCollectionsAndBadIdsNamingTheField) {
  for (const char* bad : {"", "claims/", "documents/abc", "claims/ABC", "claims/a/b",
                          "claims/a b"}) {
    EXPECT_THAT(ParseResourceName(bad, "claims", "parent"),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         AllOf(HasSubstr("parent"), HasSubstr("claims/{id}"))))
        << bad;
  }
}

}  // namespace
}  // namespace claimtrack
