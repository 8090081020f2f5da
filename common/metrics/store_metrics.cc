#include "common/metrics/store_metrics.h"

#include <string>

#include <prometheus/histogram.h>

#include "common/metrics/metrics.h"
#include "common/sqlite/group_committer.h"

namespace claimtrack::metrics {
namespace {

struct StoreFamilies {
  prometheus::Family<prometheus::Histogram>& seconds;
  prometheus::Family<prometheus::Histogram>& writes;
};

StoreFamilies& Families() {
  static auto* families = new StoreFamilies{
      prometheus::BuildHistogram()
          .Name("claimtrack_store_commit_seconds")
          .Help("Duration of a group commit: its statements and the durable COMMIT.")
          .Register(Registry()),
      prometheus::BuildHistogram()
          .Name("claimtrack_store_commit_writes")
          .Help("Writes (acknowledged calls) per group commit.")
          .Register(Registry())};
  return *families;
}

void RecordCommit(const std::string& database, absl::Duration elapsed, size_t writes) {
  StoreFamilies& families = Families();
  families.seconds.Add({{"database", database}}, LatencyBuckets())
      .Observe(absl::ToDoubleSeconds(elapsed));
  families.writes
      .Add({{"database", database}},
           prometheus::Histogram::BucketBoundaries{1, 2, 4, 8, 16, 32, 64, 128, 256, 512})
      .Observe(static_cast<double>(writes));
}

}  // namespace

void ExportStoreCommitMetrics() { sqlite::SetCommitObserver(&RecordCommit); }

}  // namespace claimtrack::metrics
