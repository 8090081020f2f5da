// claimtrack-extract: evaluation front end of the attribution engine.
//
//   claimtrack-extract --input DOCS.jsonl --output PRED.jsonl
//
// Reads one JSON object a line ("doc_id", "text"; other fields ignored) and
// writes {"doc_id", "attributions"} a line, in the format of the evaluation
// corpus. One document is held at a time, so memory stays flat. Prints the
// engine's throughput (engine time only) to stderr: wall-clock, and the
// CPU time of the engine's thread, which other load on the machine does not
// inflate (the "one core" figure).
#include <time.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "CLI/CLI.hpp"
#include "nlohmann/json.hpp"
#include "services/extraction/engine/attribution_engine.h"
#include "tools/extract/prediction.h"

namespace {

// CPU time consumed by the calling thread.
std::chrono::nanoseconds ThreadCpuTime() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Runs the attribution engine over a JSON-lines corpus."};
  std::string input_path;
  std::string output_path;
  app.add_option("--input", input_path, "JSON lines with doc_id and text")
      ->required();
  app.add_option("--output", output_path, "predictions, JSON lines")
      ->required();
  CLI11_PARSE(app, argc, argv);

  std::ifstream in(input_path);
  if (!in) {
    std::cerr << "claimtrack-extract: cannot open --input " << input_path
              << "\n";
    return 1;
  }
  std::ofstream out(output_path);
  if (!out) {
    std::cerr << "claimtrack-extract: cannot open --output " << output_path
              << "\n";
    return 1;
  }
  const claimtrack::engine::AttributionEngine engine;
  std::chrono::steady_clock::duration engine_time{};
  std::chrono::nanoseconds engine_cpu{};
  uint64_t bytes = 0;
  uint64_t documents = 0;
  uint64_t attributions = 0;
  std::string line;
  for (uint64_t line_no = 1; std::getline(in, line); ++line_no) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("text") ||
        !doc["text"].is_string() || !doc.contains("doc_id")) {
      std::cerr << "claimtrack-extract: " << input_path << ":" << line_no
                << ": not a JSON object with doc_id and text (string)\n";
      return 1;
    }
    const std::string& text = doc["text"].get_ref<const std::string&>();
    const auto start = std::chrono::steady_clock::now();
    const auto cpu_start = ThreadCpuTime();
    const std::vector<claimtrack::engine::Statement> statements =
        engine.Extract(text);
    engine_cpu += ThreadCpuTime() - cpu_start;
    engine_time += std::chrono::steady_clock::now() - start;
    bytes += text.size();
    ++documents;
    nlohmann::json pred;
    pred["doc_id"] = doc["doc_id"];
    pred["attributions"] = claimtrack::extract::ToAttributions(text, statements);
    attributions += pred["attributions"].size();
    out << pred.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << "\n";
  }
  out.flush();
  if (!out) {
    std::cerr << "claimtrack-extract: writing --output " << output_path
              << " failed\n";
    return 1;
  }
  const double seconds = std::chrono::duration<double>(engine_time).count();
  const double cpu_seconds = std::chrono::duration<double>(engine_cpu).count();
  std::fprintf(stderr,
               "claimtrack-extract: %llu documents, %.2f MB of text, %llu "
               "attributions; engine %.3f s: %.1f MB/s, %.0f documents/s; "
               "engine CPU %.3f s: %.1f MB/s\n",
               static_cast<unsigned long long>(documents), bytes / 1e6,
               static_cast<unsigned long long>(attributions), seconds,
               seconds > 0 ? bytes / 1e6 / seconds : 0.0,
               seconds > 0 ? documents / seconds : 0.0, cpu_seconds,
               cpu_seconds > 0 ? bytes / 1e6 / cpu_seconds : 0.0);
  return 0;
}
