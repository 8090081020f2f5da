#include "services/ingestion/outbox_dispatcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "common/testing/status_matchers.h"
#include "services/ingestion/fake_document_processor.h"
#include "services/ingestion/sqlite_document_store.h"

namespace claimtrack::ingestion {
namespace {

using ::claimtrack::ingestion::v1::PROCESSING_STATE_DONE;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_EXTRACTING;
using ::claimtrack::ingestion::v1::PROCESSING_STATE_FAILED;
using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;

class OutboxDispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           absl::StrCat("outbox_", info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = SqliteDocumentStore::Open((dir_ / "ingestion.db").string());
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
  }

  std::vector<std::string> IngestTexts(int count, int first_index = 0) {
    std::vector<NewDocument> documents;
    for (int i = first_index; i < first_index + count; ++i) {
      NewDocument document;
      document.original_text = absl::StrCat("Document ", i, ".");
      document.cleaned = CleanArticleText(document.original_text);
      documents.push_back(std::move(document));
    }
    absl::Notification done;
    std::vector<std::string> names;
    store_->Ingest(std::move(documents),
                   [&](absl::StatusOr<std::vector<IngestResult>> results) {
                     EXPECT_THAT(results, IsOk());
                     if (results.ok()) {
                       for (const IngestResult& result : *results) {
                         names.push_back(result.document.name());
                       }
                     }
                     done.Notify();
                   });
    done.WaitForNotification();
    return names;
  }

  // Polls `condition` for up to 10 s.
  static bool WaitFor(const std::function<bool()>& condition) {
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (!condition()) {
      if (absl::Now() > deadline) return false;
      absl::SleepFor(absl::Milliseconds(5));
    }
    return true;
  }

  // Waits (without a deadline) until `name` is DONE or FAILED.
  static absl::StatusOr<Document> AwaitFinished(
      OutboxDispatcher& dispatcher, const std::string& name,
      absl::Time deadline = absl::InfiniteFuture()) {
    absl::Notification done;
    absl::StatusOr<Document> out;
    dispatcher.WaitForCompletion(name, deadline, [&](absl::StatusOr<Document> document) {
      out = std::move(document);
      done.Notify();
    });
    done.WaitForNotification();
    return out;
  }

