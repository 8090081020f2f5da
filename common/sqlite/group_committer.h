#ifndef CLAIMTRACK_COMMON_SQLITE_GROUP_COMMITTER_H_
#define CLAIMTRACK_COMMON_SQLITE_GROUP_COMMITTER_H_

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/sqlite/database.h"
#include "common/storage/group_commit_queue.h"

namespace claimtrack::sqlite {

// Instrumentation: called on a committer's thread after each transaction
// with the database file name, how long the batch took (statements and
// COMMIT, which waits for the disk) and how many writes it held. Set once
// at start-up by a binary that exports metrics.
using CommitObserver = void (*)(const std::string& database, absl::Duration elapsed,
                                size_t writes);
void SetCommitObserver(CommitObserver observer);

// Owns the single writer connection of a store and runs every write on one
// thread, many writes to a transaction: group commit. A durable commit costs
// one fsync, so batching the writes that arrive while the previous commit is
// on its way to disk turns ~5k commits/s into ~100k+ writes/s.
//
// Each write runs inside its own SAVEPOINT, so a write that fails is rolled
// back alone and the others in the batch still commit. `done` is called after
// the batch's COMMIT is durable (or with the error), in commit order, on a
// completion thread of its own: finishing RPCs there lets the writer start the
// next batch at once. `done` must not block. The queue and its threads are
// GroupCommitQueue's (common/storage); this class is how SQLite commits a batch.
class GroupCommitter {
 public:
  using Write = GroupCommitQueue<Database>::Write;
  using Done = GroupCommitQueue<Database>::Done;

  struct Options {
    // The most writes in one transaction.
    size_t max_batch = 512;
  };

  GroupCommitter(std::unique_ptr<Database> writer, Options options);
  explicit GroupCommitter(std::unique_ptr<Database> writer)
      : GroupCommitter(std::move(writer), Options{}) {}
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Queues a write. After Shutdown(), `done` gets UNAVAILABLE at once.
  void Submit(Write write, Done done) { queue_.Submit(std::move(write), std::move(done)); }

  // Queues a write and waits for its commit. For start-up and tests; never
  // call it from an RPC callback thread.
  absl::Status Run(Write write) { return queue_.Run(std::move(write)); }

  // Commits everything already submitted and stops; later submissions fail.
  void Shutdown() { queue_.Shutdown(); }

 private:
  using Pending = GroupCommitQueue<Database>::Pending;

  // The statements run around every write, prepared once on the writer
  // thread: parsing them per write costs more than running them.
  enum BatchStatement { kSavepoint, kRelease, kRollbackTo, kBatchStatementCount };

  // On the writer thread: one transaction, a SAVEPOINT per write.
  std::vector<absl::Status> CommitBatch(std::deque<Pending>& batch);
  absl::Status RunStatement(BatchStatement which);

  std::unique_ptr<Database> writer_;
  // Used only on the writer thread.
  std::optional<Statement> statements_[kBatchStatementCount];
  std::string file_name_;  // for the CommitObserver
  // Last: its threads start once the members CommitBatch uses exist, and its
  // destructor (commit what is queued, stop) runs while they still do.
  GroupCommitQueue<Database> queue_;
};

using ::claimtrack::DeliverResult;

}  // namespace claimtrack::sqlite

#endif  // CLAIMTRACK_COMMON_SQLITE_GROUP_COMMITTER_H_
