#include "services/extraction/extraction_service.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/grpc/channel.h"
#include "common/grpc/request_id.h"
#include "common/metrics/metrics.h"
#include "common/status/grpc_status.h"
#include "services/extraction/document_validation.h"
#include "services/extraction/statement_converter.h"
#include "spdlog/spdlog.h"

namespace claimtrack::extraction {
namespace {

namespace v1 = ::claimtrack::extraction::v1;
namespace verification_v1 = ::claimtrack::verification::v1;

// One in-flight RecordStatements call; deletes itself when it completes.
struct RecordCall {
  grpc::ClientContext context;
  verification_v1::RecordStatementsRequest request;
  verification_v1::RecordStatementsResponse response;
};

}  // namespace

std::vector<claimtrack::type::v1::Statement> ExtractionService::Extract(
    const std::string& text) const {
  static auto& seconds = prometheus::BuildHistogram()
                             .Name("claimtrack_extraction_seconds")
                             .Help("Time the attribution engine took per document.")
                             .Register(metrics::Registry())
                             .Add({}, metrics::LatencyBuckets());
  static auto& statements =
      prometheus::BuildHistogram()
          .Name("claimtrack_extraction_statements")
          .Help("Statements found per document.")
          .Register(metrics::Registry())
          .Add({}, prometheus::Histogram::BucketBoundaries{0, 1, 2, 5, 10, 20, 50, 100, 200});
  const absl::Time start = absl::Now();
  std::vector<engine::Statement> extracted = engine_.Extract(text);
  // "Weir did not say whether 40 jobs were cut" reports what the speaker did
  // not say: no claim of theirs to record.
  extracted.erase(std::remove_if(extracted.begin(), extracted.end(),
                                 [](const engine::Statement& s) { return s.negated; }),
                  extracted.end());
  std::vector<claimtrack::type::v1::Statement> found = ToProtoStatements(extracted);
  seconds.Observe(absl::ToDoubleSeconds(absl::Now() - start));
  statements.Observe(static_cast<double>(found.size()));
  return found;
}

ExtractionService::ExtractionService(
    ExtractionServiceOptions options,
    std::unique_ptr<verification_v1::VerificationService::StubInterface> verification)
    : options_(options), verification_(std::move(verification)) {}

grpc::ServerUnaryReactor* ExtractionService::ExtractStatements(
    grpc::CallbackServerContext* context,
    const v1::ExtractStatementsRequest* request,
    v1::ExtractStatementsResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  const absl::Status valid = ValidateDocument(request->document(), options_.max_text_bytes,
                                              /*require_name=*/false);
  if (!valid.ok()) {
    reactor->Finish(ToGrpcStatus(valid));
    return reactor;
  }
  for (auto& statement : Extract(request->document().text())) {
    *response->add_statements() = std::move(statement);
  }
  response->set_extractor_version(std::string(engine::AttributionEngine::kVersion));
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

grpc::ServerUnaryReactor* ExtractionService::ProcessDocument(
    grpc::CallbackServerContext* context, const v1::ProcessDocumentRequest* request,
    v1::ProcessDocumentResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  const absl::Status valid = ValidateDocument(request->document(), options_.max_text_bytes,
                                              /*require_name=*/true);
  if (!valid.ok()) {
    reactor->Finish(ToGrpcStatus(valid));
    return reactor;
  }

  auto* call = new RecordCall;
  // Verification keeps spans, not the text: the ingestion service is the
  // system of record for documents.
  call->request.mutable_document()->set_name(request->document().name());
  *call->request.mutable_document()->mutable_source() = request->document().source();
  for (auto& statement : Extract(request->document().text())) {
    *call->request.add_statements() = std::move(statement);
  }
  const int statement_count = call->request.statements_size();
  // Our own deadline, never later than the caller's: a caller that gave up
  // must not leave work running on its behalf.
  call->context.set_deadline(
      std::min(DeadlineIn(options_.verification_timeout), context->deadline()));

  const std::string document_name = request->document().name();
  const std::string request_id = RequestIdOf(*context);
  PropagateRequestId(request_id, &call->context);
  verification_->async()->RecordStatements(
      &call->context, &call->request, &call->response,
      [call, reactor, response, statement_count, document_name,
       request_id](grpc::Status status) {
        grpc::Status result = grpc::Status::OK;
        if (status.ok()) {
          response->set_statement_count(statement_count);
          spdlog::debug("{}: recorded {} statements ({} new claims) [request {}]",
                        document_name, statement_count, call->response.created_claim_count(),
                        request_id);
        } else {
          spdlog::warn("{}: recording statements failed: {} [request {}]", document_name,
                       status.error_message(), request_id);
          // Keep the code (UNAVAILABLE stays retryable for the caller) and
          // say which hop failed.
          result = grpc::Status(status.error_code(),
                                absl::StrCat("verification service: ", status.error_message()));
        }
        // The outgoing call's state goes before the reply: once the caller
        // has its answer it may shut the server (and this service) down,
        // and a ClientContext outliving its channel's owner aborts.
        delete call;
        reactor->Finish(result);
      });
  return reactor;
}

}  // namespace claimtrack::extraction
