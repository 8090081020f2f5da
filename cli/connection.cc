#include "cli/connection.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "cli/arguments.h"

namespace claimtrack::cli {
namespace {

// Documents come back with their full text and original text (each up to
// the server's article limit), so accept more than gRPC's 4 MiB default.
constexpr int kMaxReceiveMessageBytes = 64 << 20;

struct ServiceInfo {
  const char* label;
  const char* flag;
  const char* env;
};

ServiceInfo InfoFor(Service service) {
  switch (service) {
    case Service::kIngestion:
      return {"ingestion", "--ingestion", "CLAIMTRACK_INGESTION_ADDRESS"};
    case Service::kVerification:
      return {"verification", "--verification",
              "CLAIMTRACK_VERIFICATION_ADDRESS"};
  }
  return {"unknown", "", ""};
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Plaintext, or TLS (with a client certificate and a token when given). The
// files were checked to exist when the options were parsed.
std::shared_ptr<grpc::ChannelCredentials> ChannelCredentials(const GlobalOptions& options) {
  if (options.ca_file.empty()) {
    return grpc::InsecureChannelCredentials();
  }
  grpc::SslCredentialsOptions tls;
  tls.pem_root_certs = ReadFile(options.ca_file);
  if (!options.cert_file.empty()) {
    tls.pem_cert_chain = ReadFile(options.cert_file);
    tls.pem_private_key = ReadFile(options.key_file);
  }
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::SslCredentials(tls);
  if (!options.token.empty()) {
    credentials = grpc::CompositeChannelCredentials(
        credentials, grpc::AccessTokenCredentials(options.token));
  }
  return credentials;
}

std::string DefaultAnalyst() {
  const char* user = std::getenv("USER");
  return user == nullptr ? "" : user;
}

}  // namespace

void AddGlobalOptions(CLI::App& app, GlobalOptions& options) {
  app.add_option("--ingestion", options.ingestion_address,
                 "Address of the ingestion service (host:port)")
      ->envname("CLAIMTRACK_INGESTION_ADDRESS")
      ->capture_default_str();
  app.add_option("--verification", options.verification_address,
                 "Address of the verification service (host:port)")
      ->envname("CLAIMTRACK_VERIFICATION_ADDRESS")
      ->capture_default_str();
  options.analyst = DefaultAnalyst();
  app.add_option("--analyst", options.analyst,
                 "Analyst name sent with every call (default: $USER)")
      ->envname("CLAIMTRACK_ANALYST");
  auto* ca_file = app.add_option("--ca-file", options.ca_file,
                                 "PEM CA that verifies the services: talk TLS")
                      ->envname("CLAIMTRACK_TLS_CA_FILE")
                      ->check(CLI::ExistingFile);
  auto* cert_file = app.add_option("--cert-file", options.cert_file,
                                   "PEM client certificate (with --key-file)")
                        ->envname("CLAIMTRACK_TLS_CERT_FILE")
                        ->check(CLI::ExistingFile)
                        ->needs(ca_file);
  app.add_option("--key-file", options.key_file, "PEM private key of --cert-file")
      ->envname("CLAIMTRACK_TLS_KEY_FILE")
      ->check(CLI::ExistingFile)
      ->needs(cert_file);
  cert_file->needs("--key-file");
  // The token is a credential: from the environment rather than the
  // command line (which other users can see) where possible.
  app.add_option("--token", options.token,
                 "Bearer token (prefer $CLAIMTRACK_TOKEN); needs --ca-file")
      ->envname("CLAIMTRACK_TOKEN")
      ->needs(ca_file);
  app.add_option("--timeout", options.timeout,
                 "Deadline of each call: 30, 30s, 2m, 500ms")
      ->capture_default_str()
      ->check([](const std::string& text) -> std::string {
        const auto timeout = ParseTimeout(text);
        // CLI11 prefixes the option name itself.
        return timeout.ok() ? ""
                            : std::string(absl::StripPrefix(
                                  timeout.status().message(), "--timeout: "));
      });
}

int ReportUsageError(const std::string& message) {
  std::cerr << "error: " << message << "\n"
            << "Run with --help for more information.\n";
  return kExitUsage;
}

Connection::Connection(const GlobalOptions& options, Service service)
    : service_(service),
      address_(service == Service::kIngestion ? options.ingestion_address
                                              : options.verification_address),
      analyst_(options.analyst),
      // Checked by the --timeout validator, so it parses.
      timeout_(ParseTimeout(options.timeout).value_or(absl::Seconds(30))) {
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(kMaxReceiveMessageBytes);
  // No retry policy: a CLI call that fails to connect should say so at
  // once, and the analyst re-runs the command.
  channel_ = grpc::CreateCustomChannel(address_, ChannelCredentials(options), arguments);
}

std::unique_ptr<grpc::ClientContext> Connection::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() +
                        absl::ToChronoMicroseconds(timeout_));
  if (!analyst_.empty()) {
    context->AddMetadata(kAnalystMetadataKey, analyst_);
  }
  return context;
}

int Connection::ReportError(const grpc::Status& status,
                            const std::string& hint) const {
  const grpc::StatusCode code = status.error_code();
  // UNAVAILABLE and DEADLINE_EXCEEDED mean "unreachable" only when the
  // channel never got a connection; from a connected server they are real
  // answers (shutting down; --wait outlasting the deadline).
  const bool connection_failed =
      (code == grpc::StatusCode::UNAVAILABLE ||
       code == grpc::StatusCode::DEADLINE_EXCEEDED) &&
      channel_->GetState(/*try_to_connect=*/false) != GRPC_CHANNEL_READY;
  if (connection_failed) {
    const ServiceInfo info = InfoFor(service_);
    std::cerr << "cannot reach the " << info.label << " service at " << address_
              << " (set " << info.flag << " or " << info.env
              << "); is it running?\n"
              << "  (" << StatusCodeName(code) << ": " << status.error_message()
              << ")\n";
    return kExitUnreachable;
  }
  std::cerr << "error: " << StatusCodeName(code) << ": "
            << status.error_message() << "\n";
  if (!hint.empty()) {
    std::cerr << hint << "\n";
  }
  return kExitRpcError;
}

}  // namespace claimtrack::cli
