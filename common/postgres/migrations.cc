#include "common/postgres/migrations.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace claimtrack::postgres {
namespace {

constexpr absl::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "  component TEXT NOT NULL,"
    "  version INTEGER NOT NULL,"
    "  applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),"
    "  PRIMARY KEY (component, version))";

absl::Status MigrateLocked(Connection& db, absl::string_view component,
                           absl::Span<const Migration> migrations, absl::string_view binary) {
  // Serialises every migrating replica (the lock ends with the transaction);
  // it also keeps two from racing to create schema_migrations.
  if (absl::StatusOr<Result> locked =
          db.Query("SELECT pg_advisory_xact_lock(hashtext('claimtrack.schema_migrations'))");
      !locked.ok()) {
    return locked.status();
  }
  if (absl::Status created = db.Exec(kCreateTable); !created.ok()) {
    return created;
  }
  absl::StatusOr<int> current = SchemaVersion(db, component);
  if (!current.ok()) {
    return current.status();
  }
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  if (*current > latest) {
    return absl::FailedPreconditionError(
        absl::StrCat("the database has ", component, " schema version ", *current,
                     ", newer than this binary's ", latest, "; run a newer ", binary));
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= *current) {
      continue;
    }
    if (absl::Status applied = db.Exec(migration.sql); !applied.ok()) {
      return absl::Status(applied.code(), absl::StrCat(component, " schema migration ",
                                                       migration.version, ": ", applied.message()));
    }
    if (absl::StatusOr<Result> recorded =
            db.Query("INSERT INTO schema_migrations (component, version) VALUES ($1, $2)",
                     {std::string(component), absl::StrCat(migration.version)});
        !recorded.ok()) {
      return recorded.status();
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<int> SchemaVersion(Connection& db, absl::string_view component) {
  absl::StatusOr<Result> version =
      db.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE component = $1",
               {std::string(component)});
  if (!version.ok()) {
    return version.status();
  }
  return static_cast<int>(version->Int(0, 0));
}

absl::Status Migrate(Connection& db, absl::string_view component,
                     absl::Span<const Migration> migrations, absl::string_view binary) {
  if (absl::Status begun = db.Exec("BEGIN"); !begun.ok()) {
    return begun;
  }
  absl::Status migrated = MigrateLocked(db, component, migrations, binary);
  if (!migrated.ok()) {
    db.Exec("ROLLBACK").IgnoreError();
    return migrated;
  }
  return db.Commit();
}

}  // namespace claimtrack::postgres
