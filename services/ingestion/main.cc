// claimtrack-ingestion: the ingestion service. Parses flags into options,
// opens the store, starts the outbox dispatcher and the server, and on
// SIGTERM drains, stops delivering, then closes the store.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <system_error>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/config/flags.h"
#include "common/grpc/channel.h"
#include "common/logging/logging.h"
#include "common/metrics/metrics.h"
#include "common/server/server_flags.h"
#include "common/server/service_host.h"
#include "services/ingestion/extraction_client.h"
#include "services/ingestion/ingestion_service.h"
#include "services/ingestion/outbox_dispatcher.h"
#include "services/ingestion/outbox_metrics.h"
#include "services/ingestion/postgres_document_store.h"
#include "services/ingestion/sqlite_document_store.h"
#include "spdlog/spdlog.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051", "Address to serve on (host:port).");
ABSL_FLAG(std::string, port_file, "", "If set, write the bound port here once serving.");
ABSL_FLAG(std::string, data_dir, "data",
          "Directory of the document database (<data_dir>/ingestion.db); created if "
          "missing.");
ABSL_FLAG(std::string, database_url, "",
          "PostgreSQL connection string or URI (libpq) of a database that ingestion "
          "replicas share; empty: the SQLite file under --data_dir. Best set as "
          "CLAIMTRACK_DATABASE_URL (from a Secret), since it may carry a password.");
ABSL_FLAG(absl::Duration, outbox_lease, absl::Seconds(60),
          "With --database_url: how long a replica owns the outboxed documents it "
          "claimed before another replica may deliver them; keep it above "
          "--extraction_timeout.");
ABSL_FLAG(std::string, extraction_address, "127.0.0.1:50052",
          "Address of the claim-extraction service.");
ABSL_FLAG(absl::Duration, extraction_timeout, absl::Seconds(30),
          "Deadline of each ProcessDocument call to extraction.");
ABSL_FLAG(int64_t, max_article_bytes, 4 << 20,
          "Largest article text accepted, in bytes.");
ABSL_FLAG(int32_t, max_message_bytes, 16 << 20, "Largest gRPC message, in bytes.");
ABSL_FLAG(int32_t, outbox_max_in_flight, 64,
          "Most documents being delivered to extraction at once.");
ABSL_FLAG(absl::Duration, drain_timeout, absl::Seconds(10),
          "On SIGTERM, how long in-flight calls get to finish.");
ABSL_FLAG(std::string, log_format, "plain", "Log format: plain or json.");
ABSL_FLAG(std::string, log_level, "info", "Log level: trace, debug, info, warn, error.");

