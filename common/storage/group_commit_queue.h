#ifndef CLAIMTRACK_COMMON_STORAGE_GROUP_COMMIT_QUEUE_H_
#define CLAIMTRACK_COMMON_STORAGE_GROUP_COMMIT_QUEUE_H_

#include <cstddef>
#include <deque>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"

namespace claimtrack {

// What group commit is, whatever the database: callers queue writes; one
// writer thread takes everything queued (up to `max_batch`) as one batch and
// hands it to `commit_batch`, which runs the writes in one transaction on
// `Connection` and returns each write's outcome, in order; a completion
// thread then calls each `done` with its outcome, in commit order, so that
// finishing RPCs never delays the next batch. sqlite::GroupCommitter and
// postgres::GroupCommitter are this queue plus their way of committing a
// batch. `done` must not block.
template <typename Connection>
class GroupCommitQueue {
 public:
  using Write = absl::AnyInvocable<absl::Status(Connection& db)>;
  using Done = absl::AnyInvocable<void(absl::Status status)>;
  struct Pending {
    Write write;
    Done done;
  };
  // Runs on the writer thread; returns one status per write of `batch`.
  using CommitBatch = absl::AnyInvocable<std::vector<absl::Status>(std::deque<Pending>& batch)>;

  // Starts the threads: everything `commit_batch` uses must exist already.
  GroupCommitQueue(size_t max_batch, CommitBatch commit_batch)
      : max_batch_(max_batch),
        commit_batch_(std::move(commit_batch)),
        thread_([this] { Loop(); }),
        completion_thread_([this] { CompletionLoop(); }) {}
  // Commits what was submitted, then stops the threads.
  ~GroupCommitQueue() { Shutdown(); }
  GroupCommitQueue(const GroupCommitQueue&) = delete;
  GroupCommitQueue& operator=(const GroupCommitQueue&) = delete;

  // Queues a write. After Shutdown(), `done` gets UNAVAILABLE at once.
  void Submit(Write write, Done done) {
    {
      absl::MutexLock lock(&mu_);
      if (!stopping_) {
        queue_.push_back(Pending{std::move(write), std::move(done)});
        return;
      }
    }
    done(absl::UnavailableError("the store is shutting down"));
  }

  // Queues a write and waits for its commit. For start-up and tests; never
  // call it from an RPC callback thread.
  absl::Status Run(Write write) {
    absl::Notification committed;
    absl::Status result;
    Submit(std::move(write), [&](absl::Status status) {
      result = std::move(status);
      committed.Notify();
    });
    committed.WaitForNotification();
    return result;
  }

  // Commits everything already submitted and stops; later submissions fail.
  void Shutdown() {
    {
      absl::MutexLock lock(&mu_);
      if (stopping_ && !thread_.joinable()) {
        return;
      }
      stopping_ = true;
    }
    if (thread_.joinable()) {
      thread_.join();
    }
    {
      absl::MutexLock lock(&completion_mu_);
      completions_done_ = true;
    }
    if (completion_thread_.joinable()) {
      completion_thread_.join();
    }
  }

 private:
  struct Completion {
    Done done;
    absl::Status status;
  };

  void Loop() {
    while (true) {
      std::deque<Pending> batch;
      {
        absl::MutexLock lock(&mu_);
        mu_.Await(absl::Condition(
            +[](GroupCommitQueue* self) ABSL_EXCLUSIVE_LOCKS_REQUIRED(self->mu_) {
              return self->stopping_ || !self->queue_.empty();
            },
            this));
        if (queue_.empty()) {
          return;  // stopping, and everything submitted is committed
        }
        // Whatever arrived while the previous commit was on its way goes
        // into this one transaction.
        while (!queue_.empty() && batch.size() < max_batch_) {
          batch.push_back(std::move(queue_.front()));
          queue_.pop_front();
        }
      }
      std::vector<absl::Status> results = commit_batch_(batch);
      absl::MutexLock lock(&completion_mu_);
      for (size_t i = 0; i < batch.size(); ++i) {
        completions_.push_back(Completion{std::move(batch[i].done), std::move(results[i])});
      }
    }
  }

  void CompletionLoop() {
    while (true) {
      std::deque<Completion> ready;
      {
        absl::MutexLock lock(&completion_mu_);
        completion_mu_.Await(absl::Condition(
            +[](GroupCommitQueue* self) ABSL_EXCLUSIVE_LOCKS_REQUIRED(self->completion_mu_) {
              return self->completions_done_ || !self->completions_.empty();
            },
            this));
        if (completions_.empty()) {
          return;  // the writer has stopped and everything is reported
        }
        ready.swap(completions_);
      }
      for (Completion& completion : ready) {
        completion.done(std::move(completion.status));
      }
    }
  }

  const size_t max_batch_;
  CommitBatch commit_batch_;
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
absl::AnyInvocable<void(absl::Status)> DeliverResult(std::shared_ptr<T> result, Done done) {
  return [result = std::move(result), done = std::move(done)](absl::Status status) mutable {
    if (!status.ok()) {
      done(std::move(status));
      return;
    }
    done(std::move(*result));
  };
}

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_STORAGE_GROUP_COMMIT_QUEUE_H_
