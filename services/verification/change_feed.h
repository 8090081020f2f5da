#ifndef CLAIMTRACK_SERVICES_VERIFICATION_CHANGE_FEED_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_CHANGE_FEED_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <deque>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "claimtrack/verification/v1/verification_service.grpc.pb.h"
#include "services/verification/change_notifier.h"
#include "services/verification/claim_store.h"

namespace claimtrack::verification {

// One WatchClaimChanges stream. Reads the store's change log in batches
// after the client's cursor and writes one change at a time; once caught up
// it sleeps until the store's ChangeNotifier reports a commit (no polling).
// Ends with UNAVAILABLE when the notifier closes (server shutdown) and with
// CANCELLED when the client goes away. Deletes itself in OnDone.
class ClaimChangeWatch final : public grpc::ServerWriteReactor<v1::ClaimChange>,
                               public ChangeNotifier::Watcher {
 public:
  // Starts streaming changes with sequence numbers above `after`.
  ClaimChangeWatch(ClaimStore& store, int64_t after);

  void OnWriteDone(bool ok) override;
  void OnCancel() override;
  void OnDone() override;
  void OnChangesCommitted() override;
  void OnNotifierClosed() override;

 private:
  // How many changes one store read fetches.
  static constexpr int kBatch = 256;

  // Starts the next write if none is in flight, reading the store when the
  // buffer is empty; does nothing once finished.
  void WriteNextLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Finishes now, or right after the write in flight completes.
  void EndLocked(grpc::Status status) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  ClaimStore& store_;
  bool subscribed_ = false;
  absl::Mutex mu_;
  // The sequence number of the last change read from the store.
  int64_t read_until_ ABSL_GUARDED_BY(mu_);
  std::deque<v1::ClaimChange> buffer_ ABSL_GUARDED_BY(mu_);
  // The message being written; gRPC reads it until OnWriteDone.
  v1::ClaimChange current_ ABSL_GUARDED_BY(mu_);
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  // Set when the stream must end but a write is in flight.
  bool ending_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status end_status_ ABSL_GUARDED_BY(mu_);
};

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_CHANGE_FEED_H_
