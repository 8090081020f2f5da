#include "services/ingestion/extraction_client.h"

#include <utility>

#include "common/grpc/channel.h"
#include "common/grpc/request_id.h"
#include "common/status/grpc_status.h"

namespace claimtrack::ingestion {

// One call's state, alive until its callback has run.
struct ExtractionClient::Call {
  grpc::ClientContext context;
  claimtrack::extraction::v1::ProcessDocumentRequest request;
  claimtrack::extraction::v1::ProcessDocumentResponse response;
  Done done;
};

ExtractionClient::ExtractionClient(std::shared_ptr<grpc::Channel> channel,
                                   absl::Duration timeout)
    : stub_(claimtrack::extraction::v1::ExtractionService::NewStub(std::move(channel))),
      timeout_(timeout) {}

ExtractionClient::~ExtractionClient() {
  CancelAll();
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(
      +[](ExtractionClient* self) ABSL_EXCLUSIVE_LOCKS_REQUIRED(self->mu_) {
        return self->outstanding_.empty();
      },
      this));
}

void ExtractionClient::Process(const claimtrack::type::v1::DocumentRef& document,
                               const std::string& request_id, Done done) {
  auto* call = new Call;
  *call->request.mutable_document() = document;
  call->done = std::move(done);
  call->context.set_deadline(DeadlineIn(timeout_));
  PropagateRequestId(request_id, &call->context);
  {
    absl::MutexLock lock(&mu_);
    outstanding_.insert(call);
  }
  stub_->async()->ProcessDocument(
      &call->context, &call->request, &call->response,
      [this, call](grpc::Status status) { Finish(call, status); });
}

void ExtractionClient::Finish(Call* call, const grpc::Status& status) {
  std::unique_ptr<Call> owned(call);
  {
    absl::MutexLock lock(&mu_);
    outstanding_.erase(call);
  }
  if (status.ok()) {
    owned->done(owned->response.statement_count());
  } else {
    owned->done(FromGrpcStatus(status));
  }
}

void ExtractionClient::CancelAll() {
  absl::MutexLock lock(&mu_);
  for (Call* call : outstanding_) {
    call->context.TryCancel();
  }
}

}  // namespace claimtrack::ingestion
