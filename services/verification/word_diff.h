#ifndef CLAIMTRACK_SERVICES_VERIFICATION_WORD_DIFF_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_WORD_DIFF_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"

namespace claimtrack::verification {

// A word as written and the form it is compared by (NormalizeClaimText:
// case, curly quotes and surrounding punctuation folded away), so "War,"
// and "war" are the same word.
struct Word {
  std::string text;
  std::string key;
};

// The words of `text`, split at whitespace; tokens that are punctuation
// only ("—") are dropped.
std::vector<Word> SplitWords(absl::string_view text);

// The word-level diff from `canonical` to `variant`: a longest common
// subsequence of the compared forms, as runs of EQUAL, DELETE (only in the
// canonical text) and INSERT (only in the variant) words; within a changed
// stretch the DELETE run comes first. Quotes are short, but the quadratic
// table is bounded: past ~4M cells the common prefix and suffix are kept
// and the middle becomes one DELETE and one INSERT.
std::vector<v1::WordDiffSegment> DiffWords(absl::string_view canonical, absl::string_view variant);

// The meaning-bearing changes of a diff, one per kind per changed stretch
// (a DELETE run, an INSERT run, or the two together):
// - NUMBER: a changed word with a digit or a number word ("four", "million");
// - NEGATION: the two sides have a different number of negations ("no",
//   "not", "never", "n't", ...), so "not" -> "never" is no change;
// - NAME: a changed capitalised word that does not open a sentence.
std::vector<v1::MeaningChange> FindMeaningChanges(absl::string_view canonical,
                                                  absl::string_view variant);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_WORD_DIFF_H_
