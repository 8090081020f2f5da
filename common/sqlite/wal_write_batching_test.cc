// Database::Open's writers go through the WAL-batching VFS: what they commit
// must be in the file for other connections at once, and after a reopen.
#include "common/sqlite/wal_write_batching.h"

#include <cstdio>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/sqlite/database.h"
#include "common/testing/status_matchers.h"

namespace claimtrack::sqlite {
namespace {

using ::claimtrack::testing::IsOk;

class WalWriteBatchingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One file per test: ctest runs the tests of this suite in parallel.
    path_ = ::testing::TempDir() + "/wal_write_batching_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::remove((path_ + suffix).c_str());
    }
  }

  // The query's one number; -1 if it fails.
  static int64_t Count(Database& db, const std::string& sql) {
    auto select = db.Prepare(sql);
    EXPECT_THAT(select, IsOk());
    if (!select.ok()) {
      return -1;
    }
    absl::StatusOr<bool> row = select->Step();
    EXPECT_THAT(row, IsOk());
    return row.ok() && *row ? select->ColumnInt(0) : -1;
  }

  // One transaction of `rows` rows of `bytes` bytes each.
  static void Insert(Database& db, int rows, int bytes) {
    ASSERT_THAT(db.Exec("BEGIN"), IsOk());
    auto insert = db.Prepare("INSERT INTO t (v) VALUES (?1)");
    ASSERT_THAT(insert, IsOk());
    const std::string value(static_cast<size_t>(bytes), 'x');
    for (int i = 0; i < rows; ++i) {
      insert->Bind(1, value);
      ASSERT_THAT(insert->Run(), IsOk());
      insert->Reset();
    }
    ASSERT_THAT(db.Exec("COMMIT"), IsOk());
  }

  std::string path_;
};

TEST_F(WalWriteBatchingTest, RegistersOneNamedVfs) {
  EXPECT_STREQ(WalWriteBatchingVfs(), "claimtrack-wal-batching");
  EXPECT_EQ(WalWriteBatchingVfs(), WalWriteBatchingVfs());
}

TEST_F(WalWriteBatchingTest, CommitsAreVisibleToOtherConnectionsAtOnce) {
  auto writer = Database::Open(path_);
  ASSERT_THAT(writer, IsOk());
  ASSERT_THAT((*writer)->Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"), IsOk());
  auto reader = Database::Open(path_, {.read_only = true});
  ASSERT_THAT(reader, IsOk());
  for (int round = 1; round <= 20; ++round) {
    Insert(**writer, 50, 1000);
    EXPECT_EQ(Count(**reader, "SELECT COUNT(*) FROM t"), round * 50);
  }
}

TEST_F(WalWriteBatchingTest, LargeTransactionsAndCheckpointsSurviveAReopen) {
  {
    auto writer = Database::Open(path_);
    ASSERT_THAT(writer, IsOk());
    ASSERT_THAT((*writer)->Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"), IsOk());
    // Over a batch's 1 MiB cap, and pages rewritten within one transaction.
    Insert(**writer, 3000, 2000);
    ASSERT_THAT((*writer)->Exec("UPDATE t SET v = v || 'y' WHERE id % 2 = 0"), IsOk());
    ASSERT_THAT((*writer)->Exec("PRAGMA wal_checkpoint(TRUNCATE)"), IsOk());
    Insert(**writer, 10, 100);  // restarts the WAL from its header
    ASSERT_THAT((*writer)->Exec("DELETE FROM t WHERE id <= 5"), IsOk());
  }
  auto reopened = Database::Open(path_);
  ASSERT_THAT(reopened, IsOk());
  EXPECT_EQ(Count(**reopened, "SELECT COUNT(*) FROM t"), 3005);
  EXPECT_EQ(Count(**reopened, "SELECT COUNT(*) FROM t WHERE v LIKE '%y'"), 1500 - 2);
  EXPECT_EQ(Count(**reopened, "SELECT COUNT(*) FROM pragma_integrity_check "
                              "WHERE integrity_check != 'ok'"),
            0);
}

TEST_F(WalWriteBatchingTest, RolledBackWritesLeaveNoTrace) {
  auto writer = Database::Open(path_);
  ASSERT_THAT(writer, IsOk());
  ASSERT_THAT((*writer)->Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"), IsOk());
  ASSERT_THAT((*writer)->Exec("PRAGMA cache_size = 10"), IsOk());  // spill to the WAL
  ASSERT_THAT((*writer)->Exec("BEGIN"), IsOk());
  auto insert = (*writer)->Prepare("INSERT INTO t (v) VALUES (randomblob(3000))");
  ASSERT_THAT(insert, IsOk());
  for (int i = 0; i < 200; ++i) {
    ASSERT_THAT(insert->Run(), IsOk());
    insert->Reset();
  }
  ASSERT_THAT((*writer)->Exec("ROLLBACK"), IsOk());
  Insert(**writer, 5, 10);
  auto reader = Database::Open(path_, {.read_only = true});
  ASSERT_THAT(reader, IsOk());
  EXPECT_EQ(Count(**reader, "SELECT COUNT(*) FROM t"), 5);
}

}  // namespace
}  // namespace claimtrack::sqlite
