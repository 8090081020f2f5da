#include "services/verification/sqlite_claim_store.h"

#include <cstdint>
#include <limits>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/api/pagination.h"
#include "common/api/resource_name.h"
#include "common/api/timestamps.h"
#include "common/text/sha256.h"
#include "services/verification/claim_identity.h"
#include "services/verification/claim_rows.h"
#include "services/verification/claim_tracking.h"
#include "services/verification/history_chain.h"
#include "services/verification/prepared_statement.h"
#include "services/verification/sqlite_claim_rows.h"
#include "services/verification/sqlite_history.h"
#include "services/verification/sqlite_workflow_changes.h"
#include "services/verification/workflow_change_plan.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::sqlite::CachedStatement;
using ::claimtrack::sqlite::Database;
using ::claimtrack::sqlite::Statement;
using ::claimtrack::sqlite::StatementCache;
using ::claimtrack::type::v1::Speaker;

// Protos (speaker, appearance) are kept serialized. The Database wrapper
// binds strings as TEXT without conversion, so the bytes come back intact.
constexpr absl::string_view kSchema = R"sql(
CREATE TABLE claims (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker BLOB NOT NULL,
  attribution_status INTEGER NOT NULL,
  verdict INTEGER NOT NULL,
  verdict_note TEXT NOT NULL,
  version INTEGER NOT NULL,
  appearance_count INTEGER NOT NULL,
  history_count INTEGER NOT NULL,
  create_time_us INTEGER NOT NULL,
  update_time_us INTEGER NOT NULL
);
CREATE INDEX claims_by_attribution ON claims (attribution_status, seq);
CREATE INDEX claims_by_verdict ON claims (verdict, seq);
CREATE INDEX claims_by_kind ON claims (kind, seq);

-- The speaker's normalised name and aliases, for the speaker filter.
CREATE TABLE claim_speaker_names (
  name TEXT NOT NULL,
  claim_seq INTEGER NOT NULL REFERENCES claims (seq),
  PRIMARY KEY (name, claim_seq)
) WITHOUT ROWID;

CREATE TABLE appearances (
  seq INTEGER PRIMARY KEY,
  claim_seq INTEGER NOT NULL REFERENCES claims (seq),
  document TEXT NOT NULL,
  statement_id TEXT NOT NULL,
  appearance BLOB NOT NULL,
  UNIQUE (document, statement_id)
);
CREATE INDEX appearances_by_claim ON appearances (claim_seq, seq);

-- Append-only: one row per status change. `review` is the first entry of
-- the review that made the change; it groups the review's evidence.
CREATE TABLE history (
  claim_seq INTEGER NOT NULL REFERENCES claims (seq),
  entry INTEGER NOT NULL,
  review INTEGER NOT NULL,
  actor TEXT NOT NULL,
  create_time_us INTEGER NOT NULL,
  field INTEGER NOT NULL,
  from_value INTEGER NOT NULL,
  to_value INTEGER NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (claim_seq, entry)
) WITHOUT ROWID;
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

CREATE TABLE evidence (
  seq INTEGER PRIMARY KEY,
  claim_seq INTEGER NOT NULL REFERENCES claims (seq),
  review INTEGER NOT NULL,
  url TEXT NOT NULL,
  description TEXT NOT NULL
);
CREATE INDEX evidence_by_claim ON evidence (claim_seq, review, seq);
)sql";


const std::string& SelectClaimById() {
  static const std::string* sql =
      new std::string(absl::StrCat("SELECT ", kClaimColumns, " FROM claims c WHERE c.id = ?"));
  return *sql;
}
const std::string& SelectClaimBySeq() {
  static const std::string* sql =
      new std::string(absl::StrCat("SELECT ", kClaimColumns, " FROM claims c WHERE c.seq = ?"));
  return *sql;
}

// The columns of a claim row that a review reads and writes.
struct ClaimState {
  int64_t seq = 0;
  std::string id;
  v1::AttributionStatus attribution_status = v1::ATTRIBUTION_STATUS_UNSPECIFIED;
  v1::Verdict verdict = v1::VERDICT_UNSPECIFIED;
  std::string verdict_note;
  int64_t version = 0;
  int64_t history_count = 0;
  bool published = false;
};

