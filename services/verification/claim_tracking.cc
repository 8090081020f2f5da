#include "services/verification/claim_tracking.h"

#include <limits>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/api/pagination.h"
#include "common/api/timestamps.h"
#include "services/verification/claim_identity.h"
#include "services/verification/claim_variant.h"
#include "services/verification/word_diff.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::sqlite::CachedStatement;
using ::claimtrack::type::v1::StatementKind;

// Every b-tree here is written on the recording path, so there are as few
// as the reads need: each costs pages written per commit.
// claim_tracking: one row per claim recorded since tracking exists.
// `variant` is the serialized ClaimVariant without the names (filled in at
// read time from the seqs). appearance_tracking: one row per appearance
// (one per claim, document and time), for corroboration and the
// publisher/time filters. claim_text_search: the
// FTS5 index of claims.text (external content: the text is not stored twice;
// claims are never updated or deleted, so inserts keep it in step).
constexpr absl::string_view kTrackingSchema = R"sql(
CREATE TABLE IF NOT EXISTS claim_tracking (
  claim_seq INTEGER PRIMARY KEY,
  speaker_seq INTEGER,
  canonical_seq INTEGER,
  variant BLOB
);
CREATE INDEX IF NOT EXISTS claim_tracking_by_canonical
  ON claim_tracking (canonical_seq, claim_seq) WHERE canonical_seq IS NOT NULL;
CREATE TABLE IF NOT EXISTS appearance_tracking (
  claim_seq INTEGER NOT NULL,
  time_us INTEGER NOT NULL,
  document TEXT NOT NULL,
  publisher TEXT NOT NULL,
  PRIMARY KEY (claim_seq, time_us, document)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS appearance_tracking_by_publisher
  ON appearance_tracking (publisher, time_us, claim_seq);
CREATE VIRTUAL TABLE IF NOT EXISTS claim_text_search USING fts5 (
  text, content = 'claims', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
)sql";

// A variant search verifies at most this many candidates (those sharing
// the most bands): a speaker repeating one line in hundreds of wordings
// should not make one write slow.
constexpr int kMaxCandidates = 8;

bool IsQuote(StatementKind kind) {
  return kind == type::v1::STATEMENT_KIND_DIRECT_QUOTE ||
         kind == type::v1::STATEMENT_KIND_PARTIAL_QUOTE ||
         kind == type::v1::STATEMENT_KIND_REPORTED_SPEECH;
}

std::string HostOf(absl::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == absl::string_view::npos) return "";
  absl::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  host = host.substr(0, host.find(':'));
  std::string lowered = absl::AsciiStrToLower(host);
  if (absl::StartsWith(lowered, "www.")) lowered.erase(0, 4);
  return lowered;
}

struct Candidate {
  int64_t seq = 0;
  std::string text;
  int64_t canonical_seq = 0;  // 0: not a variant itself
  double similarity = 0;
};

// The candidate's text and link, if it belongs to `speaker_seq`.
absl::StatusOr<std::optional<Candidate>> LoadCandidate(sqlite::StatementCache& statements,
                                                       int64_t seq, int64_t speaker_seq) {
  absl::StatusOr<CachedStatement> query = statements.Get(
      "SELECT c.text, t.speaker_seq, t.canonical_seq FROM claims c "
      "JOIN claim_tracking t ON t.claim_seq = c.seq WHERE c.seq = ?");
  if (!query.ok()) return query.status();
  (*query)->Bind(1, seq);
  absl::StatusOr<bool> row = (*query)->Step();
  if (!row.ok()) return row.status();
  if (!*row || (*query)->ColumnInt(1) != speaker_seq) return std::optional<Candidate>();
  Candidate candidate;
  candidate.seq = seq;
  candidate.text = (*query)->ColumnText(0);
  candidate.canonical_seq = (*query)->ColumnIsNull(2) ? 0 : (*query)->ColumnInt(2);
  return std::optional<Candidate>(std::move(candidate));
}

}  // namespace

