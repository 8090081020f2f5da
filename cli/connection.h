#ifndef CLAIMTRACK_CLI_CONNECTION_H_
#define CLAIMTRACK_CLI_CONNECTION_H_

// Where the services are, how long a call may take, who is calling, and how
// a failed call is reported. Every command reaches a service through a
// Connection, so every call has a deadline and the analyst metadata, and
// every error reads the same way.

#include <grpcpp/grpcpp.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "common/status/grpc_status.h"

namespace claimtrack::cli {

// Exit codes. Usage errors and an unreachable service share 2: in both
// cases the command never got an answer and the fix is on the caller's side.
inline constexpr int kExitOk = 0;
inline constexpr int kExitRpcError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitUnreachable = 2;

inline constexpr char kAnalystMetadataKey[] = "x-claimtrack-analyst";

struct GlobalOptions {
  std::string ingestion_address = "127.0.0.1:50051";
  std::string verification_address = "127.0.0.1:50053";
  std::string analyst;
  std::string timeout = "30s";
  // TLS: the CA that verifies the servers; with it, optionally a client
  // certificate and key, and a bearer token. Empty: plaintext (local mode).
  std::string ca_file;
  std::string cert_file;
  std::string key_file;
  std::string token;
};

// Adds --ingestion, --verification, --analyst, --timeout, --ca-file,
// --cert-file, --key-file and --token (with their environment variables) to
// `app`; they may also follow a subcommand.
void AddGlobalOptions(CLI::App& app, GlobalOptions& options);

// Prints a usage error found after parsing (CLI11 reports its own) the way
// CLI11 does, and returns kExitUsage.
int ReportUsageError(const std::string& message);

enum class Service { kIngestion, kVerification };

class Connection {
 public:
  Connection(const GlobalOptions& options, Service service);

  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  const std::string& analyst() const { return analyst_; }

  // A fresh context per call: the --timeout deadline and the analyst.
  std::unique_ptr<grpc::ClientContext> NewContext() const;

  // Prints why `status` failed to stderr and returns the exit code: a clear
  // "cannot reach" naming the address and how to change it when the
  // channel never connected, else "error: CODE: message". `hint` (if not
  // empty) is printed on a second line for RPC errors.
  int ReportError(const grpc::Status& status,
                  const std::string& hint = "") const;

 private:
  Service service_;
  std::string address_;
  std::string analyst_;
  absl::Duration timeout_;
  std::shared_ptr<grpc::Channel> channel_;
};

using ::claimtrack::StatusCodeName;

// Fetches one page of a List call, or with `all` every page, into `merged`:
// repeated fields accumulate and `merged.next_page_token` is the last page's,
// so the result looks like a single page. `call(request, page)` makes one RPC.
template <typename Request, typename Response, typename Call>
grpc::Status FetchPages(Request request, bool all, Call call, Response& merged) {
  do {
    Response page;
    if (grpc::Status status = call(request, page); !status.ok()) {
      return status;
    }
    merged.MergeFrom(page);
    // MergeFrom keeps the old token when the new one is empty (proto3).
    merged.set_next_page_token(page.next_page_token());
    request.set_page_token(page.next_page_token());
  } while (all && !merged.next_page_token().empty());
  return grpc::Status::OK;
}

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_CONNECTION_H_
