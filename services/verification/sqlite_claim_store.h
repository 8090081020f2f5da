#ifndef CLAIMTRACK_SERVICES_VERIFICATION_SQLITE_CLAIM_STORE_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_SQLITE_CLAIM_STORE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "common/sqlite/database.h"
#include "common/sqlite/group_committer.h"
#include "services/verification/claim_store.h"
#include "common/sqlite/reader_pool.h"
#include "common/sqlite/statement_cache.h"

namespace claimtrack::verification {

// The schema version this binary writes (PRAGMA user_version). A database
// with a newer version is refused rather than misread.
inline constexpr int kClaimStoreSchemaVersion = 2;

// ClaimStore on one SQLite file. Every write goes through a GroupCommitter
// (one writer thread, many writes per durable transaction); each write does
// its read-modify-write inside its own savepoint, so a review's etag and
// workflow checks and its update are atomic. Reads use a pool of separate
// connections, each read in one snapshot.
class SqliteClaimStore final : public ClaimStore {
 public:
  struct Options {
    // The most writes per transaction.
    size_t max_batch = 512;
    // Idle read connections kept open.
    size_t max_idle_readers = 8;
  };

  static absl::StatusOr<std::unique_ptr<SqliteClaimStore>> Open(const std::string& path,
                                                                Options options);
  static absl::StatusOr<std::unique_ptr<SqliteClaimStore>> Open(const std::string& path) {
    return Open(path, Options{});
  }
  // Close()s.
  ~SqliteClaimStore() override;

  // Commits every write already submitted and stops the writer; later writes
  // fail with UNAVAILABLE. Reads keep working. Idempotent.
  void Close() override;

  void RecordStatements(DocumentStatements statements, RecordDone done) override;
  absl::StatusOr<v1::Claim> GetClaim(absl::string_view name) override;
  absl::StatusOr<v1::ListClaimsResponse> ListClaims(const ClaimFilter& filter, int page_size,
                                                    absl::string_view page_token) override;
  void Review(ClaimReview review, ClaimDone done) override;
  absl::StatusOr<v1::ListClaimHistoryResponse> ListHistory(absl::string_view claim, int page_size,
                                                           absl::string_view page_token) override;
  void ApplyWorkflowChange(WorkflowChange change, ClaimDone done) override;
  absl::StatusOr<v1::VerifyClaimHistoryResponse> VerifyHistory(absl::string_view claim) override;
  absl::StatusOr<std::vector<v1::ClaimChange>> ListChanges(int64_t after, int limit) override;
  ChangeNotifier& change_notifier() override { return change_notifier_; }

  // Tracking (claim_tracking.h).
  absl::StatusOr<v1::SearchClaimsResponse> SearchClaims(const ClaimSearch& search, int page_size,
                                                        absl::string_view page_token) override;
  absl::StatusOr<v1::ListClaimVariantsResponse> ListClaimVariants(
      absl::string_view claim, int page_size, absl::string_view page_token) override;
  absl::StatusOr<v1::Speaker> GetSpeaker(absl::string_view name) override;
  absl::StatusOr<v1::ListSpeakersResponse> ListSpeakers(absl::string_view alias, int page_size,
                                                        absl::string_view page_token) override;

 private:
  SqliteClaimStore(std::string path, Options options, std::unique_ptr<sqlite::Database> writer);

  // The writer's statement cache; only touched on the committer thread.
  sqlite::StatementCache& WriterStatements(sqlite::Database& db);
  // Wraps the `done` of a write that records changes: watchers hear of them
  // once they are durable.
  sqlite::GroupCommitter::Done NotifyWatchers(sqlite::GroupCommitter::Done done);

  ChangeNotifier change_notifier_;

  sqlite::ReaderPool readers_;
  // Declared before committer_ so it outlives the committer's final writes.
  std::unique_ptr<sqlite::StatementCache> writer_statements_;
  std::unique_ptr<sqlite::GroupCommitter> committer_;
};

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_SQLITE_CLAIM_STORE_H_
