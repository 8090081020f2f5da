#include "services/verification/change_cursor.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace claimtrack::verification {

// A cursor is the decimal sequence number behind a short tag, so that it
// reads as opaque and a stray number is not taken for one.
std::string ChangeCursor(int64_t seq) { return absl::StrCat("c", seq); }

absl::StatusOr<int64_t> ParseChangeCursor(absl::string_view cursor, absl::string_view field) {
  if (cursor.empty()) return 0;
  int64_t seq = 0;
  if (cursor.size() < 2 || cursor[0] != 'c' || !absl::SimpleAtoi(cursor.substr(1), &seq) ||
      seq < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " \"", cursor,
                     "\" is not a change cursor: pass the `cursor` of a ClaimChange received "
                     "from WatchClaimChanges, or nothing to start from the first change"));
  }
  return seq;
}

}  // namespace claimtrack::verification
