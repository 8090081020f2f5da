#include "common/postgres/migrations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/postgres/connection.h"
#include "common/postgres/test_database.h"
#include "common/testing/status_matchers.h"

namespace claimtrack::postgres {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::IsOkAndHolds;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;

constexpr Migration kV1 = {1, "CREATE TABLE notes (id BIGINT PRIMARY KEY)"};
constexpr Migration kV2 = {2, "ALTER TABLE notes ADD COLUMN body TEXT NOT NULL DEFAULT ''"};

class MigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string url = TestDatabaseUrl();
    if (url.empty()) {
      GTEST_SKIP() << kNoTestDatabase;
    }
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    absl::StatusOr<std::string> name =
        CreateTestDatabase(url, std::string(info->test_suite_name()) + "." + info->name());
    ASSERT_THAT(name, IsOk());
    auto db = Connection::Open(url, *name);
    ASSERT_THAT(db, IsOk());
    db_ = *std::move(db);
  }

  std::unique_ptr<Connection> db_;
};

TEST_F(MigrationsTest, AppliesWhatIsMissingOnceAndInOrder) {
  const Migration first[] = {kV1};
  ASSERT_THAT(Migrate(*db_, "notes", first, "notes-binary"), IsOk());
  EXPECT_THAT(SchemaVersion(*db_, "notes"), IsOkAndHolds(1));
  ASSERT_THAT(db_->Query("INSERT INTO notes (id) VALUES (1)").status(), IsOk());

  // A newer binary upgrades in place, keeping the rows; again is a no-op.
  const Migration both[] = {kV1, kV2};
  ASSERT_THAT(Migrate(*db_, "notes", both, "notes-binary"), IsOk());
  ASSERT_THAT(Migrate(*db_, "notes", both, "notes-binary"), IsOk());
  EXPECT_THAT(SchemaVersion(*db_, "notes"), IsOkAndHolds(2));
  absl::StatusOr<Result> rows = db_->Query("SELECT id, body FROM notes");
  ASSERT_THAT(rows, IsOk());
  ASSERT_EQ(rows->rows(), 1);
  EXPECT_EQ(rows->Text(0, 1), "");
  // Components keep their own versions.
  EXPECT_THAT(SchemaVersion(*db_, "other"), IsOkAndHolds(0));
}

TEST_F(MigrationsTest, RefusesASchemaNewerThanTheBinary) {
  const Migration both[] = {kV1, kV2};
  ASSERT_THAT(Migrate(*db_, "notes", both, "notes-binary"), IsOk());
  const Migration first[] = {kV1};
  absl::Status refused = Migrate(*db_, "notes", first, "notes-binary");
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(std::string(refused.message()),
              HasSubstr("notes schema version 2, newer than this binary's 1; run a "
                        "newer notes-binary"));
}

TEST_F(MigrationsTest, AFailingStepLeavesThePreviousVersion) {
  const Migration first[] = {kV1};
  ASSERT_THAT(Migrate(*db_, "notes", first, "notes-binary"), IsOk());
  const Migration broken[] = {kV1, {2, "ALTER TABLE no_such_table ADD COLUMN x INT"}};
  EXPECT_THAT(Migrate(*db_, "notes", broken, "notes-binary"),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(SchemaVersion(*db_, "notes"), IsOkAndHolds(1));
}

}  // namespace
}  // namespace claimtrack::postgres
