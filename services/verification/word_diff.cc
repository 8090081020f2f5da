#include "services/verification/word_diff.h"

#include <algorithm>
#include <cstdint>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "services/verification/claim_identity.h"

namespace claimtrack::verification {
namespace {

// Past this many cells the LCS table is not built (see DiffWords).
constexpr size_t kMaxTableCells = 4'000'000;

enum class Op { kEqual, kDelete, kInsert };

// A run of words: [begin, end) of the canonical words for EQUAL and
// DELETE, of the variant words for INSERT.
struct Run {
  Op op;
  size_t begin;
  size_t end;
};

void Append(std::vector<Run>& runs, Op op, size_t index) {
  if (!runs.empty() && runs.back().op == op && runs.back().end == index) {
    ++runs.back().end;
    return;
  }
  runs.push_back({op, index, index + 1});
}

// Runs in text order; in a changed stretch the DELETE run precedes the
// INSERT run.
std::vector<Run> DiffRuns(const std::vector<Word>& a, const std::vector<Word>& b) {
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix].key == b[prefix].key) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix].key == b[b.size() - 1 - suffix].key) {
    ++suffix;
  }
  const size_t n = a.size() - prefix - suffix;
  const size_t m = b.size() - prefix - suffix;
  std::vector<Run> runs;
  for (size_t i = 0; i < prefix; ++i) Append(runs, Op::kEqual, i);
  if (n * m > kMaxTableCells || n == 0 || m == 0) {
    for (size_t i = 0; i < n; ++i) Append(runs, Op::kDelete, prefix + i);
    for (size_t j = 0; j < m; ++j) Append(runs, Op::kInsert, prefix + j);
  } else {
    // lcs[i][j]: LCS length of a[prefix+i..] and b[prefix+j..].
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        at(i, j) = a[prefix + i].key == b[prefix + j].key
                       ? at(i + 1, j + 1) + 1
                       : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    // Walk the table; collect a changed stretch's deletions and insertions
    // separately so the DELETE run comes first.
    std::vector<size_t> deleted;
    std::vector<size_t> inserted;
    const auto flush = [&] {
      for (size_t i : deleted) Append(runs, Op::kDelete, i);
      for (size_t j : inserted) Append(runs, Op::kInsert, j);
      deleted.clear();
      inserted.clear();
    };
    size_t i = 0;
    size_t j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i].key == b[prefix + j].key) {
        flush();
        Append(runs, Op::kEqual, prefix + i);
        ++i;
        ++j;
      } else if (j == m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
        deleted.push_back(prefix + i++);
      } else {
        inserted.push_back(prefix + j++);
      }
    }
    flush();
  }
  for (size_t i = a.size() - suffix; i < a.size(); ++i) Append(runs, Op::kEqual, i);
  return runs;
}

std::string JoinText(const std::vector<Word>& words, size_t begin, size_t end) {
  std::vector<absl::string_view> texts;
  for (size_t i = begin; i < end; ++i) texts.push_back(words[i].text);
  return absl::StrJoin(texts, " ");
}

bool IsNumberWord(const Word& word) {
  static const auto* kNumberWords = new absl::flat_hash_set<std::string>{
      "zero",     "one",      "two",       "three",    "four",    "five",     "six",
      "seven",    "eight",    "nine",      "ten",      "eleven",  "twelve",   "thirteen",
      "fourteen", "fifteen",  "sixteen",   "seventeen", "eighteen", "nineteen", "twenty",
      "thirty",   "forty",    "fifty",     "sixty",    "seventy", "eighty",   "ninety",
      "hundred",  "thousand", "million",   "billion",  "trillion", "dozen",   "dozens",
      "half",     "percent",  "first",     "second",   "third",   "once",     "twice",
      "hundreds", "thousands", "millions", "billions"};
  for (char c : word.key) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) return true;
  }
  return kNumberWords->contains(word.key);
}

bool IsNegation(const Word& word) {
  static const auto* kNegations = new absl::flat_hash_set<std::string>{
      "no",      "not",     "never",  "none",    "nobody", "nothing", "neither",
      "nor",     "nowhere", "cannot", "without", "no-one", "noone"};
  return kNegations->contains(word.key) || absl::EndsWith(word.key, "n't");
}

