#ifndef CLAIMTRACK_COMMON_METRICS_METRICS_H_
#define CLAIMTRACK_COMMON_METRICS_METRICS_H_

#include <memory>
#include <string>
#include <vector>

#include <prometheus/collectable.h>
#include <prometheus/exposer.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "absl/status/statusor.h"

// Prometheus metrics (prometheus-cpp from Debian): one registry per process
// that every instrumented component adds its families to, served as text on
// an admin HTTP port (--metrics_listen).
namespace claimtrack::metrics {

// The process's registry.
prometheus::Registry& Registry();

// Buckets for latencies in seconds, 100 us to 10 s: RPCs, commits,
// extraction.
prometheus::Histogram::BucketBoundaries LatencyBuckets();

// Adds metrics computed when Prometheus scrapes (gauges read from a store,
// say) to what the endpoint serves. Register before the endpoint starts.
void RegisterCollectable(std::shared_ptr<prometheus::Collectable> collectable);

// GET /metrics on `address` (host:port; port 0 picks one), serving
// Registry() and the registered collectables. Stops when destroyed.
class MetricsEndpoint {
 public:
  static absl::StatusOr<std::unique_ptr<MetricsEndpoint>> Start(const std::string& address);

  int port() const { return port_; }

 private:
  MetricsEndpoint(std::unique_ptr<prometheus::Exposer> exposer, int port)
      : exposer_(std::move(exposer)), port_(port) {}

  std::unique_ptr<prometheus::Exposer> exposer_;
  int port_;
};

}  // namespace claimtrack::metrics

#endif  // CLAIMTRACK_COMMON_METRICS_METRICS_H_
