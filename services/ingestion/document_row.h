#ifndef CLAIMTRACK_SERVICES_INGESTION_DOCUMENT_ROW_H_
#define CLAIMTRACK_SERVICES_INGESTION_DOCUMENT_ROW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "services/ingestion/document_store.h"

namespace claimtrack::ingestion {

// What both store backends share about a document's row: names, the JSON
// columns and the values an ingested article is stored as.

// "documents/{id}".
std::string DocumentName(absl::string_view id);
// The id in "documents/{id}", or nullopt for any other string.
std::optional<std::string> DocumentIdFromName(absl::string_view name);
absl::Status DocumentNotFound(absl::string_view name);

std::string JsonArray(const std::vector<std::string>& items);
// The strings of a JSON array; anything else is skipped.
std::vector<std::string> ParseJsonArray(const std::string& text);

// An ingested article as its row will hold it, computed on the caller's
// thread so the single writer thread only runs SQL.
struct PreparedRow {
  std::string id;
  std::string content_sha256;
  std::string authors_json;
  std::string removed_json;
  std::optional<int64_t> publish_time_micros;
  NewDocument input;
};
PreparedRow PrepareRow(NewDocument document);

// The BASIC view of a newly inserted row.
Document NewDocumentView(const PreparedRow& row, int64_t revision, const std::string& previous,
                         int64_t now_micros);

}  // namespace claimtrack::ingestion

#endif  // CLAIMTRACK_SERVICES_INGESTION_DOCUMENT_ROW_H_