  std::filesystem::path dir_;
  std::unique_ptr<SqliteDocumentStore> store_;
};

TEST_F(OutboxDispatcherTest, DeliversAndMarksDone) {
  const std::vector<std::string> names = IngestTexts(5);
  FakeDocumentProcessor processor(
      [](const claimtrack::type::v1::DocumentRef& document, int) -> absl::StatusOr<int> {
        EXPECT_FALSE(document.text().empty());
        return 3;
      });
  OutboxDispatcher dispatcher(store_.get(), &processor);
  dispatcher.Start();
  for (const std::string& name : names) {
    absl::StatusOr<Document> document = AwaitFinished(dispatcher, name);
    ASSERT_THAT(document, IsOk());
    EXPECT_EQ(document->state(), PROCESSING_STATE_DONE);
    EXPECT_EQ(document->statement_count(), 3);
    EXPECT_EQ(document->attempt_count(), 1);
    EXPECT_EQ(processor.calls(name), 1);
  }
  // Documents ingested after start are picked up on Notify().
  const std::vector<std::string> later = IngestTexts(1);
  dispatcher.Notify();
  EXPECT_EQ(AwaitFinished(dispatcher, later[0])->state(), PROCESSING_STATE_DONE);
}

TEST_F(OutboxDispatcherTest, InvalidArgumentFailsPermanently) {
  const std::vector<std::string> names = IngestTexts(1);
  FakeDocumentProcessor processor(
      [](const claimtrack::type::v1::DocumentRef&, int) -> absl::StatusOr<int> {
        return absl::InvalidArgumentError("document.text is too long");
      });
  OutboxDispatcher dispatcher(store_.get(), &processor);
  dispatcher.Start();
  absl::StatusOr<Document> document = AwaitFinished(dispatcher, names[0]);
  ASSERT_THAT(document, IsOk());
  EXPECT_EQ(document->state(), PROCESSING_STATE_FAILED);
  EXPECT_EQ(document->failure_reason(), "document.text is too long");
  EXPECT_EQ(processor.calls(names[0]), 1);
}

TEST_F(OutboxDispatcherTest, TransientFailureIsRetriedAfterBackoff) {
  const std::vector<std::string> names = IngestTexts(1);
  FakeDocumentProcessor processor(
      [](const claimtrack::type::v1::DocumentRef&, int call) -> absl::StatusOr<int> {
        if (call == 1) {
          return absl::UnavailableError("verification is down");
        }
        return 2;
      });
  // A test clock that only moves when told: the retry must wait for it.
  absl::Mutex clock_mu;
  absl::Time fake_now = absl::FromUnixSeconds(1700000000);
  absl::Notification retry_scheduled;
  Document retry_document;
  OutboxDispatcherOptions options;
  options.clock = [&] {
    absl::MutexLock lock(&clock_mu);
    return fake_now;
  };
  options.on_update = [&](const Document& document) {
    if (document.state() == PROCESSING_STATE_EXTRACTING &&
        !retry_scheduled.HasBeenNotified()) {
      retry_document = document;
      retry_scheduled.Notify();
    }
  };
  // New documents are due at their (real) creation time; make the fake
  // clock start after it.
  {
    absl::MutexLock lock(&clock_mu);
    fake_now = absl::Now() + absl::Seconds(1);
  }
  const absl::Time start = options.clock();
  OutboxDispatcher dispatcher(store_.get(), &processor, options);
  dispatcher.Start();
  retry_scheduled.WaitForNotification();
  EXPECT_EQ(retry_document.attempt_count(), 1);
  EXPECT_THAT(retry_document.failure_reason(), HasSubstr("verification is down"));
  absl::StatusOr<std::optional<absl::Time>> next = store_->NextDueAfter(start);
  ASSERT_THAT(next, IsOk());
  ASSERT_TRUE(next->has_value());
  // 0.2 s, jittered down by at most 20%.
  EXPECT_GE(**next - start, absl::Milliseconds(160));
  EXPECT_LE(**next - start, absl::Milliseconds(200));
  EXPECT_EQ(processor.calls(names[0]), 1);

  {
    absl::MutexLock lock(&clock_mu);
    fake_now += absl::Seconds(1);
  }
  dispatcher.Notify();
  absl::StatusOr<Document> document = AwaitFinished(dispatcher, names[0]);
  ASSERT_THAT(document, IsOk());
  EXPECT_EQ(document->state(), PROCESSING_STATE_DONE);
  EXPECT_EQ(document->attempt_count(), 2);
  EXPECT_EQ(document->statement_count(), 2);
  EXPECT_TRUE(document->failure_reason().empty());
}

TEST_F(OutboxDispatcherTest, ATransientFailurePausesEveryDelivery) {
  // Extraction is down: the first round of calls fails, and then nothing
  // more is sent -- not even newly ingested documents -- until the pause
  // (on the test clock) is over.
  const std::vector<std::string> first = IngestTexts(3);
  FakeDocumentProcessor processor(
      [](const claimtrack::type::v1::DocumentRef&, int) -> absl::StatusOr<int> {
        return absl::UnavailableError("extraction is down");
      });
  absl::Mutex clock_mu;
  absl::Time fake_now = absl::Now() + absl::Seconds(1);
  std::atomic<int> retries_recorded{0};
  OutboxDispatcherOptions options;
  options.jitter = 0;
  options.clock = [&] {
    absl::MutexLock lock(&clock_mu);
    return fake_now;
  };
  options.on_update = [&](const Document&) { ++retries_recorded; };
  OutboxDispatcher dispatcher(store_.get(), &processor, options);
  dispatcher.Start();
  ASSERT_TRUE(WaitFor([&] { return retries_recorded.load() == 3; }));
  EXPECT_EQ(processor.total_calls(), 3);

  IngestTexts(2, /*first_index=*/100);
  dispatcher.Notify();
  absl::SleepFor(absl::Milliseconds(300));  // long enough for a wrong send
  EXPECT_EQ(processor.total_calls(), 3) << "sent while paused";

  {
    absl::MutexLock lock(&clock_mu);
    fake_now += absl::Seconds(1);  // past the pause and every retry
  }
  dispatcher.Notify();
  EXPECT_TRUE(WaitFor([&] { return processor.total_calls() >= 5; }));
}

TEST_F(OutboxDispatcherTest, BackoffDoublesToTheCap) {
  FakeDocumentProcessor processor;
  OutboxDispatcherOptions options;
  options.jitter = 0;
  OutboxDispatcher dispatcher(store_.get(), &processor, options);
  EXPECT_EQ(dispatcher.Backoff(1), absl::Milliseconds(200));
  EXPECT_EQ(dispatcher.Backoff(2), absl::Milliseconds(400));
  EXPECT_EQ(dispatcher.Backoff(4), absl::Milliseconds(1600));
  EXPECT_EQ(dispatcher.Backoff(100), absl::Seconds(30));
}

TEST_F(OutboxDispatcherTest, RestartResumesPendingDocuments) {
  const std::vector<std::string> names = IngestTexts(4);
  {
    FakeDocumentProcessor holding;  // never answers until cancelled
    OutboxDispatcher first(store_.get(), &holding);
    first.Start();
    holding.AwaitHeld(4);
    first.Stop();  // cancels: the documents stay due
  }
  for (const std::string& name : names) {
    EXPECT_NE(store_->Get(name, false)->state(), PROCESSING_STATE_DONE);
  }
  FakeDocumentProcessor working([](const claimtrack::type::v1::DocumentRef&,
                                   int) -> absl::StatusOr<int> { return 1; });
  OutboxDispatcher second(store_.get(), &working);
  second.Start();
  for (const std::string& name : names) {
    EXPECT_EQ(AwaitFinished(second, name)->state(), PROCESSING_STATE_DONE);
  }
}

TEST_F(OutboxDispatcherTest, KeepsAtMostMaxInFlight) {
  const std::vector<std::string> names = IngestTexts(6);
  FakeDocumentProcessor holding;
  OutboxDispatcherOptions options;
  options.max_in_flight = 2;
  OutboxDispatcher dispatcher(store_.get(), &holding, options);
  dispatcher.Start();
  int finished = 0;
  while (finished < 6) {
    holding.AwaitHeld(std::min(2, 6 - finished));
    for (const std::string& name : holding.ReleaseAll(5)) {
      EXPECT_EQ(AwaitFinished(dispatcher, name)->state(), PROCESSING_STATE_DONE);
      ++finished;
    }
  }
  for (const std::string& name : names) {
    EXPECT_EQ(holding.calls(name), 1) << name;
  }
  EXPECT_LE(holding.max_held(), 2);
}

TEST_F(OutboxDispatcherTest, WaiterGetsDeadlineExceeded) {
  const std::vector<std::string> names = IngestTexts(1);
  FakeDocumentProcessor holding;
  OutboxDispatcher dispatcher(store_.get(), &holding);
  dispatcher.Start();
  holding.AwaitHeld(1);
  EXPECT_THAT(AwaitFinished(dispatcher, names[0], absl::Now() + absl::Milliseconds(50)),
              StatusIs(absl::StatusCode::kDeadlineExceeded));
  holding.ReleaseAll(1);
  EXPECT_EQ(AwaitFinished(dispatcher, names[0])->state(), PROCESSING_STATE_DONE);
  // Already finished: answered at once.
  EXPECT_EQ(AwaitFinished(dispatcher, names[0], absl::Now())->state(),
            PROCESSING_STATE_DONE);
}

TEST_F(OutboxDispatcherTest, AWaiterSeesAnOutcomeRecordedElsewhereAtItsDeadline) {
  const std::vector<std::string> names = IngestTexts(1);
  FakeDocumentProcessor holding;
  OutboxDispatcher dispatcher(store_.get(), &holding);
  dispatcher.Start();
  holding.AwaitHeld(1);
  absl::Notification waited;
  absl::StatusOr<Document> outcome;
  dispatcher.WaitForCompletion(names[0], absl::Now() + absl::Milliseconds(200),
                               [&](absl::StatusOr<Document> document) {
                                 outcome = std::move(document);
                                 waited.Notify();
                               });
  // Another replica on a shared store finishes it; this dispatcher's own
  // delivery is still held.
  absl::Notification marked;
  store_->MarkDone(names[0], 4, [&](absl::StatusOr<Document> document) {
    EXPECT_THAT(document, IsOk());
    marked.Notify();
  });
  marked.WaitForNotification();
  waited.WaitForNotification();
  ASSERT_THAT(outcome, IsOk());
  EXPECT_EQ(outcome->state(), PROCESSING_STATE_DONE);
  EXPECT_EQ(outcome->statement_count(), 4);
  holding.ReleaseAll(4);
}

TEST_F(OutboxDispatcherTest, CancelWaitAndStopEndWaits) {
  const std::vector<std::string> names = IngestTexts(2);
  FakeDocumentProcessor holding;
  OutboxDispatcher dispatcher(store_.get(), &holding);
  dispatcher.Start();
  absl::Notification cancelled;
  const uint64_t id = dispatcher.WaitForCompletion(
      names[0], absl::InfiniteFuture(), [&](absl::StatusOr<Document> document) {
        EXPECT_THAT(document, StatusIs(absl::StatusCode::kCancelled));
        cancelled.Notify();
      });
  dispatcher.CancelWait(id, absl::CancelledError("gone"));
  cancelled.WaitForNotification();
  absl::Notification stopped;
  dispatcher.WaitForCompletion(
      names[1], absl::InfiniteFuture(), [&](absl::StatusOr<Document> document) {
        EXPECT_THAT(document, StatusIs(absl::StatusCode::kUnavailable));
        stopped.Notify();
      });
  dispatcher.Stop();
  stopped.WaitForNotification();
}

}  // namespace
}  // namespace claimtrack::ingestion
