#include "services/verification/postgres_claim_store.h"

#include <limits>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/api/pagination.h"
#include "common/api/resource_name.h"
#include "common/api/timestamps.h"
#include "common/postgres/migrations.h"
#include "services/verification/claim_identity.h"
#include "services/verification/claim_rows.h"
#include "services/verification/history_chain.h"
#include "services/verification/postgres_claim_rows.h"
#include "services/verification/postgres_tracking.h"
#include "services/verification/prepared_statement.h"
#include "services/verification/workflow_change_plan.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::postgres::Connection;
using ::claimtrack::postgres::Param;
using ::claimtrack::postgres::Result;
using ::claimtrack::verification::pg::Int;

// Version 1: the SQLite store's schema at its version 2 with the tracking
// tables, in PostgreSQL's words: times in unix microseconds, protos as
// BYTEA, `seq` columns as insertion order and cursors, the FTS5 index as a
// generated tsvector column. Append, never edit.
constexpr absl::string_view kSchemaV1 = R"sql(
CREATE TABLE claims (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker BYTEA NOT NULL,
  attribution_status INTEGER NOT NULL,
  verdict INTEGER NOT NULL,
  verdict_note TEXT NOT NULL,
  version BIGINT NOT NULL,
  appearance_count INTEGER NOT NULL,
  history_count BIGINT NOT NULL,
  create_time_us BIGINT NOT NULL,
  update_time_us BIGINT NOT NULL,
  assignee TEXT NOT NULL DEFAULT '',
  published INTEGER NOT NULL DEFAULT 0,
  publish_time_us BIGINT NOT NULL DEFAULT 0,
  text_search TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED
);
CREATE INDEX claims_by_attribution ON claims (attribution_status, seq);
CREATE INDEX claims_by_verdict ON claims (verdict, seq);
CREATE INDEX claims_by_kind ON claims (kind, seq);
CREATE INDEX claims_by_assignee ON claims (assignee, seq);
CREATE INDEX claims_text_search ON claims USING GIN (text_search);

CREATE TABLE claim_speaker_names (
  name TEXT NOT NULL,
  claim_seq BIGINT NOT NULL REFERENCES claims (seq),
  PRIMARY KEY (name, claim_seq)
);

CREATE TABLE appearances (
  seq BIGSERIAL PRIMARY KEY,
  claim_seq BIGINT NOT NULL REFERENCES claims (seq),
  document TEXT NOT NULL,
  statement_id TEXT NOT NULL,
  appearance BYTEA NOT NULL,
  UNIQUE (document, statement_id)
);
CREATE INDEX appearances_by_claim ON appearances (claim_seq, seq);

-- Append-only (triggers below): one row per history entry; `review` groups
-- an entry with the evidence rows of the same call.
CREATE TABLE history (
  claim_seq BIGINT NOT NULL REFERENCES claims (seq),
  entry BIGINT NOT NULL,
  review BIGINT NOT NULL,
  actor TEXT NOT NULL,
  create_time_us BIGINT NOT NULL,
  field INTEGER NOT NULL,
  from_value INTEGER NOT NULL,
  to_value INTEGER NOT NULL,
  note TEXT NOT NULL,
  action INTEGER NOT NULL,
  from_assignee TEXT NOT NULL,
  to_assignee TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (claim_seq, entry)
);

CREATE TABLE evidence (
  seq BIGSERIAL PRIMARY KEY,
  claim_seq BIGINT NOT NULL REFERENCES claims (seq),
  review BIGINT NOT NULL,
  url TEXT NOT NULL,
  description TEXT NOT NULL,
  stance INTEGER NOT NULL,
  archive_sha256 TEXT NOT NULL
);
CREATE INDEX evidence_by_claim ON evidence (claim_seq, review, seq);

CREATE FUNCTION claimtrack_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history
  FOR EACH ROW EXECUTE FUNCTION claimtrack_append_only();
CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON evidence
  FOR EACH ROW EXECUTE FUNCTION claimtrack_append_only();

