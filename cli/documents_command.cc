#include "cli/documents_command.h"

#include <iostream>
#include <memory>
#include <string>

#include "claimtrack/ingestion/v1/ingestion_service.grpc.pb.h"
#include "cli/arguments.h"
#include "cli/output.h"
#include "cli/status_names.h"
#include "cli/views.h"

namespace claimtrack::cli {
namespace {

using ingestion::v1::Document;
using ingestion::v1::GetDocumentRequest;
using ingestion::v1::IngestionService;
using ingestion::v1::ListDocumentsRequest;
using ingestion::v1::ListDocumentsResponse;

struct ListOptions {
  std::string state;
  std::string publisher;
  std::string url;
  int page_size = 0;
  std::string page_token;
  bool all = false;
  bool json = false;
};

struct ShowOptions {
  std::string name;
  bool text = false;
  bool json = false;
};

int List(const ListOptions& options, const GlobalOptions& global) {
  Connection connection(global, Service::kIngestion);
  auto stub = IngestionService::NewStub(connection.channel());
  ListDocumentsRequest request;
  request.set_page_size(options.page_size);
  request.set_page_token(options.page_token);
  request.set_publisher(options.publisher);
  request.set_url(options.url);
  if (!options.state.empty()) {
    // The option is checked against the names, so this parses.
    request.set_state(
        ParseProcessingState(options.state)
            .value_or(ingestion::v1::PROCESSING_STATE_UNSPECIFIED));
  }
  request.set_view(ingestion::v1::DOCUMENT_VIEW_BASIC);

  // With --all the pages are merged into one response, so the output has
  // the same shape as a single page with an empty next_page_token.
  ListDocumentsResponse merged;
  if (const grpc::Status status = FetchPages(
          request, options.all,
          [&](const ListDocumentsRequest& r, ListDocumentsResponse& page) {
            auto context = connection.NewContext();
            return stub->ListDocuments(context.get(), r, &page);
          },
          merged);
      !status.ok()) {
    return connection.ReportError(status);
  }

  if (options.json) {
    PrintJson(std::cout, MessageToJson(merged));
    return kExitOk;
  }
  if (merged.documents().empty()) {
    std::cerr << "no documents\n";
  } else {
    std::cout << FormatDocumentsTable(merged.documents(), TerminalWidth());
  }
  if (!merged.next_page_token().empty()) {
    std::cerr << "more documents: add --all, or --page-token "
              << merged.next_page_token() << "\n";
  }
  return kExitOk;
}

int Show(const ShowOptions& options, const GlobalOptions& global) {
  Connection connection(global, Service::kIngestion);
  auto stub = IngestionService::NewStub(connection.channel());
  GetDocumentRequest request;
  request.set_name(QualifyName(options.name, "documents"));
  // The text can be megabytes; fetch it only when asked for.
  request.set_view(options.text ? ingestion::v1::DOCUMENT_VIEW_FULL
                                : ingestion::v1::DOCUMENT_VIEW_BASIC);
  Document document;
  auto context = connection.NewContext();
  const grpc::Status status =
      stub->GetDocument(context.get(), request, &document);
  if (!status.ok()) {
    return connection.ReportError(status);
  }
  if (options.json) {
    PrintJson(std::cout, MessageToJson(document));
  } else {
    std::cout << FormatDocument(document);
  }
  return kExitOk;
}

void ThrowOnFailure(int code) {
  if (code != kExitOk) {
    throw CLI::RuntimeError(code);
  }
}

}  // namespace

void AddDocumentsCommand(CLI::App& app, const GlobalOptions& global) {
  CLI::App* documents =
      app.add_subcommand("documents", "List and show ingested documents");
  documents->require_subcommand(1);

  auto list_options = std::make_shared<ListOptions>();
  CLI::App* list =
      documents->add_subcommand("list", "List documents, newest first");
  list->add_option("--state", list_options->state,
                   "Only documents in this state")
      ->check(CLI::IsMember(ProcessingStateNames(), CLI::ignore_case))
      ->type_name("STATE");
  list->add_option("--publisher", list_options->publisher,
                   "Only documents from this publisher (exact match)");
  list->add_option("--url", list_options->url,
                   "Only documents with this source URL (exact match): its revisions");
  list->add_option("--page-size", list_options->page_size,
                   "Documents per page (server default 50, at most 1000)")
      ->check(CLI::NonNegativeNumber);
  list->add_option("--page-token", list_options->page_token,
                   "Continue from a previous page");
  list->add_flag("--all", list_options->all, "Follow every page");
  list->add_flag("--json", list_options->json, "Print protobuf JSON");
  list->callback(
      [list_options, &global] { ThrowOnFailure(List(*list_options, global)); });

  auto show_options = std::make_shared<ShowOptions>();
  CLI::App* show = documents->add_subcommand("show", "Show one document");
  show->add_option("name", show_options->name,
                   "documents/{document} (or just the id)")
      ->required()
      ->type_name("NAME");
  show->add_flag("--text", show_options->text, "Include the cleaned text");
  show->add_flag("--json", show_options->json, "Print protobuf JSON");
  show->callback(
      [show_options, &global] { ThrowOnFailure(Show(*show_options, global)); });
}

}  // namespace claimtrack::cli
