#ifndef CLAIMTRACK_TESTS_SUPPORT_HEALTH_CHECK_H_
#define CLAIMTRACK_TESTS_SUPPORT_HEALTH_CHECK_H_

#include <string>

#include "absl/status/statusor.h"

namespace claimtrack::testing {

// grpc.health.v1.Health/Check against `address` for `service` ("" = the
// server as a whole). Returns the reported status: 1 SERVING, 2 NOT_SERVING,
// or the RPC error (NOT_FOUND for an unknown service name).
absl::StatusOr<int> CheckHealth(const std::string& address, const std::string& service);

}  // namespace claimtrack::testing

#endif  // CLAIMTRACK_TESTS_SUPPORT_HEALTH_CHECK_H_
