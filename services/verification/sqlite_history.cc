#include "services/verification/sqlite_history.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/api/timestamps.h"
#include "services/verification/history_chain.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::sqlite::CachedStatement;
using ::claimtrack::sqlite::Database;
using ::claimtrack::sqlite::StatementCache;

// Added on top of kSchema (sqlite_claim_store.cc) as a separate step, so a
// store written by the previous version is upgraded in place.
constexpr absl::string_view kWorkflowSchema = R"sql(
ALTER TABLE claims ADD COLUMN assignee TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN publish_time_us INTEGER NOT NULL DEFAULT 0;
CREATE INDEX claims_by_assignee ON claims (assignee, seq);

-- HistoryAction 1 = STATUS_CHANGE: every entry written before this step.
ALTER TABLE history ADD COLUMN action INTEGER NOT NULL DEFAULT 1;
ALTER TABLE history ADD COLUMN from_assignee TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN to_assignee TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN previous_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN hash TEXT NOT NULL DEFAULT '';

ALTER TABLE evidence ADD COLUMN stance INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evidence ADD COLUMN archive_sha256 TEXT NOT NULL DEFAULT '';
CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;

-- The change feed: one row per change, written in the transaction of the
-- change itself. seq is the resume cursor: the store has one writer, so
-- rows commit in seq order and a reader never sees seq N+1 without N.
CREATE TABLE claim_changes (
  seq INTEGER PRIMARY KEY,
  claim_seq INTEGER NOT NULL REFERENCES claims (seq),
  type INTEGER NOT NULL,
  create_time_us INTEGER NOT NULL,
  document TEXT NOT NULL,
  history_entry INTEGER NOT NULL
);
INSERT INTO claim_changes (claim_seq, type, create_time_us, document, history_entry)
  SELECT seq, 1, create_time_us, '', 0 FROM claims ORDER BY seq;
)sql";

constexpr absl::string_view kHistoryTriggers = R"sql(
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
)sql";

// Entries written before the chain existed get their hashes once, during
// the upgrade: the append-only triggers are lifted for this step only.
absl::Status HashExistingHistory(Database& db) {
  StatementCache statements(db);
  std::vector<std::pair<int64_t, std::string>> claims;
  {
    absl::StatusOr<CachedStatement> query =
        statements.Get("SELECT seq, id FROM claims WHERE history_count > 0 ORDER BY seq");
    if (!query.ok()) return query.status();
    while (true) {
      absl::StatusOr<bool> row = (*query)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      claims.emplace_back((*query)->ColumnInt(0), (*query)->ColumnText(1));
    }
  }
  if (claims.empty()) return absl::OkStatus();
  absl::Status status = db.Exec("DROP TRIGGER history_no_update; DROP TRIGGER history_no_delete;");
  if (!status.ok()) return status;
  for (const auto& [seq, id] : claims) {
    absl::StatusOr<std::vector<v1::HistoryEntry>> entries =
        LoadHistoryEntries(statements, seq, absl::StrCat("claims/", id), 0, -1);
    if (!entries.ok()) return entries.status();
    std::string previous;
    int64_t number = 0;
    for (v1::HistoryEntry& entry : *entries) {
      ++number;
      entry.set_previous_hash(previous);
      entry.set_hash(HistoryEntryHash(entry));
      absl::StatusOr<CachedStatement> update = statements.Get(
          "UPDATE history SET previous_hash = ?, hash = ? WHERE claim_seq = ? AND entry = ?");
      if (!update.ok()) return update.status();
      status =
          (*update)->Bind(1, previous).Bind(2, entry.hash()).Bind(3, seq).Bind(4, number).Run();
      if (!status.ok()) return status;
      previous = entry.hash();
    }
  }
  return db.Exec(kHistoryTriggers);
}

}  // namespace

absl::Status MigrateToWorkflowSchema(Database& db) {
  absl::Status status = db.Exec(kWorkflowSchema);
  if (!status.ok()) return status;
  return HashExistingHistory(db);
}

