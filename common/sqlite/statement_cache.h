#ifndef CLAIMTRACK_COMMON_SQLITE_STATEMENT_CACHE_H_
#define CLAIMTRACK_COMMON_SQLITE_STATEMENT_CACHE_H_

#include <memory>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/sqlite/database.h"

namespace claimtrack::sqlite {

// A prepared statement borrowed from a StatementCache. Resets on release, so
// a half-read SELECT never keeps a read snapshot (and the WAL) pinned.
class CachedStatement {
 public:
  explicit CachedStatement(Statement* statement) : statement_(statement) {}
  CachedStatement(CachedStatement&& other) noexcept
      : statement_(std::exchange(other.statement_, nullptr)) {}
  CachedStatement& operator=(CachedStatement&&) = delete;
  CachedStatement(const CachedStatement&) = delete;
  ~CachedStatement() {
    if (statement_ != nullptr) {
      statement_->Reset();
    }
  }
  Statement* operator->() { return statement_; }
  Statement& operator*() { return *statement_; }

 private:
  Statement* statement_;
};

// One connection's prepared statements, keyed by SQL text, so that hot
// paths parse their SQL once per connection. Not thread-safe, like the
// connection; a statement must not be borrowed twice at once.
class StatementCache {
 public:
  explicit StatementCache(Database& db) : db_(db) {}

  absl::StatusOr<CachedStatement> Get(absl::string_view sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
      absl::StatusOr<Statement> prepared = db_.Prepare(sql);
      if (!prepared.ok()) {
        return prepared.status();
      }
      it = statements_
               .emplace(std::string(sql), std::make_unique<Statement>(*std::move(prepared)))
               .first;
    }
    return CachedStatement(it->second.get());
  }

  Database& db() { return db_; }

 private:
  Database& db_;
  absl::flat_hash_map<std::string, std::unique_ptr<Statement>> statements_;
};

}  // namespace claimtrack::sqlite

#endif  // CLAIMTRACK_COMMON_SQLITE_STATEMENT_CACHE_H_
