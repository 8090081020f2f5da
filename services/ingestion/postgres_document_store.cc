#include "services/ingestion/postgres_document_store.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <tuple>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/api/pagination.h"
#include "common/api/timestamps.h"
#include "common/postgres/migrations.h"
#include "services/ingestion/document_row.h"

namespace claimtrack::ingestion {
namespace {

using ::claimtrack::ingestion::v1::PROCESSING_STATE_DONE;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_EXTRACTING;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_FAILED;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_RECEIVED;
using ::claimtrack::postgres::Connection;
using ::claimtrack::postgres::Param;
using ::claimtrack::postgres::Result;

// Version 1 is the SQLite schema in PostgreSQL's words (times in unix
// microseconds, `seq` the insertion order and list cursor, original_text
// NULL when it equals text). Version 2 adds the outbox lease that lets
// replicas share the outbox. Append, never edit.
constexpr absl::string_view kSchemaV1 = R"sql(
CREATE TABLE documents (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  publisher TEXT NOT NULL,
  title TEXT NOT NULL,
  authors_json TEXT NOT NULL,
  publish_time_micros BIGINT,
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
  next_attempt_micros BIGINT NOT NULL,
  create_micros BIGINT NOT NULL,
  update_micros BIGINT NOT NULL
);
CREATE INDEX documents_by_url ON documents (url, revision) WHERE url <> '';
CREATE INDEX documents_outbox ON documents (next_attempt_micros, seq) WHERE state IN (1, 2);
CREATE INDEX documents_by_state ON documents (state, seq);
CREATE INDEX documents_by_publisher ON documents (publisher, seq);
)sql";

constexpr absl::string_view kSchemaV2 = R"sql(
ALTER TABLE documents ADD COLUMN lease_owner TEXT;
ALTER TABLE documents ADD COLUMN lease_expiry_micros BIGINT;
)sql";

// Version 3: each document keeps its ingest call's request id.
constexpr absl::string_view kSchemaV3 =
    "ALTER TABLE documents ADD COLUMN request_id TEXT NOT NULL DEFAULT ''";
constexpr postgres::Migration kMigrations[] = {{1, kSchemaV1}, {2, kSchemaV2}, {3, kSchemaV3}};
static_assert(std::size(kMigrations) == PostgresDocumentStore::kSchemaVersion);

// Columns of the BASIC view, then those FULL adds (as in the SQLite store).
constexpr absl::string_view kBasicColumns =
    "seq, id, url, publisher, title, authors_json, publish_time_micros, "
    "removed_boilerplate_json, content_sha256, revision, previous_revision, state, "
    "failure_reason, statement_count, attempt_count, create_micros, update_micros";
constexpr absl::string_view kFullExtraColumns = ", text, COALESCE(original_text, text)";
constexpr int kFirstFullColumn = 17;

// Undelivered: RECEIVED or EXTRACTING.
constexpr absl::string_view kUndelivered = "state IN (1, 2)";

std::string Micros(absl::Time time) { return absl::StrCat(absl::ToUnixMicros(time)); }

Document RowToDocument(const Result& r, int row, bool full_view) {
  Document document;
  document.set_name(DocumentName(r.Text(row, 1)));
  claimtrack::type::v1::ArticleSource& source = *document.mutable_source();
  source.set_url(r.Text(row, 2));
  source.set_publisher(r.Text(row, 3));
  source.set_title(r.Text(row, 4));
  for (std::string& author : ParseJsonArray(r.Text(row, 5))) {
    source.add_authors(std::move(author));
  }
  if (!r.IsNull(row, 6)) {
    *source.mutable_publish_time() = ProtoTimestampFromMicros(r.Int(row, 6));
  }
  for (std::string& line : ParseJsonArray(r.Text(row, 7))) {
    document.add_removed_boilerplate(std::move(line));
  }
  document.set_content_sha256(r.Text(row, 8));
  document.set_revision(static_cast<int32_t>(r.Int(row, 9)));
  document.set_previous_revision(r.Text(row, 10));
  document.set_state(static_cast<ProcessingState>(r.Int(row, 11)));
  document.set_failure_reason(r.Text(row, 12));
  document.set_statement_count(static_cast<int32_t>(r.Int(row, 13)));
  document.set_attempt_count(static_cast<int32_t>(r.Int(row, 14)));
  *document.mutable_create_time() = ProtoTimestampFromMicros(r.Int(row, 15));
  *document.mutable_update_time() = ProtoTimestampFromMicros(r.Int(row, 16));
  if (full_view) {
    document.set_text(r.Text(row, kFirstFullColumn));
    document.set_original_text(r.Text(row, kFirstFullColumn + 1));
  }
  return document;
}

