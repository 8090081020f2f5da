#include "services/verification/postgres_tracking.h"

#include <limits>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/api/pagination.h"
#include "common/api/resource_name.h"
#include "common/api/timestamps.h"
#include "services/verification/claim_identity.h"
#include "services/verification/claim_variant.h"
#include "services/verification/postgres_claim_rows.h"
#include "services/verification/speaker_registry.h"
#include "services/verification/variant_index.h"

namespace claimtrack::verification::pg {
namespace {

using ::claimtrack::postgres::Connection;
using ::claimtrack::postgres::Param;
using ::claimtrack::postgres::Result;

// As in claim_tracking.cc: a variant search verifies at most this many
// candidates.
constexpr int kMaxCandidates = 8;

struct SpeakerRef {
  int64_t seq = 0;
  std::string id;
};

// The speaker whose full name or alias is the mention's (same type), or a
// new one: one statement.
absl::StatusOr<SpeakerRef> ResolveSpeaker(Connection& db, const SpeakerMention& mention,
                                          int64_t now_us) {
  absl::StatusOr<Result> found = db.Query(
      "WITH found AS (SELECT s.seq, s.id FROM speaker_aliases a "
      "  JOIN speakers s ON s.seq = a.speaker_seq "
      "  WHERE a.normalized = $1 AND a.kind <= 1 AND s.type = $2 "
      "  ORDER BY a.kind, a.speaker_seq LIMIT 1), "
      "inserted AS (INSERT INTO speakers (id, display_name, type, create_time_us, update_time_us) "
      "  SELECT $3, $4, $2, $5, $5 WHERE NOT EXISTS (SELECT 1 FROM found) "
      "  ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id RETURNING seq, id) "
      "SELECT seq, id FROM found UNION ALL SELECT seq, id FROM inserted",
      {mention.key, Int(mention.type), SpeakerId(mention.type, mention.key), mention.display_name,
       Int(now_us)});
  if (!found.ok()) return found.status();
  if (found->rows() == 0) return absl::InternalError("speakers insert returned no row");
  return SpeakerRef{found->Int(0, 0), found->Text(0, 1)};
}

// Adds the mention's names as aliases and its role, and touches the
// speaker's update_time if either is new: one statement.
absl::Status NoteSpeakerAppearance(Connection& db, int64_t speaker_seq,
                                   const SpeakerMention& mention, int64_t seen_us, int64_t now_us) {
  std::vector<std::string> normalized;
  std::vector<std::string> aliases;
  std::vector<int64_t> kinds;
  for (const auto& [alias, kind] : mention.names) {
    std::string key = NormalizeSpeakerName(alias);
    if (key.empty()) continue;
    normalized.push_back(std::move(key));
    aliases.push_back(alias);
    kinds.push_back(static_cast<int64_t>(kind));
  }
  // Aliases: `ord` continues after the speaker's last name, in the
  // mention's order (the first of duplicates wins). Role: new, or a known
  // one whose time range this appearance widens (the row is not rewritten
  // otherwise); `inserted` tells which. The speaker's update_time marks new
  // names and roles only.
  return db
      .Query(
          "WITH aliases AS (INSERT INTO speaker_aliases (speaker_seq, normalized, alias, kind, "
          "ord) "
          "  SELECT $1, u.n, u.a, u.k, (SELECT COALESCE(MAX(ord) + 1, 0) FROM speaker_aliases "
          "  WHERE speaker_seq = $1) + u.o - 1 "
          "  FROM unnest($2::text[], $3::text[], $4::integer[]) WITH ORDINALITY AS u (n, a, k, o) "
          "  ON CONFLICT DO NOTHING RETURNING 1), "
          "roles AS (INSERT INTO speaker_roles (speaker_seq, role_key, role, organization, "
          "  first_seen_us, last_seen_us) "
          "  SELECT $1, $5::text, $6::text, $7::text, $8::bigint, $8::bigint "
          "  WHERE $5::text IS NOT NULL "
          "  ON CONFLICT (speaker_seq, role_key) DO UPDATE SET "
          "  first_seen_us = LEAST(speaker_roles.first_seen_us, EXCLUDED.first_seen_us), "
          "  last_seen_us = GREATEST(speaker_roles.last_seen_us, EXCLUDED.last_seen_us) "
          "  WHERE EXCLUDED.first_seen_us < speaker_roles.first_seen_us "
          "  OR EXCLUDED.first_seen_us > speaker_roles.last_seen_us "
          "  RETURNING (xmax = 0) AS inserted) "
          "UPDATE speakers SET update_time_us = $9 WHERE seq = $1 "
          "AND (EXISTS (SELECT 1 FROM aliases) OR EXISTS (SELECT 1 FROM roles WHERE inserted))",
          {Int(speaker_seq), TextArray(normalized), TextArray(aliases), IntArray(kinds),
           mention.role.empty() ? Param() : Param(SpeakerRoleKey(mention)), mention.role,
           mention.organization, Int(seen_us), Int(now_us)})
      .status();
}

struct Candidate {
  int64_t seq = 0;
  std::string text;
  int64_t canonical_seq = 0;  // 0: not a variant itself
  double similarity = 0;
};

// The candidates among `seqs` that belong to `speaker_seq`, by seq.
absl::StatusOr<absl::flat_hash_map<int64_t, Candidate>> LoadCandidates(
    Connection& db, const std::vector<int64_t>& seqs, int64_t speaker_seq) {
  absl::StatusOr<Result> rows = db.Query(
      "SELECT c.seq, c.text, t.canonical_seq FROM claims c "
      "JOIN claim_tracking t ON t.claim_seq = c.seq "
      "WHERE c.seq = ANY($1::bigint[]) AND t.speaker_seq = $2",
      {IntArray(seqs), Int(speaker_seq)});
  if (!rows.ok()) return rows.status();
  absl::flat_hash_map<int64_t, Candidate> candidates;
  for (int i = 0; i < rows->rows(); ++i) {
    Candidate candidate;
    candidate.seq = rows->Int(i, 0);
    candidate.text = rows->Text(i, 1);
    candidate.canonical_seq = rows->Int(i, 2);  // NULL reads as 0
    candidates.emplace(candidate.seq, std::move(candidate));
  }
  return candidates;
}

std::vector<int64_t> BandKeyVector(const TrackingInput& input, int64_t speaker_seq) {
  const std::array<int64_t, kBands> keys = BandKeys(input.signature, speaker_seq);
  return std::vector<int64_t>(keys.begin(), keys.end());
}

// As verification::FindVariant: the most similar indexed claim of the same
// speaker at or above kVariantThreshold, or rather its canonical claim.
absl::StatusOr<std::optional<VariantMatch>> FindVariant(Connection& db, int64_t claim_seq,
                                                        int64_t speaker_seq,
                                                        const TrackingInput& input,
                                                        int64_t now_us) {
  if (input.shingles.empty()) return std::optional<VariantMatch>();
  // Those sharing the most bands (the likeliest) first, then the oldest.
  absl::StatusOr<Result> found = db.Query(
      "SELECT claim_seq FROM variant_bands WHERE band_key = ANY($1::bigint[]) "
      "GROUP BY claim_seq ORDER BY COUNT(*) DESC, claim_seq LIMIT $2",
      {IntArray(BandKeyVector(input, speaker_seq)), Int(kMaxCandidates)});
  if (!found.ok()) return found.status();
  std::vector<int64_t> order;
  for (int i = 0; i < found->rows(); ++i) {
    if (found->Int(i, 0) != claim_seq) order.push_back(found->Int(i, 0));
  }
  if (order.empty()) return std::optional<VariantMatch>();
  absl::StatusOr<absl::flat_hash_map<int64_t, Candidate>> candidates =
      LoadCandidates(db, order, speaker_seq);
  if (!candidates.ok()) return candidates.status();
  std::optional<Candidate> best;
  for (const int64_t seq : order) {
    auto it = candidates->find(seq);
    if (it == candidates->end()) continue;
    Candidate& candidate = it->second;
    candidate.similarity = Jaccard(input.shingles, WordShingles(candidate.text));
    if (candidate.similarity >= kVariantThreshold &&
        (!best.has_value() || candidate.similarity > best->similarity)) {
      best = candidate;
    }
  }
  if (!best.has_value()) return std::optional<VariantMatch>();
  // Variants hang off the first wording, never off another variant.
  Candidate canonical = *best;
  if (best->canonical_seq != 0) {
    absl::StatusOr<absl::flat_hash_map<int64_t, Candidate>> root =
        LoadCandidates(db, {best->canonical_seq}, speaker_seq);
    if (!root.ok()) return root.status();
    if (auto it = root->find(best->canonical_seq); it != root->end()) {
      canonical = std::move(it->second);
      canonical.similarity = Jaccard(input.shingles, WordShingles(canonical.text));
    }
  }
  VariantMatch match;
  match.canonical_seq = canonical.seq;
  match.variant = DescribeVariant(canonical.text, canonical.similarity, input, now_us);
  return std::optional<VariantMatch>(std::move(match));
}

// As in claim_tracking.cc: a variant is linked to its first wording; a
// first wording is indexed (variants are not).
absl::Status LinkVariant(Connection& db, int64_t claim_seq, int64_t speaker_seq,
                         const TrackingInput& input, int64_t now_us) {
  absl::StatusOr<std::optional<VariantMatch>> match =
      FindVariant(db, claim_seq, speaker_seq, input, now_us);
  if (!match.ok()) return match.status();
  if (match->has_value()) {
    return db
        .Query(
            "UPDATE claim_tracking SET canonical_seq = $1, variant = $2::bytea "
            "WHERE claim_seq = $3",
            {Int((*match)->canonical_seq), ToBytea((*match)->variant.SerializeAsString()),
             Int(claim_seq)})
        .status();
  }
  return db
      .Query(
          "INSERT INTO variant_bands (band_key, claim_seq) "
          "SELECT unnest($1::bigint[]), $2 ON CONFLICT DO NOTHING",
          {IntArray(BandKeyVector(input, speaker_seq)), Int(claim_seq)})
      .status();
}

absl::StatusOr<v1::Speaker> SpeakerFromRow(Connection& db, const Result& rows, int row) {
  const int64_t seq = rows.Int(row, 0);
  v1::Speaker speaker;
  speaker.set_name(absl::StrCat("speakers/", rows.Text(row, 1)));
  speaker.set_display_name(rows.Text(row, 2));
  speaker.set_type(static_cast<type::v1::SpeakerType>(rows.Int(row, 3)));
  *speaker.mutable_create_time() = ProtoTimestampFromMicros(rows.Int(row, 4));
  *speaker.mutable_update_time() = ProtoTimestampFromMicros(rows.Int(row, 5));
  absl::StatusOr<Result> aliases = db.Query(
      "SELECT alias FROM speaker_aliases WHERE speaker_seq = $1 AND kind <> 0 ORDER BY ord",
      {Int(seq)});
  if (!aliases.ok()) return aliases.status();
  for (int i = 0; i < aliases->rows(); ++i) speaker.add_aliases(aliases->Text(i, 0));
  absl::StatusOr<Result> roles = db.Query(
      "SELECT role, organization, first_seen_us, last_seen_us FROM speaker_roles "
      "WHERE speaker_seq = $1 ORDER BY first_seen_us, role_key COLLATE \"C\"",
      {Int(seq)});
  if (!roles.ok()) return roles.status();
  for (int i = 0; i < roles->rows(); ++i) {
    v1::SpeakerRole* role = speaker.add_roles();
    role->set_role(roles->Text(i, 0));
    role->set_organization(roles->Text(i, 1));
    *role->mutable_first_seen_time() = ProtoTimestampFromMicros(roles->Int(i, 2));
    *role->mutable_last_seen_time() = ProtoTimestampFromMicros(roles->Int(i, 3));
  }
  // Each claim of the speaker has the speaker's resource name among its
  // speaker names.
  absl::StatusOr<Result> count =
      db.Query("SELECT COUNT(*) FROM claim_speaker_names WHERE name = $1", {speaker.name()});
  if (!count.ok()) return count.status();
  speaker.set_claim_count(static_cast<int32_t>(count->rows() > 0 ? count->Int(0, 0) : 0));
  return speaker;
}

constexpr absl::string_view kSpeakerColumns =
    "seq, id, display_name, type, create_time_us, update_time_us";

// Appends `text` as a quoted tsquery lexeme: the parser splits it as it
// split the stored text.
void AppendTsQuoted(absl::string_view text, std::string* out) {
  out->push_back('\'');
  for (const char c : text) {
    if (c == '\'') {
      out->append("''");
    } else if (c == '\\') {
      out->append("\\\\");
    } else {
      out->push_back(c);
    }
  }
  out->push_back('\'');
}

}  // namespace

std::string TextArray(const std::vector<std::string>& values) {
  std::string array = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) array.push_back(',');
    array.push_back('"');
    for (const char c : values[i]) {
      if (c == '"' || c == '\\') array.push_back('\\');
      array.push_back(c);
    }
    array.push_back('"');
  }
  array.push_back('}');
  return array;
}

