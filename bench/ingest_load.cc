#include "bench/ingest_load.h"

#include <algorithm>
#include <memory>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/grpc/channel.h"

namespace claimtrack::bench {
namespace {

namespace v1 = ::claimtrack::ingestion::v1;

// Keeps `concurrency` calls going: each completion starts the next request.
class LoadDriver {
 public:
  LoadDriver(v1::IngestionService::Stub& stub,
             const std::vector<v1::IngestArticleRequest>& requests)
      : stub_(stub), requests_(requests) {
    result_.latencies_us.reserve(requests.size());
  }

  LoadResult Run(int concurrency) {
    const absl::Time start = absl::Now();
    for (int i = 0; i < concurrency; ++i) {
      StartNext();
    }
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](LoadDriver* self) ABSL_EXCLUSIVE_LOCKS_REQUIRED(self->mu_) {
          return self->completed_ == self->requests_.size();
        },
        this));
    result_.elapsed = absl::Now() - start;
    return std::move(result_);
  }

 private:
  struct Call {
    grpc::ClientContext context;
    v1::IngestArticleResponse response;
    absl::Time start;
  };

  void StartNext() {
    size_t index;
    {
      absl::MutexLock lock(&mu_);
      if (next_ == requests_.size()) {
        return;
      }
      index = next_++;
    }
    auto* call = new Call;
    call->context.set_deadline(DeadlineIn(absl::Seconds(60)));
    call->start = absl::Now();
    stub_.async()->IngestArticle(&call->context, &requests_[index], &call->response,
                                 [this, call](grpc::Status status) {
                                   const double latency_us =
                                       absl::ToDoubleMicroseconds(absl::Now() - call->start);
                                   delete call;
                                   StartNext();
                                   // Counted last: once the final call is
                                   // counted, Run() may return and destroy us.
                                   absl::MutexLock lock(&mu_);
                                   if (status.ok()) {
                                     result_.latencies_us.push_back(latency_us);
                                   } else {
                                     ++result_.errors;
                                   }
                                   ++completed_;
                                 });
  }

  v1::IngestionService::Stub& stub_;
  const std::vector<v1::IngestArticleRequest>& requests_;
  absl::Mutex mu_;
  size_t next_ ABSL_GUARDED_BY(mu_) = 0;
  size_t completed_ ABSL_GUARDED_BY(mu_) = 0;
  LoadResult result_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

double LoadResult::PercentileUs(double percentile) const {
  if (latencies_us.empty()) {
    return 0;
  }
  std::vector<double> sorted = latencies_us;
  const size_t rank = std::min(sorted.size() - 1,
                               static_cast<size_t>(percentile / 100.0 * sorted.size()));
  std::nth_element(sorted.begin(), sorted.begin() + rank, sorted.end());
  return sorted[rank];
}

LoadResult DriveIngest(v1::IngestionService::Stub& stub,
                       const std::vector<v1::IngestArticleRequest>& requests,
                       int concurrency) {
  if (requests.empty()) {
    return LoadResult{};
  }
  return LoadDriver(stub, requests).Run(concurrency);
}

}  // namespace claimtrack::bench
