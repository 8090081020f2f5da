#include "common/metrics/metrics.h"

#include <exception>

#include "absl/strings/str_cat.h"

namespace claimtrack::metrics {

namespace {

std::shared_ptr<prometheus::Registry>& RegistryPointer() {
  // Never destroyed: components may record during static destruction.
  static auto* registry = new std::shared_ptr<prometheus::Registry>(
      std::make_shared<prometheus::Registry>());
  return *registry;
}

std::vector<std::shared_ptr<prometheus::Collectable>>& Collectables() {
  static auto* collectables = new std::vector<std::shared_ptr<prometheus::Collectable>>;
  return *collectables;
}

}  // namespace

prometheus::Registry& Registry() { return *RegistryPointer(); }

void RegisterCollectable(std::shared_ptr<prometheus::Collectable> collectable) {
  Collectables().push_back(std::move(collectable));
}

prometheus::Histogram::BucketBoundaries LatencyBuckets() {
  return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
          0.025,  0.05,    0.1,    0.25,  0.5,    1,     2.5, 5, 10};
}

absl::StatusOr<std::unique_ptr<MetricsEndpoint>> MetricsEndpoint::Start(
    const std::string& address) {
  std::unique_ptr<prometheus::Exposer> exposer;
  try {
    // One thread: scrapes are rare and small.
    exposer = std::make_unique<prometheus::Exposer>(address, /*num_threads=*/1);
  } catch (const std::exception& error) {
    return absl::UnavailableError(
        absl::StrCat("--metrics_listen: cannot listen on ", address, ": ", error.what()));
  }
  exposer->RegisterCollectable(RegistryPointer());
  for (const std::shared_ptr<prometheus::Collectable>& collectable : Collectables()) {
    exposer->RegisterCollectable(collectable);
  }
  const std::vector<int> ports = exposer->GetListeningPorts();
  return std::unique_ptr<MetricsEndpoint>(
      new MetricsEndpoint(std::move(exposer), ports.empty() ? 0 : ports.front()));
}

}  // namespace claimtrack::metrics
