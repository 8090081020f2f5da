#include "common/sqlite/group_committer.h"

#include <atomic>
#include <utility>

namespace claimtrack::sqlite {
namespace {

std::atomic<CommitObserver> commit_observer{nullptr};

}  // namespace

void SetCommitObserver(CommitObserver observer) { commit_observer.store(observer); }

GroupCommitter::GroupCommitter(std::unique_ptr<Database> writer, Options options)
    : writer_(std::move(writer)),
      queue_(options.max_batch,
             [this](std::deque<Pending>& batch) { return CommitBatch(batch); }) {}

absl::Status GroupCommitter::RunStatement(BatchStatement which) {
  static constexpr const char* kSql[] = {"SAVEPOINT write", "RELEASE write",
                                         "ROLLBACK TO write"};
  std::optional<Statement>& statement = statements_[which];
  if (!statement.has_value()) {
    absl::StatusOr<Statement> prepared = writer_->Prepare(kSql[which]);
    if (!prepared.ok()) {
      return prepared.status();
    }
    statement.emplace(*std::move(prepared));
  }
  statement->Reset();
  return statement->Run();
}

std::vector<absl::Status> GroupCommitter::CommitBatch(std::deque<Pending>& batch) {
  const absl::Time start = absl::Now();
  absl::Status begin = writer_->Exec("BEGIN IMMEDIATE");
  if (!begin.ok()) {
    return std::vector<absl::Status>(batch.size(), begin);
  }
  std::vector<absl::Status> results;
  results.reserve(batch.size());
  for (Pending& pending : batch) {
    absl::Status status = RunStatement(kSavepoint);
    if (status.ok()) {
      status = pending.write(*writer_);
      if (status.ok()) {
        status = RunStatement(kRelease);
      } else {
        // Undo this write alone; the rest of the batch still commits.
        RunStatement(kRollbackTo).IgnoreError();
        RunStatement(kRelease).IgnoreError();
      }
    }
    results.push_back(std::move(status));
  }
  absl::Status commit = writer_->Exec("COMMIT");
  if (!commit.ok()) {
    writer_->Exec("ROLLBACK").IgnoreError();
    results.assign(batch.size(), commit);
  }
  if (CommitObserver observer = commit_observer.load(); observer != nullptr) {
    if (file_name_.empty()) {
      file_name_ = writer_->FileName();
    }
    observer(file_name_, absl::Now() - start, batch.size());
  }
  return results;
}

}  // namespace claimtrack::sqlite
