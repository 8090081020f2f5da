#ifndef CLAIMTRACK_SERVICES_INGESTION_INGESTION_SERVICE_H_
#define CLAIMTRACK_SERVICES_INGESTION_INGESTION_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "claimtrack/ingestion/v1/ingestion_service.grpc.pb.h"
#include "services/ingestion/article_validation.h"
#include "services/ingestion/document_store.h"
#include "services/ingestion/outbox_dispatcher.h"

namespace claimtrack::ingestion {

struct IngestionServiceOptions {
  ArticleLimits limits;
};

// claimtrack.ingestion.v1.IngestionService: validates and cleans articles,
// acknowledges them once committed (group commit, no thread blocked on the
// disk) and wakes the outbox dispatcher. Translates proto <-> domain only.
class IngestionService final
    : public claimtrack::ingestion::v1::IngestionService::CallbackService {
 public:
  // The most articles in one BatchIngestArticles call.
  static constexpr int kMaxBatchSize = 1000;

  // `store` and `dispatcher` must outlive the service.
  IngestionService(DocumentStore* store, OutboxDispatcher* dispatcher,
                   IngestionServiceOptions options);

  grpc::ServerUnaryReactor* IngestArticle(
      grpc::CallbackServerContext* context,
      const claimtrack::ingestion::v1::IngestArticleRequest* request,
      claimtrack::ingestion::v1::IngestArticleResponse* response) override;
  grpc::ServerUnaryReactor* BatchIngestArticles(
      grpc::CallbackServerContext* context,
      const claimtrack::ingestion::v1::BatchIngestArticlesRequest* request,
      claimtrack::ingestion::v1::BatchIngestArticlesResponse* response) override;
  grpc::ServerUnaryReactor* GetDocument(
      grpc::CallbackServerContext* context,
      const claimtrack::ingestion::v1::GetDocumentRequest* request,
      claimtrack::ingestion::v1::Document* response) override;
  grpc::ServerUnaryReactor* ListDocuments(
      grpc::CallbackServerContext* context,
      const claimtrack::ingestion::v1::ListDocumentsRequest* request,
      claimtrack::ingestion::v1::ListDocumentsResponse* response) override;

 private:
  class IngestReactor;

  DocumentStore* const store_;
  OutboxDispatcher* const dispatcher_;
  const IngestionServiceOptions options_;
};

}  // namespace claimtrack::ingestion

#endif  // CLAIMTRACK_SERVICES_INGESTION_INGESTION_SERVICE_H_
