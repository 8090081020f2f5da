#include "common/server/server_flags.h"

#include "absl/flags/flag.h"
#include "common/metrics/store_metrics.h"

ABSL_FLAG(std::string, tls_cert_file, "",
          "PEM certificate of this service: served on --listen and presented as the client "
          "certificate on calls to the other services. Empty: plaintext (loopback only, "
          "unless --allow_insecure_plaintext).");
ABSL_FLAG(std::string, tls_key_file, "", "PEM private key of --tls_cert_file.");
ABSL_FLAG(std::string, tls_ca_file, "",
          "PEM CA bundle that verifies client certificates and the servers this service "
          "calls.");
ABSL_FLAG(std::string, auth_tokens_file, "",
          "Access file: lines \"<roles> <principal> sha256:<token hash>|cert:<common name>\" "
          "(roles: ingest, analyst, reader, service). Needs TLS. Empty with TLS: any client "
          "certificate from --tls_ca_file may call everything.");
ABSL_FLAG(bool, allow_insecure_plaintext, false,
          "Serve plaintext on a non-loopback --listen address anyway.");
ABSL_FLAG(std::string, health_listen, "",
          "If set, host:port of a second, plaintext port serving only grpc.health.v1.Health, "
          "for probes that cannot speak TLS.");

ABSL_FLAG(std::string, metrics_listen, "",
          "If set, host:port of an HTTP port serving Prometheus metrics at /metrics.");

namespace claimtrack {

security::TlsFiles TlsFilesFromFlags() {
  security::TlsFiles tls;
  tls.cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  tls.key_file = absl::GetFlag(FLAGS_tls_key_file);
  tls.ca_file = absl::GetFlag(FLAGS_tls_ca_file);
  return tls;
}

security::ServerSecurity ServerSecurityFromFlags() {
  security::ServerSecurity security;
  security.tls = TlsFilesFromFlags();
  security.access_file = absl::GetFlag(FLAGS_auth_tokens_file);
  security.allow_insecure_plaintext = absl::GetFlag(FLAGS_allow_insecure_plaintext);
  return security;
}

std::string HealthListenFromFlag() { return absl::GetFlag(FLAGS_health_listen); }

absl::StatusOr<CommonServerSetup> ApplyCommonServerFlags(ServiceHostOptions* options) {
  CommonServerSetup setup;
  absl::StatusOr<std::unique_ptr<security::ServerSecurityContext>> security =
      security::ServerSecurityContext::Load(ServerSecurityFromFlags(), options->address);
  if (!security.ok()) {
    return security.status();
  }
  setup.security = *std::move(security);
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> peer =
      security::MakeChannelCredentials(TlsFilesFromFlags());
  if (!peer.ok()) {
    return peer.status();
  }
  setup.peer_credentials = *std::move(peer);
  options->credentials = setup.security->credentials();
  options->health_address = HealthListenFromFlag();
  options->metrics_address = absl::GetFlag(FLAGS_metrics_listen);
  if (!options->metrics_address.empty()) {
    metrics::ExportStoreCommitMetrics();
  }
  return setup;
}

}  // namespace claimtrack
