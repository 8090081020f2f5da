#ifndef CLAIMTRACK_SERVICES_EXTRACTION_EXTRACTION_SERVICE_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_EXTRACTION_SERVICE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/time/time.h"
#include "claimtrack/extraction/v1/extraction_service.grpc.pb.h"
#include "claimtrack/verification/v1/verification_service.grpc.pb.h"
#include "services/extraction/engine/attribution_engine.h"

namespace claimtrack::extraction {

struct ExtractionServiceOptions {
  // Largest document text accepted, in bytes.
  size_t max_text_bytes = 4 << 20;
  // Deadline of each RecordStatements call to verification (capped by the
  // incoming call's own deadline).
  absl::Duration verification_timeout = absl::Seconds(20);
};

// Stateless: runs the attribution engine on a document and, on the pipeline
// path, records the statements with the verification service. Any number of
// replicas can run side by side.
class ExtractionService final
    : public claimtrack::extraction::v1::ExtractionService::CallbackService {
 public:
  ExtractionService(
      ExtractionServiceOptions options,
      std::unique_ptr<claimtrack::verification::v1::VerificationService::StubInterface>
          verification);

  grpc::ServerUnaryReactor* ExtractStatements(
      grpc::CallbackServerContext* context,
      const claimtrack::extraction::v1::ExtractStatementsRequest* request,
      claimtrack::extraction::v1::ExtractStatementsResponse* response) override;

  grpc::ServerUnaryReactor* ProcessDocument(
      grpc::CallbackServerContext* context,
      const claimtrack::extraction::v1::ProcessDocumentRequest* request,
      claimtrack::extraction::v1::ProcessDocumentResponse* response) override;

 private:
  // Runs the engine and converts its output, recording the time taken and
  // the statement count (claimtrack_extraction_seconds,
  // claimtrack_extraction_statements).
  std::vector<claimtrack::type::v1::Statement> Extract(const std::string& text) const;

  const ExtractionServiceOptions options_;
  // Extraction is CPU work measured in microseconds per article, so it runs
  // on the callback thread; only the call to verification is asynchronous.
  const engine::AttributionEngine engine_;
  std::unique_ptr<claimtrack::verification::v1::VerificationService::StubInterface>
      verification_;
};

}  // namespace claimtrack::extraction

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_EXTRACTION_SERVICE_H_
