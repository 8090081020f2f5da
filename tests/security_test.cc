// Transport security and access control through the real services: TLS on
// every API port, mutual TLS between the services, bearer tokens and client
// certificates mapped to roles, the health-only plaintext port, and the
// refusal to serve plaintext beyond loopback. Certificates are real, made by
// a throwaway CA (support/test_pki.h).

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "claimtrack/ingestion/v1/ingestion_service.grpc.pb.h"
#include "claimtrack/verification/v1/verification_service.grpc.pb.h"
#include "common/grpc/channel.h"
#include "common/testing/files.h"
#include "common/testing/status_matchers.h"
#include "common/text/sha256.h"
#include "tests/support/free_port.h"
#include "tests/support/health_check.h"
#include "tests/support/pipeline.h"
#include "tests/support/run_command.h"
#include "tests/support/service_process.h"
#include "tests/support/test_pki.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::ReadFile;

namespace ingestion_v1 = ::claimtrack::ingestion::v1;
namespace verification_v1 = ::claimtrack::verification::v1;
using ::claimtrack::testing::FreePort;
using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::MakeWorkDir;
using ::claimtrack::testing::RunShell;
using ::claimtrack::testing::ServiceProcess;
using ::claimtrack::testing::StatusIs;
using ::claimtrack::testing::TestIdentity;
using ::claimtrack::testing::TestPki;
using ::testing::HasSubstr;

constexpr char kIngestToken[] = "feeder-token-1";
constexpr char kReaderToken[] = "reader-token-2";
constexpr char kAnalystToken[] = "analyst-token-3";

// The three services with TLS everywhere, an access file and health ports.
class SecureSuiteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(MakeWorkDir("security"));
    absl::StatusOr<TestPki> pki = TestPki::Create(*dir_);
    ASSERT_THAT(pki, IsOk());
    pki_ = new TestPki(*std::move(pki));
    for (const char* name : {"ingestion", "extraction", "verification", "stranger"}) {
      absl::StatusOr<TestIdentity> identity = pki_->Issue(name);
      ASSERT_THAT(identity, IsOk());
      identities_[name] = *identity;
    }
    const std::string access_file = *dir_ + "/access.txt";
    {
      std::ofstream out(access_file);
      out << "# the services know each other by certificate\n"
          << "service claimtrack-ingestion cert:ingestion\n"
          << "service claimtrack-extraction cert:extraction\n"
          << "ingest feeder sha256:" << Sha256Hex(kIngestToken) << "\n"
          << "reader rita sha256:" << Sha256Hex(kReaderToken) << "\n"
          << "analyst,reader alice sha256:" << Sha256Hex(kAnalystToken) << "\n";
    }
    auto secure_args = [&](const std::string& name) {
      return std::vector<std::string>{
          "--listen=127.0.0.1:0",
          absl::StrCat("--tls_cert_file=", identities_[name].cert_file),
          absl::StrCat("--tls_key_file=", identities_[name].key_file),
          absl::StrCat("--tls_ca_file=", pki_->ca_file()),
          absl::StrCat("--auth_tokens_file=", access_file),
      };
    };
    std::vector<std::string> args = secure_args("verification");
    args.push_back(absl::StrCat("--data_dir=", *dir_, "/data"));
    health_port_ = FreePort();
    // On every interface: the health port is plaintext by design, which the
    // refusal to serve plaintext beyond loopback must not block.
    args.push_back(absl::StrCat("--health_listen=0.0.0.0:", health_port_));
    auto verification = ServiceProcess::Start("claimtrack-verification", args, *dir_);
    ASSERT_THAT(verification, IsOk());
    verification_ = verification->release();

    args = secure_args("extraction");
    args.push_back(absl::StrCat("--verification_address=", verification_->address()));
    auto extraction = ServiceProcess::Start("claimtrack-extraction", args, *dir_);
    ASSERT_THAT(extraction, IsOk());
    extraction_ = extraction->release();

    args = secure_args("ingestion");
    args.push_back(absl::StrCat("--data_dir=", *dir_, "/data"));
    args.push_back(absl::StrCat("--extraction_address=", extraction_->address()));
    auto ingestion = ServiceProcess::Start("claimtrack-ingestion", args, *dir_);
    ASSERT_THAT(ingestion, IsOk());
    ingestion_ = ingestion->release();
  }

  static void TearDownTestSuite() {
    delete ingestion_;
    delete extraction_;
    delete verification_;
    delete pki_;
    delete dir_;
  }

  // TLS that trusts the test CA, with a bearer token and/or a client
  // certificate when given.
  static std::shared_ptr<grpc::ChannelCredentials> Credentials(
      const std::string& token, const TestIdentity* certificate = nullptr) {
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = ReadFile(pki_->ca_file());
    if (certificate != nullptr) {
      options.pem_cert_chain = ReadFile(certificate->cert_file);
      options.pem_private_key = ReadFile(certificate->key_file);
    }
    std::shared_ptr<grpc::ChannelCredentials> tls = grpc::SslCredentials(options);
    if (token.empty()) {
      return tls;
    }
    return grpc::CompositeChannelCredentials(tls, grpc::AccessTokenCredentials(token));
  }

  static std::unique_ptr<ingestion_v1::IngestionService::Stub> Ingestion(
      std::shared_ptr<grpc::ChannelCredentials> credentials) {
    return ingestion_v1::IngestionService::NewStub(
        grpc::CreateChannel(ingestion_->address(), credentials));
  }
  static std::unique_ptr<verification_v1::VerificationService::Stub> Verification(
      std::shared_ptr<grpc::ChannelCredentials> credentials) {
    return verification_v1::VerificationService::NewStub(
        grpc::CreateChannel(verification_->address(), credentials));
  }

  static grpc::Status ListClaims(verification_v1::VerificationService::Stub& stub,
                                 verification_v1::ListClaimsResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(10)));
    return stub.ListClaims(&context, verification_v1::ListClaimsRequest(), response);
  }

  static grpc::Status Ingest(ingestion_v1::IngestionService::Stub& stub, const std::string& text,
                             ingestion_v1::IngestArticleResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(30)));
    ingestion_v1::IngestArticleRequest request;
    request.mutable_article()->set_text(text);
    request.set_wait_for_processing(true);
    return stub.IngestArticle(&context, request, response);
  }

  static std::string* dir_;
  static TestPki* pki_;
  static std::map<std::string, TestIdentity> identities_;
  static ServiceProcess* ingestion_;
  static ServiceProcess* extraction_;
  static ServiceProcess* verification_;
  static int health_port_;
};

