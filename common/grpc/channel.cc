#include "common/grpc/channel.h"

#include "absl/strings/substitute.h"

namespace claimtrack {

std::shared_ptr<grpc::Channel> MakeServiceChannel(
    const std::string& address, const std::string& service, int max_message_bytes,
    std::shared_ptr<grpc::ChannelCredentials> credentials) {
  grpc::ChannelArguments arguments;
  // round_robin: calls spread over every address the name resolves to (a
  // headless Service's pods, or an "ipv4:a:p,b:p" list) instead of pinning
  // one; servers cap connection age so that new replicas get a share.
  arguments.SetServiceConfigJSON(absl::Substitute(R"json({
    "loadBalancingConfig": [{"round_robin": {}}],
    "methodConfig": [{
      "name": [{"service": "$0"}],
      "retryPolicy": {
        "maxAttempts": 4,
        "initialBackoff": "0.1s",
        "maxBackoff": "1s",
        "backoffMultiplier": 2,
        "retryableStatusCodes": ["UNAVAILABLE"]
      }
    }]
  })json", service));
  arguments.SetMaxReceiveMessageSize(max_message_bytes);
  arguments.SetMaxSendMessageSize(max_message_bytes);
  // Reconnect quickly after a peer restarts instead of waiting out the
  // default backoff of up to two minutes.
  arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  return grpc::CreateCustomChannel(
      address, credentials != nullptr ? credentials : grpc::InsecureChannelCredentials(),
      arguments);
}

}  // namespace claimtrack
