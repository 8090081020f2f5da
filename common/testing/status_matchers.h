#ifndef CLAIMTRACK_COMMON_TESTING_STATUS_MATCHERS_H_
#define CLAIMTRACK_COMMON_TESTING_STATUS_MATCHERS_H_

#include <ostream>
#include <string>

#include <gmock/gmock.h>
#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// gMock matchers for absl::Status, absl::StatusOr<T> and grpc::Status,
// shaped like google-cloud-cpp's testing_util/status_matchers.h (Abseil
// 20220623 ships none):
//   EXPECT_THAT(store.Get("x"), StatusIs(absl::StatusCode::kNotFound));
//   EXPECT_THAT(rpc_status, StatusIs(grpc::StatusCode::ABORTED, HasSubstr("etag")));
//   ASSERT_THAT(result, IsOk());
//   EXPECT_THAT(Parse("7"), IsOkAndHolds(7));
namespace claimtrack::testing {

inline const absl::Status& GetStatus(const absl::Status& status) { return status; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}
inline absl::Status GetStatus(const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

MATCHER(IsOk, "is OK") {
  const absl::Status status = GetStatus(arg);
  if (!status.ok()) {
    *result_listener << "status is " << status;
  }
  return status.ok();
}

MATCHER_P(IsOkAndHolds, value_matcher, "is OK and holds a matching value") {
  if (!arg.ok()) {
    *result_listener << "status is " << arg.status();
    return false;
  }
  return ::testing::ExplainMatchResult(value_matcher, *arg, result_listener);
}

MATCHER_P2(StatusIs, code, message_matcher,
           "has code " + ::testing::PrintToString(static_cast<int>(code)) +
               " and a matching message") {
  const absl::Status status = GetStatus(arg);
  *result_listener << "status is " << status;
  return static_cast<int>(status.code()) == static_cast<int>(code) &&
         ::testing::ExplainMatchResult(message_matcher, std::string(status.message()),
                                       result_listener);
}

MATCHER_P(StatusIs, code, "has code " + ::testing::PrintToString(static_cast<int>(code))) {
  const absl::Status status = GetStatus(arg);
  *result_listener << "status is " << status;
  return static_cast<int>(status.code()) == static_cast<int>(code);
}

}  // namespace claimtrack::testing

#endif  // CLAIMTRACK_COMMON_TESTING_STATUS_MATCHERS_H_
