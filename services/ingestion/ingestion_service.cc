#include "services/ingestion/ingestion_service.h"

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/api/pagination.h"
#include "common/api/resource_name.h"
#include "common/grpc/request_id.h"
#include "common/status/grpc_status.h"
#include "services/ingestion/text_cleaner.h"

namespace claimtrack::ingestion {
namespace {

using ::claimtrack::ingestion::v1::BatchIngestArticlesRequest;
using ::claimtrack::ingestion::v1::BatchIngestArticlesResponse;
using ::claimtrack::ingestion::v1::DocumentView;
using ::claimtrack::ingestion::v1::GetDocumentRequest;
using ::claimtrack::ingestion::v1::IngestArticleRequest;
using ::claimtrack::ingestion::v1::IngestArticleResponse;
using ::claimtrack::ingestion::v1::ListDocumentsRequest;
using ::claimtrack::ingestion::v1::ListDocumentsResponse;

absl::Time CallDeadline(const grpc::CallbackServerContext& context) {
  const std::chrono::system_clock::time_point deadline = context.deadline();
  if (deadline == std::chrono::system_clock::time_point::max()) {
    return absl::InfiniteFuture();
  }
  return absl::FromChrono(deadline);
}

grpc::ServerUnaryReactor* FinishNow(grpc::CallbackServerContext* context,
                                    const absl::Status& status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatus(status));
  return reactor;
}

absl::Status CheckView(DocumentView view) {
  if (!claimtrack::ingestion::v1::DocumentView_IsValid(view)) {
    return absl::InvalidArgumentError(
        absl::StrCat("view: ", static_cast<int>(view), " is not a DocumentView"));
  }
  return absl::OkStatus();
}

}  // namespace

// One IngestArticle or BatchIngestArticles call: commit, then answer at once
// or, for items with wait_for_processing, when the outbox dispatcher reports
// them finished. A custom reactor (not DefaultReactor) so that a cancelled
// call (client gone, server draining) ends its waits and still finishes.
class IngestionService::IngestReactor final : public grpc::ServerUnaryReactor {
 public:
  IngestReactor(IngestionService* service, grpc::CallbackServerContext* context,
                std::vector<const IngestArticleRequest*> requests,
                std::vector<IngestArticleResponse*> responses)
      : service_(service),
        context_(context),
        requests_(std::move(requests)),
        responses_(std::move(responses)),
        state_(std::make_shared<State>()) {
    absl::MutexLock lock(&state_->mu);
    state_->reactor = this;
  }

  void Start(std::vector<NewDocument> documents) {
    service_->store_->Ingest(std::move(documents),
                             [this](absl::StatusOr<std::vector<IngestResult>> results) {
                               OnCommitted(std::move(results));
                             });
  }

  void OnCancel() override {
    std::vector<uint64_t> ids;
    {
      std::shared_ptr<State> state = state_;
      absl::MutexLock lock(&state->mu);
      state->cancelled = true;
      ids = state->waiter_ids;
    }
    for (const uint64_t id : ids) {
      service_->dispatcher_->CancelWait(id,
                                        absl::CancelledError("the call was cancelled"));
    }
  }

  void OnDone() override { delete this; }

 private:
  // Shared with waiter callbacks, which may outlive the reactor.
  struct State {
    absl::Mutex mu;
    IngestReactor* reactor ABSL_GUARDED_BY(mu) = nullptr;
    bool finished ABSL_GUARDED_BY(mu) = false;
    bool cancelled ABSL_GUARDED_BY(mu) = false;
    int remaining ABSL_GUARDED_BY(mu) = 0;
    std::vector<uint64_t> waiter_ids ABSL_GUARDED_BY(mu);
  };

  // Finishes the call once; later callers are ignored. Called with the lock
  // held so that no waiter touches a response after Finish.
  static void FinishLocked(State& state, const absl::Status& status)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(state.mu) {
    if (state.finished) {
      return;
    }
    state.finished = true;
    state.reactor->Finish(ToGrpcStatus(status));
  }

