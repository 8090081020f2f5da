#include "common/server/service_host.h"

#include <signal.h>

#include <cstdio>
#include <fstream>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/metrics/rpc_metrics.h"
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
  // Every server built from here on gets its own health service, the
  // health-only one included.
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.address,
                           options.credentials != nullptr ? options.credentials
                                                          : grpc::InsecureServerCredentials(),
                           &port);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_message_bytes);
  // gRPC binds with SO_REUSEPORT by default, so a second server on a port
  // already taken starts "successfully" and the two split the traffic. A
  // taken port must be an error instead.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS,
                             static_cast<int>(absl::ToInt64Milliseconds(options.max_connection_age)));
  builder.AddChannelArgument(
      GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
      static_cast<int>(absl::ToInt64Milliseconds(options.max_connection_age_grace)));
  for (grpc::Service* service : services) {
    builder.RegisterService(service);
  }
  std::unique_ptr<metrics::MetricsEndpoint> metrics;
  if (!options.metrics_address.empty()) {
    absl::StatusOr<std::unique_ptr<metrics::MetricsEndpoint>> endpoint =
        metrics::MetricsEndpoint::Start(options.metrics_address);
    if (!endpoint.ok()) {
      return endpoint.status();
    }
    metrics = *std::move(endpoint);
    // Only with metrics on: an interceptor costs every call a little.
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
        interceptors;
    interceptors.push_back(metrics::MakeRpcMetricsInterceptorFactory());
    builder.experimental().SetInterceptorCreators(std::move(interceptors));
  }
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(
        absl::StrCat("--listen: cannot listen on ", options.address));
  }

  std::unique_ptr<grpc::Server> health_server;
  int health_port = 0;
  if (!options.health_address.empty()) {
    // Plaintext by design and on any address: it answers nothing but
    // health, which the probes of the orchestrator need without TLS.
    grpc::ServerBuilder health_builder;
    health_builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
    health_builder.AddListeningPort(options.health_address, grpc::InsecureServerCredentials(),
                                    &health_port);
    health_server = health_builder.BuildAndStart();
    if (health_server == nullptr || health_port == 0) {
      server->Shutdown();
      return absl::UnavailableError(
          absl::StrCat("--health_listen: cannot listen on ", options.health_address));
    }
  }
  std::unique_ptr<ServiceHost> host(new ServiceHost(std::move(server), port,
                                                    std::move(health_server), health_port,
                                                    std::move(health_names),
                                                    options.drain_timeout));
  host->metrics_ = std::move(metrics);
  host->SetServing(true);
  if (!options.port_file.empty()) {
    absl::Status written = WritePortFile(options.port_file, port);
    if (!written.ok()) {
      host->Shutdown();
      return written;
    }
  }
  spdlog::info("serving {} on port {}{}{}", absl::StrJoin(host->health_names_, ", "), port,
               health_port != 0 ? absl::StrCat("; health only on port ", health_port) : "",
               host->metrics_port() != 0
                   ? absl::StrCat("; metrics on http port ", host->metrics_port())
                   : "");
  return host;
}

void ServiceHost::SetServing(bool serving) {
  for (grpc::Server* server : {server_.get(), health_server_.get()}) {
    if (server == nullptr) {
      continue;
    }
    grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
    if (serving) {
      for (const std::string& name : health_names_) {
        health->SetServingStatus(name, true);
      }
    } else {
      // Every name and the overall status.
      health->SetServingStatus(false);
    }
  }
}

ServiceHost::~ServiceHost() { Shutdown(); }

void ServiceHost::Shutdown() {
  if (shut_down_) {
    return;
  }
  shut_down_ = true;
  // NOT_SERVING on every name (and overall) first, so health-checking
  // clients stop routing here while in-flight calls drain.
  SetServing(false);
  const auto deadline =
      std::chrono::system_clock::now() + absl::ToChronoMilliseconds(drain_timeout_);
  server_->Shutdown(deadline);
  server_->Wait();
  // Last, so that probes see NOT_SERVING for the whole drain.
  if (health_server_ != nullptr) {
    health_server_->Shutdown();
    health_server_->Wait();
  }
  spdlog::info("drained and stopped");
}

}  // namespace claimtrack
