#ifndef CLAIMTRACK_COMMON_METRICS_STORE_METRICS_H_
#define CLAIMTRACK_COMMON_METRICS_STORE_METRICS_H_

namespace claimtrack::metrics {

// Records every SQLite group commit of this process:
// claimtrack_store_commit_seconds{database} (statements plus the durable
// COMMIT) and claimtrack_store_commit_writes{database} (writes per commit,
// which says how well group commit is batching).
void ExportStoreCommitMetrics();

}  // namespace claimtrack::metrics

#endif  // CLAIMTRACK_COMMON_METRICS_STORE_METRICS_H_
