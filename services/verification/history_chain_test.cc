#include "services/verification/history_chain.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/api/timestamps.h"
#include "common/text/sha256.h"

namespace claimtrack::verification {
namespace {

using ::testing::HasSubstr;

v1::HistoryEntry VerdictEntry(int number, const std::string& note) {
  v1::HistoryEntry entry;
  entry.set_name(absl::StrCat("claims/abc/historyEntries/", number));
  entry.set_actor("ana");
  *entry.mutable_create_time() = ProtoTimestampFromMicros(1700000000123456);
  entry.set_action(v1::HISTORY_ACTION_STATUS_CHANGE);
  entry.set_field(v1::STATUS_FIELD_VERDICT);
  entry.set_from_verdict(v1::VERDICT_UNVERIFIED);
  entry.set_to_verdict(v1::VERDICT_IN_REVIEW);
  entry.set_note(note);
  return entry;
}

// Builds a valid chain the way the store does.
std::vector<v1::HistoryEntry> Chain(int length) {
  std::vector<v1::HistoryEntry> entries;
  std::string previous;
  for (int i = 1; i <= length; ++i) {
    v1::HistoryEntry entry = VerdictEntry(i, absl::StrCat("note ", i));
    entry.set_previous_hash(previous);
    entry.set_hash(HistoryEntryHash(entry));
    previous = entry.hash();
    entries.push_back(entry);
  }
  return entries;
}

// Pins the format documented on HistoryEntry.hash: a change here breaks
// every stored chain, so it must be deliberate.
TEST(HistoryChainTest, CanonicalSerializationIsTheDocumentedOne) {
  v1::HistoryEntry entry = VerdictEntry(2, "checking");
  entry.set_previous_hash("ab12");
  v1::Evidence* evidence = entry.add_evidence();
  evidence->set_url("https://example.org/a");
  evidence->set_stance(v1::EVIDENCE_STANCE_REFUTES);
  evidence->set_archive_sha256(std::string(64, 'f'));
  entry.set_hash("ignored: the hash is not part of its own input");
  EXPECT_EQ(CanonicalHistoryEntry(entry),
            "claimtrack.history.v1\n"
            "name:27:claims/abc/historyEntries/2\n"
            "previous_hash:4:ab12\n"
            "actor:3:ana\n"
            "create_time_us:16:1700000000123456\n"
            "action:1:1\n"
            "field:1:2\n"
            "from_value:1:1\n"
            "to_value:1:2\n"
            "from_assignee:0:\n"
            "to_assignee:0:\n"
            "note:8:checking\n"
            "evidence_count:1:1\n"
            "evidence.url:21:https://example.org/a\n"
            "evidence.description:0:\n"
            "evidence.stance:1:2\n"
            "evidence.archive_sha256:64:" +
                std::string(64, 'f') + "\n");
  EXPECT_EQ(HistoryEntryHash(entry), Sha256Hex(CanonicalHistoryEntry(entry)));
}

TEST(HistoryChainTest, LengthPrefixesKeepValuesApart) {
  // The same bytes split differently between two fields hash differently.
  v1::HistoryEntry a = VerdictEntry(1, "x\nactor:1:b");
  v1::HistoryEntry b = VerdictEntry(1, "x");
  b.set_actor("ana\nnote:1:x");
  EXPECT_NE(HistoryEntryHash(a), HistoryEntryHash(b));
}

TEST(HistoryChainTest, AnIntactChainVerifies) {
  const std::vector<v1::HistoryEntry> entries = Chain(3);
  const v1::VerifyClaimHistoryResponse result = VerifyHistoryChain("claims/abc", entries, 3);
  EXPECT_TRUE(result.valid()) << result.problem();
  EXPECT_EQ(result.entry_count(), 3);
  EXPECT_EQ(result.head_hash(), entries[2].hash());
  EXPECT_TRUE(VerifyHistoryChain("claims/abc", {}, 0).valid());
}

TEST(HistoryChainTest, AChangedEntryIsNamed) {
  std::vector<v1::HistoryEntry> entries = Chain(3);
  entries[1].set_note("rewritten");
  const v1::VerifyClaimHistoryResponse result = VerifyHistoryChain("claims/abc", entries, 3);
  EXPECT_FALSE(result.valid());
  EXPECT_EQ(result.first_broken_entry(), "claims/abc/historyEntries/2");
  EXPECT_THAT(result.problem(), HasSubstr("stored hash"));
  EXPECT_TRUE(result.head_hash().empty());
}

TEST(HistoryChainTest, ARehashedEntryBreaksTheNextLink) {
  std::vector<v1::HistoryEntry> entries = Chain(3);
  entries[0].set_note("rewritten");
  entries[0].set_hash(HistoryEntryHash(entries[0]));
  const v1::VerifyClaimHistoryResponse result = VerifyHistoryChain("claims/abc", entries, 3);
  EXPECT_EQ(result.first_broken_entry(), "claims/abc/historyEntries/2");
  EXPECT_THAT(result.problem(), HasSubstr("links to previous hash"));
}

TEST(HistoryChainTest, RemovedEntriesAreNamed) {
  std::vector<v1::HistoryEntry> entries = Chain(3);
  std::vector<v1::HistoryEntry> without_middle = {entries[0], entries[2]};
  v1::VerifyClaimHistoryResponse result = VerifyHistoryChain("claims/abc", without_middle, 3);
  EXPECT_EQ(result.first_broken_entry(), "claims/abc/historyEntries/2");
  EXPECT_THAT(result.problem(), HasSubstr("missing"));

  entries.pop_back();
  result = VerifyHistoryChain("claims/abc", entries, 3);
  EXPECT_EQ(result.first_broken_entry(), "claims/abc/historyEntries/3");
  EXPECT_THAT(result.problem(), HasSubstr("has 3 history entries but only 2"));
}

}  // namespace
}  // namespace claimtrack::verification
