#include "common/security/access_enforcer.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/security/server_security.h"
#include "common/status/grpc_status.h"

namespace claimtrack::security {

grpc::Status AccessEnforcer::Process(const InputMetadata& auth_metadata,
                                     grpc::AuthContext* context,
                                     OutputMetadata* /*consumed_auth_metadata*/,
                                     OutputMetadata* /*response_metadata*/) {
  absl::string_view method;
  if (auto path = auth_metadata.find(":path"); path != auth_metadata.end()) {
    method = absl::string_view(path->second.data(), path->second.size());
  }
  // Load balancers and probes check health without credentials.
  if (absl::StartsWith(method, "/grpc.health.v1.Health/")) {
    return grpc::Status::OK;
  }
  const Principal* principal = nullptr;
  if (std::optional<absl::string_view> token = BearerToken(auth_metadata)) {
    principal = policy_->FindByToken(*token);
    if (principal == nullptr) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                          "the bearer token is not in this server's access file");
    }
  } else if (std::optional<std::string> name = CertificateCommonName(*context)) {
    principal = policy_->FindByCertificate(*name);
    if (principal == nullptr) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                          absl::StrCat("client certificate \"", *name,
                                       "\" is not in this server's access file"));
    }
  } else {
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                        "no credentials: send \"authorization: Bearer <token>\" metadata or "
                        "a client certificate");
  }
  // Reflection describes the API to anyone the server knows.
  if (absl::StartsWith(method, "/grpc.reflection.")) {
    return grpc::Status::OK;
  }
  return ToGrpcStatus(Authorize(*principal, method));
}

}  // namespace claimtrack::security
