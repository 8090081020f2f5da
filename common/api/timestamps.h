#ifndef CLAIMTRACK_COMMON_API_TIMESTAMPS_H_
#define CLAIMTRACK_COMMON_API_TIMESTAMPS_H_

#include <google/protobuf/timestamp.pb.h>

#include "absl/time/time.h"

namespace claimtrack {

google::protobuf::Timestamp ToProtoTimestamp(absl::Time time);
absl::Time FromProtoTimestamp(const google::protobuf::Timestamp& timestamp);

// Stores keep times as Unix microseconds.
inline int64_t ToUnixMicrosOrZero(const google::protobuf::Timestamp& timestamp) {
  return absl::ToUnixMicros(FromProtoTimestamp(timestamp));
}
inline google::protobuf::Timestamp ProtoTimestampFromMicros(int64_t micros) {
  return ToProtoTimestamp(absl::FromUnixMicros(micros));
}

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_API_TIMESTAMPS_H_
