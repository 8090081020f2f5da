#ifndef CLAIMTRACK_COMMON_POSTGRES_TEST_DATABASE_H_
#define CLAIMTRACK_COMMON_POSTGRES_TEST_DATABASE_H_

#include <string>

#include "absl/status/statusor.h"

namespace claimtrack::postgres {

// The server tests may use: CLAIMTRACK_TEST_DATABASE_URL (set by
// scripts/with-postgres.sh), or "" when there is none.
std::string TestDatabaseUrl();

// The message of a test skipped for want of a server.
inline constexpr char kNoTestDatabase[] =
    "CLAIMTRACK_TEST_DATABASE_URL is not set: run under scripts/with-postgres.sh "
    "(scripts/test.sh does) to test against PostgreSQL";

// Drops and creates a database of its own for `key` (e.g. the test's full
// name) on the server at `url`; returns its name. Tests running in parallel
// each get their own, so they never see one another's rows.
absl::StatusOr<std::string> CreateTestDatabase(const std::string& url, const std::string& key);

// `url` with its database replaced by `dbname`, as a keyword/value
// connection string (for a child process's --database_url).
absl::StatusOr<std::string> WithDatabase(const std::string& url, const std::string& dbname);

}  // namespace claimtrack::postgres

#endif  // CLAIMTRACK_COMMON_POSTGRES_TEST_DATABASE_H_