-- The change feed; seq is the resume cursor. Rows are inserted only under
-- the writers' advisory lock, so they commit in seq order.
CREATE TABLE claim_changes (
  seq BIGSERIAL PRIMARY KEY,
  claim_seq BIGINT NOT NULL REFERENCES claims (seq),
  type INTEGER NOT NULL,
  create_time_us BIGINT NOT NULL,
  document TEXT NOT NULL,
  history_entry BIGINT NOT NULL
);

CREATE TABLE claim_tracking (
  claim_seq BIGINT PRIMARY KEY REFERENCES claims (seq),
  speaker_seq BIGINT,
  canonical_seq BIGINT,
  variant BYTEA
);
CREATE INDEX claim_tracking_by_canonical
  ON claim_tracking (canonical_seq, claim_seq) WHERE canonical_seq IS NOT NULL;
CREATE TABLE appearance_tracking (
  claim_seq BIGINT NOT NULL,
  time_us BIGINT NOT NULL,
  document TEXT NOT NULL,
  publisher TEXT NOT NULL,
  PRIMARY KEY (claim_seq, time_us, document)
);
CREATE INDEX appearance_tracking_by_publisher
  ON appearance_tracking (publisher, time_us, claim_seq);

CREATE TABLE speakers (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  type INTEGER NOT NULL,
  create_time_us BIGINT NOT NULL,
  update_time_us BIGINT NOT NULL
);
CREATE TABLE speaker_aliases (
  speaker_seq BIGINT NOT NULL REFERENCES speakers (seq),
  normalized TEXT NOT NULL,
  alias TEXT NOT NULL,
  kind INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  PRIMARY KEY (speaker_seq, normalized)
);
CREATE INDEX speaker_aliases_by_name ON speaker_aliases (normalized, kind, speaker_seq);
CREATE TABLE speaker_roles (
  speaker_seq BIGINT NOT NULL REFERENCES speakers (seq),
  role_key TEXT NOT NULL,
  role TEXT NOT NULL,
  organization TEXT NOT NULL,
  first_seen_us BIGINT NOT NULL,
  last_seen_us BIGINT NOT NULL,
  PRIMARY KEY (speaker_seq, role_key)
);

CREATE TABLE variant_bands (
  band_key BIGINT NOT NULL,
  claim_seq BIGINT NOT NULL,
  PRIMARY KEY (band_key, claim_seq)
);
)sql";
constexpr postgres::Migration kMigrations[] = {{1, kSchemaV1}};
static_assert(std::size(kMigrations) == PostgresClaimStore::kSchemaVersion);

// Every write transaction takes it first (see the class comment).
constexpr absl::string_view kWriteLock =
    "SELECT pg_advisory_xact_lock(hashtextextended('claimtrack.verification.writes', 0))";

absl::StatusOr<std::string> ClaimIdFromName(absl::string_view name, absl::string_view field) {
  return ParseResourceName(name, "claims", field);
}

// A read in one snapshot, so a claim's row and its appearances agree.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Connection& db) : db_(db) {
    status_ = db_.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  ~ReadSnapshot() {
    if (status_.ok()) db_.Exec("COMMIT").IgnoreError();
  }
  const absl::Status& status() const { return status_; }

 private:
  Connection& db_;
  absl::Status status_;
};

// Runs `read` on a pooled connection inside one snapshot.
template <typename Read>
auto ReadInSnapshot(postgres::ConnectionPool& pool, Read read)
    -> decltype(read(std::declval<Connection&>())) {
  absl::StatusOr<postgres::ConnectionPool::Lease> db = pool.Acquire();
  if (!db.ok()) return db.status();
  ReadSnapshot snapshot(**db);
  if (!snapshot.status().ok()) return snapshot.status();
  return read(**db);
}

}  // namespace

