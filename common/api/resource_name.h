#ifndef CLAIMTRACK_COMMON_API_RESOURCE_NAME_H_
#define CLAIMTRACK_COMMON_API_RESOURCE_NAME_H_

#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"

namespace claimtrack {

// Parses "<collection>/<id>" (AIP-122) and returns the id. `field` names the
// request field in the error ("name", "parent", "document"). Ids are
// [a-z0-9-], 1 to 63 characters.
absl::StatusOr<std::string> ParseResourceName(absl::string_view name,
                                              absl::string_view collection,
                                              absl::string_view field);

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_API_RESOURCE_NAME_H_
