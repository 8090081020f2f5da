#include "services/verification/speaker_registry.h"

#include <limits>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/api/pagination.h"
#include "common/api/resource_name.h"
#include "common/api/timestamps.h"
#include "common/text/sha256.h"
#include "services/verification/claim_identity.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::sqlite::CachedStatement;
using ::claimtrack::type::v1::SpeakerType;

// A mention is worth keeping as an alias only if it names someone: it has a
// capitalised word other than an article or pronoun ("then-Attorney General
// Merrick Garland", "the ICPA"), not "he" or "The administration".
bool NamesSomeone(absl::string_view mention) {
  static const auto* kNotNames = new absl::flat_hash_set<std::string>{
      "the", "a", "an", "he", "she", "they", "it", "his", "her", "its", "their", "this",
      "that", "these", "those", "we", "i", "our"};
  for (absl::string_view word : absl::StrSplit(mention, absl::ByAnyChar(" -"), absl::SkipEmpty())) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(word[0]))) continue;
    if (!kNotNames->contains(absl::AsciiStrToLower(word))) return true;
  }
  return false;
}

absl::StatusOr<v1::Speaker> SpeakerFromRow(sqlite::StatementCache& statements, int64_t seq,
                                           const std::string& id, const std::string& display_name,
                                           int64_t type, int64_t create_us, int64_t update_us) {
  v1::Speaker speaker;
  speaker.set_name(absl::StrCat("speakers/", id));
  speaker.set_display_name(display_name);
  speaker.set_type(static_cast<SpeakerType>(type));
  *speaker.mutable_create_time() = ProtoTimestampFromMicros(create_us);
  *speaker.mutable_update_time() = ProtoTimestampFromMicros(update_us);
  {
    absl::StatusOr<CachedStatement> query = statements.Get(
        "SELECT alias FROM speaker_aliases WHERE speaker_seq = ? AND kind != 0 ORDER BY ord");
    if (!query.ok()) return query.status();
    (*query)->Bind(1, seq);
    while (true) {
      absl::StatusOr<bool> row = (*query)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      speaker.add_aliases((*query)->ColumnText(0));
    }
  }
  {
    absl::StatusOr<CachedStatement> query = statements.Get(
        "SELECT role, organization, first_seen_us, last_seen_us FROM speaker_roles "
        "WHERE speaker_seq = ? ORDER BY first_seen_us, role_key");
    if (!query.ok()) return query.status();
    (*query)->Bind(1, seq);
    while (true) {
      absl::StatusOr<bool> row = (*query)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      v1::SpeakerRole* role = speaker.add_roles();
      role->set_role((*query)->ColumnText(0));
      role->set_organization((*query)->ColumnText(1));
      *role->mutable_first_seen_time() = ProtoTimestampFromMicros((*query)->ColumnInt(2));
      *role->mutable_last_seen_time() = ProtoTimestampFromMicros((*query)->ColumnInt(3));
    }
  }
  {
    // Each claim of the speaker has its resource name among its speaker
    // names (claim_tracking.cc), an index range to count.
    absl::StatusOr<CachedStatement> query =
        statements.Get("SELECT COUNT(*) FROM claim_speaker_names WHERE name = ?");
    if (!query.ok()) return query.status();
    (*query)->Bind(1, speaker.name());
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    speaker.set_claim_count(static_cast<int32_t>(*row ? (*query)->ColumnInt(0) : 0));
  }
  return speaker;
}

constexpr absl::string_view kSpeakerColumns =
    "seq, id, display_name, type, create_time_us, update_time_us";

}  // namespace

std::string SpeakerId(SpeakerType type, absl::string_view key) {
  return Sha256Hex(absl::StrCat("v1\x1f", static_cast<int>(type), "\x1f", key)).substr(0, 16);
}

std::string SpeakerRoleKey(const SpeakerMention& mention) {
  return absl::StrCat(NormalizeClaimText(mention.role), "\x1f",
                      NormalizeClaimText(mention.organization));
}

