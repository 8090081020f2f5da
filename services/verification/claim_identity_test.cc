#include "services/verification/claim_identity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace claimtrack::verification {
namespace {

using ::claimtrack::type::v1::Statement;
using ::claimtrack::type::v1::StatementKind;
using ::testing::MatchesRegex;

Statement MakeStatement(absl::string_view content, absl::string_view speaker,
                        StatementKind kind = type::v1::STATEMENT_KIND_DIRECT_QUOTE) {
  Statement statement;
  statement.set_content(std::string(content));
  statement.mutable_speaker()->set_name(std::string(speaker));
  statement.set_kind(kind);
  return statement;
}

TEST(NormalizeClaimTextTest, FoldsTypography) {
  EXPECT_EQ(NormalizeClaimText("\u201CWe\u2019ll win \u2014 easily.\u201D"), "we'll win - easily");
  EXPECT_EQ(NormalizeClaimText("  The   Budget\tIS\n\nbalanced, "), "the budget is balanced");
  EXPECT_EQ(NormalizeClaimText("\u00ABNon\u00A0merci\u00BB"), "non merci");
  EXPECT_EQ(NormalizeClaimText("\u2018It\u2019s over\u2026\u2019"), "it's over");
  EXPECT_EQ(NormalizeClaimText("'\"quoted\"'"), "quoted");
}

TEST(NormalizeClaimTextTest, KeepsInnerPunctuationAndNonAscii) {
  EXPECT_EQ(NormalizeClaimText("Prices rose 5.2% in Zürich."), "prices rose 5.2% in zürich");
  EXPECT_EQ(NormalizeClaimText("A - B"), "a - b");
}

TEST(NormalizeClaimTextTest, EmptyAndPunctuationOnly) {
  EXPECT_EQ(NormalizeClaimText(""), "");
  EXPECT_EQ(NormalizeClaimText(" \u201C...\u201D "), "");
}

TEST(IdentifyClaimTest, IdAndNameFormat) {
  const ClaimIdentity identity = IdentifyClaim(MakeStatement("We will win.", "Jane Doe"));
  EXPECT_THAT(identity.id, MatchesRegex("[0-9a-f]{16}"));
  EXPECT_EQ(identity.name, "claims/" + identity.id);
}

TEST(IdentifyClaimTest, SameWordsSameSpeakerAcrossArticlesIsOneClaim) {
  const ClaimIdentity a = IdentifyClaim(MakeStatement("\u201CWe will win.\u201D", "Jane Doe"));
  const ClaimIdentity b = IdentifyClaim(MakeStatement("we  will WIN", "jane doe"));
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.key, b.key);
}

TEST(IdentifyClaimTest, QuoteKindsShareAFamily) {
  EXPECT_EQ(IdentifyClaim(MakeStatement("x y", "A", type::v1::STATEMENT_KIND_DIRECT_QUOTE)).id,
            IdentifyClaim(MakeStatement("x y", "A", type::v1::STATEMENT_KIND_REPORTED_SPEECH)).id);
}

TEST(IdentifyClaimTest, DifferentSpeakerIsADifferentClaim) {
  EXPECT_NE(IdentifyClaim(MakeStatement("We will win.", "Jane Doe")).id,
            IdentifyClaim(MakeStatement("We will win.", "John Roe")).id);
}

TEST(IdentifyClaimTest, FactualClaimIsNotTheSameAsAQuote) {
  EXPECT_NE(
      IdentifyClaim(MakeStatement("Taxes rose.", "", type::v1::STATEMENT_KIND_FACTUAL_CLAIM)).id,
      IdentifyClaim(MakeStatement("Taxes rose.", "", type::v1::STATEMENT_KIND_DIRECT_QUOTE)).id);
}

TEST(IdentifyClaimTest, FactualClaimWithoutSpeakerHasEmptySpeakerPart) {
  const ClaimIdentity identity =
      IdentifyClaim(MakeStatement("Taxes rose 5%.", "", type::v1::STATEMENT_KIND_FACTUAL_CLAIM));
  EXPECT_EQ(identity.key, std::string("v1\x1f"
                                      "fact\x1f\x1f"
                                      "taxes rose 5%"));
}

TEST(IdentifyClaimTest, SeparatorsKeepSpeakerAndContentApart) {
  EXPECT_NE(IdentifyClaim(MakeStatement("b c", "a")).id,
            IdentifyClaim(MakeStatement("c", "a b")).id);
}

}  // namespace
}  // namespace claimtrack::verification