absl::Status AppendHistoryEntry(StatementCache& statements, int64_t claim_seq, int64_t number,
                                int64_t review, v1::HistoryEntry& entry) {
  std::string previous;
  if (number > 1) {
    absl::StatusOr<CachedStatement> query =
        statements.Get("SELECT hash FROM history WHERE claim_seq = ? AND entry = ?");
    if (!query.ok()) return query.status();
    (*query)->Bind(1, claim_seq).Bind(2, number - 1);
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      return absl::DataLossError(
          absl::StrCat(entry.name(), ": the previous history entry is missing"));
    }
    previous = (*query)->ColumnText(0);
  }
  entry.set_previous_hash(previous);
  entry.set_hash(HistoryEntryHash(entry));
  int64_t from = 0;
  int64_t to = 0;
  if (entry.field() == v1::STATUS_FIELD_ATTRIBUTION) {
    from = entry.from_attribution_status();
    to = entry.to_attribution_status();
  } else if (entry.field() == v1::STATUS_FIELD_VERDICT) {
    from = entry.from_verdict();
    to = entry.to_verdict();
  }
  absl::StatusOr<CachedStatement> insert = statements.Get(
      "INSERT INTO history (claim_seq, entry, review, actor, create_time_us, field, from_value, "
      "to_value, note, action, from_assignee, to_assignee, previous_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.status();
  return (*insert)
      ->Bind(1, claim_seq)
      .Bind(2, number)
      .Bind(3, review)
      .Bind(4, entry.actor())
      .Bind(5, ToUnixMicrosOrZero(entry.create_time()))
      .Bind(6, static_cast<int>(entry.field()))
      .Bind(7, from)
      .Bind(8, to)
      .Bind(9, entry.note())
      .Bind(10, static_cast<int>(entry.action()))
      .Bind(11, entry.from_assignee())
      .Bind(12, entry.to_assignee())
      .Bind(13, entry.previous_hash())
      .Bind(14, entry.hash())
      .Run();
}