std::string IntArray(const std::vector<int64_t>& values) {
  return absl::StrCat("{", absl::StrJoin(values, ","), "}");
}

std::string TsQueryFromFtsMatch(absl::string_view match) {
  // FtsMatchExpression's output: "term" or "term"* joined by " AND ", with
  // quotes inside a term doubled.
  std::vector<std::string> terms;
  size_t pos = 0;
  while (pos < match.size()) {
    if (match[pos] != '"') {
      ++pos;
      continue;
    }
    std::string term;
    size_t i = pos + 1;
    while (i < match.size()) {
      if (match[i] == '"') {
        if (i + 1 < match.size() && match[i + 1] == '"') {
          term.push_back('"');
          i += 2;
          continue;
        }
        break;
      }
      term.push_back(match[i++]);
    }
    pos = i + 1;
    std::string lexeme;
    AppendTsQuoted(term, &lexeme);
    if (pos < match.size() && match[pos] == '*') {
      absl::StrAppend(&lexeme, ":*");
      ++pos;
    }
    terms.push_back(std::move(lexeme));
  }
  return absl::StrJoin(terms, " & ");
}

absl::Status RecordTracking(Connection& db, int64_t claim_seq, bool created,
                            const TrackingInput& input, int64_t now_us) {
  int64_t speaker_seq = 0;
  if (!created) {
    // The claim keeps the speaker it was first linked to.
    absl::StatusOr<Result> found =
        db.Query("SELECT speaker_seq FROM claim_tracking WHERE claim_seq = $1", {Int(claim_seq)});
    if (!found.ok()) return found.status();
    if (found->rows() > 0) {
      speaker_seq = found->Int(0, 0);
      if (speaker_seq != 0 && input.speaker.has_value()) {
        return NoteSpeakerAppearance(db, speaker_seq, *input.speaker, input.time_us, now_us);
      }
      return absl::OkStatus();
    }
  }
  Param speaker_name;
  if (input.speaker.has_value()) {
    absl::StatusOr<SpeakerRef> speaker = ResolveSpeaker(db, *input.speaker, now_us);
    if (!speaker.ok()) return speaker.status();
    speaker_seq = speaker->seq;
    speaker_name = absl::StrCat("speakers/", speaker->id);
    absl::Status noted =
        NoteSpeakerAppearance(db, speaker_seq, *input.speaker, input.time_us, now_us);
    if (!noted.ok()) return noted;
  }
  // The speaker's resource name among the claim's speaker names makes
  // `speaker: "speakers/{id}"` a ListClaims filter too.
  if (absl::Status status =
          db.Query("WITH named AS (INSERT INTO claim_speaker_names (name, claim_seq) "
                   "  SELECT $3::text, $1 WHERE $3::text IS NOT NULL ON CONFLICT DO NOTHING) "
                   "INSERT INTO claim_tracking (claim_seq, speaker_seq) VALUES ($1, $2)",
                   {Int(claim_seq), speaker_seq != 0 ? Param(Int(speaker_seq)) : Param(),
                    speaker_name})
              .status();
      !status.ok()) {
    return status;
  }
  if (!created || speaker_seq == 0 || input.shingles.empty()) return absl::OkStatus();
  return LinkVariant(db, claim_seq, speaker_seq, input, now_us);
}

