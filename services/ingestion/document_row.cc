#include "services/ingestion/document_row.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/api/timestamps.h"
#include "common/text/sha256.h"

namespace claimtrack::ingestion {
namespace {

constexpr absl::string_view kNamePrefix = "documents/";

}  // namespace

std::string DocumentName(absl::string_view id) { return absl::StrCat(kNamePrefix, id); }

std::optional<std::string> DocumentIdFromName(absl::string_view name) {
  absl::string_view id = name;
  if (!absl::ConsumePrefix(&id, kNamePrefix) || id.empty()) {
    return std::nullopt;
  }
  return std::string(id);
}

absl::Status DocumentNotFound(absl::string_view name) {
  return absl::NotFoundError(absl::StrCat("document \"", name, "\" does not exist"));
}

std::string JsonArray(const std::vector<std::string>& items) {
  nlohmann::json array = nlohmann::json::array();
  for (const std::string& item : items) {
    array.push_back(item);
  }
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> ParseJsonArray(const std::string& text) {
  std::vector<std::string> items;
  const nlohmann::json array = nlohmann::json::parse(text, nullptr, false);
  if (array.is_array()) {
    for (const nlohmann::json& item : array) {
      if (item.is_string()) {
        items.push_back(item.get<std::string>());
      }
    }
  }
  return items;
}

PreparedRow PrepareRow(NewDocument document) {
  PreparedRow row;
  row.content_sha256 = Sha256Hex(document.cleaned.text);
  row.id = DocumentId(document.source.url(), row.content_sha256);
  row.authors_json =
      JsonArray({document.source.authors().begin(), document.source.authors().end()});
  row.removed_json = JsonArray(document.cleaned.removed_boilerplate);
  if (document.source.has_publish_time()) {
    row.publish_time_micros = ToUnixMicrosOrZero(document.source.publish_time());
  }
  row.input = std::move(document);
  return row;
}

Document NewDocumentView(const PreparedRow& row, int64_t revision, const std::string& previous,
                         int64_t now_micros) {
  Document document;
  document.set_name(DocumentName(row.id));
  *document.mutable_source() = row.input.source;
  for (const std::string& line : row.input.cleaned.removed_boilerplate) {
    document.add_removed_boilerplate(line);
  }
  document.set_content_sha256(row.content_sha256);
  document.set_revision(static_cast<int32_t>(revision));
  document.set_previous_revision(previous);
  document.set_state(v1::PROCESSING_STATE_RECEIVED);
  *document.mutable_create_time() = ProtoTimestampFromMicros(now_micros);
  *document.mutable_update_time() = ProtoTimestampFromMicros(now_micros);
  return document;
}

}  // namespace claimtrack::ingestion
