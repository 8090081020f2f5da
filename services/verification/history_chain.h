#ifndef CLAIMTRACK_SERVICES_VERIFICATION_HISTORY_CHAIN_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_HISTORY_CHAIN_H_

#include <string>
#include <vector>

#include "claimtrack/verification/v1/verification_service.pb.h"

namespace claimtrack::verification {

// The tamper-evident history: every entry's `hash` covers the entry and the
// previous entry's hash, so editing, removing or reordering a stored entry
// breaks the chain from there on. The serialization is specified in the
// HistoryEntry.hash comment of verification_service.proto; these functions
// are its only implementation. Pure, so the format is pinned by tests.

// The canonical bytes of `entry` (its `hash` field is not part of them).
std::string CanonicalHistoryEntry(const v1::HistoryEntry& entry);

// Lowercase hex SHA-256 of CanonicalHistoryEntry(entry).
std::string HistoryEntryHash(const v1::HistoryEntry& entry);

// Checks a claim's whole history, oldest first: entry i (from 0) must be
// named "{claim}/historyEntries/{i + 1}", link to the previous entry's hash
// (empty for the first), and carry the hash recomputed from its content.
// `expected_count` is how many entries the claim says it has, so that a
// removed last entry is found too.
v1::VerifyClaimHistoryResponse VerifyHistoryChain(const std::string& claim,
                                                  const std::vector<v1::HistoryEntry>& entries,
                                                  int64_t expected_count);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_HISTORY_CHAIN_H_
