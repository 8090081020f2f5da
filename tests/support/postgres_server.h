#ifndef CLAIMTRACK_TESTS_SUPPORT_POSTGRES_SERVER_H_
#define CLAIMTRACK_TESTS_SUPPORT_POSTGRES_SERVER_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace claimtrack::testing {

// A PostgreSQL server of one test's own, for tests that restart or stop the
// server under the services: the one scripts/with-postgres.sh starts is
// shared by every test running in parallel and must stay up. Made the same
// way (initdb with --no-sync in a new folder under $TMPDIR, trust
// authentication, a free loopback port; as root the server runs as `nobody`,
// since postgres refuses root, so the folder is nobody's and outside the
// test's own, which nobody cannot enter), and removed with the object.
class PostgresServer {
 public:
  // NOT_FOUND when no PostgreSQL server binaries are installed
  // (/usr/lib/postgresql/*/bin, or $CLAIMTRACK_PG_BIN).
  static absl::StatusOr<std::unique_ptr<PostgresServer>> Start();
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  // Stops the server the way an operator's restart does (`pg_ctl restart
  // -m fast`: every connection is cut, open transactions roll back) and
  // waits until it accepts connections again on the same port.
  absl::Status Restart();

  // "postgresql://claimtrack@127.0.0.1:PORT/claimtrack".
  const std::string& url() const { return url_; }
  const std::string& log_path() const { return log_path_; }

 private:
  PostgresServer() = default;

  // `pg_ctl ARGS` against this server's data folder, as the server's user.
  absl::Status PgCtl(const std::string& args);

  std::string bin_dir_;
  std::string dir_;
  std::string as_server_;  // "runuser -u nobody -- " when root, else ""
  std::string url_;
  std::string log_path_;
  int port_ = 0;
};

}  // namespace claimtrack::testing

#endif  // CLAIMTRACK_TESTS_SUPPORT_POSTGRES_SERVER_H_
