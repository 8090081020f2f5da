#include "services/ingestion/outbox_dispatcher.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"

namespace claimtrack::ingestion {
namespace {

using ::claimtrack::ingestion::v1::PROCESSING_STATE_DONE;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_FAILED;

// How long to wait before looking again after the store itself failed.
constexpr absl::Duration kStoreErrorPause = absl::Seconds(1);

bool IsFinished(const Document& document) {
  return document.state() == PROCESSING_STATE_DONE ||
         document.state() == PROCESSING_STATE_FAILED;
}

}  // namespace

OutboxDispatcher::OutboxDispatcher(DocumentStore* store, DocumentProcessor* processor,
                                   OutboxDispatcherOptions options)
    : store_(store), processor_(processor), options_(std::move(options)) {}

OutboxDispatcher::~OutboxDispatcher() { Stop(); }

void OutboxDispatcher::Start() {
  absl::MutexLock lock(&mu_);
  if (started_ || stopping_) {
    return;
  }
  started_ = true;
  thread_ = std::thread([this] { Loop(); });
}

void OutboxDispatcher::Notify() {
  absl::MutexLock lock(&mu_);
  work_requested_ = true;
}

void OutboxDispatcher::Stop() {
  {
    absl::MutexLock lock(&mu_);
    if (stopping_ && !thread_.joinable()) {
      return;
    }
    stopping_ = true;
  }
  if (thread_.joinable()) {
    thread_.join();
  }
  // Cancelled calls come back quickly; their documents stay due. Wait for
  // them (and for outcomes already being written) so that nothing calls back
  // into a destroyed dispatcher.
  processor_->CancelAll();
  std::vector<WaitDone> waiters;
  {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](OutboxDispatcher* self) ABSL_EXCLUSIVE_LOCKS_REQUIRED(self->mu_) {
          return self->in_flight_.size() == self->settled_.size();
        },
        this));
    for (auto& [id, waiter] : waiters_) {
      waiters.push_back(std::move(waiter.done));
    }
    waiters_.clear();
    waiters_by_name_.clear();
    deadlines_.clear();
  }
  for (WaitDone& done : waiters) {
    done(absl::UnavailableError(
        "the server is shutting down; the document is stored and will be processed "
        "after restart"));
  }
}

absl::Duration OutboxDispatcher::Backoff(int attempt_count) {
  absl::Duration delay = options_.initial_backoff;
  for (int i = 1; i < attempt_count && delay < options_.max_backoff; ++i) {
    delay *= 2;
  }
  delay = std::min(delay, options_.max_backoff);
  double factor = 1.0;
  if (options_.jitter > 0) {
    absl::MutexLock lock(&mu_);
    factor = absl::Uniform(bitgen_, 1.0 - options_.jitter, 1.0);
  }
  return delay * factor;
}

void OutboxDispatcher::Loop() {
  while (true) {
    // (document name, waiter) whose deadline passed.
    std::vector<std::pair<std::string, WaitDone>> expired;
    int capacity = 0;
    absl::Time now;
    {
      absl::MutexLock lock(&mu_);
      now = options_.clock();
      // Paused: nothing is sent before the pause ends, and everything due
      // is looked at when it does.
      absl::Time wake = paused_until_ > now ? paused_until_ : next_due_;
      if (!deadlines_.empty()) {
        wake = std::min(wake, deadlines_.begin()->first);
      }
      const bool paused = paused_until_ > now;
      if (!stopping_ && (!work_requested_ || paused) && wake > now) {
        // The timed wait is in real time; with the real clock that is exact,
        // with a test clock the loop just looks again.
        // While paused, new work waits for the pause to end.
        mu_.AwaitWithTimeout(
            absl::Condition(
                paused ? +[](OutboxDispatcher* self) ABSL_EXCLUSIVE_LOCKS_REQUIRED(
                             self->mu_) { return self->stopping_; }
                       : +[](OutboxDispatcher* self) ABSL_EXCLUSIVE_LOCKS_REQUIRED(
                             self->mu_) { return self->stopping_ || self->work_requested_; },
                this),
            wake - now);
      }
      if (stopping_) {
        return;
      }
      work_requested_ = false;
      // Outcomes committed since the last look. Only now, before the next
      // fetch starts, may these leave in_flight_: a fetch that began before
      // their commit could still see them as due and deliver them twice.
      for (const std::string& name : settled_) {
        in_flight_.erase(name);
      }
      settled_.clear();
      now = options_.clock();
      while (!deadlines_.empty() && deadlines_.begin()->first <= now) {
        const uint64_t id = deadlines_.begin()->second;
        auto waiter = waiters_.find(id);
        std::string name = waiter == waiters_.end() ? "" : waiter->second.name;
        if (WaitDone done = TakeWaiterLocked(id); done) {
          expired.emplace_back(std::move(name), std::move(done));
        }
      }
      capacity = paused_until_ > now
                     ? 0
                     : options_.max_in_flight - static_cast<int>(in_flight_.size());
    }
    for (auto& [name, done] : expired) {
      // Another replica sharing the store may have finished it: its outcome
      // never passes through this dispatcher, so look before giving up.
      absl::StatusOr<Document> current = store_->Get(name, /*full_view=*/false);
      if (current.ok() && IsFinished(*current)) {
        done(*std::move(current));
        continue;
      }
      done(absl::DeadlineExceededError(
          "the document is stored but did not finish processing before the deadline"));
    }
    if (capacity <= 0) {
      continue;  // a completion will wake the loop
    }

    // Fetch a full window: the ones already in flight come back too (they
    // are still due in the store) and are skipped.
    absl::StatusOr<std::vector<OutboxItem>> due =
        store_->FetchDue(now, options_.max_in_flight);
    if (!due.ok()) {
      spdlog::error("outbox: reading due documents failed: {}", due.status().ToString());
      absl::MutexLock lock(&mu_);
      next_due_ = std::min(next_due_, now + kStoreErrorPause);
      continue;
    }
    std::vector<const OutboxItem*> to_send;
    {
      absl::MutexLock lock(&mu_);
      for (const OutboxItem& item : *due) {
        if (static_cast<int>(to_send.size()) >= capacity) {
          break;
        }
        if (in_flight_.insert(item.name).second) {
          to_send.push_back(&item);
        }
      }
    }
    Dispatch(to_send);
    absl::Time next_due = absl::InfiniteFuture();
    if (static_cast<int>(due->size()) < options_.max_in_flight) {
      // Everything due now is in flight; sleep until the next retry.
      absl::StatusOr<std::optional<absl::Time>> next = store_->NextDueAfter(now);
      if (!next.ok()) {
        spdlog::error("outbox: reading the next due time failed: {}",
                      next.status().ToString());
        next_due = now + kStoreErrorPause;
      } else if (next->has_value()) {
        next_due = **next;
      }
    }
    absl::MutexLock lock(&mu_);
    next_due_ = next_due;
  }
}

