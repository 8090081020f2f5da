#include "common/server/service_host.h"

#include <signal.h>

#include <cstdio>
#include <fstream>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "spdlog/spdlog.h"

namespace claimtrack {
namespace {

sigset_t TerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  return signals;
}

absl::Status WritePortFile(const std::string& path, int port) {
  // Write then rename, so a reader never sees a half-written file.
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << port << "\n";
    if (!out.good()) {
      return absl::InternalError(absl::StrCat("--port_file: cannot write ", temporary));
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    return absl::InternalError(absl::StrCat("--port_file: cannot rename to ", path));
  }
  return absl::OkStatus();
}

}  // namespace

void BlockTerminationSignals() {
  const sigset_t signals = TerminationSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

std::string WaitForTerminationSignal() {
  const sigset_t signals = TerminationSignals();
  int signal_number = 0;
  sigwait(&signals, &signal_number);
  return signal_number == SIGTERM ? "SIGTERM" : "SIGINT";
}

absl::StatusOr<std::unique_ptr<ServiceHost>> ServiceHost::Start(
    const ServiceHostOptions& options, const std::vector<grpc::Service*>& services,
    std::vector<std::string> health_names) {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.address, grpc::InsecureServerCredentials(), &port);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_message_bytes);
  for (grpc::Service* service : services) {
    builder.RegisterService(service);
  }
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(
        absl::StrCat("--listen: cannot listen on ", options.address));
  }
  grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
  for (const std::string& name : health_names) {
    health->SetServingStatus(name, true);
  }
  if (!options.port_file.empty()) {
    absl::Status written = WritePortFile(options.port_file, port);
    if (!written.ok()) {
      server->Shutdown();
      return written;
    }
  }
  spdlog::info("serving {} on port {}", absl::StrJoin(health_names, ", "), port);
  return std::unique_ptr<ServiceHost>(new ServiceHost(
      std::move(server), port, std::move(health_names), options.drain_timeout));
}

ServiceHost::~ServiceHost() { Shutdown(); }

void ServiceHost::Shutdown() {
  if (shut_down_) {
    return;
  }
  shut_down_ = true;
  // NOT_SERVING on every name (and overall) first, so health-checking
  // clients stop routing here while in-flight calls drain.
  server_->GetHealthCheckService()->SetServingStatus(false);
  const auto deadline =
      std::chrono::system_clock::now() + absl::ToChronoMilliseconds(drain_timeout_);
  server_->Shutdown(deadline);
  server_->Wait();
  spdlog::info("drained and stopped");
}

}  // namespace claimtrack
