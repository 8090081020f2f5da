// claimtrack-variant-bench: how the variant lookup scales with the store.
//
// Grows one claim store (the real SqliteClaimStore write path, durable
// commits) to each --sizes step and, at each step, times variant lookups on
// a separate connection configured like the store's writer (which runs the
// lookup in the service): shingles + MinHash signature, speaker resolution, the
// LSH band lookup and verification of the candidates (FindVariant in
// services/verification/claim_tracking.h). Half the lookups are one-word
// rewordings of a stored claim (they must be found), half are new text.
// For contrast it also times a brute-force scan (Jaccard against every
// stored claim) for a few lookups. Not a test: it measures and prints.

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/blocking_counter.h"
#include "absl/time/clock.h"
#include "common/sqlite/database.h"
#include "common/sqlite/statement_cache.h"
#include "services/verification/claim_tracking.h"
#include "services/verification/sqlite_claim_store.h"

ABSL_FLAG(std::string, sizes, "1000,10000,100000", "Store sizes (claims) to measure at.");
ABSL_FLAG(int, lookups, 2000, "Variant lookups per size (half rewordings, half new text).");
ABSL_FLAG(int, scan_lookups, 20, "Brute-force scan lookups per size, for contrast (0: none).");
ABSL_FLAG(int, speakers, 200, "Distinct speakers the claims are spread over.");
ABSL_FLAG(int, cache_mib, 32,
          "Page cache of the lookup connection in MiB. In the service the lookup runs on the "
          "store's writer connection, which has 32 MiB; 0 is SQLite's default (2 MiB).");
ABSL_FLAG(int, mmap_mib, 0,
          "Memory-map up to this many MiB of the database on the lookup connection (0: off, "
          "as in the service).");
ABSL_FLAG(std::string, work_dir, "", "Where the store goes (default: a new temp folder).");

namespace {

namespace cv = ::claimtrack::verification;
namespace type = ::claimtrack::type::v1;

// Quotes of 8 to 20 words from a Zipf-distributed vocabulary, so common
// words ("the", "of") are shared between unrelated quotes as in news text.
class TextGenerator {
 public:
  explicit TextGenerator(uint64_t seed) : random_(seed) {
    for (int i = 0; i < kVocabulary; ++i) {
      words_.push_back(absl::StrCat("w", i));
      weights_.push_back(1.0 / (i + 1));
    }
    pick_ = std::discrete_distribution<int>(weights_.begin(), weights_.end());
  }

  std::string Sentence() {
    const int length = std::uniform_int_distribution<int>(8, 20)(random_);
    std::vector<std::string> words;
    for (int i = 0; i < length; ++i) words.push_back(words_[pick_(random_)]);
    return absl::StrJoin(words, " ");
  }

  // `text` with one word replaced by a rare one.
  std::string Reword(const std::string& text) {
    std::vector<std::string> words = absl::StrSplit(text, ' ');
    const size_t at = std::uniform_int_distribution<size_t>(0, words.size() - 1)(random_);
    words[at] = absl::StrCat("changed", random_() % 1000000);
    return absl::StrJoin(words, " ");
  }

  size_t Index(size_t size) { return std::uniform_int_distribution<size_t>(0, size - 1)(random_); }

