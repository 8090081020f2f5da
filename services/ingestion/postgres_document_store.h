#ifndef CLAIMTRACK_SERVICES_INGESTION_POSTGRES_DOCUMENT_STORE_H_
#define CLAIMTRACK_SERVICES_INGESTION_POSTGRES_DOCUMENT_STORE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "common/postgres/connection.h"
#include "common/postgres/connection_pool.h"
#include "common/postgres/group_committer.h"
#include "services/ingestion/document_store.h"

namespace claimtrack::ingestion {

struct PostgresDocumentStoreOptions {
  // A libpq connection string or URI.
  std::string database_url;
  // If set, replaces the database the URL names (tests: one per test).
  std::string database_name;
  // How long a replica owns the documents FetchDue hands it. A replica that
  // dies keeps them this long; one that is slower than this may see another
  // replica deliver them again (harmless: delivery is idempotent). Keep it
  // above the extraction deadline.
  absl::Duration lease = absl::Seconds(60);
  // This replica's name in lease_owner; empty: host, pid and a random part.
  std::string replica_id;
};

// DocumentStore on a PostgreSQL database that several ingestion replicas
// share. Writes go through one writer connection with group commit; reads
// and outbox claims use a small pool of autocommit connections.
//
// Replicas: FetchDue claims what it returns (FOR UPDATE SKIP LOCKED, then a
// lease: lease_owner = this replica, lease_expiry = now + lease), so one
// replica at a time delivers a document. The claim skips documents leased
// to another replica until that lease expires; a replica's own documents
// come back to it (the dispatcher skips those it has in flight) and each
// FetchDue renews their lease. An outcome (done, retry, failed) ends the
// lease. NextDueAfter also counts when another replica's lease ends, and
// answers at most one lease ahead even with nothing due: a dead replica's
// documents are found by polling, since it tells no one. Identity and revisions hold across
// replicas: an ingest takes a transaction-scoped advisory lock on the URL (or the id) before it
// looks.
class PostgresDocumentStore final : public DocumentStore {
 public:
  // The schema this binary writes (schema_migrations, component "ingestion").
  static constexpr int kSchemaVersion = 3;

  // Connects, applies the migrations this database lacks, and refuses (with
  // FAILED_PRECONDITION) a schema newer than kSchemaVersion.
  static absl::StatusOr<std::unique_ptr<PostgresDocumentStore>> Open(
      PostgresDocumentStoreOptions options);

  ~PostgresDocumentStore() override;
  PostgresDocumentStore(const PostgresDocumentStore&) = delete;
  PostgresDocumentStore& operator=(const PostgresDocumentStore&) = delete;

  // Commits every write already submitted and stops; later writes fail with
  // UNAVAILABLE. Idempotent.
  void Close();

  // "database D on host:port", for the start-up log line.
  const std::string& description() const { return description_; }
  const std::string& replica_id() const { return replica_id_; }

  void Ingest(std::vector<NewDocument> documents, IngestDone done) override;
  absl::StatusOr<Document> Get(absl::string_view name, bool full_view) override;
  absl::StatusOr<ListDocumentsPage> List(const ListDocumentsQuery& query) override;
  absl::StatusOr<std::vector<OutboxItem>> FetchDue(absl::Time now, int limit) override;
  absl::StatusOr<std::optional<absl::Time>> NextDueAfter(absl::Time now) override;
  absl::StatusOr<OutboxStats> GetOutboxStats() override;
  absl::StatusOr<DocumentDelivery> GetDocumentDelivery(absl::string_view name) override;
  void MarkInFlight(std::vector<std::string> names,
                    absl::AnyInvocable<void(absl::Status status)> done) override;
  void MarkDone(const std::string& name, int statement_count, UpdateDone done) override;
  void ScheduleRetry(const std::string& name, absl::Time next_attempt_time,
                     const std::string& error, UpdateDone done) override;
  void MarkFailed(const std::string& name, const std::string& reason, UpdateDone done) override;

 private:
  PostgresDocumentStore(PostgresDocumentStoreOptions options, std::string replica_id,
                        std::string description, std::unique_ptr<postgres::Connection> writer);

  // Runs `update_sql` ($1 = update micros, $2 = id, then `rest`) and reads
  // the document back for `done`.
  void SubmitUpdate(const std::string& name, std::string update_sql,
                    std::vector<postgres::Param> rest, UpdateDone done);

  const PostgresDocumentStoreOptions options_;
  const std::string replica_id_;
  const std::string description_;
  postgres::ConnectionPool readers_;
  std::unique_ptr<postgres::GroupCommitter> committer_;
};

}  // namespace claimtrack::ingestion

#endif  // CLAIMTRACK_SERVICES_INGESTION_POSTGRES_DOCUMENT_STORE_H_
