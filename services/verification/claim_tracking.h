#ifndef CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_TRACKING_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_TRACKING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/type/v1/article.pb.h"
#include "claimtrack/type/v1/statement.pb.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "common/sqlite/database.h"
#include "common/sqlite/statement_cache.h"
#include "services/verification/speaker_registry.h"
#include "services/verification/variant_index.h"

namespace claimtrack::verification {

// Tracking a statement across the news, on top of the claim store's
// tables: the speaker resource of each claim, variants (near-duplicate
// wording by the same speaker, with a word diff and an altered-quote flag),
// corroboration (publishers, first appearance) and the full-text index.
// Its tables live beside the claim schema and are created if missing, so
// the claim schema (and its version) is untouched.

// Creates the tracking tables if missing. Run on the writer connection at
// open, before any write.
absl::Status InitTrackingSchema(sqlite::Database& db);

// What one appearance contributes, computed off the writer thread.
struct TrackingInput {
  // The article's publish time, or `now` when it has none.
  int64_t time_us = 0;
  // The folded publisher name, or the URL's host; empty if neither.
  std::string publisher;
  std::optional<SpeakerMention> speaker;
  claimtrack::type::v1::StatementKind kind = claimtrack::type::v1::STATEMENT_KIND_UNSPECIFIED;
  std::string text;
  // Empty when the text has fewer than kMinIndexedWords words, the
  // statement is a factual claim or has no speaker resource.
  std::vector<uint64_t> shingles;
  MinHashSignature signature{};
};

TrackingInput PrepareTracking(const claimtrack::type::v1::Statement& statement,
                              const claimtrack::type::v1::ArticleSource& source, int64_t now_us);

// Records one new appearance of claim `claim_seq` (`created`: the claim is
// new too) inside the store's write: links the claim to its speaker, notes
// aliases and roles, indexes the appearance for corroboration and the
// publisher/time filters, and for a new claim adds its text to the search
// index and links it to the claim it is a variant of, if any.
absl::Status RecordTracking(sqlite::StatementCache& statements, int64_t claim_seq, bool created,
                            const TrackingInput& input, absl::string_view document,
                            int64_t now_us);

// The claim a new statement's wording varies, found through the variant
// index: the most similar indexed claim of the same speaker at or above
// kVariantThreshold (itself or, if that is a variant, its canonical claim),
// with the diff and the altered-quote flag. `claim_seq` (the new claim, if
// already indexed) is skipped. nullopt when there is none.
struct VariantMatch {
  int64_t canonical_seq = 0;
  // Without names and proposal (filled in at read time).
  v1::ClaimVariant variant;
};
absl::StatusOr<std::optional<VariantMatch>> FindVariant(sqlite::StatementCache& statements,
                                                        int64_t claim_seq, int64_t speaker_seq,
                                                        const TrackingInput& input,
                                                        int64_t now_us);

// Fills the tracking fields of `claim` (whose attribution_status is already
// set: the proposal depends on it).
absl::Status ReadClaimTracking(sqlite::StatementCache& statements, int64_t claim_seq,
                               v1::Claim* claim);

// The variants of claims/{claim_id}, oldest first. NOT_FOUND if there is no
// such claim.
absl::StatusOr<v1::ListClaimVariantsResponse> ReadClaimVariants(sqlite::StatementCache& statements,
                                                                absl::string_view claim_id,
                                                                int page_size,
                                                                absl::string_view page_token);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_TRACKING_H_
