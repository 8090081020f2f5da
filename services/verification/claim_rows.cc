#include "services/verification/claim_rows.h"

#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/api/pagination.h"

namespace claimtrack::verification {

absl::StatusOr<v1::ListClaimHistoryResponse> HistoryPage(std::vector<v1::HistoryEntry> entries,
                                                         int page_size,
                                                         absl::string_view fingerprint) {
  v1::ListClaimHistoryResponse response;
  int64_t last_entry = 0;
  for (v1::HistoryEntry& entry : entries) {
    if (response.history_entries_size() == page_size) {
      response.set_next_page_token(EncodePageToken(last_entry, fingerprint));
      break;
    }
    // "claims/{claim}/history/{number}": the token resumes after the number.
    const absl::string_view name = entry.name();
    if (!absl::SimpleAtoi(name.substr(name.rfind('/') + 1), &last_entry)) {
      return absl::InternalError(absl::StrCat("history entry name ", name, " has no number"));
    }
    *response.add_history_entries() = std::move(entry);
  }
  return response;
}

}  // namespace claimtrack::verification
