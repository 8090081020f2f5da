#ifndef CLAIMTRACK_CLI_INPUT_FILES_H_
#define CLAIMTRACK_CLI_INPUT_FILES_H_

// Turns the paths given to `claimtrack ingest` into the list of articles to
// send, before anything is read or sent, so a typo fails the whole command
// instead of half-ingesting a folder.

#include <istream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace claimtrack::cli {

// The path that stands for standard input.
inline constexpr char kStdinPath[] = "-";

// Expands `paths` in the order given: a regular file stands for itself
// (hidden or not: it was named); a folder for every regular file below it,
// recursively, sorted by path, skipping hidden files and folders (".git",
// ".DS_Store") and not following symlinked folders; "-" for stdin. No paths
// means stdin. Errors: NOT_FOUND for a missing path, INVALID_ARGUMENT for
// "-" given twice, for something that is neither file nor folder, or for a
// folder with no files.
absl::StatusOr<std::vector<std::string>> CollectInputs(
    const std::vector<std::string>& paths);

// The whole content of `path` ("-" reads `stdin`).
absl::StatusOr<std::string> ReadInput(const std::string& path,
                                      std::istream& stdin_stream);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_INPUT_FILES_H_
