#ifndef CLAIMTRACK_COMMON_SECURITY_ACCESS_ENFORCER_H_
#define CLAIMTRACK_COMMON_SECURITY_ACCESS_ENFORCER_H_

#include <memory>
#include <string>

#include <grpcpp/security/auth_metadata_processor.h>

#include "common/security/access_policy.h"

namespace claimtrack::security {

// Authenticates and authorizes every call on a TLS port before it reaches a
// service: a bearer token (`authorization: Bearer <token>`) or, failing that,
// the client certificate's common name, looked up in the access policy; then
// the method's access option (AllowedRoles). Health checks need nothing;
// reflection needs any known principal.
class AccessEnforcer final : public grpc::AuthMetadataProcessor {
 public:
  explicit AccessEnforcer(std::shared_ptr<const AccessPolicy> policy)
      : policy_(std::move(policy)) {}

  // A lookup in memory: run it on the call's own thread.
  bool IsBlocking() const override { return false; }

  grpc::Status Process(const InputMetadata& auth_metadata, grpc::AuthContext* context,
                       OutputMetadata* consumed_auth_metadata,
                       OutputMetadata* response_metadata) override;

 private:
  std::shared_ptr<const AccessPolicy> policy_;
};

}  // namespace claimtrack::security

#endif  // CLAIMTRACK_COMMON_SECURITY_ACCESS_ENFORCER_H_
