#include "tests/support/health_check.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include "absl/synchronization/notification.h"
#include "common/grpc/channel.h"

namespace claimtrack::testing {

// Debian ships no generated code for grpc/health/v1/health.proto, and the two
// messages are one field each, so they are encoded here by hand with a
// generic stub: HealthCheckRequest{string service = 1} and
// HealthCheckResponse{ServingStatus status = 1}.
absl::StatusOr<int> CheckHealth(const std::string& address, const std::string& service) {
  std::string request = {'\x0A', static_cast<char>(service.size())};
  request += service;
  grpc::Slice slice(request);
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response_buffer;

  grpc::GenericStub stub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(DeadlineIn(absl::Seconds(5)));
  absl::Notification done;
  grpc::Status status;
  stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(),
                 &request_buffer, &response_buffer, [&](grpc::Status result) {
                   status = std::move(result);
                   done.Notify();
                 });
  done.WaitForNotification();
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                        status.error_message());
  }
  std::vector<grpc::Slice> slices;
  response_buffer.Dump(&slices);
  std::string response;
  for (const grpc::Slice& part : slices) {
    response.append(reinterpret_cast<const char*>(part.begin()), part.size());
  }
  // An empty message means status 0 (UNKNOWN): proto3 omits default values.
  if (response.size() >= 2 && response[0] == '\x08') {
    return static_cast<int>(response[1]);
  }
  return 0;
}

}  // namespace claimtrack::testing
