#ifndef CLAIMTRACK_SERVICES_VERIFICATION_CHANGE_NOTIFIER_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_CHANGE_NOTIFIER_H_

#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace claimtrack::verification {

// Tells change-feed watchers that new changes were committed, so that a
// caught-up watcher sleeps instead of polling the store. The store calls
// Notify() after every durable commit that recorded changes; watchers then
// read what is new themselves (the store, not the notification, is the
// source of truth, so a notification may be spurious but never lost: a
// watcher subscribes before its first read).
class ChangeNotifier {
 public:
  class Watcher {
   public:
    virtual ~Watcher() = default;
    // New changes may be readable. Runs on the notifying (store) thread:
    // must not block for long.
    virtual void OnChangesCommitted() = 0;
    // The notifier is closing (server shutdown): end the watch.
    virtual void OnNotifierClosed() = 0;
  };

  // False when already closed (the watcher is not added and should end).
  bool Subscribe(Watcher* watcher);
  // After it returns, `watcher` is never called again, so it may be deleted.
  // Must not be called from inside a Watcher callback.
  void Unsubscribe(Watcher* watcher);

  void Notify();
  // Calls OnNotifierClosed on every watcher and refuses new ones. Idempotent.
  void Close();

 private:
  absl::Mutex mu_;
  std::vector<Watcher*> watchers_ ABSL_GUARDED_BY(mu_);
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_CHANGE_NOTIFIER_H_
