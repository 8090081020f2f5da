#include "services/verification/claim_variant.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/api/timestamps.h"
#include "services/verification/word_diff.h"

namespace claimtrack::verification {
namespace {

// Only words inside quote marks can be an altered quote; reported speech
// rewords by nature.
bool IsQuoted(type::v1::StatementKind kind) {
  return kind == type::v1::STATEMENT_KIND_DIRECT_QUOTE ||
         kind == type::v1::STATEMENT_KIND_PARTIAL_QUOTE;
}

}  // namespace

v1::ClaimVariant DescribeVariant(absl::string_view canonical_text, double similarity,
                                 const TrackingInput& input, int64_t now_us) {
  v1::ClaimVariant variant;
  variant.set_similarity(similarity);
  for (v1::WordDiffSegment& segment : DiffWords(canonical_text, input.text)) {
    *variant.add_diff() = std::move(segment);
  }
  for (v1::MeaningChange& change : FindMeaningChanges(canonical_text, input.text)) {
    *variant.add_meaning_changes() = std::move(change);
  }
  variant.set_altered_quote_suspected(IsQuoted(input.kind) && variant.meaning_changes_size() > 0);
  *variant.mutable_create_time() = ProtoTimestampFromMicros(now_us);
  return variant;
}

absl::StatusOr<v1::ClaimVariant> VariantFromRow(absl::string_view serialized,
                                                absl::string_view claim_id,
                                                absl::string_view canonical_id,
                                                absl::string_view text,
                                                v1::AttributionStatus attribution) {
  v1::ClaimVariant variant;
  if (!variant.ParseFromString(std::string(serialized))) {
    return absl::DataLossError(absl::StrCat("claims/", claim_id, ": the variant does not parse"));
  }
  variant.set_claim(absl::StrCat("claims/", claim_id));
  variant.set_canonical_claim(absl::StrCat("claims/", canonical_id));
  variant.set_text(std::string(text));
  if (variant.altered_quote_suspected() && attribution == v1::ATTRIBUTION_STATUS_UNCHECKED) {
    variant.set_proposed_attribution_status(v1::ATTRIBUTION_STATUS_ALTERED);
  }
  return variant;
}

}  // namespace claimtrack::verification
