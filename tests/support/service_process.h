#ifndef CLAIMTRACK_TESTS_SUPPORT_SERVICE_PROCESS_H_
#define CLAIMTRACK_TESTS_SUPPORT_SERVICE_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace claimtrack::testing {

// A service binary running as a real child process, for tests that need
// process boundaries: real gRPC between processes, SIGKILL, restarts.
// The child listens on the address given by --listen (port 0 by default) and
// reports its port through --port_file; its logs go to `log_path`.
class ServiceProcess {
 public:
  // Starts `binary` (a name in build/bin) with `args` and waits until it
  // serves (up to 30 s).
  static absl::StatusOr<std::unique_ptr<ServiceProcess>> Start(
      const std::string& binary, const std::vector<std::string>& args,
      const std::string& work_dir);
  ~ServiceProcess();  // SIGKILLs a child still running.

  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  const std::string& log_path() const { return log_path_; }

  // CPU time (user + system) the process has used so far, from /proc: lets
  // a benchmark report server CPU per call, which a busy machine disturbs
  // far less than wall-clock rates.
  double CpuSeconds() const;

  // SIGTERM, then waits; returns the exit code (or 128 + signal).
  int Terminate();
  // SIGKILL, then waits: a crash with no chance to clean up.
  void Kill();

 private:
  ServiceProcess(pid_t pid, int port, std::string log_path)
      : pid_(pid), port_(port), log_path_(std::move(log_path)) {}
  int Wait();

  pid_t pid_;
  int port_;
  std::string log_path_;
};

}  // namespace claimtrack::testing

#endif  // CLAIMTRACK_TESTS_SUPPORT_SERVICE_PROCESS_H_
