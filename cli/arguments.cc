#include "cli/arguments.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/api/timestamps.h"

namespace claimtrack::cli {

absl::StatusOr<absl::Duration> ParseTimeout(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  absl::Duration timeout;
  double seconds = 0;
  if (absl::SimpleAtod(text, &seconds)) {
    timeout = absl::Seconds(seconds);
  } else if (!absl::ParseDuration(text, &timeout)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--timeout: \"", text,
                     "\" is not a duration (examples: 30, 30s, 2m, 500ms)"));
  }
  if (timeout <= absl::ZeroDuration() || timeout == absl::InfiniteDuration()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--timeout: \"", text, "\" must be positive and finite"));
  }
  return timeout;
}

absl::StatusOr<google::protobuf::Timestamp> ParsePublishTime(
    absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  absl::Time time;
  std::string error;
  if (absl::ParseTime(absl::RFC3339_full, text, &time, &error) ||
      absl::ParseTime("%Y-%m-%d", text, absl::UTCTimeZone(), &time, &error)) {
    return ToProtoTimestamp(time);
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "--published: \"", text,
      "\" is not an RFC 3339 time (2024-05-01T12:00:00Z) or a date "
      "(2024-05-01)"));
}

absl::StatusOr<verification::v1::Evidence> ParseEvidence(
    absl::string_view text) {
  // Find the separator by walking the URL: before '?' any '=' separates; in
  // the query a '=' separates only if its parameter already had one; after
  // '#' any '=' separates.
  size_t separator = absl::string_view::npos;
  enum class Part { kPath, kQueryKey, kQueryValue, kFragment };
  Part part = Part::kPath;
  for (size_t i = 0; i < text.size() && separator == absl::string_view::npos;
       ++i) {
    const char c = text[i];
    switch (part) {
      case Part::kPath:
        if (c == '=') {
          separator = i;
        } else if (c == '?') {
          part = Part::kQueryKey;
        } else if (c == '#') {
          part = Part::kFragment;
        }
        break;
      case Part::kQueryKey:
        if (c == '=') {
          part = Part::kQueryValue;
        } else if (c == '#') {
          part = Part::kFragment;
        }
        break;
      case Part::kQueryValue:
        if (c == '=') {
          separator = i;
        } else if (c == '&') {
          part = Part::kQueryKey;
        } else if (c == '#') {
          part = Part::kFragment;
        }
        break;
      case Part::kFragment:
        if (c == '=') {
          separator = i;
        }
        break;
    }
  }
  verification::v1::Evidence evidence;
  absl::string_view url = text.substr(0, separator);
  url = absl::StripAsciiWhitespace(url);
  if (separator != absl::string_view::npos) {
    evidence.set_description(
        std::string(absl::StripAsciiWhitespace(text.substr(separator + 1))));
  }
  if (!absl::StartsWithIgnoreCase(url, "http://") &&
      !absl::StartsWithIgnoreCase(url, "https://")) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--evidence: \"", url,
        "\" is not an http(s) URL (form: URL or URL=DESCRIPTION)"));
  }
  evidence.set_url(std::string(url));
  return evidence;
}

std::string QualifyName(absl::string_view name, absl::string_view collection) {
  name = absl::StripAsciiWhitespace(name);
  if (absl::StrContains(name, '/')) {
    return std::string(name);
  }
  return absl::StrCat(collection, "/", name);
}

}  // namespace claimtrack::cli
