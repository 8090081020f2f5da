#include "cli/speakers_command.h"

#include <iostream>
#include <memory>
#include <string>

#include "claimtrack/verification/v1/verification_service.grpc.pb.h"
#include "cli/arguments.h"
#include "cli/output.h"
#include "cli/tracking_views.h"
#include "cli/views.h"

namespace claimtrack::cli {
namespace {

using verification::v1::GetSpeakerRequest;
using verification::v1::ListClaimsRequest;
using verification::v1::ListClaimsResponse;
using verification::v1::ListSpeakersRequest;
using verification::v1::ListSpeakersResponse;
using verification::v1::Speaker;
using verification::v1::VerificationService;

struct ListOptions {
  std::string alias;
  int page_size = 0;
  std::string page_token;
  bool all = false;
  bool json = false;
};

struct ShowOptions {
  std::string name;
  bool json = false;
};

void ThrowOnFailure(int code) {
  if (code != kExitOk) {
    throw CLI::RuntimeError(code);
  }
}

int List(const ListOptions& options, const GlobalOptions& global) {
  Connection connection(global, Service::kVerification);
  auto stub = VerificationService::NewStub(connection.channel());
  ListSpeakersRequest request;
  request.set_alias(options.alias);
  request.set_page_size(options.page_size);
  request.set_page_token(options.page_token);
  ListSpeakersResponse merged;
  const grpc::Status status = FetchPages(
      request, options.all,
      [&](const ListSpeakersRequest& r, ListSpeakersResponse& page) {
        auto context = connection.NewContext();
        return stub->ListSpeakers(context.get(), r, &page);
      },
      merged);
  if (!status.ok()) return connection.ReportError(status);
  if (options.json) {
    PrintJson(std::cout, MessageToJson(merged));
    return kExitOk;
  }
  if (merged.speakers().empty()) {
    std::cerr << "no speakers\n";
  } else {
    std::cout << FormatSpeakersTable(merged.speakers(), TerminalWidth());
  }
  if (!merged.next_page_token().empty()) {
    std::cerr << "more speakers: add --all, or --page-token " << merged.next_page_token()
              << "\n";
  }
  return kExitOk;
}

// The speaker and every one of its claims.
int Show(const ShowOptions& options, const GlobalOptions& global) {
  Connection connection(global, Service::kVerification);
  auto stub = VerificationService::NewStub(connection.channel());
  GetSpeakerRequest request;
  request.set_name(QualifyName(options.name, "speakers"));
  Speaker speaker;
  {
    auto context = connection.NewContext();
    if (const grpc::Status status = stub->GetSpeaker(context.get(), request, &speaker);
        !status.ok()) {
      return connection.ReportError(status);
    }
  }
  ListClaimsRequest claims_request;
  claims_request.set_speaker(speaker.name());
  claims_request.set_page_size(1000);
  ListClaimsResponse claims;
  const grpc::Status status = FetchPages(
      claims_request, /*all=*/true,
      [&](const ListClaimsRequest& r, ListClaimsResponse& page) {
        auto context = connection.NewContext();
        return stub->ListClaims(context.get(), r, &page);
      },
      claims);
  if (!status.ok()) return connection.ReportError(status);
  if (options.json) {
    nlohmann::ordered_json json = {{"speaker", MessageToJson(speaker)}};
    json["claims"] = MessageToJson(claims)["claims"];
    PrintJson(std::cout, json);
    return kExitOk;
  }
  std::cout << FormatSpeakerResource(speaker) << "\nclaims:\n";
  if (claims.claims().empty()) {
    std::cout << "  (none)\n";
  } else {
    std::cout << FormatClaimsTable(claims.claims(), TerminalWidth());
  }
  return kExitOk;
}

}  // namespace

void AddSpeakersCommand(CLI::App& app, const GlobalOptions& global) {
  CLI::App* speakers = app.add_subcommand(
      "speakers", "List and show speakers: people and organisations with aliases and roles");
  speakers->require_subcommand(1);

  auto list_options = std::make_shared<ListOptions>();
  CLI::App* list = speakers->add_subcommand("list", "List speakers, most recently created first");
  list->add_option("--alias", list_options->alias,
                   "Only speakers with this name or alias (\"Garland\", \"DOJ\"), "
                   "case-insensitive");
  list->add_option("--page-size", list_options->page_size,
                   "Speakers per page (server default 50, at most 1000)")
      ->check(CLI::NonNegativeNumber);
  list->add_option("--page-token", list_options->page_token, "Continue from a previous page");
  list->add_flag("--all", list_options->all, "Follow every page");
  list->add_flag("--json", list_options->json, "Print protobuf JSON");
  list->callback([list_options, &global] { ThrowOnFailure(List(*list_options, global)); });

  auto show_options = std::make_shared<ShowOptions>();
  CLI::App* show = speakers->add_subcommand(
      "show", "Show a speaker with aliases, roles over time and every claim");
  show->add_option("name", show_options->name, "speakers/{speaker} (or just the id)")
      ->required()
      ->type_name("NAME");
  show->add_flag("--json", show_options->json,
                 "Print JSON: {\"speaker\": ..., \"claims\": [...]}");
  show->callback([show_options, &global] { ThrowOnFailure(Show(*show_options, global)); });
}

}  // namespace claimtrack::cli