absl::Status InsertEvidence(StatementCache& statements, int64_t claim_seq, int64_t review,
                            const std::vector<v1::Evidence>& evidence) {
  for (const v1::Evidence& item : evidence) {
    absl::StatusOr<CachedStatement> insert = statements.Get(
        "INSERT INTO evidence (claim_seq, review, url, description, stance, archive_sha256) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert.ok()) return insert.status();
    absl::Status status = (*insert)
                              ->Bind(1, claim_seq)
                              .Bind(2, review)
                              .Bind(3, item.url())
                              .Bind(4, item.description())
                              .Bind(5, static_cast<int>(item.stance()))
                              .Bind(6, item.archive_sha256())
                              .Run();
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::HistoryEntry>> LoadHistoryEntries(StatementCache& statements,
                                                                 int64_t claim_seq,
                                                                 absl::string_view claim,
                                                                 int64_t after, int64_t limit) {
  absl::StatusOr<CachedStatement> query = statements.Get(
      "SELECT entry, review, actor, create_time_us, field, from_value, to_value, note, action, "
      "from_assignee, to_assignee, previous_hash, hash "
      "FROM history WHERE claim_seq = ? AND entry > ? ORDER BY entry LIMIT ?");
  if (!query.ok()) return query.status();
  (*query)->Bind(1, claim_seq).Bind(2, after).Bind(3, limit);
  std::vector<v1::HistoryEntry> entries;
  while (true) {
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    v1::HistoryEntry& entry = entries.emplace_back();
    entry.set_name(absl::StrCat(claim, "/historyEntries/", (*query)->ColumnInt(0)));
    entry.set_actor((*query)->ColumnText(2));
    *entry.mutable_create_time() = ProtoTimestampFromMicros((*query)->ColumnInt(3));
    const auto field = static_cast<v1::StatusField>((*query)->ColumnInt(4));
    entry.set_field(field);
    if (field == v1::STATUS_FIELD_ATTRIBUTION) {
      entry.set_from_attribution_status(static_cast<v1::AttributionStatus>((*query)->ColumnInt(5)));
      entry.set_to_attribution_status(static_cast<v1::AttributionStatus>((*query)->ColumnInt(6)));
    } else if (field == v1::STATUS_FIELD_VERDICT) {
      entry.set_from_verdict(static_cast<v1::Verdict>((*query)->ColumnInt(5)));
      entry.set_to_verdict(static_cast<v1::Verdict>((*query)->ColumnInt(6)));
    }
    entry.set_note((*query)->ColumnText(7));
    entry.set_action(static_cast<v1::HistoryAction>((*query)->ColumnInt(8)));
    entry.set_from_assignee((*query)->ColumnText(9));
    entry.set_to_assignee((*query)->ColumnText(10));
    entry.set_previous_hash((*query)->ColumnText(11));
    entry.set_hash((*query)->ColumnText(12));

    absl::StatusOr<CachedStatement> evidence = statements.Get(
        "SELECT url, description, stance, archive_sha256 FROM evidence "
        "WHERE claim_seq = ? AND review = ? ORDER BY seq");
    if (!evidence.ok()) return evidence.status();
    (*evidence)->Bind(1, claim_seq).Bind(2, (*query)->ColumnInt(1));
    while (true) {
      absl::StatusOr<bool> evidence_row = (*evidence)->Step();
      if (!evidence_row.ok()) return evidence_row.status();
      if (!*evidence_row) break;
      v1::Evidence* item = entry.add_evidence();
      item->set_url((*evidence)->ColumnText(0));
      item->set_description((*evidence)->ColumnText(1));
      item->set_stance(static_cast<v1::EvidenceStance>((*evidence)->ColumnInt(2)));
      item->set_archive_sha256((*evidence)->ColumnText(3));
    }
  }
  return entries;
}

absl::Status RecordClaimChange(StatementCache& statements, int64_t claim_seq,
                               v1::ClaimChangeType type, int64_t time_us,
                               absl::string_view document, int64_t history_entry) {
  absl::StatusOr<CachedStatement> insert = statements.Get(
      "INSERT INTO claim_changes (claim_seq, type, create_time_us, document, history_entry) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.status();
  return (*insert)
      ->Bind(1, claim_seq)
      .Bind(2, static_cast<int>(type))
      .Bind(3, time_us)
      .Bind(4, document)
      .Bind(5, history_entry)
      .Run();
}

absl::StatusOr<std::vector<v1::ClaimChange>> LoadClaimChanges(StatementCache& statements,
                                                              int64_t after, int64_t limit) {
  absl::StatusOr<CachedStatement> query = statements.Get(
      "SELECT ch.seq, c.id, ch.type, ch.create_time_us, ch.document, ch.history_entry "
      "FROM claim_changes ch JOIN claims c ON c.seq = ch.claim_seq "
      "WHERE ch.seq > ? ORDER BY ch.seq LIMIT ?");
  if (!query.ok()) return query.status();
  (*query)->Bind(1, after).Bind(2, limit);
  std::vector<v1::ClaimChange> changes;
  while (true) {
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    v1::ClaimChange& change = changes.emplace_back();
    change.set_cursor(ChangeCursor((*query)->ColumnInt(0)));
    change.set_claim(absl::StrCat("claims/", (*query)->ColumnText(1)));
    change.set_type(static_cast<v1::ClaimChangeType>((*query)->ColumnInt(2)));
    *change.mutable_change_time() = ProtoTimestampFromMicros((*query)->ColumnInt(3));
    change.set_document((*query)->ColumnText(4));
    if (const int64_t entry = (*query)->ColumnInt(5); entry > 0) {
      change.set_history_entry(absl::StrCat(change.claim(), "/historyEntries/", entry));
    }
  }
  return changes;
}

}  // namespace claimtrack::verification