std::string DefaultReplicaId() {
  char host[256] = {0};
  if (gethostname(host, sizeof(host) - 1) != 0) {
    host[0] = '\0';
  }
  absl::BitGen bitgen;
  return absl::StrCat(host, "/", getpid(), "/",
                      absl::Hex(absl::Uniform<uint32_t>(bitgen), absl::kZeroPad8));
}

}  // namespace

absl::StatusOr<std::unique_ptr<PostgresDocumentStore>> PostgresDocumentStore::Open(
    PostgresDocumentStoreOptions options) {
  absl::StatusOr<std::unique_ptr<Connection>> writer =
      Connection::Open(options.database_url, options.database_name);
  if (!writer.ok()) {
    return writer.status();
  }
  if (absl::Status migrated =
          postgres::Migrate(**writer, "ingestion", kMigrations, "claimtrack-ingestion");
      !migrated.ok()) {
    return migrated;
  }
  std::string replica_id = options.replica_id.empty() ? DefaultReplicaId() : options.replica_id;
  std::string description = (*writer)->Describe();
  return std::unique_ptr<PostgresDocumentStore>(new PostgresDocumentStore(
      std::move(options), std::move(replica_id), std::move(description), *std::move(writer)));
}

PostgresDocumentStore::PostgresDocumentStore(PostgresDocumentStoreOptions options,
                                             std::string replica_id, std::string description,
                                             std::unique_ptr<Connection> writer)
    : options_(std::move(options)),
      replica_id_(std::move(replica_id)),
      description_(std::move(description)),
      // Their only writes are outbox claims, which need not wait for the
      // WAL flush: a claim lost in a server crash just lets the document be
      // claimed again, and delivery is idempotent. Outcomes and ingests go
      // through the writer, durably.
      readers_(options_.database_url, options_.database_name, /*max_idle=*/8,
               "SET synchronous_commit = off"),
      committer_(std::make_unique<postgres::GroupCommitter>(std::move(writer))) {}

PostgresDocumentStore::~PostgresDocumentStore() { Close(); }

void PostgresDocumentStore::Close() { committer_->Shutdown(); }