absl::StatusOr<std::unique_ptr<PostgresClaimStore>> PostgresClaimStore::Open(
    PostgresClaimStoreOptions options) {
  absl::StatusOr<std::unique_ptr<Connection>> writer =
      Connection::Open(options.database_url, options.database_name);
  if (!writer.ok()) return writer.status();
  if (absl::Status migrated =
          postgres::Migrate(**writer, "verification", kMigrations, "claimtrack-verification");
      !migrated.ok()) {
    return migrated;
  }
  std::string description = (*writer)->Describe();
  std::unique_ptr<PostgresClaimStore> store(
      new PostgresClaimStore(std::move(options), std::move(description), *std::move(writer)));
  // Fail now, not on the first request, if readers cannot connect.
  if (absl::StatusOr<postgres::ConnectionPool::Lease> lease = store->readers_.Acquire();
      !lease.ok()) {
    return lease.status();
  }
  return store;
}

PostgresClaimStore::PostgresClaimStore(PostgresClaimStoreOptions options, std::string description,
                                       std::unique_ptr<Connection> writer)
    : options_(std::move(options)),
      description_(std::move(description)),
      readers_(options_.database_url, options_.database_name, options_.max_idle_readers),
      committer_(std::make_unique<postgres::GroupCommitter>(
          std::move(writer), postgres::GroupCommitter::Options{options_.max_batch})),
      poller_([this] { PollChanges(); }) {}

PostgresClaimStore::~PostgresClaimStore() {
  Close();
  {
    absl::MutexLock lock(&poll_mu_);
    stopping_ = true;
  }
  if (poller_.joinable()) poller_.join();
}

void PostgresClaimStore::Close() { committer_->Shutdown(); }

void PostgresClaimStore::PollChanges() {
  int64_t seen = -1;
  while (true) {
    {
      absl::MutexLock lock(&poll_mu_);
      // Wakes early only to stop.
      poll_mu_.AwaitWithTimeout(absl::Condition(&stopping_), options_.change_poll_interval);
      if (stopping_) return;
    }
    absl::StatusOr<postgres::ConnectionPool::Lease> db = readers_.Acquire();
    if (!db.ok()) continue;  // the server is away: try again next round
    absl::StatusOr<Result> last = (*db)->Query("SELECT COALESCE(MAX(seq), 0) FROM claim_changes");
    if (!last.ok() || last->rows() == 0) continue;
    const int64_t latest = last->Int(0, 0);
    // The first look notifies too: a watch may have subscribed before it
    // and after a commit of another replica. A spurious notification only
    // costs a watch one read.
    if (latest != seen) change_notifier_.Notify();
    seen = latest;
  }
}

void PostgresClaimStore::SubmitWrite(postgres::GroupCommitter::Write write,
                                     postgres::GroupCommitter::Done done) {
  committer_->Submit(
      [write = std::move(write)](Connection& db) mutable -> absl::Status {
        if (absl::StatusOr<Result> locked = db.Query(kWriteLock); !locked.ok()) {
          return locked.status();
        }
        return write(db);
      },
      [this, done = std::move(done)](absl::Status status) mutable {
        const bool committed = status.ok();
        done(std::move(status));
        if (committed) change_notifier_.Notify();
      });
}

