#include "services/ingestion/sqlite_document_store.h"

#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/api/pagination.h"
#include "common/api/timestamps.h"
#include "common/text/sha256.h"
#include "services/ingestion/document_row.h"

namespace claimtrack::ingestion {
namespace {

using ::claimtrack::ingestion::v1::PROCESSING_STATE_DONE;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_EXTRACTING;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_FAILED;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_RECEIVED;
using ::claimtrack::sqlite::CachedStatement;
using ::claimtrack::sqlite::Database;
using ::claimtrack::sqlite::Statement;

// `seq` is the insertion order: the list order (newest first) and the page
// cursor. The outbox index covers what FetchDue reads: every commit empties
// the readers' page caches (WAL), so the dispatcher's frequent look at what
// is due must touch a few small index pages, not the wide rows. Outbox
// queries name it (INDEXED BY): without statistics the planner prefers
// documents_by_state and sorts the whole backlog on every look. `original_text` is NULL
// when it equals `text` (the common case), which halves what a clean article costs on
// disk.
constexpr absl::string_view kSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  publisher TEXT NOT NULL,
  title TEXT NOT NULL,
  authors_json TEXT NOT NULL,
  publish_time_micros INTEGER,
  text TEXT NOT NULL,
  original_text TEXT,
  removed_boilerplate_json TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  revision INTEGER NOT NULL,
  previous_revision TEXT NOT NULL,
  state INTEGER NOT NULL,
  failure_reason TEXT NOT NULL,
  statement_count INTEGER NOT NULL,
  attempt_count INTEGER NOT NULL,
  next_attempt_micros INTEGER NOT NULL,
  create_micros INTEGER NOT NULL,
  update_micros INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_by_url ON documents(url, revision) WHERE url != '';
CREATE INDEX IF NOT EXISTS documents_outbox
  ON documents(next_attempt_micros, seq, id, attempt_count) WHERE state IN (1, 2);
CREATE INDEX IF NOT EXISTS documents_by_state ON documents(state, seq);
CREATE INDEX IF NOT EXISTS documents_by_publisher ON documents(publisher, seq);
)sql";

// The schema's versions in order (PRAGMA user_version records the last
// applied): version N's SQL turns N-1 into N. Append, never edit: files
// written by earlier binaries are upgraded by running what they lack.
// Version 2: each document keeps its ingest call's request id.
constexpr absl::string_view kSchemaV2 =
    "ALTER TABLE documents ADD COLUMN request_id TEXT NOT NULL DEFAULT ''";
constexpr absl::string_view kMigrations[] = {kSchemaV1, kSchemaV2};
static_assert(std::size(kMigrations) == SqliteDocumentStore::kSchemaVersion);

// Columns of the BASIC view, then those FULL adds; RowToDocument reads them
// in this order.
constexpr absl::string_view kBasicColumns =
    "seq, id, url, publisher, title, authors_json, publish_time_micros, "
    "removed_boilerplate_json, content_sha256, revision, previous_revision, state, "
    "failure_reason, statement_count, attempt_count, create_micros, update_micros";
constexpr absl::string_view kFullExtraColumns = ", text, COALESCE(original_text, text)";
constexpr int kFirstFullColumn = 17;

Document RowToDocument(const Statement& row, bool full_view) {
  Document document;
  document.set_name(DocumentName(row.ColumnText(1)));
  claimtrack::type::v1::ArticleSource& source = *document.mutable_source();
  source.set_url(row.ColumnText(2));
  source.set_publisher(row.ColumnText(3));
  source.set_title(row.ColumnText(4));
  for (std::string& author : ParseJsonArray(row.ColumnText(5))) {
    source.add_authors(std::move(author));
  }
  if (!row.ColumnIsNull(6)) {
    *source.mutable_publish_time() = ProtoTimestampFromMicros(row.ColumnInt(6));
  }
  for (std::string& line : ParseJsonArray(row.ColumnText(7))) {
    document.add_removed_boilerplate(std::move(line));
  }
  document.set_content_sha256(row.ColumnText(8));
  document.set_revision(static_cast<int32_t>(row.ColumnInt(9)));
  document.set_previous_revision(row.ColumnText(10));
  document.set_state(static_cast<ProcessingState>(row.ColumnInt(11)));
  document.set_failure_reason(row.ColumnText(12));
  document.set_statement_count(static_cast<int32_t>(row.ColumnInt(13)));
  document.set_attempt_count(static_cast<int32_t>(row.ColumnInt(14)));
  *document.mutable_create_time() = ProtoTimestampFromMicros(row.ColumnInt(15));
  *document.mutable_update_time() = ProtoTimestampFromMicros(row.ColumnInt(16));
  if (full_view) {
    document.set_text(row.ColumnText(kFirstFullColumn));
    document.set_original_text(row.ColumnText(kFirstFullColumn + 1));
  }
  return document;
}

}  // namespace


