#ifndef CLAIMTRACK_SERVICES_INGESTION_DOCUMENT_STORE_H_
#define CLAIMTRACK_SERVICES_INGESTION_DOCUMENT_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "claimtrack/ingestion/v1/ingestion_service.pb.h"
#include "claimtrack/type/v1/article.pb.h"
#include "services/ingestion/text_cleaner.h"

namespace claimtrack::ingestion {

using ::claimtrack::ingestion::v1::Document;
using ::claimtrack::ingestion::v1::ProcessingState;

// An article ready to store: validated and cleaned.
struct NewDocument {
  claimtrack::type::v1::ArticleSource source;
  std::string original_text;
  CleanedText cleaned;
  // The ingest call's request id (common/grpc/request_id.h), kept so that
  // the work the outbox does later carries it too.
  std::string request_id;
};

// A document as the outbox delivers it.
struct DocumentDelivery {
  // Name, cleaned text, source: what extraction needs.
  claimtrack::type::v1::DocumentRef document;
  // Of the call that stored it; empty for documents stored before ids were.
  std::string request_id;
};

struct IngestResult {
  // BASIC view: everything but `text` and `original_text`.
  Document document;
  // False when an identical document (same URL, same cleaned text) existed.
  bool created = false;
};

struct ListDocumentsQuery {
  // PROCESSING_STATE_UNSPECIFIED matches every state.
  ProcessingState state = ProcessingState::PROCESSING_STATE_UNSPECIFIED;
  // Empty matches every publisher.
  std::string publisher;
  // Empty matches every URL.
  std::string url;
  // Already validated and capped (EffectivePageSize).
  int page_size = 50;
  std::string page_token;
  // False: BASIC view (no text, no original_text).
  bool full_view = false;
  // A page ends early, after the document that takes it past this many
  // bytes of text (always at least one document), so that a FULL page of
  // large articles stays under the server's message limit.
  size_t max_text_bytes = 4 << 20;
};

// What a List page token is bound to: the filters, not the page size or
// view, which callers may change between pages.
std::string ListDocumentsFingerprint(const ListDocumentsQuery& query);

struct ListDocumentsPage {
  std::vector<Document> documents;
  std::string next_page_token;
};

// A document waiting for delivery to extraction.
struct OutboxItem {
  std::string name;
  int attempt_count = 0;
  absl::Time next_attempt_time;
};

// What is waiting in the outbox (for metrics): documents not yet DONE or
// FAILED, and when the oldest of them was stored.
struct OutboxStats {
  int64_t undelivered = 0;
  std::optional<absl::Time> oldest_create_time;
};

// Where documents live. All writes are asynchronous and durable before their
// callback runs (group commit); callbacks run on the store's writer thread
// and must not block. Reads are synchronous, short and local.
//
// Identity: a document's id is the first 16 hex digits of
// sha256(url + "\n" + sha256(cleaned text)). The same URL with the same text
// is the same document; the same URL with new text is a new revision.
class DocumentStore {
 public:
  using IngestDone =
      absl::AnyInvocable<void(absl::StatusOr<std::vector<IngestResult>> results)>;
  // Gets the document after the write (BASIC view).
  using UpdateDone = absl::AnyInvocable<void(absl::StatusOr<Document> document)>;

  virtual ~DocumentStore() = default;

  // Stores `documents` in one transaction: all of them or none. Results are
  // in input order; a document repeated within the batch is created once.
  virtual void Ingest(std::vector<NewDocument> documents, IngestDone done) = 0;

  // NOT_FOUND if there is no such document. `name` is "documents/{id}".
  virtual absl::StatusOr<Document> Get(absl::string_view name, bool full_view) = 0;

  // Newest first. INVALID_ARGUMENT for a token issued for other filters.
  virtual absl::StatusOr<ListDocumentsPage> List(const ListDocumentsQuery& query) = 0;

  // Outbox. Documents RECEIVED or EXTRACTING with next_attempt_time <= now,
  // the longest-waiting first, at most `limit`.
  virtual absl::StatusOr<std::vector<OutboxItem>> FetchDue(absl::Time now, int limit) = 0;
  // The earliest next_attempt_time after `now` among undelivered documents.
  virtual absl::StatusOr<std::optional<absl::Time>> NextDueAfter(absl::Time now) = 0;
  // How many documents are undelivered (RECEIVED or EXTRACTING) and the
  // oldest one's create time. One short read; metrics call it per scrape.
  virtual absl::StatusOr<OutboxStats> GetOutboxStats() = 0;
  // The document as the outbox delivers it. NOT_FOUND if there is none.
  virtual absl::StatusOr<DocumentDelivery> GetDocumentDelivery(absl::string_view name) = 0;

  // State EXTRACTING, attempt_count + 1, for each of `names` (one write for
  // a whole dispatch round). Nothing is read back: the dispatcher does not
  // wait for this write.
  virtual void MarkInFlight(std::vector<std::string> names,
                            absl::AnyInvocable<void(absl::Status status)> done) = 0;
  // State DONE with the statement count; clears failure_reason.
  virtual void MarkDone(const std::string& name, int statement_count,
                        UpdateDone done) = 0;
  // Stays EXTRACTING; due again at `next_attempt_time`; `error` is kept as
  // failure_reason.
  virtual void ScheduleRetry(const std::string& name, absl::Time next_attempt_time,
                             const std::string& error, UpdateDone done) = 0;
  // State FAILED with `reason`.
  virtual void MarkFailed(const std::string& name, const std::string& reason,
                          UpdateDone done) = 0;
};

// The id of a document's identity (see DocumentStore); its name is
// "documents/{id}".
std::string DocumentId(absl::string_view url, absl::string_view content_sha256);
inline constexpr absl::string_view kDocumentCollection = "documents";

}  // namespace claimtrack::ingestion

#endif  // CLAIMTRACK_SERVICES_INGESTION_DOCUMENT_STORE_H_
