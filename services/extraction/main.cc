// claimtrack-extraction: the claim-extraction service. Parses flags into
// options, starts the server, drains on SIGTERM.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"
#include "absl/time/time.h"
#include "claimtrack/verification/v1/verification_service.grpc.pb.h"
#include "common/config/flags.h"
#include "common/grpc/channel.h"
#include "common/logging/logging.h"
#include "common/server/server_flags.h"
#include "common/server/service_host.h"
#include "services/extraction/extraction_service.h"
#include "spdlog/spdlog.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50052", "Address to serve on (host:port).");
ABSL_FLAG(std::string, port_file, "", "If set, write the bound port here once serving.");
ABSL_FLAG(std::string, verification_address, "127.0.0.1:50053",
          "Address of the verification service.");
ABSL_FLAG(absl::Duration, verification_timeout, absl::Seconds(20),
          "Deadline of each call to the verification service.");
ABSL_FLAG(int64_t, max_text_bytes, 4 << 20, "Largest document text accepted, in bytes.");
ABSL_FLAG(int32_t, max_message_bytes, 16 << 20, "Largest gRPC message, in bytes.");
ABSL_FLAG(absl::Duration, drain_timeout, absl::Seconds(10),
          "On SIGTERM, how long in-flight calls get to finish.");
ABSL_FLAG(std::string, log_format, "plain", "Log format: plain or json.");
ABSL_FLAG(std::string, log_level, "info", "Log level: trace, debug, info, warn, error.");

namespace {

constexpr char kHealthName[] = "claimtrack.extraction.v1.ExtractionService";

int Run() {
  claimtrack::extraction::ExtractionServiceOptions options;
  options.max_text_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_max_text_bytes));
  options.verification_timeout = absl::GetFlag(FLAGS_verification_timeout);
  const int max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);

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

  claimtrack::extraction::ExtractionService service(
      options, claimtrack::verification::v1::VerificationService::NewStub(
                   claimtrack::MakeServiceChannel(
                       absl::GetFlag(FLAGS_verification_address),
                       "claimtrack.verification.v1.VerificationService", max_message_bytes,
                       common->peer_credentials)));

  auto host = claimtrack::ServiceHost::Start(host_options, {&service}, {kHealthName});
  if (!host.ok()) {
    spdlog::critical("{}", host.status().ToString());
    return EXIT_FAILURE;
  }
  spdlog::info("{}; recording with verification at {}", common->security->Describe(),
               absl::GetFlag(FLAGS_verification_address));
  spdlog::info("received {}; draining", claimtrack::WaitForTerminationSignal());
  (*host)->Shutdown();
  return EXIT_SUCCESS;
}

}  // namespace

int main(int argc, char** argv) {
  claimtrack::BlockTerminationSignals();
  claimtrack::ParseFlagsWithEnv(
      argc, argv,
      "claimtrack-extraction: finds quoted statements and factual claims in "
      "documents and records them with the verification service.\n"
      "Every flag --name can also be set as CLAIMTRACK_NAME.");
  if (absl::Status logging = claimtrack::InitLogging(
          "extraction", absl::GetFlag(FLAGS_log_format), absl::GetFlag(FLAGS_log_level));
      !logging.ok()) {
    std::fprintf(stderr, "%s\n", std::string(logging.message()).c_str());
    return EXIT_FAILURE;
  }
  return Run();
}