void PostgresClaimStore::RecordStatements(DocumentStatements request, RecordDone done) {
  // Identities and serialized protos are built here, on the caller's
  // thread, so the writer thread only runs SQL.
  const int64_t now = absl::ToUnixMicros(absl::Now());
  auto prepared = std::make_shared<std::vector<PreparedStatement>>(PrepareStatements(request, now));
  auto result = std::make_shared<RecordResult>();
  auto write = [prepared, result, document = std::move(request.document),
                now](Connection& db) -> absl::Status {
    // A failed batch runs each write again on its own: start clean.
    *result = RecordResult{};
    // Appearances this document already has: a recorded appearance wins, so
    // a replay (from any replica) changes nothing at all.
    absl::flat_hash_map<std::string, std::string> recorded;
    {
      absl::StatusOr<Result> existing = db.Query(
          "SELECT a.statement_id, c.id FROM appearances a JOIN claims c "
          "ON c.seq = a.claim_seq WHERE a.document = $1",
          {document});
      if (!existing.ok()) return existing.status();
      for (int i = 0; i < existing->rows(); ++i) {
        recorded.emplace(existing->Text(i, 0), absl::StrCat("claims/", existing->Text(i, 1)));
      }
    }
    for (const PreparedStatement& p : *prepared) {
      if (auto it = recorded.find(p.statement_id); it != recorded.end()) {
        result->claims.push_back(it->second);
        continue;
      }
      // One statement (one round trip) creates the claim or counts one more
      // appearance (appearance_count 1 afterwards means the claim is new),
      // and adds the appearance, its corroboration row, the change-feed
      // event and the speaker names.
      absl::StatusOr<Result> upserted = db.Query(
          "WITH c AS (INSERT INTO claims (id, kind, text, speaker, attribution_status, verdict, "
          "  verdict_note, version, appearance_count, history_count, create_time_us, "
          "  update_time_us) VALUES ($1, $2, $3, $4::bytea, $5, $6, '', 1, 1, 0, $7, $7) "
          "  ON CONFLICT (id) DO UPDATE SET appearance_count = claims.appearance_count + 1, "
          "  version = claims.version + 1, update_time_us = EXCLUDED.update_time_us "
          "  RETURNING seq, appearance_count), "
          "a AS (INSERT INTO appearances (claim_seq, document, statement_id, appearance) "
          "  SELECT seq, $8, $9, $10::bytea FROM c), "
          "t AS (INSERT INTO appearance_tracking (claim_seq, time_us, publisher, document) "
          "  SELECT seq, $11::bigint, $12::text, $8 FROM c ON CONFLICT DO NOTHING), "
          "ch AS (INSERT INTO claim_changes (claim_seq, type, create_time_us, document, "
          "  history_entry) SELECT seq, CASE WHEN appearance_count = 1 THEN $13::integer "
          "  ELSE $14::integer END, $7, $8, 0 FROM c), "
          "n AS (INSERT INTO claim_speaker_names (name, claim_seq) "
          "  SELECT unnest($15::text[]), seq FROM c ON CONFLICT DO NOTHING) "
          "SELECT seq, appearance_count FROM c",
          {p.identity.id, Int(p.kind), p.content, pg::ToBytea(p.speaker),
           Int(v1::ATTRIBUTION_STATUS_UNCHECKED), Int(v1::VERDICT_UNVERIFIED), Int(now), document,
           p.statement_id, pg::ToBytea(p.appearance), Int(p.tracking.time_us), p.tracking.publisher,
           Int(v1::CLAIM_CHANGE_TYPE_CLAIM_CREATED), Int(v1::CLAIM_CHANGE_TYPE_APPEARANCE_ADDED),
           pg::TextArray(p.speaker_names)});
      if (!upserted.ok()) return upserted.status();
      if (upserted->rows() == 0) return absl::InternalError("claims upsert returned no row");
      const int64_t claim_seq = upserted->Int(0, 0);
      const bool created = upserted->Int(0, 1) == 1;
      if (created) ++result->created_claim_count;
      ++result->created_appearance_count;
      if (absl::Status tracked = pg::RecordTracking(db, claim_seq, created, p.tracking, now);
          !tracked.ok()) {
        return tracked;
      }
      recorded.emplace(p.statement_id, p.identity.name);
      result->claims.push_back(p.identity.name);
    }
    return absl::OkStatus();
  };
  SubmitWrite(std::move(write), postgres::DeliverResult(result, std::move(done)));
}

absl::StatusOr<v1::Claim> PostgresClaimStore::GetClaim(absl::string_view name) {
  absl::StatusOr<std::string> id = ClaimIdFromName(name, "name");
  if (!id.ok()) return id.status();
  return ReadInSnapshot(readers_, [&](Connection& db) { return pg::LoadClaimById(db, *id); });
}

