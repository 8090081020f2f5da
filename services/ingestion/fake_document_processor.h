#ifndef CLAIMTRACK_SERVICES_INGESTION_FAKE_DOCUMENT_PROCESSOR_H_
#define CLAIMTRACK_SERVICES_INGESTION_FAKE_DOCUMENT_PROCESSOR_H_

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "services/ingestion/outbox_dispatcher.h"

namespace claimtrack::ingestion {

// A DocumentProcessor for tests. With a `respond` function it answers at
// once; without one it holds calls until Release() or CancelAll().
class FakeDocumentProcessor final : public DocumentProcessor {
 public:
  // (document, how many calls this document has had, 1-based) -> outcome.
  using Respond = std::function<absl::StatusOr<int>(
      const claimtrack::type::v1::DocumentRef& document, int call_number)>;

  explicit FakeDocumentProcessor(Respond respond = nullptr)
      : respond_(std::move(respond)) {}

  void Process(const claimtrack::type::v1::DocumentRef& document, const std::string& request_id,
               Done done) override {
    int call_number = 0;
    {
      absl::MutexLock lock(&mu_);
      call_number = ++calls_[document.name()];
      ++total_calls_;
      if (!respond_) {
        held_.emplace_back(document.name(), std::move(done));
        max_held_ = std::max(max_held_, static_cast<int>(held_.size()));
        return;
      }
    }
    done(respond_(document, call_number));
  }

  void CancelAll() override { ReleaseAll(absl::CancelledError("cancelled")); }

  // Completes every held call with `result`; returns their document names.
  std::vector<std::string> ReleaseAll(absl::StatusOr<int> result) {
    std::vector<std::pair<std::string, Done>> held;
    {
      absl::MutexLock lock(&mu_);
      held.swap(held_);
    }
    std::vector<std::string> names;
    for (auto& [name, done] : held) {
      done(result);
      names.push_back(name);
    }
    return names;
  }

  // Blocks until at least `n` calls are held.
  void AwaitHeld(int n) {
    std::pair<FakeDocumentProcessor*, int> args(this, n);
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](std::pair<FakeDocumentProcessor*, int>* a) {
          return static_cast<int>(a->first->held_.size()) >= a->second;
        },
        &args));
  }

  int calls(const std::string& name) {
    absl::MutexLock lock(&mu_);
    return calls_[name];
  }
  int total_calls() {
    absl::MutexLock lock(&mu_);
    return total_calls_;
  }
  int max_held() {
    absl::MutexLock lock(&mu_);
    return max_held_;
  }

 private:
  const Respond respond_;
  absl::Mutex mu_;
  std::map<std::string, int> calls_ ABSL_GUARDED_BY(mu_);
  int total_calls_ ABSL_GUARDED_BY(mu_) = 0;
  int max_held_ ABSL_GUARDED_BY(mu_) = 0;
  std::vector<std::pair<std::string, Done>> held_ ABSL_GUARDED_BY(mu_);
};

}  // namespace claimtrack::ingestion

#endif  // CLAIMTRACK_SERVICES_INGESTION_FAKE_DOCUMENT_PROCESSOR_H_
