#include "common/postgres/group_committer.h"

#include <utility>
#include <vector>

#include "absl/synchronization/notification.h"

namespace claimtrack::postgres {

GroupCommitter::GroupCommitter(std::unique_ptr<Connection> writer, Options options)
    : options_(options),
      writer_(std::move(writer)),
      thread_([this] { Loop(); }),
      completion_thread_([this] { CompletionLoop(); }) {}

GroupCommitter::~GroupCommitter() { Shutdown(); }

void GroupCommitter::Submit(Write write, Done done) {
  {
    absl::MutexLock lock(&mu_);
    if (!stopping_) {
      queue_.push_back(Pending{std::move(write), std::move(done)});
      return;
    }
  }
  done(absl::UnavailableError("the store is shutting down"));
}

absl::Status GroupCommitter::Run(Write write) {
  absl::Notification committed;
  absl::Status result;
  Submit(std::move(write), [&](absl::Status status) {
    result = std::move(status);
    committed.Notify();
  });
  committed.WaitForNotification();
  return result;
}

void GroupCommitter::Shutdown() {
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

void GroupCommitter::Loop() {
  while (true) {
    std::deque<Pending> batch;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](GroupCommitter* self) ABSL_EXCLUSIVE_LOCKS_REQUIRED(self->mu_) {
            return self->stopping_ || !self->queue_.empty();
          },
          this));
      if (queue_.empty()) {
        return;  // stopping, and everything submitted is committed
      }
      // Whatever arrived while the previous commit was on its way goes into
      // this one transaction.
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    CommitBatch(batch);
  }
}

absl::Status GroupCommitter::RunAlone(Write& write) {
  if (absl::Status begin = writer_->Exec("BEGIN"); !begin.ok()) {
    return begin;
  }
  absl::Status status = write(*writer_);
  if (!status.ok()) {
    writer_->Exec("ROLLBACK").IgnoreError();
    return status;
  }
  return writer_->Commit();
}

void GroupCommitter::CommitBatch(std::deque<Pending>& batch) {
  std::vector<absl::Status> results(batch.size());
  // Reconnecting is safe only here, between transactions.
  absl::Status begin = writer_->EnsureConnected();
  if (begin.ok()) {
    begin = writer_->Exec("BEGIN");
  }
  if (!begin.ok()) {
    absl::MutexLock lock(&completion_mu_);
    for (Pending& pending : batch) {
      completions_.push_back(Completion{std::move(pending.done), begin});
    }
    return;
  }
  // The common case: every write succeeds, one COMMIT for all of them.
  bool failed = false;
  for (Pending& pending : batch) {
    if (!pending.write(*writer_).ok()) {
      failed = true;
      break;
    }
  }
  absl::Status commit =
      failed ? absl::AbortedError("a write of the batch failed") : writer_->Commit();
  if (!commit.ok()) {
    writer_->Exec("ROLLBACK").IgnoreError();
    // A write failed (or the COMMIT did): run each write again in a
    // transaction of its own, so that only the failing one fails.
    const bool connected = writer_->EnsureConnected().ok();
    for (size_t i = 0; i < batch.size(); ++i) {
      results[i] = connected ? RunAlone(batch[i].write) : commit;
    }
  }
  std::vector<Completion> completions;
  completions.reserve(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    completions.push_back(Completion{std::move(batch[i].done), std::move(results[i])});
  }
  absl::MutexLock lock(&completion_mu_);
  for (Completion& completion : completions) {
    completions_.push_back(std::move(completion));
  }
}

void GroupCommitter::CompletionLoop() {
  while (true) {
    std::deque<Completion> ready;
    {
      absl::MutexLock lock(&completion_mu_);
      completion_mu_.Await(absl::Condition(
          +[](GroupCommitter* self) ABSL_EXCLUSIVE_LOCKS_REQUIRED(self->completion_mu_) {
            return self->completions_done_ || !self->completions_.empty();
          },
          this));
      if (completions_.empty()) {
        return;  // the committer has stopped and everything is reported
      }
      ready.swap(completions_);
    }
    for (Completion& completion : ready) {
      completion.done(std::move(completion.status));
    }
  }
}

}  // namespace claimtrack::postgres
