// How the workflow fields read in the CLI: stance and digest on evidence,
// assignee and lock on a claim, non-status history entries.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "cli/views.h"
#include "cli/workflow_names.h"

namespace claimtrack::cli {
namespace {

namespace v1 = ::claimtrack::verification::v1;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(WorkflowNamesTest, StancesRoundTrip) {
  for (const std::string& name : EvidenceStanceNames()) {
    auto stance = ParseEvidenceStance(name);
    ASSERT_TRUE(stance.has_value()) << name;
    EXPECT_EQ(EvidenceStanceName(*stance), name);
  }
  EXPECT_EQ(ParseEvidenceStance("REFUTES"), v1::EVIDENCE_STANCE_REFUTES);
  EXPECT_FALSE(ParseEvidenceStance("maybe").has_value());
  EXPECT_EQ(EvidenceStanceName(v1::EVIDENCE_STANCE_UNSPECIFIED), "-");
  EXPECT_EQ(HistoryActionName(v1::HISTORY_ACTION_PUBLISH), "publish");
  EXPECT_EQ(ClaimChangeTypeName(v1::CLAIM_CHANGE_TYPE_APPEARANCE_ADDED), "appearance-added");
  EXPECT_EQ(ClaimChangeTypeName(static_cast<v1::ClaimChangeType>(99)), "99");
}

TEST(WorkflowViewsTest, AClaimShowsItsAssigneeLockAndEvidenceDetails) {
  v1::Claim claim;
  claim.set_name("claims/abc");
  claim.set_assignee("bo");
  claim.set_published(true);
  claim.mutable_publish_time()->set_seconds(1700000000);
  v1::Evidence* evidence = claim.add_evidence();
  evidence->set_url("https://a.example");
  evidence->set_stance(v1::EVIDENCE_STANCE_REFUTES);
  evidence->set_archive_sha256(std::string(64, 'e'));
  const std::string text = FormatClaim(claim);
  EXPECT_THAT(text, HasSubstr("assignee:"));
  EXPECT_THAT(text, HasSubstr("yes, locked (2023-11-14T22:13:20Z)"));
  EXPECT_THAT(text, HasSubstr("[refutes] archive sha256 " + std::string(64, 'e')));

  claim.set_published(false);
  claim.clear_assignee();
  EXPECT_THAT(FormatClaim(claim), Not(HasSubstr("published:")));
  EXPECT_THAT(FormatClaim(claim), Not(HasSubstr("assignee:")));
}

TEST(WorkflowViewsTest, HistoryNamesTheActionOfNonStatusEntries) {
  google::protobuf::RepeatedPtrField<v1::HistoryEntry> entries;
  v1::HistoryEntry* assignment = entries.Add();
  assignment->set_name("claims/abc/historyEntries/1");
  assignment->set_action(v1::HISTORY_ACTION_ASSIGNMENT);
  assignment->set_to_assignee("bo");
  v1::HistoryEntry* publish = entries.Add();
  publish->set_name("claims/abc/historyEntries/2");
  publish->set_action(v1::HISTORY_ACTION_PUBLISH);
  const std::string table = FormatHistoryTable(entries, 0);
  EXPECT_THAT(table, HasSubstr("assignment  - -> bo"));
  EXPECT_THAT(table, HasSubstr("publish"));
}

}  // namespace
}  // namespace claimtrack::cli
