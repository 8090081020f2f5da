#include "services/verification/change_feed.h"

#include <utility>

#include "common/status/grpc_status.h"
#include "services/verification/change_cursor.h"

namespace claimtrack::verification {

ClaimChangeWatch::ClaimChangeWatch(ClaimStore& store, int64_t after)
    : store_(store), read_until_(after) {
  // Subscribe before the first read, so that a commit landing between that
  // read and going to sleep still wakes this watch.
  subscribed_ = store_.change_notifier().Subscribe(this);
  absl::MutexLock lock(&mu_);
  if (!subscribed_) {
    EndLocked(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                           "the server is shutting down; reconnect with the last cursor"));
    return;
  }
  WriteNextLocked();
}

void ClaimChangeWatch::WriteNextLocked() {
  if (finished_ || writing_ || ending_) return;
  if (buffer_.empty()) {
    // A short local read (the store's reader pool), as the other reads of
    // this service do on callback threads.
    absl::StatusOr<std::vector<v1::ClaimChange>> batch = store_.ListChanges(read_until_, kBatch);
    if (!batch.ok()) {
      EndLocked(ToGrpcStatus(batch.status()));
      return;
    }
    for (v1::ClaimChange& change : *batch) {
      absl::StatusOr<int64_t> seq = ParseChangeCursor(change.cursor(), "cursor");
      if (!seq.ok()) {
        EndLocked(ToGrpcStatus(seq.status()));
        return;
      }
      read_until_ = *seq;
      buffer_.push_back(std::move(change));
    }
  }
  if (buffer_.empty()) return;  // caught up: OnChangesCommitted wakes us
  current_ = std::move(buffer_.front());
  buffer_.pop_front();
  writing_ = true;
  StartWrite(&current_);
}

void ClaimChangeWatch::EndLocked(grpc::Status status) {
  if (finished_) return;
  if (writing_) {
    // Finish once the write in flight is done (OnWriteDone).
    if (!ending_) {
      ending_ = true;
      end_status_ = std::move(status);
    }
    return;
  }
  finished_ = true;
  Finish(std::move(status));
}

void ClaimChangeWatch::OnWriteDone(bool ok) {
  absl::MutexLock lock(&mu_);
  writing_ = false;
  if (ending_) {
    ending_ = false;
    EndLocked(std::move(end_status_));
    return;
  }
  if (!ok) {
    EndLocked(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"));
    return;
  }
  WriteNextLocked();
}

void ClaimChangeWatch::OnCancel() {
  absl::MutexLock lock(&mu_);
  EndLocked(grpc::Status(grpc::StatusCode::CANCELLED, "the watch was cancelled"));
}

void ClaimChangeWatch::OnChangesCommitted() {
  absl::MutexLock lock(&mu_);
  WriteNextLocked();
}

void ClaimChangeWatch::OnNotifierClosed() {
  absl::MutexLock lock(&mu_);
  EndLocked(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                         "the server is shutting down; reconnect with start_after set to the "
                         "last cursor received"));
}

void ClaimChangeWatch::OnDone() {
  // Not under mu_: Unsubscribe waits for a notification in progress, which
  // itself takes mu_.
  if (subscribed_) store_.change_notifier().Unsubscribe(this);
  delete this;
}

}  // namespace claimtrack::verification
