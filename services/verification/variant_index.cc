#include "services/verification/variant_index.h"

#include <algorithm>
#include <limits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/verification/word_diff.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::sqlite::CachedStatement;

uint64_t Fnv1a(absl::string_view text, uint64_t hash = 0xcbf29ce484222325ULL) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// splitmix64's finaliser: a cheap, well-mixing bijection.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

const std::array<uint64_t, kSignatureSize>& Seeds() {
  static const auto* seeds = [] {
    auto* s = new std::array<uint64_t, kSignatureSize>();
    uint64_t state = 0x636c61696d747261ULL;  // "claimtra"
    for (uint64_t& seed : *s) {
      state = Mix(state);
      seed = state;
    }
    return s;
  }();
  return *seeds;
}

}  // namespace

std::vector<uint64_t> WordShingles(absl::string_view text) {
  const std::vector<Word> words = SplitWords(text);
  std::vector<uint64_t> shingles;
  shingles.reserve(words.size() * 2);
  for (size_t i = 0; i < words.size(); ++i) {
    const uint64_t word = Fnv1a(words[i].key);
    shingles.push_back(word);
    if (i + 1 < words.size()) {
      // The pair's hash differs from any single word's: a separator byte
      // that never occurs inside a folded word.
      shingles.push_back(Fnv1a(words[i + 1].key, Fnv1a("\x1f", word)));
    }
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t common = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

MinHashSignature ComputeSignature(const std::vector<uint64_t>& shingles) {
  MinHashSignature signature;
  signature.fill(std::numeric_limits<uint64_t>::max());
  const auto& seeds = Seeds();
  for (const uint64_t shingle : shingles) {
    for (int k = 0; k < kSignatureSize; ++k) {
      signature[k] = std::min(signature[k], Mix(shingle ^ seeds[k]));
    }
  }
  return signature;
}

std::array<int64_t, kBands> BandKeys(const MinHashSignature& signature, int64_t group) {
  std::array<int64_t, kBands> keys;
  for (int band = 0; band < kBands; ++band) {
    uint64_t key = Mix(Mix(static_cast<uint64_t>(group)) ^ static_cast<uint64_t>(band));
    for (int row = 0; row < kRowsPerBand; ++row) {
      key = Mix(key ^ signature[band * kRowsPerBand + row]);
    }
    // 32 bits: rows half as wide as a full 64-bit key (SQLite stores small
    // integers in fewer bytes), so the table spans fewer pages. A chance
    // collision only adds a candidate that verification rejects.
    keys[band] = static_cast<int64_t>(key >> 32);
  }
  return keys;
}

absl::Status IndexBands(sqlite::StatementCache& statements, int64_t claim_seq,
                        const std::array<int64_t, kBands>& keys) {
  for (const int64_t key : keys) {
    absl::StatusOr<CachedStatement> insert = statements.Get(
        "INSERT OR IGNORE INTO variant_bands (band_key, claim_seq) VALUES (?, ?)");
    if (!insert.ok()) return insert.status();
    absl::Status status = (*insert)->Bind(1, key).Bind(2, claim_seq).Run();
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<int64_t>> FindCandidates(sqlite::StatementCache& statements,
                                                    const std::array<int64_t, kBands>& keys,
                                                    int max_candidates) {
  // One statement with kBands parameters: kBands primary-key range scans.
  // The number of bands a claim shares grows with its similarity, so the
  // first candidates are the likeliest.
  static const std::string* sql = [] {
    std::vector<std::string> marks(kBands, "?");
    return new std::string(absl::StrCat(
        "SELECT claim_seq FROM variant_bands WHERE band_key IN (", absl::StrJoin(marks, ", "),
        ") GROUP BY claim_seq ORDER BY COUNT(*) DESC, claim_seq LIMIT ?"));
  }();
  absl::StatusOr<CachedStatement> query = statements.Get(*sql);
  if (!query.ok()) return query.status();
  for (int i = 0; i < kBands; ++i) (*query)->Bind(i + 1, keys[i]);
  (*query)->Bind(kBands + 1, max_candidates);
  std::vector<int64_t> candidates;
  while (true) {
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    candidates.push_back((*query)->ColumnInt(0));
  }
  return candidates;
}

}  // namespace claimtrack::verification
