// WatchClaimChanges through the real verification service process: a client
// that disconnects mid-stream and resumes from its last cursor gets every
// change exactly once, and SIGTERM ends open watches instead of waiting out
// the drain.

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/grpc/channel.h"
#include "common/testing/status_matchers.h"
#include "tests/support/pipeline.h"
#include "tests/support/service_process.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::ServiceProcess;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;
namespace v1 = ::claimtrack::verification::v1;

class ChangeFeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string work_dir = testing::MakeWorkDir("change_feed");
    // A drain this long would hang the test if open watches were not ended
    // on SIGTERM.
    auto process = ServiceProcess::Start(
        "claimtrack-verification",
        {absl::StrCat("--data_dir=", work_dir, "/data"), "--drain_timeout=600s"}, work_dir);
    ASSERT_THAT(process, IsOk());
    process_ = *std::move(process);
    stub_ = v1::VerificationService::NewStub(
        grpc::CreateChannel(process_->address(), grpc::InsecureChannelCredentials()));
  }

  // Records `count` documents; every document has a new claim and repeats
  // the first one (an appearance of an existing claim from the second on).
  void RecordDocuments(int first, int count) {
    for (int i = first; i < first + count; ++i) {
      v1::RecordStatementsRequest request;
      request.mutable_document()->set_name(absl::StrCat("documents/d", i));
      for (const std::string& content :
           {absl::StrCat("Statement number ", i), std::string("The same words every time")}) {
        type::v1::Statement* statement = request.add_statements();
        statement->set_statement_id(content.substr(0, 20) + std::to_string(i));
        statement->set_content(content);
        statement->set_kind(type::v1::STATEMENT_KIND_DIRECT_QUOTE);
        statement->mutable_speaker()->set_name("Jane Doe");
      }
      grpc::ClientContext context;
      context.set_deadline(DeadlineIn(absl::Seconds(10)));
      v1::RecordStatementsResponse response;
      ASSERT_THAT(stub_->RecordStatements(&context, request, &response), IsOk());
      claims_.push_back(response.claims(0));
    }
  }

  void Review(const std::string& name) {
    v1::Claim claim;
    {
      grpc::ClientContext context;
      context.set_deadline(DeadlineIn(absl::Seconds(10)));
      v1::GetClaimRequest get;
      get.set_name(name);
      ASSERT_THAT(stub_->GetClaim(&context, get, &claim), IsOk());
    }
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(10)));
    context.AddMetadata("x-claimtrack-analyst", "ana");
    v1::ReviewClaimRequest request;
    request.set_name(name);
    request.set_etag(claim.etag());
    request.set_verdict(v1::VERDICT_IN_REVIEW);
    ASSERT_THAT(stub_->ReviewClaim(&context, request, &claim), IsOk());
  }

  // Reads `count` changes from a watch starting after `cursor`, then
  // disconnects (cancels the call).
  std::vector<v1::ClaimChange> Watch(const std::string& cursor, int count) {
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(30)));
    v1::WatchClaimChangesRequest request;
    request.set_start_after(cursor);
    std::unique_ptr<grpc::ClientReader<v1::ClaimChange>> reader =
        stub_->WatchClaimChanges(&context, request);
    std::vector<v1::ClaimChange> changes;
    v1::ClaimChange change;
    while (static_cast<int>(changes.size()) < count && reader->Read(&change)) {
      changes.push_back(change);
    }
    context.TryCancel();
    EXPECT_THAT(reader->Finish(), StatusIs(grpc::StatusCode::CANCELLED));
    return changes;
  }

  std::unique_ptr<ServiceProcess> process_;
  std::unique_ptr<v1::VerificationService::Stub> stub_;
  std::vector<std::string> claims_;
};

TEST_F(ChangeFeedTest, AClientThatDisconnectsAndResumesMissesNothingAndSeesNothingTwice) {
  RecordDocuments(0, 10);  // 10 + 1 new claims, 9 repeated appearances: 20 changes
  // The first client reads part of the log and disconnects mid-stream.
  const std::vector<v1::ClaimChange> before = Watch("", 7);
  ASSERT_EQ(before.size(), 7u);

  // Changes keep coming while it is away.
  RecordDocuments(10, 5);                          // 10 changes
  for (int i = 0; i < 3; ++i) Review(claims_[i]);  // 3 changes

  // It resumes from its last cursor, reads everything, and stays connected
  // for a change committed after it caught up (the service wakes it).
  std::vector<v1::ClaimChange> after;
  {
    grpc::ClientContext context;
    context.set_deadline(DeadlineIn(absl::Seconds(30)));
    v1::WatchClaimChangesRequest request;
    request.set_start_after(before.back().cursor());
    auto reader = stub_->WatchClaimChanges(&context, request);
    v1::ClaimChange change;
    while (after.size() < 20 - 7 + 10 + 3 && reader->Read(&change)) after.push_back(change);
    Review(claims_[3]);
    ASSERT_TRUE(reader->Read(&change));
    after.push_back(change);
    EXPECT_EQ(change.type(), v1::CLAIM_CHANGE_TYPE_STATUS_CHANGED);
    EXPECT_EQ(change.claim(), claims_[3]);
    context.TryCancel();
    reader->Finish();
  }

  // The full sequence, read in one go from the start.
  const std::vector<v1::ClaimChange> full = Watch("", 20 + 10 + 3 + 1);
  ASSERT_EQ(full.size(), 34u);
  std::vector<std::string> resumed;
  absl::flat_hash_set<std::string> seen;
  std::vector<v1::ClaimChange> both = before;
  both.insert(both.end(), after.begin(), after.end());
  for (const v1::ClaimChange& change : both) {
    EXPECT_TRUE(seen.insert(change.cursor()).second) << "twice: " << change.cursor();
    resumed.push_back(change.cursor());
  }
  std::vector<std::string> expected;
  for (const v1::ClaimChange& change : full) expected.push_back(change.cursor());
  EXPECT_EQ(resumed, expected);

  int created = 0;
  int appearances = 0;
  for (const v1::ClaimChange& change : full) {
    created += change.type() == v1::CLAIM_CHANGE_TYPE_CLAIM_CREATED;
    appearances += change.type() == v1::CLAIM_CHANGE_TYPE_APPEARANCE_ADDED;
  }
  EXPECT_EQ(created, 16);
  EXPECT_EQ(appearances, 14);
}

TEST_F(ChangeFeedTest, SigtermEndsOpenWatchesWithTheirCursor) {
  RecordDocuments(0, 1);
  grpc::ClientContext context;
  auto reader = stub_->WatchClaimChanges(&context, v1::WatchClaimChangesRequest());
  v1::ClaimChange change;
  ASSERT_TRUE(reader->Read(&change));
  ASSERT_TRUE(reader->Read(&change));
  // Caught up: the watch is open and idle when the service is told to stop.
  // (The drain still takes ~5 s: gRPC 1.51 waits that long for a client's
  // open connection to close, watch or no watch.)
  EXPECT_EQ(process_->Terminate(), 0);
  EXPECT_FALSE(reader->Read(&change));
  EXPECT_THAT(reader->Finish(),
              StatusIs(grpc::StatusCode::UNAVAILABLE, HasSubstr("reconnect with start_after")));
}

}  // namespace
}  // namespace claimtrack
