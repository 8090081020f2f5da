#include "common/api/resource_name.h"

#include "absl/strings/ascii.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"

namespace claimtrack {

absl::StatusOr<std::string> ParseResourceName(absl::string_view name,
                                              absl::string_view collection,
                                              absl::string_view field) {
  const std::string prefix = absl::StrCat(collection, "/");
  absl::string_view id = name;
  bool valid = absl::ConsumePrefix(&id, prefix) && !id.empty() && id.size() <= 63;
  for (const char c : id) {
    if (!absl::ascii_islower(c) && !absl::ascii_isdigit(c) && c != '-') {
      valid = false;
    }
  }
  if (!valid) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": \"", name, "\" is not a valid resource name; expected \"",
        collection, "/{id}\""));
  }
  return std::string(id);
}

}  // namespace claimtrack
