#ifndef CLAIMTRACK_COMMON_SECURITY_SERVER_SECURITY_H_
#define CLAIMTRACK_COMMON_SECURITY_SERVER_SECURITY_H_

#include <memory>
#include <optional>
#include <string>

#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_context.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/security/access_policy.h"
#include "common/security/transport_security.h"

namespace claimtrack::security {

// A server's security, loaded once at start-up: the credentials its API port
// listens with (TLS, and access enforcement when there is an access file),
// and who the caller of a call is.
//
// Modes:
// - plaintext on loopback (the local mode): no TLS, no checks, no caller;
// - TLS with an access file: tokens or client certificates mapped to
//   principals and roles, every method's access option enforced;
// - TLS without an access file: a client certificate from the CA is
//   required and is all it takes; the caller is its common name.
class ServerSecurityContext {
 public:
  static absl::StatusOr<std::unique_ptr<ServerSecurityContext>> Load(
      const ServerSecurity& settings, absl::string_view address);

  const std::shared_ptr<grpc::ServerCredentials>& credentials() const { return credentials_; }

  // The authenticated caller of a call admitted by this server's
  // credentials; nullopt in the local mode. Services record it as the actor
  // of what a call changes.
  std::optional<std::string> CallerOf(const grpc::ServerContextBase& context) const;

  // One line for the start-up log.
  std::string Describe() const;

 private:
  ServerSecurityContext() = default;

  std::shared_ptr<grpc::ServerCredentials> credentials_;
  bool tls_ = false;
  // Null without an access file.
  std::shared_ptr<const AccessPolicy> policy_;
};

// The bearer token in a call's `authorization` metadata, if any.
std::optional<absl::string_view> BearerToken(
    const std::multimap<grpc::string_ref, grpc::string_ref>& metadata);

// The common name of the client certificate verified for the connection.
std::optional<std::string> CertificateCommonName(const grpc::AuthContext& context);

}  // namespace claimtrack::security

#endif  // CLAIMTRACK_COMMON_SECURITY_SERVER_SECURITY_H_
