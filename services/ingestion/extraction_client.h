#ifndef CLAIMTRACK_SERVICES_INGESTION_EXTRACTION_CLIENT_H_
#define CLAIMTRACK_SERVICES_INGESTION_EXTRACTION_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "claimtrack/extraction/v1/extraction_service.grpc.pb.h"
#include "services/ingestion/outbox_dispatcher.h"

namespace claimtrack::ingestion {

// The real DocumentProcessor: ExtractionService.ProcessDocument over gRPC,
// with the callback API (no thread per call) and a deadline on every call.
class ExtractionClient final : public DocumentProcessor {
 public:
  ExtractionClient(std::shared_ptr<grpc::Channel> channel, absl::Duration timeout);
  // Cancels outstanding calls and waits for their callbacks.
  ~ExtractionClient() override;

  void Process(const claimtrack::type::v1::DocumentRef& document, const std::string& request_id,
               Done done) override;
  void CancelAll() override;

 private:
  struct Call;
  void Finish(Call* call, const grpc::Status& status);

  std::unique_ptr<claimtrack::extraction::v1::ExtractionService::Stub> stub_;
  const absl::Duration timeout_;
  absl::Mutex mu_;
  absl::flat_hash_set<Call*> outstanding_ ABSL_GUARDED_BY(mu_);
};

}  // namespace claimtrack::ingestion

#endif  // CLAIMTRACK_SERVICES_INGESTION_EXTRACTION_CLIENT_H_
