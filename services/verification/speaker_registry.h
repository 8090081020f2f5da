#ifndef CLAIMTRACK_SERVICES_VERIFICATION_SPEAKER_REGISTRY_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_SPEAKER_REGISTRY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/type/v1/statement.pb.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "common/sqlite/statement_cache.h"

namespace claimtrack::verification {

// Speakers as resources ("speakers/{speaker}"): one per person or
// organisation, found again by any name or alias an article gave it.
// Anonymous sources, documents and unnamed speakers are not speakers.

// How a name was seen; names of the first two kinds resolve statements to
// a speaker, the others are for finding speakers and claims only (a
// surname or "then-Attorney General ..." may fit other people).
enum class SpeakerNameKind : int {
  kFullName = 0,  // the resolved name
  kAlias = 1,     // an alias the extraction engine resolved ("DOJ")
  kMention = 2,   // how an article named the speaker at the statement
  kSurname = 3,   // a person's last name
};

// A statement's speaker, prepared off the writer thread.
struct SpeakerMention {
  std::string display_name;
  // NormalizeSpeakerName(display_name).
  std::string key;
  claimtrack::type::v1::SpeakerType type = claimtrack::type::v1::SPEAKER_TYPE_UNSPECIFIED;
  // Names as written, with their kind, full name first.
  std::vector<std::pair<std::string, SpeakerNameKind>> names;
  std::string role;
  std::string organization;
};

// nullopt when the statement's speaker is not a speaker resource.
std::optional<SpeakerMention> SpeakerMentionOf(const claimtrack::type::v1::Statement& statement);

// The id of a new speaker ("speakers/{id}"): derived from its first name's
// key and type, so the same in every store and stable across replays.
std::string SpeakerId(claimtrack::type::v1::SpeakerType type, absl::string_view key);

// The key under which a speaker's role (with its organization) is kept once.
std::string SpeakerRoleKey(const SpeakerMention& mention);

struct SpeakerRef {
  int64_t seq = 0;
  // The resource id: "speakers/{id}".
  std::string id;
};

// The speaker whose full name or alias is the mention's name (same type),
// or a new one. `now_us` stamps a new speaker.
absl::StatusOr<SpeakerRef> ResolveSpeaker(sqlite::StatementCache& statements,
                                          const SpeakerMention& mention, int64_t now_us);

// Adds the mention's names as aliases and its role, seen at `seen_us`.
absl::Status NoteSpeakerAppearance(sqlite::StatementCache& statements, int64_t speaker_seq,
                                   const SpeakerMention& mention, int64_t seen_us,
                                   int64_t now_us);

// NOT_FOUND if there is no such speaker; INVALID_ARGUMENT for a malformed
// name.
absl::StatusOr<v1::Speaker> ReadSpeaker(sqlite::StatementCache& statements,
                                        absl::string_view name);

// Newest first; `alias` (if not empty) must be one of the speaker's names.
absl::StatusOr<v1::ListSpeakersResponse> ReadSpeakers(sqlite::StatementCache& statements,
                                                      absl::string_view alias, int page_size,
                                                      absl::string_view page_token);

inline constexpr absl::string_view kSpeakerSchema = R"sql(
CREATE TABLE IF NOT EXISTS speakers (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  type INTEGER NOT NULL,
  create_time_us INTEGER NOT NULL,
  update_time_us INTEGER NOT NULL
);
-- Every name a speaker goes by, normalised; `kind` is a SpeakerNameKind,
-- `ord` the order of first use.
CREATE TABLE IF NOT EXISTS speaker_aliases (
  speaker_seq INTEGER NOT NULL REFERENCES speakers (seq),
  normalized TEXT NOT NULL,
  alias TEXT NOT NULL,
  kind INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  PRIMARY KEY (speaker_seq, normalized)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_aliases_by_name
  ON speaker_aliases (normalized, kind, speaker_seq);
CREATE TABLE IF NOT EXISTS speaker_roles (
  speaker_seq INTEGER NOT NULL REFERENCES speakers (seq),
  role_key TEXT NOT NULL,
  role TEXT NOT NULL,
  organization TEXT NOT NULL,
  first_seen_us INTEGER NOT NULL,
  last_seen_us INTEGER NOT NULL,
  PRIMARY KEY (speaker_seq, role_key)
) WITHOUT ROWID;
)sql";

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_SPEAKER_REGISTRY_H_
