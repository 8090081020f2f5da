#include "cli/claims_workflow_command.h"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "claimtrack/verification/v1/verification_service.grpc.pb.h"
#include "cli/arguments.h"
#include "cli/output.h"
#include "cli/views.h"
#include "cli/workflow_names.h"

namespace claimtrack::cli {
namespace {

namespace v1 = ::claimtrack::verification::v1;

// Options shared by the commands that change a claim.
struct ChangeOptions {
  std::string name;
  std::string note;
  std::string etag;
  bool json = false;
  // add-evidence
  std::string url;
  std::string description;
  std::string stance;
  std::string archive_sha256;
  // assign
  std::string assignee;
};

struct ReadOptions {
  std::string name;
  bool json = false;
};

struct WatchOptions {
  std::string after;
  int max_events = 0;
  bool json = false;
};

void ThrowOnFailure(int code) {
  if (code != kExitOk) throw CLI::RuntimeError(code);
}

void AddName(CLI::App& command, std::string& name) {
  command.add_option("name", name, "claims/{claim} (or just the id)")
      ->required()
      ->type_name("NAME");
}

// Prints a changed claim, or reports why the change failed (with a hint for
// the lock).
int PrintChanged(const Connection& connection, const grpc::Status& status, const v1::Claim& claim,
                 bool json) {
  if (!status.ok()) {
    std::string hint;
    if (status.error_code() == grpc::StatusCode::ABORTED) {
      hint = "the claim changed since it was read; check `claimtrack claims show` and retry";
    }
    return connection.ReportError(status, hint);
  }
  if (json) {
    PrintJson(std::cout, MessageToJson(claim));
  } else {
    std::cout << FormatClaim(claim);
  }
  return kExitOk;
}

// Runs one change RPC with the analyst required.
template <typename Request, typename Call>
int Change(const GlobalOptions& global, const Request& request, bool json, Call call) {
  Connection connection(global, Service::kVerification);
  if (connection.analyst().empty()) {
    return ReportUsageError("a change needs an analyst name: set --analyst or CLAIMTRACK_ANALYST");
  }
  auto stub = v1::VerificationService::NewStub(connection.channel());
  v1::Claim claim;
  auto context = connection.NewContext();
  const grpc::Status status = call(*stub, context.get(), request, &claim);
  return PrintChanged(connection, status, claim, json);
}

int AddEvidence(const ChangeOptions& options, const GlobalOptions& global) {
  v1::AddEvidenceRequest request;
  request.set_name(QualifyName(options.name, "claims"));
  request.set_etag(options.etag);
  request.set_note(options.note);
  v1::Evidence* evidence = request.add_evidence();
  evidence->set_url(options.url);
  evidence->set_description(options.description);
  if (!options.stance.empty()) {
    evidence->set_stance(
        ParseEvidenceStance(options.stance).value_or(v1::EVIDENCE_STANCE_UNSPECIFIED));
  }
  evidence->set_archive_sha256(options.archive_sha256);
  return Change(global, request, options.json,
                [](v1::VerificationService::Stub& stub, grpc::ClientContext* context,
                   const v1::AddEvidenceRequest& r,
                   v1::Claim* claim) { return stub.AddEvidence(context, r, claim); });
}

int Assign(const ChangeOptions& options, const GlobalOptions& global) {
  v1::AssignClaimRequest request;
  request.set_name(QualifyName(options.name, "claims"));
  request.set_etag(options.etag);
  request.set_note(options.note);
  request.set_assignee(options.assignee);
  return Change(global, request, options.json,
                [](v1::VerificationService::Stub& stub, grpc::ClientContext* context,
                   const v1::AssignClaimRequest& r,
                   v1::Claim* claim) { return stub.AssignClaim(context, r, claim); });
}

int Publish(const ChangeOptions& options, const GlobalOptions& global) {
  v1::PublishClaimRequest request;
  request.set_name(QualifyName(options.name, "claims"));
  request.set_etag(options.etag);
  request.set_note(options.note);
  return Change(global, request, options.json,
                [](v1::VerificationService::Stub& stub, grpc::ClientContext* context,
                   const v1::PublishClaimRequest& r,
                   v1::Claim* claim) { return stub.PublishClaim(context, r, claim); });
}

int Reopen(const ChangeOptions& options, const GlobalOptions& global) {
  v1::ReopenClaimRequest request;
  request.set_name(QualifyName(options.name, "claims"));
  request.set_etag(options.etag);
  request.set_note(options.note);
  return Change(global, request, options.json,
                [](v1::VerificationService::Stub& stub, grpc::ClientContext* context,
                   const v1::ReopenClaimRequest& r,
                   v1::Claim* claim) { return stub.ReopenClaim(context, r, claim); });
}

// Exit 0 when the chain verifies, 1 when it is broken (so scripts can
// check it), 2 when the call could not be made.
int VerifyHistory(const ReadOptions& options, const GlobalOptions& global) {
  Connection connection(global, Service::kVerification);
  auto stub = v1::VerificationService::NewStub(connection.channel());
  v1::VerifyClaimHistoryRequest request;
  request.set_name(QualifyName(options.name, "claims"));
  v1::VerifyClaimHistoryResponse response;
  auto context = connection.NewContext();
  if (const grpc::Status status = stub->VerifyClaimHistory(context.get(), request, &response);
      !status.ok()) {
    return connection.ReportError(status);
  }
  if (options.json) {
    PrintJson(std::cout, MessageToJson(response));
  } else if (response.valid()) {
    std::cout << "history chain intact: " << response.entry_count() << " entries, head "
              << (response.head_hash().empty() ? "-" : response.head_hash()) << "\n";
  } else {
    std::cout << "history chain BROKEN at " << response.first_broken_entry() << "\n  "
              << response.problem() << "\n";
  }
  return response.valid() ? kExitOk : kExitRpcError;
}

int ExportClaimReview(const ReadOptions& options, const GlobalOptions& global) {
  Connection connection(global, Service::kVerification);
  auto stub = v1::VerificationService::NewStub(connection.channel());
  v1::ExportClaimReviewRequest request;
  request.set_name(QualifyName(options.name, "claims"));
  v1::ExportClaimReviewResponse response;
  auto context = connection.NewContext();
  if (const grpc::Status status = stub->ExportClaimReview(context.get(), request, &response);
      !status.ok()) {
    std::string hint;
    if (status.error_code() == grpc::StatusCode::FAILED_PRECONDITION) {
      hint = absl::StrCat("set a verdict first: `claimtrack claims review ", request.name(),
                          " --verdict ... --note ...`");
    }
    return connection.ReportError(status, hint);
  }
  std::cout << response.json_ld() << "\n";
  return kExitOk;
}

// One line per change: cursor, time, type, claim and what it refers to.
std::string FormatChangeLine(const v1::ClaimChange& change) {
  std::string line = absl::StrCat(change.cursor(), "  ", FormatTimestamp(change.change_time()),
                                  "  ", ClaimChangeTypeName(change.type()), "  ", change.claim());
  if (!change.document().empty()) absl::StrAppend(&line, "  ", change.document());
  if (!change.history_entry().empty()) {
    absl::StrAppend(&line, "  entry ",
                    change.history_entry().substr(change.history_entry().rfind('/') + 1));
  }
  return line;
}

// Streams changes until interrupted or --max-events; no deadline, so it
// waits for new changes as long as it runs.
int Watch(const WatchOptions& options, const GlobalOptions& global) {
  Connection connection(global, Service::kVerification);
  auto stub = v1::VerificationService::NewStub(connection.channel());
  v1::WatchClaimChangesRequest request;
  request.set_start_after(options.after);
  grpc::ClientContext context;
  std::unique_ptr<grpc::ClientReader<v1::ClaimChange>> reader =
      stub->WatchClaimChanges(&context, request);
  v1::ClaimChange change;
  int count = 0;
  while ((options.max_events == 0 || count < options.max_events) && reader->Read(&change)) {
    ++count;
    if (options.json) {
      // One JSON object per line (JSON Lines), so the stream can be piped.
      std::cout << MessageToJson(change).dump() << std::endl;
    } else {
      std::cout << FormatChangeLine(change) << std::endl;
    }
  }
  if (options.max_events != 0 && count == options.max_events) {
    context.TryCancel();
    reader->Finish().ok();
    return kExitOk;
  }
  const grpc::Status status = reader->Finish();
  if (!status.ok()) {
    return connection.ReportError(
        status,
        change.cursor().empty()
            ? ""
            : absl::StrCat("resume with `claimtrack claims watch --after ", change.cursor(), "`"));
  }
  return kExitOk;
}

}  // namespace

void AddClaimsWorkflowCommands(CLI::App& claims, const GlobalOptions& global) {
  auto evidence_options = std::make_shared<ChangeOptions>();
  CLI::App* evidence = claims.add_subcommand(
      "add-evidence", "Add a piece of evidence to a claim (recorded in the history)");
  AddName(*evidence, evidence_options->name);
  evidence->add_option("--url", evidence_options->url, "Where the evidence is (http or https)")
      ->required();
  evidence->add_option("--description", evidence_options->description, "What it shows");
  evidence->add_option("--stance", evidence_options->stance, "Its stance on the claim")
      ->check(CLI::IsMember(EvidenceStanceNames(), CLI::ignore_case))
      ->type_name("STANCE");
  evidence
      ->add_option("--archive-sha256", evidence_options->archive_sha256,
                   "SHA-256 of an archived copy (64 lowercase hex digits)")
      ->type_name("HEX");
  evidence->add_option("--note", evidence_options->note, "Why (recorded in the history)");
  evidence->add_option("--etag", evidence_options->etag, "Only if the claim still has this etag");
  evidence->add_flag("--json", evidence_options->json, "Print the updated claim as JSON");
  evidence->callback(
      [evidence_options, &global] { ThrowOnFailure(AddEvidence(*evidence_options, global)); });

  auto assign_options = std::make_shared<ChangeOptions>();
  CLI::App* assign = claims.add_subcommand("assign", "Assign a claim to an analyst");
  AddName(*assign, assign_options->name);
  assign->add_option("analyst", assign_options->assignee, "Who works on it")->required();
  assign->add_option("--note", assign_options->note, "Why (recorded in the history)");
  assign->add_option("--etag", assign_options->etag, "Only if the claim still has this etag");
  assign->add_flag("--json", assign_options->json, "Print the updated claim as JSON");
  assign->callback([assign_options, &global] { ThrowOnFailure(Assign(*assign_options, global)); });

  auto unassign_options = std::make_shared<ChangeOptions>();
  CLI::App* unassign = claims.add_subcommand("unassign", "Take a claim off its analyst");
  AddName(*unassign, unassign_options->name);
  unassign->add_option("--note", unassign_options->note, "Why (recorded in the history)");
  unassign->add_option("--etag", unassign_options->etag, "Only if the claim still has this etag");
  unassign->add_flag("--json", unassign_options->json, "Print the updated claim as JSON");
  unassign->callback(
      [unassign_options, &global] { ThrowOnFailure(Assign(*unassign_options, global)); });

  auto publish_options = std::make_shared<ChangeOptions>();
  CLI::App* publish = claims.add_subcommand(
      "publish", "Publish a claim's final verdict; the claim is locked until reopened");
  AddName(*publish, publish_options->name);
  publish->add_option("--note", publish_options->note, "Recorded in the history");
  publish->add_option("--etag", publish_options->etag, "Only if the claim still has this etag");
  publish->add_flag("--json", publish_options->json, "Print the updated claim as JSON");
  publish->callback(
      [publish_options, &global] { ThrowOnFailure(Publish(*publish_options, global)); });

  auto reopen_options = std::make_shared<ChangeOptions>();
  CLI::App* reopen =
      claims.add_subcommand("reopen", "Unlock a published claim so it can be reviewed again");
  AddName(*reopen, reopen_options->name);
  reopen->add_option("--note", reopen_options->note, "Why it is reopened")->required();
  reopen->add_option("--etag", reopen_options->etag, "Only if the claim still has this etag");
  reopen->add_flag("--json", reopen_options->json, "Print the updated claim as JSON");
  reopen->callback([reopen_options, &global] { ThrowOnFailure(Reopen(*reopen_options, global)); });

  auto verify_options = std::make_shared<ReadOptions>();
  CLI::App* verify = claims.add_subcommand(
      "verify-history",
      "Recompute a claim's history hash chain; exit 1 and name the first broken entry if any");
  AddName(*verify, verify_options->name);
  verify->add_flag("--json", verify_options->json, "Print protobuf JSON");
  verify->callback(
      [verify_options, &global] { ThrowOnFailure(VerifyHistory(*verify_options, global)); });

  auto export_options = std::make_shared<ReadOptions>();
  CLI::App* export_command = claims.add_subcommand(
      "export-claimreview", "Print a claim with a verdict as schema.org ClaimReview JSON-LD");
  AddName(*export_command, export_options->name);
  export_command->callback(
      [export_options, &global] { ThrowOnFailure(ExportClaimReview(*export_options, global)); });

  auto watch_options = std::make_shared<WatchOptions>();
  CLI::App* watch = claims.add_subcommand(
      "watch", "Stream claim changes as they are committed (CURSOR TIME TYPE CLAIM DETAIL)");
  watch
      ->add_option("--after", watch_options->after,
                   "Resume after this cursor (default: from the first change)")
      ->type_name("CURSOR");
  watch->add_option("--max-events", watch_options->max_events, "Stop after this many changes")
      ->check(CLI::NonNegativeNumber);
  watch->add_flag("--json", watch_options->json, "One protobuf JSON object per line");
  watch->callback([watch_options, &global] { ThrowOnFailure(Watch(*watch_options, global)); });
}

}  // namespace claimtrack::cli
