#include "cli/claims_tracking_command.h"

#include <iostream>
#include <memory>
#include <string>

#include "claimtrack/verification/v1/verification_service.grpc.pb.h"
#include "cli/arguments.h"
#include "cli/output.h"
#include "cli/status_names.h"
#include "cli/tracking_views.h"
#include "cli/views.h"

namespace claimtrack::cli {
namespace {

using verification::v1::ListClaimVariantsRequest;
using verification::v1::ListClaimVariantsResponse;
using verification::v1::SearchClaimsRequest;
using verification::v1::SearchClaimsResponse;
using verification::v1::VerificationService;

struct PageOptions {
  int page_size = 0;
  std::string page_token;
  bool all = false;
  bool json = false;
};

struct VariantsOptions {
  std::string name;
  PageOptions page;
};

struct SearchOptions {
  std::string query;
  std::string speaker;
  std::string attribution;
  std::string verdict;
  std::string kind;
  std::string publisher;
  std::string since;
  std::string until;
  PageOptions page;
};

void ThrowOnFailure(int code) {
  if (code != kExitOk) {
    throw CLI::RuntimeError(code);
  }
}

void AddPageOptions(CLI::App& command, PageOptions& options, const std::string& what) {
  command.add_option("--page-size", options.page_size,
                     what + " per page (server default 50, at most 1000)")
      ->check(CLI::NonNegativeNumber);
  command.add_option("--page-token", options.page_token, "Continue from a previous page");
  command.add_flag("--all", options.all, "Follow every page");
  command.add_flag("--json", options.json, "Print protobuf JSON");
}

void PrintMore(const std::string& token, const std::string& what) {
  if (!token.empty()) {
    std::cerr << "more " << what << ": add --all, or --page-token " << token << "\n";
  }
}

int Variants(const VariantsOptions& options, const GlobalOptions& global) {
  Connection connection(global, Service::kVerification);
  auto stub = VerificationService::NewStub(connection.channel());
  ListClaimVariantsRequest request;
  request.set_parent(QualifyName(options.name, "claims"));
  request.set_page_size(options.page.page_size);
  request.set_page_token(options.page.page_token);
  ListClaimVariantsResponse merged;
  const grpc::Status status = FetchPages(
      request, options.page.all,
      [&](const ListClaimVariantsRequest& r, ListClaimVariantsResponse& page) {
        auto context = connection.NewContext();
        return stub->ListClaimVariants(context.get(), r, &page);
      },
      merged);
  if (!status.ok()) return connection.ReportError(status);
  if (options.page.json) {
    PrintJson(std::cout, MessageToJson(merged));
    return kExitOk;
  }
  if (merged.variants().empty()) {
    std::cerr << "no variants\n";
  } else {
    std::cout << FormatVariantsTable(merged.variants(), TerminalWidth());
  }
  PrintMore(merged.next_page_token(), "variants");
  return kExitOk;
}

int Search(const SearchOptions& options, const GlobalOptions& global) {
  SearchClaimsRequest request;
  request.set_query(options.query);
  request.set_speaker(options.speaker);
  request.set_publisher(options.publisher);
  request.set_page_size(options.page.page_size);
  request.set_page_token(options.page.page_token);
  // The options are checked against the names, so these parse.
  if (!options.attribution.empty()) {
    request.set_attribution_status(ParseAttributionStatus(options.attribution)
                                       .value_or(verification::v1::ATTRIBUTION_STATUS_UNSPECIFIED));
  }
  if (!options.verdict.empty()) {
    request.set_verdict(ParseVerdict(options.verdict).value_or(verification::v1::VERDICT_UNSPECIFIED));
  }
  if (!options.kind.empty()) {
    request.set_kind(ParseStatementKind(options.kind).value_or(type::v1::STATEMENT_KIND_UNSPECIFIED));
  }
  if (!options.since.empty()) {
    auto since = ParsePublishTime(options.since);
    if (!since.ok()) return ReportUsageError(absl::StrCat("--since: ", since.status().message()));
    *request.mutable_start_time() = *since;
  }
  if (!options.until.empty()) {
    auto until = ParsePublishTime(options.until);
    if (!until.ok()) return ReportUsageError(absl::StrCat("--until: ", until.status().message()));
    *request.mutable_end_time() = *until;
  }
  Connection connection(global, Service::kVerification);
  auto stub = VerificationService::NewStub(connection.channel());
  SearchClaimsResponse merged;
  const grpc::Status status = FetchPages(
      request, options.page.all,
      [&](const SearchClaimsRequest& r, SearchClaimsResponse& page) {
        auto context = connection.NewContext();
        return stub->SearchClaims(context.get(), r, &page);
      },
      merged);
  if (!status.ok()) return connection.ReportError(status);
  if (options.page.json) {
    PrintJson(std::cout, MessageToJson(merged));
    return kExitOk;
  }
  if (merged.claims().empty()) {
    std::cerr << "no claims\n";
  } else {
    std::cout << FormatClaimsTable(merged.claims(), TerminalWidth());
  }
  PrintMore(merged.next_page_token(), "claims");
  return kExitOk;
}

}  // namespace

void AddClaimsTrackingCommands(CLI::App& claims, const GlobalOptions& global) {
  auto variants_options = std::make_shared<VariantsOptions>();
  CLI::App* variants = claims.add_subcommand(
      "variants",
      "List a claim's variants: the same speaker's words reworded elsewhere, with a word diff "
      "([-removed-] {+added+}); an altered quote proposes attribution 'altered'");
  variants->add_option("name", variants_options->name, "claims/{claim} (or just the id)")
      ->required()
      ->type_name("NAME");
  AddPageOptions(*variants, variants_options->page, "Variants");
  variants->callback([variants_options, &global] {
    ThrowOnFailure(Variants(*variants_options, global));
  });

  auto search_options = std::make_shared<SearchOptions>();
  CLI::App* search = claims.add_subcommand(
      "search",
      "Search claims by words (all must occur; \"a phrase\"; prefix*) and filters, newest first");
  search->add_option("query", search_options->query, "Words to find (optional)")
      ->type_name("QUERY");
  search->add_option("--speaker", search_options->speaker,
                     "speakers/{speaker}, or a name or alias, case-insensitive");
  search
      ->add_option("--attribution", search_options->attribution,
                   "Only claims with this attribution status")
      ->check(CLI::IsMember(AttributionStatusNames(), CLI::ignore_case))
      ->type_name("STATUS");
  search->add_option("--verdict", search_options->verdict, "Only claims with this verdict")
      ->check(CLI::IsMember(VerdictNames(), CLI::ignore_case))
      ->type_name("VERDICT");
  search->add_option("--kind", search_options->kind, "Only claims of this kind")
      ->check(CLI::IsMember(StatementKindNames(), CLI::ignore_case))
      ->type_name("KIND");
  search->add_option("--publisher", search_options->publisher,
                     "Only claims appearing in this publisher's articles");
  search->add_option("--since", search_options->since,
                     "Only claims appearing at or after this time (RFC 3339 or YYYY-MM-DD)")
      ->type_name("TIME");
  search->add_option("--until", search_options->until,
                     "Only claims appearing before this time (RFC 3339 or YYYY-MM-DD)")
      ->type_name("TIME");
  AddPageOptions(*search, search_options->page, "Claims");
  search->callback(
      [search_options, &global] { ThrowOnFailure(Search(*search_options, global)); });
}

}  // namespace claimtrack::cli