std::optional<SpeakerMention> SpeakerMentionOf(const type::v1::Statement& statement) {
  const type::v1::Speaker& speaker = statement.speaker();
  if (speaker.type() == type::v1::SPEAKER_TYPE_ANONYMOUS ||
      speaker.type() == type::v1::SPEAKER_TYPE_DOCUMENT) {
    return std::nullopt;
  }
  SpeakerMention mention;
  mention.display_name = std::string(absl::StripAsciiWhitespace(speaker.name()));
  mention.key = NormalizeSpeakerName(mention.display_name);
  if (mention.key.empty()) return std::nullopt;
  mention.type = speaker.type();
  mention.names.emplace_back(mention.display_name, SpeakerNameKind::kFullName);
  for (const std::string& alias : speaker.aliases()) {
    mention.names.emplace_back(std::string(absl::StripAsciiWhitespace(alias)),
                               SpeakerNameKind::kAlias);
  }
  const std::string mention_text(absl::StripAsciiWhitespace(statement.mention().text()));
  if (!mention_text.empty() && NamesSomeone(mention_text)) {
    mention.names.emplace_back(mention_text, SpeakerNameKind::kMention);
  }
  if (speaker.type() == type::v1::SPEAKER_TYPE_PERSON) {
    const size_t last_space = mention.display_name.rfind(' ');
    if (last_space != std::string::npos) {
      mention.names.emplace_back(mention.display_name.substr(last_space + 1),
                                 SpeakerNameKind::kSurname);
    }
  }
  mention.role = std::string(absl::StripAsciiWhitespace(speaker.role()));
  mention.organization = std::string(absl::StripAsciiWhitespace(speaker.organization()));
  return mention;
}

absl::StatusOr<SpeakerRef> ResolveSpeaker(sqlite::StatementCache& statements,
                                          const SpeakerMention& mention, int64_t now_us) {
  {
    absl::StatusOr<CachedStatement> find = statements.Get(
        "SELECT s.seq, s.id FROM speaker_aliases a JOIN speakers s ON s.seq = a.speaker_seq "
        "WHERE a.normalized = ? AND a.kind <= 1 AND s.type = ? "
        "ORDER BY a.kind, a.speaker_seq LIMIT 1");
    if (!find.ok()) return find.status();
    (*find)->Bind(1, mention.key).Bind(2, static_cast<int>(mention.type));
    absl::StatusOr<bool> row = (*find)->Step();
    if (!row.ok()) return row.status();
    if (*row) return SpeakerRef{(*find)->ColumnInt(0), (*find)->ColumnText(1)};
  }
  const std::string id = SpeakerId(mention.type, mention.key);
  absl::StatusOr<CachedStatement> insert = statements.Get(
      "INSERT INTO speakers (id, display_name, type, create_time_us, update_time_us) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET id = excluded.id RETURNING seq");
  if (!insert.ok()) return insert.status();
  (*insert)
      ->Bind(1, id)
      .Bind(2, mention.display_name)
      .Bind(3, static_cast<int>(mention.type))
      .Bind(4, now_us)
      .Bind(5, now_us);
  absl::StatusOr<bool> row = (*insert)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return absl::InternalError("speakers insert returned no row");
  SpeakerRef ref{(*insert)->ColumnInt(0), id};
  if (absl::Status done = (*insert)->Run(); !done.ok()) return done;
  return ref;
}

absl::Status NoteSpeakerAppearance(sqlite::StatementCache& statements, int64_t speaker_seq,
                                   const SpeakerMention& mention, int64_t seen_us,
                                   int64_t now_us) {
  bool changed = false;
  for (const auto& [alias, kind] : mention.names) {
    const std::string normalized = NormalizeSpeakerName(alias);
    if (normalized.empty()) continue;
    absl::StatusOr<CachedStatement> insert = statements.Get(
        "INSERT OR IGNORE INTO speaker_aliases (speaker_seq, normalized, alias, kind, ord) "
        "VALUES (?1, ?2, ?3, ?4, (SELECT COUNT(*) FROM speaker_aliases WHERE speaker_seq = ?1))");
    if (!insert.ok()) return insert.status();
    absl::Status status = (*insert)
                              ->Bind(1, speaker_seq)
                              .Bind(2, normalized)
                              .Bind(3, alias)
                              .Bind(4, static_cast<int>(kind))
                              .Run();
    if (!status.ok()) return status;
    changed = changed || statements.db().ChangedRows() > 0;
  }
  if (!mention.role.empty()) {
    const std::string role_key = SpeakerRoleKey(mention);
    absl::StatusOr<CachedStatement> insert = statements.Get(
        "INSERT OR IGNORE INTO speaker_roles (speaker_seq, role_key, role, organization, "
        "first_seen_us, last_seen_us) VALUES (?1, ?2, ?3, ?4, ?5, ?5)");
    if (!insert.ok()) return insert.status();
    absl::Status status = (*insert)
                              ->Bind(1, speaker_seq)
                              .Bind(2, role_key)
                              .Bind(3, mention.role)
                              .Bind(4, mention.organization)
                              .Bind(5, seen_us)
                              .Run();
    if (!status.ok()) return status;
    if (statements.db().ChangedRows() > 0) {
      changed = true;
    } else {
      // A known role: widen its time range only if this appearance lies
      // outside it, so the row is not rewritten on every appearance; the
      // speaker's update_time marks new names and roles only.
      absl::StatusOr<CachedStatement> widen = statements.Get(
          "UPDATE speaker_roles SET first_seen_us = MIN(first_seen_us, ?3), "
          "last_seen_us = MAX(last_seen_us, ?3) WHERE speaker_seq = ?1 AND role_key = ?2 "
          "AND (?3 < first_seen_us OR ?3 > last_seen_us)");
      if (!widen.ok()) return widen.status();
      status = (*widen)->Bind(1, speaker_seq).Bind(2, role_key).Bind(3, seen_us).Run();
      if (!status.ok()) return status;
    }
  }
  if (!changed) return absl::OkStatus();
  absl::StatusOr<CachedStatement> touch =
      statements.Get("UPDATE speakers SET update_time_us = ? WHERE seq = ?");
  if (!touch.ok()) return touch.status();
  return (*touch)->Bind(1, now_us).Bind(2, speaker_seq).Run();
}

