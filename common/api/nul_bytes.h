#ifndef CLAIMTRACK_COMMON_API_NUL_BYTES_H_
#define CLAIMTRACK_COMMON_API_NUL_BYTES_H_

#include <google/protobuf/message.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace claimtrack {

// INVALID_ARGUMENT naming the first string or bytes field of `message`, at
// any depth ("statements[2].speaker.name"), that holds a NUL byte; OK when
// none does. (claimtrack's bytes fields hold text: see nul_bytes.cc.)
// `prefix` is prepended to the path ("requests[3].").
//
// Why: a NUL byte is valid UTF-8, so protobuf accepts it, and SQLite stores
// it, but PostgreSQL text cannot hold it (the write fails as INTERNAL, and an
// outboxed document would be retried for ever). Refusing it at the edge makes
// both stores accept and refuse the same requests.
absl::Status RejectNulBytes(const google::protobuf::Message& message,
                            absl::string_view prefix = "");

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_API_NUL_BYTES_H_
