#include "common/security/server_security.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/security/access_enforcer.h"

namespace claimtrack::security {

std::optional<absl::string_view> BearerToken(
    const std::multimap<grpc::string_ref, grpc::string_ref>& metadata) {
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    return std::nullopt;
  }
  absl::string_view value(it->second.data(), it->second.size());
  if (!absl::ConsumePrefix(&value, "Bearer ") || value.empty()) {
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> CertificateCommonName(const grpc::AuthContext& context) {
  for (const grpc::string_ref& name : context.FindPropertyValues(GRPC_X509_CN_PROPERTY_NAME)) {
    return std::string(name.data(), name.size());
  }
  return std::nullopt;
}

absl::StatusOr<std::unique_ptr<ServerSecurityContext>> ServerSecurityContext::Load(
    const ServerSecurity& settings, absl::string_view address) {
  std::unique_ptr<ServerSecurityContext> context(new ServerSecurityContext);
  context->tls_ = settings.tls.enabled();
  if (!settings.access_file.empty()) {
    absl::StatusOr<AccessPolicy> policy = AccessPolicy::Load(settings.access_file);
    if (!policy.ok()) {
      return policy.status();
    }
    context->policy_ = std::make_shared<const AccessPolicy>(*std::move(policy));
  }
  if (context->tls_ && context->policy_ == nullptr && settings.tls.ca_file.empty()) {
    return absl::FailedPreconditionError(
        "TLS without --auth_tokens_file needs --tls_ca_file: with neither, anyone could call "
        "every method");
  }
  // With an access file a token alone may authenticate, so a certificate is
  // optional (verified when presented); without one the certificate is the
  // only credential.
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials = MakeServerCredentials(
      settings, address, /*require_client_certificate=*/context->policy_ == nullptr);
  if (!credentials.ok()) {
    return credentials.status();
  }
  context->credentials_ = *std::move(credentials);
  if (context->policy_ != nullptr) {
    context->credentials_->SetAuthMetadataProcessor(
        std::make_shared<AccessEnforcer>(context->policy_));
  }
  return context;
}

std::optional<std::string> ServerSecurityContext::CallerOf(
    const grpc::ServerContextBase& call) const {
  if (!tls_) {
    return std::nullopt;
  }
  std::shared_ptr<const grpc::AuthContext> auth = call.auth_context();
  if (policy_ == nullptr) {
    return auth == nullptr ? std::nullopt : CertificateCommonName(*auth);
  }
  // The same lookup the AccessEnforcer admitted the call with.
  if (std::optional<absl::string_view> token = BearerToken(call.client_metadata())) {
    const Principal* principal = policy_->FindByToken(*token);
    return principal == nullptr ? std::nullopt : std::optional<std::string>(principal->name);
  }
  if (auth != nullptr) {
    if (std::optional<std::string> name = CertificateCommonName(*auth)) {
      const Principal* principal = policy_->FindByCertificate(*name);
      return principal == nullptr ? std::nullopt
                                  : std::optional<std::string>(principal->name);
    }
  }
  return std::nullopt;
}

std::string ServerSecurityContext::Describe() const {
  if (!tls_) {
    return "plaintext, no access checks";
  }
  return policy_ != nullptr
             ? "TLS; callers authenticated by token or client certificate, roles enforced"
             : "TLS; a client certificate from --tls_ca_file is required and enough";
}

}  // namespace claimtrack::security
