#ifndef CLAIMTRACK_COMMON_POSTGRES_GROUP_COMMITTER_H_
#define CLAIMTRACK_COMMON_POSTGRES_GROUP_COMMITTER_H_

#include <cstddef>
#include <deque>
#include <memory>
#include <vector>

#include "absl/status/status.h"
#include "common/postgres/connection.h"
#include "common/storage/group_commit_queue.h"

namespace claimtrack::postgres {

// Group commit on one PostgreSQL writer connection, shaped like
// sqlite::GroupCommitter: one thread runs every write, many writes to a
// transaction, so concurrent callers share one commit (one WAL flush, one
// round trip) instead of paying one each. A failing write must not fail the
// others: rather than a SAVEPOINT around each write (two more round trips
// per write), a batch in which any write fails is rolled back and each of
// its writes runs again in a transaction of its own, so writes must be safe
// to run again (they only fill their results). `done` runs after the COMMIT
// returned (durable with synchronous_commit on, the default), in commit
// order, on a completion thread; it must not block. The queue and its
// threads are GroupCommitQueue's (common/storage), shared with SQLite.
class GroupCommitter {
 public:
  using Write = GroupCommitQueue<Connection>::Write;
  using Done = GroupCommitQueue<Connection>::Done;

  struct Options {
    // The most writes in one transaction.
    size_t max_batch = 512;
  };

  GroupCommitter(std::unique_ptr<Connection> writer, Options options);
  explicit GroupCommitter(std::unique_ptr<Connection> writer)
      : GroupCommitter(std::move(writer), Options{}) {}
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Queues a write. After Shutdown(), `done` gets UNAVAILABLE at once.
  void Submit(Write write, Done done) { queue_.Submit(std::move(write), std::move(done)); }
  // Queues a write and waits for its commit (start-up and tests only).
  absl::Status Run(Write write) { return queue_.Run(std::move(write)); }
  // Commits everything already submitted and stops; later submissions fail.
  void Shutdown() { queue_.Shutdown(); }

 private:
  using Pending = GroupCommitQueue<Connection>::Pending;

  // On the writer thread: one transaction, or each write alone after a failure.
  std::vector<absl::Status> CommitBatch(std::deque<Pending>& batch);
  // One write in a transaction of its own.
  absl::Status RunAlone(Write& write);

  std::unique_ptr<Connection> writer_;
  // Last: its threads start once writer_ exists, and its destructor (commit
  // what is queued, stop) runs while writer_ still does.
  GroupCommitQueue<Connection> queue_;
};

using ::claimtrack::DeliverResult;

}  // namespace claimtrack::postgres

#endif  // CLAIMTRACK_COMMON_POSTGRES_GROUP_COMMITTER_H_