absl::StatusOr<std::string> ClaimIdFromName(absl::string_view name, absl::string_view field) {
  return ParseResourceName(name, "claims", field);
}

absl::Status NotFound(absl::string_view id) {
  return absl::NotFoundError(absl::StrCat("claims/", id, " not found"));
}

absl::Status ReadAppearancesAndEvidence(StatementCache& statements, int64_t seq,
                                        int64_t max_appearances, v1::Claim* claim) {
  {
    absl::StatusOr<CachedStatement> query = statements.Get(
        "SELECT appearance FROM appearances WHERE claim_seq = ? ORDER BY seq LIMIT ?");
    if (!query.ok()) return query.status();
    (*query)->Bind(1, seq).Bind(2, max_appearances);
    while (true) {
      absl::StatusOr<bool> row = (*query)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      if (!claim->add_appearances()->ParseFromString((*query)->ColumnBlob(0))) {
        return absl::DataLossError(
            absl::StrCat("claims/", claim->name(), ": an appearance does not parse"));
      }
    }
  }
  absl::StatusOr<CachedStatement> query =
      statements.Get("SELECT url, description, stance, archive_sha256 FROM evidence "
                     "WHERE claim_seq = ? ORDER BY seq");
  if (!query.ok()) return query.status();
  (*query)->Bind(1, seq);
  while (true) {
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    v1::Evidence* evidence = claim->add_evidence();
    evidence->set_url((*query)->ColumnText(0));
    evidence->set_description((*query)->ColumnText(1));
    evidence->set_stance(static_cast<v1::EvidenceStance>((*query)->ColumnInt(2)));
    evidence->set_archive_sha256((*query)->ColumnText(3));
  }
  return absl::OkStatus();
}

// A claim carried in many articles would make a page of claims huge, so a
// listed claim carries its first appearances only (appearance_count has the
// total; GetClaim returns them all).

// Builds the claim from a row selected with kClaimColumns, with at most
// `max_appearances` appearances.
absl::StatusOr<v1::Claim> ClaimFromRow(StatementCache& statements, const Statement& row,
                                       int64_t max_appearances) {
  v1::Claim claim;
  const std::string id = row.ColumnText(kId);
  claim.set_name(absl::StrCat("claims/", id));
  claim.set_kind(static_cast<type::v1::StatementKind>(row.ColumnInt(kKind)));
  claim.set_text(row.ColumnText(kText));
  if (!claim.mutable_speaker()->ParseFromString(row.ColumnBlob(kSpeaker))) {
    return absl::DataLossError(absl::StrCat(claim.name(), ": speaker does not parse"));
  }
  claim.set_appearance_count(static_cast<int32_t>(row.ColumnInt(kAppearanceCount)));
  claim.set_attribution_status(static_cast<v1::AttributionStatus>(row.ColumnInt(kAttribution)));
  claim.set_verdict(static_cast<v1::Verdict>(row.ColumnInt(kVerdict)));
  claim.set_verdict_note(row.ColumnText(kVerdictNote));
  claim.set_etag(ClaimEtag(id, row.ColumnInt(kVersion)));
  *claim.mutable_create_time() = ProtoTimestampFromMicros(row.ColumnInt(kCreateTime));
  *claim.mutable_update_time() = ProtoTimestampFromMicros(row.ColumnInt(kUpdateTime));
  claim.set_assignee(row.ColumnText(kAssignee));
  claim.set_published(row.ColumnInt(kPublished) != 0);
  if (claim.published()) {
    *claim.mutable_publish_time() = ProtoTimestampFromMicros(row.ColumnInt(kPublishTime));
  }
  absl::Status status =
      ReadAppearancesAndEvidence(statements, row.ColumnInt(kSeq), max_appearances, &claim);
  if (!status.ok()) return status;
  status = ReadClaimTracking(statements, row.ColumnInt(kSeq), &claim);
  if (!status.ok()) return status;
  return claim;
}

