#ifndef CLAIMTRACK_COMMON_SQLITE_GROUP_COMMITTER_H_
#define CLAIMTRACK_COMMON_SQLITE_GROUP_COMMITTER_H_

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/sqlite/database.h"

namespace claimtrack::sqlite {

// Owns the single writer connection of a store and runs every write on one
// thread, many writes to a transaction: group commit. A durable commit costs
// one fsync, so batching the writes that arrive while the previous commit is
// on its way to disk turns ~5k commits/s into ~100k+ writes/s.
//
// Each write runs inside its own SAVEPOINT, so a write that fails is rolled
// back alone and the others in the batch still commit. `done` is called after
// the batch's COMMIT is durable (or with the error), in commit order, on a
// completion thread of its own: finishing RPCs there lets the writer start the
// next batch at once. `done` must not block.
// Instrumentation: called on a committer's thread after each transaction
// with the database file name, how long the batch took (statements and
// COMMIT, which waits for the disk) and how many writes it held. Set once
// at start-up by a binary that exports metrics.
using CommitObserver = void (*)(const std::string& database, absl::Duration elapsed,
                                size_t writes);
void SetCommitObserver(CommitObserver observer);

class GroupCommitter {
 public:
  using Write = absl::AnyInvocable<absl::Status(Database& db)>;
  using Done = absl::AnyInvocable<void(absl::Status status)>;

  struct Options {
    // The most writes in one transaction.
    size_t max_batch = 512;
  };

  GroupCommitter(std::unique_ptr<Database> writer, Options options);
  explicit GroupCommitter(std::unique_ptr<Database> writer)
      : GroupCommitter(std::move(writer), Options{}) {}
  // Commits what was submitted, then stops the thread.
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Queues a write. After Shutdown(), `done` gets UNAVAILABLE at once.
  void Submit(Write write, Done done);

  // Queues a write and waits for its commit. For start-up and tests; never
  // call it from an RPC callback thread.
  absl::Status Run(Write write);

  // Commits everything already submitted and stops; later submissions fail.
  void Shutdown();

 private:
  struct Pending {
    Write write;
    Done done;
  };

  // The statements run around every write, prepared once on the writer
  // thread: parsing them per write costs more than running them.
  enum BatchStatement { kSavepoint, kRelease, kRollbackTo, kBatchStatementCount };

  struct Completion {
    Done done;
    absl::Status status;
  };

  void Loop();
  void CompletionLoop();
  void CommitBatch(std::deque<Pending>& batch);
  absl::Status RunStatement(BatchStatement which);

  const Options options_;
  std::unique_ptr<Database> writer_;
  // Used only on the writer thread.
  std::optional<Statement> statements_[kBatchStatementCount];
  std::string file_name_;  // for the CommitObserver
  absl::Mutex mu_;
  std::deque<Pending> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  absl::Mutex completion_mu_;
  std::deque<Completion> completions_ ABSL_GUARDED_BY(completion_mu_);
  // Set once the writer thread has stopped: nothing more will be queued.
  bool completions_done_ ABSL_GUARDED_BY(completion_mu_) = false;

  // Last, so that they start after every member they use is constructed.
  std::thread thread_;
  std::thread completion_thread_;
};

// The `done` of a write that fills `*result`: once the write is committed it
// hands `done` the result, otherwise the error.
//   auto claim = std::make_shared<Claim>();
//   committer.Submit([claim](Database& db) { ...fill *claim... },
//                    DeliverResult(claim, std::move(done)));
template <typename T, typename Done>
GroupCommitter::Done DeliverResult(std::shared_ptr<T> result, Done done) {
  return [result = std::move(result), done = std::move(done)](absl::Status status) mutable {
    if (!status.ok()) {
      done(std::move(status));
      return;
    }
    done(std::move(*result));
  };
}

}  // namespace claimtrack::sqlite

#endif  // CLAIMTRACK_COMMON_SQLITE_GROUP_COMMITTER_H_
