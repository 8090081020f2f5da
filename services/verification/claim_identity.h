#ifndef CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_IDENTITY_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_IDENTITY_H_

#include <string>

#include "absl/strings/string_view.h"
#include "claimtrack/type/v1/statement.pb.h"

namespace claimtrack::verification {

// Folds the spellings of one statement that differ only in typography to one
// form, so that two articles quoting the same words give the same claim:
// curly quotes, apostrophes and dashes become ASCII, Unicode spaces become a
// space, ASCII letters are lowercased, runs of whitespace collapse to one
// space, and quote marks, punctuation and spaces around the text are
// stripped ("“We’ll win.”" -> "we'll win"). Non-ASCII letters are kept as
// they are.
std::string NormalizeClaimText(absl::string_view text);

// Speaker names get the same folding, so "Merrick  Garland" and
// "merrick garland" are one speaker; also used for the speaker filter.
inline std::string NormalizeSpeakerName(absl::string_view name) { return NormalizeClaimText(name); }

// What makes two statements one claim.
struct ClaimIdentity {
  // normalised kind family + speaker + content; stable across versions.
  std::string key;
  // First 16 hex digits of SHA-256(key).
  std::string id;
  // "claims/{id}".
  std::string name;
};

// Quotes (direct, partial, reported speech) and factual claims are separate
// families: an article asserting X is not the same claim as someone quoted
// saying X. Within a family the key is the resolved speaker's name (empty
// when unknown, e.g. a factual claim) and the content.
ClaimIdentity IdentifyClaim(const claimtrack::type::v1::Statement& statement);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_IDENTITY_H_
