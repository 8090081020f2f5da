#include "services/verification/claim_store_backends.h"

#include <sqlite3.h>

#include <cstdio>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "common/postgres/connection.h"
#include "common/postgres/test_database.h"
#include "services/verification/postgres_claim_store.h"
#include "services/verification/sqlite_claim_store.h"

namespace claimtrack::verification {

std::string StoreBackendName(const ::testing::TestParamInfo<StoreBackend>& info) {
  return info.param == StoreBackend::kSqlite ? "Sqlite" : "Postgres";
}

std::string CurrentTestKey() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return absl::StrReplaceAll(absl::StrCat(info->test_suite_name(), ".", info->name()),
                             {{"/", "_"}});
}

absl::StatusOr<TestStoreLocation> TestStoreLocation::Create(StoreBackend backend,
                                                            const std::string& key, bool* skip) {
  *skip = false;
  if (backend == StoreBackend::kSqlite) {
    const std::string path = absl::StrCat(::testing::TempDir(), "/claims_", key, ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    return TestStoreLocation(backend, path);
  }
  const std::string url = postgres::TestDatabaseUrl();
  if (url.empty()) {
    *skip = true;
    return absl::UnavailableError(postgres::kNoTestDatabase);
  }
  absl::StatusOr<std::string> database = postgres::CreateTestDatabase(url, key);
  if (!database.ok()) return database.status();
  return TestStoreLocation(backend, *database);
}

absl::StatusOr<std::unique_ptr<ClaimStore>> TestStoreLocation::Open() const {
  if (backend_ == StoreBackend::kSqlite) {
    absl::StatusOr<std::unique_ptr<SqliteClaimStore>> store = SqliteClaimStore::Open(where_);
    if (!store.ok()) return store.status();
    return std::unique_ptr<ClaimStore>(*std::move(store));
  }
  PostgresClaimStoreOptions options;
  options.database_url = postgres::TestDatabaseUrl();
  options.database_name = where_;
  // Tests of watches across replicas should not wait long.
  options.change_poll_interval = absl::Milliseconds(20);
  absl::StatusOr<std::unique_ptr<PostgresClaimStore>> store =
      PostgresClaimStore::Open(std::move(options));
  if (!store.ok()) return store.status();
  return std::unique_ptr<ClaimStore>(*std::move(store));
}

absl::Status TestStoreLocation::ExecBehindTheStore(const std::string& sql) const {
  if (backend_ == StoreBackend::kSqlite) {
    sqlite3* db = nullptr;
    if (sqlite3_open(where_.c_str(), &db) != SQLITE_OK) {
      sqlite3_close(db);
      return absl::InternalError(absl::StrCat("cannot open ", where_));
    }
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error == nullptr ? "" : error;
    sqlite3_free(error);
    sqlite3_close(db);
    if (rc != SQLITE_OK) return absl::FailedPreconditionError(message);
    return absl::OkStatus();
  }
  absl::StatusOr<std::unique_ptr<postgres::Connection>> db =
      postgres::Connection::Open(postgres::TestDatabaseUrl(), where_);
  if (!db.ok()) return db.status();
  return (*db)->Exec(sql);
}

void StoreBackendTest::SetUp() {
  bool skip = false;
  absl::StatusOr<TestStoreLocation> location =
      TestStoreLocation::Create(GetParam(), CurrentTestKey(), &skip);
  if (skip) GTEST_SKIP() << postgres::kNoTestDatabase;
  ASSERT_TRUE(location.ok()) << location.status();
  location_.emplace(*std::move(location));
  Reopen();
}

void StoreBackendTest::Reopen() {
  store_.reset();
  absl::StatusOr<std::unique_ptr<ClaimStore>> store = location_->Open();
  ASSERT_TRUE(store.ok()) << store.status();
  store_ = *std::move(store);
}

}  // namespace claimtrack::verification
