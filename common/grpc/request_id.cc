#include "common/grpc/request_id.h"

#include <algorithm>

#include "absl/random/random.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"

namespace claimtrack {
namespace {

bool IsAcceptable(absl::string_view id) {
  return !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
    return absl::ascii_isalnum(c) || c == '.' || c == '_' || c == ':' || c == '-';
  });
}

std::string NewRequestId() {
  thread_local absl::BitGen random;
  return absl::StrFormat("%016x", absl::Uniform<uint64_t>(random));
}

}  // namespace

std::string RequestIdOf(const grpc::ServerContextBase& context) {
  const auto& metadata = context.client_metadata();
  if (auto it = metadata.find(kRequestIdMetadataKey); it != metadata.end()) {
    const absl::string_view id(it->second.data(), it->second.size());
    if (IsAcceptable(id)) {
      return std::string(id);
    }
  }
  return NewRequestId();
}

void PropagateRequestId(const std::string& request_id, grpc::ClientContext* context) {
  if (!request_id.empty()) {
    context->AddMetadata(kRequestIdMetadataKey, request_id);
  }
}

}  // namespace claimtrack
