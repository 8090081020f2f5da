#include "services/verification/evidence_validation.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace claimtrack::verification {

bool IsHttpUrl(absl::string_view url) {
  for (const char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
      return false;
    }
  }
  for (absl::string_view scheme : {"http://", "https://"}) {
    if (absl::StartsWithIgnoreCase(url, scheme)) {
      const absl::string_view rest = url.substr(scheme.size());
      // A host must come before any path, query or fragment.
      return !rest.empty() && rest.front() != '/' && rest.front() != '?' && rest.front() != '#';
    }
  }
  return false;
}

bool IsLowercaseSha256Hex(absl::string_view digest) {
  if (digest.size() != 64) {
    return false;
  }
  for (const char c : digest) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

absl::Status ValidateEvidence(const v1::Evidence& evidence, const std::string& field) {
  const std::string& url = evidence.url();
  if (url.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ".url is required (an http or https URL)"));
  }
  if (url.size() > kMaxEvidenceUrlBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ".url is ", url.size(), " bytes; the limit is ", kMaxEvidenceUrlBytes));
  }
  if (!IsHttpUrl(url)) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ".url \"", url, "\" is not an http or https URL"));
  }
  if (evidence.description().size() > kMaxEvidenceDescriptionBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ".description is ", evidence.description().size(),
                     " bytes; the limit is ", kMaxEvidenceDescriptionBytes));
  }
  if (!v1::EvidenceStance_IsValid(evidence.stance())) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ".stance: ", evidence.stance(), " is not an EvidenceStance value"));
  }
  if (!evidence.archive_sha256().empty() && !IsLowercaseSha256Hex(evidence.archive_sha256())) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ".archive_sha256 \"", evidence.archive_sha256(),
                     "\" is not a SHA-256 digest: give 64 lowercase hex digits"));
  }
  return absl::OkStatus();
}

}  // namespace claimtrack::verification