void PostgresDocumentStore::Ingest(std::vector<NewDocument> documents, IngestDone done) {
  auto rows = std::make_shared<std::vector<PreparedRow>>();
  rows->reserve(documents.size());
  for (NewDocument& document : documents) {
    rows->push_back(PrepareRow(std::move(document)));
  }
  auto results = std::make_shared<std::vector<IngestResult>>(rows->size());
  auto write = [rows, results](Connection& db) -> absl::Status {
    const int64_t now = absl::ToUnixMicros(absl::Now());
    const std::string select_sql =
        absl::StrCat("SELECT ", kBasicColumns, " FROM documents WHERE id = $1");
    for (size_t i = 0; i < rows->size(); ++i) {
      const PreparedRow& row = (*rows)[i];
      IngestResult& result = (*results)[i];
      const std::string& url = row.input.source.url();
      // Replicas ingesting the same URL (or, without one, the same id) take
      // turns until commit, so each sees the other's revision.
      absl::StatusOr<Result> locked =
          db.Query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                   {absl::StrCat(url.empty() ? "id:" : "url:", url.empty() ? row.id : url)});
      if (!locked.ok()) {
        return locked.status();
      }
      // New (the common case): one statement inserts it as the URL's next
      // revision. Nothing inserted: the same URL and text exist already.
      const claimtrack::type::v1::ArticleSource& source = row.input.source;
      absl::StatusOr<Result> inserted = db.Query(
          "INSERT INTO documents (id, url, publisher, title, authors_json, "
          "publish_time_micros, text, original_text, removed_boilerplate_json, "
          "content_sha256, revision, previous_revision, state, failure_reason, "
          "statement_count, attempt_count, next_attempt_micros, create_micros, "
          "update_micros, request_id) "
          "SELECT $1, $2, $3, $4, $5, $6::bigint, $7, $8, $9, $10, COALESCE(latest.revision, 0) + "
          "1, "
          "COALESCE('documents/' || latest.id, ''), $11::integer, '', 0, 0, $12::bigint, $12, $12, "
          "$13 "
          "FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT id, revision FROM documents "
          "WHERE url = $2 AND url <> '' ORDER BY revision DESC LIMIT 1) AS latest ON true "
          "ON CONFLICT (id) DO NOTHING RETURNING revision, previous_revision",
          {row.id, url, source.publisher(), source.title(), row.authors_json,
           row.publish_time_micros.has_value() ? Param(absl::StrCat(*row.publish_time_micros))
                                               : Param(),
           row.input.cleaned.text,
           row.input.original_text == row.input.cleaned.text ? Param()
                                                             : Param(row.input.original_text),
           row.removed_json, row.content_sha256,
           absl::StrCat(static_cast<int>(PROCESSING_STATE_RECEIVED)), absl::StrCat(now),
           row.input.request_id});
      if (!inserted.ok()) {
        return inserted.status();
      }
      if (inserted->rows() == 0) {
        absl::StatusOr<Result> existing = db.Query(select_sql, {row.id});
        if (!existing.ok()) {
          return existing.status();
        }
        if (existing->rows() == 0) {
          return absl::InternalError(absl::StrCat("document ", row.id, " vanished"));
        }
        result.document = RowToDocument(*existing, 0, /*full_view=*/false);
        result.created = false;
        continue;
      }
      const int64_t revision = inserted->Int(0, 0);
      const std::string previous = inserted->Text(0, 1);
      result.document = NewDocumentView(row, revision, previous, now);
      result.created = true;
    }
    return absl::OkStatus();
  };
  committer_->Submit(std::move(write), postgres::DeliverResult(results, std::move(done)));
}

absl::StatusOr<Document> PostgresDocumentStore::Get(absl::string_view name, bool full_view) {
  const std::optional<std::string> id = DocumentIdFromName(name);
  if (!id.has_value()) {
    return DocumentNotFound(name);
  }
  absl::StatusOr<postgres::ConnectionPool::Lease> db = readers_.Acquire();
  if (!db.ok()) {
    return db.status();
  }
  absl::StatusOr<Result> found =
      (*db)->Query(absl::StrCat("SELECT ", kBasicColumns, full_view ? kFullExtraColumns : "",
                                " FROM documents WHERE id = $1"),
                   {*id});
  if (!found.ok()) {
    return found.status();
  }
  if (found->rows() == 0) {
    return DocumentNotFound(name);
  }
  return RowToDocument(*found, 0, full_view);
}

