#ifndef CLAIMTRACK_SERVICES_VERIFICATION_CHANGE_CURSOR_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_CHANGE_CURSOR_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claimtrack::verification {

// The cursor of a change sequence number, and back (INVALID_ARGUMENT naming
// `field` for anything this service did not issue). Empty means 0. The same
// for every store.
std::string ChangeCursor(int64_t seq);
absl::StatusOr<int64_t> ParseChangeCursor(absl::string_view cursor, absl::string_view field);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_CHANGE_CURSOR_H_
