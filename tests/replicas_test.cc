// Replicas on one PostgreSQL: two ingestion replicas share the database and
// its outbox, two extraction replicas share the work, two verification
// replicas record into the same database. Articles stream through both
// ingestion replicas (round_robin); one replica of each service is
// SIGKILLed mid-stream. Every acknowledged article must end DONE, with each
// of its statements recorded exactly once and no claim twice: the dead
// ingestion replica's outbox leases expire and the survivor delivers those
// documents (at least once), extraction's calls to the dead verification
// replica fail and are retried on the other, and verification's idempotency
// per (document, statement_id) -- across replicas, under their shared write
// lock -- makes that exactly once.
//
// So that the killed replica certainly dies holding claimed documents, its
// extraction address is a socket that accepts connections and never answers:
// its deliveries hang (as they would behind a slow or partitioned extraction)
// until the kill.

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claimtrack/ingestion/v1/ingestion_service.grpc.pb.h"
#include "claimtrack/verification/v1/verification_service.grpc.pb.h"
#include "common/grpc/channel.h"
#include "common/postgres/connection.h"
#include "common/postgres/test_database.h"
#include "common/testing/status_matchers.h"
#include "tests/support/article_generator.h"
#include "tests/support/pipeline.h"
#include "tests/support/service_process.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::GenerateArticle;
using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::ServiceProcess;
using ::claimtrack::testing::WaitUntil;
namespace ingestion = ::claimtrack::ingestion::v1;
namespace verification = ::claimtrack::verification::v1;

// Short enough that a dead replica's documents move on within the test,
// longer than the extraction deadline so a live replica keeps its own.
constexpr char kLease[] = "--outbox_lease=4s";
constexpr char kExtractionTimeout[] = "--extraction_timeout=3s";

// A channel over an address list that spreads calls over every address,
// as callers of replicas do.
std::shared_ptr<grpc::Channel> RoundRobinChannel(const std::vector<std::string>& addresses) {
  grpc::ChannelArguments arguments;
  arguments.SetServiceConfigJSON(R"({"loadBalancingConfig": [{"round_robin": {}}]})");
  return grpc::CreateCustomChannel(absl::StrCat("ipv4:", absl::StrJoin(addresses, ",")),
                                   grpc::InsecureChannelCredentials(), arguments);
}

std::string AddressList(const std::vector<std::unique_ptr<ServiceProcess>>& processes) {
  std::vector<std::string> addresses;
  for (const auto& process : processes) {
    addresses.push_back(process->address());
  }
  return absl::StrCat("ipv4:", absl::StrJoin(addresses, ","));
}

// A loopback port that accepts TCP connections (the kernel completes them)
// and never answers: a gRPC call to it hangs until its deadline.
class SilentPort {
 public:
  SilentPort() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof(address);
    if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
        listen(fd_, 64) != 0 ||
        getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
      return;
    }
    port_ = ntohs(address.sin_port);
  }
  ~SilentPort() {
    if (fd_ >= 0) {
      close(fd_);
    }
  }
  SilentPort(const SilentPort&) = delete;
  SilentPort& operator=(const SilentPort&) = delete;
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

class ReplicasTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string url = postgres::TestDatabaseUrl();
    if (url.empty()) {
      GTEST_SKIP() << postgres::kNoTestDatabase;
    }
    absl::StatusOr<std::string> name = postgres::CreateTestDatabase(url, "ReplicasTest");
    ASSERT_THAT(name, IsOk());
    absl::StatusOr<std::string> database_url = postgres::WithDatabase(url, *name);
    ASSERT_THAT(database_url, IsOk());
    database_url_ = *database_url;
    work_dir_ = testing::MakeWorkDir("replicas");
    ASSERT_FALSE(work_dir_.empty());

    for (int i = 0; i < 2; ++i) {
      auto verification = ServiceProcess::Start(
          "claimtrack-verification",
          {"--listen=127.0.0.1:0", "--database_url=" + database_url_,
           absl::StrCat("--data_dir=", work_dir_, "/unused-verification", i)},
          work_dir_);
      ASSERT_THAT(verification, IsOk());
      verification_.push_back(*std::move(verification));
    }
    for (int i = 0; i < 2; ++i) {
      auto extraction = ServiceProcess::Start(
          "claimtrack-extraction",
          {"--listen=127.0.0.1:0", "--verification_address=" + AddressList(verification_),
           "--verification_timeout=3s"},
          work_dir_);
      ASSERT_THAT(extraction, IsOk());
      extraction_.push_back(*std::move(extraction));
    }
    ASSERT_GT(silent_.port(), 0);
    for (int i = 0; i < 2; ++i) {
      // Replica 0 is the one that dies: its deliveries hang (see the top).
      const std::string extraction_address =
          i == 0 ? absl::StrCat("127.0.0.1:", silent_.port()) : AddressList(extraction_);
      auto replica = ServiceProcess::Start(
          "claimtrack-ingestion",
          {"--listen=127.0.0.1:0", "--database_url=" + database_url_,
           absl::StrCat("--data_dir=", work_dir_, "/unused", i),
           "--extraction_address=" + extraction_address, kExtractionTimeout, kLease},
          work_dir_);
      ASSERT_THAT(replica, IsOk());
      ingestion_.push_back(*std::move(replica));
    }
  }

  std::string Logs() const {
    std::string logs;
    for (const auto& process : ingestion_) {
      absl::StrAppend(&logs, "see ", process->log_path(), "\n");
    }
    for (const auto& process : extraction_) {
      absl::StrAppend(&logs, "see ", process->log_path(), "\n");
    }
    for (const auto& process : verification_) {
      absl::StrAppend(&logs, "see ", process->log_path(), "\n");
    }
    return logs;
  }

  // Ingests article `index`, retrying a failed call (ingest is idempotent:
  // the same URL and text are the same document). Returns the document name
  // and the replica that acknowledged it, or empty strings.
  std::pair<std::string, std::string> Ingest(ingestion::IngestionService::Stub& stub, int index) {
    const testing::GeneratedArticle article = GenerateArticle(index);
    ingestion::IngestArticleRequest request;
    request.mutable_article()->set_text(article.text);
    request.mutable_article()->mutable_source()->set_url(article.url);
    request.mutable_article()->mutable_source()->set_publisher(article.publisher);
    for (int attempt = 0; attempt < 5; ++attempt) {
      grpc::ClientContext context;
      context.set_deadline(DeadlineIn(absl::Seconds(10)));
      ingestion::IngestArticleResponse response;
      if (stub.IngestArticle(&context, request, &response).ok()) {
        return {response.document().name(), context.peer()};
      }
    }
    return {"", ""};
  }

  // The replica id an ingestion process logged at start ("as replica ID;").
  static std::string ReplicaId(const ServiceProcess& process) {
    std::ifstream log(process.log_path());
    const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    const std::string marker = " as replica ";
    const size_t at = text.find(marker);
    if (at == std::string::npos) {
      return "";
    }
    const size_t begin = at + marker.size();
    return text.substr(begin, text.find(';', begin) - begin);
  }

  // Undelivered documents whose outbox lease `replica` holds.
  absl::StatusOr<int64_t> HeldBy(const std::string& replica) {
    auto db = postgres::Connection::Open(database_url_);
    if (!db.ok()) {
      return db.status();
    }
    absl::StatusOr<postgres::Result> held = (*db)->Query(
        "SELECT COUNT(*) FROM documents WHERE state IN (1, 2) AND lease_owner = $1", {replica});
    if (!held.ok()) {
      return held.status();
    }
    return held->Int(0, 0);
  }

  SilentPort silent_;
  std::string database_url_;
  std::string work_dir_;
  std::vector<std::unique_ptr<ServiceProcess>> verification_;
  std::vector<std::unique_ptr<ServiceProcess>> extraction_;
  std::vector<std::unique_ptr<ServiceProcess>> ingestion_;
};

