#ifndef CLAIMTRACK_COMMON_METRICS_RPC_METRICS_H_
#define CLAIMTRACK_COMMON_METRICS_RPC_METRICS_H_

#include <memory>

#include <grpcpp/support/server_interceptor.h>

namespace claimtrack::metrics {

// A server interceptor that counts every call by method and status code
// (grpc_server_handled_total{grpc_service, grpc_method, grpc_code}) and
// records its latency (grpc_server_handling_seconds{grpc_service,
// grpc_method}), the names go-grpc-prometheus made common.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeRpcMetricsInterceptorFactory();

}  // namespace claimtrack::metrics

#endif  // CLAIMTRACK_COMMON_METRICS_RPC_METRICS_H_