// Runs `sql` (selecting kClaimColumns) bound to `key`; NOT_FOUND when no row.
template <typename Key>
absl::StatusOr<v1::Claim> LoadClaim(StatementCache& statements, const std::string& sql, Key key,
                                    absl::string_view id_for_errors) {
  absl::StatusOr<CachedStatement> query = statements.Get(sql);
  if (!query.ok()) return query.status();
  (*query)->Bind(1, key);
  absl::StatusOr<bool> row = (*query)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return NotFound(id_for_errors);
  return ClaimFromRow(statements, **query, kAllAppearances);
}

absl::StatusOr<ClaimState> LoadClaimState(StatementCache& statements, absl::string_view id) {
  absl::StatusOr<CachedStatement> query = statements.Get(SelectClaimById());
  if (!query.ok()) return query.status();
  (*query)->Bind(1, id);
  absl::StatusOr<bool> row = (*query)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return NotFound(id);
  ClaimState state;
  state.seq = (*query)->ColumnInt(kSeq);
  state.id = (*query)->ColumnText(kId);
  state.attribution_status = static_cast<v1::AttributionStatus>((*query)->ColumnInt(kAttribution));
  state.verdict = static_cast<v1::Verdict>((*query)->ColumnInt(kVerdict));
  state.verdict_note = (*query)->ColumnText(kVerdictNote);
  state.version = (*query)->ColumnInt(kVersion);
  state.history_count = (*query)->ColumnInt(kHistoryCount);
  state.published = (*query)->ColumnInt(kPublished) != 0;
  return state;
}

// A read in one snapshot, so a claim's row and its appearances agree.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db) : db_(db) { status_ = db_.Exec("BEGIN"); }
  ~ReadTransaction() {
    if (status_.ok()) db_.Exec("COMMIT").IgnoreError();
  }
  const absl::Status& status() const { return status_; }

 private:
  Database& db_;
  absl::Status status_;
};

absl::Status InitSchema(Database& db, const std::string& path) {
  absl::Status status = db.Exec("BEGIN IMMEDIATE");
  if (!status.ok()) return status;
  const auto finish = [&](absl::Status result) {
    db.Exec(result.ok() ? "COMMIT" : "ROLLBACK").IgnoreError();
    return result;
  };
  absl::StatusOr<Statement> version_query = db.Prepare("PRAGMA user_version");
  if (!version_query.ok()) return finish(version_query.status());
  absl::StatusOr<bool> row = version_query->Step();
  if (!row.ok()) return finish(row.status());
  const int64_t version = *row ? version_query->ColumnInt(0) : 0;
  version_query->Reset();
  if (version > kClaimStoreSchemaVersion) {
    return finish(absl::FailedPreconditionError(
        absl::StrCat(path, " has schema version ", version, "; this binary supports up to ",
                     kClaimStoreSchemaVersion, ": run a newer claimtrack-verification")));
  }
  if (version == kClaimStoreSchemaVersion) {
    return finish(absl::OkStatus());
  }
  // One step per schema version, applied in order from the stored one.
  if (version < 1) status = db.Exec(kSchema);
  if (status.ok() && version < 2) status = MigrateToWorkflowSchema(db);
  if (status.ok()) {
    status = db.Exec(absl::StrCat("PRAGMA user_version = ", kClaimStoreSchemaVersion));
  }
  return finish(status);
}


}  // namespace


absl::StatusOr<std::unique_ptr<SqliteClaimStore>> SqliteClaimStore::Open(const std::string& path,
                                                                         Options options) {
  absl::StatusOr<std::unique_ptr<Database>> writer = Database::Open(path);
  if (!writer.ok()) return writer.status();
  // The claim-id index takes random inserts (ids are hashes): a bigger page
  // cache than the 2 MB default keeps it in memory longer.
  absl::Status schema = (*writer)->Exec("PRAGMA cache_size = -32768");
  if (schema.ok()) schema = InitSchema(**writer, path);
  if (schema.ok()) schema = InitTrackingSchema(**writer);
  if (!schema.ok()) return schema;
  std::unique_ptr<SqliteClaimStore> store(new SqliteClaimStore(path, options, *std::move(writer)));
  // Fail now, not on the first request, if readers cannot open.
  if (absl::StatusOr<sqlite::ReaderPool::Lease> lease = store->readers_.Acquire(); !lease.ok()) {
    return lease.status();
  }
  return store;
}

