// claimtrack-bench: drives the real pipeline (three service processes, durable
// SQLite stores) with generated articles and prints
//   - the bare echo server's IngestArticle rate with the same payloads (the
//     baseline, measured in the same run),
//   - the ingestion service's acknowledged-ingest rate and p50/p99 latency,
//     and its ratio to the baseline,
//   - end-to-end articles/s: from the first ingest call until every article
//     is DONE (statements extracted and recorded with verification).
// Not a test: it asserts nothing, it measures. See README "Performance".

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/time/clock.h"
#include "bench/ingest_load.h"
#include "common/grpc/channel.h"
#include "tests/support/article_generator.h"
#include "tests/support/pipeline.h"
#include "tests/support/service_process.h"

ABSL_FLAG(int, articles, 5000, "How many articles to ingest.");
ABSL_FLAG(int, concurrency, 64, "Ingest calls in flight.");
ABSL_FLAG(std::string, work_dir, "", "Where stores and logs go (default: a new temp folder).");

namespace {

namespace v1 = ::claimtrack::ingestion::v1;
using ::claimtrack::bench::DriveIngest;
using ::claimtrack::bench::LoadResult;
using ::claimtrack::testing::Pipeline;

std::vector<v1::IngestArticleRequest> MakeRequests(int count, size_t* total_bytes) {
  std::vector<v1::IngestArticleRequest> requests(count);
  *total_bytes = 0;
  for (int i = 0; i < count; ++i) {
    const auto article = claimtrack::testing::GenerateArticle(i);
    requests[i].mutable_article()->set_text(article.text);
    requests[i].mutable_article()->mutable_source()->set_url(article.url);
    requests[i].mutable_article()->mutable_source()->set_publisher(article.publisher);
    *total_bytes += article.text.size();
  }
  return requests;
}

void PrintLoad(const char* label, const LoadResult& result) {
  std::printf("%-28s %9.0f calls/s   p50 %7.0f us   p99 %7.0f us   errors %d\n", label,
              result.CallsPerSecond(), result.PercentileUs(50), result.PercentileUs(99),
              result.errors);
}

int PendingDocuments(v1::IngestionService::Stub& stub) {
  int pending = 0;
  for (auto state : {v1::PROCESSING_STATE_RECEIVED, v1::PROCESSING_STATE_EXTRACTING}) {
    v1::ListDocumentsRequest request;
    request.set_state(state);
    request.set_page_size(1);
    grpc::ClientContext context;
    context.set_deadline(claimtrack::DeadlineIn(absl::Seconds(10)));
    v1::ListDocumentsResponse response;
    if (!stub.ListDocuments(&context, request, &response).ok()) {
      return -1;
    }
    pending += response.documents_size();
  }
  return pending;
}

int64_t RecordedStatements(v1::IngestionService::Stub& stub) {
  int64_t total = 0;
  v1::ListDocumentsRequest request;
  request.set_page_size(1000);
  do {
    grpc::ClientContext context;
    v1::ListDocumentsResponse response;
    if (!stub.ListDocuments(&context, request, &response).ok()) {
      return -1;
    }
    for (const auto& document : response.documents()) {
      total += document.statement_count();
    }
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  return total;
}

std::string WorkDir() {
  std::string dir = absl::GetFlag(FLAGS_work_dir);
  if (dir.empty()) {
    dir = "/tmp/claimtrack-bench.XXXXXX";
    if (mkdtemp(dir.data()) == nullptr) {
      std::perror("mkdtemp");
      std::exit(EXIT_FAILURE);
    }
  }
  return dir;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int count = absl::GetFlag(FLAGS_articles);
  const int concurrency = absl::GetFlag(FLAGS_concurrency);
  const std::string work_dir = WorkDir();
  size_t total_bytes = 0;
  const std::vector<v1::IngestArticleRequest> requests = MakeRequests(count, &total_bytes);
  std::printf("claimtrack-bench: %d generated articles (%.0f bytes each on average), "
              "%d calls in flight, stores under %s\n\n",
              count, static_cast<double>(total_bytes) / count, concurrency, work_dir.c_str());

  // Baseline: the same payloads against a server that does nothing.
  auto echo = claimtrack::testing::ServiceProcess::Start("claimtrack-echo-server", {}, work_dir);
  if (!echo.ok()) {
    std::fprintf(stderr, "%s\n", echo.status().ToString().c_str());
    return EXIT_FAILURE;
  }
  auto echo_stub = v1::IngestionService::NewStub(
      claimtrack::MakeServiceChannel((*echo)->address(), "claimtrack.ingestion.v1.IngestionService"));
  DriveIngest(*echo_stub, {requests.begin(), requests.begin() + std::min(count, 500)},
              concurrency);  // warm-up
  const LoadResult baseline = DriveIngest(*echo_stub, requests, concurrency);
  (*echo)->Terminate();

  // The real pipeline, durable stores and all.
  auto pipeline = Pipeline::Start(work_dir);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().ToString().c_str());
    return EXIT_FAILURE;
  }
  auto stub = v1::IngestionService::NewStub(claimtrack::MakeServiceChannel(
      (*pipeline)->address(Pipeline::Service::kIngestion),
      "claimtrack.ingestion.v1.IngestionService"));
  const absl::Time start = absl::Now();
  const LoadResult ingest = DriveIngest(*stub, requests, concurrency);
  while (PendingDocuments(*stub) != 0) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  const absl::Duration end_to_end = absl::Now() - start;
  const int64_t statements = RecordedStatements(*stub);

  PrintLoad("echo baseline (no work)", baseline);
  PrintLoad("ingestion (durable ack)", ingest);
  std::printf("%-28s %9.1f %%  of the echo baseline\n", "ingestion / echo",
              100.0 * ingest.CallsPerSecond() / baseline.CallsPerSecond());
  std::printf("%-28s %9.0f articles/s  (%d articles, %lld statements recorded, %.2f s)\n",
              "end to end (ack -> recorded)", count / absl::ToDoubleSeconds(end_to_end), count,
              static_cast<long long>(statements), absl::ToDoubleSeconds(end_to_end));
  return EXIT_SUCCESS;
}
