#include "cli/input_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace claimtrack::cli {
namespace {

namespace fs = std::filesystem;

bool IsHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

absl::Status ExpandFolder(const fs::path& folder,
                          std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::none,
                                      error);
  if (error) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot read folder ", folder.string(), ": ", error.message()));
  }
  for (const fs::recursive_directory_iterator end; it != end;
       it.increment(error)) {
    if (error) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cannot read folder ", folder.string(), ": ", error.message()));
    }
    if (IsHidden(it->path())) {
      if (it->is_directory(error)) {
        it.disable_recursion_pending();
      }
      continue;
    }
    // is_regular_file follows a symlink to a file, which is what a user who
    // links articles into a folder expects; symlinked folders are not
    // entered (directory_options::none), so there are no cycles.
    if (it->is_regular_file(error)) {
      files.push_back(it->path().string());
    }
  }
  if (files.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("folder ", folder.string(),
                     " has no files to ingest (hidden files are skipped)"));
  }
  std::sort(files.begin(), files.end());
  inputs.insert(inputs.end(), std::make_move_iterator(files.begin()),
                std::make_move_iterator(files.end()));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<std::string>> CollectInputs(
    const std::vector<std::string>& paths) {
  if (paths.empty()) {
    return std::vector<std::string>{kStdinPath};
  }
  std::vector<std::string> inputs;
  bool saw_stdin = false;
  for (const std::string& path : paths) {
    if (path == kStdinPath) {
      if (saw_stdin) {
        return absl::InvalidArgumentError(
            "\"-\" (standard input) can be given only once");
      }
      saw_stdin = true;
      inputs.push_back(path);
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) {
      return absl::NotFoundError(
          absl::StrCat("no such file or folder: ", path));
    }
    if (fs::is_directory(status)) {
      if (absl::Status expanded = ExpandFolder(path, inputs); !expanded.ok()) {
        return expanded;
      }
    } else if (fs::is_regular_file(status)) {
      inputs.push_back(path);
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat(path, " is neither a regular file nor a folder"));
    }
  }
  return inputs;
}

absl::StatusOr<std::string> ReadInput(const std::string& path,
                                      std::istream& stdin_stream) {
  if (path == kStdinPath) {
    std::ostringstream content;
    content << stdin_stream.rdbuf();
    if (stdin_stream.bad()) {
      return absl::InternalError("cannot read standard input");
    }
    return content.str();
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return absl::NotFoundError(absl::StrCat("cannot open ", path));
  }
  std::string content((std::istreambuf_iterator<char>(file)),
                      std::istreambuf_iterator<char>());
  if (file.bad()) {
    return absl::InternalError(absl::StrCat("cannot read ", path));
  }
  return content;
}

}  // namespace claimtrack::cli
