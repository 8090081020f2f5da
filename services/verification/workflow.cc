#include "services/verification/workflow.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace claimtrack::verification {
namespace {

using v1::AttributionStatus;
using v1::Verdict;

constexpr AttributionStatus kCheckedAttributions[] = {v1::ATTRIBUTION_STATUS_CONFIRMED,
                                                      v1::ATTRIBUTION_STATUS_MISATTRIBUTED,
                                                      v1::ATTRIBUTION_STATUS_ALTERED};

constexpr Verdict kFinalVerdicts[] = {v1::VERDICT_TRUE,         v1::VERDICT_MOSTLY_TRUE,
                                      v1::VERDICT_MISLEADING,   v1::VERDICT_FALSE,
                                      v1::VERDICT_UNVERIFIABLE, v1::VERDICT_NOT_CHECKABLE};

bool HasNote(absl::string_view note) { return !absl::StripAsciiWhitespace(note).empty(); }

template <typename Enum, typename NameFn>
absl::Status CheckTransition(absl::string_view field, Enum from, Enum to,
                             const std::vector<Enum>& allowed, bool needs_note,
                             absl::string_view note, NameFn name) {
  if (from == to) {
    return absl::FailedPreconditionError(
        absl::StrCat(field, " is already ", name(from), "; nothing to change"));
  }
  if (std::find(allowed.begin(), allowed.end(), to) == allowed.end()) {
    const std::string allowed_names =
        allowed.empty() ? std::string("none")
                        : absl::StrJoin(allowed, ", ", [&](std::string* out, Enum e) {
                            absl::StrAppend(out, name(e));
                          });
    return absl::FailedPreconditionError(absl::StrCat(field, " cannot go from ", name(from), " to ",
                                                      name(to), "; allowed: ", allowed_names));
  }
  if (needs_note && !HasNote(note)) {
    return absl::FailedPreconditionError(absl::StrCat(field, " going from ", name(from), " to ",
                                                      name(to), " needs a note saying why"));
  }
  return absl::OkStatus();
}

}  // namespace

bool IsFinalVerdict(Verdict verdict) {
  return std::find(std::begin(kFinalVerdicts), std::end(kFinalVerdicts), verdict) !=
         std::end(kFinalVerdicts);
}

std::vector<AttributionStatus> AllowedAttributionTransitions(AttributionStatus from) {
  std::vector<AttributionStatus> allowed;
  switch (from) {
    case v1::ATTRIBUTION_STATUS_UNCHECKED:
    case v1::ATTRIBUTION_STATUS_CONFIRMED:
    case v1::ATTRIBUTION_STATUS_MISATTRIBUTED:
    case v1::ATTRIBUTION_STATUS_ALTERED:
      // Never back to UNCHECKED; a checked status may be corrected.
      for (const AttributionStatus to : kCheckedAttributions) {
        if (to != from) {
          allowed.push_back(to);
        }
      }
      break;
    default:
      break;
  }
  return allowed;
}

std::vector<Verdict> AllowedVerdictTransitions(Verdict from) {
  if (from == v1::VERDICT_UNVERIFIED) {
    return {v1::VERDICT_IN_REVIEW, v1::VERDICT_NOT_CHECKABLE};
  }
  if (from == v1::VERDICT_IN_REVIEW) {
    return {std::begin(kFinalVerdicts), std::end(kFinalVerdicts)};
  }
  if (IsFinalVerdict(from)) {
    return {v1::VERDICT_IN_REVIEW};  // reopen
  }
  return {};
}

bool AttributionTransitionNeedsNote(AttributionStatus from, AttributionStatus to) {
  return from != v1::ATTRIBUTION_STATUS_UNCHECKED;
}

bool VerdictTransitionNeedsNote(Verdict from, Verdict to) {
  // UNVERIFIED -> NOT_CHECKABLE is triage ("an opinion"), not a review: the
  // proto asks for a note only on the IN_REVIEW -> final step.
  return from == v1::VERDICT_IN_REVIEW && IsFinalVerdict(to);
}

absl::Status CheckAttributionTransition(AttributionStatus from, AttributionStatus to,
                                        absl::string_view note) {
  return CheckTransition("attribution_status", from, to, AllowedAttributionTransitions(from),
                         AttributionTransitionNeedsNote(from, to), note,
                         [](AttributionStatus s) { return v1::AttributionStatus_Name(s); });
}

absl::Status CheckVerdictTransition(Verdict from, Verdict to, absl::string_view note) {
  return CheckTransition("verdict", from, to, AllowedVerdictTransitions(from),
                         VerdictTransitionNeedsNote(from, to), note,
                         [](Verdict v) { return v1::Verdict_Name(v); });
}

}  // namespace claimtrack::verification