TEST_F(ReplicasTest, KilledReplicasLoseNothingAndRecordEachStatementOnce) {
  constexpr int kArticles = 300;
  constexpr int kWriters = 6;
  constexpr int kBurst = 48;
  int64_t held_by_dead_replica = 0;
  std::vector<std::string> addresses = {ingestion_[0]->address(), ingestion_[1]->address()};
  auto stub = ingestion::IngestionService::NewStub(RoundRobinChannel(addresses));

  std::map<int, std::string> acked;
  std::map<std::string, int> acks_by_replica;
  std::mutex mu;
  std::atomic<int> next{0};
  std::atomic<bool> killed{false};
  const absl::Time start = absl::Now();
  {
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
      writers.emplace_back([&] {
        for (int i = next++; i < kArticles; i = next++) {
          auto [name, peer] = Ingest(*stub, i);
          std::lock_guard<std::mutex> lock(mu);
          if (!name.empty()) {
            acked[i] = name;
            if (!killed) {
              ++acks_by_replica[peer];
            }
          }
        }
      });
    }
    ASSERT_TRUE(WaitUntil([&] { return next.load() > kArticles / 3; }, absl::Seconds(60)));
    // Mid-stream, one replica of each dies; first a burst straight to the
    // ingestion replica about to die, so that it has more than it can claim.
    {
      auto doomed = ingestion::IngestionService::NewStub(
          MakeServiceChannel(ingestion_[0]->address(), "claimtrack.ingestion.v1.IngestionService"));
      std::vector<std::thread> burst;
      for (int i = kArticles; i < kArticles + kBurst; ++i) {
        burst.emplace_back([&, i] {
          auto [name, peer] = Ingest(*doomed, i);
          std::lock_guard<std::mutex> lock(mu);
          if (!name.empty()) {
            acked[i] = name;
          }
        });
      }
      for (auto& thread : burst) {
        thread.join();
      }
    }
    killed = true;
    ingestion_[0]->Kill();
    extraction_[0]->Kill();
    verification_[0]->Kill();
    absl::StatusOr<int64_t> held = HeldBy(ReplicaId(*ingestion_[0]));
    ASSERT_THAT(held, IsOk());
    held_by_dead_replica = *held;
    EXPECT_GT(held_by_dead_replica, 0)
        << "the killed replica held no claimed documents: the lease takeover went untested";
    for (auto& writer : writers) {
      writer.join();
    }
  }
  const absl::Duration stream_time = absl::Now() - start;
  // Both ingestion replicas took traffic before the kill.
  EXPECT_EQ(acks_by_replica.size(), 2u);
  // The client retries through the survivor: everything is acknowledged.
  ASSERT_EQ(acked.size(), static_cast<size_t>(kArticles + kBurst));

  // The survivor reads the shared database: every acknowledged article
  // ends DONE, including those the dead replica had claimed.
  auto survivor = ingestion::IngestionService::NewStub(
      MakeServiceChannel(ingestion_[1]->address(), "claimtrack.ingestion.v1.IngestionService"));
  std::map<std::string, ingestion::Document> documents;
  const bool all_done = WaitUntil(
      [&] {
        documents.clear();
        ingestion::ListDocumentsRequest request;
        request.set_page_size(1000);
        do {
          grpc::ClientContext context;
          context.set_deadline(DeadlineIn(absl::Seconds(10)));
          ingestion::ListDocumentsResponse response;
          if (!survivor->ListDocuments(&context, request, &response).ok()) {
            return false;
          }
          for (const auto& document : response.documents()) {
            documents[document.name()] = document;
          }
          request.set_page_token(response.next_page_token());
        } while (!request.page_token().empty());
        for (const auto& [name, document] : documents) {
          if (document.state() != ingestion::PROCESSING_STATE_DONE) {
            return false;
          }
        }
        return true;
      },
      absl::Seconds(120));
  ASSERT_TRUE(all_done) << Logs();
  const absl::Duration done_time = absl::Now() - start;
  std::set<std::string> acked_names;
  for (const auto& [index, name] : acked) {
    acked_names.insert(name);
  }
  EXPECT_EQ(documents.size(), acked_names.size()) << "one document per article";

  // Every statement of every document recorded once: the appearances per
  // (document, statement_id) are unique, each document has as many
  // appearances as extraction counted statements, and no claim (one per
  // content and speaker) exists twice. The surviving verification replica
  // reads the shared database.
  auto verify = verification::VerificationService::NewStub(MakeServiceChannel(
      verification_[1]->address(), "claimtrack.verification.v1.VerificationService"));
  std::map<std::string, int> appearances_by_document;
  std::set<std::pair<std::string, std::string>> seen;
  std::set<std::string> claim_names;
  std::map<std::string, const verification::Claim*> quotes;
  std::vector<verification::Claim> claims;
  verification::ListClaimsRequest list;
  list.set_page_size(1000);
  do {
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(10)));
    verification::ListClaimsResponse response;
    ASSERT_THAT(verify->ListClaims(&context, list, &response), IsOk());
    for (const verification::Claim& claim : response.claims()) {
      if (claim.appearance_count() > claim.appearances_size()) {
        // Lists carry the first appearances only; GetClaim has them all.
        verification::GetClaimRequest get;
        get.set_name(claim.name());
        grpc::ClientContext get_context;
        verification::Claim full;
        ASSERT_THAT(verify->GetClaim(&get_context, get, &full), IsOk());
        claims.push_back(full);
      } else {
        claims.push_back(claim);
      }
    }
    list.set_page_token(response.next_page_token());
  } while (!list.page_token().empty());
  for (const verification::Claim& claim : claims) {
    EXPECT_TRUE(claim_names.insert(claim.name()).second) << "listed twice: " << claim.name();
    EXPECT_EQ(claim.appearance_count(), claim.appearances_size()) << claim.name();
    for (const auto& appearance : claim.appearances()) {
      EXPECT_TRUE(seen.emplace(appearance.document(), appearance.statement_id()).second)
          << "recorded twice: " << appearance.document() << " " << appearance.statement_id();
      ++appearances_by_document[appearance.document()];
    }
    if (claim.kind() == claimtrack::type::v1::STATEMENT_KIND_DIRECT_QUOTE) {
      quotes.emplace(claim.text(), &claim);
    }
  }
  int statements = 0;
  for (const auto& [name, document] : documents) {
    EXPECT_EQ(appearances_by_document[name], document.statement_count()) << name;
    statements += document.statement_count();
  }
  for (const auto& [index, name] : acked) {
    for (const std::string& quote : GenerateArticle(index).direct_quotes) {
      EXPECT_NE(quotes.find(quote), quotes.end())
          << "quote of article " << index << " lost: " << quote;
    }
  }

  // Attempts as the database recorded them (a delivery cut off before its
  // in-flight mark committed is not counted).
  auto db = postgres::Connection::Open(database_url_);
  ASSERT_THAT(db, IsOk());
  absl::StatusOr<postgres::Result> attempts = (*db)->Query(
      "SELECT COUNT(*) FILTER (WHERE attempt_count > 1), SUM(attempt_count) FROM documents");
  ASSERT_THAT(attempts, IsOk());
  const std::string summary =
      absl::StrCat(acked.size(), " articles (", statements, " statements) acknowledged in ",
                   absl::FormatDuration(stream_time), " (",
                   static_cast<int>(kArticles / absl::ToDoubleSeconds(stream_time)),
                   " articles/s with the kills), all DONE after ", absl::FormatDuration(done_time),
                   "; ", attempts->Int(0, 0), " documents with more than one recorded attempt, ",
                   attempts->Int(0, 1), " recorded attempts; the killed replica held ",
                   held_by_dead_replica, " undelivered documents");
  std::printf("replicas: %s\n", summary.c_str());
  RecordProperty("summary", summary);
}