  void OnCommitted(absl::StatusOr<std::vector<IngestResult>> results) {
    // A local reference: Finish may lead to OnDone deleting the reactor (and
    // its state_) while this function still holds state->mu.
    std::shared_ptr<State> state = state_;
    if (!results.ok()) {
      absl::MutexLock lock(&state->mu);
      FinishLocked(*state, results.status());
      return;
    }
    service_->dispatcher_->Notify();
    std::vector<size_t> waiting;
    for (size_t i = 0; i < results->size(); ++i) {
      IngestResult& result = (*results)[i];
      // A document that already existed may be finished: nothing to wait for.
      const ProcessingState state = result.document.state();
      if (requests_[i]->wait_for_processing() &&
          state != claimtrack::ingestion::v1::PROCESSING_STATE_DONE &&
          state != claimtrack::ingestion::v1::PROCESSING_STATE_FAILED) {
        waiting.push_back(i);
      }
      *responses_[i]->mutable_document() = std::move(result.document);
      responses_[i]->set_created(result.created);
    }
    const absl::Time deadline = CallDeadline(*context_);
    OutboxDispatcher* dispatcher = service_->dispatcher_;
    std::vector<std::pair<std::string, IngestArticleResponse*>> waits;
    for (const size_t i : waiting) {
      waits.emplace_back(responses_[i]->document().name(), responses_[i]);
    }
    {
      absl::MutexLock lock(&state->mu);
      if (state->cancelled) {
        FinishLocked(*state, absl::CancelledError("the call was cancelled"));
        return;
      }
      if (waiting.empty()) {
        FinishLocked(*state, absl::OkStatus());
        return;
      }
      state->remaining = static_cast<int>(waiting.size());
    }
    // From here the reactor may be gone (the first wait to end can finish
    // the call): use only locals.
    for (auto& [name, response] : waits) {
      const uint64_t id = dispatcher->WaitForCompletion(
          name, deadline,
          [state, response = response](absl::StatusOr<Document> document) {
            absl::MutexLock lock(&state->mu);
            if (state->finished) {
              return;
            }
            if (!document.ok()) {
              FinishLocked(*state, document.status());
              return;
            }
            *response->mutable_document() = *std::move(document);
            if (--state->remaining == 0) {
              FinishLocked(*state, absl::OkStatus());
            }
          });
      bool end_wait = false;
      {
        absl::MutexLock lock(&state->mu);
        state->waiter_ids.push_back(id);
        end_wait = state->cancelled || state->finished;
      }
      if (end_wait) {
        // Cancelled meanwhile, or another wait already failed the call.
        dispatcher->CancelWait(id, absl::CancelledError("the call was cancelled"));
      }
    }
  }

  IngestionService* const service_;
  grpc::CallbackServerContext* const context_;
  const std::vector<const IngestArticleRequest*> requests_;
  const std::vector<IngestArticleResponse*> responses_;
  std::shared_ptr<State> state_;
};

IngestionService::IngestionService(DocumentStore* store, OutboxDispatcher* dispatcher,
                                   IngestionServiceOptions options)
    : store_(store), dispatcher_(dispatcher), options_(std::move(options)) {}

namespace {

// Validates and cleans one article (CPU only, on the calling thread).
absl::StatusOr<NewDocument> PrepareArticle(const IngestArticleRequest& request,
                                           const ArticleLimits& limits,
                                           absl::string_view field_prefix) {
  const std::string article_field = absl::StrCat(field_prefix, "article");
  if (!request.has_article()) {
    return absl::InvalidArgumentError(absl::StrCat(article_field, " is required"));
  }
  if (absl::Status valid = ValidateArticle(request.article(), limits, article_field);
      !valid.ok()) {
    return valid;
  }
  NewDocument document;
  document.source = request.article().source();
  document.original_text = request.article().text();
  document.cleaned = CleanArticleText(document.original_text);
  if (document.cleaned.text.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(article_field, ".text has nothing left after removing boilerplate"));
  }
  return document;
}

}  // namespace

grpc::ServerUnaryReactor* IngestionService::IngestArticle(
    grpc::CallbackServerContext* context, const IngestArticleRequest* request,
    IngestArticleResponse* response) {
  const std::string request_id = RequestIdOf(*context);
  context->AddInitialMetadata(kRequestIdMetadataKey, request_id);
  absl::StatusOr<NewDocument> document = PrepareArticle(*request, options_.limits, "");
  if (!document.ok()) {
    return FinishNow(context, document.status());
  }
  document->request_id = request_id;
  auto* reactor = new IngestReactor(this, context, {request}, {response});
  std::vector<NewDocument> documents;
  documents.push_back(*std::move(document));
  reactor->Start(std::move(documents));
  return reactor;
}