// A capitalised word that does not open a sentence: most likely a name.
// "I" is not a name.
bool IsName(const std::vector<Word>& words, size_t index) {
  const Word& word = words[index];
  // Skip opening quote marks and brackets to the first letter.
  size_t pos = 0;
  while (pos < word.text.size() && !absl::ascii_isalnum(static_cast<unsigned char>(
                                       word.text[pos])) &&
         static_cast<unsigned char>(word.text[pos]) < 0x80) {
    ++pos;
  }
  if (pos == word.text.size() || !absl::ascii_isupper(static_cast<unsigned char>(word.text[pos]))) {
    return false;
  }
  if (word.key == "i" || absl::StartsWith(word.key, "i'")) return false;
  if (index == 0) return false;
  const std::string& previous = words[index - 1].text;
  const char last = previous.back();
  return !(last == '.' || last == '!' || last == '?' || last == ':');
}

}  // namespace

std::vector<Word> SplitWords(absl::string_view text) {
  std::vector<Word> words;
  for (absl::string_view token : absl::StrSplit(text, absl::ByAnyChar(" \t\r\n"), absl::SkipEmpty())) {
    std::string key = NormalizeClaimText(token);
    if (key.empty()) continue;
    words.push_back({std::string(token), std::move(key)});
  }
  return words;
}

std::vector<v1::WordDiffSegment> DiffWords(absl::string_view canonical, absl::string_view variant) {
  const std::vector<Word> a = SplitWords(canonical);
  const std::vector<Word> b = SplitWords(variant);
  std::vector<v1::WordDiffSegment> segments;
  for (const Run& run : DiffRuns(a, b)) {
    v1::WordDiffSegment& segment = segments.emplace_back();
    switch (run.op) {
      case Op::kEqual:
        segment.set_operation(v1::WORD_DIFF_OPERATION_EQUAL);
        segment.set_text(JoinText(a, run.begin, run.end));
        break;
      case Op::kDelete:
        segment.set_operation(v1::WORD_DIFF_OPERATION_DELETE);
        segment.set_text(JoinText(a, run.begin, run.end));
        break;
      case Op::kInsert:
        segment.set_operation(v1::WORD_DIFF_OPERATION_INSERT);
        segment.set_text(JoinText(b, run.begin, run.end));
        break;
    }
  }
  return segments;
}

std::vector<v1::MeaningChange> FindMeaningChanges(absl::string_view canonical,
                                                  absl::string_view variant) {
  const std::vector<Word> a = SplitWords(canonical);
  const std::vector<Word> b = SplitWords(variant);
  const std::vector<Run> runs = DiffRuns(a, b);
  std::vector<v1::MeaningChange> changes;
  for (size_t r = 0; r < runs.size(); ++r) {
    if (runs[r].op == Op::kEqual) continue;
    // A changed stretch: a DELETE run, an INSERT run, or DELETE then INSERT.
    size_t a_begin = 0, a_end = 0, b_begin = 0, b_end = 0;
    if (runs[r].op == Op::kDelete) {
      a_begin = runs[r].begin;
      a_end = runs[r].end;
      if (r + 1 < runs.size() && runs[r + 1].op == Op::kInsert) {
        ++r;
        b_begin = runs[r].begin;
        b_end = runs[r].end;
      }
    } else {
      b_begin = runs[r].begin;
      b_end = runs[r].end;
    }
    bool number = false;
    bool name = false;
    int a_negations = 0;
    int b_negations = 0;
    for (size_t i = a_begin; i < a_end; ++i) {
      number = number || IsNumberWord(a[i]);
      name = name || IsName(a, i);
      a_negations += IsNegation(a[i]) ? 1 : 0;
    }
    for (size_t j = b_begin; j < b_end; ++j) {
      number = number || IsNumberWord(b[j]);
      name = name || IsName(b, j);
      b_negations += IsNegation(b[j]) ? 1 : 0;
    }
    const auto add = [&](v1::MeaningChangeKind kind) {
      v1::MeaningChange& change = changes.emplace_back();
      change.set_kind(kind);
      change.set_canonical_words(JoinText(a, a_begin, a_end));
      change.set_variant_words(JoinText(b, b_begin, b_end));
    };
    if (number) add(v1::MEANING_CHANGE_KIND_NUMBER);
    if (a_negations != b_negations) add(v1::MEANING_CHANGE_KIND_NEGATION);
    if (name) add(v1::MEANING_CHANGE_KIND_NAME);
  }
  return changes;
}

}  // namespace claimtrack::verification
