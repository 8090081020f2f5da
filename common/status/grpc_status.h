#ifndef CLAIMTRACK_COMMON_STATUS_GRPC_STATUS_H_
#define CLAIMTRACK_COMMON_STATUS_GRPC_STATUS_H_

#include <string>

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace claimtrack {

// The one place where domain errors (absl::Status) become RPC errors. The
// canonical codes are numerically identical in both libraries, so the mapping
// is a cast; it lives here so that every service maps the same way.
grpc::Status ToGrpcStatus(const absl::Status& status);

// The inverse, for clients that hand RPC errors to domain code.
absl::Status FromGrpcStatus(const grpc::Status& status);

// "NOT_FOUND", "ABORTED", ...: the canonical name of a code.
std::string StatusCodeName(grpc::StatusCode code);

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_STATUS_GRPC_STATUS_H_
