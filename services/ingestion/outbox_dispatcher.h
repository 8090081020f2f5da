#ifndef CLAIMTRACK_SERVICES_INGESTION_OUTBOX_DISPATCHER_H_
#define CLAIMTRACK_SERVICES_INGESTION_OUTBOX_DISPATCHER_H_

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/functional/any_invocable.h"
#include "absl/random/random.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "claimtrack/type/v1/article.pb.h"
#include "services/ingestion/document_store.h"

namespace claimtrack::ingestion {

// Delivers a document to extraction. Implementations are asynchronous: `done`
// runs once, on any thread, with the statement count or the error.
class DocumentProcessor {
 public:
  using Done = absl::AnyInvocable<void(absl::StatusOr<int> statement_count)>;
  virtual ~DocumentProcessor() = default;
  // `request_id` (may be empty) goes with the call (common/grpc/request_id.h).
  virtual void Process(const claimtrack::type::v1::DocumentRef& document,
                       const std::string& request_id, Done done) = 0;
  // Makes every outstanding call finish soon (typically CANCELLED). Called at
  // shutdown so that nothing is left to call back into a stopped dispatcher.
  virtual void CancelAll() {}
};

struct OutboxDispatcherOptions {
  // The most ProcessDocument calls at once.
  int max_in_flight = 64;
  // Retry backoff: initial, doubling per attempt up to max, each delay
  // jittered down by up to `jitter` so that retries spread out.
  absl::Duration initial_backoff = absl::Milliseconds(200);
  absl::Duration max_backoff = absl::Seconds(30);
  double jitter = 0.2;
  // The clock that decides what is due (tests inject a fake one).
  std::function<absl::Time()> clock = [] { return absl::Now(); };
  // Called after each delivery outcome is committed (done, failed or a retry
  // scheduled), on the store's writer thread; for tests and metrics.
  std::function<void(const Document&)> on_update;
};

// The outbox worker: keeps up to max_in_flight due documents in delivery,
// records each outcome (DONE, FAILED on INVALID_ARGUMENT, otherwise a retry
// with exponential backoff) and tells waiters when a document finishes.
//
// A document is due when RECEIVED or EXTRACTING with next_attempt_time <= now,
// so one left EXTRACTING by a crash is simply delivered again after a restart
// (extraction's ProcessDocument is idempotent). With a store that replicas
// share (PostgreSQL), FetchDue hands each replica only the documents it has
// claimed, and a dead replica's claims lapse after a lease.
class OutboxDispatcher {
 public:
  using WaitDone = absl::AnyInvocable<void(absl::StatusOr<Document> document)>;

  // `store` and `processor` must outlive the dispatcher.
  OutboxDispatcher(DocumentStore* store, DocumentProcessor* processor,
                   OutboxDispatcherOptions options);
  explicit OutboxDispatcher(DocumentStore* store, DocumentProcessor* processor)
      : OutboxDispatcher(store, processor, OutboxDispatcherOptions{}) {}
  ~OutboxDispatcher();
  OutboxDispatcher(const OutboxDispatcher&) = delete;
  OutboxDispatcher& operator=(const OutboxDispatcher&) = delete;

  // Starts the worker thread, which first picks up whatever is already due.
  void Start();

  // New documents were committed: look for due work now. Cheap; call it
  // after every ingest.
  void Notify();

  // Stops delivering. Outstanding calls are cancelled and their documents
  // stay due for the next start; waiters get UNAVAILABLE. Idempotent.
  void Stop();

  // Calls `done` once: with the document (BASIC view) when it is DONE or
  // FAILED (at once if it already is), with DEADLINE_EXCEEDED at `deadline`,
  // or with the status given to CancelWait. A document another replica
  // finished (a shared store) is seen at the deadline, not before. Returns an id for CancelWait (0 if
  // `done` already ran).
  uint64_t WaitForCompletion(const std::string& name, absl::Time deadline, WaitDone done);
  // Ends a wait early (the caller went away); no-op if it already ended.
  void CancelWait(uint64_t waiter_id, absl::Status status);

  // The backoff before attempt `attempt_count + 1` (exposed for tests).
  absl::Duration Backoff(int attempt_count);
  // Starts (or lengthens) the pause of all deliveries after a transient
  // failure; logged once per pause rather than once per document.
  void PauseDeliveries(const absl::Status& error);

 private:
  struct Waiter {
    std::string name;
    absl::Time deadline;
    WaitDone done;
  };

  void Loop();
  // Loads, marks in flight and hands to the processor one round of items.
  void Dispatch(const std::vector<const OutboxItem*>& items);
  void OnProcessed(const std::string& name, const std::string& request_id, int attempt_count,
                   absl::StatusOr<int> result);
  void Settle(const std::string& name, absl::StatusOr<Document> document);
  // Removes and returns a waiter's callback; empty if it is gone.
  WaitDone TakeWaiterLocked(uint64_t id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  std::vector<WaitDone> TakeWaitersForLocked(const std::string& name)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  DocumentStore* const store_;
  DocumentProcessor* const processor_;
  const OutboxDispatcherOptions options_;

  absl::Mutex mu_;
  bool started_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  // Set by Notify(), completions and new waiters: the loop should look again.
  bool work_requested_ ABSL_GUARDED_BY(mu_) = true;
  // When the earliest scheduled retry is due (InfiniteFuture: none known).
  absl::Time next_due_ ABSL_GUARDED_BY(mu_) = absl::InfiniteFuture();
  // While extraction fails transiently (down, restarting), every delivery
  // pauses: one round of calls probes it, with the same backoff a single
  // document gets, instead of each queued document failing on its own.
  absl::Time paused_until_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  int consecutive_failures_ ABSL_GUARDED_BY(mu_) = 0;
  // Documents handed to the processor whose outcome is not committed yet;
  // they are still due in the store, so fetches skip them.
  absl::flat_hash_set<std::string> in_flight_ ABSL_GUARDED_BY(mu_);
  // Members of in_flight_ whose outcome is committed; the loop removes them
  // from in_flight_ before its next fetch.
  std::vector<std::string> settled_ ABSL_GUARDED_BY(mu_);
  uint64_t next_waiter_id_ ABSL_GUARDED_BY(mu_) = 1;
  absl::flat_hash_map<uint64_t, Waiter> waiters_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, std::vector<uint64_t>> waiters_by_name_
      ABSL_GUARDED_BY(mu_);
  std::set<std::pair<absl::Time, uint64_t>> deadlines_ ABSL_GUARDED_BY(mu_);
  absl::BitGen bitgen_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace claimtrack::ingestion

#endif  // CLAIMTRACK_SERVICES_INGESTION_OUTBOX_DISPATCHER_H_