void OutboxDispatcher::Dispatch(const std::vector<const OutboxItem*>& items) {
  std::vector<std::pair<const OutboxItem*, DocumentDelivery>> loaded;
  loaded.reserve(items.size());
  for (const OutboxItem* item : items) {
    absl::StatusOr<DocumentDelivery> ref = store_->GetDocumentDelivery(item->name);
    if (!ref.ok()) {
      spdlog::error("outbox: loading {} failed: {}", item->name, ref.status().ToString());
      absl::MutexLock lock(&mu_);
      in_flight_.erase(item->name);
      next_due_ = std::min(next_due_, options_.clock() + kStoreErrorPause);
      continue;
    }
    loaded.emplace_back(item, *std::move(ref));
  }
  if (loaded.empty()) {
    return;
  }
  // One write for the round, not waited for: if it is lost in a crash the
  // documents are still due, and the store applies writes in order, so each
  // outcome lands after it.
  std::vector<std::string> names;
  names.reserve(loaded.size());
  for (const auto& [item, ref] : loaded) {
    names.push_back(item->name);
  }
  store_->MarkInFlight(std::move(names), [](absl::Status status) {
    if (!status.ok()) {
      spdlog::warn("outbox: marking documents in flight failed: {}", status.ToString());
    }
  });
  for (auto& [item, ref] : loaded) {
    const int attempt_count = item->attempt_count + 1;
    processor_->Process(ref.document, ref.request_id,
                        [this, name = item->name, request_id = ref.request_id,
                         attempt_count](absl::StatusOr<int> result) mutable {
                          OnProcessed(name, request_id, attempt_count, std::move(result));
                        });
  }
}

void OutboxDispatcher::OnProcessed(const std::string& name, const std::string& request_id,
                                   int attempt_count, absl::StatusOr<int> result) {
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) {
      // Abandoned: the document stays due and is delivered after restart.
      in_flight_.erase(name);
      return;
    }
  }
  auto settle = [this, name](absl::StatusOr<Document> document) {
    Settle(name, std::move(document));
  };
  if (result.ok()) {
    {
      absl::MutexLock lock(&mu_);
      if (consecutive_failures_ > 0) {
        spdlog::info("outbox: extraction is answering again; deliveries resume");
      }
      consecutive_failures_ = 0;
      paused_until_ = absl::InfinitePast();
    }
    store_->MarkDone(name, *result, std::move(settle));
    return;
  }
  const absl::Status& error = result.status();
  if (error.code() == absl::StatusCode::kInvalidArgument) {
    spdlog::warn("outbox: extraction rejected {}: {} [request {}]", name, error.ToString(),
                 request_id);
    store_->MarkFailed(name, std::string(error.message()), std::move(settle));
    return;
  }
  const absl::Duration delay = Backoff(attempt_count);
  spdlog::debug("outbox: delivering {} failed (attempt {}), retrying in {}: {} [request {}]",
                name, attempt_count, absl::FormatDuration(delay), error.ToString(), request_id);
  PauseDeliveries(error);
  store_->ScheduleRetry(name, options_.clock() + delay,
                        absl::StrCat("attempt ", attempt_count, ": ", error.ToString()),
                        std::move(settle));
}