absl::StatusOr<std::unique_ptr<SqliteDocumentStore>> SqliteDocumentStore::Open(
    const std::string& path) {
  absl::StatusOr<std::unique_ptr<Database>> writer = Database::Open(path);
  if (!writer.ok()) {
    return writer.status();
  }
  int64_t version = 0;
  {
    absl::StatusOr<Statement> pragma = (*writer)->Prepare("PRAGMA user_version");
    if (!pragma.ok()) {
      return pragma.status();
    }
    absl::StatusOr<bool> row = pragma->Step();
    if (!row.ok()) {
      return row.status();
    }
    version = *row ? pragma->ColumnInt(0) : 0;
  }
  if (version > kSchemaVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, " has schema version ", version, ", newer than this binary's ",
                     kSchemaVersion, "; run a newer claimtrack-ingestion"));
  }
  // Each step and its version number in one transaction: a crash leaves
  // the file at the old version or the new one, never between.
  for (int next = static_cast<int>(version) + 1; next <= kSchemaVersion; ++next) {
    if (absl::Status migrated = (*writer)->Exec(absl::StrCat(
            "BEGIN IMMEDIATE;", kMigrations[next - 1], "; PRAGMA user_version = ", next,
            "; COMMIT;"));
        !migrated.ok()) {
      (*writer)->Exec("ROLLBACK").IgnoreError();
      return absl::Status(migrated.code(), absl::StrCat(path, ": schema migration ", next,
                                                        ": ", migrated.message()));
    }
  }
  std::unique_ptr<SqliteDocumentStore> store(
      new SqliteDocumentStore(path, *std::move(writer)));
  // Open one reader now so that a path readers cannot use fails at start-up.
  if (absl::StatusOr<sqlite::ReaderPool::Lease> lease = store->readers_.Acquire(); !lease.ok()) {
    return lease.status();
  }
  return store;
}

SqliteDocumentStore::SqliteDocumentStore(std::string path,
                                         std::unique_ptr<Database> writer)
    : readers_(std::move(path)),
      committer_(std::make_unique<sqlite::GroupCommitter>(std::move(writer))) {}

SqliteDocumentStore::~SqliteDocumentStore() { Close(); }

void SqliteDocumentStore::Close() { committer_->Shutdown(); }

absl::StatusOr<CachedStatement> SqliteDocumentStore::WriteStatement(Database& db,
                                                                    absl::string_view sql) {
  if (write_statements_ == nullptr) {
    write_statements_ = std::make_unique<sqlite::StatementCache>(db);
  }
  return write_statements_->Get(sql);
}