std::string* SecureSuiteTest::dir_ = nullptr;
TestPki* SecureSuiteTest::pki_ = nullptr;
std::map<std::string, TestIdentity> SecureSuiteTest::identities_;
ServiceProcess* SecureSuiteTest::ingestion_ = nullptr;
ServiceProcess* SecureSuiteTest::extraction_ = nullptr;
ServiceProcess* SecureSuiteTest::verification_ = nullptr;
int SecureSuiteTest::health_port_ = 0;

TEST_F(SecureSuiteTest, CallsWithoutKnownCredentialsAreUnauthenticated) {
  verification_v1::ListClaimsResponse response;
  EXPECT_THAT(ListClaims(*Verification(Credentials("")), &response),
              StatusIs(grpc::StatusCode::UNAUTHENTICATED, HasSubstr("no credentials")));
  EXPECT_THAT(ListClaims(*Verification(Credentials("guessed-token")), &response),
              StatusIs(grpc::StatusCode::UNAUTHENTICATED, HasSubstr("bearer token")));
  // A certificate from the CA that the access file does not list.
  EXPECT_THAT(ListClaims(*Verification(Credentials("", &identities_["stranger"])), &response),
              StatusIs(grpc::StatusCode::UNAUTHENTICATED, HasSubstr("\"stranger\"")));
}

TEST_F(SecureSuiteTest, PlaintextClientsCannotReachATlsPort) {
  verification_v1::ListClaimsResponse response;
  EXPECT_THAT(
      ListClaims(*Verification(grpc::InsecureChannelCredentials()), &response),
      StatusIs(grpc::StatusCode::UNAVAILABLE));
}

TEST_F(SecureSuiteTest, ARoleOutsideTheMethodsAccessIsDeniedNamingTheMethod) {
  ingestion_v1::IngestArticleResponse ingested;
  EXPECT_THAT(Ingest(*Ingestion(Credentials(kReaderToken)), "\"No,\" she said.", &ingested),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED,
                       HasSubstr("rita (roles: reader) may not call "
                                 "claimtrack.ingestion.v1.IngestionService/IngestArticle; it "
                                 "needs one of the roles: ingest")));
  // A service certificate cannot review claims either.
  grpc::ClientContext context;
  verification_v1::Claim claim;
  verification_v1::ReviewClaimRequest request;
  request.set_name("claims/x");
  EXPECT_THAT(Verification(Credentials("", &identities_["extraction"]))
                  ->ReviewClaim(&context, request, &claim),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED, HasSubstr("ReviewClaim")));
}