grpc::ServerUnaryReactor* IngestionService::BatchIngestArticles(
    grpc::CallbackServerContext* context, const BatchIngestArticlesRequest* request,
    BatchIngestArticlesResponse* response) {
  const int count = request->requests_size();
  if (count < 1 || count > kMaxBatchSize) {
    return FinishNow(context, absl::InvalidArgumentError(
                                  absl::StrCat("requests must hold 1 to ", kMaxBatchSize,
                                               " articles; got ", count)));
  }
  const std::string request_id = RequestIdOf(*context);
  context->AddInitialMetadata(kRequestIdMetadataKey, request_id);
  // All or nothing: every article is checked before anything is stored.
  std::vector<NewDocument> documents;
  documents.reserve(count);
  std::vector<const IngestArticleRequest*> requests;
  std::vector<IngestArticleResponse*> responses;
  for (int i = 0; i < count; ++i) {
    absl::StatusOr<NewDocument> document = PrepareArticle(
        request->requests(i), options_.limits, absl::StrCat("requests[", i, "]."));
    if (!document.ok()) {
      return FinishNow(context, document.status());
    }
    document->request_id = request_id;
    documents.push_back(*std::move(document));
    requests.push_back(&request->requests(i));
  }
  response->mutable_responses()->Reserve(count);
  for (int i = 0; i < count; ++i) {
    responses.push_back(response->add_responses());
  }
  auto* reactor =
      new IngestReactor(this, context, std::move(requests), std::move(responses));
  reactor->Start(std::move(documents));
  return reactor;
}

grpc::ServerUnaryReactor* IngestionService::GetDocument(
    grpc::CallbackServerContext* context, const GetDocumentRequest* request,
    Document* response) {
  if (absl::StatusOr<std::string> id =
          ParseResourceName(request->name(), kDocumentCollection, "name");
      !id.ok()) {
    return FinishNow(context, id.status());
  }
  if (absl::Status view = CheckView(request->view()); !view.ok()) {
    return FinishNow(context, view);
  }
  // Get defaults to FULL (AIP-157: the single resource is usually wanted whole).
  const bool full = request->view() != claimtrack::ingestion::v1::DOCUMENT_VIEW_BASIC;
  absl::StatusOr<Document> document = store_->Get(request->name(), full);
  if (!document.ok()) {
    return FinishNow(context, document.status());
  }
  *response = *std::move(document);
  return FinishNow(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* IngestionService::ListDocuments(
    grpc::CallbackServerContext* context, const ListDocumentsRequest* request,
    ListDocumentsResponse* response) {
  absl::StatusOr<int> page_size = EffectivePageSize(request->page_size());
  if (!page_size.ok()) {
    return FinishNow(context, page_size.status());
  }
  if (!claimtrack::ingestion::v1::ProcessingState_IsValid(request->state())) {
    return FinishNow(context, absl::InvalidArgumentError(absl::StrCat(
                                  "state: ", static_cast<int>(request->state()),
                                  " is not a ProcessingState")));
  }
  if (absl::Status view = CheckView(request->view()); !view.ok()) {
    return FinishNow(context, view);
  }
  ListDocumentsQuery query;
  query.state = request->state();
  query.publisher = request->publisher();
  query.url = request->url();
  query.page_size = *page_size;
  query.page_token = request->page_token();
  query.full_view = request->view() == claimtrack::ingestion::v1::DOCUMENT_VIEW_FULL;
  absl::StatusOr<ListDocumentsPage> page = store_->List(query);
  if (!page.ok()) {
    return FinishNow(context, page.status());
  }
  response->mutable_documents()->Reserve(static_cast<int>(page->documents.size()));
  for (Document& document : page->documents) {
    *response->add_documents() = std::move(document);
  }
  response->set_next_page_token(std::move(page->next_page_token));
  return FinishNow(context, absl::OkStatus());
}

}  // namespace claimtrack::ingestion
