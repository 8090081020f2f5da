#ifndef CLAIMTRACK_COMMON_GRPC_CHANNEL_H_
#define CLAIMTRACK_COMMON_GRPC_CHANNEL_H_

#include <chrono>
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/time/time.h"

namespace claimtrack {

// A channel for calls between the services. It balances calls round-robin
// over every address `address` resolves to (a DNS name with several
// records, or "ipv4:10.0.0.1:50052,10.0.0.2:50052"). Its service config retries
// UNAVAILABLE (the peer restarting, a connection reset) with exponential
// backoff, so a blip never reaches the caller; what is still failing after
// the attempts is the caller's to handle (the ingestion outbox retries for
// as long as it takes). `service` is the fully-qualified service name the
// retry policy applies to. `credentials` null means plaintext
// (security::MakeChannelCredentials makes the TLS ones).
std::shared_ptr<grpc::Channel> MakeServiceChannel(
    const std::string& address, const std::string& service, int max_message_bytes = 16 << 20,
    std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr);

// A system_clock deadline `timeout` from now, the form gRPC accepts.
inline std::chrono::system_clock::time_point DeadlineIn(absl::Duration timeout) {
  return std::chrono::system_clock::now() + absl::ToChronoMicroseconds(timeout);
}

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_GRPC_CHANNEL_H_
