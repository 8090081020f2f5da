#ifndef CLAIMTRACK_COMMON_SERVER_SERVICE_HOST_H_
#define CLAIMTRACK_COMMON_SERVER_SERVICE_HOST_H_

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/metrics/metrics.h"

namespace claimtrack {

// Blocks SIGTERM and SIGINT in the calling thread and every thread it starts
// later, so that WaitForTerminationSignal() can take them synchronously.
// Call it first thing in main(), before gRPC starts its threads.
void BlockTerminationSignals();

// Blocks until SIGTERM or SIGINT arrives; returns the signal's name.
std::string WaitForTerminationSignal();

struct ServiceHostOptions {
  // Where to listen, "host:port"; port 0 picks a free port.
  std::string address = "127.0.0.1:0";
  // If set, the bound port is written here (atomically) once serving, for
  // scripts and tests that start the service on port 0.
  std::string port_file;
  // The largest request or response message, in bytes.
  int max_message_bytes = 16 << 20;
  // How long in-flight calls get to finish on shutdown.
  absl::Duration drain_timeout = absl::Seconds(10);
  // Connections older than this are asked to go away (GOAWAY; in-flight
  // calls get `max_connection_age_grace`), so that clients balancing with
  // round_robin re-resolve and new replicas receive traffic.
  absl::Duration max_connection_age = absl::Minutes(5);
  absl::Duration max_connection_age_grace = absl::Seconds(30);
  // The API port's credentials (security::ServerSecurityContext); null means
  // plaintext.
  std::shared_ptr<grpc::ServerCredentials> credentials;
  // If set, "host:port" of a second, plaintext port that serves only the
  // health service: Kubernetes gRPC probes cannot speak TLS.
  std::string health_address;
  // If set, "host:port" of the Prometheus /metrics endpoint; calls are then
  // counted and timed by method and code (metrics/rpc_metrics.h).
  std::string metrics_address;
};

// A started gRPC server with the standard health service (grpc.health.v1,
// one status per service name plus the overall "") and reflection.
class ServiceHost {
 public:
  // `services` must outlive the host. `health_names` are the fully-qualified
  // service names reported SERVING once started.
  static absl::StatusOr<std::unique_ptr<ServiceHost>> Start(
      const ServiceHostOptions& options, const std::vector<grpc::Service*>& services,
      std::vector<std::string> health_names);
  ~ServiceHost();

  int port() const { return port_; }
  // The health-only port; 0 without one.
  int health_port() const { return health_port_; }
  // The /metrics port; 0 without one.
  int metrics_port() const { return metrics_ == nullptr ? 0 : metrics_->port(); }
  grpc::Server* server() { return server_.get(); }

  // Graceful drain: health goes NOT_SERVING (load balancers stop sending),
  // then the server stops taking new calls and in-flight calls get up to
  // `drain_timeout` to finish. Idempotent.
  void Shutdown();

 private:
  ServiceHost(std::unique_ptr<grpc::Server> server, int port,
              std::unique_ptr<grpc::Server> health_server, int health_port,
              std::vector<std::string> health_names, absl::Duration drain_timeout)
      : server_(std::move(server)),
        port_(port),
        health_server_(std::move(health_server)),
        health_port_(health_port),
        health_names_(std::move(health_names)),
        drain_timeout_(drain_timeout) {}

  // Sets every name's status on both servers.
  void SetServing(bool serving);

  std::unique_ptr<grpc::Server> server_;
  const int port_;
  // Null without --health_listen.
  std::unique_ptr<grpc::Server> health_server_;
  const int health_port_;
  // Null without --metrics_listen.
  std::unique_ptr<metrics::MetricsEndpoint> metrics_;
  const std::vector<std::string> health_names_;
  const absl::Duration drain_timeout_;
  bool shut_down_ = false;
};

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_SERVER_SERVICE_HOST_H_