absl::StatusOr<v1::ListClaimsResponse> PostgresClaimStore::ListClaims(
    const ClaimFilter& filter, int page_size, absl::string_view page_token) {
  absl::StatusOr<int> size = EffectivePageSize(page_size);
  if (!size.ok()) return size.status();
  const std::string speaker = NormalizeSpeakerName(filter.speaker);
  const std::string fingerprint = ClaimFilterFingerprint(filter, speaker);
  absl::StatusOr<int64_t> resume_after =
      DecodePageToken(page_token, fingerprint, std::numeric_limits<int64_t>::max());
  if (!resume_after.ok()) return resume_after.status();

  // Keyset pagination on seq, newest first; one row more than the page
  // tells whether there is a next page.
  std::vector<Param> params = {Int(*resume_after)};
  const auto next = [&params](Param value) {
    params.push_back(std::move(value));
    return absl::StrCat("$", params.size());
  };
  std::string sql = absl::StrCat("SELECT ", kClaimColumns, " FROM claims c WHERE c.seq < $1");
  if (!filter.speaker.empty()) {
    absl::StrAppend(&sql, " AND c.seq IN (SELECT claim_seq FROM claim_speaker_names WHERE name = ",
                    next(speaker), ")");
  }
  if (filter.attribution_status != v1::ATTRIBUTION_STATUS_UNSPECIFIED) {
    absl::StrAppend(&sql, " AND c.attribution_status = ", next(Int(filter.attribution_status)));
  }
  if (filter.verdict != v1::VERDICT_UNSPECIFIED) {
    absl::StrAppend(&sql, " AND c.verdict = ", next(Int(filter.verdict)));
  }
  if (filter.kind != type::v1::STATEMENT_KIND_UNSPECIFIED) {
    absl::StrAppend(&sql, " AND c.kind = ", next(Int(filter.kind)));
  }
  if (!filter.document.empty()) {
    absl::StrAppend(&sql, " AND c.seq IN (SELECT claim_seq FROM appearances WHERE document = ",
                    next(filter.document), ")");
  }
  if (!filter.assignee.empty()) absl::StrAppend(&sql, " AND c.assignee = ", next(filter.assignee));
  absl::StrAppend(&sql, " ORDER BY c.seq DESC LIMIT ", next(Int(*size + 1)));

  return ReadInSnapshot(readers_, [&](Connection& db) -> absl::StatusOr<v1::ListClaimsResponse> {
    absl::StatusOr<Result> rows = db.Query(sql, params);
    if (!rows.ok()) return rows.status();
    v1::ListClaimsResponse response;
    int64_t last_seq = 0;
    for (int i = 0; i < rows->rows(); ++i) {
      if (response.claims_size() == *size) {
        response.set_next_page_token(EncodePageToken(last_seq, fingerprint));
        break;
      }
      last_seq = rows->Int(i, 0);
      absl::StatusOr<v1::Claim> claim = pg::ClaimFromRow(db, *rows, i, kListedAppearances);
      if (!claim.ok()) return claim.status();
      *response.add_claims() = *std::move(claim);
    }
    return response;
  });
}

