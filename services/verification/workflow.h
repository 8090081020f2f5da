#ifndef CLAIMTRACK_SERVICES_VERIFICATION_WORKFLOW_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_WORKFLOW_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"

namespace claimtrack::verification {

// The review workflow of ReviewClaim (see its comment in
// verification_service.proto). Pure functions, so the rules are tested
// exhaustively apart from storage.

// TRUE, MOSTLY_TRUE, MISLEADING, FALSE, UNVERIFIABLE, NOT_CHECKABLE.
bool IsFinalVerdict(v1::Verdict verdict);

// Where a status may go next, ignoring the note requirement.
std::vector<v1::AttributionStatus> AllowedAttributionTransitions(v1::AttributionStatus from);
std::vector<v1::Verdict> AllowedVerdictTransitions(v1::Verdict from);

// Whether an allowed transition needs a note: a correction between checked
// attribution statuses, and IN_REVIEW -> a final verdict.
bool AttributionTransitionNeedsNote(v1::AttributionStatus from, v1::AttributionStatus to);
bool VerdictTransitionNeedsNote(v1::Verdict from, v1::Verdict to);

// OK, or FAILED_PRECONDITION naming from, to and what is allowed:
// "verdict cannot go from VERDICT_UNVERIFIED to VERDICT_TRUE; allowed:
// VERDICT_IN_REVIEW, VERDICT_NOT_CHECKABLE". A note of only whitespace counts
// as no note.
absl::Status CheckAttributionTransition(v1::AttributionStatus from, v1::AttributionStatus to,
                                        absl::string_view note);
absl::Status CheckVerdictTransition(v1::Verdict from, v1::Verdict to, absl::string_view note);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_WORKFLOW_H_
