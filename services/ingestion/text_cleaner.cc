#include "services/ingestion/text_cleaner.h"

#include <cstddef>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"

namespace claimtrack::ingestion {
namespace {

// Longer lines are prose, whatever they contain.
constexpr size_t kMaxBoilerplateLineBytes = 120;

// Words that make up share/social button rows ("Share on Facebook",
// "Tweet | Email | Print").
constexpr absl::string_view kSocialWords[] = {
    "share",   "this",    "article",  "story",    "page",      "on",
    "via",     "to",      "facebook", "twitter",  "x",         "linkedin",
    "email",   "e-mail",  "print",    "whatsapp", "tweet",     "pinterest",
    "reddit",  "copy",    "link",     "telegram", "messenger", "flipboard",
    "bluesky", "threads", "mail",     "comments", "comment",   "save",
};

// Words that, alone or with other social words, mark a button row.
constexpr absl::string_view kSocialAnchors[] = {
    "share",     "tweet",  "facebook", "twitter",   "linkedin", "whatsapp",
    "pinterest", "reddit", "telegram", "flipboard", "bluesky",
};

constexpr absl::string_view kExactLines[] = {
    "advertisement",
    "advertisement - scroll to continue",
    "advertisement - scroll to continue reading",
    "scroll to continue with content",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "sponsored",
    "sponsored content",
    "read more",
    "related",
    "related articles",
    "related stories",
    "related content",
    "more stories",
    "recommended",
    "recommended stories",
    "print",
    "email",
    "copy link",
    "link copied",
};

constexpr absl::string_view kLinePrefixes[] = {
    "read more:",
    "read more -",
    "read more about",
    "related:",
    "also read:",
    "read also:",
    "see also:",
    "more:",
    "recommended:",
    "most read:",
    "sign up for our newsletter",
    "sign up to our newsletter",
    "subscribe to our newsletter",
    "sign up for the newsletter",
    "get our newsletter",
    "join our newsletter",
    "follow us on",
    "click here to subscribe",
};

bool IsWordChar(char c) { return absl::ascii_isalnum(c) || c == '-'; }

bool Contains(absl::Span<const absl::string_view> list, absl::string_view word) {
  for (absl::string_view item : list) {
    if (item == word) {
      return true;
    }
  }
  return false;
}

// "Share.", "Share this article", "Share on Facebook Share on Twitter",
// "Tweet | Email": every word is a social word and one is an anchor.
bool IsSocialButtonRow(absl::string_view lower) {
  bool any_anchor = false;
  bool any_word = false;
  size_t i = 0;
  while (i < lower.size()) {
    if (!IsWordChar(lower[i])) {
      const char c = lower[i];
      // Separators between buttons; anything else (digits are words) means
      // this is not a button row.
      if (c != ' ' && c != '\t' && c != '.' && c != '|' && c != ',' && c != ':' &&
          c != '/' && c != '!' && static_cast<unsigned char>(c) < 0x80) {
        return false;
      }
      if (static_cast<unsigned char>(c) >= 0x80) {
        // Allow the bullet "\u2022" and middle dot "\u00b7" as separators.
        const absl::string_view rest = lower.substr(i);
        if (absl::StartsWith(rest, "\xe2\x80\xa2")) {
          i += 3;
          continue;
        }
        if (absl::StartsWith(rest, "\xc2\xb7")) {
          i += 2;
          continue;
        }
        return false;
      }
      ++i;
      continue;
    }
    size_t end = i;
    while (end < lower.size() && IsWordChar(lower[end])) {
      ++end;
    }
    const absl::string_view word = lower.substr(i, end - i);
    if (!Contains(kSocialWords, word)) {
      return false;
    }
    any_word = true;
    any_anchor = any_anchor || Contains(kSocialAnchors, word);
    i = end;
  }
  return any_word && any_anchor;
}

bool HasYearAt(absl::string_view s) {
  return s.size() >= 4 && absl::ascii_isdigit(s[0]) && absl::ascii_isdigit(s[1]) &&
         absl::ascii_isdigit(s[2]) && absl::ascii_isdigit(s[3]);
}

// "2025 © Network Today. All Rights Reserved.", "Copyright 2024 Foo",
// "© 2024 Foo Media", "(c) Foo. All rights reserved".
bool IsCopyrightLine(absl::string_view lower) {
  if (absl::StrContains(lower, "all rights reserved")) {
    return true;
  }
  absl::string_view rest = lower;
  if (absl::ConsumePrefix(&rest, "copyright")) {
    rest = absl::StripLeadingAsciiWhitespace(rest);
    absl::ConsumePrefix(&rest, "\xc2\xa9");
    absl::ConsumePrefix(&rest, "(c)");
    return HasYearAt(absl::StripLeadingAsciiWhitespace(rest));
  }
  if (absl::StartsWith(lower, "\xc2\xa9") || absl::StartsWith(lower, "(c) ")) {
    return true;
  }
  // "2025 © Network Today".
  if (HasYearAt(lower)) {
    rest = absl::StripLeadingAsciiWhitespace(lower.substr(4));
    return absl::StartsWith(rest, "\xc2\xa9") || absl::StartsWith(rest, "(c)");
  }
  return false;
}

// Strips one trailing run of ASCII spaces and tabs (not other whitespace:
// form feeds and the like are kept as written).
absl::string_view StripTrailingBlanks(absl::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  return line;
}

bool IsBlank(absl::string_view line) { return absl::StripAsciiWhitespace(line).empty(); }

}  // namespace

bool IsBoilerplateLine(absl::string_view line) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
  if (trimmed.empty() || trimmed.size() > kMaxBoilerplateLineBytes) {
    return false;
  }
  const std::string lower = absl::AsciiStrToLower(trimmed);
  absl::string_view without_period = lower;
  while (absl::ConsumeSuffix(&without_period, ".") ||
         absl::ConsumeSuffix(&without_period, ":")) {
  }
  if (Contains(kExactLines, without_period)) {
    return true;
  }
  for (absl::string_view prefix : kLinePrefixes) {
    if (absl::StartsWith(lower, prefix)) {
      return true;
    }
  }
  return IsSocialButtonRow(lower) || IsCopyrightLine(lower);
}

CleanedText CleanArticleText(absl::string_view original) {
  // Normalise line endings first so that every later step sees LF only.
  std::string normalised;
  normalised.reserve(original.size());
  for (size_t i = 0; i < original.size(); ++i) {
    const char c = original[i];
    if (c == '\r') {
      normalised.push_back('\n');
      if (i + 1 < original.size() && original[i + 1] == '\n') {
        ++i;
      }
    } else {
      normalised.push_back(c);
    }
  }

  CleanedText result;
  result.text.reserve(normalised.size());
  // Blank lines seen since the last kept line; emitted as at most one, and
  // only once a following non-blank line shows they are not trailing.
  bool pending_blank = false;
  bool any_kept = false;
  for (absl::string_view raw : absl::StrSplit(normalised, '\n')) {
    const absl::string_view line = StripTrailingBlanks(raw);
    if (IsBlank(line)) {
      pending_blank = any_kept;
      continue;
    }
    if (IsBoilerplateLine(line)) {
      result.removed_boilerplate.emplace_back(absl::StripAsciiWhitespace(line));
      continue;
    }
    if (any_kept) {
      result.text.push_back('\n');
      if (pending_blank) {
        result.text.push_back('\n');
      }
    }
    result.text.append(line.data(), line.size());
    any_kept = true;
    pending_blank = false;
  }
  return result;
}

}  // namespace claimtrack::ingestion
