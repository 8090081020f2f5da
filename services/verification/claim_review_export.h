#ifndef CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_REVIEW_EXPORT_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_REVIEW_EXPORT_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "claimtrack/verification/v1/verification_service.pb.h"

namespace claimtrack::verification {

// Who publishes the fact checks, for ClaimReview `author` and `url`.
struct ClaimReviewOptions {
  std::string organization_name = "claimtrack";
  // Optional.
  std::string organization_url;
  // The fact-check page of claim {id} is this followed by the id.
  std::string base_url = "https://claimtrack.example/claims/";
};

// The reviewRating of a final verdict (the mapping documented on
// ExportClaimReview in verification_service.proto).
struct VerdictRating {
  const char* alternate_name;
  // 1 (worst) .. 5 (best); nullopt when the verdict has no place on the scale.
  std::optional<int> rating_value;
};
inline constexpr int kBestRating = 5;
inline constexpr int kWorstRating = 1;
// nullopt for a verdict that is not final.
std::optional<VerdictRating> RatingForVerdict(v1::Verdict verdict);

// When the review counts as published: `publish_time` while published, else
// when the current verdict was set (the latest verdict entry of `history`,
// oldest first), else the claim's update_time.
absl::Time ClaimReviewDate(const v1::Claim& claim, const std::vector<v1::HistoryEntry>& history);

// schema.org ClaimReview JSON-LD for `claim`. FAILED_PRECONDITION if the
// claim has no final verdict.
absl::StatusOr<nlohmann::ordered_json> ClaimReviewJsonLd(const v1::Claim& claim,
                                                         absl::Time date_published,
                                                         const ClaimReviewOptions& options);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_REVIEW_EXPORT_H_