// The whole pipeline under mutual TLS: ingestion calls extraction, which
// calls verification, each authenticated by its certificate; the analyst
// recorded in history is the token's principal, not what the call claims.
TEST_F(SecureSuiteTest, ThePipelineRunsOverMutualTlsAndHistoryNamesThePrincipal) {
  ingestion_v1::IngestArticleResponse ingested;
  ASSERT_THAT(Ingest(*Ingestion(Credentials(kIngestToken)),
                     "\"The harbor will reopen in May,\" Mayor Ann Ruiz said on Monday.",
                     &ingested),
              IsOk());
  EXPECT_EQ(ingested.document().state(), ingestion_v1::PROCESSING_STATE_DONE);

  auto reader = Verification(Credentials(kReaderToken));
  verification_v1::ListClaimsResponse claims;
  ASSERT_THAT(ListClaims(*reader, &claims), IsOk());
  ASSERT_EQ(claims.claims_size(), 1);
  const verification_v1::Claim& claim = claims.claims(0);

  grpc::ClientContext context;
  context.AddMetadata("x-claimtrack-analyst", "mallory");
  verification_v1::ReviewClaimRequest review;
  review.set_name(claim.name());
  review.set_etag(claim.etag());
  review.set_attribution_status(verification_v1::ATTRIBUTION_STATUS_CONFIRMED);
  verification_v1::Claim reviewed;
  ASSERT_THAT(
      Verification(Credentials(kAnalystToken))->ReviewClaim(&context, review, &reviewed),
      IsOk());

  grpc::ClientContext history_context;
  verification_v1::ListClaimHistoryRequest history_request;
  history_request.set_parent(claim.name());
  verification_v1::ListClaimHistoryResponse history;
  ASSERT_THAT(reader->ListClaimHistory(&history_context, history_request, &history), IsOk());
  ASSERT_GE(history.history_entries_size(), 1);
  EXPECT_EQ(history.history_entries(history.history_entries_size() - 1).actor(), "alice");
}

TEST_F(SecureSuiteTest, TheCliTalksTlsWithATokenFromTheEnvironment) {
  const std::string cli = absl::StrCat(CLAIMTRACK_BIN_DIR, "/claimtrack --verification=",
                                       verification_->address(), " --ca-file=",
                                       pki_->ca_file(), " claims list --json");
  const testing::CommandResult read =
      RunShell(absl::StrCat("CLAIMTRACK_TOKEN=", kReaderToken, " ", cli));
  EXPECT_EQ(read.exit_code, 0) << read.output;
  const testing::CommandResult anonymous = RunShell(cli);
  EXPECT_EQ(anonymous.exit_code, 1);
  EXPECT_THAT(anonymous.output, HasSubstr("UNAUTHENTICATED"));
}

TEST_F(SecureSuiteTest, TheHealthPortAnswersInPlaintextWithoutCredentials) {
  EXPECT_THAT(testing::CheckHealth(absl::StrCat("127.0.0.1:", health_port_),
                                   "claimtrack.verification.v1.VerificationService"),
              testing::IsOkAndHolds(1));  // SERVING
}

TEST(PlaintextTest, RefusesPlaintextBeyondLoopbackUnlessForced) {
  const std::string dir = MakeWorkDir("plaintext");
  auto refused = ServiceProcess::Start(
      "claimtrack-extraction", {"--listen=0.0.0.0:0"}, dir);
  ASSERT_THAT(refused, StatusIs(absl::StatusCode::kInternal, HasSubstr("exited")));
  // "... exited during start-up; see <log>".
  const std::string message(refused.status().message());
  EXPECT_THAT(ReadFile(message.substr(message.rfind(' ') + 1)),
              HasSubstr("refusing to serve plaintext on 0.0.0.0:0"));
  auto forced = ServiceProcess::Start(
      "claimtrack-extraction", {"--listen=0.0.0.0:0", "--allow_insecure_plaintext"}, dir);
  EXPECT_THAT(forced, IsOk());
}

}  // namespace
}  // namespace claimtrack