void SqliteDocumentStore::Ingest(std::vector<NewDocument> documents, IngestDone done) {
  auto rows = std::make_unique<std::vector<PreparedRow>>();
  rows->reserve(documents.size());
  for (NewDocument& document : documents) {
    rows->push_back(PrepareRow(std::move(document)));
  }
  auto results = std::make_shared<std::vector<IngestResult>>(rows->size());

  auto write = [this, rows = std::move(rows), results](Database& db) -> absl::Status {
    const int64_t now = absl::ToUnixMicros(absl::Now());
    const std::string select_sql =
        absl::StrCat("SELECT ", kBasicColumns, " FROM documents WHERE id = ?1");
    for (size_t i = 0; i < rows->size(); ++i) {
      const PreparedRow& row = (*rows)[i];
      IngestResult& result = (*results)[i];
      // Same URL and same text: the document already exists.
      absl::StatusOr<CachedStatement> existing = WriteStatement(db, select_sql);
      if (!existing.ok()) {
        return existing.status();
      }
      {
        (*existing)->Bind(1, row.id);
        absl::StatusOr<bool> found = (*existing)->Step();
        if (!found.ok()) {
          return found.status();
        }
        if (*found) {
          result.document = RowToDocument(**existing, /*full_view=*/false);
          result.created = false;
          continue;
        }
      }
      // Same URL, new text: the next revision.
      int64_t revision = 1;
      std::string previous;
      const std::string& url = row.input.source.url();
      if (!url.empty()) {
        absl::StatusOr<CachedStatement> latest = WriteStatement(
            db,
            "SELECT id, revision FROM documents WHERE url = ?1 AND url != '' "
            "ORDER BY revision DESC LIMIT 1");
        if (!latest.ok()) {
          return latest.status();
        }
        (*latest)->Bind(1, url);
        absl::StatusOr<bool> found = (*latest)->Step();
        if (!found.ok()) {
          return found.status();
        }
        if (*found) {
          previous = DocumentName((*latest)->ColumnText(0));
          revision = (*latest)->ColumnInt(1) + 1;
        }
      }
      absl::StatusOr<CachedStatement> insert = WriteStatement(
          db,
          "INSERT INTO documents (id, url, publisher, title, authors_json, "
          "publish_time_micros, text, original_text, removed_boilerplate_json, "
          "content_sha256, revision, previous_revision, state, failure_reason, "
          "statement_count, attempt_count, next_attempt_micros, create_micros, "
          "update_micros, request_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
          "?12, ?13, '', 0, 0, ?14, ?14, ?14, ?15)");
      if (!insert.ok()) {
        return insert.status();
      }
      {
        Statement& s = **insert;
        const claimtrack::type::v1::ArticleSource& source = row.input.source;
        s.Bind(1, row.id)
            .Bind(2, url)
            .Bind(3, source.publisher())
            .Bind(4, source.title());
        s.Bind(5, row.authors_json);
        if (row.publish_time_micros.has_value()) {
          s.Bind(6, *row.publish_time_micros);
        } else {
          s.BindNull(6);
        }
        s.Bind(7, row.input.cleaned.text);
        if (row.input.original_text == row.input.cleaned.text) {
          s.BindNull(8);
        } else {
          s.Bind(8, row.input.original_text);
        }
        s.Bind(9, row.removed_json).Bind(10, row.content_sha256).Bind(11, revision);
        s.Bind(12, previous).Bind(13, static_cast<int64_t>(PROCESSING_STATE_RECEIVED));
        s.Bind(14, now).Bind(15, row.input.request_id);
        if (absl::Status inserted = s.Run(); !inserted.ok()) {
          return inserted;
        }
      }
      result.document = NewDocumentView(row, revision, previous, now);
      result.created = true;
    }
    return absl::OkStatus();
  };
  committer_->Submit(std::move(write), sqlite::DeliverResult(results, std::move(done)));
}

absl::StatusOr<Document> SqliteDocumentStore::Get(absl::string_view name,
                                                  bool full_view) {
  const std::optional<std::string> id = DocumentIdFromName(name);
  if (!id.has_value()) {
    return DocumentNotFound(name);
  }
  absl::StatusOr<sqlite::ReaderPool::Lease> lease = readers_.Acquire();
  if (!lease.ok()) {
    return lease.status();
  }
  absl::StatusOr<CachedStatement> select = lease->Prepare(
      absl::StrCat("SELECT ", kBasicColumns, full_view ? kFullExtraColumns : "",
                   " FROM documents WHERE id = ?1"));
  if (!select.ok()) {
    return select.status();
  }
  (*select)->Bind(1, *id);
  absl::StatusOr<bool> found = (*select)->Step();
  if (!found.ok()) {
    return found.status();
  }
  if (!*found) {
    return DocumentNotFound(name);
  }
  return RowToDocument(**select, full_view);
}