absl::Status ReadClaimTracking(Connection& db, int64_t claim_seq, v1::Claim* claim) {
  // One round trip: the link, the variant count, the publishers and the
  // first appearance.
  absl::StatusOr<Result> found = db.Query(
      "SELECT s.id, canonical.id, t.variant, "
      "(SELECT COUNT(*) FROM claim_tracking v WHERE v.canonical_seq = $1), "
      "(SELECT COUNT(DISTINCT publisher) FROM appearance_tracking "
      " WHERE claim_seq = $1 AND publisher <> ''), "
      "first.time_us, first.document "
      "FROM (SELECT 1) AS one "
      "LEFT JOIN claim_tracking t ON t.claim_seq = $1 "
      "LEFT JOIN speakers s ON s.seq = t.speaker_seq "
      "LEFT JOIN claims canonical ON canonical.seq = t.canonical_seq "
      "LEFT JOIN LATERAL (SELECT time_us, document FROM appearance_tracking "
      " WHERE claim_seq = $1 ORDER BY time_us, document COLLATE \"C\" LIMIT 1) AS first ON true",
      {Int(claim_seq)});
  if (!found.ok()) return found.status();
  if (found->rows() == 0) return absl::OkStatus();
  const Result& r = *found;
  if (!r.IsNull(0, 0)) claim->set_speaker_resource(absl::StrCat("speakers/", r.Text(0, 0)));
  if (!r.IsNull(0, 1)) {
    const absl::string_view claim_id = absl::string_view(claim->name()).substr(7);
    absl::StatusOr<std::string> serialized = FromBytea(r.Text(0, 2));
    if (!serialized.ok()) return serialized.status();
    absl::StatusOr<v1::ClaimVariant> variant = VariantFromRow(
        *serialized, claim_id, r.Text(0, 1), claim->text(), claim->attribution_status());
    if (!variant.ok()) return variant.status();
    claim->set_altered_quote_suspected(variant->altered_quote_suspected());
    claim->set_proposed_attribution_status(variant->proposed_attribution_status());
    *claim->mutable_variant_of() = *std::move(variant);
  }
  claim->set_variant_count(static_cast<int32_t>(r.Int(0, 3)));
  claim->set_publisher_count(static_cast<int32_t>(r.Int(0, 4)));
  if (!r.IsNull(0, 5)) {
    *claim->mutable_first_appearance_time() = ProtoTimestampFromMicros(r.Int(0, 5));
    claim->set_first_appearance_document(r.Text(0, 6));
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::ListClaimVariantsResponse> ReadClaimVariants(Connection& db,
                                                                absl::string_view claim_id,
                                                                int page_size,
                                                                absl::string_view page_token) {
  absl::StatusOr<int> size = EffectivePageSize(page_size);
  if (!size.ok()) return size.status();
  const std::string fingerprint = absl::StrCat("variants:claims/", claim_id);
  absl::StatusOr<int64_t> resume_after = DecodePageToken(page_token, fingerprint, 0);
  if (!resume_after.ok()) return resume_after.status();
  absl::StatusOr<Result> found =
      db.Query("SELECT seq FROM claims WHERE id = $1", {std::string(claim_id)});
  if (!found.ok()) return found.status();
  if (found->rows() == 0) {
    return absl::NotFoundError(absl::StrCat("claims/", claim_id, " not found"));
  }
  absl::StatusOr<Result> rows = db.Query(
      "SELECT t.claim_seq, c.id, c.text, c.attribution_status, t.variant FROM claim_tracking t "
      "JOIN claims c ON c.seq = t.claim_seq WHERE t.canonical_seq = $1 AND t.claim_seq > $2 "
      "ORDER BY t.claim_seq LIMIT $3",
      {Int(found->Int(0, 0)), Int(*resume_after), Int(*size + 1)});
  if (!rows.ok()) return rows.status();
  v1::ListClaimVariantsResponse response;
  int64_t last_seq = 0;
  for (int i = 0; i < rows->rows(); ++i) {
    if (response.variants_size() == *size) {
      response.set_next_page_token(EncodePageToken(last_seq, fingerprint));
      break;
    }
    last_seq = rows->Int(i, 0);
    absl::StatusOr<std::string> serialized = FromBytea(rows->Text(i, 4));
    if (!serialized.ok()) return serialized.status();
    absl::StatusOr<v1::ClaimVariant> variant =
        VariantFromRow(*serialized, rows->Text(i, 1), claim_id, rows->Text(i, 2),
                       static_cast<v1::AttributionStatus>(rows->Int(i, 3)));
    if (!variant.ok()) return variant.status();
    *response.add_variants() = *std::move(variant);
  }
  return response;
}

absl::StatusOr<v1::Speaker> ReadSpeaker(Connection& db, absl::string_view name) {
  absl::StatusOr<std::string> id = ParseResourceName(name, "speakers", "name");
  if (!id.ok()) return id.status();
  absl::StatusOr<Result> found =
      db.Query(absl::StrCat("SELECT ", kSpeakerColumns, " FROM speakers WHERE id = $1"), {*id});
  if (!found.ok()) return found.status();
  if (found->rows() == 0) return absl::NotFoundError(absl::StrCat("speakers/", *id, " not found"));
  return SpeakerFromRow(db, *found, 0);
}

absl::StatusOr<v1::ListSpeakersResponse> ReadSpeakers(Connection& db, absl::string_view alias,
                                                      int page_size, absl::string_view page_token) {
  absl::StatusOr<int> size = EffectivePageSize(page_size);
  if (!size.ok()) return size.status();
  const std::string normalized = NormalizeSpeakerName(alias);
  const std::string fingerprint = absl::StrCat("speakers\x1f", normalized);
  absl::StatusOr<int64_t> resume_after =
      DecodePageToken(page_token, fingerprint, std::numeric_limits<int64_t>::max());
  if (!resume_after.ok()) return resume_after.status();
  std::vector<Param> params = {Int(*resume_after)};
  std::string sql = absl::StrCat("SELECT ", kSpeakerColumns, " FROM speakers WHERE seq < $1");
  if (!normalized.empty()) {
    params.push_back(normalized);
    absl::StrAppend(&sql,
                    " AND seq IN (SELECT speaker_seq FROM speaker_aliases WHERE normalized = $",
                    params.size(), ")");
  }
  params.push_back(Int(*size + 1));
  absl::StrAppend(&sql, " ORDER BY seq DESC LIMIT $", params.size());
  absl::StatusOr<Result> rows = db.Query(sql, params);
  if (!rows.ok()) return rows.status();
  v1::ListSpeakersResponse response;
  for (int i = 0; i < rows->rows(); ++i) {
    if (response.speakers_size() == *size) {
      response.set_next_page_token(EncodePageToken(rows->Int(i - 1, 0), fingerprint));
      break;
    }
    absl::StatusOr<v1::Speaker> speaker = SpeakerFromRow(db, *rows, i);
    if (!speaker.ok()) return speaker.status();
    *response.add_speakers() = *std::move(speaker);
  }
  return response;
}

absl::StatusOr<SearchPage> SearchClaimSeqs(Connection& db, const ClaimSearch& search, int page_size,
                                           absl::string_view page_token) {
  absl::StatusOr<int> size = EffectivePageSize(page_size);
  if (!size.ok()) return size.status();
  const std::string fingerprint = SearchFingerprint(search);
  absl::StatusOr<int64_t> resume_after =
      DecodePageToken(page_token, fingerprint, std::numeric_limits<int64_t>::max());
  if (!resume_after.ok()) return resume_after.status();

  const bool by_time = search.start_us != std::numeric_limits<int64_t>::min() ||
                       search.end_us != std::numeric_limits<int64_t>::max();
  std::vector<Param> params = {Int(*resume_after)};
  const auto next = [&params](Param value) {
    params.push_back(std::move(value));
    return absl::StrCat("$", params.size());
  };
  std::string sql = "SELECT c.seq FROM claims c WHERE c.seq < $1";
  if (!search.match.empty()) {
    absl::StrAppend(&sql, " AND c.text_search @@ to_tsquery('simple', ",
                    next(TsQueryFromFtsMatch(search.match)), ")");
  }
  if (!search.speaker.empty()) {
    absl::StrAppend(&sql, " AND c.seq IN (SELECT claim_seq FROM claim_speaker_names WHERE name = ",
                    next(search.speaker), ")");
  }
  if (search.attribution_status != v1::ATTRIBUTION_STATUS_UNSPECIFIED) {
    absl::StrAppend(&sql, " AND c.attribution_status = ", next(Int(search.attribution_status)));
  }
  if (search.verdict != v1::VERDICT_UNSPECIFIED) {
    absl::StrAppend(&sql, " AND c.verdict = ", next(Int(search.verdict)));
  }
  if (search.kind != type::v1::STATEMENT_KIND_UNSPECIFIED) {
    absl::StrAppend(&sql, " AND c.kind = ", next(Int(search.kind)));
  }
  if (!search.publisher.empty() || by_time) {
    // One appearance must satisfy the publisher and the time range together.
    absl::StrAppend(&sql,
                    " AND EXISTS (SELECT 1 FROM appearance_tracking a WHERE a.claim_seq = c.seq");
    if (!search.publisher.empty())
      absl::StrAppend(&sql, " AND a.publisher = ", next(search.publisher));
    if (by_time) {
      absl::StrAppend(&sql, " AND a.time_us >= ", next(Int(search.start_us)));
      absl::StrAppend(&sql, " AND a.time_us < ", next(Int(search.end_us)));
    }
    absl::StrAppend(&sql, ")");
  }
  absl::StrAppend(&sql, " ORDER BY c.seq DESC LIMIT ", next(Int(*size + 1)));
  absl::StatusOr<Result> rows = db.Query(sql, params);
  if (!rows.ok()) return rows.status();
  SearchPage page;
  for (int i = 0; i < rows->rows(); ++i) {
    if (static_cast<int>(page.claim_seqs.size()) == *size) {
      page.next_page_token = EncodePageToken(page.claim_seqs.back(), fingerprint);
      break;
    }
    page.claim_seqs.push_back(rows->Int(i, 0));
  }
  return page;
}

}  // namespace claimtrack::verification::pg
