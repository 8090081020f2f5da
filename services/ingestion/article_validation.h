#ifndef CLAIMTRACK_SERVICES_INGESTION_ARTICLE_VALIDATION_H_
#define CLAIMTRACK_SERVICES_INGESTION_ARTICLE_VALIDATION_H_

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "claimtrack/ingestion/v1/ingestion_service.pb.h"

namespace claimtrack::ingestion {

struct ArticleLimits {
  // --max_article_bytes: the largest `text`, in bytes.
  size_t max_text_bytes = 4 << 20;
  size_t max_url_bytes = 2048;
  size_t max_publisher_bytes = 256;
  size_t max_title_bytes = 1024;
  size_t max_authors = 100;
  size_t max_author_bytes = 256;
};

// Checks an article before anything is stored. Errors are INVALID_ARGUMENT
// and name the field as the caller sees it: `field_prefix` is the path of the
// article in the request ("article", "requests[3].article").
absl::Status ValidateArticle(const claimtrack::ingestion::v1::Article& article,
                             const ArticleLimits& limits, absl::string_view field_prefix);

// True for an absolute http or https URL with a host ("https://example.com/a").
bool IsAbsoluteHttpUrl(absl::string_view url);

}  // namespace claimtrack::ingestion

#endif  // CLAIMTRACK_SERVICES_INGESTION_ARTICLE_VALIDATION_H_
