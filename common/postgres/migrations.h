#ifndef CLAIMTRACK_COMMON_POSTGRES_MIGRATIONS_H_
#define CLAIMTRACK_COMMON_POSTGRES_MIGRATIONS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "common/postgres/connection.h"

namespace claimtrack::postgres {

// One step of a component's schema: version N's SQL turns version N-1 into N.
struct Migration {
  int version;
  absl::string_view sql;
};

// Brings `component`'s schema (e.g. "ingestion") up to the last of
// `migrations` (versions 1, 2, ... in order), recording each step in the
// schema_migrations table. One transaction under an advisory lock, so
// replicas starting together migrate once. FAILED_PRECONDITION, naming both
// versions and `binary`, when the database is newer than this binary knows:
// an old binary must not write a schema it does not understand.
absl::Status Migrate(Connection& db, absl::string_view component,
                     absl::Span<const Migration> migrations, absl::string_view binary);

// The version schema_migrations records for `component` (0 if none).
absl::StatusOr<int> SchemaVersion(Connection& db, absl::string_view component);

}  // namespace claimtrack::postgres

#endif  // CLAIMTRACK_COMMON_POSTGRES_MIGRATIONS_H_
