#include "common/security/transport_security.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/testing/status_matchers.h"

namespace claimtrack::security {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;

TEST(TransportSecurityTest, KnowsLoopbackAddresses) {
  EXPECT_TRUE(IsLoopbackAddress("127.0.0.1:50051"));
  EXPECT_TRUE(IsLoopbackAddress("127.1.2.3:0"));
  EXPECT_TRUE(IsLoopbackAddress("localhost:50051"));
  EXPECT_TRUE(IsLoopbackAddress("[::1]:50051"));
  EXPECT_FALSE(IsLoopbackAddress("0.0.0.0:50051"));
  EXPECT_FALSE(IsLoopbackAddress("[::]:50051"));
  EXPECT_FALSE(IsLoopbackAddress("10.0.0.7:50051"));
  EXPECT_FALSE(IsLoopbackAddress("127.0.0.1.example.com:50051"));
  EXPECT_FALSE(IsLoopbackAddress("ingestion:50051"));
}

TEST(TransportSecurityTest, PlaintextOnlyOnLoopbackUnlessForced) {
  ServerSecurity plaintext;
  EXPECT_THAT(MakeServerCredentials(plaintext, "127.0.0.1:0", false), IsOk());
  EXPECT_THAT(MakeServerCredentials(plaintext, "0.0.0.0:50051", false),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("refusing to serve plaintext on 0.0.0.0:50051")));
  plaintext.allow_insecure_plaintext = true;
  EXPECT_THAT(MakeServerCredentials(plaintext, "0.0.0.0:50051", false), IsOk());
}

TEST(TransportSecurityTest, IncompleteOrMissingFilesAreNamed) {
  ServerSecurity security;
  security.tls.cert_file = "/nonexistent/cert.pem";
  EXPECT_THAT(MakeServerCredentials(security, "127.0.0.1:0", false),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("go together")));
  security.tls.key_file = "/nonexistent/key.pem";
  EXPECT_THAT(MakeServerCredentials(security, "127.0.0.1:0", false),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("--tls_key_file")));
  ServerSecurity tokens_without_tls;
  tokens_without_tls.access_file = "access.txt";
  EXPECT_THAT(MakeServerCredentials(tokens_without_tls, "127.0.0.1:0", false),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("needs TLS")));
  TlsFiles ca_only;
  ca_only.ca_file = "ca.pem";
  EXPECT_THAT(MakeChannelCredentials(ca_only),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("--tls_cert_file")));
}

}  // namespace
}  // namespace claimtrack::security
