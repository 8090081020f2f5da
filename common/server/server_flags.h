#ifndef CLAIMTRACK_COMMON_SERVER_SERVER_FLAGS_H_
#define CLAIMTRACK_COMMON_SERVER_SERVER_FLAGS_H_

#include <memory>
#include <string>

#include <grpcpp/security/credentials.h>

#include "absl/status/statusor.h"
#include "common/security/server_security.h"
#include "common/security/transport_security.h"
#include "common/server/service_host.h"

// The flags every claimtrack server shares beyond --listen: transport
// security, access, the health-only port and the metrics port. Defined once here so that the
// three services spell and document them the same way (each also settable
// as CLAIMTRACK_<FLAG>, see common/config/flags.h).

namespace claimtrack {

// --tls_cert_file, --tls_key_file, --tls_ca_file.
security::TlsFiles TlsFilesFromFlags();

// The above plus --auth_tokens_file and --allow_insecure_plaintext.
security::ServerSecurity ServerSecurityFromFlags();

// --health_listen: "" or host:port of the plaintext health-only port.
std::string HealthListenFromFlag();

// What a service takes from the shared flags besides its host options.
struct CommonServerSetup {
  // Must outlive the host: services ask it who a caller is.
  std::unique_ptr<security::ServerSecurityContext> security;
  // For calls to the other services (mutual TLS when --tls_cert_file is set).
  std::shared_ptr<grpc::ChannelCredentials> peer_credentials;
};

// Loads the server's security from the flags for `options->address` and
// completes `options` with its credentials, the health-only port and the
// metrics port (--metrics_listen). Errors name the flag (a plaintext
// non-loopback address, a missing file).
absl::StatusOr<CommonServerSetup> ApplyCommonServerFlags(ServiceHostOptions* options);

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_SERVER_SERVER_FLAGS_H_
