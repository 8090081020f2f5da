#ifndef CLAIMTRACK_SERVICES_VERIFICATION_EVIDENCE_VALIDATION_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_EVIDENCE_VALIDATION_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "claimtrack/verification/v1/verification_service.pb.h"

namespace claimtrack::verification {

inline constexpr size_t kMaxEvidenceUrlBytes = 2048;
inline constexpr size_t kMaxEvidenceDescriptionBytes = 4096;
inline constexpr int kMaxEvidencePerCall = 100;

// An http(s) URL with a host and no whitespace or control characters.
bool IsHttpUrl(absl::string_view url);

// True for exactly 64 lowercase hex digits.
bool IsLowercaseSha256Hex(absl::string_view digest);

// INVALID_ARGUMENT naming `field` ("evidence[2].archive_sha256") and what is
// wrong: url required, http(s), at most kMaxEvidenceUrlBytes; description at
// most kMaxEvidenceDescriptionBytes; stance a known value; archive_sha256
// empty or 64 lowercase hex digits.
absl::Status ValidateEvidence(const v1::Evidence& evidence, const std::string& field);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_EVIDENCE_VALIDATION_H_