absl::StatusOr<std::optional<VariantMatch>> FindVariant(sqlite::StatementCache& statements,
                                                        int64_t claim_seq, int64_t speaker_seq,
                                                        const TrackingInput& input,
                                                        int64_t now_us) {
  if (input.shingles.empty()) return std::optional<VariantMatch>();
  absl::StatusOr<std::vector<int64_t>> candidates =
      FindCandidates(statements, BandKeys(input.signature, speaker_seq), kMaxCandidates);
  if (!candidates.ok()) return candidates.status();
  std::optional<Candidate> best;
  for (const int64_t seq : *candidates) {
    if (seq == claim_seq) continue;
    absl::StatusOr<std::optional<Candidate>> candidate =
        LoadCandidate(statements, seq, speaker_seq);
    if (!candidate.ok()) return candidate.status();
    if (!candidate->has_value()) continue;
    (*candidate)->similarity = Jaccard(input.shingles, WordShingles((*candidate)->text));
    if ((*candidate)->similarity >= kVariantThreshold &&
        (!best.has_value() || (*candidate)->similarity > best->similarity)) {
      best = std::move(**candidate);
    }
  }
  if (!best.has_value()) return std::optional<VariantMatch>();
  // Variants hang off the first wording, never off another variant.
  Candidate canonical = *best;
  if (best->canonical_seq != 0) {
    absl::StatusOr<std::optional<Candidate>> root =
        LoadCandidate(statements, best->canonical_seq, speaker_seq);
    if (!root.ok()) return root.status();
    if (root->has_value()) {
      canonical = std::move(**root);
      canonical.similarity = Jaccard(input.shingles, WordShingles(canonical.text));
    }
  }
  VariantMatch match;
  match.canonical_seq = canonical.seq;
  match.variant = DescribeVariant(canonical.text, canonical.similarity, input, now_us);
  return std::optional<VariantMatch>(std::move(match));
}

namespace {

// Links a new claim to the claim it varies, if any; otherwise indexes it
// as a first wording. Variants are not indexed: later wordings are compared
// with the first wording, which keeps the index (20 random-key rows per
// claim, the costliest part of recording a claim) to claims with new content.
absl::Status LinkVariant(sqlite::StatementCache& statements, int64_t claim_seq,
                         int64_t speaker_seq, const TrackingInput& input, int64_t now_us) {
  absl::StatusOr<std::optional<VariantMatch>> match =
      FindVariant(statements, claim_seq, speaker_seq, input, now_us);
  if (!match.ok()) return match.status();
  if (match->has_value()) {
    absl::StatusOr<CachedStatement> update = statements.Get(
        "UPDATE claim_tracking SET canonical_seq = ?, variant = ? WHERE claim_seq = ?");
    if (!update.ok()) return update.status();
    absl::Status status = (*update)
                              ->Bind(1, (*match)->canonical_seq)
                              .BindBlob(2, (*match)->variant.SerializeAsString())
                              .Bind(3, claim_seq)
                              .Run();
    return status;
  }
  return IndexBands(statements, claim_seq, BandKeys(input.signature, speaker_seq));
}

}  // namespace

