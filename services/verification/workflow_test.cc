#include "services/verification/workflow.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "common/testing/status_matchers.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;

using v1::AttributionStatus;
using v1::Verdict;

constexpr AttributionStatus kAllAttributions[] = {
    v1::ATTRIBUTION_STATUS_UNSPECIFIED, v1::ATTRIBUTION_STATUS_UNCHECKED,
    v1::ATTRIBUTION_STATUS_CONFIRMED, v1::ATTRIBUTION_STATUS_MISATTRIBUTED,
    v1::ATTRIBUTION_STATUS_ALTERED};
constexpr Verdict kAllVerdicts[] = {
    v1::VERDICT_UNSPECIFIED, v1::VERDICT_UNVERIFIED,   v1::VERDICT_IN_REVIEW,
    v1::VERDICT_TRUE,        v1::VERDICT_MOSTLY_TRUE,  v1::VERDICT_MISLEADING,
    v1::VERDICT_FALSE,       v1::VERDICT_UNVERIFIABLE, v1::VERDICT_NOT_CHECKABLE};

// The rules of the proto comment, written out as a table: from -> (to,
// needs a note).
enum Note { kNoNote, kNeedsNote };

std::set<std::pair<int, int>> AllowedAttributionTable() {
  std::set<std::pair<int, int>> allowed;
  for (AttributionStatus to :
       {v1::ATTRIBUTION_STATUS_CONFIRMED, v1::ATTRIBUTION_STATUS_MISATTRIBUTED,
        v1::ATTRIBUTION_STATUS_ALTERED}) {
    allowed.insert({v1::ATTRIBUTION_STATUS_UNCHECKED, to});
    for (AttributionStatus from :
         {v1::ATTRIBUTION_STATUS_CONFIRMED, v1::ATTRIBUTION_STATUS_MISATTRIBUTED,
          v1::ATTRIBUTION_STATUS_ALTERED}) {
      if (from != to) allowed.insert({from, to});
    }
  }
  return allowed;
}

std::set<std::pair<int, int>> AllowedVerdictTable() {
  const Verdict finals[] = {v1::VERDICT_TRUE,  v1::VERDICT_MOSTLY_TRUE,  v1::VERDICT_MISLEADING,
                            v1::VERDICT_FALSE, v1::VERDICT_UNVERIFIABLE, v1::VERDICT_NOT_CHECKABLE};
  std::set<std::pair<int, int>> allowed = {{v1::VERDICT_UNVERIFIED, v1::VERDICT_IN_REVIEW},
                                           {v1::VERDICT_UNVERIFIED, v1::VERDICT_NOT_CHECKABLE}};
  for (Verdict final_verdict : finals) {
    allowed.insert({v1::VERDICT_IN_REVIEW, final_verdict});
    allowed.insert({final_verdict, v1::VERDICT_IN_REVIEW});
  }
  return allowed;
}

TEST(WorkflowTest, AttributionTransitionsMatchTheTableExhaustively) {
  const auto allowed = AllowedAttributionTable();
  for (AttributionStatus from : kAllAttributions) {
    for (AttributionStatus to : kAllAttributions) {
      SCOPED_TRACE(v1::AttributionStatus_Name(from) + " -> " + v1::AttributionStatus_Name(to));
      const bool is_allowed = allowed.count({from, to}) > 0;
      const bool needs_note = from != v1::ATTRIBUTION_STATUS_UNCHECKED;
      if (!is_allowed) {
        EXPECT_THAT(CheckAttributionTransition(from, to, "a note"),
                    StatusIs(absl::StatusCode::kFailedPrecondition));
        continue;
      }
      EXPECT_THAT(CheckAttributionTransition(from, to, "a note"), IsOk());
      if (needs_note) {
        EXPECT_THAT(CheckAttributionTransition(from, to, " \n"),
                    StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("note")));
      } else {
        EXPECT_THAT(CheckAttributionTransition(from, to, ""), IsOk());
      }
    }
  }
}

TEST(WorkflowTest, VerdictTransitionsMatchTheTableExhaustively) {
  const auto allowed = AllowedVerdictTable();
  for (Verdict from : kAllVerdicts) {
    for (Verdict to : kAllVerdicts) {
      SCOPED_TRACE(v1::Verdict_Name(from) + " -> " + v1::Verdict_Name(to));
      const bool is_allowed = allowed.count({from, to}) > 0;
      const bool needs_note = from == v1::VERDICT_IN_REVIEW;
      if (!is_allowed) {
        EXPECT_THAT(CheckVerdictTransition(from, to, "a note"),
                    StatusIs(absl::StatusCode::kFailedPrecondition));
        continue;
      }
      EXPECT_THAT(CheckVerdictTransition(from, to, "a note"), IsOk());
      if (needs_note) {
        EXPECT_THAT(CheckVerdictTransition(from, to, ""),
                    StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("note")));
      } else {
        EXPECT_THAT(CheckVerdictTransition(from, to, ""), IsOk());
      }
    }
  }
}

TEST(WorkflowTest, MessageNamesFromToAndAllowed) {
  EXPECT_THAT(CheckVerdictTransition(v1::VERDICT_UNVERIFIED, v1::VERDICT_TRUE, "n"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "verdict cannot go from VERDICT_UNVERIFIED to VERDICT_TRUE; "
                       "allowed: VERDICT_IN_REVIEW, VERDICT_NOT_CHECKABLE"));
  EXPECT_THAT(CheckAttributionTransition(v1::ATTRIBUTION_STATUS_CONFIRMED,
                                         v1::ATTRIBUTION_STATUS_UNCHECKED, "n"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "attribution_status cannot go from ATTRIBUTION_STATUS_CONFIRMED to "
                       "ATTRIBUTION_STATUS_UNCHECKED; allowed: "
                       "ATTRIBUTION_STATUS_MISATTRIBUTED, ATTRIBUTION_STATUS_ALTERED"));
}

TEST(WorkflowTest, SameValueIsFailedPrecondition) {
  EXPECT_THAT(
      CheckVerdictTransition(v1::VERDICT_IN_REVIEW, v1::VERDICT_IN_REVIEW, "n"),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("already VERDICT_IN_REVIEW")));
}

TEST(WorkflowTest, FinalVerdicts) {
  EXPECT_TRUE(IsFinalVerdict(v1::VERDICT_FALSE));
  EXPECT_TRUE(IsFinalVerdict(v1::VERDICT_NOT_CHECKABLE));
  EXPECT_FALSE(IsFinalVerdict(v1::VERDICT_IN_REVIEW));
  EXPECT_FALSE(IsFinalVerdict(v1::VERDICT_UNVERIFIED));
  EXPECT_FALSE(IsFinalVerdict(v1::VERDICT_UNSPECIFIED));
}

}  // namespace
}  // namespace claimtrack::verification
