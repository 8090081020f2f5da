#include "common/postgres/test_database.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "common/postgres/connection.h"
#include "common/text/sha256.h"

namespace claimtrack::postgres {

std::string TestDatabaseUrl() {
  const char* url = std::getenv("CLAIMTRACK_TEST_DATABASE_URL");
  return url == nullptr ? "" : url;
}

absl::StatusOr<std::string> CreateTestDatabase(const std::string& url, const std::string& key) {
  // A hash: test names can be longer than an identifier (63 bytes) may be.
  const std::string name = absl::StrCat("test_", Sha256Hex(key).substr(0, 20));
  absl::StatusOr<std::unique_ptr<Connection>> admin = Connection::Open(url);
  if (!admin.ok()) {
    return admin.status();
  }
  if (absl::Status dropped =
          (*admin)->Exec(absl::StrCat("DROP DATABASE IF EXISTS ", name, " WITH (FORCE)"));
      !dropped.ok()) {
    return dropped;
  }
  if (absl::Status created = (*admin)->Exec(absl::StrCat("CREATE DATABASE ", name));
      !created.ok()) {
    return created;
  }
  return name;
}

absl::StatusOr<std::string> WithDatabase(const std::string& url, const std::string& dbname) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    std::string message = error == nullptr ? "out of memory" : error;
    PQfreemem(error);
    return absl::InvalidArgumentError(absl::StrCat("bad connection string: ", message));
  }
  std::vector<std::string> parts;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    const std::string keyword = option->keyword;
    if (keyword == "dbname" || option->val == nullptr) {
      continue;
    }
    const std::string value = absl::StrReplaceAll(option->val, {{"\\", "\\\\"}, {"'", "\\'"}});
    parts.push_back(absl::StrCat(keyword, "='", value, "'"));
  }
  PQconninfoFree(options);
  parts.push_back(absl::StrCat("dbname='", dbname, "'"));
  return absl::StrJoin(parts, " ");
}

}  // namespace claimtrack::postgres
