#include "services/verification/postgres_claim_rows.h"

#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/api/timestamps.h"
#include "services/verification/change_cursor.h"
#include "services/verification/claim_etag.h"
#include "services/verification/claim_rows.h"
#include "services/verification/history_chain.h"
#include "services/verification/postgres_tracking.h"

namespace claimtrack::verification::pg {

using ::claimtrack::postgres::Connection;
using ::claimtrack::postgres::Param;
using ::claimtrack::postgres::Result;

namespace {

absl::Status NotFound(absl::string_view id) {
  return absl::NotFoundError(absl::StrCat("claims/", id, " not found"));
}

void ReadEvidenceRow(const Result& rows, int row, int first_column, v1::Evidence* evidence) {
  evidence->set_url(rows.Text(row, first_column));
  evidence->set_description(rows.Text(row, first_column + 1));
  evidence->set_stance(static_cast<v1::EvidenceStance>(rows.Int(row, first_column + 2)));
  evidence->set_archive_sha256(rows.Text(row, first_column + 3));
}

absl::StatusOr<v1::Claim> LoadClaimWhere(Connection& db, absl::string_view condition,
                                         std::string key, absl::string_view id_for_errors) {
  absl::StatusOr<Result> found =
      db.Query(absl::StrCat("SELECT ", kClaimColumns, " FROM claims c WHERE ", condition), {key});
  if (!found.ok()) return found.status();
  if (found->rows() == 0) return NotFound(id_for_errors);
  return ClaimFromRow(db, *found, 0, kAllAppearances);
}

}  // namespace

std::string ToBytea(absl::string_view bytes) {
  return absl::StrCat("\\x", absl::BytesToHexString(bytes));
}

absl::StatusOr<std::string> FromBytea(absl::string_view text) {
  if (!absl::ConsumePrefix(&text, "\\x") || text.size() % 2 != 0) {
    return absl::DataLossError("postgres: a bytea value is not in hex format");
  }
  return absl::HexStringToBytes(text);
}

std::string Int(int64_t value) { return absl::StrCat(value); }

absl::StatusOr<v1::Claim> ClaimFromRow(Connection& db, const Result& rows, int row,
                                       int64_t max_appearances) {
  v1::Claim claim;
  const std::string id = rows.Text(row, kId);
  const int64_t seq = rows.Int(row, kSeq);
  claim.set_name(absl::StrCat("claims/", id));
  claim.set_kind(static_cast<type::v1::StatementKind>(rows.Int(row, kKind)));
  claim.set_text(rows.Text(row, kText));
  absl::StatusOr<std::string> speaker = FromBytea(rows.Text(row, kSpeaker));
  if (!speaker.ok() || !claim.mutable_speaker()->ParseFromString(*speaker)) {
    return absl::DataLossError(absl::StrCat(claim.name(), ": speaker does not parse"));
  }
  claim.set_appearance_count(static_cast<int32_t>(rows.Int(row, kAppearanceCount)));
  claim.set_attribution_status(static_cast<v1::AttributionStatus>(rows.Int(row, kAttribution)));
  claim.set_verdict(static_cast<v1::Verdict>(rows.Int(row, kVerdict)));
  claim.set_verdict_note(rows.Text(row, kVerdictNote));
  claim.set_etag(ClaimEtag(id, rows.Int(row, kVersion)));
  *claim.mutable_create_time() = ProtoTimestampFromMicros(rows.Int(row, kCreateTime));
  *claim.mutable_update_time() = ProtoTimestampFromMicros(rows.Int(row, kUpdateTime));
  claim.set_assignee(rows.Text(row, kAssignee));
  claim.set_published(rows.Int(row, kPublished) != 0);
  if (claim.published()) {
    *claim.mutable_publish_time() = ProtoTimestampFromMicros(rows.Int(row, kPublishTime));
  }
  {
    absl::StatusOr<Result> appearances =
        db.Query("SELECT appearance FROM appearances WHERE claim_seq = $1 ORDER BY seq LIMIT $2",
                 {Int(seq), max_appearances < 0 ? Param() : Param(Int(max_appearances))});
    if (!appearances.ok()) return appearances.status();
    for (int i = 0; i < appearances->rows(); ++i) {
      absl::StatusOr<std::string> bytes = FromBytea(appearances->Text(i, 0));
      if (!bytes.ok() || !claim.add_appearances()->ParseFromString(*bytes)) {
        return absl::DataLossError(absl::StrCat(claim.name(), ": an appearance does not parse"));
      }
    }
  }
  {
    absl::StatusOr<Result> evidence = db.Query(
        "SELECT url, description, stance, archive_sha256 FROM evidence "
        "WHERE claim_seq = $1 ORDER BY seq",
        {Int(seq)});
    if (!evidence.ok()) return evidence.status();
    for (int i = 0; i < evidence->rows(); ++i) {
      ReadEvidenceRow(*evidence, i, 0, claim.add_evidence());
    }
  }
  if (absl::Status status = ReadClaimTracking(db, seq, &claim); !status.ok()) return status;
  return claim;
}

absl::StatusOr<v1::Claim> LoadClaimById(Connection& db, absl::string_view id) {
  return LoadClaimWhere(db, "c.id = $1", std::string(id), id);
}

absl::StatusOr<v1::Claim> LoadClaimBySeq(Connection& db, int64_t seq, absl::string_view id) {
  return LoadClaimWhere(db, "c.seq = $1", Int(seq), id);
}

absl::StatusOr<ClaimWorkflowState> LoadWorkflowState(Connection& db, absl::string_view id,
                                                     int64_t* seq) {
  absl::StatusOr<Result> found = db.Query(
      "SELECT seq, id, version, history_count, attribution_status, verdict, verdict_note, "
      "assignee, published FROM claims WHERE id = $1",
      {std::string(id)});
  if (!found.ok()) return found.status();
  if (found->rows() == 0) return NotFound(id);
  ClaimWorkflowState state;
  *seq = found->Int(0, 0);
  state.id = found->Text(0, 1);
  state.version = found->Int(0, 2);
  state.history_count = found->Int(0, 3);
  state.attribution_status = static_cast<v1::AttributionStatus>(found->Int(0, 4));
  state.verdict = static_cast<v1::Verdict>(found->Int(0, 5));
  state.verdict_note = found->Text(0, 6);
  state.assignee = found->Text(0, 7);
  state.published = found->Int(0, 8) != 0;
  return state;
}

absl::Status AppendHistoryEntry(Connection& db, int64_t claim_seq, int64_t number, int64_t review,
                                v1::HistoryEntry& entry) {
  std::string previous;
  if (number > 1) {
    absl::StatusOr<Result> found =
        db.Query("SELECT hash FROM history WHERE claim_seq = $1 AND entry = $2",
                 {Int(claim_seq), Int(number - 1)});
    if (!found.ok()) return found.status();
    if (found->rows() == 0) {
      return absl::DataLossError(
          absl::StrCat(entry.name(), ": the previous history entry is missing"));
    }
    previous = found->Text(0, 0);
  }
  entry.set_previous_hash(previous);
  entry.set_hash(HistoryEntryHash(entry));
  return db
      .Query(
          "INSERT INTO history (claim_seq, entry, review, actor, create_time_us, field, "
          "from_value, to_value, note, action, from_assignee, to_assignee, previous_hash, "
          "hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
          {Int(claim_seq), Int(number), Int(review), entry.actor(),
           Int(ToUnixMicrosOrZero(entry.create_time())), Int(entry.field()),
           Int(HistoryFromValue(entry)), Int(HistoryToValue(entry)), entry.note(),
           Int(entry.action()), entry.from_assignee(), entry.to_assignee(), entry.previous_hash(),
           entry.hash()})
      .status();
}

absl::Status InsertEvidence(Connection& db, int64_t claim_seq, int64_t review,
                            const std::vector<v1::Evidence>& evidence) {
  for (const v1::Evidence& item : evidence) {
    absl::Status status =
        db.Query(
              "INSERT INTO evidence (claim_seq, review, url, description, stance, "
              "archive_sha256) VALUES ($1, $2, $3, $4, $5, $6)",
              {Int(claim_seq), Int(review), item.url(), item.description(), Int(item.stance()),
               item.archive_sha256()})
            .status();
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::HistoryEntry>> LoadHistoryEntries(Connection& db, int64_t claim_seq,
                                                                 absl::string_view claim,
                                                                 int64_t after, int64_t limit) {
  absl::StatusOr<Result> rows = db.Query(
      "SELECT entry, review, actor, create_time_us, field, from_value, to_value, note, action, "
      "from_assignee, to_assignee, previous_hash, hash "
      "FROM history WHERE claim_seq = $1 AND entry > $2 ORDER BY entry LIMIT $3",
      {Int(claim_seq), Int(after), limit < 0 ? Param() : Param(Int(limit))});
  if (!rows.ok()) return rows.status();
  // The evidence of every group in these entries, in one query.
  absl::StatusOr<Result> evidence = db.Query(
      "SELECT review, url, description, stance, archive_sha256 FROM evidence "
      "WHERE claim_seq = $1 AND review > $2 ORDER BY seq",
      {Int(claim_seq), Int(after)});
  if (!evidence.ok()) return evidence.status();
  std::vector<v1::HistoryEntry> entries;
  entries.reserve(rows->rows());
  for (int i = 0; i < rows->rows(); ++i) {
    const Result& r = *rows;
    v1::HistoryEntry& entry = entries.emplace_back();
    entry.set_name(absl::StrCat(claim, "/historyEntries/", r.Int(i, 0)));
    entry.set_actor(r.Text(i, 2));
    *entry.mutable_create_time() = ProtoTimestampFromMicros(r.Int(i, 3));
    const auto field = static_cast<v1::StatusField>(r.Int(i, 4));
    entry.set_field(field);
    if (field == v1::STATUS_FIELD_ATTRIBUTION) {
      entry.set_from_attribution_status(static_cast<v1::AttributionStatus>(r.Int(i, 5)));
      entry.set_to_attribution_status(static_cast<v1::AttributionStatus>(r.Int(i, 6)));
    } else if (field == v1::STATUS_FIELD_VERDICT) {
      entry.set_from_verdict(static_cast<v1::Verdict>(r.Int(i, 5)));
      entry.set_to_verdict(static_cast<v1::Verdict>(r.Int(i, 6)));
    }
    entry.set_note(r.Text(i, 7));
    entry.set_action(static_cast<v1::HistoryAction>(r.Int(i, 8)));
    entry.set_from_assignee(r.Text(i, 9));
    entry.set_to_assignee(r.Text(i, 10));
    entry.set_previous_hash(r.Text(i, 11));
    entry.set_hash(r.Text(i, 12));
    const int64_t review = r.Int(i, 1);
    for (int e = 0; e < evidence->rows(); ++e) {
      if (evidence->Int(e, 0) == review) ReadEvidenceRow(*evidence, e, 1, entry.add_evidence());
    }
  }
  return entries;
}

absl::Status RecordClaimChange(Connection& db, int64_t claim_seq, v1::ClaimChangeType type,
                               int64_t time_us, absl::string_view document, int64_t history_entry) {
  return db
      .Query(
          "INSERT INTO claim_changes (claim_seq, type, create_time_us, document, "
          "history_entry) VALUES ($1, $2, $3, $4, $5)",
          {Int(claim_seq), Int(type), Int(time_us), std::string(document), Int(history_entry)})
      .status();
}

absl::StatusOr<std::vector<v1::ClaimChange>> LoadClaimChanges(Connection& db, int64_t after,
                                                              int64_t limit) {
  absl::StatusOr<Result> rows = db.Query(
      "SELECT ch.seq, c.id, ch.type, ch.create_time_us, ch.document, ch.history_entry "
      "FROM claim_changes ch JOIN claims c ON c.seq = ch.claim_seq "
      "WHERE ch.seq > $1 ORDER BY ch.seq LIMIT $2",
      {Int(after), Int(limit)});
  if (!rows.ok()) return rows.status();
  std::vector<v1::ClaimChange> changes;
  changes.reserve(rows->rows());
  for (int i = 0; i < rows->rows(); ++i) {
    v1::ClaimChange& change = changes.emplace_back();
    change.set_cursor(ChangeCursor(rows->Int(i, 0)));
    change.set_claim(absl::StrCat("claims/", rows->Text(i, 1)));
    change.set_type(static_cast<v1::ClaimChangeType>(rows->Int(i, 2)));
    *change.mutable_change_time() = ProtoTimestampFromMicros(rows->Int(i, 3));
    change.set_document(rows->Text(i, 4));
    if (const int64_t entry = rows->Int(i, 5); entry > 0) {
      change.set_history_entry(absl::StrCat(change.claim(), "/historyEntries/", entry));
    }
  }
  return changes;
}

}  // namespace claimtrack::verification::pg
