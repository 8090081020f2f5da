#ifndef CLAIMTRACK_COMMON_SQLITE_READER_POOL_H_
#define CLAIMTRACK_COMMON_SQLITE_READER_POOL_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "common/sqlite/database.h"
#include "common/sqlite/statement_cache.h"

namespace claimtrack::sqlite {

// Read-only connections to one database file, each with its own prepared
// statements, reused across calls. WAL lets any number of them read beside
// the store's single writer. Thread-safe; a leased reader belongs to one
// thread until the lease ends.
class ReaderPool {
 public:
  // A connection borrowed from the pool; returned when the lease ends.
  class Lease {
   public:
    Lease(Lease&& other) noexcept
        : pool_(other.pool_), reader_(std::move(other.reader_)) {}
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (reader_ != nullptr) {
        pool_->Release(std::move(reader_));
      }
    }

    Database& db() { return *reader_->db; }
    StatementCache& statements() { return *reader_->statements; }
    absl::StatusOr<CachedStatement> Prepare(absl::string_view sql) {
      return reader_->statements->Get(sql);
    }

   private:
    friend class ReaderPool;
    struct Reader {
      std::unique_ptr<Database> db;
      std::unique_ptr<StatementCache> statements;
    };
    Lease(ReaderPool* pool, std::unique_ptr<Reader> reader)
        : pool_(pool), reader_(std::move(reader)) {}

    ReaderPool* pool_;
    std::unique_ptr<Reader> reader_;
  };

  // Keeps at most `max_idle` connections open between calls.
  explicit ReaderPool(std::string path, size_t max_idle = 8)
      : path_(std::move(path)), max_idle_(max_idle) {}

  // An idle connection, or a new one when all are in use.
  absl::StatusOr<Lease> Acquire() {
    {
      absl::MutexLock lock(&mu_);
      if (!idle_.empty()) {
        std::unique_ptr<Lease::Reader> reader = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(reader));
      }
    }
    absl::StatusOr<std::unique_ptr<Database>> db =
        Database::Open(path_, Database::Options{/*read_only=*/true});
    if (!db.ok()) {
      return db.status();
    }
    auto reader = std::make_unique<Lease::Reader>();
    reader->db = *std::move(db);
    reader->statements = std::make_unique<StatementCache>(*reader->db);
    return Lease(this, std::move(reader));
  }

 private:
  void Release(std::unique_ptr<Lease::Reader> reader) {
    absl::MutexLock lock(&mu_);
    if (idle_.size() < max_idle_) {
      idle_.push_back(std::move(reader));
    }
  }

  const std::string path_;
  const size_t max_idle_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<Lease::Reader>> idle_ ABSL_GUARDED_BY(mu_);
};

}  // namespace claimtrack::sqlite

#endif  // CLAIMTRACK_COMMON_SQLITE_READER_POOL_H_
