#ifndef CLAIMTRACK_SERVICES_EXTRACTION_DOCUMENT_VALIDATION_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_DOCUMENT_VALIDATION_H_

#include <cstddef>

#include "absl/status/status.h"
#include "claimtrack/type/v1/article.pb.h"

namespace claimtrack::extraction {

// Checks a document handed to extraction: `document.text` present, valid
// UTF-8 and at most `max_text_bytes`; with `require_name`, `document.name`
// of the form "documents/{id}". Errors are INVALID_ARGUMENT naming the field.
absl::Status ValidateDocument(const claimtrack::type::v1::DocumentRef& document,
                              size_t max_text_bytes, bool require_name);

}  // namespace claimtrack::extraction

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_DOCUMENT_VALIDATION_H_
