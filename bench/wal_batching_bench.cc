// claimtrack-wal-bench: what gathering a commit's WAL writes saves
// (common/sqlite/wal_write_batching.h).
//
// Writes rows shaped like ingestion's documents (a random unique id, a URL
// index, ~570 bytes of text) in group commits of --batch rows through
// Database, durably (WAL, synchronous=FULL), with WAL-write batching off and
// on in alternating rounds of one process, and prints the process's CPU time
// and the wall time per row for each. Not a test: it measures and prints.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "common/sqlite/database.h"

ABSL_FLAG(int, batch, 64, "Rows per commit (a group commit of this many documents).");
ABSL_FLAG(int, commits, 300, "Commits per round.");
ABSL_FLAG(int, rounds, 6, "Rounds, alternating batching off and on.");
ABSL_FLAG(std::string, work_dir, "", "Where the databases go (default: a new temp folder).");

namespace {

using claimtrack::sqlite::Database;

double CpuSeconds() {
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Cost {
  double cpu_us_per_row;
  double wall_us_per_row;
};

Cost Round(const std::string& path, bool batching, std::mt19937_64& rng) {
  auto db = Database::Open(path, {.batch_wal_writes = batching});
  if (!db.ok() ||
      !(*db)->Exec("CREATE TABLE documents (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
                   "url TEXT NOT NULL, text TEXT NOT NULL);"
                   "CREATE INDEX documents_by_url ON documents(url);")
           .ok()) {
    std::fprintf(stderr, "claimtrack-wal-bench: cannot create %s\n", path.c_str());
    std::exit(1);
  }
  auto insert = (*db)->Prepare("INSERT INTO documents (id, url, text) VALUES (?1, ?2, ?3)");
  const std::string text(570, 'a');
  const int batch = absl::GetFlag(FLAGS_batch);
  const int commits = absl::GetFlag(FLAGS_commits);
  const double cpu_start = CpuSeconds();
  const auto wall_start = std::chrono::steady_clock::now();
  for (int c = 0; c < commits; ++c) {
    bool ok = (*db)->Exec("BEGIN").ok();
    for (int i = 0; i < batch && ok; ++i) {
      insert->Bind(1, absl::StrCat(rng())).Bind(2, absl::StrCat("https://example.com/", rng()));
      ok = insert->Bind(3, text).Run().ok();
      insert->Reset();
    }
    if (!ok || !(*db)->Exec("COMMIT").ok()) {
      std::fprintf(stderr, "claimtrack-wal-bench: a write failed\n");
      std::exit(1);
    }
  }
  const double rows = static_cast<double>(batch) * commits;
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wall_start;
  return {(CpuSeconds() - cpu_start) * 1e6 / rows, wall.count() * 1e6 / rows};
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  std::string dir = absl::GetFlag(FLAGS_work_dir);
  if (dir.empty()) {
    dir = std::filesystem::temp_directory_path() / "claimtrack-wal-bench";
  }
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::printf("claimtrack-wal-bench: %d rows a commit, %d commits a round, %d rounds; under %s\n",
              absl::GetFlag(FLAGS_batch), absl::GetFlag(FLAGS_commits),
              absl::GetFlag(FLAGS_rounds), dir.c_str());
  std::mt19937_64 rng(1);
  std::vector<double> cpu[2], wall[2];
  for (int r = 0; r < absl::GetFlag(FLAGS_rounds); ++r) {
    const bool batching = r % 2 == 1;
    const Cost cost = Round(absl::StrCat(dir, "/round", r, ".db"), batching, rng);
    cpu[batching].push_back(cost.cpu_us_per_row);
    wall[batching].push_back(cost.wall_us_per_row);
    std::printf("  round %d, batching %-3s  %6.1f us CPU, %6.1f us wall per row\n", r + 1,
                batching ? "on" : "off", cost.cpu_us_per_row, cost.wall_us_per_row);
  }
  std::printf("median: batching off %.1f us CPU / %.1f us wall per row, on %.1f / %.1f\n",
              Median(cpu[0]), Median(wall[0]), Median(cpu[1]), Median(wall[1]));
  std::filesystem::remove_all(dir);
  return 0;
}
