#ifndef CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_VARIANT_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_VARIANT_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "services/verification/claim_tracking.h"

namespace claimtrack::verification {

// How a new wording differs from the first wording it varies, whatever the
// store: the word diff, the meaning changes and the altered-quote flag
// (quoted words only), stamped `now_us`. Without names and proposal, as
// stored.
v1::ClaimVariant DescribeVariant(absl::string_view canonical_text, double similarity,
                                 const TrackingInput& input, int64_t now_us);

// A stored variant (`serialized`) with its names, text and the proposal
// (ALTERED for a suspected altered quote still UNCHECKED) filled in.
absl::StatusOr<v1::ClaimVariant> VariantFromRow(absl::string_view serialized,
                                                absl::string_view claim_id,
                                                absl::string_view canonical_id,
                                                absl::string_view text,
                                                v1::AttributionStatus attribution);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_VARIANT_H_
