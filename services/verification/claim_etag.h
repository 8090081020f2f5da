#ifndef CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_ETAG_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_ETAG_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace claimtrack::verification {

// The etag of claim `id` at row version `version`: the same in every store,
// so a client's etag means the same whichever backend answers.
std::string ClaimEtag(absl::string_view id, int64_t version);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_ETAG_H_
