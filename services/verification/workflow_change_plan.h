#ifndef CLAIMTRACK_SERVICES_VERIFICATION_WORKFLOW_CHANGE_PLAN_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_WORKFLOW_CHANGE_PLAN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "services/verification/claim_store.h"
#include "services/verification/workflow_change.h"

namespace claimtrack::verification {

// What the analyst's writes (ReviewClaim and the WorkflowChanges) do to a
// claim, decided from the claim's current columns: the checks (etag, lock,
// workflow), the history entries to append and the columns to set. Pure, so
// every store applies the same rules and writes the same history.

// FAILED_PRECONDITION for a change to a published claim, naming the lock and
// how to lift it.
absl::Status ClaimLockedError(absl::string_view claim);

// The columns of a claim row the analyst's writes read.
struct ClaimWorkflowState {
  std::string id;
  int64_t version = 0;
  int64_t history_count = 0;
  v1::AttributionStatus attribution_status = v1::ATTRIBUTION_STATUS_UNSPECIFIED;
  v1::Verdict verdict = v1::VERDICT_UNSPECIFIED;
  std::string verdict_note;
  std::string assignee;
  bool published = false;
};

// One WorkflowChange applied: one history entry (numbered history_count + 1,
// named, without previous_hash and hash: the store chains it) and the claim's
// new assignee and lock.
struct WorkflowChangePlan {
  int64_t number = 0;
  v1::HistoryEntry entry;
  v1::ClaimChangeType change_type = v1::CLAIM_CHANGE_TYPE_UNSPECIFIED;
  // Evidence rows to store in the entry's group (AddEvidence only).
  std::vector<v1::Evidence> evidence;
  std::string assignee;
  bool published = false;
  int64_t publish_time_us = 0;
};

// ABORTED for a stale etag (an empty one is not checked), FAILED_PRECONDITION
// for a locked claim or a change that does not apply.
absl::StatusOr<WorkflowChangePlan> PlanWorkflowChange(const WorkflowChange& change,
                                                      const ClaimWorkflowState& claim,
                                                      int64_t now_us);

// One ReviewClaim applied: one history entry per changed status, all in
// one group (review = the first entry's number), carrying the review's
// evidence, and the claim's new statuses.
struct ReviewPlan {
  int64_t first_entry = 0;
  std::vector<v1::HistoryEntry> entries;
  v1::AttributionStatus attribution_status = v1::ATTRIBUTION_STATUS_UNSPECIFIED;
  v1::Verdict verdict = v1::VERDICT_UNSPECIFIED;
  std::string verdict_note;
};

// ABORTED for a stale etag, FAILED_PRECONDITION for a locked claim or a
// transition the workflow does not allow, INVALID_ARGUMENT for a review that
// changes nothing.
absl::StatusOr<ReviewPlan> PlanReview(const ClaimReview& review, const ClaimWorkflowState& claim,
                                      int64_t now_us);

// The history `from_value` / `to_value` columns of an entry (0 unless it
// is a status change).
int64_t HistoryFromValue(const v1::HistoryEntry& entry);
int64_t HistoryToValue(const v1::HistoryEntry& entry);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_WORKFLOW_CHANGE_PLAN_H_