absl::StatusOr<ListDocumentsPage> SqliteDocumentStore::List(
    const ListDocumentsQuery& query) {
  const std::string fingerprint = ListDocumentsFingerprint(query);
  absl::StatusOr<int64_t> resume_after =
      DecodePageToken(query.page_token, fingerprint, std::numeric_limits<int64_t>::max());
  if (!resume_after.ok()) {
    return resume_after.status();
  }
  const bool by_state = query.state != ProcessingState::PROCESSING_STATE_UNSPECIFIED;
  const bool by_publisher = !query.publisher.empty();
  const bool by_url = !query.url.empty();
  std::string sql =
      absl::StrCat("SELECT ", kBasicColumns, query.full_view ? kFullExtraColumns : "",
                   " FROM documents WHERE seq < ?1");
  int next_param = 2;
  const int state_param = by_state ? next_param++ : 0;
  const int publisher_param = by_publisher ? next_param++ : 0;
  const int url_param = by_url ? next_param++ : 0;
  const int limit_param = next_param;
  if (by_state) {
    absl::StrAppend(&sql, " AND state = ?", state_param);
  }
  if (by_publisher) {
    absl::StrAppend(&sql, " AND publisher = ?", publisher_param);
  }
  if (by_url) {
    absl::StrAppend(&sql, " AND url = ?", url_param);
  }
  absl::StrAppend(&sql, " ORDER BY seq DESC LIMIT ?", limit_param);

  absl::StatusOr<sqlite::ReaderPool::Lease> lease = readers_.Acquire();
  if (!lease.ok()) {
    return lease.status();
  }
  absl::StatusOr<CachedStatement> select = lease->Prepare(sql);
  if (!select.ok()) {
    return select.status();
  }
  Statement& s = **select;
  s.Bind(1, *resume_after);
  if (by_state) {
    s.Bind(state_param, static_cast<int64_t>(query.state));
  }
  if (by_publisher) {
    s.Bind(publisher_param, query.publisher);
  }
  if (by_url) {
    s.Bind(url_param, query.url);
  }
  // One more than a page tells whether there is a next page.
  s.Bind(limit_param, static_cast<int64_t>(query.page_size) + 1);
  ListDocumentsPage page;
  int64_t last_seq = 0;
  size_t text_bytes = 0;
  while (true) {
    absl::StatusOr<bool> row = s.Step();
    if (!row.ok()) {
      return row.status();
    }
    if (!*row) {
      break;
    }
    if (static_cast<int>(page.documents.size()) == query.page_size ||
        text_bytes >= query.max_text_bytes) {
      page.next_page_token = EncodePageToken(last_seq, fingerprint);
      break;
    }
    last_seq = s.ColumnInt(0);
    const Document& document = page.documents.emplace_back(RowToDocument(s, query.full_view));
    text_bytes += document.text().size() + document.original_text().size();
  }
  return page;
}

absl::StatusOr<std::vector<OutboxItem>> SqliteDocumentStore::FetchDue(absl::Time now,
                                                                      int limit) {
  absl::StatusOr<sqlite::ReaderPool::Lease> lease = readers_.Acquire();
  if (!lease.ok()) {
    return lease.status();
  }
  absl::StatusOr<CachedStatement> select = lease->Prepare(
      "SELECT id, attempt_count, next_attempt_micros FROM documents "
      "INDEXED BY documents_outbox "
      "WHERE state IN (1, 2) AND next_attempt_micros <= ?1 "
      "ORDER BY next_attempt_micros, seq LIMIT ?2");
  if (!select.ok()) {
    return select.status();
  }
  Statement& s = **select;
  s.Bind(1, absl::ToUnixMicros(now)).Bind(2, static_cast<int64_t>(limit));
  std::vector<OutboxItem> items;
  while (true) {
    absl::StatusOr<bool> row = s.Step();
    if (!row.ok()) {
      return row.status();
    }
    if (!*row) {
      break;
    }
    items.push_back(OutboxItem{DocumentName(s.ColumnText(0)), static_cast<int>(s.ColumnInt(1)),
                               absl::FromUnixMicros(s.ColumnInt(2))});
  }
  return items;
}

