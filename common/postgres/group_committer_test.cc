#include "common/postgres/group_committer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "common/postgres/test_database.h"
#include "common/testing/status_matchers.h"

namespace claimtrack::postgres {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;

class PostgresGroupCommitterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = TestDatabaseUrl();
    if (url_.empty()) {
      GTEST_SKIP() << kNoTestDatabase;
    }
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    absl::StatusOr<std::string> name =
        CreateTestDatabase(url_, std::string(info->test_suite_name()) + "." + info->name());
    ASSERT_THAT(name, IsOk());
    name_ = *name;
    auto db = Connection::Open(url_, name_);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("CREATE TABLE items (id INTEGER PRIMARY KEY)"), IsOk());
    reader_ = *std::move(db);
    auto writer = Connection::Open(url_, name_);
    ASSERT_THAT(writer, IsOk());
    committer_ = std::make_unique<GroupCommitter>(*std::move(writer));
  }

  static GroupCommitter::Write Insert(int id) {
    return [id](Connection& db) {
      return db.Query("INSERT INTO items (id) VALUES ($1)", {absl::StrCat(id)}).status();
    };
  }

  int64_t Count() {
    absl::StatusOr<Result> count = reader_->Query("SELECT COUNT(*) FROM items");
    EXPECT_THAT(count, IsOk());
    return count.ok() ? count->Int(0, 0) : -1;
  }

  std::string url_;
  std::string name_;
  std::unique_ptr<Connection> reader_;
  std::unique_ptr<GroupCommitter> committer_;
};

TEST_F(PostgresGroupCommitterTest, AFailingWriteFailsAloneAndTheRestCommit) {
  ASSERT_THAT(committer_->Run(Insert(7)), IsOk());
  constexpr int kWrites = 200;
  absl::BlockingCounter pending(kWrites);
  absl::Mutex mu;
  std::vector<absl::Status> results(kWrites);
  for (int i = 0; i < kWrites; ++i) {
    // Write 7 collides with the row above; the others are new.
    committer_->Submit(Insert(i == 7 ? 7 : 1000 + i), [&, i](absl::Status status) {
      {
        absl::MutexLock lock(&mu);
        results[i] = std::move(status);
      }
      pending.DecrementCount();
    });
  }
  pending.Wait();
  for (int i = 0; i < kWrites; ++i) {
    if (i == 7) {
      EXPECT_THAT(results[i], StatusIs(absl::StatusCode::kFailedPrecondition));
    } else {
      EXPECT_THAT(results[i], IsOk()) << i;
    }
  }
  EXPECT_EQ(Count(), kWrites);  // 199 new rows and the first one
}

TEST_F(PostgresGroupCommitterTest, DoneRunsAfterTheCommitIsVisibleAndShutdownRefuses) {
  absl::Notification done;
  committer_->Submit(Insert(1), [&](absl::Status status) {
    EXPECT_THAT(status, IsOk());
    // Another connection already sees the row: done follows the COMMIT.
    EXPECT_EQ(Count(), 1);
    done.Notify();
  });
  done.WaitForNotification();
  committer_->Shutdown();
  EXPECT_THAT(committer_->Run(Insert(2)), StatusIs(absl::StatusCode::kUnavailable));
}

}  // namespace
}  // namespace claimtrack::postgres