void PostgresClaimStore::Review(ClaimReview review, ClaimDone done) {
  absl::StatusOr<std::string> id = ClaimIdFromName(review.claim, "name");
  if (!id.ok()) {
    done(id.status());
    return;
  }
  const int64_t now = absl::ToUnixMicros(absl::Now());
  auto result = std::make_shared<v1::Claim>();
  auto write = [review = std::move(review), id = *std::move(id), now,
                result](Connection& db) -> absl::Status {
    int64_t seq = 0;
    absl::StatusOr<ClaimWorkflowState> state = pg::LoadWorkflowState(db, id, &seq);
    if (!state.ok()) return state.status();
    absl::StatusOr<ReviewPlan> plan = PlanReview(review, *state, now);
    if (!plan.ok()) return plan.status();
    absl::Status status = pg::InsertEvidence(db, seq, plan->first_entry, review.evidence);
    if (!status.ok()) return status;
    int64_t number = plan->first_entry;
    for (v1::HistoryEntry& entry : plan->entries) {
      status = pg::AppendHistoryEntry(db, seq, number, plan->first_entry, entry);
      if (!status.ok()) return status;
      status =
          pg::RecordClaimChange(db, seq, v1::CLAIM_CHANGE_TYPE_STATUS_CHANGED, now, "", number);
      if (!status.ok()) return status;
      ++number;
    }
    status = db.Query(
                   "UPDATE claims SET attribution_status = $1, verdict = $2, verdict_note = $3, "
                   "version = version + 1, history_count = $4, update_time_us = $5 "
                   "WHERE seq = $6",
                   {Int(plan->attribution_status), Int(plan->verdict), plan->verdict_note,
                    Int(number - 1), Int(now), Int(seq)})
                 .status();
    if (!status.ok()) return status;
    absl::StatusOr<v1::Claim> claim = pg::LoadClaimBySeq(db, seq, id);
    if (!claim.ok()) return claim.status();
    *result = *std::move(claim);
    return absl::OkStatus();
  };
  SubmitWrite(std::move(write), postgres::DeliverResult(result, std::move(done)));
}

void PostgresClaimStore::ApplyWorkflowChange(WorkflowChange change, ClaimDone done) {
  absl::StatusOr<std::string> id = ClaimIdFromName(change.claim, "name");
  if (!id.ok()) {
    done(id.status());
    return;
  }
  const int64_t now = absl::ToUnixMicros(absl::Now());
  auto result = std::make_shared<v1::Claim>();
  auto write = [change = std::move(change), id = *std::move(id), now,
                result](Connection& db) -> absl::Status {
    int64_t seq = 0;
    absl::StatusOr<ClaimWorkflowState> state = pg::LoadWorkflowState(db, id, &seq);
    if (!state.ok()) return state.status();
    absl::StatusOr<WorkflowChangePlan> plan = PlanWorkflowChange(change, *state, now);
    if (!plan.ok()) return plan.status();
    const int64_t number = plan->number;
    absl::Status status = pg::InsertEvidence(db, seq, number, plan->evidence);
    if (!status.ok()) return status;
    status = pg::AppendHistoryEntry(db, seq, number, number, plan->entry);
    if (!status.ok()) return status;
    status = pg::RecordClaimChange(db, seq, plan->change_type, now, "", number);
    if (!status.ok()) return status;
    status = db.Query(
                   "UPDATE claims SET assignee = $1, published = $2, publish_time_us = $3, "
                   "version = version + 1, history_count = $4, update_time_us = $5 "
                   "WHERE seq = $6",
                   {plan->assignee, Int(plan->published ? 1 : 0), Int(plan->publish_time_us),
                    Int(number), Int(now), Int(seq)})
                 .status();
    if (!status.ok()) return status;
    absl::StatusOr<v1::Claim> claim = pg::LoadClaimBySeq(db, seq, id);
    if (!claim.ok()) return claim.status();
    *result = *std::move(claim);
    return absl::OkStatus();
  };
  SubmitWrite(std::move(write), postgres::DeliverResult(result, std::move(done)));
}

absl::StatusOr<v1::ListClaimHistoryResponse> PostgresClaimStore::ListHistory(
    absl::string_view claim, int page_size, absl::string_view page_token) {
  absl::StatusOr<std::string> id = ClaimIdFromName(claim, "parent");
  if (!id.ok()) return id.status();
  absl::StatusOr<int> size = EffectivePageSize(page_size);
  if (!size.ok()) return size.status();
  const std::string fingerprint = absl::StrCat("history:", claim);
  absl::StatusOr<int64_t> resume_after = DecodePageToken(page_token, fingerprint, 0);
  if (!resume_after.ok()) return resume_after.status();
  return ReadInSnapshot(
      readers_, [&](Connection& db) -> absl::StatusOr<v1::ListClaimHistoryResponse> {
        absl::StatusOr<Result> found = db.Query("SELECT seq FROM claims WHERE id = $1", {*id});
        if (!found.ok()) return found.status();
        if (found->rows() == 0)
          return absl::NotFoundError(absl::StrCat("claims/", *id, " not found"));
        absl::StatusOr<std::vector<v1::HistoryEntry>> entries = pg::LoadHistoryEntries(
            db, found->Int(0, 0), absl::StrCat("claims/", *id), *resume_after, *size + 1);
        if (!entries.ok()) return entries.status();
        return HistoryPage(*std::move(entries), *size, fingerprint);
      });
}

