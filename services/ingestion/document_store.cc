#include "services/ingestion/document_store.h"

#include "absl/strings/str_cat.h"
#include "common/text/sha256.h"

namespace claimtrack::ingestion {

std::string DocumentId(absl::string_view url, absl::string_view content_sha256) {
  return Sha256Hex(absl::StrCat(url, "\n", content_sha256)).substr(0, 16);
}

std::string ListDocumentsFingerprint(const ListDocumentsQuery& query) {
  // Unit separators keep "a" + "b;c" apart from "a;b" + "c".
  return absl::StrCat("documents\x1fstate=", static_cast<int>(query.state),
                      "\x1fpublisher=", query.publisher, "\x1furl=", query.url);
}

}  // namespace claimtrack::ingestion
