#include "common/postgres/group_committer.h"

#include <utility>
#include <vector>

namespace claimtrack::postgres {

GroupCommitter::GroupCommitter(std::unique_ptr<Connection> writer, Options options)
    : writer_(std::move(writer)),
      queue_(options.max_batch,
             [this](std::deque<Pending>& batch) { return CommitBatch(batch); }) {}

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

std::vector<absl::Status> GroupCommitter::CommitBatch(std::deque<Pending>& batch) {
  // Reconnecting is safe only here, between transactions.
  absl::Status begin = writer_->EnsureConnected();
  if (begin.ok()) {
    begin = writer_->Exec("BEGIN");
  }
  if (!begin.ok()) {
    return std::vector<absl::Status>(batch.size(), begin);
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
  std::vector<absl::Status> results(batch.size());
  if (!commit.ok()) {
    writer_->Exec("ROLLBACK").IgnoreError();
    // A write failed (or the COMMIT did): run each write again in a
    // transaction of its own, so that only the failing one fails.
    const bool connected = writer_->EnsureConnected().ok();
    for (size_t i = 0; i < batch.size(); ++i) {
      results[i] = connected ? RunAlone(batch[i].write) : commit;
    }
  }
  return results;
}

}  // namespace claimtrack::postgres