// The binary, not only the store: against a database whose schema is newer
// than it knows, `binary` (its schema component `component`) exits at start
// and says why.
void ExpectRefusesToStartOnANewerSchema(const std::string& binary, const std::string& component) {
  const std::string url = postgres::TestDatabaseUrl();
  if (url.empty()) {
    GTEST_SKIP() << postgres::kNoTestDatabase;
  }
  absl::StatusOr<std::string> name = postgres::CreateTestDatabase(url, binary + "SchemaTest");
  ASSERT_THAT(name, IsOk());
  absl::StatusOr<std::string> database_url = postgres::WithDatabase(url, *name);
  ASSERT_THAT(database_url, IsOk());
  const std::string work_dir = testing::MakeWorkDir("schema");
  const std::vector<std::string> args = {"--listen=127.0.0.1:0", "--database_url=" + *database_url,
                                         "--data_dir=" + work_dir + "/unused"};
  {
    // The first start creates the schema; a clean stop.
    auto first = ServiceProcess::Start(binary, args, work_dir);
    ASSERT_THAT(first, IsOk());
    EXPECT_EQ((*first)->Terminate(), 0);
  }
  auto db = postgres::Connection::Open(*database_url);
  ASSERT_THAT(db, IsOk());
  ASSERT_THAT((*db)->Query("INSERT INTO schema_migrations (component, version) VALUES ($1, 99)",
                           {component})
                  .status(),
              IsOk());
  auto refused = ServiceProcess::Start(binary, args, work_dir);
  ASSERT_FALSE(refused.ok()) << "started on a schema it does not know";
  // The message is in the refused process's log, named in the error.
  const std::string error(refused.status().message());
  const size_t at = error.rfind("see ");
  ASSERT_NE(at, std::string::npos) << error;
  std::ifstream log(error.substr(at + 4));
  const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_THAT(text, ::testing::ContainsRegex(absl::StrCat(
                        "the database has ", component,
                        " schema version 99, newer than this binary's [0-9]+; run a newer ",
                        binary)));
}

TEST(SchemaTest, IngestionRefusesToStartOnANewerSchema) {
  ExpectRefusesToStartOnANewerSchema("claimtrack-ingestion", "ingestion");
}

TEST(SchemaTest, VerificationRefusesToStartOnANewerSchema) {
  ExpectRefusesToStartOnANewerSchema("claimtrack-verification", "verification");
}

}  // namespace
}  // namespace claimtrack
