#ifndef CLAIMTRACK_SERVICES_VERIFICATION_VERIFICATION_SERVICE_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_VERIFICATION_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "claimtrack/verification/v1/verification_service.grpc.pb.h"
#include "common/security/server_security.h"
#include "services/verification/claim_review_export.h"
#include "services/verification/claim_store.h"

namespace claimtrack::verification {

// The VerificationService RPCs: validates requests, hands them to the
// ClaimStore and converts statuses at the edge. Writes finish in the store's
// durable-commit callback; reads run inline (short local SQLite reads).
class VerificationServiceImpl final : public v1::VerificationService::CallbackService {
 public:
  // `store` and `security` (null: no authentication, the local mode) must
  // outlive the service.
  explicit VerificationServiceImpl(ClaimStore& store,
                                   const security::ServerSecurityContext* security = nullptr,
                                   ClaimReviewOptions claim_review = {})
      : store_(store), security_(security), claim_review_(std::move(claim_review)) {}

  grpc::ServerUnaryReactor* RecordStatements(grpc::CallbackServerContext* context,
                                             const v1::RecordStatementsRequest* request,
                                             v1::RecordStatementsResponse* response) override;
  grpc::ServerUnaryReactor* GetClaim(grpc::CallbackServerContext* context,
                                     const v1::GetClaimRequest* request,
                                     v1::Claim* response) override;
  grpc::ServerUnaryReactor* ListClaims(grpc::CallbackServerContext* context,
                                       const v1::ListClaimsRequest* request,
                                       v1::ListClaimsResponse* response) override;
  // Tracking RPCs, in verification_service_tracking.cc.
  grpc::ServerUnaryReactor* SearchClaims(grpc::CallbackServerContext* context,
                                         const v1::SearchClaimsRequest* request,
                                         v1::SearchClaimsResponse* response) override;
  grpc::ServerUnaryReactor* ListClaimVariants(grpc::CallbackServerContext* context,
                                              const v1::ListClaimVariantsRequest* request,
                                              v1::ListClaimVariantsResponse* response) override;
  grpc::ServerUnaryReactor* GetSpeaker(grpc::CallbackServerContext* context,
                                       const v1::GetSpeakerRequest* request,
                                       v1::Speaker* response) override;
  grpc::ServerUnaryReactor* ListSpeakers(grpc::CallbackServerContext* context,
                                         const v1::ListSpeakersRequest* request,
                                         v1::ListSpeakersResponse* response) override;
  grpc::ServerUnaryReactor* ReviewClaim(grpc::CallbackServerContext* context,
                                        const v1::ReviewClaimRequest* request,
                                        v1::Claim* response) override;
  grpc::ServerUnaryReactor* ListClaimHistory(grpc::CallbackServerContext* context,
                                             const v1::ListClaimHistoryRequest* request,
                                             v1::ListClaimHistoryResponse* response) override;

  // The workflow RPCs (verification_service_workflow.cc).
  grpc::ServerUnaryReactor* AddEvidence(grpc::CallbackServerContext* context,
                                        const v1::AddEvidenceRequest* request,
                                        v1::Claim* response) override;
  grpc::ServerUnaryReactor* AssignClaim(grpc::CallbackServerContext* context,
                                        const v1::AssignClaimRequest* request,
                                        v1::Claim* response) override;
  grpc::ServerUnaryReactor* PublishClaim(grpc::CallbackServerContext* context,
                                         const v1::PublishClaimRequest* request,
                                         v1::Claim* response) override;
  grpc::ServerUnaryReactor* ReopenClaim(grpc::CallbackServerContext* context,
                                        const v1::ReopenClaimRequest* request,
                                        v1::Claim* response) override;
  grpc::ServerUnaryReactor* VerifyClaimHistory(grpc::CallbackServerContext* context,
                                               const v1::VerifyClaimHistoryRequest* request,
                                               v1::VerifyClaimHistoryResponse* response) override;
  grpc::ServerWriteReactor<v1::ClaimChange>* WatchClaimChanges(
      grpc::CallbackServerContext* context, const v1::WatchClaimChangesRequest* request) override;
  grpc::ServerUnaryReactor* ExportClaimReview(grpc::CallbackServerContext* context,
                                              const v1::ExportClaimReviewRequest* request,
                                              v1::ExportClaimReviewResponse* response) override;

  // Ends every WatchClaimChanges stream (UNAVAILABLE: reconnect with the
  // last cursor) and refuses new ones. Call before the server's drain, which
  // would otherwise wait its whole timeout for these endless streams.
  void StopWatches();

 private:
  // Who is making a change: the authenticated caller; on a server that does
  // not authenticate, the x-claimtrack-analyst metadata; else empty.
  std::string AnalystOf(const grpc::CallbackServerContext& context) const;

  // Runs a validated workflow change and finishes `reactor` with its result.
  void ApplyChange(absl::StatusOr<WorkflowChange> change, grpc::ServerUnaryReactor* reactor,
                   v1::Claim* response);

  ClaimStore& store_;
  const security::ServerSecurityContext* security_;
  const ClaimReviewOptions claim_review_;
};

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_VERIFICATION_SERVICE_H_
