// claimtrack-extract: evaluation front end of the attribution engine.
//
//   claimtrack-extract --input DOCS.jsonl --output PRED.jsonl [--passes N]
//                      [--warmup K]
//
// Reads one JSON object a line ("doc_id", "text"; other fields ignored) and
// writes {"doc_id", "attributions"} a line, in the format of the evaluation
// corpus. One document is held at a time, so memory stays flat. Prints the
// engine's throughput (engine time only) to stderr: wall-clock, and the
// CPU time of the engine's thread, which other load on the machine does not
// inflate (the "one core" figure). With --passes N the engine runs over the
// input N times and the warm passes' median rate is printed too; with
// --warmup K the first pass times only the documents after the first K, the
// rate of a warm engine on articles it has not seen.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

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

// What two ThreadCpuTime() calls measure with nothing between them: each
// document's engine CPU time holds it once. Unlike the wall clock, the
// thread's CPU clock is a system call, not a vDSO read: ~1.5 us on this
// machine's VM, 1.5% of the engine's time on a 4.6 KB news article. The
// median of many empty intervals, taken off each document's time.
std::chrono::nanoseconds ThreadCpuTimerOverhead() {
  std::vector<std::chrono::nanoseconds> empty(999);
  for (auto& interval : empty) {
    const auto start = ThreadCpuTime();
    interval = ThreadCpuTime() - start;
  }
  std::nth_element(empty.begin(), empty.begin() + empty.size() / 2,
                   empty.end());
  return empty[empty.size() / 2];
}

// Pulls "doc_id" and "text" out of one JSON line through nlohmann's SAX
// interface, without building the rest: the corpus lines carry their gold
// attributions, hundreds of small nodes that a DOM would allocate and free
// between two engine calls (evicting the engine's caches and scattering its
// heap). The text goes into a buffer reused from line to line; "doc_id" is
// built as a json value (any JSON value is accepted, as before). Later
// duplicates of a key win, as in the DOM.
class DocumentReader {
 public:
  using json = nlohmann::json;

  // True if `line` is a JSON object with a string "text" and a "doc_id".
  bool Read(const std::string& line) {
    depth_ = 0;
    field_ = Field::kOther;
    root_object_ = false;
    has_text_ = false;
    has_doc_id_ = false;
    doc_id_dom_.reset();
    return json::sax_parse(line, this) && root_object_ && has_text_ &&
           has_doc_id_;
  }
  const std::string& text() const { return text_; }
  const json& doc_id() const { return doc_id_; }

  // The SAX interface (json::sax_parse).
  bool null() {
    return Scalar([](Dom& dom) { return dom.null(); });
  }
  bool boolean(bool val) {
    return Scalar([val](Dom& dom) { return dom.boolean(val); });
  }
  bool number_integer(json::number_integer_t val) {
    return Scalar([val](Dom& dom) { return dom.number_integer(val); });
  }
  bool number_unsigned(json::number_unsigned_t val) {
    return Scalar([val](Dom& dom) { return dom.number_unsigned(val); });
  }
  bool number_float(json::number_float_t val, const json::string_t& s) {
    return Scalar([&](Dom& dom) { return dom.number_float(val, s); });
  }
  bool binary(json::binary_t& val) {
    return Scalar([&](Dom& dom) { return dom.binary(val); });
  }
  bool string(json::string_t& val) {
    if (!doc_id_dom_ && depth_ == 1 && field_ == Field::kText) {
      text_.assign(val);
      has_text_ = true;
      return true;
    }
    return Scalar([&](Dom& dom) { return dom.string(val); });
  }
  bool start_object(std::size_t len) {
    if (depth_ == 0) {
      root_object_ = true;
    }
    return Open([len](Dom& dom) { return dom.start_object(len); });
  }
  bool start_array(std::size_t len) {
    return Open([len](Dom& dom) { return dom.start_array(len); });
  }
  bool end_object() {
    return Close([](Dom& dom) { return dom.end_object(); });
  }
  bool end_array() {
    return Close([](Dom& dom) { return dom.end_array(); });
  }
  bool key(json::string_t& val) {
    if (doc_id_dom_) {
      return doc_id_dom_->key(val);
    }
    if (depth_ != 1) {
      return true;
    }
    if (val == "text") {
      field_ = Field::kText;
    } else if (val == "doc_id") {
      field_ = Field::kOther;
      // The value's events build doc_id_ until it is complete.
      doc_id_ = json();
      doc_id_dom_.emplace(doc_id_, false);
      doc_id_depth_ = 0;
      has_doc_id_ = true;
    } else {
      field_ = Field::kOther;
    }
    return true;
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*ex*/) {
    return false;
  }

