#include "common/metrics/rpc_metrics.h"

#include <chrono>
#include <string>

#include <prometheus/counter.h>
#include <prometheus/histogram.h>

#include "absl/strings/string_view.h"
#include "common/metrics/metrics.h"
#include "common/status/grpc_status.h"

namespace claimtrack::metrics {
namespace {

using ::grpc::experimental::InterceptionHookPoints;

struct RpcFamilies {
  prometheus::Family<prometheus::Counter>& handled;
  prometheus::Family<prometheus::Histogram>& latency;
};

RpcFamilies& Families() {
  static auto* families = new RpcFamilies{
      prometheus::BuildCounter()
          .Name("grpc_server_handled_total")
          .Help("RPCs completed on the server, by method and status code.")
          .Register(Registry()),
      prometheus::BuildHistogram()
          .Name("grpc_server_handling_seconds")
          .Help("Time from receiving an RPC to sending its status.")
          .Register(Registry())};
  return *families;
}

class RpcMetricsInterceptor final : public grpc::experimental::Interceptor {
 public:
  explicit RpcMetricsInterceptor(grpc::experimental::ServerRpcInfo* info) {
    // "/claimtrack.ingestion.v1.IngestionService/IngestArticle".
    absl::string_view method = info->method();
    method.remove_prefix(method.empty() ? 0 : 1);
    const size_t slash = method.find('/');
    service_ = std::string(method.substr(0, slash));
    method_ = slash == absl::string_view::npos ? "" : std::string(method.substr(slash + 1));
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      const grpc::StatusCode code = methods->GetSendStatus().error_code();
      RpcFamilies& families = Families();
      families
          .handled.Add({{"grpc_service", service_},
                        {"grpc_method", method_},
                        {"grpc_code", StatusCodeName(code)}})
          .Increment();
      families.latency
          .Add({{"grpc_service", service_}, {"grpc_method", method_}}, LatencyBuckets())
          .Observe(seconds);
    }
    methods->Proceed();
  }

 private:
  // Interceptors are created when the call arrives.
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::string service_;
  std::string method_;
};

class RpcMetricsInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new RpcMetricsInterceptor(info);
  }
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeRpcMetricsInterceptorFactory() {
  return std::make_unique<RpcMetricsInterceptorFactory>();
}

}  // namespace claimtrack::metrics