namespace {

constexpr char kHealthName[] = "claimtrack.ingestion.v1.IngestionService";
constexpr char kExtractionService[] = "claimtrack.extraction.v1.ExtractionService";

// The store the flags choose: PostgreSQL with --database_url, else the SQLite
// file under --data_dir. Sets `close` to the store's Close and `where` to a
// description for the log (never the URL, which may hold a password).
std::unique_ptr<claimtrack::ingestion::DocumentStore> OpenStore(std::function<void()>* close,
                                                                std::string* where) {
  const std::string database_url = absl::GetFlag(FLAGS_database_url);
  if (!database_url.empty()) {
    claimtrack::ingestion::PostgresDocumentStoreOptions options;
    options.database_url = database_url;
    options.lease = absl::GetFlag(FLAGS_outbox_lease);
    if (options.lease <= absl::ZeroDuration()) {
      spdlog::critical("--outbox_lease must be positive");
      return nullptr;
    }
    if (options.lease <= absl::GetFlag(FLAGS_extraction_timeout)) {
      // Not fatal (delivery is idempotent), but every slow call would be
      // delivered again by another replica.
      spdlog::warn("--outbox_lease ({}) is not above --extraction_timeout ({}): replicas may "
                   "deliver a slow document twice",
                   absl::FormatDuration(options.lease),
                   absl::FormatDuration(absl::GetFlag(FLAGS_extraction_timeout)));
    }
    auto store = claimtrack::ingestion::PostgresDocumentStore::Open(std::move(options));
    if (!store.ok()) {
      spdlog::critical("--database_url: {}", store.status().ToString());
      return nullptr;
    }
    *where = absl::StrCat("PostgreSQL ", (*store)->description(), " as replica ",
                          (*store)->replica_id());
    auto* raw = store->get();
    *close = [raw] { raw->Close(); };
    return *std::move(store);
  }
  const std::string data_dir = absl::GetFlag(FLAGS_data_dir);
  std::error_code error;
  std::filesystem::create_directories(data_dir, error);
  if (error) {
    spdlog::critical("--data_dir: cannot create {}: {}", data_dir, error.message());
    return nullptr;
  }
  const std::string db_path = (std::filesystem::path(data_dir) / "ingestion.db").string();
  auto store = claimtrack::ingestion::SqliteDocumentStore::Open(db_path);
  if (!store.ok()) {
    spdlog::critical("--data_dir: {}", store.status().ToString());
    return nullptr;
  }
  *where = db_path;
  auto* raw = store->get();
  *close = [raw] { raw->Close(); };
  return *std::move(store);
}

int Run() {
  const int64_t max_article_bytes = absl::GetFlag(FLAGS_max_article_bytes);
  const int max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  const int max_in_flight = absl::GetFlag(FLAGS_outbox_max_in_flight);
  if (max_article_bytes <= 0 || max_in_flight <= 0 || max_message_bytes <= 0) {
    spdlog::critical(
        "--max_article_bytes, --max_message_bytes and --outbox_max_in_flight must be "
        "positive");
    return EXIT_FAILURE;
  }

  std::function<void()> close_store;
  std::string store_location;
  std::unique_ptr<claimtrack::ingestion::DocumentStore> store =
      OpenStore(&close_store, &store_location);
  if (store == nullptr) {
    return EXIT_FAILURE;
  }

  claimtrack::ServiceHostOptions host_options;
  host_options.address = absl::GetFlag(FLAGS_listen);
  host_options.port_file = absl::GetFlag(FLAGS_port_file);
  host_options.max_message_bytes = max_message_bytes;
  host_options.drain_timeout = absl::GetFlag(FLAGS_drain_timeout);
  auto common = claimtrack::ApplyCommonServerFlags(&host_options);
  if (!common.ok()) {
    spdlog::critical("{}", std::string(common.status().message()));
    return EXIT_FAILURE;
  }

  claimtrack::ingestion::ExtractionClient extraction(
      claimtrack::MakeServiceChannel(absl::GetFlag(FLAGS_extraction_address), kExtractionService,
                                     max_message_bytes, common->peer_credentials),
      absl::GetFlag(FLAGS_extraction_timeout));
  claimtrack::ingestion::OutboxDispatcherOptions outbox_options;
  outbox_options.max_in_flight = max_in_flight;
  claimtrack::ingestion::OutboxDispatcher dispatcher(store.get(), &extraction,
                                                     outbox_options);

  claimtrack::ingestion::IngestionServiceOptions options;
  options.limits.max_text_bytes = static_cast<size_t>(max_article_bytes);
  claimtrack::ingestion::IngestionService service(store.get(), &dispatcher, options);

  // Read at each scrape (with --metrics_listen); the endpoint stops with the
  // host, before the store closes.
  claimtrack::metrics::RegisterCollectable(
      std::make_shared<claimtrack::ingestion::OutboxMetrics>(store.get()));
  auto host = claimtrack::ServiceHost::Start(host_options, {&service}, {kHealthName});
  if (!host.ok()) {
    spdlog::critical("{}", host.status().ToString());
    return EXIT_FAILURE;
  }
  // Started after the server so that documents left from a previous run are
  // delivered while new ones arrive.
  dispatcher.Start();
  spdlog::info("storing documents in {}; delivering to extraction at {}; {}", store_location,
               absl::GetFlag(FLAGS_extraction_address), common->security->Describe());

  spdlog::info("received {}; draining", claimtrack::WaitForTerminationSignal());
  // Drain calls first (their commits finish), then stop delivering (what is
  // in flight stays due for the next start), then close the store.
  (*host)->Shutdown();
  dispatcher.Stop();
  close_store();
  spdlog::info("stopped");
  return EXIT_SUCCESS;
}

}  // namespace

int main(int argc, char** argv) {
  claimtrack::BlockTerminationSignals();
  // Debian's Abseil is built with mutex deadlock detection on, which records
  // a lock graph on every acquisition: measurable on the ingest path.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  claimtrack::ParseFlagsWithEnv(
      argc, argv,
      "claimtrack-ingestion: takes news articles in, cleans and stores them durably, "
      "and hands them to claim extraction through a durable outbox.\n"
      "Every flag --name can also be set as CLAIMTRACK_NAME.");
  if (absl::Status logging = claimtrack::InitLogging(
          "ingestion", absl::GetFlag(FLAGS_log_format), absl::GetFlag(FLAGS_log_level));
      !logging.ok()) {
    std::fprintf(stderr, "%s\n", std::string(logging.message()).c_str());
    return EXIT_FAILURE;
  }
  return Run();
}
