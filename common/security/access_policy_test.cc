#include "common/security/access_policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "claimtrack/extraction/v1/extraction_service.pb.h"
#include "claimtrack/ingestion/v1/ingestion_service.pb.h"
#include "claimtrack/verification/v1/verification_service.pb.h"
#include "common/testing/status_matchers.h"
#include "common/text/sha256.h"
#include "google/protobuf/descriptor.h"

namespace claimtrack::security {
namespace {

using ::claimtrack::access::v1::ROLE_ANALYST;
using ::claimtrack::access::v1::ROLE_INGEST;
using ::claimtrack::access::v1::ROLE_READER;
using ::claimtrack::access::v1::ROLE_SERVICE;
using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::IsOkAndHolds;
using ::claimtrack::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(AccessPolicyTest, MapsTokensAndCertificatesToPrincipals) {
  const std::string text = absl::StrCat(
      "# claimtrack access\n",
      "reader alice sha256:", Sha256Hex("reader-token"), "\n",
      "analyst,reader bob   sha256:", Sha256Hex("analyst-token"), "\n",
      "\n",
      "service claimtrack-extraction cert:extraction.claimtrack\n");
  absl::StatusOr<AccessPolicy> policy = AccessPolicy::Parse(text, "access.txt");
  ASSERT_THAT(policy, IsOk());
  const Principal* alice = policy->FindByToken("reader-token");
  ASSERT_NE(alice, nullptr);
  EXPECT_EQ(alice->name, "alice");
  EXPECT_THAT(alice->roles, ElementsAre(ROLE_READER));
  const Principal* bob = policy->FindByToken("analyst-token");
  ASSERT_NE(bob, nullptr);
  EXPECT_THAT(bob->roles, ElementsAre(ROLE_ANALYST, ROLE_READER));
  const Principal* extraction = policy->FindByCertificate("extraction.claimtrack");
  ASSERT_NE(extraction, nullptr);
  EXPECT_EQ(extraction->name, "claimtrack-extraction");
  EXPECT_EQ(policy->FindByToken("guess"), nullptr);
  EXPECT_EQ(policy->FindByCertificate("someone-else"), nullptr);
}

TEST(AccessPolicyTest, MalformedLinesAreNamed) {
  EXPECT_THAT(AccessPolicy::Parse("\nreader alice", "f"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("f:2: expected")));
  EXPECT_THAT(AccessPolicy::Parse("editor alice cert:x", "f"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("f:1: unknown role \"editor\"")));
  EXPECT_THAT(AccessPolicy::Parse("reader alice sha256:abc", "f"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("64 lowercase hex")));
  EXPECT_THAT(AccessPolicy::Parse("reader alice token123", "f"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("sha256: or cert:")));
  EXPECT_THAT(AccessPolicy::Parse("reader a cert:x\nreader b cert:x", "f"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("f:2: certificate")));
}

TEST(AccessPolicyTest, RolesComeFromTheMethodsAccessOption) {
  EXPECT_THAT(AllowedRoles("/claimtrack.ingestion.v1.IngestionService/IngestArticle"),
              IsOkAndHolds(ElementsAre(ROLE_INGEST)));
  EXPECT_THAT(AllowedRoles("/claimtrack.extraction.v1.ExtractionService/ProcessDocument"),
              IsOkAndHolds(ElementsAre(ROLE_SERVICE)));
  EXPECT_THAT(AllowedRoles("/claimtrack.ingestion.v1.IngestionService/Nope"),
              StatusIs(absl::StatusCode::kNotFound));
}

// A new RPC without an access rule would be refused to everyone: catch it here.
TEST(AccessPolicyTest, EveryClaimtrackMethodHasAnAccessRule) {
  int methods = 0;
  for (const google::protobuf::FileDescriptor* file :
       {claimtrack::ingestion::v1::IngestArticleRequest::descriptor()->file(),
        claimtrack::extraction::v1::ProcessDocumentRequest::descriptor()->file(),
        claimtrack::verification::v1::GetClaimRequest::descriptor()->file()}) {
    for (int s = 0; s < file->service_count(); ++s) {
      const google::protobuf::ServiceDescriptor* service = file->service(s);
      for (int m = 0; m < service->method_count(); ++m, ++methods) {
        const std::string path =
            absl::StrCat("/", service->full_name(), "/", service->method(m)->name());
        EXPECT_THAT(AllowedRoles(path), IsOk()) << path;
      }
    }
  }
  EXPECT_GE(methods, 11);
}

TEST(AccessPolicyTest, AuthorizeNamesTheMethodAndTheRolesItNeeds) {
  const Principal reader{"alice", {ROLE_READER}};
  EXPECT_THAT(Authorize(reader, "/claimtrack.ingestion.v1.IngestionService/GetDocument"),
              IsOk());
  EXPECT_THAT(
      Authorize(reader, "/claimtrack.ingestion.v1.IngestionService/IngestArticle"),
      StatusIs(absl::StatusCode::kPermissionDenied,
               HasSubstr("alice (roles: reader) may not call "
                         "claimtrack.ingestion.v1.IngestionService/IngestArticle; it needs "
                         "one of the roles: ingest")));
}

}  // namespace
}  // namespace claimtrack::security
