#include "services/verification/history_chain.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/api/timestamps.h"
#include "common/text/sha256.h"

namespace claimtrack::verification {
namespace {

constexpr absl::string_view kFormat = "claimtrack.history.v1\n";

// KEY ":" LENGTH ":" VALUE "\n": the length prefix makes every value
// unambiguous whatever bytes it holds.
void AppendField(std::string& out, absl::string_view key, absl::string_view value) {
  absl::StrAppend(&out, key, ":", value.size(), ":", value, "\n");
}

void AppendNumber(std::string& out, absl::string_view key, int64_t value) {
  AppendField(out, key, absl::StrCat(value));
}

}  // namespace

std::string CanonicalHistoryEntry(const v1::HistoryEntry& entry) {
  std::string out(kFormat);
  AppendField(out, "name", entry.name());
  AppendField(out, "previous_hash", entry.previous_hash());
  AppendField(out, "actor", entry.actor());
  AppendNumber(out, "create_time_us", ToUnixMicrosOrZero(entry.create_time()));
  AppendNumber(out, "action", entry.action());
  AppendNumber(out, "field", entry.field());
  int64_t from = 0;
  int64_t to = 0;
  if (entry.field() == v1::STATUS_FIELD_ATTRIBUTION) {
    from = entry.from_attribution_status();
    to = entry.to_attribution_status();
  } else if (entry.field() == v1::STATUS_FIELD_VERDICT) {
    from = entry.from_verdict();
    to = entry.to_verdict();
  }
  AppendNumber(out, "from_value", from);
  AppendNumber(out, "to_value", to);
  AppendField(out, "from_assignee", entry.from_assignee());
  AppendField(out, "to_assignee", entry.to_assignee());
  AppendField(out, "note", entry.note());
  AppendNumber(out, "evidence_count", entry.evidence_size());
  for (const v1::Evidence& evidence : entry.evidence()) {
    AppendField(out, "evidence.url", evidence.url());
    AppendField(out, "evidence.description", evidence.description());
    AppendNumber(out, "evidence.stance", evidence.stance());
    AppendField(out, "evidence.archive_sha256", evidence.archive_sha256());
  }
  return out;
}

std::string HistoryEntryHash(const v1::HistoryEntry& entry) {
  return Sha256Hex(CanonicalHistoryEntry(entry));
}

v1::VerifyClaimHistoryResponse VerifyHistoryChain(const std::string& claim,
                                                  const std::vector<v1::HistoryEntry>& entries,
                                                  int64_t expected_count) {
  v1::VerifyClaimHistoryResponse result;
  result.set_entry_count(static_cast<int32_t>(entries.size()));
  const auto broken = [&](const std::string& name, std::string problem) {
    result.set_valid(false);
    result.set_first_broken_entry(name);
    result.set_problem(std::move(problem));
    result.clear_head_hash();
    return result;
  };
  std::string previous_hash;
  for (size_t i = 0; i < entries.size(); ++i) {
    const v1::HistoryEntry& entry = entries[i];
    const std::string expected_name = absl::StrCat(claim, "/historyEntries/", i + 1);
    if (entry.name() != expected_name) {
      // A gap: the entry at this position was removed.
      return broken(
          expected_name,
          absl::StrCat(expected_name, " is missing (the next stored entry is ", entry.name(), ")"));
    }
    if (entry.previous_hash() != previous_hash) {
      return broken(entry.name(),
                    absl::StrCat(entry.name(), " links to previous hash \"", entry.previous_hash(),
                                 "\" but the previous entry's hash is \"", previous_hash, "\""));
    }
    const std::string recomputed = HistoryEntryHash(entry);
    if (entry.hash() != recomputed) {
      return broken(entry.name(), absl::StrCat(entry.name(), " has stored hash \"", entry.hash(),
                                               "\" but its content hashes to \"", recomputed,
                                               "\": the entry was changed after it was written"));
    }
    previous_hash = entry.hash();
  }
  if (static_cast<int64_t>(entries.size()) < expected_count) {
    const std::string missing = absl::StrCat(claim, "/historyEntries/", entries.size() + 1);
    return broken(missing,
                  absl::StrCat("the claim has ", expected_count, " history entries but only ",
                               entries.size(), " are stored: ", missing, " is missing"));
  }
  result.set_valid(true);
  result.set_head_hash(previous_hash);
  return result;
}

}  // namespace claimtrack::verification
