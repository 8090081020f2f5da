#ifndef CLAIMTRACK_COMMON_POSTGRES_GROUP_COMMITTER_H_
#define CLAIMTRACK_COMMON_POSTGRES_GROUP_COMMITTER_H_

#include <cstddef>
#include <deque>
#include <memory>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "common/postgres/connection.h"

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
// order, on a completion thread; it must not block.
class GroupCommitter {
 public:
  using Write = absl::AnyInvocable<absl::Status(Connection& db)>;
  using Done = absl::AnyInvocable<void(absl::Status status)>;

  struct Options {
    // The most writes in one transaction.
    size_t max_batch = 512;
  };

  GroupCommitter(std::unique_ptr<Connection> writer, Options options);
  explicit GroupCommitter(std::unique_ptr<Connection> writer)
      : GroupCommitter(std::move(writer), Options{}) {}
  // Commits what was submitted, then stops the threads.
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Queues a write. After Shutdown(), `done` gets UNAVAILABLE at once.
  void Submit(Write write, Done done);
  // Queues a write and waits for its commit (start-up and tests only).
  absl::Status Run(Write write);
  // Commits everything already submitted and stops; later submissions fail.
  void Shutdown();

 private:
  struct Pending {
    Write write;
    Done done;
  };
  struct Completion {
    Done done;
    absl::Status status;
  };

  void Loop();
  void CompletionLoop();
  void CommitBatch(std::deque<Pending>& batch);
  // One write in a transaction of its own.
  absl::Status RunAlone(Write& write);

  const Options options_;
  std::unique_ptr<Connection> writer_;
  absl::Mutex mu_;
  std::deque<Pending> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  absl::Mutex completion_mu_;
  std::deque<Completion> completions_ ABSL_GUARDED_BY(completion_mu_);
  bool completions_done_ ABSL_GUARDED_BY(completion_mu_) = false;

  // Last, so that they start after every member they use is constructed.
  std::thread thread_;
  std::thread completion_thread_;
};

// The `done` of a write that fills `*result` (see sqlite::DeliverResult).
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

}  // namespace claimtrack::postgres

#endif  // CLAIMTRACK_COMMON_POSTGRES_GROUP_COMMITTER_H_