absl::StatusOr<v1::VerifyClaimHistoryResponse> PostgresClaimStore::VerifyHistory(
    absl::string_view claim) {
  absl::StatusOr<std::string> id = ClaimIdFromName(claim, "name");
  if (!id.ok()) return id.status();
  return ReadInSnapshot(
      readers_, [&](Connection& db) -> absl::StatusOr<v1::VerifyClaimHistoryResponse> {
        int64_t seq = 0;
        absl::StatusOr<ClaimWorkflowState> state = pg::LoadWorkflowState(db, *id, &seq);
        if (!state.ok()) return state.status();
        const std::string name = absl::StrCat("claims/", *id);
        absl::StatusOr<std::vector<v1::HistoryEntry>> entries =
            pg::LoadHistoryEntries(db, seq, name, 0, -1);
        if (!entries.ok()) return entries.status();
        return VerifyHistoryChain(name, *entries, state->history_count);
      });
}

absl::StatusOr<std::vector<v1::ClaimChange>> PostgresClaimStore::ListChanges(int64_t after,
                                                                             int limit) {
  absl::StatusOr<postgres::ConnectionPool::Lease> db = readers_.Acquire();
  if (!db.ok()) return db.status();
  return pg::LoadClaimChanges(**db, after, limit);
}

absl::StatusOr<v1::SearchClaimsResponse> PostgresClaimStore::SearchClaims(
    const ClaimSearch& search, int page_size, absl::string_view page_token) {
  return ReadInSnapshot(readers_, [&](Connection& db) -> absl::StatusOr<v1::SearchClaimsResponse> {
    absl::StatusOr<SearchPage> page = pg::SearchClaimSeqs(db, search, page_size, page_token);
    if (!page.ok()) return page.status();
    v1::SearchClaimsResponse response;
    for (const int64_t seq : page->claim_seqs) {
      absl::StatusOr<Result> row =
          db.Query(absl::StrCat("SELECT ", kClaimColumns, " FROM claims c WHERE c.seq = $1"),
                   {Int(seq)});
      if (!row.ok()) return row.status();
      if (row->rows() == 0) continue;
      absl::StatusOr<v1::Claim> claim = pg::ClaimFromRow(db, *row, 0, kListedAppearances);
      if (!claim.ok()) return claim.status();
      *response.add_claims() = *std::move(claim);
    }
    response.set_next_page_token(std::move(page->next_page_token));
    return response;
  });
}

absl::StatusOr<v1::ListClaimVariantsResponse> PostgresClaimStore::ListClaimVariants(
    absl::string_view claim, int page_size, absl::string_view page_token) {
  absl::StatusOr<std::string> id = ClaimIdFromName(claim, "parent");
  if (!id.ok()) return id.status();
  return ReadInSnapshot(readers_, [&](Connection& db) {
    return pg::ReadClaimVariants(db, *id, page_size, page_token);
  });
}

absl::StatusOr<v1::Speaker> PostgresClaimStore::GetSpeaker(absl::string_view name) {
  return ReadInSnapshot(readers_, [&](Connection& db) { return pg::ReadSpeaker(db, name); });
}

absl::StatusOr<v1::ListSpeakersResponse> PostgresClaimStore::ListSpeakers(
    absl::string_view alias, int page_size, absl::string_view page_token) {
  return ReadInSnapshot(
      readers_, [&](Connection& db) { return pg::ReadSpeakers(db, alias, page_size, page_token); });
}

}  // namespace claimtrack::verification
