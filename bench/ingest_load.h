#ifndef CLAIMTRACK_BENCH_INGEST_LOAD_H_
#define CLAIMTRACK_BENCH_INGEST_LOAD_H_

#include <vector>

#include "absl/time/time.h"
#include "claimtrack/ingestion/v1/ingestion_service.grpc.pb.h"

namespace claimtrack::bench {

struct LoadResult {
  absl::Duration elapsed;
  std::vector<double> latencies_us;  // one per successful call
  int errors = 0;

  double CallsPerSecond() const {
    return latencies_us.size() / absl::ToDoubleSeconds(elapsed);
  }
  double PercentileUs(double percentile) const;
};

// Sends every request with `concurrency` calls in flight on the callback
// API: a sync client would saturate before the server does (PLATFORM.md).
LoadResult DriveIngest(claimtrack::ingestion::v1::IngestionService::Stub& stub,
                       const std::vector<claimtrack::ingestion::v1::IngestArticleRequest>& requests,
                       int concurrency);

}  // namespace claimtrack::bench

#endif  // CLAIMTRACK_BENCH_INGEST_LOAD_H_
