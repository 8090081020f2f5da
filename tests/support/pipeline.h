#ifndef CLAIMTRACK_TESTS_SUPPORT_PIPELINE_H_
#define CLAIMTRACK_TESTS_SUPPORT_PIPELINE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "claimtrack/ingestion/v1/ingestion_service.grpc.pb.h"
#include "claimtrack/verification/v1/verification_service.grpc.pb.h"
#include "tests/support/service_process.h"

namespace claimtrack::testing {

// The whole suite as three real processes on ephemeral loopback ports, each
// with its SQLite store under one work folder. A service can be killed and
// restarted on its previous port, the way an operator's supervisor would.
class Pipeline {
 public:
  enum class Service { kIngestion, kExtraction, kVerification };

  struct Options {
    // When set, both stores (ingestion's and verification's) are in this
    // PostgreSQL database (--database_url) instead of SQLite files under
    // the work folder.
    std::string database_url;
  };

  // `work_dir` must exist and be empty; stores and logs go there.
  static absl::StatusOr<std::unique_ptr<Pipeline>> Start(const std::string& work_dir,
                                                         Options options);
  static absl::StatusOr<std::unique_ptr<Pipeline>> Start(const std::string& work_dir) {
    return Start(work_dir, Options{});
  }

  // Stops a service: SIGKILL when `crash`, else SIGTERM (graceful drain).
  // Returns its exit code (128 + signal when killed), or -1 if not running.
  int Stop(Service service, bool crash);
  // Starts a stopped service again on the port it had.
  absl::Status Restart(Service service);

  std::string address(Service service) const;
  // CPU seconds the service's current process has used (0 if stopped).
  double CpuSeconds(Service service) const;
  const std::string& work_dir() const { return work_dir_; }

  // Stubs on fresh channels to the current processes.
  std::unique_ptr<claimtrack::ingestion::v1::IngestionService::Stub> Ingestion() const;
  std::unique_ptr<claimtrack::verification::v1::VerificationService::Stub> Verification()
      const;

  // The tail of every service's log, for failure messages.
  std::string Logs() const;

 private:
  Pipeline(std::string work_dir, Options options)
      : work_dir_(std::move(work_dir)), options_(std::move(options)) {}
  absl::Status Launch(Service service, int port);
  std::vector<std::string> Args(Service service, int port) const;

  std::string work_dir_;
  Options options_;
  std::unique_ptr<ServiceProcess> processes_[3];
  int ports_[3] = {0, 0, 0};
  std::vector<std::string> logs_;
};

// A fresh, empty folder under the test's temporary directory.
std::string MakeWorkDir(const std::string& prefix);

// Polls `condition` every 50 ms until it holds or `timeout` passes. For
// waiting on asynchronous pipeline progress observed through the API.
bool WaitUntil(const std::function<bool()>& condition, absl::Duration timeout);

}  // namespace claimtrack::testing

#endif  // CLAIMTRACK_TESTS_SUPPORT_PIPELINE_H_
