// The VerificationService RPCs of the analyst workflow beyond ReviewClaim:
// evidence, assignment, publishing and reopening, the history chain check,
// the change feed and the ClaimReview export.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "services/verification/change_cursor.h"
#include "services/verification/change_feed.h"
#include "services/verification/request_validation.h"
#include "services/verification/verification_service.h"
#include "services/verification/workflow_request_validation.h"

namespace claimtrack::verification {
namespace {

// A claim's whole history, oldest first (histories are short: a few pages
// at most).
absl::StatusOr<std::vector<v1::HistoryEntry>> FullHistory(ClaimStore& store,
                                                          const std::string& claim) {
  std::vector<v1::HistoryEntry> entries;
  std::string token;
  do {
    absl::StatusOr<v1::ListClaimHistoryResponse> page = store.ListHistory(claim, 1000, token);
    if (!page.ok()) return page.status();
    for (v1::HistoryEntry& entry : *page->mutable_history_entries()) {
      entries.push_back(std::move(entry));
    }
    token = page->next_page_token();
  } while (!token.empty());
  return entries;
}

}  // namespace

void VerificationServiceImpl::ApplyChange(absl::StatusOr<WorkflowChange> change,
                                          grpc::ServerUnaryReactor* reactor, v1::Claim* response) {
  if (!change.ok()) {
    reactor->Finish(ToGrpcStatus(change.status()));
    return;
  }
  store_.ApplyWorkflowChange(*std::move(change),
                             [reactor, response](absl::StatusOr<v1::Claim> claim) {
                               if (claim.ok()) *response = *std::move(claim);
                               reactor->Finish(ToGrpcStatus(claim.status()));
                             });
}

grpc::ServerUnaryReactor* VerificationServiceImpl::AddEvidence(
    grpc::CallbackServerContext* context, const v1::AddEvidenceRequest* request,
    v1::Claim* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  ApplyChange(ValidateAddEvidenceRequest(*request, AnalystOf(*context)), reactor,
              response);
  return reactor;
}

grpc::ServerUnaryReactor* VerificationServiceImpl::AssignClaim(
    grpc::CallbackServerContext* context, const v1::AssignClaimRequest* request,
    v1::Claim* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  ApplyChange(ValidateAssignClaimRequest(*request, AnalystOf(*context)), reactor,
              response);
  return reactor;
}

grpc::ServerUnaryReactor* VerificationServiceImpl::PublishClaim(
    grpc::CallbackServerContext* context, const v1::PublishClaimRequest* request,
    v1::Claim* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  ApplyChange(ValidatePublishClaimRequest(*request, AnalystOf(*context)), reactor,
              response);
  return reactor;
}

grpc::ServerUnaryReactor* VerificationServiceImpl::ReopenClaim(
    grpc::CallbackServerContext* context, const v1::ReopenClaimRequest* request,
    v1::Claim* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  ApplyChange(ValidateReopenClaimRequest(*request, AnalystOf(*context)), reactor,
              response);
  return reactor;
}

grpc::ServerUnaryReactor* VerificationServiceImpl::VerifyClaimHistory(
    grpc::CallbackServerContext* context, const v1::VerifyClaimHistoryRequest* request,
    v1::VerifyClaimHistoryResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<v1::VerifyClaimHistoryResponse> result = store_.VerifyHistory(request->name());
  if (result.ok()) *response = *std::move(result);
  reactor->Finish(ToGrpcStatus(result.status()));
  return reactor;
}

grpc::ServerWriteReactor<v1::ClaimChange>* VerificationServiceImpl::WatchClaimChanges(
    grpc::CallbackServerContext* context, const v1::WatchClaimChangesRequest* request) {
  absl::StatusOr<int64_t> after = ParseChangeCursor(request->start_after(), "start_after");
  if (after.ok() && *after > 0) {
    // Changes are never deleted, so a cursor this store issued names a
    // stored change; anything else (another store, a restored backup) would
    // make the watch wait for changes that may never come.
    absl::StatusOr<std::vector<v1::ClaimChange>> issued = store_.ListChanges(*after - 1, 1);
    if (!issued.ok()) {
      after = issued.status();
    } else if (issued->empty() || issued->front().cursor() != request->start_after()) {
      after = absl::InvalidArgumentError(
          absl::StrCat("start_after \"", request->start_after(),
                       "\" was not issued by this service's store: start again without it"));
    }
  }
  if (!after.ok()) {
    // A reactor that only finishes: the callback API has no other way to
    // fail a streaming call.
    class Rejected final : public grpc::ServerWriteReactor<v1::ClaimChange> {
     public:
      explicit Rejected(grpc::Status status) { Finish(std::move(status)); }
      void OnDone() override { delete this; }
    };
    return new Rejected(ToGrpcStatus(after.status()));
  }
  return new ClaimChangeWatch(store_, *after);
}

void VerificationServiceImpl::StopWatches() { store_.change_notifier().Close(); }

grpc::ServerUnaryReactor* VerificationServiceImpl::ExportClaimReview(
    grpc::CallbackServerContext* context, const v1::ExportClaimReviewRequest* request,
    v1::ExportClaimReviewResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<v1::Claim> claim = store_.GetClaim(request->name());
  if (!claim.ok()) {
    reactor->Finish(ToGrpcStatus(claim.status()));
    return reactor;
  }
  absl::StatusOr<std::vector<v1::HistoryEntry>> history = FullHistory(store_, claim->name());
  if (!history.ok()) {
    reactor->Finish(ToGrpcStatus(history.status()));
    return reactor;
  }
  absl::StatusOr<nlohmann::ordered_json> json =
      ClaimReviewJsonLd(*claim, ClaimReviewDate(*claim, *history), claim_review_);
  if (json.ok()) response->set_json_ld(json->dump(2));
  reactor->Finish(ToGrpcStatus(json.status()));
  return reactor;
}

}  // namespace claimtrack::verification
