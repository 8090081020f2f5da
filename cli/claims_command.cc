#include "cli/claims_command.h"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "claimtrack/verification/v1/verification_service.grpc.pb.h"
#include "cli/arguments.h"
#include "cli/claims_tracking_command.h"
#include "cli/claims_workflow_command.h"
#include "cli/output.h"
#include "cli/status_names.h"
#include "cli/tracking_views.h"
#include "cli/views.h"

namespace claimtrack::cli {
namespace {

using verification::v1::Claim;
using verification::v1::GetClaimRequest;
using verification::v1::ListClaimHistoryRequest;
using verification::v1::ListClaimHistoryResponse;
using verification::v1::ListClaimsRequest;
using verification::v1::ListClaimsResponse;
using verification::v1::ReviewClaimRequest;
using verification::v1::VerificationService;

struct ListOptions {
  std::string speaker;
  std::string attribution;
  std::string verdict;
  std::string kind;
  std::string document;
  std::string assignee;
  int page_size = 0;
  std::string page_token;
  bool all = false;
  bool json = false;
};

struct NameOptions {
  std::string name;
  bool json = false;
};

struct ReviewOptions {
  std::string name;
  std::string attribution;
  std::string verdict;
  std::string note;
  std::vector<std::string> evidence;
  std::string etag;
  bool json = false;
};

// Talks to the verification service for one command.
class ClaimsClient {
 public:
  explicit ClaimsClient(const GlobalOptions& global)
      : connection_(global, Service::kVerification),
        stub_(VerificationService::NewStub(connection_.channel())) {}

  const Connection& connection() const { return connection_; }

  grpc::Status Get(const std::string& name, Claim& claim) {
    GetClaimRequest request;
    request.set_name(name);
    auto context = connection_.NewContext();
    return stub_->GetClaim(context.get(), request, &claim);
  }

  // Every page of the history, merged (a claim's history is short).
  grpc::Status History(const std::string& name,
                       ListClaimHistoryResponse& history) {
    ListClaimHistoryRequest request;
    request.set_parent(name);
    return FetchPages(
        request, /*all=*/true,
        [this](const ListClaimHistoryRequest& r, ListClaimHistoryResponse& page) {
          auto context = connection_.NewContext();
          return stub_->ListClaimHistory(context.get(), r, &page);
        },
        history);
  }

  grpc::Status List(const ListClaimsRequest& request, bool all,
                    ListClaimsResponse& merged) {
    return FetchPages(
        request, all,
        [this](const ListClaimsRequest& r, ListClaimsResponse& page) {
          auto context = connection_.NewContext();
          return stub_->ListClaims(context.get(), r, &page);
        },
        merged);
  }

  grpc::Status Review(const ReviewClaimRequest& request, Claim& claim) {
    auto context = connection_.NewContext();
    return stub_->ReviewClaim(context.get(), request, &claim);
  }

