#include "services/verification/claim_review_export.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/api/resource_name.h"
#include "common/api/timestamps.h"

namespace claimtrack::verification {
namespace {

using nlohmann::ordered_json;

std::string IsoTime(absl::Time time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", time, absl::UTCTimeZone());
}

bool HasTime(const google::protobuf::Timestamp& timestamp) {
  return timestamp.seconds() != 0 || timestamp.nanos() != 0;
}

// The claim's author: the speaker, as a Person or an Organization.
ordered_json SpeakerJson(const type::v1::Speaker& speaker) {
  const bool organization = speaker.type() == type::v1::SPEAKER_TYPE_ORGANIZATION;
  ordered_json author = {{"@type", organization ? "Organization" : "Person"}};
  if (!speaker.name().empty()) {
    author["name"] = speaker.name();
  } else if (speaker.type() == type::v1::SPEAKER_TYPE_ANONYMOUS) {
    author["name"] = "Anonymous source";
  } else {
    author["name"] = "Unknown";
  }
  if (!organization && !speaker.role().empty()) author["jobTitle"] = speaker.role();
  if (!organization && !speaker.organization().empty()) {
    author["affiliation"] = {{"@type", "Organization"}, {"name", speaker.organization()}};
  }
  if (!speaker.aliases().empty()) {
    ordered_json aliases = ordered_json::array();
    for (const std::string& alias : speaker.aliases()) aliases.push_back(alias);
    author["alternateName"] = std::move(aliases);
  }
  return author;
}

// An article the claim appeared in, as a CreativeWork.
ordered_json AppearanceJson(const v1::Appearance& appearance) {
  const type::v1::ArticleSource& source = appearance.source();
  ordered_json work = {{"@type", "CreativeWork"}, {"url", source.url()}};
  if (!source.title().empty()) work["headline"] = source.title();
  if (HasTime(source.publish_time())) {
    work["datePublished"] = IsoTime(FromProtoTimestamp(source.publish_time()));
  }
  if (!source.publisher().empty()) {
    work["publisher"] = {{"@type", "Organization"}, {"name", source.publisher()}};
  }
  if (!source.authors().empty()) {
    ordered_json authors = ordered_json::array();
    for (const std::string& name : source.authors()) {
      authors.push_back({{"@type", "Person"}, {"name", name}});
    }
    work["author"] = std::move(authors);
  }
  return work;
}

// When an appearance was first seen: the article's publish time if known,
// else when claimtrack recorded it.
absl::Time SeenAt(const v1::Appearance& appearance) {
  if (HasTime(appearance.source().publish_time())) {
    return FromProtoTimestamp(appearance.source().publish_time());
  }
  return FromProtoTimestamp(appearance.record_time());
}

}  // namespace

std::optional<VerdictRating> RatingForVerdict(v1::Verdict verdict) {
  switch (verdict) {
    case v1::VERDICT_TRUE:
      return VerdictRating{"True", 5};
    case v1::VERDICT_MOSTLY_TRUE:
      return VerdictRating{"Mostly true", 4};
    case v1::VERDICT_MISLEADING:
      return VerdictRating{"Misleading", 2};
    case v1::VERDICT_FALSE:
      return VerdictRating{"False", 1};
    case v1::VERDICT_UNVERIFIABLE:
      return VerdictRating{"Unverifiable", std::nullopt};
    case v1::VERDICT_NOT_CHECKABLE:
      return VerdictRating{"Not checkable", std::nullopt};
    default:
      return std::nullopt;
  }
}

absl::Time ClaimReviewDate(const v1::Claim& claim, const std::vector<v1::HistoryEntry>& history) {
  if (claim.published() && HasTime(claim.publish_time())) {
    return FromProtoTimestamp(claim.publish_time());
  }
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (it->field() == v1::STATUS_FIELD_VERDICT) return FromProtoTimestamp(it->create_time());
  }
  return FromProtoTimestamp(claim.update_time());
}

absl::StatusOr<ordered_json> ClaimReviewJsonLd(const v1::Claim& claim, absl::Time date_published,
                                               const ClaimReviewOptions& options) {
  const std::optional<VerdictRating> rating = RatingForVerdict(claim.verdict());
  if (!rating.has_value()) {
    return absl::FailedPreconditionError(absl::StrCat(
        claim.name(), " has no final verdict (it is ", v1::Verdict_Name(claim.verdict()),
        "): only a claim with a verdict (TRUE, MOSTLY_TRUE, MISLEADING, FALSE, UNVERIFIABLE, "
        "NOT_CHECKABLE) can be exported as a ClaimReview"));
  }
  absl::StatusOr<std::string> id = ParseResourceName(claim.name(), "claims", "name");
  if (!id.ok()) return id.status();

  ordered_json review_rating = {{"@type", "Rating"},
                                {"alternateName", rating->alternate_name},
                                {"name", rating->alternate_name}};
  if (rating->rating_value.has_value()) {
    review_rating["ratingValue"] = *rating->rating_value;
    review_rating["bestRating"] = kBestRating;
    review_rating["worstRating"] = kWorstRating;
  }
  ordered_json author = {{"@type", "Organization"}, {"name", options.organization_name}};
  if (!options.organization_url.empty()) author["url"] = options.organization_url;

  ordered_json item = {{"@type", "Claim"}, {"author", SpeakerJson(claim.speaker())}};
  // Appearances with a URL, one per article, and the earliest of them.
  ordered_json appearances = ordered_json::array();
  absl::flat_hash_set<std::string> urls;
  const v1::Appearance* first = nullptr;
  for (const v1::Appearance& appearance : claim.appearances()) {
    if (appearance.source().url().empty() || !urls.insert(appearance.source().url()).second) {
      continue;
    }
    appearances.push_back(AppearanceJson(appearance));
    if (first == nullptr || SeenAt(appearance) < SeenAt(*first)) first = &appearance;
  }
  if (first != nullptr) {
    item["datePublished"] = IsoTime(SeenAt(*first));
    item["appearance"] = std::move(appearances);
    item["firstAppearance"] = AppearanceJson(*first);
  }

  return ordered_json{
      {"@context", "https://schema.org"},           {"@type", "ClaimReview"},
      {"url", absl::StrCat(options.base_url, *id)}, {"claimReviewed", claim.text()},
      {"datePublished", IsoTime(date_published)},   {"author", std::move(author)},
      {"reviewRating", std::move(review_rating)},   {"itemReviewed", std::move(item)},
  };
}

}  // namespace claimtrack::verification