absl::StatusOr<ListDocumentsPage> PostgresDocumentStore::List(const ListDocumentsQuery& query) {
  const std::string fingerprint = ListDocumentsFingerprint(query);
  absl::StatusOr<int64_t> resume_after =
      DecodePageToken(query.page_token, fingerprint, std::numeric_limits<int64_t>::max());
  if (!resume_after.ok()) {
    return resume_after.status();
  }
  std::vector<Param> params = {absl::StrCat(*resume_after)};
  std::string sql = absl::StrCat("SELECT ", kBasicColumns, query.full_view ? kFullExtraColumns : "",
                                 " FROM documents WHERE seq < $1");
  if (query.state != ProcessingState::PROCESSING_STATE_UNSPECIFIED) {
    params.push_back(absl::StrCat(static_cast<int>(query.state)));
    absl::StrAppend(&sql, " AND state = $", params.size());
  }
  if (!query.publisher.empty()) {
    params.push_back(query.publisher);
    absl::StrAppend(&sql, " AND publisher = $", params.size());
  }
  if (!query.url.empty()) {
    params.push_back(query.url);
    absl::StrAppend(&sql, " AND url = $", params.size());
  }
  // One more than a page tells whether there is a next page.
  params.push_back(absl::StrCat(static_cast<int64_t>(query.page_size) + 1));
  absl::StrAppend(&sql, " ORDER BY seq DESC LIMIT $", params.size());

  absl::StatusOr<postgres::ConnectionPool::Lease> db = readers_.Acquire();
  if (!db.ok()) {
    return db.status();
  }
  absl::StatusOr<Result> rows = (*db)->Query(sql, params);
  if (!rows.ok()) {
    return rows.status();
  }
  ListDocumentsPage page;
  int64_t last_seq = 0;
  size_t text_bytes = 0;
  for (int i = 0; i < rows->rows(); ++i) {
    if (static_cast<int>(page.documents.size()) == query.page_size ||
        text_bytes >= query.max_text_bytes) {
      page.next_page_token = EncodePageToken(last_seq, fingerprint);
      break;
    }
    last_seq = rows->Int(i, 0);
    const Document& document =
        page.documents.emplace_back(RowToDocument(*rows, i, query.full_view));
    text_bytes += document.text().size() + document.original_text().size();
  }
  return page;
}

absl::StatusOr<std::vector<OutboxItem>> PostgresDocumentStore::FetchDue(absl::Time now, int limit) {
  absl::StatusOr<postgres::ConnectionPool::Lease> db = readers_.Acquire();
  if (!db.ok()) {
    return db.status();
  }
  // One statement, so one short transaction: rows another replica is
  // claiming or writing right now are skipped, not waited for.
  absl::StatusOr<Result> claimed = (*db)->Query(
      absl::StrCat("UPDATE documents SET lease_owner = $1, lease_expiry_micros = $2 "
                   "WHERE id IN (SELECT id FROM documents WHERE ",
                   kUndelivered,
                   " AND next_attempt_micros <= $3 AND (lease_owner IS NULL OR lease_owner = $1 "
                   "OR lease_expiry_micros <= $3) "
                   "ORDER BY next_attempt_micros, seq LIMIT $4 FOR UPDATE SKIP LOCKED) "
                   "RETURNING id, attempt_count, next_attempt_micros, seq"),
      {replica_id_, Micros(now + options_.lease), Micros(now), absl::StrCat(limit)});
  if (!claimed.ok()) {
    return claimed.status();
  }
  struct Row {
    int64_t next_attempt;
    int64_t seq;
    OutboxItem item;
  };
  std::vector<Row> rows;
  rows.reserve(claimed->rows());
  for (int i = 0; i < claimed->rows(); ++i) {
    rows.push_back(
        Row{claimed->Int(i, 2), claimed->Int(i, 3),
            OutboxItem{DocumentName(claimed->Text(i, 0)), static_cast<int>(claimed->Int(i, 1)),
                       absl::FromUnixMicros(claimed->Int(i, 2))}});
  }
  // RETURNING has no order: the longest-waiting first.
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.next_attempt, a.seq) < std::tie(b.next_attempt, b.seq);
  });
  std::vector<OutboxItem> items;
  items.reserve(rows.size());
  for (Row& row : rows) {
    items.push_back(std::move(row.item));
  }
  return items;
}

