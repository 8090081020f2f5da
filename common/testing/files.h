#ifndef CLAIMTRACK_COMMON_TESTING_FILES_H_
#define CLAIMTRACK_COMMON_TESTING_FILES_H_

#include <fstream>
#include <sstream>
#include <string>

namespace claimtrack::testing {

// The whole file as bytes; empty if it cannot be read (the test's own
// assertions on the content then say what was missing).
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace claimtrack::testing

#endif  // CLAIMTRACK_COMMON_TESTING_FILES_H_
