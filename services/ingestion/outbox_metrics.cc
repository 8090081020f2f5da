#include "services/ingestion/outbox_metrics.h"

#include <algorithm>
#include <string>

#include "absl/time/clock.h"
#include "spdlog/spdlog.h"

namespace claimtrack::ingestion {
namespace {

prometheus::MetricFamily Gauge(std::string name, std::string help, double value) {
  prometheus::MetricFamily family;
  family.name = std::move(name);
  family.help = std::move(help);
  family.type = prometheus::MetricType::Gauge;
  prometheus::ClientMetric metric;
  metric.gauge.value = value;
  family.metric.push_back(metric);
  return family;
}

}  // namespace

std::vector<prometheus::MetricFamily> OutboxMetrics::Collect() const {
  absl::StatusOr<OutboxStats> stats = store_->GetOutboxStats();
  if (!stats.ok()) {
    // A scrape without these two is better than a failed scrape.
    spdlog::warn("metrics: reading the outbox failed: {}", stats.status().ToString());
    return {};
  }
  const double age =
      stats->oldest_create_time.has_value()
          ? std::max(0.0, absl::ToDoubleSeconds(absl::Now() - *stats->oldest_create_time))
          : 0.0;
  return {Gauge("claimtrack_outbox_documents",
                "Documents stored but not yet processed (RECEIVED or EXTRACTING).",
                static_cast<double>(stats->undelivered)),
          Gauge("claimtrack_outbox_oldest_age_seconds",
                "How long the oldest unprocessed document has waited; 0 when none.", age)};
}

}  // namespace claimtrack::ingestion