void OutboxDispatcher::PauseDeliveries(const absl::Status& error) {
  int failures = 0;
  {
    absl::MutexLock lock(&mu_);
    if (paused_until_ > options_.clock()) {
      return;  // the calls of the round that is already paused
    }
    failures = ++consecutive_failures_;
  }
  const absl::Duration pause = Backoff(failures);
  spdlog::warn("outbox: extraction failed ({}); pausing deliveries for {}", error.ToString(),
               absl::FormatDuration(pause));
  absl::MutexLock lock(&mu_);
  paused_until_ = options_.clock() + pause;
}

void OutboxDispatcher::Settle(const std::string& name,
                              absl::StatusOr<Document> document) {
  std::vector<WaitDone> waiters;
  {
    absl::MutexLock lock(&mu_);
    settled_.push_back(name);
    if (!document.ok()) {
      // The store failed; the document is still due. Look again later
      // rather than at once, so a broken disk does not spin the loop.
      next_due_ = std::min(next_due_, options_.clock() + kStoreErrorPause);
    } else {
      work_requested_ = true;
      // A retry's due time is picked up by the loop's next look.
      if (IsFinished(*document)) {
        waiters = TakeWaitersForLocked(name);
      }
    }
  }
  if (!document.ok()) {
    spdlog::error("outbox: recording the outcome for {} failed: {}", name,
                  document.status().ToString());
    return;
  }
  if (options_.on_update) {
    options_.on_update(*document);
  }
  for (WaitDone& done : waiters) {
    done(*document);
  }
}

uint64_t OutboxDispatcher::WaitForCompletion(const std::string& name, absl::Time deadline,
                                             WaitDone done) {
  // A deadline already past: report the document as it is, finished or not
  // (the loop could otherwise expire the waiter before the check below).
  if (deadline <= options_.clock()) {
    absl::StatusOr<Document> current = store_->Get(name, /*full_view=*/false);
    if (current.ok() && !IsFinished(*current)) {
      done(absl::DeadlineExceededError(
          "the document is stored but did not finish processing before the deadline"));
    } else {
      done(std::move(current));
    }
    return 0;
  }
  uint64_t id = 0;
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) {
      id = 0;
    } else {
      id = next_waiter_id_++;
      waiters_.emplace(id, Waiter{name, deadline, std::move(done)});
      waiters_by_name_[name].push_back(id);
      deadlines_.emplace(deadline, id);
      work_requested_ = true;  // the loop re-reads the earliest deadline
    }
  }
  if (id == 0) {
    done(absl::UnavailableError("the server is shutting down"));
    return 0;
  }
  // Registered first, then checked: a document that finished before the
  // registration is seen here, one that finishes after it finds the waiter.
  absl::StatusOr<Document> current = store_->Get(name, /*full_view=*/false);
  if (current.ok() && !IsFinished(*current)) {
    return id;
  }
  WaitDone taken;
  {
    absl::MutexLock lock(&mu_);
    taken = TakeWaiterLocked(id);
  }
  if (taken) {
    taken(std::move(current));
  }
  return id;
}

void OutboxDispatcher::CancelWait(uint64_t waiter_id, absl::Status status) {
  WaitDone done;
  {
    absl::MutexLock lock(&mu_);
    done = TakeWaiterLocked(waiter_id);
  }
  if (done) {
    done(std::move(status));
  }
}

OutboxDispatcher::WaitDone OutboxDispatcher::TakeWaiterLocked(uint64_t id) {
  auto it = waiters_.find(id);
  if (it == waiters_.end()) {
    return nullptr;
  }
  Waiter waiter = std::move(it->second);
  waiters_.erase(it);
  deadlines_.erase({waiter.deadline, id});
  auto by_name = waiters_by_name_.find(waiter.name);
  if (by_name != waiters_by_name_.end()) {
    std::vector<uint64_t>& ids = by_name->second;
    ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
    if (ids.empty()) {
      waiters_by_name_.erase(by_name);
    }
  }
  return std::move(waiter.done);
}

std::vector<OutboxDispatcher::WaitDone> OutboxDispatcher::TakeWaitersForLocked(
    const std::string& name) {
  std::vector<WaitDone> taken;
  auto it = waiters_by_name_.find(name);
  if (it == waiters_by_name_.end()) {
    return taken;
  }
  const std::vector<uint64_t> ids = std::move(it->second);
  waiters_by_name_.erase(it);
  for (const uint64_t id : ids) {
    auto waiter = waiters_.find(id);
    if (waiter == waiters_.end()) {
      continue;
    }
    deadlines_.erase({waiter->second.deadline, id});
    taken.push_back(std::move(waiter->second.done));
    waiters_.erase(waiter);
  }
  return taken;
}

}  // namespace claimtrack::ingestion
