#include "tests/support/service_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace claimtrack::testing {
namespace {

// CLAIMTRACK_BIN_DIR in the environment overrides the build's own bin/, so
// that claimtrack-bench can drive another build's services (comparing two
// builds in one sitting).
std::string BinaryPath(const std::string& binary) {
  const char* override_dir = std::getenv("CLAIMTRACK_BIN_DIR");
  return absl::StrCat(override_dir != nullptr && *override_dir != '\0' ? override_dir
                                                                       : CLAIMTRACK_BIN_DIR,
                      "/", binary);
}

}  // namespace

absl::StatusOr<std::unique_ptr<ServiceProcess>> ServiceProcess::Start(
    const std::string& binary, const std::vector<std::string>& args,
    const std::string& work_dir) {
  static int sequence = 0;
  const std::string stem = absl::StrCat(work_dir, "/", binary, ".", ++sequence);
  const std::string port_file = stem + ".port";
  const std::string log_path = stem + ".log";
  std::remove(port_file.c_str());

  std::vector<std::string> argv_storage = {BinaryPath(binary),
                                           absl::StrCat("--port_file=", port_file)};
  // A free port unless the test names one: never a service's default port,
  // which tests running side by side would share.
  if (std::none_of(args.begin(), args.end(), [](const std::string& arg) {
        return absl::StartsWith(arg, "--listen=");
      })) {
    argv_storage.push_back("--listen=127.0.0.1:0");
  }
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_storage) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);

  const pid_t pid = fork();
  if (pid < 0) {
    return absl::InternalError(absl::StrCat("fork: ", strerror(errno)));
  }
  if (pid == 0) {
    // Child: logs to a file, a clean signal mask, then the binary.
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }

  // Wait for the port file the server writes once it serves.
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (absl::Now() < deadline) {
    std::ifstream in(port_file);
    int port = 0;
    if (in >> port && port > 0) {
      return std::unique_ptr<ServiceProcess>(new ServiceProcess(pid, port, log_path));
    }
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      return absl::InternalError(absl::StrCat(binary, " exited during start-up; see ",
                                              log_path));
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return absl::DeadlineExceededError(
      absl::StrCat(binary, " did not start serving within 30 s; see ", log_path));
}

ServiceProcess::~ServiceProcess() {
  if (pid_ > 0) {
    Kill();
  }
}

double ServiceProcess::CpuSeconds() const {
  std::ifstream in(absl::StrCat("/proc/", pid_, "/stat"));
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Fields after the parenthesised command name; utime and stime are the
  // 14th and 15th fields of the whole line (proc(5)).
  const size_t close = stat.rfind(')');
  if (close == std::string::npos) {
    return 0;
  }
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int index = 3; fields >> field && index <= 15; ++index) {
    if (index == 14 || index == 15) {
      ticks += std::stod(field);
    }
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

int ServiceProcess::Wait() {
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (WIFEXITED(status)) {
    return WEXITSTATUS(status);
  }
  return 128 + WTERMSIG(status);
}

int ServiceProcess::Terminate() {
  if (pid_ <= 0) {
    return -1;
  }
  kill(pid_, SIGTERM);
  return Wait();
}

void ServiceProcess::Kill() {
  if (pid_ <= 0) {
    return;
  }
  kill(pid_, SIGKILL);
  Wait();
}

}  // namespace claimtrack::testing
