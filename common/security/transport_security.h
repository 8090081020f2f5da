#ifndef CLAIMTRACK_COMMON_SECURITY_TRANSPORT_SECURITY_H_
#define CLAIMTRACK_COMMON_SECURITY_TRANSPORT_SECURITY_H_

#include <memory>
#include <string>

#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claimtrack::security {

// PEM files of a service's identity. The certificate serves the API port and
// is presented as the client certificate on calls to the other services
// (mutual TLS); `ca_file` verifies both the clients' and the servers'
// certificates.
struct TlsFiles {
  std::string cert_file;
  std::string key_file;
  std::string ca_file;

  bool enabled() const { return !cert_file.empty(); }
};

// How a server listens (its flags).
struct ServerSecurity {
  TlsFiles tls;
  // The access file (see AccessPolicy); empty means: with TLS, every client
  // with a certificate from `tls.ca_file` may call every method.
  std::string access_file;
  // Plaintext on anything but loopback is refused unless this is set.
  bool allow_insecure_plaintext = false;
};

// True for 127.0.0.0/8, [::1] and localhost, with a port.
bool IsLoopbackAddress(absl::string_view host_port);

// Credentials for a server listening on `address`: plaintext, or TLS that
// asks for a client certificate and verifies it against `tls.ca_file` when
// one is presented (`require_client_certificate`: when one must be).
// FAILED_PRECONDITION when TLS is off and `address` is not loopback (unless
// allowed) or the files are incomplete; NOT_FOUND naming the flag of a file
// that cannot be read.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServerSecurity& security, absl::string_view address,
    bool require_client_certificate);

// Credentials for calls to the other services: TLS with this service's
// certificate as client certificate when `tls` is enabled, else plaintext.
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MakeChannelCredentials(
    const TlsFiles& tls);

// The contents of `path`; NOT_FOUND naming `flag` when it cannot be read.
absl::StatusOr<std::string> ReadPemFile(const std::string& path, absl::string_view flag);

}  // namespace claimtrack::security

#endif  // CLAIMTRACK_COMMON_SECURITY_TRANSPORT_SECURITY_H_