absl::StatusOr<std::optional<absl::Time>> PostgresDocumentStore::NextDueAfter(absl::Time now) {
  absl::StatusOr<postgres::ConnectionPool::Lease> db = readers_.Acquire();
  if (!db.ok()) {
    return db.status();
  }
  // A document another replica holds becomes ours to claim when its lease
  // expires, if that is later than its own due time.
  absl::StatusOr<Result> next =
      (*db)->Query(absl::StrCat("SELECT MIN(t) FROM (SELECT CASE WHEN lease_owner IS NOT NULL AND "
                                "lease_owner <> $1 AND lease_expiry_micros > next_attempt_micros "
                                "THEN lease_expiry_micros ELSE next_attempt_micros END AS t "
                                "FROM documents WHERE ",
                                kUndelivered, ") AS due WHERE t > $2"),
                   {replica_id_, Micros(now)});
  if (!next.ok()) {
    return next.status();
  }
  // A replica that dies tells no one: look again within one lease even when
  // nothing is known to be due, so that documents another replica claimed
  // after this look are not left waiting for this replica's next ingest.
  const absl::Time poll = now + options_.lease;
  if (next->rows() == 0 || next->IsNull(0, 0)) {
    return std::optional<absl::Time>(poll);
  }
  return std::optional<absl::Time>(std::min(poll, absl::FromUnixMicros(next->Int(0, 0))));
}

absl::StatusOr<OutboxStats> PostgresDocumentStore::GetOutboxStats() {
  absl::StatusOr<postgres::ConnectionPool::Lease> db = readers_.Acquire();
  if (!db.ok()) {
    return db.status();
  }
  absl::StatusOr<Result> stats = (*db)->Query(
      absl::StrCat("SELECT COUNT(*), MIN(create_micros) FROM documents WHERE ", kUndelivered),
      {});
  if (!stats.ok()) {
    return stats.status();
  }
  OutboxStats result;
  if (stats->rows() > 0) {
    result.undelivered = stats->Int(0, 0);
    if (!stats->IsNull(0, 1)) {
      result.oldest_create_time = absl::FromUnixMicros(stats->Int(0, 1));
    }
  }
  return result;
}

absl::StatusOr<DocumentDelivery> PostgresDocumentStore::GetDocumentDelivery(
    absl::string_view name) {
  const std::optional<std::string> id = DocumentIdFromName(name);
  if (!id.has_value()) {
    return DocumentNotFound(name);
  }
  absl::StatusOr<postgres::ConnectionPool::Lease> db = readers_.Acquire();
  if (!db.ok()) {
    return db.status();
  }
  absl::StatusOr<Result> found = (*db)->Query(
      "SELECT text, url, publisher, title, authors_json, publish_time_micros, request_id "
      "FROM documents WHERE id = $1",
      {*id});
  if (!found.ok()) {
    return found.status();
  }
  if (found->rows() == 0) {
    return DocumentNotFound(name);
  }
  DocumentDelivery delivery;
  delivery.request_id = found->Text(0, 6);
  claimtrack::type::v1::DocumentRef& ref = delivery.document;
  ref.set_name(std::string(name));
  ref.set_text(found->Text(0, 0));
  claimtrack::type::v1::ArticleSource& source = *ref.mutable_source();
  source.set_url(found->Text(0, 1));
  source.set_publisher(found->Text(0, 2));
  source.set_title(found->Text(0, 3));
  for (std::string& author : ParseJsonArray(found->Text(0, 4))) {
    source.add_authors(std::move(author));
  }
  if (!found->IsNull(0, 5)) {
    *source.mutable_publish_time() = ProtoTimestampFromMicros(found->Int(0, 5));
  }
  return delivery;
}

