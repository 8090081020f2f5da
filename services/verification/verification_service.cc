#include "services/verification/verification_service.h"

#include <string>
#include <utility>

#include "common/grpc/request_id.h"
#include "common/status/grpc_status.h"
#include "services/verification/request_validation.h"
#include "spdlog/spdlog.h"

namespace claimtrack::verification {

std::string VerificationServiceImpl::AnalystOf(const grpc::CallbackServerContext& context) const {
  // An authenticated caller is the analyst, whatever the metadata says.
  if (security_ != nullptr) {
    if (std::optional<std::string> caller = security_->CallerOf(context)) {
      return *std::move(caller);
    }
  }
  const auto& metadata = context.client_metadata();
  const auto it =
      metadata.find(grpc::string_ref(kAnalystMetadataKey.data(), kAnalystMetadataKey.size()));
  if (it == metadata.end()) {
    return "";
  }
  return std::string(it->second.data(), it->second.size());
}

grpc::ServerUnaryReactor* VerificationServiceImpl::RecordStatements(
    grpc::CallbackServerContext* context, const v1::RecordStatementsRequest* request,
    v1::RecordStatementsResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<DocumentStatements> statements = ValidateRecordStatementsRequest(*request);
  if (!statements.ok()) {
    reactor->Finish(ToGrpcStatus(statements.status()));
    return reactor;
  }
  store_.RecordStatements(
      *std::move(statements), [reactor, response, document = request->document().name(),
                               request_id = RequestIdOf(*context)](
                                  absl::StatusOr<RecordResult> result) {
        if (!result.ok()) {
          spdlog::warn("{}: recording failed: {} [request {}]", document,
                       result.status().ToString(), request_id);
          reactor->Finish(ToGrpcStatus(result.status()));
          return;
        }
        spdlog::debug("{}: {} claims new, {} appearances new [request {}]", document,
                      result->created_claim_count, result->created_appearance_count,
                      request_id);
        for (std::string& claim : result->claims) {
          response->add_claims(std::move(claim));
        }
        response->set_created_claim_count(result->created_claim_count);
        response->set_created_appearance_count(result->created_appearance_count);
        reactor->Finish(grpc::Status::OK);
      });
  return reactor;
}

grpc::ServerUnaryReactor* VerificationServiceImpl::GetClaim(grpc::CallbackServerContext* context,
                                                            const v1::GetClaimRequest* request,
                                                            v1::Claim* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<v1::Claim> claim = store_.GetClaim(request->name());
  if (claim.ok()) {
    *response = *std::move(claim);
  }
  reactor->Finish(ToGrpcStatus(claim.status()));
  return reactor;
}

grpc::ServerUnaryReactor* VerificationServiceImpl::ListClaims(grpc::CallbackServerContext* context,
                                                              const v1::ListClaimsRequest* request,
                                                              v1::ListClaimsResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<ClaimFilter> filter = ValidateListClaimsRequest(*request);
  if (!filter.ok()) {
    reactor->Finish(ToGrpcStatus(filter.status()));
    return reactor;
  }
  absl::StatusOr<v1::ListClaimsResponse> page =
      store_.ListClaims(*filter, request->page_size(), request->page_token());
  if (page.ok()) {
    *response = *std::move(page);
  }
  reactor->Finish(ToGrpcStatus(page.status()));
  return reactor;
}

grpc::ServerUnaryReactor* VerificationServiceImpl::ReviewClaim(
    grpc::CallbackServerContext* context, const v1::ReviewClaimRequest* request,
    v1::Claim* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<ClaimReview> review = ValidateReviewClaimRequest(*request, AnalystOf(*context));
  if (!review.ok()) {
    reactor->Finish(ToGrpcStatus(review.status()));
    return reactor;
  }
  store_.Review(*std::move(review), [reactor, response](absl::StatusOr<v1::Claim> claim) {
    if (claim.ok()) {
      *response = *std::move(claim);
    }
    reactor->Finish(ToGrpcStatus(claim.status()));
  });
  return reactor;
}

grpc::ServerUnaryReactor* VerificationServiceImpl::ListClaimHistory(
    grpc::CallbackServerContext* context, const v1::ListClaimHistoryRequest* request,
    v1::ListClaimHistoryResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<v1::ListClaimHistoryResponse> page =
      store_.ListHistory(request->parent(), request->page_size(), request->page_token());
  if (page.ok()) {
    *response = *std::move(page);
  }
  reactor->Finish(ToGrpcStatus(page.status()));
  return reactor;
}

}  // namespace claimtrack::verification
