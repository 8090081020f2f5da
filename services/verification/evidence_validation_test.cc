#include "services/verification/evidence_validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "common/testing/status_matchers.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;

v1::Evidence Valid() {
  v1::Evidence evidence;
  evidence.set_url("https://www.justice.gov/opa/speech/remarks");
  evidence.set_description("DOJ transcript");
  evidence.set_stance(v1::EVIDENCE_STANCE_SUPPORTS);
  evidence.set_archive_sha256(std::string(32, 'a') + std::string(32, '9'));
  return evidence;
}

TEST(EvidenceValidationTest, AcceptsAFullItemAndAMinimalOne) {
  EXPECT_THAT(ValidateEvidence(Valid(), "evidence[0]"), IsOk());
  v1::Evidence minimal;
  minimal.set_url("http://example.org");
  EXPECT_THAT(ValidateEvidence(minimal, "evidence[0]"), IsOk());
}

TEST(EvidenceValidationTest, NamesTheBadField) {
  v1::Evidence evidence = Valid();
  evidence.set_archive_sha256(std::string(64, 'A'));
  EXPECT_THAT(
      ValidateEvidence(evidence, "evidence[2]"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("evidence[2].archive_sha256")));
  evidence.set_archive_sha256(std::string(63, 'a'));
  EXPECT_THAT(ValidateEvidence(evidence, "evidence[2]"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("64 lowercase hex")));
  evidence.set_archive_sha256(std::string(63, 'a') + "g");
  EXPECT_THAT(
      ValidateEvidence(evidence, "evidence[2]"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("evidence[2].archive_sha256")));

  evidence = Valid();
  evidence.set_stance(static_cast<v1::EvidenceStance>(42));
  EXPECT_THAT(ValidateEvidence(evidence, "evidence[0]"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("evidence[0].stance")));

  evidence = Valid();
  evidence.set_description(std::string(kMaxEvidenceDescriptionBytes + 1, 'x'));
  EXPECT_THAT(ValidateEvidence(evidence, "evidence[0]"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("evidence[0].description is 4097 bytes; the limit is 4096")));
}

TEST(EvidenceValidationTest, UrlsMustBeHttpWithAHost) {
  for (const char* url : {"", "ftp://example.org", "https://", "https:///path",
                          "https://exa mple.org", "javascript:alert(1)", "example.org"}) {
    v1::Evidence evidence;
    evidence.set_url(url);
    EXPECT_THAT(ValidateEvidence(evidence, "evidence[0]"),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("evidence[0].url")))
        << url;
  }
  v1::Evidence evidence;
  evidence.set_url("https://example.org/" + std::string(kMaxEvidenceUrlBytes, 'a'));
  EXPECT_THAT(ValidateEvidence(evidence, "evidence[0]"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("the limit is 2048")));
}

}  // namespace
}  // namespace claimtrack::verification
