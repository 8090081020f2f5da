#ifndef CLAIMTRACK_COMMON_POSTGRES_CONNECTION_POOL_H_
#define CLAIMTRACK_COMMON_POSTGRES_CONNECTION_POOL_H_

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "common/postgres/connection.h"

namespace claimtrack::postgres {

// Connections for short autocommit statements (reads, outbox claims), reused
// across calls with their prepared statements. Thread-safe; a leased
// connection belongs to one thread until the lease ends.
class ConnectionPool {
 public:
  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), conn_(std::move(other.conn_)) {}
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (conn_ != nullptr) {
        pool_->Release(std::move(conn_));
      }
    }
    Connection& operator*() { return *conn_; }
    Connection* operator->() { return conn_.get(); }

   private:
    friend class ConnectionPool;
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn)
        : pool_(pool), conn_(std::move(conn)) {}
    ConnectionPool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  // Keeps at most `max_idle` connections open between calls; runs
  // `session_sql` (if any) on each new connection.
  ConnectionPool(std::string conninfo, std::string dbname, size_t max_idle = 8,
                 std::string session_sql = "")
      : conninfo_(std::move(conninfo)),
        dbname_(std::move(dbname)),
        max_idle_(max_idle),
        session_sql_(std::move(session_sql)) {}

  // An idle connection, or a new one (also in place of one the server
  // dropped).
  absl::StatusOr<Lease> Acquire() {
    std::unique_ptr<Connection> conn;
    {
      absl::MutexLock lock(&mu_);
      if (!idle_.empty()) {
        conn = std::move(idle_.back());
        idle_.pop_back();
      }
    }
    if (conn != nullptr && conn->connected()) {
      return Lease(this, std::move(conn));
    }
    // None idle, or the server dropped it: a new one, set up afresh.
    absl::StatusOr<std::unique_ptr<Connection>> opened = Connection::Open(conninfo_, dbname_);
    if (!opened.ok()) {
      return opened.status();
    }
    if (!session_sql_.empty()) {
      if (absl::Status set = (*opened)->Exec(session_sql_); !set.ok()) {
        return set;
      }
    }
    return Lease(this, *std::move(opened));
  }

 private:
  void Release(std::unique_ptr<Connection> conn) {
    absl::MutexLock lock(&mu_);
    if (idle_.size() < max_idle_) {
      idle_.push_back(std::move(conn));
    }
  }

  const std::string conninfo_;
  const std::string dbname_;
  const size_t max_idle_;
  const std::string session_sql_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_ ABSL_GUARDED_BY(mu_);
};

}  // namespace claimtrack::postgres

#endif  // CLAIMTRACK_COMMON_POSTGRES_CONNECTION_POOL_H_
