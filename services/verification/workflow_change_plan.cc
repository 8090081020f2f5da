#include "services/verification/workflow_change_plan.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/api/timestamps.h"
#include "services/verification/claim_etag.h"
#include "services/verification/workflow.h"

namespace claimtrack::verification {

absl::Status ClaimLockedError(absl::string_view claim) {
  return absl::FailedPreconditionError(
      absl::StrCat(claim,
                   " is locked: its verdict is published. Reopen it first with ReopenClaim "
                   "(`claimtrack claims reopen ",
                   claim, " --note WHY`)"));
}

absl::StatusOr<WorkflowChangePlan> PlanWorkflowChange(const WorkflowChange& change,
                                                      const ClaimWorkflowState& claim,
                                                      int64_t now_us) {
  if (!change.etag.empty() && change.etag != ClaimEtag(claim.id, claim.version)) {
    return absl::AbortedError(absl::StrCat("etag \"", change.etag, "\" of ", change.claim,
                                           " is stale; re-read the claim and retry"));
  }
  const std::string name = absl::StrCat("claims/", claim.id);
  WorkflowChangePlan plan;
  plan.assignee = claim.assignee;
  plan.published = claim.published;
  v1::HistoryAction action = v1::HISTORY_ACTION_UNSPECIFIED;
  switch (change.kind) {
    case WorkflowChange::Kind::kAddEvidence:
      if (claim.published) return ClaimLockedError(name);
      action = v1::HISTORY_ACTION_EVIDENCE;
      plan.change_type = v1::CLAIM_CHANGE_TYPE_EVIDENCE_ADDED;
      plan.evidence = change.evidence;
      break;
    case WorkflowChange::Kind::kAssign:
      if (claim.published) return ClaimLockedError(name);
      if (change.assignee == claim.assignee) {
        return absl::FailedPreconditionError(
            claim.assignee.empty()
                ? absl::StrCat(name, " is not assigned; nothing to unassign")
                : absl::StrCat(name, " is already assigned to ", claim.assignee));
      }
      action = v1::HISTORY_ACTION_ASSIGNMENT;
      plan.change_type = v1::CLAIM_CHANGE_TYPE_ASSIGNMENT_CHANGED;
      plan.assignee = change.assignee;
      break;
    case WorkflowChange::Kind::kPublish:
      if (claim.published) {
        return absl::FailedPreconditionError(absl::StrCat(name, " is already published"));
      }
      if (!IsFinalVerdict(claim.verdict)) {
        return absl::FailedPreconditionError(absl::StrCat(
            name, " has verdict ", v1::Verdict_Name(claim.verdict),
            "; only a final verdict (TRUE, MOSTLY_TRUE, MISLEADING, FALSE, UNVERIFIABLE, "
            "NOT_CHECKABLE) can be published: set one with ReviewClaim first"));
      }
      action = v1::HISTORY_ACTION_PUBLISH;
      plan.change_type = v1::CLAIM_CHANGE_TYPE_PUBLISHED;
      plan.published = true;
      plan.publish_time_us = now_us;
      break;
    case WorkflowChange::Kind::kReopen:
      if (!claim.published) {
        return absl::FailedPreconditionError(
            absl::StrCat(name, " is not published; only a published claim can be reopened"));
      }
      action = v1::HISTORY_ACTION_REOPEN;
      plan.change_type = v1::CLAIM_CHANGE_TYPE_REOPENED;
      plan.published = false;
      break;
  }
  plan.number = claim.history_count + 1;
  v1::HistoryEntry& entry = plan.entry;
  entry.set_name(absl::StrCat(name, "/historyEntries/", plan.number));
  entry.set_actor(change.actor);
  *entry.mutable_create_time() = ProtoTimestampFromMicros(now_us);
  entry.set_action(action);
  entry.set_note(change.note);
  if (change.kind == WorkflowChange::Kind::kAssign) {
    entry.set_from_assignee(claim.assignee);
    entry.set_to_assignee(change.assignee);
  }
  for (const v1::Evidence& item : plan.evidence) *entry.add_evidence() = item;
  return plan;
}

absl::StatusOr<ReviewPlan> PlanReview(const ClaimReview& review, const ClaimWorkflowState& claim,
                                      int64_t now_us) {
  if (review.etag != ClaimEtag(claim.id, claim.version)) {
    return absl::AbortedError(absl::StrCat("etag \"", review.etag, "\" of ", review.claim,
                                           " is stale; re-read the claim and retry"));
  }
  if (claim.published) return ClaimLockedError(review.claim);
  struct Change {
    v1::StatusField field;
    int from;
    int to;
  };
  std::vector<Change> changes;
  if (review.attribution_status != v1::ATTRIBUTION_STATUS_UNSPECIFIED) {
    absl::Status allowed = CheckAttributionTransition(claim.attribution_status,
                                                      review.attribution_status, review.note);
    if (!allowed.ok()) return allowed;
    changes.push_back(
        {v1::STATUS_FIELD_ATTRIBUTION, claim.attribution_status, review.attribution_status});
  }
  if (review.verdict != v1::VERDICT_UNSPECIFIED) {
    absl::Status allowed = CheckVerdictTransition(claim.verdict, review.verdict, review.note);
    if (!allowed.ok()) return allowed;
    changes.push_back({v1::STATUS_FIELD_VERDICT, claim.verdict, review.verdict});
  }
  if (changes.empty()) {
    return absl::InvalidArgumentError(
        "set attribution_status, verdict or both; the review changes nothing");
  }
  ReviewPlan plan;
  plan.first_entry = claim.history_count + 1;
  int64_t number = plan.first_entry;
  for (const Change& change : changes) {
    v1::HistoryEntry& history = plan.entries.emplace_back();
    history.set_name(absl::StrCat("claims/", claim.id, "/historyEntries/", number++));
    history.set_actor(review.actor);
    *history.mutable_create_time() = ProtoTimestampFromMicros(now_us);
    history.set_action(v1::HISTORY_ACTION_STATUS_CHANGE);
    history.set_field(change.field);
    if (change.field == v1::STATUS_FIELD_ATTRIBUTION) {
      history.set_from_attribution_status(static_cast<v1::AttributionStatus>(change.from));
      history.set_to_attribution_status(static_cast<v1::AttributionStatus>(change.to));
    } else {
      history.set_from_verdict(static_cast<v1::Verdict>(change.from));
      history.set_to_verdict(static_cast<v1::Verdict>(change.to));
    }
    history.set_note(review.note);
    for (const v1::Evidence& item : review.evidence) *history.add_evidence() = item;
  }
  const bool verdict_changed = review.verdict != v1::VERDICT_UNSPECIFIED;
  plan.attribution_status = review.attribution_status != v1::ATTRIBUTION_STATUS_UNSPECIFIED
                                ? review.attribution_status
                                : claim.attribution_status;
  plan.verdict = verdict_changed ? review.verdict : claim.verdict;
  plan.verdict_note = verdict_changed ? review.note : claim.verdict_note;
  return plan;
}

int64_t HistoryFromValue(const v1::HistoryEntry& entry) {
  if (entry.field() == v1::STATUS_FIELD_ATTRIBUTION) return entry.from_attribution_status();
  if (entry.field() == v1::STATUS_FIELD_VERDICT) return entry.from_verdict();
  return 0;
}

int64_t HistoryToValue(const v1::HistoryEntry& entry) {
  if (entry.field() == v1::STATUS_FIELD_ATTRIBUTION) return entry.to_attribution_status();
  if (entry.field() == v1::STATUS_FIELD_VERDICT) return entry.to_verdict();
  return 0;
}

}  // namespace claimtrack::verification
