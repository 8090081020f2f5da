#include "common/sqlite/group_committer.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/mutex.h"
#include "common/testing/status_matchers.h"

namespace claimtrack::sqlite {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;

std::string TempDbPath(const std::string& name) {
  const std::string path = ::testing::TempDir() + "/" + name + ".db";
  std::remove(path.c_str());
  std::remove((path + "-wal").c_str());
  std::remove((path + "-shm").c_str());
  return path;
}

int64_t CountRows(const std::string& path) {
  auto db = Database::Open(path);
  auto count = (*db)->Prepare("SELECT COUNT(*) FROM t");
  EXPECT_TRUE(*count->Step());
  return count->ColumnInt(0);
}

TEST(GroupCommitterTest, CommitsConcurrentWritesDurably) {
  const std::string path = TempDbPath("group");
  {
    GroupCommitter committer(*Database::Open(path));
    ASSERT_THAT(committer.Run([](Database& db) {
      return db.Exec("CREATE TABLE t (v INTEGER PRIMARY KEY)");
    }), IsOk());
    constexpr int kWrites = 2000;
    absl::BlockingCounter remaining(kWrites);
    std::atomic<int> failures{0};
    for (int i = 0; i < kWrites; ++i) {
      committer.Submit(
          [i](Database& db) {
            auto insert = db.Prepare("INSERT INTO t (v) VALUES (?)");
            if (!insert.ok()) return insert.status();
            return insert->Bind(1, i).Run();
          },
          [&](absl::Status status) {
            if (!status.ok()) ++failures;
            remaining.DecrementCount();
          });
    }
    remaining.Wait();
    EXPECT_EQ(failures.load(), 0);
  }
  // A fresh connection after the committer is gone sees every acknowledged row.
  EXPECT_EQ(CountRows(path), 2000);
}

TEST(GroupCommitterTest, AFailingWriteIsRolledBackAloneInItsBatch) {
  const std::string path = TempDbPath("savepoint");
  GroupCommitter committer(*Database::Open(path));
  ASSERT_THAT(committer.Run([](Database& db) {
    return db.Exec("CREATE TABLE t (v INTEGER PRIMARY KEY)");
  }), IsOk());
  EXPECT_THAT(committer.Run([](Database& db) {
    absl::Status first = db.Exec("INSERT INTO t VALUES (1)");
    if (!first.ok()) return first;
    return db.Exec("INSERT INTO t VALUES (1)");  // duplicate key
  }), StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_THAT(committer.Run([](Database& db) {
    return db.Exec("INSERT INTO t VALUES (2)");
  }), IsOk());
  EXPECT_EQ(CountRows(path), 1);  // the failed write left nothing behind
}

TEST(GroupCommitterTest, ReportsCommitsInSubmissionOrder) {
  GroupCommitter committer(*Database::Open(TempDbPath("order")));
  constexpr int kWrites = 500;
  absl::Mutex mu;
  std::vector<int> reported;
  absl::BlockingCounter remaining(kWrites);
  for (int i = 0; i < kWrites; ++i) {
    committer.Submit([](Database&) { return absl::OkStatus(); },
                     [&, i](absl::Status) {
                       absl::MutexLock lock(&mu);
                       reported.push_back(i);
                       remaining.DecrementCount();
                     });
  }
  remaining.Wait();
  absl::MutexLock lock(&mu);
  ASSERT_EQ(reported.size(), static_cast<size_t>(kWrites));
  EXPECT_TRUE(std::is_sorted(reported.begin(), reported.end()));
}

TEST(GroupCommitterTest, RejectsWritesAfterShutdown) {
  GroupCommitter committer(*Database::Open(TempDbPath("shutdown")));
  committer.Shutdown();
  EXPECT_THAT(committer.Run([](Database&) { return absl::OkStatus(); }),
              StatusIs(absl::StatusCode::kUnavailable));
}

}  // namespace
}  // namespace claimtrack::sqlite
