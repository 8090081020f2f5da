#include "tests/support/postgres_server.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "tests/support/free_port.h"
#include "tests/support/run_command.h"

namespace claimtrack::testing {
namespace {

// The newest installed server's bin folder, or "".
std::string FindBinDir() {
  if (const char* configured = std::getenv("CLAIMTRACK_PG_BIN"); configured != nullptr) {
    return configured;
  }
  std::string newest;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", error)) {
    const std::string bin = (entry.path() / "bin").string();
    // Versions are whole numbers of one or two digits: compare by length first.
    if (std::filesystem::exists(bin + "/initdb") &&
        (newest.size() < bin.size() || (newest.size() == bin.size() && newest < bin))) {
      newest = bin;
    }
  }
  return newest;
}

absl::Status Run(const std::string& what, const std::string& command) {
  const CommandResult result = RunShell(command);
  if (result.exit_code != 0) {
    return absl::InternalError(absl::StrCat(what, " failed (exit ", result.exit_code,
                                            "): ", result.output));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<PostgresServer>> PostgresServer::Start() {
  std::unique_ptr<PostgresServer> server(new PostgresServer());
  server->bin_dir_ = FindBinDir();
  if (server->bin_dir_.empty()) {
    return absl::NotFoundError("no PostgreSQL server installed (apt-get install postgresql-15)");
  }
  const char* tmp = std::getenv("TMPDIR");
  std::string dir = absl::StrCat(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp",
                                 "/claimtrack-pg.XXXXXX");
  if (mkdtemp(dir.data()) == nullptr) {
    return absl::InternalError(absl::StrCat("mkdtemp ", dir, " failed"));
  }
  server->dir_ = dir;
  server->log_path_ = server->dir_ + "/server.log";
  if (geteuid() == 0) {
    server->as_server_ = "runuser -u nobody -- ";
    if (absl::Status owned = Run("chown", absl::StrCat("chown nobody '", server->dir_, "'"));
        !owned.ok()) {
      return owned;
    }
  }
  std::filesystem::permissions(server->dir_, std::filesystem::perms::owner_all);
  server->port_ = FreePort();
  // The server's working folder must be one it can read: cd into its own.
  if (absl::Status initialised =
          Run("initdb", absl::StrCat("cd '", server->dir_, "' && ", server->as_server_, "'",
                                     server->bin_dir_, "/initdb' -D '", server->dir_,
                                     "/data' -U claimtrack --auth=trust -E UTF8 --no-sync "
                                     "--locale=C.UTF-8"));
      !initialised.ok()) {
    return initialised;
  }
  if (absl::Status started = server->PgCtl("start"); !started.ok()) {
    return started;
  }
  if (absl::Status created =
          Run("createdb", absl::StrCat("'", server->bin_dir_, "/createdb' -h 127.0.0.1 -p ",
                                       server->port_, " -U claimtrack claimtrack"));
      !created.ok()) {
    return created;
  }
  server->url_ = absl::StrCat("postgresql://claimtrack@127.0.0.1:", server->port_, "/claimtrack");
  return server;
}

PostgresServer::~PostgresServer() {
  PgCtl("stop -m immediate").IgnoreError();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

absl::Status PostgresServer::Restart() { return PgCtl("restart -m fast"); }

absl::Status PostgresServer::PgCtl(const std::string& args) {
  return Run(absl::StrCat("pg_ctl ", args),
             absl::StrCat("cd '", dir_, "' && ", as_server_, "'", bin_dir_, "/pg_ctl' -D '", dir_,
                          "/data' -l '", log_path_, "' -w -t 60 -o '-c listen_addresses=127.0.0.1 -p ",
                          port_, " -k ", dir_, "' ", args));
}

}  // namespace claimtrack::testing
