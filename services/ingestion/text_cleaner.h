#ifndef CLAIMTRACK_SERVICES_INGESTION_TEXT_CLEANER_H_
#define CLAIMTRACK_SERVICES_INGESTION_TEXT_CLEANER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace claimtrack::ingestion {

// The text every statement span indexes into, and what was taken out.
struct CleanedText {
  std::string text;
  // Whole lines removed as boilerplate, in order, without surrounding spaces.
  std::vector<std::string> removed_boilerplate;
};

// Cleans an article as received:
// - CRLF and lone CR become LF; trailing spaces and tabs on each line go;
// - short standalone lines that are page furniture (share buttons, copyright
//   footers, "Advertisement", "Read more: ...", newsletter prompts) go;
// - runs of blank lines become one blank line; leading and trailing blank
//   lines go (the result has no trailing newline).
// Every other byte stays as it was, so quotes found in the cleaned text are
// exact substrings of what the publisher wrote.
CleanedText CleanArticleText(absl::string_view original);

// True when `line` (one line, no newline) is boilerplate on its own. Only
// short lines qualify: a sentence inside a paragraph is never boilerplate.
bool IsBoilerplateLine(absl::string_view line);

}  // namespace claimtrack::ingestion

#endif  // CLAIMTRACK_SERVICES_INGESTION_TEXT_CLEANER_H_