SqliteClaimStore::SqliteClaimStore(std::string path, Options options,
                                   std::unique_ptr<Database> writer)
    : readers_(std::move(path), options.max_idle_readers),
      committer_(std::make_unique<sqlite::GroupCommitter>(
          std::move(writer), sqlite::GroupCommitter::Options{options.max_batch})) {}

SqliteClaimStore::~SqliteClaimStore() { Close(); }

void SqliteClaimStore::Close() { committer_->Shutdown(); }


sqlite::StatementCache& SqliteClaimStore::WriterStatements(Database& db) {
  if (writer_statements_ == nullptr) {
    writer_statements_ = std::make_unique<StatementCache>(db);
  }
  return *writer_statements_;
}

void SqliteClaimStore::RecordStatements(DocumentStatements request, RecordDone done) {
  // Identities and serialized protos are built here, on the caller's thread,
  // so the single writer thread only runs SQL.
  const int64_t now = absl::ToUnixMicros(absl::Now());
  auto prepared =
      std::make_shared<std::vector<PreparedStatement>>(PrepareStatements(request, now));
  auto result = std::make_shared<RecordResult>();
  std::string document = std::move(request.document);

  auto write = [this, prepared, result, document = std::move(document),
                now](Database& db) -> absl::Status {
    // A write that fails is rolled back by the committer; start clean in
    // case this is ever retried.
    *result = RecordResult{};
    StatementCache& statements = WriterStatements(db);
    // Appearances this document already has: a recorded appearance wins, so
    // a replay changes nothing at all. One query per document, not per
    // statement.
    absl::flat_hash_map<std::string, std::string> recorded;
    {
      absl::StatusOr<CachedStatement> existing = statements.Get(
          "SELECT a.statement_id, c.id FROM appearances a JOIN claims c "
          "ON c.seq = a.claim_seq WHERE a.document = ?");
      if (!existing.ok()) return existing.status();
      (*existing)->Bind(1, document);
      while (true) {
        absl::StatusOr<bool> row = (*existing)->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        recorded.emplace((*existing)->ColumnText(0),
                         absl::StrCat("claims/", (*existing)->ColumnText(1)));
      }
    }
    for (const PreparedStatement& p : *prepared) {
      if (auto it = recorded.find(p.statement_id); it != recorded.end()) {
        result->claims.push_back(it->second);
        continue;
      }
      // Create the claim or count one more appearance, in one statement;
      // appearance_count 1 afterwards means the claim is new.
      int64_t claim_seq = 0;
      bool created = false;
      {
        absl::StatusOr<CachedStatement> upsert = statements.Get(
            "INSERT INTO claims (id, kind, text, speaker, attribution_status, "
            "verdict, verdict_note, version, appearance_count, history_count, "
            "create_time_us, update_time_us) VALUES (?, ?, ?, ?, ?, ?, '', 1, 1, 0, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET appearance_count = appearance_count + 1, "
            "version = version + 1, update_time_us = excluded.update_time_us "
            "RETURNING seq, appearance_count");
        if (!upsert.ok()) return upsert.status();
        (*upsert)
            ->Bind(1, p.identity.id)
            .Bind(2, p.kind)
            .Bind(3, p.content)
            .BindBlob(4, p.speaker)
            .Bind(5, static_cast<int>(v1::ATTRIBUTION_STATUS_UNCHECKED))
            .Bind(6, static_cast<int>(v1::VERDICT_UNVERIFIED))
            .Bind(7, now)
            .Bind(8, now);
        absl::StatusOr<bool> row = (*upsert)->Step();
        if (!row.ok()) return row.status();
        if (!*row) return absl::InternalError("claims upsert returned no row");
        claim_seq = (*upsert)->ColumnInt(0);
        if ((*upsert)->ColumnInt(1) == 1) {
          ++result->created_claim_count;
          created = true;
        }
        absl::Status finished = (*upsert)->Run();
        if (!finished.ok()) return finished;
      }
      {
        absl::StatusOr<CachedStatement> insert = statements.Get(
            "INSERT INTO appearances (claim_seq, document, statement_id, appearance) "
            "VALUES (?, ?, ?, ?)");
        if (!insert.ok()) return insert.status();
        absl::Status status = (*insert)
                                  ->Bind(1, claim_seq)
                                  .Bind(2, document)
                                  .Bind(3, p.statement_id)
                                  .BindBlob(4, p.appearance)
                                  .Run();
        if (!status.ok()) return status;
        ++result->created_appearance_count;
      }
      if (absl::Status tracked =
              RecordTracking(statements, claim_seq, created, p.tracking, document, now);
          !tracked.ok()) {
        return tracked;
      }
      const v1::ClaimChangeType change_type = created ? v1::CLAIM_CHANGE_TYPE_CLAIM_CREATED
                                                      : v1::CLAIM_CHANGE_TYPE_APPEARANCE_ADDED;
      if (absl::Status status =
              RecordClaimChange(statements, claim_seq, change_type, now, document, 0);
          !status.ok()) {
        return status;
      }
      for (const std::string& name : p.speaker_names) {
        absl::StatusOr<CachedStatement> insert = statements.Get(
            "INSERT OR IGNORE INTO claim_speaker_names (name, claim_seq) VALUES (?, ?)");
        if (!insert.ok()) return insert.status();
        absl::Status status = (*insert)->Bind(1, name).Bind(2, claim_seq).Run();
        if (!status.ok()) return status;
      }
      recorded.emplace(p.statement_id, p.identity.name);
      result->claims.push_back(p.identity.name);
    }
    return absl::OkStatus();
  };
  committer_->Submit(std::move(write),
                     NotifyWatchers(sqlite::DeliverResult(result, std::move(done))));
}

