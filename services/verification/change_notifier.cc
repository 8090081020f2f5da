#include "services/verification/change_notifier.h"

#include <algorithm>

namespace claimtrack::verification {

bool ChangeNotifier::Subscribe(Watcher* watcher) {
  absl::MutexLock lock(&mu_);
  if (closed_) return false;
  watchers_.push_back(watcher);
  return true;
}

void ChangeNotifier::Unsubscribe(Watcher* watcher) {
  absl::MutexLock lock(&mu_);
  watchers_.erase(std::remove(watchers_.begin(), watchers_.end(), watcher), watchers_.end());
}

// Callbacks run under mu_, which is what makes Unsubscribe a barrier: once
// it returns no callback is running or will run.
void ChangeNotifier::Notify() {
  absl::MutexLock lock(&mu_);
  for (Watcher* watcher : watchers_) watcher->OnChangesCommitted();
}

void ChangeNotifier::Close() {
  absl::MutexLock lock(&mu_);
  if (closed_) return;
  closed_ = true;
  for (Watcher* watcher : watchers_) watcher->OnNotifierClosed();
}

}  // namespace claimtrack::verification
