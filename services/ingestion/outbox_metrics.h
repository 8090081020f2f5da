#ifndef CLAIMTRACK_SERVICES_INGESTION_OUTBOX_METRICS_H_
#define CLAIMTRACK_SERVICES_INGESTION_OUTBOX_METRICS_H_

#include <vector>

#include <prometheus/collectable.h>
#include <prometheus/metric_family.h>

#include "services/ingestion/document_store.h"

namespace claimtrack::ingestion {

// The outbox as Prometheus sees it, read from the store at each scrape:
// claimtrack_outbox_documents (undelivered documents) and
// claimtrack_outbox_oldest_age_seconds (how long the oldest has waited; 0
// when none). Scrape-time rather than updated by the dispatcher, so the
// figures are right even while delivery is stuck, which is when they matter.
class OutboxMetrics final : public prometheus::Collectable {
 public:
  // `store` must outlive this.
  explicit OutboxMetrics(DocumentStore* store) : store_(store) {}

  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  DocumentStore* store_;
};

}  // namespace claimtrack::ingestion

#endif  // CLAIMTRACK_SERVICES_INGESTION_OUTBOX_METRICS_H_
