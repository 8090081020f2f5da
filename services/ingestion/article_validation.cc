#include "services/ingestion/article_validation.h"

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/api/nul_bytes.h"
#include "common/text/utf8.h"

namespace claimtrack::ingestion {
namespace {

// google.protobuf.Timestamp's valid range: 0001-01-01 to 9999-12-31.
constexpr int64_t kMinTimestampSeconds = -62135596800;
constexpr int64_t kMaxTimestampSeconds = 253402300799;

absl::Status CheckString(absl::string_view value, size_t limit, absl::string_view field) {
  if (value.size() > limit) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " is ", value.size(), " bytes; the limit is ", limit));
  }
  if (std::optional<size_t> bad = FindInvalidUtf8(value); bad.has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " is not valid UTF-8 (invalid byte at offset ", *bad, ")"));
  }
  return absl::OkStatus();
}

}  // namespace

bool IsAbsoluteHttpUrl(absl::string_view url) {
  for (const char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f) {
      return false;  // spaces and control characters are never in a URL
    }
  }
  absl::string_view rest = url;
  const size_t scheme_end = rest.find("://");
  if (scheme_end == absl::string_view::npos) {
    return false;
  }
  const std::string scheme = absl::AsciiStrToLower(rest.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") {
    return false;
  }
  rest.remove_prefix(scheme_end + 3);
  absl::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (const size_t at = authority.rfind('@'); at != absl::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  absl::string_view host = authority;
  if (absl::StartsWith(host, "[")) {
    const size_t close = host.find(']');
    if (close == absl::string_view::npos || close == 1) {
      return false;
    }
    host = host.substr(0, close + 1);
    authority.remove_prefix(close + 1);
  } else {
    const size_t colon = host.find(':');
    host = host.substr(0, colon);
    authority.remove_prefix(colon == absl::string_view::npos ? authority.size() : colon);
  }
  if (host.empty()) {
    return false;
  }
  // What is left of the authority is ":port" or nothing.
  if (!authority.empty()) {
    if (authority[0] != ':') {
      return false;
    }
    for (const char c : authority.substr(1)) {
      if (!absl::ascii_isdigit(c)) {
        return false;
      }
    }
  }
  return true;
}

absl::Status ValidateArticle(const claimtrack::ingestion::v1::Article& article,
                             const ArticleLimits& limits,
                             absl::string_view field_prefix) {
  if (absl::Status clean = RejectNulBytes(article, absl::StrCat(field_prefix, "."));
      !clean.ok()) {
    return clean;
  }
  const std::string text_field = absl::StrCat(field_prefix, ".text");
  const std::string& text = article.text();
  if (text.size() > limits.max_text_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(text_field, " is ", text.size(), " bytes; the limit is ",
                     limits.max_text_bytes, " (--max_article_bytes)"));
  }
  if (absl::StripAsciiWhitespace(text).empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(text_field, " is required and must contain more than whitespace"));
  }
  if (std::optional<size_t> bad = FindInvalidUtf8(text); bad.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(
        text_field, " is not valid UTF-8 (invalid byte at offset ", *bad, ")"));
  }

  const claimtrack::type::v1::ArticleSource& source = article.source();
  const std::string source_field = absl::StrCat(field_prefix, ".source");
  const std::string url_field = absl::StrCat(source_field, ".url");
  if (absl::Status s = CheckString(source.url(), limits.max_url_bytes, url_field);
      !s.ok()) {
    return s;
  }
  if (!source.url().empty() && !IsAbsoluteHttpUrl(source.url())) {
    return absl::InvalidArgumentError(
        absl::StrCat(url_field, ": \"", source.url(),
                     "\" is not an absolute http(s) URL with a host "
                     "(e.g. \"https://example.com/news/1\")"));
  }
  if (absl::Status s = CheckString(source.publisher(), limits.max_publisher_bytes,
                                   absl::StrCat(source_field, ".publisher"));
      !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckString(source.title(), limits.max_title_bytes,
                                   absl::StrCat(source_field, ".title"));
      !s.ok()) {
    return s;
  }
  if (static_cast<size_t>(source.authors_size()) > limits.max_authors) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_field, ".authors has ", source.authors_size(),
                     " entries; the limit is ", limits.max_authors));
  }
  for (int i = 0; i < source.authors_size(); ++i) {
    if (absl::Status s = CheckString(source.authors(i), limits.max_author_bytes,
                                     absl::StrCat(source_field, ".authors[", i, "]"));
        !s.ok()) {
      return s;
    }
  }
  if (source.has_publish_time()) {
    const auto& time = source.publish_time();
    if (time.seconds() < kMinTimestampSeconds || time.seconds() > kMaxTimestampSeconds ||
        time.nanos() < 0 || time.nanos() > 999999999) {
      return absl::InvalidArgumentError(absl::StrCat(
          source_field, ".publish_time is not a valid timestamp (years 1 to 9999)"));
    }
  }
  return absl::OkStatus();
}

}  // namespace claimtrack::ingestion
