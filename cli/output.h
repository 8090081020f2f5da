#ifndef CLAIMTRACK_CLI_OUTPUT_H_
#define CLAIMTRACK_CLI_OUTPUT_H_

// Resource-agnostic printing: aligned tables that fit the terminal, JSON in
// the protobuf mapping, timestamps. Pure functions over strings so they can
// be tested without a terminal or a server.

#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace claimtrack::cli {

// When the line width is unknown (output piped), the fill column is cut at
// this many characters instead of at the terminal's edge.
inline constexpr size_t kDefaultFillWidth = 80;

struct Column {
  std::string header;
  // Cells wider than this are truncated with "…"; 0 means no cap. For the
  // fill column it applies only when the line width is unknown.
  size_t max_width = 0;
  // The one column (normally the last, the free text) that takes whatever
  // width the others leave, so a table does not wrap on a terminal; it
  // keeps at least kMinFillWidth.
  bool fill = false;
};

inline constexpr size_t kMinFillWidth = 20;

// Columns separated by two spaces, a header row, no trailing spaces. Cells
// are made single-line first. `line_width` bounds every line unless the
// fixed columns alone are already wider; 0 means unknown (see max_width).
std::string FormatTable(const std::vector<Column>& columns,
                        const std::vector<std::vector<std::string>>& rows,
                        size_t line_width);

// Width in terminal columns, counting one per code point (the text is UTF-8;
// wide CJK characters are rare enough in our sources to ignore).
size_t DisplayWidth(absl::string_view text);

// `text` cut to at most `width` columns, ending in "…" when cut. Never splits
// a multi-byte character.
std::string TruncateToWidth(absl::string_view text, size_t width);

// Runs of whitespace (newlines included) collapsed to one space, trimmed.
std::string SingleLine(absl::string_view text);

// The width of stdout if it is a terminal, else $COLUMNS, else 0 (unknown:
// output goes to a pipe or file, where cutting at 80 columns would lose
// text for no reader's benefit).
size_t TerminalWidth();

// "key:   value" lines with the values aligned; pairs with an empty value
// are left out, so optional fields do not print as blank lines.
std::string FormatFields(
    const std::vector<std::pair<std::string, std::string>>& fields);

// "2024-05-01T12:00:00Z" (UTC, RFC 3339); "-" for an unset timestamp.
std::string FormatTimestamp(const google::protobuf::Timestamp& timestamp);

// The protobuf JSON mapping of `message` (lowerCamelCase names, enums by
// name, every field present so scripts see a stable shape). Ordered so keys
// keep the proto's field order ("name" first) when composed and printed.
nlohmann::ordered_json MessageToJson(const google::protobuf::Message& message);

// One JSON document, indented, with a trailing newline.
void PrintJson(std::ostream& out, const nlohmann::ordered_json& json);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_OUTPUT_H_