 private:
  Connection connection_;
  std::unique_ptr<VerificationService::Stub> stub_;
};

int List(const ListOptions& options, const GlobalOptions& global) {
  ListClaimsRequest request;
  request.set_page_size(options.page_size);
  request.set_page_token(options.page_token);
  request.set_speaker(options.speaker);
  // The options are checked against the names, so these parse.
  if (!options.attribution.empty()) {
    request.set_attribution_status(
        ParseAttributionStatus(options.attribution)
            .value_or(verification::v1::ATTRIBUTION_STATUS_UNSPECIFIED));
  }
  if (!options.verdict.empty()) {
    request.set_verdict(ParseVerdict(options.verdict)
                            .value_or(verification::v1::VERDICT_UNSPECIFIED));
  }
  if (!options.kind.empty()) {
    request.set_kind(ParseStatementKind(options.kind)
                         .value_or(type::v1::STATEMENT_KIND_UNSPECIFIED));
  }
  if (!options.document.empty()) {
    request.set_document(QualifyName(options.document, "documents"));
  }
  request.set_assignee(options.assignee);

  ClaimsClient client(global);
  ListClaimsResponse merged;
  if (const grpc::Status status = client.List(request, options.all, merged);
      !status.ok()) {
    return client.connection().ReportError(status);
  }
  if (options.json) {
    PrintJson(std::cout, MessageToJson(merged));
    return kExitOk;
  }
  if (merged.claims().empty()) {
    std::cerr << "no claims\n";
  } else {
    std::cout << FormatClaimsTable(merged.claims(), TerminalWidth());
  }
  if (!merged.next_page_token().empty()) {
    std::cerr << "more claims: add --all, or --page-token "
              << merged.next_page_token() << "\n";
  }
  return kExitOk;
}

int Show(const NameOptions& options, const GlobalOptions& global) {
  const std::string name = QualifyName(options.name, "claims");
  ClaimsClient client(global);
  Claim claim;
  if (const grpc::Status status = client.Get(name, claim); !status.ok()) {
    return client.connection().ReportError(status);
  }
  ListClaimHistoryResponse history;
  if (const grpc::Status status = client.History(name, history); !status.ok()) {
    return client.connection().ReportError(status);
  }
  if (options.json) {
    nlohmann::ordered_json json = {{"claim", MessageToJson(claim)}};
    json["historyEntries"] = MessageToJson(history)["historyEntries"];
    PrintJson(std::cout, json);
    return kExitOk;
  }
  std::cout << FormatClaim(claim);
  if (const std::string tracking = FormatClaimTracking(claim); !tracking.empty()) {
    std::cout << "\ntracking:\n" << tracking;
  }
  std::cout << "\nhistory:\n";
  if (history.history_entries().empty()) {
    std::cout << "  (no changes yet)\n";
  } else {
    std::cout << FormatHistoryTable(history.history_entries(), TerminalWidth());
  }
  return kExitOk;
}

int History(const NameOptions& options, const GlobalOptions& global) {
  ClaimsClient client(global);
  ListClaimHistoryResponse history;
  if (const grpc::Status status =
          client.History(QualifyName(options.name, "claims"), history);
      !status.ok()) {
    return client.connection().ReportError(status);
  }
  if (options.json) {
    PrintJson(std::cout, MessageToJson(history));
  } else if (history.history_entries().empty()) {
    std::cerr << "no changes yet\n";
  } else {
    std::cout << FormatHistoryTable(history.history_entries(), TerminalWidth());
  }
  return kExitOk;
}

int Review(const ReviewOptions& options, const GlobalOptions& global) {
  if (options.attribution.empty() && options.verdict.empty()) {
    return ReportUsageError("give --attribution, --verdict or both");
  }
  ReviewClaimRequest request;
  request.set_name(QualifyName(options.name, "claims"));
  if (!options.attribution.empty()) {
    request.set_attribution_status(
        ParseAttributionStatus(options.attribution)
            .value_or(verification::v1::ATTRIBUTION_STATUS_UNSPECIFIED));
  }
  if (!options.verdict.empty()) {
    request.set_verdict(ParseVerdict(options.verdict)
                            .value_or(verification::v1::VERDICT_UNSPECIFIED));
  }
  request.set_note(options.note);
  for (const std::string& text : options.evidence) {
    auto evidence = ParseEvidence(text);
    if (!evidence.ok()) {
      return ReportUsageError(std::string(evidence.status().message()));
    }
    *request.add_evidence() = *std::move(evidence);
  }

  ClaimsClient client(global);
  if (client.connection().analyst().empty()) {
    return ReportUsageError(
        "a review needs an analyst name: set --analyst or CLAIMTRACK_ANALYST");
  }
  request.set_etag(options.etag);
  if (request.etag().empty()) {
    // Review against what is stored now; a change landing between this read
    // and the review still gets ABORTED, which is the point of the etag.
    Claim current;
    if (const grpc::Status status = client.Get(request.name(), current);
        !status.ok()) {
      return client.connection().ReportError(status);
    }
    request.set_etag(current.etag());
  }
  Claim updated;
  if (const grpc::Status status = client.Review(request, updated);
      !status.ok()) {
    std::string hint;
    if (status.error_code() == grpc::StatusCode::ABORTED) {
      hint = absl::StrCat(
          "the claim changed since it was read; check `claimtrack claims show ",
          request.name(), "` and review again");
    }
    return client.connection().ReportError(status, hint);
  }
  if (options.json) {
    PrintJson(std::cout, MessageToJson(updated));
  } else {
    std::cout << FormatClaim(updated);
  }
  return kExitOk;
}

void ThrowOnFailure(int code) {
  if (code != kExitOk) {
    throw CLI::RuntimeError(code);
  }
}

void AddNameArgument(CLI::App& command, std::string& name) {
  command.add_option("name", name, "claims/{claim} (or just the id)")
      ->required()
      ->type_name("NAME");
}

}  // namespace

void AddClaimsCommand(CLI::App& app, const GlobalOptions& global) {
  CLI::App* claims = app.add_subcommand(
      "claims", "List, show, review, publish and export claims; their history and changes");
  claims->require_subcommand(1);

  auto list_options = std::make_shared<ListOptions>();
  CLI::App* list = claims->add_subcommand(
      "list", "List claims, most recently created first; filters combine");
  list->add_option("--speaker", list_options->speaker,
                   "Speaker name or alias, case-insensitive");
  list->add_option("--attribution", list_options->attribution,
                   "Only claims with this attribution status")
      ->check(CLI::IsMember(AttributionStatusNames(), CLI::ignore_case))
      ->type_name("STATUS");
  list->add_option("--verdict", list_options->verdict,
                   "Only claims with this verdict")
      ->check(CLI::IsMember(VerdictNames(), CLI::ignore_case))
      ->type_name("VERDICT");
  list->add_option("--kind", list_options->kind,
                   "Only claims of this kind (indirect: reported speech)")
      ->check(CLI::IsMember(StatementKindNames(), CLI::ignore_case))
      ->type_name("KIND");
  list->add_option("--document", list_options->document,
                   "Only claims appearing in this document")
      ->type_name("NAME");
  list->add_option("--assignee", list_options->assignee,
                   "Only claims assigned to this analyst")
      ->type_name("ANALYST");
  list->add_option("--page-size", list_options->page_size,
                   "Claims per page (server default 50, at most 1000)")
      ->check(CLI::NonNegativeNumber);
  list->add_option("--page-token", list_options->page_token,
                   "Continue from a previous page");
  list->add_flag("--all", list_options->all, "Follow every page");
  list->add_flag("--json", list_options->json, "Print protobuf JSON");
  list->callback(
      [list_options, &global] { ThrowOnFailure(List(*list_options, global)); });

  auto show_options = std::make_shared<NameOptions>();
  CLI::App* show = claims->add_subcommand(
      "show", "Show a claim with its appearances, evidence and history");
  AddNameArgument(*show, show_options->name);
  show->add_flag("--json", show_options->json,
                 "Print JSON: {\"claim\": ..., \"historyEntries\": [...]}");
  show->callback(
      [show_options, &global] { ThrowOnFailure(Show(*show_options, global)); });

  auto history_options = std::make_shared<NameOptions>();
  CLI::App* history = claims->add_subcommand(
      "history", "List every status change of a claim, oldest first");
  AddNameArgument(*history, history_options->name);
  history->add_flag("--json", history_options->json, "Print protobuf JSON");
  history->callback([history_options, &global] {
    ThrowOnFailure(History(*history_options, global));
  });

  auto review_options = std::make_shared<ReviewOptions>();
  CLI::App* review = claims->add_subcommand(
      "review",
      "Change a claim's attribution status and/or verdict.\n"
      "Workflow: attribution unchecked -> confirmed|misattributed|altered "
      "(corrections between those need a note; never back to unchecked).\n"
      "Verdict unverified -> in-review|not-checkable; in-review -> a final "
      "verdict (needs a note); final -> in-review (reopen).");
  AddNameArgument(*review, review_options->name);
  review
      ->add_option("--attribution", review_options->attribution,
                   "New attribution status")
      ->check(CLI::IsMember(AttributionStatusNames(), CLI::ignore_case))
      ->type_name("STATUS");
  review->add_option("--verdict", review_options->verdict, "New verdict")
      ->check(CLI::IsMember(VerdictNames(), CLI::ignore_case))
      ->type_name("VERDICT");
  review
      ->add_option("--note", review_options->note,
                   "Why (recorded in the history)")
      ->required()
      ->type_name("TEXT");
  review
      ->add_option("--evidence", review_options->evidence,
                   "Evidence URL, optionally =DESCRIPTION (repeatable)")
      ->allow_extra_args(false)
      ->type_name("URL[=DESCRIPTION]");
  review->add_option("--etag", review_options->etag,
                     "Etag last read (default: read the claim now)");
  review->add_flag("--json", review_options->json,
                   "Print the updated claim as protobuf JSON");
  review->callback([review_options, &global] {
    ThrowOnFailure(Review(*review_options, global));
  });

  AddClaimsTrackingCommands(*claims, global);
  AddClaimsWorkflowCommands(*claims, global);
}

}  // namespace claimtrack::cli