void PostgresDocumentStore::MarkInFlight(std::vector<std::string> names,
                                         absl::AnyInvocable<void(absl::Status)> done) {
  std::vector<std::string> ids;
  ids.reserve(names.size());
  for (const std::string& name : names) {
    if (std::optional<std::string> id = DocumentIdFromName(name); id.has_value()) {
      // Ids are hex; a quoted element keeps anything else literal.
      ids.push_back(absl::StrCat("\"", *id, "\""));
    }
  }
  const std::string array = absl::StrCat("{", absl::StrJoin(ids, ","), "}");
  committer_->Submit(
      [array](Connection& db) -> absl::Status {
        return db
            .Query(absl::StrCat("UPDATE documents SET state = ",
                                static_cast<int>(PROCESSING_STATE_EXTRACTING),
                                ", attempt_count = attempt_count + 1, update_micros = $1 "
                                "WHERE id = ANY($2::text[]) AND ",
                                kUndelivered),
                   {Micros(absl::Now()), array})
            .status();
      },
      std::move(done));
}

void PostgresDocumentStore::SubmitUpdate(const std::string& name, std::string update_sql,
                                         std::vector<Param> rest, UpdateDone done) {
  const std::optional<std::string> id = DocumentIdFromName(name);
  if (!id.has_value()) {
    done(DocumentNotFound(name));
    return;
  }
  auto document = std::make_shared<Document>();
  auto write = [id = *id, update_sql = std::move(update_sql), rest = std::move(rest),
                document](Connection& db) -> absl::Status {
    std::vector<Param> params = {Micros(absl::Now()), id};
    params.insert(params.end(), rest.begin(), rest.end());
    if (absl::StatusOr<Result> updated = db.Query(update_sql, params); !updated.ok()) {
      return updated.status();
    }
    absl::StatusOr<Result> found =
        db.Query(absl::StrCat("SELECT ", kBasicColumns, " FROM documents WHERE id = $1"), {id});
    if (!found.ok()) {
      return found.status();
    }
    if (found->rows() == 0) {
      return DocumentNotFound(DocumentName(id));
    }
    *document = RowToDocument(*found, 0, /*full_view=*/false);
    return absl::OkStatus();
  };
  committer_->Submit(std::move(write), postgres::DeliverResult(document, std::move(done)));
}

// Each outcome applies only while the document is undelivered, so a late
// one (a retry racing a success, or a second replica's delivery after a
// lease expired) never moves DONE or FAILED back; each ends the lease.
void PostgresDocumentStore::MarkDone(const std::string& name, int statement_count,
                                     UpdateDone done) {
  SubmitUpdate(
      name,
      absl::StrCat("UPDATE documents SET state = ", static_cast<int>(PROCESSING_STATE_DONE),
                   ", statement_count = $3, failure_reason = '', update_micros = $1, "
                   "lease_owner = NULL, lease_expiry_micros = NULL "
                   "WHERE id = $2 AND ",
                   kUndelivered),
      {absl::StrCat(statement_count)}, std::move(done));
}

void PostgresDocumentStore::ScheduleRetry(const std::string& name, absl::Time next_attempt_time,
                                          const std::string& error, UpdateDone done) {
  SubmitUpdate(
      name,
      absl::StrCat("UPDATE documents SET state = ", static_cast<int>(PROCESSING_STATE_EXTRACTING),
                   ", next_attempt_micros = $3, failure_reason = $4, "
                   "update_micros = $1, lease_owner = NULL, "
                   "lease_expiry_micros = NULL WHERE id = $2 AND ",
                   kUndelivered),
      {Micros(next_attempt_time), error}, std::move(done));
}

void PostgresDocumentStore::MarkFailed(const std::string& name, const std::string& reason,
                                       UpdateDone done) {
  SubmitUpdate(
      name,
      absl::StrCat("UPDATE documents SET state = ", static_cast<int>(PROCESSING_STATE_FAILED),
                   ", failure_reason = $3, update_micros = $1, lease_owner = NULL, "
                   "lease_expiry_micros = NULL WHERE id = $2 AND ",
                   kUndelivered),
      {reason}, std::move(done));
}

}  // namespace claimtrack::ingestion
