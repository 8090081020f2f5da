#ifndef CLAIMTRACK_COMMON_SQLITE_DATABASE_H_
#define CLAIMTRACK_COMMON_SQLITE_DATABASE_H_

#include <cstdint>
#include <memory>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/status.h"
#include "absl/status/statusor.h"

struct sqlite3;
struct sqlite3_stmt;

namespace claimtrack::sqlite {

// A prepared statement. Bind parameters (1-based, as in SQLite), then Step()
// through the rows. Binding errors are kept and reported by Step()/Run(), so
// call sites can chain binds without checking each one.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, int64_t{value}); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, absl::string_view value);
  Statement& Bind(int index, const char* value) {
    return Bind(index, absl::string_view(value));
  }
  Statement& Bind(int index, const std::string& value) {
    return Bind(index, absl::string_view(value));
  }
  // Binds raw bytes (serialised protos and the like) as a BLOB.
  Statement& BindBlob(int index, absl::string_view bytes);
  Statement& BindNull(int index);

  // Advances to the next row: true when a row is available, false when done.
  absl::StatusOr<bool> Step();
  // Steps until done, for statements that return no rows.
  absl::Status Run();
  // Resets to run again with new bindings.
  void Reset();

  int64_t ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;
  std::string ColumnBlob(int column) const;
  bool ColumnIsNull(int column) const;

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  void NoteBindResult(int rc);

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  absl::Status bind_status_;
};

// One SQLite connection, opened in WAL mode with synchronous=FULL so that a
// committed transaction survives power loss. Not thread-safe: give each
// thread its own connection (WAL lets readers run beside the one writer).
class Database {
 public:
  struct Options {
    bool read_only = false;
    // A writer's WAL writes go out in a few system calls per commit
    // (wal_write_batching.h). Off only to measure what that saves
    // (claimtrack-wal-bench).
    bool batch_wal_writes = true;
  };

  static absl::StatusOr<std::unique_ptr<Database>> Open(const std::string& path,
                                                        Options options);
  static absl::StatusOr<std::unique_ptr<Database>> Open(const std::string& path) {
    return Open(path, Options{});
  }
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more SQL statements that return no rows.
  absl::Status Exec(absl::string_view sql);
  absl::StatusOr<Statement> Prepare(absl::string_view sql);

  int64_t LastInsertRowId() const;
  int64_t ChangedRows() const;
  // The database file's name without its folder ("ingestion.db").
  std::string FileName() const;

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// Maps a SQLite result code to a status with `what` as context.
absl::Status SqliteError(sqlite3* db, int rc, absl::string_view what);

}  // namespace claimtrack::sqlite

#endif  // CLAIMTRACK_COMMON_SQLITE_DATABASE_H_