absl::StatusOr<v1::Claim> SqliteClaimStore::GetClaim(absl::string_view name) {
  absl::StatusOr<std::string> id = ClaimIdFromName(name, "name");
  if (!id.ok()) return id.status();
  absl::StatusOr<sqlite::ReaderPool::Lease> reader = readers_.Acquire();
  if (!reader.ok()) return reader.status();
  ReadTransaction transaction(reader->db());
  if (!transaction.status().ok()) return transaction.status();
  return LoadClaim(reader->statements(), SelectClaimById(), absl::string_view(*id), *id);
}

absl::StatusOr<v1::ListClaimsResponse> SqliteClaimStore::ListClaims(const ClaimFilter& filter,
                                                                    int page_size,
                                                                    absl::string_view page_token) {
  absl::StatusOr<int> size = EffectivePageSize(page_size);
  if (!size.ok()) return size.status();
  const std::string speaker = NormalizeSpeakerName(filter.speaker);
  absl::StatusOr<int64_t> resume_after = DecodePageToken(
      page_token, ClaimFilterFingerprint(filter, speaker), std::numeric_limits<int64_t>::max());
  if (!resume_after.ok()) return resume_after.status();

  // Keyset pagination on seq, newest first; one row more than the page
  // tells whether there is a next page.
  std::string sql = absl::StrCat("SELECT ", kClaimColumns, " FROM claims c WHERE c.seq < ?");
  if (!filter.speaker.empty()) {
    absl::StrAppend(&sql,
                    " AND c.seq IN (SELECT claim_seq FROM claim_speaker_names "
                    "WHERE name = ?)");
  }
  if (filter.attribution_status != v1::ATTRIBUTION_STATUS_UNSPECIFIED) {
    absl::StrAppend(&sql, " AND c.attribution_status = ?");
  }
  if (filter.verdict != v1::VERDICT_UNSPECIFIED) {
    absl::StrAppend(&sql, " AND c.verdict = ?");
  }
  if (filter.kind != type::v1::STATEMENT_KIND_UNSPECIFIED) {
    absl::StrAppend(&sql, " AND c.kind = ?");
  }
  if (!filter.document.empty()) {
    absl::StrAppend(&sql,
                    " AND c.seq IN (SELECT claim_seq FROM appearances "
                    "WHERE document = ?)");
  }
  if (!filter.assignee.empty()) absl::StrAppend(&sql, " AND c.assignee = ?");
  absl::StrAppend(&sql, " ORDER BY c.seq DESC LIMIT ?");

  absl::StatusOr<sqlite::ReaderPool::Lease> reader = readers_.Acquire();
  if (!reader.ok()) return reader.status();
  ReadTransaction transaction(reader->db());
  if (!transaction.status().ok()) return transaction.status();
  StatementCache& statements = reader->statements();
  absl::StatusOr<CachedStatement> query = statements.Get(sql);
  if (!query.ok()) return query.status();
  int index = 1;
  (*query)->Bind(index++, *resume_after);
  if (!filter.speaker.empty()) (*query)->Bind(index++, speaker);
  if (filter.attribution_status != v1::ATTRIBUTION_STATUS_UNSPECIFIED) {
    (*query)->Bind(index++, static_cast<int>(filter.attribution_status));
  }
  if (filter.verdict != v1::VERDICT_UNSPECIFIED) {
    (*query)->Bind(index++, static_cast<int>(filter.verdict));
  }
  if (filter.kind != type::v1::STATEMENT_KIND_UNSPECIFIED) {
    (*query)->Bind(index++, static_cast<int>(filter.kind));
  }
  if (!filter.document.empty()) (*query)->Bind(index++, filter.document);
  if (!filter.assignee.empty()) (*query)->Bind(index++, filter.assignee);
  (*query)->Bind(index++, *size + 1);

  v1::ListClaimsResponse response;
  int64_t last_seq = 0;
  while (true) {
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (response.claims_size() == *size) {
      response.set_next_page_token(
          EncodePageToken(last_seq, ClaimFilterFingerprint(filter, speaker)));
      break;
    }
    last_seq = (*query)->ColumnInt(kSeq);
    absl::StatusOr<v1::Claim> claim = ClaimFromRow(statements, **query, kListedAppearances);
    if (!claim.ok()) return claim.status();
    *response.add_claims() = *std::move(claim);
  }
  return response;
}

