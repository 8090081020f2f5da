// claimtrack-bench: drives the real pipeline (three service processes, durable
// SQLite stores) with generated articles and prints
//   - the bare echo server's IngestArticle rate with the same payloads (the
//     baseline, measured in the same run),
//   - the ingestion service's acknowledged-ingest rate and p50/p99 latency,
//     and its ratio to the baseline,
//   - end-to-end articles/s: from the first ingest call until every article
//     is DONE (statements extracted and recorded with verification).
// Not a test: it asserts nothing, it measures. See README "Performance".

#include <sched.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
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
ABSL_FLAG(int, rounds, 3, "Alternating echo/ingestion rounds; the median is reported.");
ABSL_FLAG(bool, pin, true,
          "In the echo/ingestion rounds, pin the server to CPU 0 and the load to CPU 1.");
ABSL_FLAG(bool, end_to_end, true,
          "After the echo/ingestion rounds, time the whole pipeline (false: skip it, for "
          "quicker comparisons of ingestion alone).");
ABSL_FLAG(std::string, work_dir, "", "Where stores and logs go (default: a new temp folder).");

namespace {

namespace v1 = ::claimtrack::ingestion::v1;
using ::claimtrack::bench::DriveIngest;
using ::claimtrack::bench::LoadResult;
using ::claimtrack::testing::Pipeline;
using ::claimtrack::testing::ServiceProcess;

std::unique_ptr<v1::IngestionService::Stub> Connect(const std::string& address) {
  return v1::IngestionService::NewStub(
      claimtrack::MakeServiceChannel(address, "claimtrack.ingestion.v1.IngestionService"));
}

// Articles [first, first + count): distinct URLs and texts, so every call
// stores a new document (re-sending one would take the idempotent path).
std::vector<v1::IngestArticleRequest> MakeRequests(int first, int count) {
  std::vector<v1::IngestArticleRequest> requests(count);
  for (int i = 0; i < count; ++i) {
    const auto article = claimtrack::testing::GenerateArticle(first + i);
    requests[i].mutable_article()->set_text(article.text);
    requests[i].mutable_article()->mutable_source()->set_url(article.url);
    requests[i].mutable_article()->mutable_source()->set_publisher(article.publisher);
  }
  return requests;
}

double AverageBytes(const std::vector<v1::IngestArticleRequest>& requests) {
  double total = 0;
  for (const auto& request : requests) {
    total += request.article().text().size();
  }
  return total / requests.size();
}

// Pins this process -- and the children it starts afterwards, which inherit
// the mask -- to `cpus`; empty means every CPU.
void PinTo(const std::vector<int>& cpus) {
  cpu_set_t set;
  CPU_ZERO(&set);
  const int available = static_cast<int>(std::thread::hardware_concurrency());
  for (int cpu = 0; cpu < available; ++cpu) {
    if (cpus.empty() || std::find(cpus.begin(), cpus.end(), cpu) != cpus.end()) {
      CPU_SET(cpu, &set);
    }
  }
  sched_setaffinity(0, sizeof(set), &set);
}

double MedianOf(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

LoadResult Median(std::vector<LoadResult> runs) {
  std::sort(runs.begin(), runs.end(), [](const LoadResult& a, const LoadResult& b) {
    return a.CallsPerSecond() < b.CallsPerSecond();
  });
  return runs[runs.size() / 2];
}

void PrintLoad(const char* label, const LoadResult& result) {
  std::printf("%-30s %9.0f calls/s   p50 %7.0f us   p99 %7.0f us   errors %d\n", label,
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
  const int rounds = absl::GetFlag(FLAGS_rounds);
  const std::string work_dir = WorkDir();
  const bool pinned = absl::GetFlag(FLAGS_pin) && std::thread::hardware_concurrency() >= 2;

  // Part 1, the server's own cost per call: the echo baseline and the
  // ingestion service, each alone on CPU 0 with the load generator on CPU 1,
  // in alternating rounds so both see the same machine. Extraction is
  // stopped, so ingestion only validates, cleans and durably commits (the
  // documents wait in the outbox, as they do whenever extraction is down).
  if (pinned) PinTo({0});
  auto echo = ServiceProcess::Start("claimtrack-echo-server", {}, work_dir);
  std::filesystem::create_directories(work_dir + "/alone");
  std::filesystem::create_directories(work_dir + "/end_to_end");
  auto alone = Pipeline::Start(work_dir + "/alone");
  if (!echo.ok() || !alone.ok()) {
    std::fprintf(stderr, "start-up failed: %s %s\n", echo.status().ToString().c_str(),
                 alone.status().ToString().c_str());
    return EXIT_FAILURE;
  }
  (*alone)->Stop(Pipeline::Service::kExtraction, /*crash=*/false);
  if (pinned) PinTo({1});

  auto echo_stub = Connect((*echo)->address());
  auto alone_stub = Connect((*alone)->address(Pipeline::Service::kIngestion));
  const auto warm_up = MakeRequests(1000000, std::min(count, 500));
  DriveIngest(*echo_stub, warm_up, concurrency);
  DriveIngest(*alone_stub, warm_up, concurrency);
  std::vector<LoadResult> echo_runs;
  std::vector<LoadResult> ingest_runs;
  std::vector<double> echo_cpu_us;  // server CPU per call, each round
  std::vector<double> ingest_cpu_us;
  double payload_bytes = 0;
  for (int round = 0; round < rounds; ++round) {
    const auto requests = MakeRequests(round * count, count);
    payload_bytes = AverageBytes(requests);
    double cpu = (*echo)->CpuSeconds();
    echo_runs.push_back(DriveIngest(*echo_stub, requests, concurrency));
    echo_cpu_us.push_back(((*echo)->CpuSeconds() - cpu) * 1e6 / count);
    cpu = (*alone)->CpuSeconds(Pipeline::Service::kIngestion);
    ingest_runs.push_back(DriveIngest(*alone_stub, requests, concurrency));
    ingest_cpu_us.push_back(
        ((*alone)->CpuSeconds(Pipeline::Service::kIngestion) - cpu) * 1e6 / count);
  }
  (*echo)->Terminate();
  alone->reset();

  const LoadResult baseline = Median(echo_runs);
  const LoadResult ingest = Median(ingest_runs);
  std::printf("claimtrack-bench: %d articles a round (%.0f bytes of text each), %d calls in "
              "flight, %d rounds, %s; stores under %s\n\n",
              count, payload_bytes, concurrency, rounds,
              pinned ? "server on CPU 0, load on CPU 1" : "unpinned", work_dir.c_str());
  std::printf("median of %d rounds:\n", rounds);
  PrintLoad("  echo baseline (no work)", baseline);
  PrintLoad("  ingestion (durable ack)", ingest);
  std::printf("%-30s %9.1f %%\n", "  ingestion / echo", 100.0 * ingest.CallsPerSecond() /
                                                          baseline.CallsPerSecond());
  std::printf("%-30s %9.1f us echo, %.1f us ingestion (median; steadier than rates on a "
              "busy machine)\n",
              "  server CPU per call", MedianOf(echo_cpu_us), MedianOf(ingest_cpu_us));
  if (!absl::GetFlag(FLAGS_end_to_end)) {
    return EXIT_SUCCESS;
  }
  std::fflush(stdout);

  // Part 2, end to end: all three services on all CPUs, from the first
  // ingest call until every article is DONE (extracted, recorded durably).
  PinTo({});
  auto pipeline = Pipeline::Start(work_dir + "/end_to_end");
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().ToString().c_str());
    return EXIT_FAILURE;
  }
  auto stub = Connect((*pipeline)->address(Pipeline::Service::kIngestion));
  const auto requests = MakeRequests(rounds * count, count);
  const absl::Time start = absl::Now();
  const LoadResult during = DriveIngest(*stub, requests, concurrency);
  while (PendingDocuments(*stub) != 0) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  const absl::Duration end_to_end = absl::Now() - start;
  const int64_t statements = RecordedStatements(*stub);
  std::printf("\nend to end, three services on all CPUs:\n");
  PrintLoad("  ingestion while processing", during);
  std::printf("%-30s %9.0f articles/s  (%d articles, %lld statements recorded, %.2f s)\n",
              "  ack -> claims recorded", count / absl::ToDoubleSeconds(end_to_end), count,
              static_cast<long long>(statements), absl::ToDoubleSeconds(end_to_end));
  return EXIT_SUCCESS;
}
