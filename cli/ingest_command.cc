#include "cli/ingest_command.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "claimtrack/ingestion/v1/ingestion_service.grpc.pb.h"
#include "cli/arguments.h"
#include "cli/input_files.h"
#include "cli/output.h"
#include "cli/views.h"

namespace claimtrack::cli {
namespace {

using ingestion::v1::BatchIngestArticlesRequest;
using ingestion::v1::BatchIngestArticlesResponse;
using ingestion::v1::IngestArticleRequest;
using ingestion::v1::IngestArticleResponse;
using ingestion::v1::IngestionService;

// A batch holds at most this many articles...
constexpr size_t kMaxBatchArticles = 100;
// ...and about this many bytes of text, well under the servers' default
// 16 MiB message limit. A larger single article goes in a batch of its own.
constexpr size_t kMaxBatchBytes = 8 << 20;

struct IngestOptions {
  std::vector<std::string> paths;
  std::string publisher;
  std::string url;
  std::string title;
  std::vector<std::string> authors;
  std::string published;
  bool wait = false;
  bool json = false;
};

// "requests[3].article.text is empty" -> the path of request 3, so the
// analyst learns which file to fix. Empty when the message names none.
std::string FailingPath(const std::string& message,
                        const std::vector<std::string>& batch_paths) {
  const std::string marker = "requests[";
  const size_t start = message.find(marker);
  if (start == std::string::npos) {
    return "";
  }
  const size_t digits = start + marker.size();
  const size_t end = message.find(']', digits);
  size_t index = 0;
  if (end == std::string::npos ||
      !absl::SimpleAtoi(message.substr(digits, end - digits), &index) ||
      index >= batch_paths.size()) {
    return "";
  }
  return batch_paths[index];
}

class Ingester {
 public:
  Ingester(const IngestOptions& options, const GlobalOptions& global)
      : options_(options),
        connection_(global, Service::kIngestion),
        stub_(IngestionService::NewStub(connection_.channel())) {}

  int Run() {
    auto inputs = CollectInputs(options_.paths);
    if (!inputs.ok()) {
      return ReportUsageError(std::string(inputs.status().message()));
    }
    if (!options_.url.empty() && inputs->size() != 1) {
      return ReportUsageError(
          absl::StrCat("--url names one article, but ", inputs->size(),
                       " inputs were given; ingest them separately"));
    }
    // Refuse empty files before sending anything, so a folder is either
    // ingested whole or not started.
    for (const std::string& path : *inputs) {
      std::error_code error;
      if (path != kStdinPath && std::filesystem::file_size(path, error) == 0 &&
          !error) {
        return ReportUsageError(absl::StrCat(path, " is empty"));
      }
    }
    if (auto status = MakeSource(); !status.ok()) {
      return ReportUsageError(std::string(status.message()));
    }
    const int code = inputs->size() == 1 ? IngestOne(inputs->front())
                                         : IngestBatches(*inputs);
    if (options_.json) {
      PrintJson(std::cout, json_);
    }
    return code;
  }

 private:
  absl::Status MakeSource() {
    source_.set_publisher(options_.publisher);
    source_.set_url(options_.url);
    source_.set_title(options_.title);
    for (const std::string& author : options_.authors) {
      source_.add_authors(author);
    }
    if (!options_.published.empty()) {
      auto time = ParsePublishTime(options_.published);
      if (!time.ok()) {
        return time.status();
      }
      *source_.mutable_publish_time() = *time;
    }
    return absl::OkStatus();
  }

  absl::StatusOr<IngestArticleRequest> MakeRequest(const std::string& path) {
    auto text = ReadInput(path, std::cin);
    if (!text.ok()) {
      return text.status();
    }
    if (text->empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path == kStdinPath ? "standard input" : path, " is empty"));
    }
    IngestArticleRequest request;
    request.mutable_article()->set_text(*std::move(text));
    *request.mutable_article()->mutable_source() = source_;
    request.set_wait_for_processing(options_.wait);
    return request;
  }

  void Emit(const IngestArticleResponse& response, const std::string& path) {
    ++ingested_;
    if (options_.json) {
      nlohmann::ordered_json item = MessageToJson(response);
      item["path"] = path;
      json_["responses"].push_back(std::move(item));
    } else {
      std::cout << FormatIngestLine(response, path) << std::endl;
    }
  }

  int IngestOne(const std::string& path) {
    auto request = MakeRequest(path);
    if (!request.ok()) {
      return ReportUsageError(std::string(request.status().message()));
    }
    IngestArticleResponse response;
    auto context = connection_.NewContext();
    const grpc::Status status =
        stub_->IngestArticle(context.get(), *request, &response);
    if (!status.ok()) {
      return Fail(status, {path}, 1);
    }
    Emit(response, path);
    return kExitOk;
  }