absl::StatusOr<std::optional<absl::Time>> SqliteDocumentStore::NextDueAfter(
    absl::Time now) {
  absl::StatusOr<sqlite::ReaderPool::Lease> lease = readers_.Acquire();
  if (!lease.ok()) {
    return lease.status();
  }
  absl::StatusOr<CachedStatement> select = lease->Prepare(
      "SELECT MIN(next_attempt_micros) FROM documents INDEXED BY documents_outbox "
      "WHERE state IN (1, 2) AND next_attempt_micros > ?1");
  if (!select.ok()) {
    return select.status();
  }
  (*select)->Bind(1, absl::ToUnixMicros(now));
  absl::StatusOr<bool> row = (*select)->Step();
  if (!row.ok()) {
    return row.status();
  }
  if (!*row || (*select)->ColumnIsNull(0)) {
    return std::optional<absl::Time>();
  }
  return std::optional<absl::Time>(absl::FromUnixMicros((*select)->ColumnInt(0)));
}

absl::StatusOr<OutboxStats> SqliteDocumentStore::GetOutboxStats() {
  absl::StatusOr<sqlite::ReaderPool::Lease> lease = readers_.Acquire();
  if (!lease.ok()) {
    return lease.status();
  }
  // Counting walks documents_by_state's undelivered entries; the oldest is
  // the lowest seq of each state (seq grows with create time): two seeks.
  absl::StatusOr<CachedStatement> select = lease->Prepare(
      "SELECT (SELECT COUNT(*) FROM documents WHERE state IN (1, 2)), "
      "(SELECT MIN(create_micros) FROM documents WHERE seq IN ("
      "(SELECT MIN(seq) FROM documents WHERE state = 1), "
      "(SELECT MIN(seq) FROM documents WHERE state = 2)))");
  if (!select.ok()) {
    return select.status();
  }
  absl::StatusOr<bool> row = (*select)->Step();
  if (!row.ok()) {
    return row.status();
  }
  OutboxStats stats;
  if (*row) {
    stats.undelivered = (*select)->ColumnInt(0);
    if (!(*select)->ColumnIsNull(1)) {
      stats.oldest_create_time = absl::FromUnixMicros((*select)->ColumnInt(1));
    }
  }
  return stats;
}

absl::StatusOr<DocumentDelivery> SqliteDocumentStore::GetDocumentDelivery(
    absl::string_view name) {
  const std::optional<std::string> id = DocumentIdFromName(name);
  if (!id.has_value()) {
    return DocumentNotFound(name);
  }
  absl::StatusOr<sqlite::ReaderPool::Lease> lease = readers_.Acquire();
  if (!lease.ok()) {
    return lease.status();
  }
  absl::StatusOr<CachedStatement> select = lease->Prepare(
      "SELECT text, url, publisher, title, authors_json, publish_time_micros, request_id "
      "FROM documents WHERE id = ?1");
  if (!select.ok()) {
    return select.status();
  }
  Statement& s = **select;
  s.Bind(1, *id);
  absl::StatusOr<bool> found = s.Step();
  if (!found.ok()) {
    return found.status();
  }
  if (!*found) {
    return DocumentNotFound(name);
  }
  DocumentDelivery delivery;
  delivery.request_id = s.ColumnText(6);
  claimtrack::type::v1::DocumentRef& ref = delivery.document;
  ref.set_name(std::string(name));
  ref.set_text(s.ColumnText(0));
  claimtrack::type::v1::ArticleSource& source = *ref.mutable_source();
  source.set_url(s.ColumnText(1));
  source.set_publisher(s.ColumnText(2));
  source.set_title(s.ColumnText(3));
  for (std::string& author : ParseJsonArray(s.ColumnText(4))) {
    source.add_authors(std::move(author));
  }
  if (!s.ColumnIsNull(5)) {
    *source.mutable_publish_time() = ProtoTimestampFromMicros(s.ColumnInt(5));
  }
  return delivery;
}

