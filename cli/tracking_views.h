#ifndef CLAIMTRACK_CLI_TRACKING_VIEWS_H_
#define CLAIMTRACK_CLI_TRACKING_VIEWS_H_

// How variants, speakers and a claim's tracking fields look in the
// terminal. Pure functions returning text, like views.h.

#include <google/protobuf/repeated_ptr_field.h>

#include <cstddef>
#include <string>

#include "claimtrack/verification/v1/verification_service.pb.h"

namespace claimtrack::cli {

// A word diff inline: "There is [-no-] {+still a+} hiding place".
std::string FormatWordDiff(
    const google::protobuf::RepeatedPtrField<verification::v1::WordDiffSegment>& diff);

// "negation: no -> still a".
std::string FormatMeaningChange(const verification::v1::MeaningChange& change);

// `line_width` as for FormatTable.
std::string FormatVariantsTable(
    const google::protobuf::RepeatedPtrField<verification::v1::ClaimVariant>& variants,
    size_t line_width);
std::string FormatSpeakersTable(
    const google::protobuf::RepeatedPtrField<verification::v1::Speaker>& speakers,
    size_t line_width);

// A speaker's fields, aliases and roles.
std::string FormatSpeakerResource(const verification::v1::Speaker& speaker);

// The tracking lines of a claim, indented two spaces: speaker resource,
// corroboration, variant link with its diff and the altered-quote
// proposal. Empty when there is nothing to say.
std::string FormatClaimTracking(const verification::v1::Claim& claim);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_TRACKING_VIEWS_H_
