#ifndef CLAIMTRACK_SERVICES_INGESTION_SQLITE_DOCUMENT_STORE_H_
#define CLAIMTRACK_SERVICES_INGESTION_SQLITE_DOCUMENT_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "common/sqlite/database.h"
#include "common/sqlite/group_committer.h"
#include "common/sqlite/reader_pool.h"
#include "common/sqlite/statement_cache.h"
#include "services/ingestion/document_store.h"

namespace claimtrack::ingestion {

// DocumentStore on one SQLite file: every write goes through a GroupCommitter
// (one writer thread, many writes per durable commit); reads use a pool of
// separate connections, which WAL lets run beside the writer.
class SqliteDocumentStore final : public DocumentStore {
 public:
  // The schema this binary writes. A file with a newer one is refused rather
  // than misread.
  static constexpr int kSchemaVersion = 2;

  // Opens (creating if needed) the database at `path`.
  static absl::StatusOr<std::unique_ptr<SqliteDocumentStore>> Open(
      const std::string& path);

  ~SqliteDocumentStore() override;
  SqliteDocumentStore(const SqliteDocumentStore&) = delete;
  SqliteDocumentStore& operator=(const SqliteDocumentStore&) = delete;

  // Commits every write already submitted and stops; later writes fail with
  // UNAVAILABLE. Idempotent.
  void Close();

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
  void MarkFailed(const std::string& name, const std::string& reason,
                  UpdateDone done) override;

 private:
  SqliteDocumentStore(std::string path, std::unique_ptr<sqlite::Database> writer);

  // Runs on the writer thread only.
  absl::StatusOr<sqlite::CachedStatement> WriteStatement(sqlite::Database& db,
                                                         absl::string_view sql);
  // Runs `update_sql` (binds: 1 = update micros, 2 = id, then `bind_rest`)
  // and, if `read_back`, reads the document back for `done` (otherwise
  // `done` gets a document with only its name).
  void SubmitUpdate(const std::string& name, std::string update_sql,
                    absl::AnyInvocable<void(sqlite::Statement&)> bind_rest,
                    bool read_back, UpdateDone done);

  sqlite::ReaderPool readers_;
  // Prepared statements of the writer connection; touched only on the
  // committer thread. Declared before the committer so that it outlives the
  // committer's thread.
  std::unique_ptr<sqlite::StatementCache> write_statements_;
  std::unique_ptr<sqlite::GroupCommitter> committer_;
};

}  // namespace claimtrack::ingestion

#endif  // CLAIMTRACK_SERVICES_INGESTION_SQLITE_DOCUMENT_STORE_H_