  int IngestBatches(const std::vector<std::string>& inputs) {
    size_t next = 0;
    while (next < inputs.size()) {
      BatchIngestArticlesRequest batch;
      std::vector<std::string> batch_paths;
      size_t batch_bytes = 0;
      while (next < inputs.size() &&
             static_cast<size_t>(batch.requests_size()) < kMaxBatchArticles) {
        // An article that did not fit the previous batch was kept (stdin
        // cannot be read twice).
        if (!pending_.has_value()) {
          auto request = MakeRequest(inputs[next]);
          if (!request.ok()) {
            std::cerr << "error: " << request.status().message() << "\n";
            ReportProgress(inputs.size());
            return kExitRpcError;
          }
          pending_ = *std::move(request);
        }
        const size_t bytes = pending_->article().text().size();
        if (!batch_paths.empty() && batch_bytes + bytes > kMaxBatchBytes) {
          break;
        }
        batch_bytes += bytes;
        *batch.add_requests() = *std::move(pending_);
        pending_.reset();
        batch_paths.push_back(inputs[next]);
        ++next;
      }
      BatchIngestArticlesResponse response;
      auto context = connection_.NewContext();
      const grpc::Status status =
          stub_->BatchIngestArticles(context.get(), batch, &response);
      if (!status.ok()) {
        return Fail(status, batch_paths, inputs.size());
      }
      for (int i = 0; i < response.responses_size() &&
                      i < static_cast<int>(batch_paths.size());
           ++i) {
        Emit(response.responses(i), batch_paths[i]);
      }
    }
    return kExitOk;
  }

  int Fail(const grpc::Status& status,
           const std::vector<std::string>& batch_paths, size_t total) {
    std::string hint;
    if (const std::string path =
            FailingPath(status.error_message(), batch_paths);
        !path.empty()) {
      hint = absl::StrCat("the failing article is ", path);
    } else if (status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED &&
               options_.wait) {
      // The server stores before it waits, so only the wait ran out.
      hint =
          "if the service accepted them, the articles are stored and will "
          "finish processing; raise --timeout to wait longer, or check with "
          "`claimtrack documents list`";
    }
    const int code = connection_.ReportError(status, hint);
    ReportProgress(total);
    return code;
  }

  void ReportProgress(size_t total) const {
    if (ingested_ > 0) {
      std::cerr << ingested_ << " of " << total
                << " articles were ingested before the error; running the "
                   "same command again is safe (identical articles return "
                   "the existing document)\n";
    }
  }

  const IngestOptions& options_;
  Connection connection_;
  std::unique_ptr<IngestionService::Stub> stub_;
  type::v1::ArticleSource source_;
  std::optional<IngestArticleRequest> pending_;
  size_t ingested_ = 0;
  nlohmann::ordered_json json_ = {
      {"responses", nlohmann::ordered_json::array()}};
};

}  // namespace

void AddIngestCommand(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* command = app.add_subcommand(
      "ingest",
      "Ingest articles from files, folders (every regular file, recursively, "
      "hidden ones skipped) or standard input (\"-\" or no path)");
  command->add_option("paths", options->paths, "Files, folders or -")
      ->type_name("PATH");
  command->add_option("--publisher", options->publisher,
                      "Outlet that published the articles");
  command->add_option("--url", options->url,
                      "Canonical http(s) URL (only with a single input)");
  command->add_option("--title", options->title, "Headline");
  command->add_option("--author", options->authors, "Byline (repeatable)")
      ->allow_extra_args(false)
      ->type_name("NAME");
  command
      ->add_option("--published", options->published,
                   "Publication time, RFC 3339 (2024-05-01T12:00:00Z)")
      ->check([](const std::string& text) -> std::string {
        const auto time = ParsePublishTime(text);
        // CLI11 prefixes the option name itself.
        return time.ok() ? ""
                         : std::string(absl::StripPrefix(
                               time.status().message(), "--published: "));
      });
  command->add_flag("--wait", options->wait,
                    "Reply only when each document is processed (or "
                    "--timeout passes)");
  command->add_flag("--json", options->json, "Print protobuf JSON");
  command->callback([options, &global] {
    Ingester ingester(*options, global);
    if (const int code = ingester.Run(); code != kExitOk) {
      throw CLI::RuntimeError(code);
    }
  });
}

}  // namespace claimtrack::cli
