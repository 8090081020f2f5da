#include "services/extraction/document_validation.h"

#include "absl/strings/str_cat.h"
#include "common/api/resource_name.h"
#include "common/text/utf8.h"

namespace claimtrack::extraction {

absl::Status ValidateDocument(const claimtrack::type::v1::DocumentRef& document,
                              size_t max_text_bytes, bool require_name) {
  if (require_name) {
    absl::StatusOr<std::string> id =
        ParseResourceName(document.name(), "documents", "document.name");
    if (!id.ok()) {
      return id.status();
    }
  }
  if (document.text().empty()) {
    return absl::InvalidArgumentError("document.text is required");
  }
  if (document.text().size() > max_text_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("document.text is ", document.text().size(),
                     " bytes; the limit is ", max_text_bytes, " (--max_text_bytes)"));
  }
  if (std::optional<size_t> bad = FindInvalidUtf8(document.text())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "document.text is not valid UTF-8 (first bad byte at offset ", *bad, ")"));
  }
  return absl::OkStatus();
}

}  // namespace claimtrack::extraction