void SqliteClaimStore::Review(ClaimReview review, ClaimDone done) {
  absl::StatusOr<std::string> id = ClaimIdFromName(review.claim, "name");
  if (!id.ok()) {
    done(id.status());
    return;
  }
  const int64_t now = absl::ToUnixMicros(absl::Now());
  auto result = std::make_shared<v1::Claim>();
  auto write = [this, review = std::move(review), id = *std::move(id), now,
                result](Database& db) -> absl::Status {
    StatementCache& statements = WriterStatements(db);
    absl::StatusOr<ClaimState> state = LoadClaimState(statements, id);
    if (!state.ok()) return state.status();
    ClaimWorkflowState current;
    current.id = state->id;
    current.version = state->version;
    current.history_count = state->history_count;
    current.attribution_status = state->attribution_status;
    current.verdict = state->verdict;
    current.verdict_note = state->verdict_note;
    current.published = state->published;
    absl::StatusOr<ReviewPlan> plan = PlanReview(review, current, now);
    if (!plan.ok()) return plan.status();
    absl::Status evidence_status =
        InsertEvidence(statements, state->seq, plan->first_entry, review.evidence);
    if (!evidence_status.ok()) return evidence_status;
    int64_t number = plan->first_entry;
    for (v1::HistoryEntry& history : plan->entries) {
      absl::Status status =
          AppendHistoryEntry(statements, state->seq, number, plan->first_entry, history);
      if (!status.ok()) return status;
      status = RecordClaimChange(statements, state->seq, v1::CLAIM_CHANGE_TYPE_STATUS_CHANGED, now,
                                 "", number);
      if (!status.ok()) return status;
      ++number;
    }
    {
      absl::StatusOr<CachedStatement> update = statements.Get(
          "UPDATE claims SET attribution_status = ?, verdict = ?, verdict_note = ?, "
          "version = version + 1, history_count = ?, update_time_us = ? WHERE seq = ?");
      if (!update.ok()) return update.status();
      absl::Status status = (*update)
                                ->Bind(1, static_cast<int>(plan->attribution_status))
                                .Bind(2, static_cast<int>(plan->verdict))
                                .Bind(3, plan->verdict_note)
                                .Bind(4, number - 1)
                                .Bind(5, now)
                                .Bind(6, state->seq)
                                .Run();
      if (!status.ok()) return status;
    }
    absl::StatusOr<v1::Claim> claim =
        LoadClaim(statements, SelectClaimBySeq(), state->seq, state->id);
    if (!claim.ok()) return claim.status();
    *result = *std::move(claim);
    return absl::OkStatus();
  };
  committer_->Submit(std::move(write),
                     NotifyWatchers(sqlite::DeliverResult(result, std::move(done))));
}

