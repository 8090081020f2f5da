#ifndef CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_STORE_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_STORE_H_

#include <string>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "claimtrack/type/v1/article.pb.h"
#include "claimtrack/type/v1/statement.pb.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "services/verification/claim_search.h"
#include "services/verification/change_notifier.h"
#include "services/verification/workflow_change.h"

namespace claimtrack::verification {

// One document's statements to record. Requests are validated before they
// reach the store (see request_validation.h).
struct DocumentStatements {
  // "documents/{document}".
  std::string document;
  claimtrack::type::v1::ArticleSource source;
  std::vector<claimtrack::type::v1::Statement> statements;
};

struct RecordResult {
  // The claim each statement was recorded under, in request order.
  std::vector<std::string> claims;
  int created_claim_count = 0;
  int created_appearance_count = 0;
};

// ListClaims filters; empty/UNSPECIFIED means "any". Filters combine with AND.
struct ClaimFilter {
  // Case-insensitive; matches the speaker's name or any alias.
  std::string speaker;
  v1::AttributionStatus attribution_status = v1::ATTRIBUTION_STATUS_UNSPECIFIED;
  v1::Verdict verdict = v1::VERDICT_UNSPECIFIED;
  claimtrack::type::v1::StatementKind kind = claimtrack::type::v1::STATEMENT_KIND_UNSPECIFIED;
  // "documents/{document}".
  std::string document;
  // Exact analyst name.
  std::string assignee;
};

// What ListClaims page tokens are bound to: the filter, with the speaker
// normalised (`speaker`).
inline std::string ClaimFilterFingerprint(const ClaimFilter& filter, absl::string_view speaker) {
  return absl::StrCat("speaker=", speaker, "\x1f", "attribution=", filter.attribution_status,
                      "\x1f", "verdict=", filter.verdict, "\x1f", "kind=", filter.kind, "\x1f",
                      "document=", filter.document, "\x1f", "assignee=", filter.assignee);
}

// One ReviewClaim, validated.
struct ClaimReview {
  // "claims/{claim}".
  std::string claim;
  // The etag the analyst last read.
  std::string etag;
  // UNSPECIFIED leaves the status as it is.
  v1::AttributionStatus attribution_status = v1::ATTRIBUTION_STATUS_UNSPECIFIED;
  v1::Verdict verdict = v1::VERDICT_UNSPECIFIED;
  std::string note;
  std::vector<v1::Evidence> evidence;
  // The analyst.
  std::string actor;
};

// Where claims, their appearances, evidence and history live. Writes are
// asynchronous: `done` runs once the write is durable (on a store thread; it
// must not block). Reads are short and synchronous.
class ClaimStore {
 public:
  using RecordDone = absl::AnyInvocable<void(absl::StatusOr<RecordResult>)>;
  using ClaimDone = absl::AnyInvocable<void(absl::StatusOr<v1::Claim>)>;

  virtual ~ClaimStore() = default;

  // Commits every write already submitted and stops the writer; later
  // writes fail with UNAVAILABLE. Reads keep working. Idempotent.
  virtual void Close() = 0;

  // Finds or creates the claim of every statement and adds an appearance
  // per (document, statement_id). Idempotent: an appearance already recorded
  // changes nothing (not even update_time or etag). New claims start
  // UNCHECKED / UNVERIFIED. All statements commit together or not at all.
  virtual void RecordStatements(DocumentStatements statements, RecordDone done) = 0;

  // The claim with its appearances (in order of recording) and evidence.
  // NOT_FOUND if there is no such claim.
  virtual absl::StatusOr<v1::Claim> GetClaim(absl::string_view name) = 0;

  // Newest first. INVALID_ARGUMENT for a negative page_size or a page_token
  // not issued for the same filters.
  virtual absl::StatusOr<v1::ListClaimsResponse> ListClaims(const ClaimFilter& filter,
                                                            int page_size,
                                                            absl::string_view page_token) = 0;

  // Applies a review atomically: checks the etag (ABORTED when stale) and
  // the workflow (FAILED_PRECONDITION) against the current statuses, updates
  // the claim and appends one history entry per changed status. Returns the
  // updated claim. NOT_FOUND if there is no such claim.
  virtual void Review(ClaimReview review, ClaimDone done) = 0;

  // The claim's history, oldest first. NOT_FOUND if there is no such claim.
  virtual absl::StatusOr<v1::ListClaimHistoryResponse> ListHistory(
      absl::string_view claim, int page_size, absl::string_view page_token) = 0;

  // Tracking a statement across the news (claim_tracking.h).

  // Claims matching the search, newest first, each with its first
  // appearances as in ListClaims. INVALID_ARGUMENT for a bad page.
  virtual absl::StatusOr<v1::SearchClaimsResponse> SearchClaims(const ClaimSearch& search,
                                                                int page_size,
                                                                absl::string_view page_token) = 0;

  // The variants of a claim, oldest first. NOT_FOUND if there is no such
  // claim.
  virtual absl::StatusOr<v1::ListClaimVariantsResponse> ListClaimVariants(
      absl::string_view claim, int page_size, absl::string_view page_token) = 0;

  // NOT_FOUND if there is no such speaker.
  virtual absl::StatusOr<v1::Speaker> GetSpeaker(absl::string_view name) = 0;

  // Newest first; `alias` (if not empty) is one of the speaker's names.
  virtual absl::StatusOr<v1::ListSpeakersResponse> ListSpeakers(
      absl::string_view alias, int page_size, absl::string_view page_token) = 0;

  // Applies an AddEvidence, AssignClaim, PublishClaim or ReopenClaim
  // atomically (see ApplyWorkflowChange in sqlite_workflow_changes.h for
  // the checks). Returns the updated claim.
  virtual void ApplyWorkflowChange(WorkflowChange change, ClaimDone done) = 0;

  // Recomputes the claim's history hash chain. NOT_FOUND if there is no
  // such claim.
  virtual absl::StatusOr<v1::VerifyClaimHistoryResponse> VerifyHistory(
      absl::string_view claim) = 0;

  // Change-feed events after sequence number `after`, in commit order, at
  // most `limit`.
  virtual absl::StatusOr<std::vector<v1::ClaimChange>> ListChanges(int64_t after, int limit) = 0;

  // Notified after every commit that recorded changes.
  virtual ChangeNotifier& change_notifier() = 0;
};

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_STORE_H_