 private:
  using Dom = nlohmann::detail::json_sax_dom_parser<json>;
  enum class Field { kOther, kText };

  template <typename Event>
  bool Scalar(Event&& event) {
    if (doc_id_dom_) {
      const bool ok = event(*doc_id_dom_);
      if (doc_id_depth_ == 0) {
        doc_id_dom_.reset();
      }
      return ok;
    }
    if (depth_ == 1 && field_ == Field::kText) {
      has_text_ = false;  // "text" is not a string
    }
    return true;
  }
  template <typename Event>
  bool Open(Event&& event) {
    if (doc_id_dom_) {
      ++doc_id_depth_;
      return event(*doc_id_dom_);
    }
    if (depth_ == 1 && field_ == Field::kText) {
      has_text_ = false;
    }
    ++depth_;
    return true;
  }
  template <typename Event>
  bool Close(Event&& event) {
    if (doc_id_dom_) {
      const bool ok = event(*doc_id_dom_);
      if (--doc_id_depth_ == 0) {
        doc_id_dom_.reset();
      }
      return ok;
    }
    --depth_;
    return true;
  }

  int depth_ = 0;
  Field field_ = Field::kOther;
  bool root_object_ = false;
  bool has_text_ = false;
  bool has_doc_id_ = false;
  std::string text_;
  json doc_id_;
  std::optional<Dom> doc_id_dom_;
  int doc_id_depth_ = 0;
};

// What one pass over the input measured.
struct PassTotals {
  std::chrono::steady_clock::duration engine_time{};
  std::chrono::nanoseconds engine_cpu{};
  uint64_t bytes = 0;
  uint64_t documents = 0;
  uint64_t attributions = 0;
  // Run before the timed ones (--warmup), not counted above.
  uint64_t untimed_documents = 0;

  double Seconds() const { return std::chrono::duration<double>(engine_time).count(); }
  double CpuSeconds() const { return std::chrono::duration<double>(engine_cpu).count(); }
  double CpuMegabytesPerSecond() const {
    return CpuSeconds() > 0 ? bytes / 1e6 / CpuSeconds() : 0.0;
  }
};

