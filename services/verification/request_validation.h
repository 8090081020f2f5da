#ifndef CLAIMTRACK_SERVICES_VERIFICATION_REQUEST_VALIDATION_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_REQUEST_VALIDATION_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "services/verification/claim_store.h"

namespace claimtrack::verification {

// Request checks of the VerificationService contract, apart from gRPC so they
// are tested directly. Each returns INVALID_ARGUMENT naming the field, or the
// request translated for the ClaimStore.

// document.name is "documents/{id}"; every statement has a statement_id and
// content; every span has begin <= end and, when document.text is given,
// lies inside it.
absl::StatusOr<DocumentStatements> ValidateRecordStatementsRequest(
    const v1::RecordStatementsRequest& request);

// Known enum values; `document`, if set, is "documents/{id}". page_size and
// page_token are checked by the store.
absl::StatusOr<ClaimFilter> ValidateListClaimsRequest(const v1::ListClaimsRequest& request);

// name is "claims/{id}"; the etag is given; `analyst` (the
// x-claimtrack-analyst metadata) is non-empty; at least one status is set to
// a known value; every evidence URL is http(s).
absl::StatusOr<ClaimReview> ValidateReviewClaimRequest(const v1::ReviewClaimRequest& request,
                                                       absl::string_view analyst);

// The call metadata key naming the analyst.
inline constexpr absl::string_view kAnalystMetadataKey = "x-claimtrack-analyst";

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_REQUEST_VALIDATION_H_
