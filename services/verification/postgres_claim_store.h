#ifndef CLAIMTRACK_SERVICES_VERIFICATION_POSTGRES_CLAIM_STORE_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_POSTGRES_CLAIM_STORE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/postgres/connection.h"
#include "common/postgres/connection_pool.h"
#include "common/postgres/group_committer.h"
#include "services/verification/claim_store.h"

namespace claimtrack::verification {

struct PostgresClaimStoreOptions {
  // A libpq connection string or URI.
  std::string database_url;
  // If set, replaces the database the URL names (tests: one per test).
  std::string database_name;
  // The most writes per transaction.
  size_t max_batch = 512;
  // Idle read connections kept open.
  size_t max_idle_readers = 8;
  // How often the store looks for changes other replicas committed, to wake
  // this replica's change-feed watches (its own commits wake them at once).
  absl::Duration change_poll_interval = absl::Milliseconds(200);
};

// ClaimStore on a PostgreSQL database that several verification replicas
// share, with the same observable behaviour as SqliteClaimStore (the
// domain rules, history chain, etags, page tokens and change cursors come
// from the same backend-neutral code).
//
// Writes go through a GroupCommitter (one writer connection per replica,
// many writes per transaction). Every write transaction first takes one
// transaction-level advisory lock, held until COMMIT, so the writes of all
// replicas are serialised as SQLite's single writer serialises them:
// - change-feed rows commit in sequence order (a sequence number is drawn
//   under the lock, and the lock is released only after the commit is
//   visible), so a watcher that has seen cursor N never misses a row < N;
// - recording stays idempotent across replicas (a write sees everything
//   every earlier write committed; unique constraints and ON CONFLICT
//   back it up), and the claims list's seq order is commit order;
// - no two writes can deadlock.
// The price is that replicas do not write in parallel: they add
// availability and read capacity, not write throughput.
// Reads use a pool of connections, each read in one snapshot.
class PostgresClaimStore final : public ClaimStore {
 public:
  // The schema this binary writes (schema_migrations, component
  // "verification").
  static constexpr int kSchemaVersion = 1;

  // Connects, applies the migrations this database lacks, and refuses (with
  // FAILED_PRECONDITION) a schema newer than kSchemaVersion.
  static absl::StatusOr<std::unique_ptr<PostgresClaimStore>> Open(
      PostgresClaimStoreOptions options);
  // Close()s.
  ~PostgresClaimStore() override;
  PostgresClaimStore(const PostgresClaimStore&) = delete;
  PostgresClaimStore& operator=(const PostgresClaimStore&) = delete;

  // Commits every write already submitted and stops the writer; later writes
  // fail with UNAVAILABLE. Reads keep working. Idempotent.
  void Close() override;

  // "database D on host:port", for the start-up log line.
  const std::string& description() const { return description_; }

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
  absl::StatusOr<v1::SearchClaimsResponse> SearchClaims(const ClaimSearch& search, int page_size,
                                                        absl::string_view page_token) override;
  absl::StatusOr<v1::ListClaimVariantsResponse> ListClaimVariants(
      absl::string_view claim, int page_size, absl::string_view page_token) override;
  absl::StatusOr<v1::Speaker> GetSpeaker(absl::string_view name) override;
  absl::StatusOr<v1::ListSpeakersResponse> ListSpeakers(absl::string_view alias, int page_size,
                                                        absl::string_view page_token) override;

 private:
  PostgresClaimStore(PostgresClaimStoreOptions options, std::string description,
                     std::unique_ptr<postgres::Connection> writer);

  // Queues `write` behind the writers' advisory lock; `done` runs after
  // the commit, and watchers hear of it.
  void SubmitWrite(postgres::GroupCommitter::Write write, postgres::GroupCommitter::Done done);
  // Wakes this replica's watches when another replica committed changes.
  void PollChanges();

  const PostgresClaimStoreOptions options_;
  const std::string description_;
  ChangeNotifier change_notifier_;
  postgres::ConnectionPool readers_;
  std::unique_ptr<postgres::GroupCommitter> committer_;

  absl::Mutex poll_mu_;
  bool stopping_ ABSL_GUARDED_BY(poll_mu_) = false;
  std::thread poller_;
};

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_POSTGRES_CLAIM_STORE_H_
