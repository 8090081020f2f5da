#ifndef CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_ROWS_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_ROWS_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"

namespace claimtrack::verification {

// How both stores read claims back: the same columns of the same `claims`
// table, the same number of appearances in a list, the same history pages.

// The columns a claim is built from, in order, from `claims c`.
inline constexpr char kClaimColumns[] =
    "c.seq, c.id, c.kind, c.text, c.speaker, c.attribution_status, c.verdict, "
    "c.verdict_note, c.version, c.appearance_count, c.history_count, "
    "c.create_time_us, c.update_time_us, c.assignee, c.published, c.publish_time_us";
enum ClaimColumn {
  kSeq = 0,
  kId,
  kKind,
  kText,
  kSpeaker,
  kAttribution,
  kVerdict,
  kVerdictNote,
  kVersion,
  kAppearanceCount,
  kHistoryCount,
  kCreateTime,
  kUpdateTime,
  kAssignee,
  kPublished,
  kPublishTime,
};

// A listed claim carries its first appearances only (appearance_count has
// the total; GetClaim returns them all). A negative limit means all (SQLite
// and PostgreSQL both read LIMIT -1 / NULL so).
inline constexpr int64_t kListedAppearances = 20;
inline constexpr int64_t kAllAppearances = -1;

// One page of a claim's history from up to `page_size` + 1 entries loaded
// oldest first after the page token's position: the extra entry only says
// that there is a next page, whose token (bound to `fingerprint`) resumes
// after the last entry returned.
absl::StatusOr<v1::ListClaimHistoryResponse> HistoryPage(std::vector<v1::HistoryEntry> entries,
                                                         int page_size,
                                                         absl::string_view fingerprint);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_ROWS_H_
