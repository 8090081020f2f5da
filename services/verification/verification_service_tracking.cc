// The tracking RPCs of VerificationServiceImpl: search, variants, speakers.
// All are short local reads, run inline like ListClaims.

#include <utility>

#include "common/api/nul_bytes.h"
#include "common/status/grpc_status.h"
#include "services/verification/claim_search.h"
#include "services/verification/verification_service.h"

namespace claimtrack::verification {
namespace {

// Finishes `reactor` with `result`, moving its value into `response`.
template <typename T>
grpc::ServerUnaryReactor* FinishWith(grpc::ServerUnaryReactor* reactor,
                                     absl::StatusOr<T> result, T* response) {
  if (result.ok()) {
    *response = *std::move(result);
  }
  reactor->Finish(ToGrpcStatus(result.status()));
  return reactor;
}

}  // namespace

grpc::ServerUnaryReactor* VerificationServiceImpl::SearchClaims(
    grpc::CallbackServerContext* context, const v1::SearchClaimsRequest* request,
    v1::SearchClaimsResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<ClaimSearch> search = ValidateSearchClaimsRequest(*request);
  if (!search.ok()) {
    reactor->Finish(ToGrpcStatus(search.status()));
    return reactor;
  }
  return FinishWith(reactor,
                    store_.SearchClaims(*search, request->page_size(), request->page_token()),
                    response);
}

grpc::ServerUnaryReactor* VerificationServiceImpl::ListClaimVariants(
    grpc::CallbackServerContext* context, const v1::ListClaimVariantsRequest* request,
    v1::ListClaimVariantsResponse* response) {
  return FinishWith(context->DefaultReactor(),
                    store_.ListClaimVariants(request->parent(), request->page_size(),
                                             request->page_token()),
                    response);
}

grpc::ServerUnaryReactor* VerificationServiceImpl::GetSpeaker(
    grpc::CallbackServerContext* context, const v1::GetSpeakerRequest* request,
    v1::Speaker* response) {
  return FinishWith(context->DefaultReactor(), store_.GetSpeaker(request->name()), response);
}

grpc::ServerUnaryReactor* VerificationServiceImpl::ListSpeakers(
    grpc::CallbackServerContext* context, const v1::ListSpeakersRequest* request,
    v1::ListSpeakersResponse* response) {
  if (absl::Status clean = RejectNulBytes(*request); !clean.ok()) {
    return FinishWith(context->DefaultReactor(), absl::StatusOr<v1::ListSpeakersResponse>(clean),
                      response);
  }
  return FinishWith(context->DefaultReactor(),
                    store_.ListSpeakers(request->alias(), request->page_size(),
                                        request->page_token()),
                    response);
}

}  // namespace claimtrack::verification
