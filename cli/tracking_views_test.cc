#include "cli/tracking_views.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace claimtrack::cli {
namespace {

namespace v1 = ::claimtrack::verification::v1;
using ::testing::HasSubstr;
using ::testing::Not;

v1::ClaimVariant AlteredVariant() {
  v1::ClaimVariant variant;
  variant.set_claim("claims/b");
  variant.set_canonical_claim("claims/a");
  variant.set_similarity(0.6);
  const auto add = [&](v1::WordDiffOperation op, const std::string& text) {
    v1::WordDiffSegment* segment = variant.add_diff();
    segment->set_operation(op);
    segment->set_text(text);
  };
  add(v1::WORD_DIFF_OPERATION_EQUAL, "There is");
  add(v1::WORD_DIFF_OPERATION_DELETE, "no");
  add(v1::WORD_DIFF_OPERATION_INSERT, "still a");
  add(v1::WORD_DIFF_OPERATION_EQUAL, "hiding place");
  v1::MeaningChange* change = variant.add_meaning_changes();
  change->set_kind(v1::MEANING_CHANGE_KIND_NEGATION);
  change->set_canonical_words("no");
  change->set_variant_words("still a");
  variant.set_altered_quote_suspected(true);
  variant.set_proposed_attribution_status(v1::ATTRIBUTION_STATUS_ALTERED);
  return variant;
}

TEST(TrackingViewsTest, WordDiffMarksRemovedAndAddedWords) {
  EXPECT_EQ(FormatWordDiff(AlteredVariant().diff()),
            "There is [-no-] {+still a+} hiding place");
  EXPECT_EQ(FormatMeaningChange(AlteredVariant().meaning_changes(0)), "negation: no -> still a");
}

TEST(TrackingViewsTest, VariantsTableShowsTheProposal) {
  google::protobuf::RepeatedPtrField<v1::ClaimVariant> variants;
  *variants.Add() = AlteredVariant();
  const std::string table = FormatVariantsTable(variants, 200);
  EXPECT_THAT(table, HasSubstr("claims/b"));
  EXPECT_THAT(table, HasSubstr("0.60"));
  EXPECT_THAT(table, HasSubstr("suspected; propose altered"));
  EXPECT_THAT(table, HasSubstr("[-no-] {+still a+}"));
}

TEST(TrackingViewsTest, ClaimTrackingSaysWhatToConfirm) {
  v1::Claim claim;
  claim.set_speaker_resource("speakers/abc");
  claim.set_publisher_count(2);
  claim.mutable_first_appearance_time()->set_seconds(1742212800);
  claim.set_first_appearance_document("documents/d1");
  *claim.mutable_variant_of() = AlteredVariant();
  claim.set_altered_quote_suspected(true);
  claim.set_proposed_attribution_status(v1::ATTRIBUTION_STATUS_ALTERED);
  const std::string text = FormatClaimTracking(claim);
  EXPECT_THAT(text, HasSubstr("  speaker resource"));
  EXPECT_THAT(text, HasSubstr("2025-03-17T12:00:00Z in documents/d1"));
  EXPECT_THAT(text, HasSubstr("claims/a (similarity 0.60)"));
  EXPECT_THAT(text, HasSubstr("negation: no -> still a"));
  EXPECT_THAT(text, HasSubstr("proposed attribution altered"));

  claim.set_proposed_attribution_status(v1::ATTRIBUTION_STATUS_UNSPECIFIED);
  EXPECT_THAT(FormatClaimTracking(claim), Not(HasSubstr("proposed")));
  EXPECT_EQ(FormatClaimTracking(v1::Claim()), "");
}

TEST(TrackingViewsTest, SpeakerShowsAliasesAndRoles) {
  v1::Speaker speaker;
  speaker.set_name("speakers/abc");
  speaker.set_display_name("Merrick Garland");
  speaker.set_type(type::v1::SPEAKER_TYPE_PERSON);
  speaker.add_aliases("Garland");
  speaker.add_aliases("then-Attorney General Merrick Garland");
  v1::SpeakerRole* role = speaker.add_roles();
  role->set_role("Attorney General (then)");
  role->mutable_first_seen_time()->set_seconds(1742212800);
  role->mutable_last_seen_time()->set_seconds(1742212800);
  const std::string text = FormatSpeakerResource(speaker);
  EXPECT_THAT(text, HasSubstr("  - then-Attorney General Merrick Garland\n"));
  EXPECT_THAT(text, HasSubstr("  - Attorney General (then) (seen 2025-03-17T12:00:00Z"));

  google::protobuf::RepeatedPtrField<v1::Speaker> speakers;
  *speakers.Add() = speaker;
  const std::string table = FormatSpeakersTable(speakers, 200);
  EXPECT_THAT(table, HasSubstr("Garland; then-Attorney General Merrick Garland"));
  EXPECT_THAT(table, HasSubstr("person"));
}

}  // namespace
}  // namespace claimtrack::cli
