#include "cli/output.h"

#include <google/protobuf/util/json_util.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/time/time.h"

namespace claimtrack::cli {
namespace {

constexpr absl::string_view kEllipsis = "\xE2\x80\xA6";  // "…"
constexpr absl::string_view kSeparator = "  ";

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

void AppendPadded(std::string& line, absl::string_view cell, size_t width) {
  line.append(cell.data(), cell.size());
  const size_t cell_width = DisplayWidth(cell);
  if (cell_width < width) {
    line.append(width - cell_width, ' ');
  }
}

}  // namespace

size_t DisplayWidth(absl::string_view text) {
  size_t width = 0;
  for (char c : text) {
    if (!IsContinuationByte(c)) {
      ++width;
    }
  }
  return width;
}

std::string TruncateToWidth(absl::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) {
    return std::string(text);
  }
  if (width == 0) {
    return "";
  }
  // Keep width - 1 code points and spend the last column on the ellipsis.
  size_t kept = 0;
  size_t end = 0;
  while (end < text.size()) {
    if (!IsContinuationByte(text[end])) {
      if (kept == width - 1) {
        break;
      }
      ++kept;
    }
    ++end;
  }
  std::string result(text.substr(0, end));
  result.append(kEllipsis.data(), kEllipsis.size());
  return result;
}

std::string SingleLine(absl::string_view text) {
  std::string result;
  result.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      pending_space = !result.empty();
      continue;
    }
    if (pending_space) {
      result.push_back(' ');
      pending_space = false;
    }
    result.push_back(c);
  }
  return result;
}

std::string FormatTable(const std::vector<Column>& columns,
                        const std::vector<std::vector<std::string>>& rows,
                        size_t line_width) {
  const size_t count = columns.size();
  if (count == 0) {
    return "";
  }
  // Cells made single-line once, so widths are measured on what is printed.
  std::vector<std::vector<std::string>> cells;
  cells.reserve(rows.size());
  for (const auto& row : rows) {
    std::vector<std::string> line(count);
    for (size_t i = 0; i < count && i < row.size(); ++i) {
      line[i] = SingleLine(row[i]);
    }
    cells.push_back(std::move(line));
  }

  std::vector<size_t> widths(count);
  for (size_t i = 0; i < count; ++i) {
    widths[i] = DisplayWidth(columns[i].header);
    for (const auto& line : cells) {
      widths[i] = std::max(widths[i], DisplayWidth(line[i]));
    }
    if (columns[i].max_width > 0 && !columns[i].fill) {
      widths[i] = std::min(
          widths[i],
          std::max(columns[i].max_width, DisplayWidth(columns[i].header)));
    }
  }

  size_t fixed = kSeparator.size() * (count - 1);
  for (size_t i = 0; i < count; ++i) {
    if (!columns[i].fill) {
      fixed += widths[i];
    }
  }
  for (size_t i = 0; i < count; ++i) {
    if (!columns[i].fill) {
      continue;
    }
    if (line_width > 0) {
      const size_t available = line_width > fixed ? line_width - fixed : 0;
      widths[i] = std::min(widths[i], std::max(available, kMinFillWidth));
    } else if (columns[i].max_width > 0) {
      widths[i] = std::min(widths[i], columns[i].max_width);
    }
  }

  std::string out;
  auto append_line = [&](const std::vector<std::string>& line) {
    std::string text;
    for (size_t i = 0; i < count; ++i) {
      const std::string cell = TruncateToWidth(line[i], widths[i]);
      if (i + 1 == count) {
        text.append(cell);
      } else {
        AppendPadded(text, cell, widths[i]);
        text.append(kSeparator.data(), kSeparator.size());
      }
    }
    // The last cell may be shorter than the column: no trailing spaces.
    while (!text.empty() && text.back() == ' ') {
      text.pop_back();
    }
    out.append(text);
    out.push_back('\n');
  };
  std::vector<std::string> header;
  header.reserve(count);
  for (const auto& column : columns) {
    header.push_back(column.header);
  }
  append_line(header);
  for (const auto& line : cells) {
    append_line(line);
  }
  return out;
}

size_t TerminalWidth() {
  struct winsize size {};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col > 0) {
    return size.ws_col;
  }
  size_t columns = 0;
  if (const char* env = std::getenv("COLUMNS");
      env != nullptr && absl::SimpleAtoi(env, &columns) && columns > 0) {
    return columns;
  }
  return 0;
}

std::string FormatFields(
    const std::vector<std::pair<std::string, std::string>>& fields) {
  size_t key_width = 0;
  for (const auto& [key, value] : fields) {
    if (!value.empty()) {
      key_width = std::max(key_width, DisplayWidth(key) + 1);
    }
  }
  std::string out;
  for (const auto& [key, value] : fields) {
    if (value.empty()) {
      continue;
    }
    std::string line = key + ":";
    line.append(key_width + 2 - DisplayWidth(line), ' ');
    line.append(value);
    out.append(line);
    out.push_back('\n');
  }
  return out;
}

std::string FormatTimestamp(const google::protobuf::Timestamp& timestamp) {
  if (timestamp.seconds() == 0 && timestamp.nanos() == 0) {
    return "-";
  }
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ",
                          absl::FromUnixSeconds(timestamp.seconds()),
                          absl::UTCTimeZone());
}

nlohmann::ordered_json MessageToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  std::string text;
  const auto status =
      google::protobuf::util::MessageToJsonString(message, &text, options);
  if (!status.ok()) {
    // Only possible for messages with invalid UTF-8 or unresolvable Any;
    // report it inside the document instead of printing broken JSON.
    return nlohmann::ordered_json{{"error", status.ToString()}};
  }
  return nlohmann::ordered_json::parse(text);
}

void PrintJson(std::ostream& out, const nlohmann::ordered_json& json) {
  // Replace rather than throw on invalid UTF-8: output must not abort halfway.
  out << json.dump(2, ' ', false,
                   nlohmann::ordered_json::error_handler_t::replace)
      << '\n';
}

}  // namespace claimtrack::cli