absl::StatusOr<v1::ListClaimHistoryResponse> SqliteClaimStore::ListHistory(
    absl::string_view claim, int page_size, absl::string_view page_token) {
  absl::StatusOr<std::string> id = ClaimIdFromName(claim, "parent");
  if (!id.ok()) return id.status();
  absl::StatusOr<int> size = EffectivePageSize(page_size);
  if (!size.ok()) return size.status();
  const std::string fingerprint = absl::StrCat("history:", claim);
  absl::StatusOr<int64_t> resume_after = DecodePageToken(page_token, fingerprint, 0);
  if (!resume_after.ok()) return resume_after.status();

  absl::StatusOr<sqlite::ReaderPool::Lease> reader = readers_.Acquire();
  if (!reader.ok()) return reader.status();
  ReadTransaction transaction(reader->db());
  if (!transaction.status().ok()) return transaction.status();
  StatementCache& statements = reader->statements();
  int64_t claim_seq = 0;
  {
    absl::StatusOr<CachedStatement> find = statements.Get("SELECT seq FROM claims WHERE id = ?");
    if (!find.ok()) return find.status();
    (*find)->Bind(1, *id);
    absl::StatusOr<bool> row = (*find)->Step();
    if (!row.ok()) return row.status();
    if (!*row) return NotFound(*id);
    claim_seq = (*find)->ColumnInt(0);
  }
  absl::StatusOr<std::vector<v1::HistoryEntry>> entries = LoadHistoryEntries(
      statements, claim_seq, absl::StrCat("claims/", *id), *resume_after, *size + 1);
  if (!entries.ok()) return entries.status();
  return HistoryPage(*std::move(entries), *size, fingerprint);
}

absl::StatusOr<v1::SearchClaimsResponse> SqliteClaimStore::SearchClaims(
    const ClaimSearch& search, int page_size, absl::string_view page_token) {
  absl::StatusOr<sqlite::ReaderPool::Lease> reader = readers_.Acquire();
  if (!reader.ok()) return reader.status();
  ReadTransaction transaction(reader->db());
  if (!transaction.status().ok()) return transaction.status();
  StatementCache& statements = reader->statements();
  absl::StatusOr<SearchPage> page = SearchClaimSeqs(statements, search, page_size, page_token);
  if (!page.ok()) return page.status();
  v1::SearchClaimsResponse response;
  for (const int64_t seq : page->claim_seqs) {
    absl::StatusOr<CachedStatement> query = statements.Get(SelectClaimBySeq());
    if (!query.ok()) return query.status();
    (*query)->Bind(1, seq);
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (!*row) continue;
    absl::StatusOr<v1::Claim> claim = ClaimFromRow(statements, **query, kListedAppearances);
    if (!claim.ok()) return claim.status();
    *response.add_claims() = *std::move(claim);
  }
  response.set_next_page_token(std::move(page->next_page_token));
  return response;
}

