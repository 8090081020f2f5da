// claimtrack-verification: the system of record for claims and their review.

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "absl/flags/flag.h"
#include "absl/time/time.h"
#include "common/config/flags.h"
#include "common/logging/logging.h"
#include "common/server/server_flags.h"
#include "common/server/service_host.h"
#include "absl/strings/str_cat.h"
#include "services/verification/postgres_claim_store.h"
#include "services/verification/sqlite_claim_store.h"
#include "services/verification/verification_service.h"
#include "spdlog/spdlog.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50053", "Address to serve on, host:port.");
ABSL_FLAG(std::string, port_file, "", "If set, the bound port is written here once serving.");
ABSL_FLAG(std::string, data_dir, "data", "Directory for verification.db (created if missing).");
ABSL_FLAG(std::string, database_url, "",
          "PostgreSQL connection string or URI (libpq) of a database that verification "
          "replicas share; empty: the SQLite file under --data_dir. Best set as "
          "CLAIMTRACK_DATABASE_URL (from a Secret), since it may carry a password.");
ABSL_FLAG(absl::Duration, change_poll_interval, absl::Milliseconds(200),
          "With --database_url: how often to look for changes other replicas committed, "
          "to wake this replica's WatchClaimChanges streams.");
ABSL_FLAG(int, max_message_bytes, 16 << 20, "Largest request or response, in bytes.");
ABSL_FLAG(absl::Duration, drain_timeout, absl::Seconds(10),
          "On SIGTERM, how long in-flight calls get to finish.");
ABSL_FLAG(std::string, log_format, "plain", "Log format: plain or json.");
ABSL_FLAG(std::string, log_level, "info", "Log level: trace, debug, info, warn, error.");
ABSL_FLAG(std::string, organization_name, "claimtrack",
          "The fact-checking organisation: ClaimReview author.name.");
ABSL_FLAG(std::string, organization_url, "", "ClaimReview author.url (optional).");
ABSL_FLAG(std::string, claim_review_base_url, "https://claimtrack.example/claims/",
          "ClaimReview url: this followed by the claim id.");

namespace {

struct Config {
  claimtrack::ServiceHostOptions host;
  std::string data_dir;
  std::string database_url;
  absl::Duration change_poll_interval;
  std::string log_format;
  std::string log_level;
  claimtrack::verification::ClaimReviewOptions claim_review;
};

Config ConfigFromFlags() {
  Config config;
  config.host.address = absl::GetFlag(FLAGS_listen);
  config.host.port_file = absl::GetFlag(FLAGS_port_file);
  config.host.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  config.host.drain_timeout = absl::GetFlag(FLAGS_drain_timeout);
  config.data_dir = absl::GetFlag(FLAGS_data_dir);
  config.database_url = absl::GetFlag(FLAGS_database_url);
  config.change_poll_interval = absl::GetFlag(FLAGS_change_poll_interval);
  config.log_format = absl::GetFlag(FLAGS_log_format);
  config.log_level = absl::GetFlag(FLAGS_log_level);
  config.claim_review.organization_name = absl::GetFlag(FLAGS_organization_name);
  config.claim_review.organization_url = absl::GetFlag(FLAGS_organization_url);
  config.claim_review.base_url = absl::GetFlag(FLAGS_claim_review_base_url);
  return config;
}

// The store the flags choose: PostgreSQL with --database_url, else the SQLite
// file under --data_dir. Sets `where` to a description for the log (never
// the URL, which may hold a password).
std::unique_ptr<claimtrack::verification::ClaimStore> OpenStore(const Config& config,
                                                                std::string* where) {
  if (!config.database_url.empty()) {
    if (config.change_poll_interval <= absl::ZeroDuration()) {
      spdlog::error("--change_poll_interval must be positive");
      return nullptr;
    }
    claimtrack::verification::PostgresClaimStoreOptions options;
    options.database_url = config.database_url;
    options.change_poll_interval = config.change_poll_interval;
    auto store = claimtrack::verification::PostgresClaimStore::Open(std::move(options));
    if (!store.ok()) {
      spdlog::error("--database_url: cannot open the claim store: {}", store.status().ToString());
      return nullptr;
    }
    *where = absl::StrCat("PostgreSQL ", (*store)->description());
    return *std::move(store);
  }
  std::error_code error;
  std::filesystem::create_directories(config.data_dir, error);
  if (error) {
    spdlog::error("--data_dir: cannot create {}: {}", config.data_dir, error.message());
    return nullptr;
  }
  const std::string db_path = (std::filesystem::path(config.data_dir) / "verification.db").string();
  auto store = claimtrack::verification::SqliteClaimStore::Open(db_path);
  if (!store.ok()) {
    spdlog::error("cannot open the claim store: {}", store.status().ToString());
    return nullptr;
  }
  *where = db_path;
  return *std::move(store);
}

}  // namespace

int main(int argc, char** argv) {
  claimtrack::BlockTerminationSignals();
  claimtrack::ParseFlagsWithEnv(argc, argv,
                                "claimtrack-verification: records claims and their verification");
  const Config config = ConfigFromFlags();
  if (absl::Status logging =
          claimtrack::InitLogging("verification", config.log_format, config.log_level);
      !logging.ok()) {
    std::fprintf(stderr, "%s\n", std::string(logging.message()).c_str());
    return 2;
  }
  if (config.host.max_message_bytes <= 0) {
    spdlog::error("--max_message_bytes must be positive, got {}", config.host.max_message_bytes);
    return 2;
  }

  std::string store_location;
  std::unique_ptr<claimtrack::verification::ClaimStore> store = OpenStore(config, &store_location);
  if (store == nullptr) {
    return 1;
  }

  claimtrack::ServiceHostOptions host_options = config.host;
  auto common = claimtrack::ApplyCommonServerFlags(&host_options);
  if (!common.ok()) {
    spdlog::error("{}", std::string(common.status().message()));
    return 2;
  }

  claimtrack::verification::VerificationServiceImpl service(*store, common->security.get(),
                                                           config.claim_review);
  absl::StatusOr<std::unique_ptr<claimtrack::ServiceHost>> host = claimtrack::ServiceHost::Start(
      host_options, {&service}, {"claimtrack.verification.v1.VerificationService"});
  if (!host.ok()) {
    spdlog::error("{}", host.status().ToString());
    return 1;
  }
  spdlog::info("claim store: {}; {}", store_location, common->security->Describe());

  const std::string signal = claimtrack::WaitForTerminationSignal();
  spdlog::info("{}: draining", signal);
  // In-flight writes finish (their callbacks run on the committer thread)
  // before the store stops taking writes.
  // Change-feed watches never end on their own: end them first (clients
  // reconnect with their cursor) so that the drain waits only for real work.
  service.StopWatches();
  (*host)->Shutdown();
  store->Close();
  spdlog::info("stopped");
  return 0;
}
