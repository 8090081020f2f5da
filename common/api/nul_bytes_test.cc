#include "common/api/nul_bytes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "claimtrack/verification/v1/verification_service.pb.h"
#include "common/testing/status_matchers.h"

namespace claimtrack {
namespace {

using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::HasSubstr;

TEST(RejectNulBytesTest, NamesTheFieldAtAnyDepthAndTheOffset) {
  verification::v1::RecordStatementsRequest request;
  request.mutable_document()->set_name("documents/abc");
  request.add_statements()->set_content("clean");
  auto* second = request.add_statements();
  second->set_content("also clean");
  second->mutable_speaker()->set_name(std::string("Ann\0Lee", 7));
  EXPECT_THAT(RejectNulBytes(request),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("statements[1].speaker.name contains a NUL byte (U+0000) at "
                                 "byte offset 3")));
  EXPECT_THAT(RejectNulBytes(request, "requests[2]."),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("requests[2].statements[1].speaker.name")));
}

TEST(RejectNulBytesTest, AcceptsTextWithoutNulAndEmptyMessages) {
  verification::v1::RecordStatementsRequest request;
  EXPECT_THAT(RejectNulBytes(request), IsOk());
  request.add_statements()->set_content("\u201cNo hiding place,\u201d he said. \xF0\x9F\x93\xB0");
  EXPECT_THAT(RejectNulBytes(request), IsOk());
}

}  // namespace
}  // namespace claimtrack