absl::StatusOr<v1::ListClaimVariantsResponse> SqliteClaimStore::ListClaimVariants(
    absl::string_view claim, int page_size, absl::string_view page_token) {
  absl::StatusOr<std::string> id = ClaimIdFromName(claim, "parent");
  if (!id.ok()) return id.status();
  absl::StatusOr<sqlite::ReaderPool::Lease> reader = readers_.Acquire();
  if (!reader.ok()) return reader.status();
  ReadTransaction transaction(reader->db());
  if (!transaction.status().ok()) return transaction.status();
  return ReadClaimVariants(reader->statements(), *id, page_size, page_token);
}

absl::StatusOr<v1::Speaker> SqliteClaimStore::GetSpeaker(absl::string_view name) {
  absl::StatusOr<sqlite::ReaderPool::Lease> reader = readers_.Acquire();
  if (!reader.ok()) return reader.status();
  ReadTransaction transaction(reader->db());
  if (!transaction.status().ok()) return transaction.status();
  return ReadSpeaker(reader->statements(), name);
}

absl::StatusOr<v1::ListSpeakersResponse> SqliteClaimStore::ListSpeakers(
    absl::string_view alias, int page_size, absl::string_view page_token) {
  absl::StatusOr<sqlite::ReaderPool::Lease> reader = readers_.Acquire();
  if (!reader.ok()) return reader.status();
  ReadTransaction transaction(reader->db());
  if (!transaction.status().ok()) return transaction.status();
  return ReadSpeakers(reader->statements(), alias, page_size, page_token);
}

// --- The analyst workflow beyond ReviewClaim, and the change feed. ---

absl::StatusOr<v1::Claim> LoadClaimBySeq(StatementCache& statements, int64_t seq,
                                         absl::string_view id) {
  return LoadClaim(statements, SelectClaimBySeq(), seq, id);
}

sqlite::GroupCommitter::Done SqliteClaimStore::NotifyWatchers(sqlite::GroupCommitter::Done done) {
  return [this, done = std::move(done)](absl::Status status) mutable {
    const bool committed = status.ok();
    done(std::move(status));
    if (committed) change_notifier_.Notify();
  };
}

void SqliteClaimStore::ApplyWorkflowChange(WorkflowChange change, ClaimDone done) {
  const int64_t now = absl::ToUnixMicros(absl::Now());
  auto result = std::make_shared<v1::Claim>();
  auto write = [change = std::move(change), now, result, this](Database& db) {
    return verification::ApplyWorkflowChange(WriterStatements(db), change, now, result.get());
  };
  committer_->Submit(std::move(write),
                     NotifyWatchers(sqlite::DeliverResult(result, std::move(done))));
}

absl::StatusOr<v1::VerifyClaimHistoryResponse> SqliteClaimStore::VerifyHistory(
    absl::string_view claim) {
  absl::StatusOr<std::string> id = ClaimIdFromName(claim, "name");
  if (!id.ok()) return id.status();
  absl::StatusOr<sqlite::ReaderPool::Lease> reader = readers_.Acquire();
  if (!reader.ok()) return reader.status();
  ReadTransaction transaction(reader->db());
  if (!transaction.status().ok()) return transaction.status();
  StatementCache& statements = reader->statements();
  absl::StatusOr<ClaimState> state = LoadClaimState(statements, *id);
  if (!state.ok()) return state.status();
  const std::string name = absl::StrCat("claims/", *id);
  absl::StatusOr<std::vector<v1::HistoryEntry>> entries =
      LoadHistoryEntries(statements, state->seq, name, 0, -1);
  if (!entries.ok()) return entries.status();
  return VerifyHistoryChain(name, *entries, state->history_count);
}

absl::StatusOr<std::vector<v1::ClaimChange>> SqliteClaimStore::ListChanges(int64_t after,
                                                                           int limit) {
  absl::StatusOr<sqlite::ReaderPool::Lease> reader = readers_.Acquire();
  if (!reader.ok()) return reader.status();
  return LoadClaimChanges(reader->statements(), after, limit);
}

}  // namespace claimtrack::verification
