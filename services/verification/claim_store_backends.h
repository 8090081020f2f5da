#ifndef CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_STORE_BACKENDS_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_STORE_BACKENDS_H_

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "services/verification/claim_store.h"

namespace claimtrack::verification {

// For tests of the ClaimStore contract: each runs against every backend
// (INSTANTIATE_TEST_SUITE_P(..., ::testing::ValuesIn(kStoreBackends),
// StoreBackendName)). PostgreSQL cases skip without
// CLAIMTRACK_TEST_DATABASE_URL (scripts/with-postgres.sh sets it).
enum class StoreBackend { kSqlite, kPostgres };
inline constexpr StoreBackend kStoreBackends[] = {StoreBackend::kSqlite, StoreBackend::kPostgres};
std::string StoreBackendName(const ::testing::TestParamInfo<StoreBackend>& info);

// Where one test's store lives: a fresh SQLite file under TempDir, or a
// fresh PostgreSQL database of its own. Open() may be called again to
// reopen the same store (after the previous one is closed or destroyed),
// or while another is open to have two replicas (PostgreSQL).
class TestStoreLocation {
 public:
  // `key` names the test (unique among tests running in parallel).
  // `skip` is set when the backend is not available here.
  static absl::StatusOr<TestStoreLocation> Create(StoreBackend backend, const std::string& key,
                                                  bool* skip);

  absl::StatusOr<std::unique_ptr<ClaimStore>> Open() const;

  // Runs `sql` on the store's database directly (the sqlite3 library or
  // libpq): what someone with the file or database credentials could do
  // behind the store's back.
  absl::Status ExecBehindTheStore(const std::string& sql) const;

  StoreBackend backend() const { return backend_; }

 private:
  TestStoreLocation(StoreBackend backend, std::string where)
      : backend_(backend), where_(std::move(where)) {}

  StoreBackend backend_;
  // The SQLite path, or the PostgreSQL database name.
  std::string where_;
};

// The current test's full name, usable as a file or database key.
std::string CurrentTestKey();

// A fixture with a fresh store of the test's backend in `store_` (and its
// location in `location_`, to reopen it or open a second replica);
// PostgreSQL cases skip without a server. Fixtures that need more set-up
// call StoreBackendTest::SetUp() first.
class StoreBackendTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override;
  // Opens `location_` again into `store_` (after the old one is gone).
  void Reopen();

  std::optional<TestStoreLocation> location_;
  std::unique_ptr<ClaimStore> store_;
};

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_CLAIM_STORE_BACKENDS_H_