absl::Status InitTrackingSchema(sqlite::Database& db) {
  absl::Status status = db.Exec("BEGIN IMMEDIATE");
  if (!status.ok()) return status;
  bool had_search_index = false;
  {
    absl::StatusOr<sqlite::Statement> query = db.Prepare(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claim_text_search'");
    absl::StatusOr<bool> row = query.ok() ? query->Step() : query.status();
    if (!row.ok()) {
      db.Exec("ROLLBACK").IgnoreError();
      return row.status();
    }
    had_search_index = *row;
  }
  status = db.Exec(kTrackingSchema);
  if (status.ok() && !had_search_index) {
    // A store written before tracking existed: its claims become searchable
    // (the index reads them from `claims`, its external content).
    status = db.Exec("INSERT INTO claim_text_search (claim_text_search) VALUES ('rebuild')");
  }
  if (status.ok()) status = db.Exec(kSpeakerSchema);
  if (status.ok()) status = db.Exec(kVariantIndexSchema);
  db.Exec(status.ok() ? "COMMIT" : "ROLLBACK").IgnoreError();
  return status;
}

TrackingInput PrepareTracking(const type::v1::Statement& statement,
                              const type::v1::ArticleSource& source, int64_t now_us) {
  TrackingInput input;
  input.time_us = source.has_publish_time() ? ToUnixMicrosOrZero(source.publish_time()) : now_us;
  input.publisher = NormalizeSpeakerName(source.publisher());
  if (input.publisher.empty()) input.publisher = HostOf(source.url());
  input.speaker = SpeakerMentionOf(statement);
  input.kind = statement.kind();
  input.text = statement.content();
  if (input.speaker.has_value() && IsQuote(input.kind) &&
      SplitWords(input.text).size() >= kMinIndexedWords) {
    input.shingles = WordShingles(input.text);
    input.signature = ComputeSignature(input.shingles);
  }
  return input;
}

absl::Status RecordTracking(sqlite::StatementCache& statements, int64_t claim_seq, bool created,
                            const TrackingInput& input, absl::string_view document,
                            int64_t now_us) {
  {
    absl::StatusOr<CachedStatement> insert = statements.Get(
        "INSERT OR IGNORE INTO appearance_tracking (claim_seq, time_us, publisher, document) "
        "VALUES (?, ?, ?, ?)");
    if (!insert.ok()) return insert.status();
    absl::Status status = (*insert)
                              ->Bind(1, claim_seq)
                              .Bind(2, input.time_us)
                              .Bind(3, input.publisher)
                              .Bind(4, document)
                              .Run();
    if (!status.ok()) return status;
  }
  int64_t speaker_seq = 0;
  if (!created) {
    // The claim keeps the speaker it was first linked to.
    absl::StatusOr<CachedStatement> query =
        statements.Get("SELECT speaker_seq FROM claim_tracking WHERE claim_seq = ?");
    if (!query.ok()) return query.status();
    (*query)->Bind(1, claim_seq);
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (*row && !(*query)->ColumnIsNull(0)) speaker_seq = (*query)->ColumnInt(0);
    if (*row) {
      if (speaker_seq != 0 && input.speaker.has_value()) {
        return NoteSpeakerAppearance(statements, speaker_seq, *input.speaker, input.time_us,
                                     now_us);
      }
      return absl::OkStatus();
    }
    // A claim recorded before tracking existed: link it now, as if new
    // (its text is not in the search or variant index; see the README).
  }
  std::string speaker_id;
  if (input.speaker.has_value()) {
    absl::StatusOr<SpeakerRef> speaker = ResolveSpeaker(statements, *input.speaker, now_us);
    if (!speaker.ok()) return speaker.status();
    speaker_seq = speaker->seq;
    speaker_id = speaker->id;
    absl::Status noted =
        NoteSpeakerAppearance(statements, speaker_seq, *input.speaker, input.time_us, now_us);
    if (!noted.ok()) return noted;
    // ListClaims finds claims by speaker through claim_speaker_names: the
    // resource name there makes `speaker: "speakers/{id}"` a filter too.
    absl::StatusOr<CachedStatement> name = statements.Get(
        "INSERT OR IGNORE INTO claim_speaker_names (name, claim_seq) VALUES (?, ?)");
    if (!name.ok()) return name.status();
    absl::Status status =
        (*name)->Bind(1, absl::StrCat("speakers/", speaker_id)).Bind(2, claim_seq).Run();
    if (!status.ok()) return status;
  }
  {
    absl::StatusOr<CachedStatement> insert = statements.Get(
        "INSERT INTO claim_tracking (claim_seq, speaker_seq) VALUES (?, ?)");
    if (!insert.ok()) return insert.status();
    (*insert)->Bind(1, claim_seq);
    if (speaker_seq != 0) {
      (*insert)->Bind(2, speaker_seq);
    } else {
      (*insert)->BindNull(2);
    }
    absl::Status status = (*insert)->Run();
    if (!status.ok()) return status;
  }
  if (!created) return absl::OkStatus();
  {
    absl::StatusOr<CachedStatement> insert =
        statements.Get("INSERT INTO claim_text_search (rowid, text) VALUES (?, ?)");
    if (!insert.ok()) return insert.status();
    absl::Status status = (*insert)->Bind(1, claim_seq).Bind(2, input.text).Run();
    if (!status.ok()) return status;
  }
  if (speaker_seq == 0 || input.shingles.empty()) return absl::OkStatus();
  return LinkVariant(statements, claim_seq, speaker_seq, input, now_us);
}

absl::Status ReadClaimTracking(sqlite::StatementCache& statements, int64_t claim_seq,
                               v1::Claim* claim) {
  {
    absl::StatusOr<CachedStatement> query = statements.Get(
        "SELECT s.id, c.id, t.variant FROM claim_tracking t "
        "LEFT JOIN speakers s ON s.seq = t.speaker_seq "
        "LEFT JOIN claims c ON c.seq = t.canonical_seq WHERE t.claim_seq = ?");
    if (!query.ok()) return query.status();
    (*query)->Bind(1, claim_seq);
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (*row) {
      if (!(*query)->ColumnIsNull(0)) {
        claim->set_speaker_resource(absl::StrCat("speakers/", (*query)->ColumnText(0)));
      }
      if (!(*query)->ColumnIsNull(1)) {
        const absl::string_view claim_id = absl::string_view(claim->name()).substr(7);
        absl::StatusOr<v1::ClaimVariant> variant =
            VariantFromRow((*query)->ColumnBlob(2), claim_id, (*query)->ColumnText(1),
                           claim->text(), claim->attribution_status());
        if (!variant.ok()) return variant.status();
        claim->set_altered_quote_suspected(variant->altered_quote_suspected());
        claim->set_proposed_attribution_status(variant->proposed_attribution_status());
        *claim->mutable_variant_of() = *std::move(variant);
      }
    }
  }
  {
    absl::StatusOr<CachedStatement> query =
        statements.Get("SELECT COUNT(*) FROM claim_tracking WHERE canonical_seq = ?");
    if (!query.ok()) return query.status();
    (*query)->Bind(1, claim_seq);
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (*row) claim->set_variant_count(static_cast<int32_t>((*query)->ColumnInt(0)));
  }
  {
    absl::StatusOr<CachedStatement> query = statements.Get(
        "SELECT COUNT(DISTINCT publisher) FROM appearance_tracking "
        "WHERE claim_seq = ? AND publisher != ''");
    if (!query.ok()) return query.status();
    (*query)->Bind(1, claim_seq);
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (*row) claim->set_publisher_count(static_cast<int32_t>((*query)->ColumnInt(0)));
  }
  absl::StatusOr<CachedStatement> query = statements.Get(
      "SELECT time_us, document FROM appearance_tracking WHERE claim_seq = ? "
      "ORDER BY time_us, document LIMIT 1");
  if (!query.ok()) return query.status();
  (*query)->Bind(1, claim_seq);
  absl::StatusOr<bool> row = (*query)->Step();
  if (!row.ok()) return row.status();
  if (*row) {
    *claim->mutable_first_appearance_time() = ProtoTimestampFromMicros((*query)->ColumnInt(0));
    claim->set_first_appearance_document((*query)->ColumnText(1));
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::ListClaimVariantsResponse> ReadClaimVariants(sqlite::StatementCache& statements,
                                                                absl::string_view claim_id,
                                                                int page_size,
                                                                absl::string_view page_token) {
  absl::StatusOr<int> size = EffectivePageSize(page_size);
  if (!size.ok()) return size.status();
  const std::string fingerprint = absl::StrCat("variants:claims/", claim_id);
  absl::StatusOr<int64_t> resume_after = DecodePageToken(page_token, fingerprint, 0);
  if (!resume_after.ok()) return resume_after.status();
  int64_t canonical_seq = 0;
  {
    absl::StatusOr<CachedStatement> find = statements.Get("SELECT seq FROM claims WHERE id = ?");
    if (!find.ok()) return find.status();
    (*find)->Bind(1, claim_id);
    absl::StatusOr<bool> row = (*find)->Step();
    if (!row.ok()) return row.status();
    if (!*row) return absl::NotFoundError(absl::StrCat("claims/", claim_id, " not found"));
    canonical_seq = (*find)->ColumnInt(0);
  }
  absl::StatusOr<CachedStatement> query = statements.Get(
      "SELECT t.claim_seq, c.id, c.text, c.attribution_status, t.variant FROM claim_tracking t "
      "JOIN claims c ON c.seq = t.claim_seq WHERE t.canonical_seq = ? AND t.claim_seq > ? "
      "ORDER BY t.claim_seq LIMIT ?");
  if (!query.ok()) return query.status();
  (*query)->Bind(1, canonical_seq).Bind(2, *resume_after).Bind(3, *size + 1);
  v1::ListClaimVariantsResponse response;
  int64_t last_seq = 0;
  while (true) {
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (response.variants_size() == *size) {
      response.set_next_page_token(EncodePageToken(last_seq, fingerprint));
      break;
    }
    last_seq = (*query)->ColumnInt(0);
    absl::StatusOr<v1::ClaimVariant> variant = VariantFromRow(
        (*query)->ColumnBlob(4), (*query)->ColumnText(1), claim_id, (*query)->ColumnText(2),
        static_cast<v1::AttributionStatus>((*query)->ColumnInt(3)));
    if (!variant.ok()) return variant.status();
    *response.add_variants() = *std::move(variant);
  }
  return response;
}

}  // namespace claimtrack::verification
