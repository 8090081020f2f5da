#include "common/sqlite/reader_pool.h"

#include <cstdio>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/testing/status_matchers.h"

namespace claimtrack::sqlite {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;

TEST(ReaderPoolTest, ReusesIdleConnectionsAndSeesCommittedWrites) {
  const std::string path = ::testing::TempDir() + "/reader_pool.db";
  std::remove(path.c_str());
  auto writer = Database::Open(path);
  ASSERT_THAT(writer, IsOk());
  ASSERT_THAT((*writer)->Exec("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (41)"), IsOk());

  ReaderPool pool(path, /*max_idle=*/1);
  const Database* first = nullptr;
  {
    auto lease = pool.Acquire();
    ASSERT_THAT(lease, IsOk());
    first = &lease->db();
    auto other = pool.Acquire();  // both in use: a second connection
    ASSERT_THAT(other, IsOk());
    EXPECT_NE(&other->db(), first);
  }
  ASSERT_THAT((*writer)->Exec("UPDATE t SET v = 42"), IsOk());
  auto lease = pool.Acquire();
  ASSERT_THAT(lease, IsOk());
  auto select = lease->Prepare("SELECT v FROM t");
  ASSERT_THAT(select, IsOk());
  ASSERT_TRUE(*(*select)->Step());
  EXPECT_EQ((*select)->ColumnInt(0), 42);
  // Readers are read-only.
  EXPECT_THAT(lease->db().Exec("DELETE FROM t"), StatusIs(absl::StatusCode::kInternal));
}

}  // namespace
}  // namespace claimtrack::sqlite