// Runs the engine over every document of `in`, timing only the engine
// calls (less `timer_overhead` of CPU time each) after the first `warmup`
// documents; writes predictions to `out` unless it is null (a repeated
// pass). Returns false after reporting a malformed line.
bool RunPass(const claimtrack::engine::AttributionEngine& engine,
             std::istream& in, const std::string& input_path,
             std::chrono::nanoseconds timer_overhead, uint64_t warmup,
             std::ostream* out, PassTotals& totals) {
  std::string line;
  DocumentReader reader;
  // Reused from document to document, so that writing predictions leaves
  // the heap the engine allocates from as it was (prediction.h).
  std::vector<claimtrack::extract::Attribution> attributions;
  std::string prediction;
  for (uint64_t line_no = 1; std::getline(in, line); ++line_no) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    if (!reader.Read(line)) {
      std::cerr << "claimtrack-extract: " << input_path << ":" << line_no
                << ": not a JSON object with doc_id and text (string)\n";
      return false;
    }
    const std::string& text = reader.text();
    std::vector<claimtrack::engine::Statement> statements;
    if (totals.untimed_documents < warmup) {
      statements = engine.Extract(text);
      ++totals.untimed_documents;
    } else {
      // The wall-clock reads (vDSO, ~30 ns) sit inside the CPU clock's.
      const auto cpu_start = ThreadCpuTime();
      const auto start = std::chrono::steady_clock::now();
      statements = engine.Extract(text);
      totals.engine_time += std::chrono::steady_clock::now() - start;
      totals.engine_cpu +=
          std::max(std::chrono::nanoseconds{0},
                   ThreadCpuTime() - cpu_start - timer_overhead);
      totals.bytes += text.size();
      ++totals.documents;
    }
    if (out != nullptr) {
      claimtrack::extract::ToAttributions(text, statements, attributions);
      totals.attributions += attributions.size();
      prediction.clear();
      claimtrack::extract::AppendPredictionLine(
          attributions,
          reader.doc_id().dump(-1, ' ', false,
                               nlohmann::json::error_handler_t::replace),
          prediction);
      out->write(prediction.data(),
                 static_cast<std::streamsize>(prediction.size()));
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Runs the attribution engine over a JSON-lines corpus."};
  std::string input_path;
  std::string output_path;
  int passes = 1;
  uint64_t warmup = 0;
  app.add_option("--input", input_path, "JSON lines with doc_id and text")
      ->required();
  app.add_option("--output", output_path, "predictions, JSON lines")
      ->required();
  app.add_option("--passes", passes,
                 "times to run the engine over the input; predictions come from the first, "
                 "later passes are timed only (the engine warm, as in a long-running service)")
      ->check(CLI::Range(1, 1000));
  app.add_option(
      "--warmup", warmup,
      "documents at the start of the input that the first pass runs "
      "before it starts timing (their predictions are written all the "
      "same): the engine warm, as in a long-running service, on "
      "articles it has not seen");
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
  const std::chrono::nanoseconds timer_overhead = ThreadCpuTimerOverhead();
  PassTotals first;
  if (!RunPass(engine, in, input_path, timer_overhead, warmup, &out, first)) {
    return 1;
  }
  out.flush();
  if (!out) {
    std::cerr << "claimtrack-extract: writing --output " << output_path
              << " failed\n";
    return 1;
  }
  const double seconds = first.Seconds();
  const std::string untimed =
      first.untimed_documents > 0
          ? " timed after " + std::to_string(first.untimed_documents) +
                " untimed (--warmup)"
          : "";
  std::fprintf(
      stderr,
      "claimtrack-extract: %llu documents%s, %.2f MB of text, %llu "
      "attributions; engine %.3f s: %.1f MB/s, %.0f documents/s; "
      "engine CPU %.3f s: %.1f MB/s (less %.1f us of timer a "
      "document)\n",
      static_cast<unsigned long long>(first.documents), untimed.c_str(),
      first.bytes / 1e6, static_cast<unsigned long long>(first.attributions),
      seconds, seconds > 0 ? first.bytes / 1e6 / seconds : 0.0,
      seconds > 0 ? first.documents / seconds : 0.0, first.CpuSeconds(),
      first.CpuMegabytesPerSecond(),
      std::chrono::duration<double, std::micro>(timer_overhead).count());
  if (passes > 1) {
    // The first pass pays for warming the engine (its lexicon's cache lines,
    // the heap it grows, the code); a service pays that once. Later passes
    // show the rate the engine keeps up.
    std::vector<double> rates;
    for (int pass = 2; pass <= passes; ++pass) {
      in.clear();
      in.seekg(0);
      PassTotals repeat;
      if (!RunPass(engine, in, input_path, timer_overhead, /*warmup=*/0,
                   nullptr, repeat)) {
        return 1;
      }
      rates.push_back(repeat.CpuMegabytesPerSecond());
    }
    std::sort(rates.begin(), rates.end());
    std::fprintf(stderr,
                 "claimtrack-extract: passes 2-%d, engine CPU: median %.1f MB/s "
                 "(%.1f-%.1f)\n",
                 passes, rates[rates.size() / 2], rates.front(), rates.back());
  }
  return 0;
}
