// claimtrack-echo-server: the baseline for claimtrack-bench. A bare callback
// IngestionService whose IngestArticle does no work at all (no validation,
// no store), so the benchmark can express the real ingestion service's RPC
// rate as a fraction of what gRPC itself manages on this machine with the
// same payload.

#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"
#include "claimtrack/ingestion/v1/ingestion_service.grpc.pb.h"
#include "common/config/flags.h"
#include "common/server/service_host.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:0", "Address to serve on.");
ABSL_FLAG(std::string, port_file, "", "If set, write the bound port here once serving.");

namespace {

namespace v1 = ::claimtrack::ingestion::v1;

class EchoIngestionService final : public v1::IngestionService::CallbackService {
 public:
  grpc::ServerUnaryReactor* IngestArticle(grpc::CallbackServerContext* context,
                                          const v1::IngestArticleRequest* request,
                                          v1::IngestArticleResponse* response) override {
    response->mutable_document()->set_name("documents/echo");
    response->set_created(true);
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
};

}  // namespace

int main(int argc, char** argv) {
  claimtrack::BlockTerminationSignals();
  claimtrack::ParseFlagsWithEnv(argc, argv, "claimtrack-echo-server: benchmark baseline");
  EchoIngestionService service;
  claimtrack::ServiceHostOptions options;
  options.address = absl::GetFlag(FLAGS_listen);
  options.port_file = absl::GetFlag(FLAGS_port_file);
  auto host = claimtrack::ServiceHost::Start(options, {&service}, {});
  if (!host.ok()) {
    return EXIT_FAILURE;
  }
  claimtrack::WaitForTerminationSignal();
  (*host)->Shutdown();
  return EXIT_SUCCESS;
}
