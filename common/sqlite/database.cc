#include "common/sqlite/database.h"

#include <filesystem>

#include <sqlite3.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/sqlite/wal_write_batching.h"

namespace claimtrack::sqlite {

absl::Status SqliteError(sqlite3* db, int rc, absl::string_view what) {
  std::string message = absl::StrCat(what, ": ", sqlite3_errstr(rc));
  if (db != nullptr && sqlite3_errmsg(db) != nullptr) {
    absl::StrAppend(&message, " (", sqlite3_errmsg(db), ")");
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return absl::UnavailableError(message);
    case SQLITE_CONSTRAINT:
      return absl::AlreadyExistsError(message);
    case SQLITE_FULL:
      return absl::ResourceExhaustedError(message);
    default:
      return absl::InternalError(message);
  }
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      bind_status_(std::move(other.bind_status_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_status_ = std::move(other.bind_status_);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::NoteBindResult(int rc) {
  if (rc != SQLITE_OK && bind_status_.ok()) {
    bind_status_ = SqliteError(db_, rc, "binding a parameter");
  }
}

Statement& Statement::Bind(int index, int64_t value) {
  NoteBindResult(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  NoteBindResult(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

Statement& Statement::Bind(int index, absl::string_view value) {
  // SQLITE_TRANSIENT copies the bytes: callers may pass temporaries.
  NoteBindResult(sqlite3_bind_text64(stmt_, index, value.data(), value.size(),
                                     SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::BindBlob(int index, absl::string_view bytes) {
  NoteBindResult(
      sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::BindNull(int index) {
  NoteBindResult(sqlite3_bind_null(stmt_, index));
  return *this;
}

absl::StatusOr<bool> Statement::Step() {
  if (!bind_status_.ok()) {
    return bind_status_;
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  return SqliteError(db_, rc, sqlite3_sql(stmt_));
}

absl::Status Statement::Run() {
  while (true) {
    absl::StatusOr<bool> row = Step();
    if (!row.ok()) {
      return row.status();
    }
    if (!*row) {
      return absl::OkStatus();
    }
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_status_ = absl::OkStatus();
}

int64_t Statement::ColumnInt(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::ColumnDouble(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::ColumnText(int column) const {
  const auto* text =
      reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) {
    return "";
  }
  return std::string(text, sqlite3_column_bytes(stmt_, column));
}

std::string Statement::ColumnBlob(int column) const {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  if (bytes == nullptr) {
    return "";
  }
  return std::string(bytes, sqlite3_column_bytes(stmt_, column));
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

namespace {

// Process-wide settings, made once before the first connection opens
// (sqlite3_config is refused after sqlite3_initialize). Memory statistics
// off: with them on, every allocation SQLite makes takes a global mutex to
// count it, on every thread -- nothing here reads the counts.
void ConfigureSqliteOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                         Options options) {
  ConfigureSqliteOnce();
  sqlite3* db = nullptr;
  const int flags = (options.read_only ? SQLITE_OPEN_READONLY
                                       : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  // Writers gather each commit's WAL writes into a few system calls (see
  // wal_write_batching.h); that is safe only with synchronous=FULL below.
  const bool batching = !options.read_only && options.batch_wal_writes;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags,
                                 batching ? WalWriteBatchingVfs() : nullptr);
  if (rc != SQLITE_OK) {
    absl::Status status = SqliteError(db, rc, absl::StrCat("opening ", path));
    sqlite3_close(db);
    return status;
  }
  std::unique_ptr<Database> database(new Database(db));
  // A writer holding the lock (a group commit in progress) makes readers wait
  // briefly instead of failing.
  sqlite3_busy_timeout(db, 5000);
  // WAL: readers never block the writer; synchronous=FULL: a commit is on
  // disk before it returns, so an acknowledged write survives a crash.
  //
  // temp_store=MEMORY keeps savepoint journals in memory: the group committer
  // runs every write in a SAVEPOINT, and SQLite otherwise spills a savepoint
  // touching more than 64 KiB of pages (a document's claims, variant bands
  // and search terms do) to a temporary file, page by page -- a quarter of
  // the verification writer's time before this.
  //
  // wal_autocheckpoint=10000 (40 MiB of WAL at 4 KiB pages, instead of 4 MiB):
  // a checkpoint copies each page once however often it changed since the
  // last one, so rarer checkpoints write the hot index pages far fewer times
  // (~25% more recorded articles/s end to end in claimtrack-bench). Recovery
  // after a crash replays at most that much WAL.
  absl::Status status = database->Exec(
      options.read_only ? "PRAGMA foreign_keys=ON;"
                        : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                          "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; "
                          "PRAGMA wal_autocheckpoint=10000;");
  if (!status.ok()) {
    return status;
  }
  return database;
}

Database::~Database() { sqlite3_close_v2(db_); }

std::string Database::FileName() const {
  const char* path = sqlite3_db_filename(db_, "main");
  return path == nullptr ? "" : std::filesystem::path(path).filename().string();
}

absl::Status Database::Exec(absl::string_view sql) {
  const std::string copy(sql);
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    absl::Status status = SqliteError(db_, rc, error != nullptr ? error : copy);
    sqlite3_free(error);
    return status;
  }
  return absl::OkStatus();
}

absl::StatusOr<Statement> Database::Prepare(absl::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()),
                                    &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return SqliteError(db_, rc, sql);
  }
  return Statement(db_, stmt);
}

int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int64_t Database::ChangedRows() const { return sqlite3_changes64(db_); }

}  // namespace claimtrack::sqlite