void SqliteDocumentStore::SubmitUpdate(const std::string& name, std::string update_sql,
                                       absl::AnyInvocable<void(Statement&)> bind_rest,
                                       bool read_back, UpdateDone done) {
  const std::optional<std::string> id = DocumentIdFromName(name);
  if (!id.has_value()) {
    done(DocumentNotFound(name));
    return;
  }
  auto document = std::make_shared<Document>();
  auto write = [this, id = *id, update_sql = std::move(update_sql),
                bind_rest = std::move(bind_rest), read_back,
                document](Database& db) mutable -> absl::Status {
    absl::StatusOr<CachedStatement> update = WriteStatement(db, update_sql);
    if (!update.ok()) {
      return update.status();
    }
    {
      (*update)->Bind(1, absl::ToUnixMicros(absl::Now())).Bind(2, id);
      bind_rest(**update);
      if (absl::Status updated = (*update)->Run(); !updated.ok()) {
        return updated;
      }
    }
    if (!read_back) {
      document->set_name(DocumentName(id));
      return absl::OkStatus();
    }
    absl::StatusOr<CachedStatement> select = WriteStatement(
        db, absl::StrCat("SELECT ", kBasicColumns, " FROM documents WHERE id = ?1"));
    if (!select.ok()) {
      return select.status();
    }
    (*select)->Bind(1, id);
    absl::StatusOr<bool> found = (*select)->Step();
    if (!found.ok()) {
      return found.status();
    }
    if (!*found) {
      return DocumentNotFound(DocumentName(id));
    }
    *document = RowToDocument(**select, /*full_view=*/false);
    return absl::OkStatus();
  };
  committer_->Submit(std::move(write), sqlite::DeliverResult(document, std::move(done)));
}

// Each update applies only while the document is undelivered, so a late
// outcome (a retry racing a success) never moves DONE or FAILED back.
void SqliteDocumentStore::MarkInFlight(std::vector<std::string> names,
                                       absl::AnyInvocable<void(absl::Status)> done) {
  std::vector<std::string> ids;
  ids.reserve(names.size());
  for (const std::string& name : names) {
    if (std::optional<std::string> id = DocumentIdFromName(name); id.has_value()) {
      ids.push_back(*std::move(id));
    }
  }
  const std::string sql = absl::StrCat(
      "UPDATE documents SET state = ", static_cast<int>(PROCESSING_STATE_EXTRACTING),
      ", attempt_count = attempt_count + 1, update_micros = ?1 "
      "WHERE id = ?2 AND state IN (1, 2)");
  committer_->Submit(
      [this, ids = std::move(ids), sql](Database& db) -> absl::Status {
        absl::StatusOr<CachedStatement> update = WriteStatement(db, sql);
        if (!update.ok()) {
          return update.status();
        }
        const int64_t now = absl::ToUnixMicros(absl::Now());
        for (const std::string& id : ids) {
          (*update)->Reset();  // one statement, run once per document
          (*update)->Bind(1, now).Bind(2, id);
          if (absl::Status updated = (*update)->Run(); !updated.ok()) {
            return updated;
          }
        }
        return absl::OkStatus();
      },
      std::move(done));
}

void SqliteDocumentStore::MarkDone(const std::string& name, int statement_count,
                                   UpdateDone done) {
  SubmitUpdate(
      name,
      absl::StrCat(
          "UPDATE documents SET state = ", static_cast<int>(PROCESSING_STATE_DONE),
          ", statement_count = ?3, failure_reason = '', "
          "update_micros = ?1 WHERE id = ?2 AND state IN (1, 2)"),
      [statement_count](Statement& s) { s.Bind(3, statement_count); },
      /*read_back=*/true, std::move(done));
}

void SqliteDocumentStore::ScheduleRetry(const std::string& name,
                                        absl::Time next_attempt_time,
                                        const std::string& error, UpdateDone done) {
  SubmitUpdate(
      name,
      absl::StrCat(
          "UPDATE documents SET state = ", static_cast<int>(PROCESSING_STATE_EXTRACTING),
          ", next_attempt_micros = ?3, failure_reason = ?4, "
          "update_micros = ?1 WHERE id = ?2 AND state IN (1, 2)"),
      [micros = absl::ToUnixMicros(next_attempt_time), error](Statement& s) {
        s.Bind(3, micros).Bind(4, error);
      },
      /*read_back=*/true, std::move(done));
}

void SqliteDocumentStore::MarkFailed(const std::string& name, const std::string& reason,
                                     UpdateDone done) {
  SubmitUpdate(
      name,
      absl::StrCat(
          "UPDATE documents SET state = ", static_cast<int>(PROCESSING_STATE_FAILED),
          ", failure_reason = ?3, update_micros = ?1 "
          "WHERE id = ?2 AND state IN (1, 2)"),
      [reason](Statement& s) { s.Bind(3, reason); }, /*read_back=*/true, std::move(done));
}

}  // namespace claimtrack::ingestion
