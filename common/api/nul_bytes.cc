#include "common/api/nul_bytes.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace claimtrack {
namespace {

using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::google::protobuf::Reflection;

absl::Status NulByteIn(const std::string& path, size_t offset) {
  return absl::InvalidArgumentError(absl::StrCat(
      path, " contains a NUL byte (U+0000) at byte offset ", offset, "; text must not"));
}

absl::Status Check(const Message& message, const std::string& prefix) {
  const Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);  // only the fields that are set
  for (const FieldDescriptor* field : fields) {
    const std::string path = absl::StrCat(prefix, field->name());
    // claimtrack's bytes fields are texts too (article text is bytes so that
    // invalid UTF-8 reaches validation and gets a named error, not a parse
    // failure).
    if (field->type() == FieldDescriptor::TYPE_STRING ||
        field->type() == FieldDescriptor::TYPE_BYTES) {
      std::string scratch;
      if (field->is_repeated()) {
        for (int i = 0; i < reflection->FieldSize(message, field); ++i) {
          const std::string& value =
              reflection->GetRepeatedStringReference(message, field, i, &scratch);
          if (const size_t at = value.find('\0'); at != std::string::npos) {
            return NulByteIn(absl::StrCat(path, "[", i, "]"), at);
          }
        }
      } else {
        const std::string& value = reflection->GetStringReference(message, field, &scratch);
        if (const size_t at = value.find('\0'); at != std::string::npos) {
          return NulByteIn(path, at);
        }
      }
    } else if (field->type() == FieldDescriptor::TYPE_MESSAGE) {
      if (field->is_repeated()) {
        for (int i = 0; i < reflection->FieldSize(message, field); ++i) {
          if (absl::Status status = Check(reflection->GetRepeatedMessage(message, field, i),
                                          absl::StrCat(path, "[", i, "]."));
              !status.ok()) {
            return status;
          }
        }
      } else if (absl::Status status =
                     Check(reflection->GetMessage(message, field), absl::StrCat(path, "."));
                 !status.ok()) {
        return status;
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status RejectNulBytes(const Message& message, absl::string_view prefix) {
  return Check(message, std::string(prefix));
}

}  // namespace claimtrack
