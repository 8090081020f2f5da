#include "common/security/transport_security.h"

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace claimtrack::security {
namespace {

// The host part of "host:port" or "[v6]:port".
absl::string_view HostOf(absl::string_view host_port) {
  if (absl::ConsumePrefix(&host_port, "[")) {
    return host_port.substr(0, host_port.find(']'));
  }
  const size_t colon = host_port.rfind(':');
  return colon == absl::string_view::npos ? host_port : host_port.substr(0, colon);
}

absl::Status CheckComplete(const TlsFiles& tls) {
  if (tls.cert_file.empty() != tls.key_file.empty()) {
    return absl::FailedPreconditionError(
        "--tls_cert_file and --tls_key_file go together: set both or neither");
  }
  if (!tls.ca_file.empty() && !tls.enabled()) {
    return absl::FailedPreconditionError(
        "--tls_ca_file is set but --tls_cert_file is not: TLS needs this service's own "
        "certificate and key too");
  }
  return absl::OkStatus();
}

}  // namespace

bool IsLoopbackAddress(absl::string_view host_port) {
  const absl::string_view host = HostOf(host_port);
  if (absl::EqualsIgnoreCase(host, "localhost") || host == "::1") {
    return true;
  }
  // 127.0.0.0/8: "127." and three more numbers.
  absl::string_view rest = host;
  if (!absl::ConsumePrefix(&rest, "127.")) {
    return false;
  }
  int parts = 0;
  for (absl::string_view part : absl::StrSplit(rest, '.')) {
    int value = 0;
    if (!absl::SimpleAtoi(part, &value) || value < 0 || value > 255) {
      return false;
    }
    ++parts;
  }
  return parts == 3;
}

absl::StatusOr<std::string> ReadPemFile(const std::string& path, absl::string_view flag) {
  std::ifstream in(path);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(flag, ": cannot read ", path));
  }
  std::stringstream text;
  text << in.rdbuf();
  if (text.str().find("-----BEGIN ") == std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat(flag, ": ", path, " is not a PEM file"));
  }
  return text.str();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServerSecurity& security, absl::string_view address,
    bool require_client_certificate) {
  if (absl::Status complete = CheckComplete(security.tls); !complete.ok()) {
    return complete;
  }
  if (!security.tls.enabled()) {
    if (!IsLoopbackAddress(address) && !security.allow_insecure_plaintext) {
      return absl::FailedPreconditionError(absl::StrCat(
          "refusing to serve plaintext on ", address,
          ", which is not a loopback address: give --tls_cert_file and --tls_key_file, "
          "or force plaintext with --allow_insecure_plaintext"));
    }
    if (!security.access_file.empty()) {
      return absl::FailedPreconditionError(
          "--auth_tokens_file needs TLS (--tls_cert_file, --tls_key_file): tokens must not "
          "travel in plaintext");
    }
    return grpc::InsecureServerCredentials();
  }
  grpc::SslServerCredentialsOptions options(
      security.tls.ca_file.empty()
          ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
          : (require_client_certificate
                 ? GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY
                 : GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY));
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  absl::StatusOr<std::string> key = ReadPemFile(security.tls.key_file, "--tls_key_file");
  absl::StatusOr<std::string> cert = ReadPemFile(security.tls.cert_file, "--tls_cert_file");
  if (!key.ok()) return key.status();
  if (!cert.ok()) return cert.status();
  pair.private_key = *std::move(key);
  pair.cert_chain = *std::move(cert);
  options.pem_key_cert_pairs.push_back(std::move(pair));
  if (!security.tls.ca_file.empty()) {
    absl::StatusOr<std::string> ca = ReadPemFile(security.tls.ca_file, "--tls_ca_file");
    if (!ca.ok()) return ca.status();
    options.pem_root_certs = *std::move(ca);
  }
  return grpc::SslServerCredentials(options);
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MakeChannelCredentials(
    const TlsFiles& tls) {
  if (absl::Status complete = CheckComplete(tls); !complete.ok()) {
    return complete;
  }
  if (!tls.enabled()) {
    return grpc::InsecureChannelCredentials();
  }
  grpc::SslCredentialsOptions options;
  absl::StatusOr<std::string> key = ReadPemFile(tls.key_file, "--tls_key_file");
  absl::StatusOr<std::string> cert = ReadPemFile(tls.cert_file, "--tls_cert_file");
  if (!key.ok()) return key.status();
  if (!cert.ok()) return cert.status();
  options.pem_private_key = *std::move(key);
  options.pem_cert_chain = *std::move(cert);
  if (!tls.ca_file.empty()) {
    absl::StatusOr<std::string> ca = ReadPemFile(tls.ca_file, "--tls_ca_file");
    if (!ca.ok()) return ca.status();
    options.pem_root_certs = *std::move(ca);
  }
  return grpc::SslCredentials(options);
}

}  // namespace claimtrack::security
