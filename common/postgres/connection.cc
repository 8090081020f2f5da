#include "common/postgres/connection.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace claimtrack::postgres {
namespace {

absl::Status ResultStatus(PGresult* result, PGconn* conn) {
  if (result == nullptr) {
    return absl::UnavailableError(
        absl::StrCat("postgres: ", absl::StripTrailingAsciiWhitespace(PQerrorMessage(conn))));
  }
  const ExecStatusType status = PQresultStatus(result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    return absl::OkStatus();
  }
  const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  return ErrorStatus(sqlstate == nullptr ? "" : sqlstate,
                     absl::StripTrailingAsciiWhitespace(PQresultErrorMessage(result)));
}

PGconn* Connect(const std::string& conninfo, const std::string& dbname) {
  // expand_dbname: the first "dbname" is the whole connection string; a later
  // one overrides the database it names.
  const char* keywords[] = {"dbname", dbname.empty() ? nullptr : "dbname", nullptr};
  const char* values[] = {conninfo.c_str(), dbname.empty() ? nullptr : dbname.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (conn != nullptr) {
    // NOTICEs ("relation ... already exists, skipping") are expected
    // chatter of idempotent statements, not news for stderr.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
  }
  return conn;
}

}  // namespace

absl::Status ErrorStatus(absl::string_view sqlstate, absl::string_view message) {
  const std::string text = absl::StrCat("postgres: ", message);
  if (absl::StartsWith(sqlstate, "08") || absl::StartsWith(sqlstate, "57P") || sqlstate.empty()) {
    return absl::UnavailableError(text);
  }
  if (sqlstate == "40001" || sqlstate == "40P01") {
    return absl::AbortedError(text);
  }
  if (absl::StartsWith(sqlstate, "23")) {
    return absl::FailedPreconditionError(text);
  }
  return absl::InternalError(text);
}

Result& Result::operator=(Result&& other) noexcept {
  if (this != &other) {
    if (result_ != nullptr) {
      PQclear(result_);
    }
    result_ = other.result_;
    other.result_ = nullptr;
  }
  return *this;
}

Result::~Result() {
  if (result_ != nullptr) {
    PQclear(result_);
  }
}

int Result::rows() const { return PQntuples(result_); }

int64_t Result::affected() const {
  const char* count = PQcmdTuples(result_);
  return count[0] == '\0' ? 0 : std::strtoll(count, nullptr, 10);
}

bool Result::IsNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }

std::string Result::Text(int row, int column) const {
  return std::string(PQgetvalue(result_, row, column),
                     static_cast<size_t>(PQgetlength(result_, row, column)));
}

int64_t Result::Int(int row, int column) const {
  return IsNull(row, column) ? 0 : std::strtoll(PQgetvalue(result_, row, column), nullptr, 10);
}

absl::StatusOr<std::unique_ptr<Connection>> Connection::Open(const std::string& conninfo,
                                                             const std::string& dbname) {
  PGconn* conn = Connect(conninfo, dbname);
  if (conn == nullptr) {
    return absl::ResourceExhaustedError("postgres: out of memory opening a connection");
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    absl::Status error = absl::UnavailableError(absl::StrCat(
        "postgres: cannot connect: ", absl::StripTrailingAsciiWhitespace(PQerrorMessage(conn))));
    PQfinish(conn);
    return error;
  }
  return std::unique_ptr<Connection>(new Connection(conn, conninfo, dbname));
}

Connection::~Connection() { PQfinish(conn_); }

absl::Status Connection::EnsureConnected() {
  if (PQstatus(conn_) == CONNECTION_OK) {
    return absl::OkStatus();
  }
  prepared_.clear();
  PQfinish(conn_);
  conn_ = Connect(conninfo_, dbname_);
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    return absl::UnavailableError(
        absl::StrCat("postgres: reconnecting failed: ",
                     conn_ == nullptr ? "out of memory"
                                      : absl::StripTrailingAsciiWhitespace(PQerrorMessage(conn_))));
  }
  return absl::OkStatus();
}

bool Connection::connected() const { return PQstatus(conn_) == CONNECTION_OK; }

absl::Status Connection::CheckConnected() const {
  if (PQstatus(conn_) == CONNECTION_OK) {
    return absl::OkStatus();
  }
  return absl::UnavailableError("postgres: the connection to the server was lost");
}

absl::Status Connection::Exec(absl::string_view sql) {
  if (absl::Status connected = CheckConnected(); !connected.ok()) {
    return connected;
  }
  PGresult* raw = PQexec(conn_, std::string(sql).c_str());
  Result owner(raw);
  return ResultStatus(raw, conn_);
}

absl::Status Connection::Commit() {
  if (absl::Status connected = CheckConnected(); !connected.ok()) {
    return connected;
  }
  PGresult* raw = PQexec(conn_, "COMMIT");
  Result owner(raw);
  if (absl::Status status = ResultStatus(raw, conn_); !status.ok()) {
    return status;
  }
  if (absl::string_view(PQcmdStatus(raw)) != "COMMIT") {
    return absl::AbortedError("postgres: the transaction was rolled back, not committed");
  }
  return absl::OkStatus();
}

absl::StatusOr<Result> Connection::Query(absl::string_view sql, const std::vector<Param>& params) {
  if (absl::Status connected = CheckConnected(); !connected.ok()) {
    return connected;
  }
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = absl::StrCat("s", prepared_.size() + 1);
    PGresult* raw = PQprepare(conn_, name.c_str(), std::string(sql).c_str(),
                              static_cast<int>(params.size()), nullptr);
    Result owner(raw);
    if (absl::Status prepared = ResultStatus(raw, conn_); !prepared.ok()) {
      return prepared;
    }
    it = prepared_.emplace(std::string(sql), std::move(name)).first;
  }
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& param : params) {
    values.push_back(param.has_value() ? param->c_str() : nullptr);
  }
  PGresult* raw = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()),
                                 values.data(), nullptr, nullptr, /*resultFormat=*/0);
  Result result(raw);
  if (absl::Status status = ResultStatus(raw, conn_); !status.ok()) {
    return status;
  }
  return result;
}

std::string Connection::Describe() const {
  return absl::StrCat("database ", PQdb(conn_), " on ", PQhost(conn_), ":", PQport(conn_));
}

}  // namespace claimtrack::postgres
