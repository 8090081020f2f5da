#ifndef CLAIMTRACK_SERVICES_VERIFICATION_VARIANT_INDEX_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_VARIANT_INDEX_H_

#include <array>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/sqlite/statement_cache.h"

namespace claimtrack::verification {

// Near-duplicate lookup for claims: MinHash signatures over word shingles,
// cut into LSH bands whose keys live in an indexed SQLite table
// (variant_bands). A lookup reads kBands index entries, so its cost follows
// the number of near-duplicates, not the number of claims.
//
// Shingles are the text's words and adjacent word pairs (compared as
// NormalizeClaimText folds them): quotes are short, and one changed word in
// an eight-word quote still leaves a Jaccard similarity of ~0.6. With 20
// bands of 3 rows, a pair at similarity 0.5 becomes a candidate with
// probability 0.93, at 0.67 with 0.999, at 0.1 with 0.02.
inline constexpr int kBands = 20;
inline constexpr int kRowsPerBand = 3;
inline constexpr int kSignatureSize = kBands * kRowsPerBand;

// Texts with fewer words are not indexed: their shingles are too few for
// a similarity to mean anything.
inline constexpr size_t kMinIndexedWords = 4;

// Candidates at or above this similarity are variants.
inline constexpr double kVariantThreshold = 0.5;

// Sorted, distinct 64-bit hashes of the text's shingles. Stable across
// processes and builds (FNV-1a and fixed seeds), since band keys are stored.
std::vector<uint64_t> WordShingles(absl::string_view text);

// Jaccard similarity of two shingle sets (sorted, distinct); 0 when both
// are empty.
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

using MinHashSignature = std::array<uint64_t, kSignatureSize>;
MinHashSignature ComputeSignature(const std::vector<uint64_t>& shingles);

// The band keys of a signature within one group (the speaker): only claims
// of the same group can collide.
std::array<int64_t, kBands> BandKeys(const MinHashSignature& signature, int64_t group);

// Adds a claim's band keys to variant_bands (see kVariantIndexSchema).
absl::Status IndexBands(sqlite::StatementCache& statements, int64_t claim_seq,
                        const std::array<int64_t, kBands>& keys);

// The claims sharing at least one band key, at most `max_candidates`, those
// sharing the most bands (the likeliest near-duplicates) first, then the
// oldest. Bounding the candidates bounds a lookup's cost however many
// similar claims a speaker has.
absl::StatusOr<std::vector<int64_t>> FindCandidates(sqlite::StatementCache& statements,
                                                    const std::array<int64_t, kBands>& keys,
                                                    int max_candidates);

// The table, created if missing. Its own constant so the claim schema stays
// as it is.
inline constexpr absl::string_view kVariantIndexSchema = R"sql(
CREATE TABLE IF NOT EXISTS variant_bands (
  band_key INTEGER NOT NULL,
  claim_seq INTEGER NOT NULL,
  PRIMARY KEY (band_key, claim_seq)
) WITHOUT ROWID;
)sql";

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_VARIANT_INDEX_H_