absl::StatusOr<v1::Speaker> ReadSpeaker(sqlite::StatementCache& statements,
                                        absl::string_view name) {
  absl::StatusOr<std::string> id = ParseResourceName(name, "speakers", "name");
  if (!id.ok()) return id.status();
  absl::StatusOr<CachedStatement> query =
      statements.Get(absl::StrCat("SELECT ", kSpeakerColumns, " FROM speakers WHERE id = ?"));
  if (!query.ok()) return query.status();
  (*query)->Bind(1, *id);
  absl::StatusOr<bool> row = (*query)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return absl::NotFoundError(absl::StrCat("speakers/", *id, " not found"));
  const int64_t seq = (*query)->ColumnInt(0);
  const std::string display_name = (*query)->ColumnText(2);
  const int64_t type = (*query)->ColumnInt(3);
  const int64_t create_us = (*query)->ColumnInt(4);
  const int64_t update_us = (*query)->ColumnInt(5);
  return SpeakerFromRow(statements, seq, *id, display_name, type, create_us, update_us);
}

absl::StatusOr<v1::ListSpeakersResponse> ReadSpeakers(sqlite::StatementCache& statements,
                                                      absl::string_view alias, int page_size,
                                                      absl::string_view page_token) {
  absl::StatusOr<int> size = EffectivePageSize(page_size);
  if (!size.ok()) return size.status();
  const std::string normalized = NormalizeSpeakerName(alias);
  const std::string fingerprint = absl::StrCat("speakers\x1f", normalized);
  absl::StatusOr<int64_t> resume_after =
      DecodePageToken(page_token, fingerprint, std::numeric_limits<int64_t>::max());
  if (!resume_after.ok()) return resume_after.status();
  std::string sql = absl::StrCat("SELECT ", kSpeakerColumns, " FROM speakers WHERE seq < ?");
  if (!normalized.empty()) {
    absl::StrAppend(&sql,
                    " AND seq IN (SELECT speaker_seq FROM speaker_aliases WHERE normalized = ?)");
  }
  absl::StrAppend(&sql, " ORDER BY seq DESC LIMIT ?");
  absl::StatusOr<CachedStatement> query = statements.Get(sql);
  if (!query.ok()) return query.status();
  int index = 1;
  (*query)->Bind(index++, *resume_after);
  if (!normalized.empty()) (*query)->Bind(index++, normalized);
  (*query)->Bind(index++, *size + 1);
  // Collect the rows first: building a speaker runs other statements.
  struct Row {
    int64_t seq;
    std::string id;
    std::string display_name;
    int64_t type;
    int64_t create_us;
    int64_t update_us;
  };
  std::vector<Row> rows;
  while (true) {
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    rows.push_back({(*query)->ColumnInt(0), (*query)->ColumnText(1), (*query)->ColumnText(2),
                    (*query)->ColumnInt(3), (*query)->ColumnInt(4), (*query)->ColumnInt(5)});
  }
  v1::ListSpeakersResponse response;
  for (const Row& row : rows) {
    if (response.speakers_size() == *size) {
      response.set_next_page_token(
          EncodePageToken(rows[static_cast<size_t>(*size) - 1].seq, fingerprint));
      break;
    }
    absl::StatusOr<v1::Speaker> speaker = SpeakerFromRow(
        statements, row.seq, row.id, row.display_name, row.type, row.create_us, row.update_us);
    if (!speaker.ok()) return speaker.status();
    *response.add_speakers() = *std::move(speaker);
  }
  return response;
}

}  // namespace claimtrack::verification