 private:
  static constexpr int kVocabulary = 5000;
  std::mt19937_64 random_;
  std::vector<std::string> words_;
  std::vector<double> weights_;
  std::discrete_distribution<int> pick_;
};

struct Stored {
  std::string text;
  int speaker;
};

type::Statement MakeStatement(const std::string& id, const std::string& text, int speaker) {
  type::Statement statement;
  statement.set_statement_id(id);
  statement.set_kind(type::STATEMENT_KIND_DIRECT_QUOTE);
  statement.set_content(text);
  statement.mutable_speaker()->set_name(absl::StrCat("Speaker Number", speaker));
  statement.mutable_speaker()->set_type(type::SPEAKER_TYPE_PERSON);
  return statement;
}

// CPU time of the calling thread: unlike wall time, not inflated when
// other processes on a shared machine preempt the lookup.
double ThreadCpuMicros() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<size_t>(p * values.size()))];
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  std::vector<size_t> sizes;
  for (absl::string_view part : absl::StrSplit(absl::GetFlag(FLAGS_sizes), ',')) {
    size_t size = 0;
    if (!absl::SimpleAtoi(part, &size) || size == 0) {
      std::fprintf(stderr, "--sizes: \"%s\" is not a positive number\n", std::string(part).c_str());
      return 2;
    }
    sizes.push_back(size);
  }
  std::sort(sizes.begin(), sizes.end());
  const int speakers = std::max(1, absl::GetFlag(FLAGS_speakers));
  std::string work_dir = absl::GetFlag(FLAGS_work_dir);
  if (work_dir.empty()) {
    work_dir = (std::filesystem::temp_directory_path() /
                absl::StrCat("claimtrack-variant-bench-", ::getpid()))
                   .string();
  }
  std::filesystem::remove_all(work_dir);
  std::filesystem::create_directories(work_dir);
  const std::string path = work_dir + "/verification.db";
  auto store = cv::SqliteClaimStore::Open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  auto reader = claimtrack::sqlite::Database::Open(path, {/*read_only=*/true});
  if (!reader.ok()) {
    std::fprintf(stderr, "%s\n", reader.status().ToString().c_str());
    return 1;
  }
  if (const int mib = absl::GetFlag(FLAGS_cache_mib); mib > 0) {
    if (absl::Status status = (*reader)->Exec(absl::StrCat("PRAGMA cache_size = -", mib * 1024));
        !status.ok()) {
      std::fprintf(stderr, "%s\n", status.ToString().c_str());
      return 1;
    }
  }
  if (const int mib = absl::GetFlag(FLAGS_mmap_mib); mib > 0) {
    if (absl::Status status =
            (*reader)->Exec(absl::StrCat("PRAGMA mmap_size = ", int64_t{mib} << 20));
        !status.ok()) {
      std::fprintf(stderr, "%s\n", status.ToString().c_str());
      return 1;
    }
  }
  claimtrack::sqlite::StatementCache statements(**reader);

  TextGenerator generator(20261128);
  std::vector<Stored> stored;
  int document = 0;
  std::printf("%-8s %-8s %-8s %-26s %-9s %-11s %-10s %-12s %s\n", "claims", "speakers", "lookups",
              "wall mean/p50/p99 (us)", "cpu (us)", "band hits", "found", "scan (us)", "load (s)");
  for (const size_t size : sizes) {
    // Grow the store: documents of 500 statements; every 10th statement
    // rewords an earlier one (real variants in the index).
    const auto load_start = std::chrono::steady_clock::now();
    std::vector<cv::DocumentStatements> documents;
    while (stored.size() < size) {
      cv::DocumentStatements doc;
      doc.document = absl::StrCat("documents/d", document++);
      doc.source.set_publisher(absl::StrCat("Publisher ", document % 50));
      for (int i = 0; i < 500 && stored.size() < size; ++i) {
        Stored next;
        if (stored.size() % 10 == 9) {
          const Stored& earlier = stored[generator.Index(stored.size())];
          next = {generator.Reword(earlier.text), earlier.speaker};
        } else {
          next = {generator.Sentence(), static_cast<int>(generator.Index(speakers))};
        }
        doc.statements.push_back(MakeStatement(absl::StrCat("s", i), next.text, next.speaker));
        stored.push_back(std::move(next));
      }
      documents.push_back(std::move(doc));
    }
    absl::BlockingCounter recorded(static_cast<int>(documents.size()));
    bool failed = false;
    for (cv::DocumentStatements& doc : documents) {
      (*store)->RecordStatements(std::move(doc), [&](absl::StatusOr<cv::RecordResult> result) {
        if (!result.ok()) {
          std::fprintf(stderr, "record: %s\n", result.status().ToString().c_str());
          failed = true;
        }
        recorded.DecrementCount();
      });
    }
    recorded.Wait();
    if (failed) return 1;
    const double load_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();

    // Lookups.
    const int lookups = absl::GetFlag(FLAGS_lookups);
    std::vector<double> micros;
    double cpu_micros = 0;
    size_t candidates = 0;
    int planted = 0;
    int found = 0;
    const int64_t now = absl::ToUnixMicros(absl::Now());
    claimtrack::type::v1::ArticleSource source;
    // The first `warmup` lookups fill the reader's page cache after the
    // growth step and are not counted.
    const int warmup = std::min(200, lookups);
    for (int i = 0; i < lookups + warmup; ++i) {
      const bool counted = i >= warmup;
      const bool reword = i % 2 == 0;
      Stored query;
      if (reword) {
        const Stored& base = stored[generator.Index(stored.size())];
        query = {generator.Reword(base.text), base.speaker};
        if (counted) ++planted;
      } else {
        // A speaker the store knows (new text, known speaker).
        query = {generator.Sentence(), stored[generator.Index(stored.size())].speaker};
      }
      const type::Statement statement = MakeStatement("q", query.text, query.speaker);
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = ThreadCpuMicros();
      const cv::TrackingInput input = cv::PrepareTracking(statement, source, now);
      absl::StatusOr<cv::SpeakerRef> speaker = cv::ResolveSpeaker(statements, *input.speaker, now);
      if (!speaker.ok()) {
        std::fprintf(stderr, "speaker: %s\n", speaker.status().ToString().c_str());
        return 1;
      }
      absl::StatusOr<std::optional<cv::VariantMatch>> match =
          cv::FindVariant(statements, 0, speaker->seq, input, now);
      const double cpu_end = ThreadCpuMicros();
      const auto end = std::chrono::steady_clock::now();
      if (!match.ok()) {
        std::fprintf(stderr, "lookup: %s\n", match.status().ToString().c_str());
        return 1;
      }
      if (!counted) continue;
      micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
      cpu_micros += cpu_end - cpu_start;
      if (reword && match->has_value()) ++found;
      // Claims sharing a band with the query (of which at most 8 are
      // verified), counted apart from the timing.
      auto keys = cv::BandKeys(input.signature, speaker->seq);
      absl::StatusOr<std::vector<int64_t>> read = cv::FindCandidates(statements, keys, 1000);
      if (read.ok() && counted) candidates += read->size();
    }

    // Brute force, for contrast: Jaccard against every stored claim.
    const int scans = absl::GetFlag(FLAGS_scan_lookups);
    double scan_micros = 0;
    for (int i = 0; i < scans; ++i) {
      const std::vector<uint64_t> shingles = cv::WordShingles(generator.Sentence());
      const auto start = std::chrono::steady_clock::now();
      auto query = statements.Get("SELECT text FROM claims");
      double best = 0;
      while (query.ok()) {
        absl::StatusOr<bool> row = (*query)->Step();
        if (!row.ok() || !*row) break;
        best = std::max(best, cv::Jaccard(shingles, cv::WordShingles((*query)->ColumnText(0))));
      }
      scan_micros += std::chrono::duration<double, std::micro>(
                         std::chrono::steady_clock::now() - start)
                         .count();
      if (best > 2) std::printf("impossible\n");  // keeps the loop from being optimised away
    }

    double mean = 0;
    for (double m : micros) mean += m;
    mean /= std::max<size_t>(1, micros.size());
    const std::string per_lookup = absl::StrFormat("%.1f / %.1f / %.1f", mean,
                                                   Percentile(micros, 0.5),
                                                   Percentile(micros, 0.99));
    const std::string scan = scans > 0 ? absl::StrFormat("%.0f", scan_micros / scans) : "-";
    std::printf("%-8zu %-8d %-8d %-26s %-9.1f %-11.2f %-10s %-12s %.1f\n", stored.size(),
                speakers, lookups, per_lookup.c_str(), cpu_micros / std::max(1, lookups),
                static_cast<double>(candidates) / std::max(1, lookups),
                absl::StrCat(found, "/", planted).c_str(), scan.c_str(), load_seconds);
    std::fflush(stdout);
  }
  (*store)->Close();
  std::filesystem::remove_all(work_dir);
  return 0;
}
