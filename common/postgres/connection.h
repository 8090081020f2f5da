#ifndef CLAIMTRACK_COMMON_POSTGRES_CONNECTION_H_
#define CLAIMTRACK_COMMON_POSTGRES_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

// libpq's types, kept out of every includer's namespace.
struct pg_conn;
struct pg_result;

namespace claimtrack::postgres {

// One query parameter in libpq's text format; nullopt is SQL NULL.
using Param = std::optional<std::string>;

// The rows of one query (a PGresult, freed with the Result).
class Result {
 public:
  explicit Result(pg_result* result) : result_(result) {}
  Result(Result&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  Result& operator=(Result&& other) noexcept;
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  ~Result();

  int rows() const;
  // Rows an INSERT/UPDATE/DELETE touched.
  int64_t affected() const;
  bool IsNull(int row, int column) const;
  std::string Text(int row, int column) const;
  // 0 for NULL.
  int64_t Int(int row, int column) const;

 private:
  pg_result* result_;
};

// One libpq connection (RAII). Not thread-safe: one thread at a time.
// Statements run through Query are prepared once per connection and reused.
// A connection that broke stays broken (every call fails) until its owner
// calls EnsureConnected at a safe point: never inside a transaction, whose
// earlier statements the server has already rolled back.
class Connection {
 public:
  // `conninfo` is a libpq connection string or URI. A non-empty `dbname`
  // replaces the database it names (tests use one database per test).
  static absl::StatusOr<std::unique_ptr<Connection>> Open(const std::string& conninfo,
                                                          const std::string& dbname = "");
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql` (one or more statements, no parameters, no rows wanted).
  absl::Status Exec(absl::string_view sql);
  // COMMIT of the open transaction; ABORTED if the server rolled it back
  // instead (a transaction in error answers COMMIT with ROLLBACK).
  absl::Status Commit();
  // Runs one statement with $1..$n bound to `params`.
  absl::StatusOr<Result> Query(absl::string_view sql, const std::vector<Param>& params = {});

  // Reconnects a connection the server closed (forgetting its prepared
  // statements); OK at once if it is fine.
  absl::Status EnsureConnected();

  // False once the server closed the connection.
  bool connected() const;

  // "database D on host:port", for logs: never the password.
  std::string Describe() const;

 private:
  Connection(pg_conn* conn, std::string conninfo, std::string dbname)
      : conn_(conn), conninfo_(std::move(conninfo)), dbname_(std::move(dbname)) {}
  absl::Status CheckConnected() const;

  pg_conn* conn_;
  const std::string conninfo_;
  const std::string dbname_;
  // SQL text -> name of its prepared statement on this connection.
  absl::flat_hash_map<std::string, std::string> prepared_;
};

// A status for a failed result: the SQLSTATE class decides the code
// (connection trouble UNAVAILABLE, serialization or deadlock ABORTED,
// constraint violations FAILED_PRECONDITION, the rest INTERNAL).
absl::Status ErrorStatus(absl::string_view sqlstate, absl::string_view message);

}  // namespace claimtrack::postgres

#endif  // CLAIMTRACK_COMMON_POSTGRES_CONNECTION_H_
