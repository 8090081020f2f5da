#include "common/security/access_policy.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text/sha256.h"
#include "google/protobuf/descriptor.h"

namespace claimtrack::security {
namespace {

constexpr absl::string_view kTokenPrefix = "sha256:";
constexpr absl::string_view kCertificatePrefix = "cert:";

bool IsLowerHexSha256(absl::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return absl::ascii_isdigit(c) || (c >= 'a' && c <= 'f');
         });
}

absl::StatusOr<Role> ParseRole(absl::string_view name) {
  for (Role role : {access::v1::ROLE_INGEST, access::v1::ROLE_ANALYST, access::v1::ROLE_READER,
                    access::v1::ROLE_SERVICE}) {
    if (name == RoleName(role)) {
      return role;
    }
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown role \"", name, "\"; the roles are ingest, analyst, reader, service"));
}

}  // namespace

absl::string_view RoleName(Role role) {
  switch (role) {
    case access::v1::ROLE_INGEST:
      return "ingest";
    case access::v1::ROLE_ANALYST:
      return "analyst";
    case access::v1::ROLE_READER:
      return "reader";
    case access::v1::ROLE_SERVICE:
      return "service";
    default:
      return "unspecified";
  }
}

absl::StatusOr<AccessPolicy> AccessPolicy::Parse(absl::string_view text,
                                                 absl::string_view source) {
  AccessPolicy policy;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || absl::StartsWith(line, "#")) {
      continue;
    }
    auto malformed = [&](absl::string_view why) {
      return absl::InvalidArgumentError(absl::StrCat(source, ":", line_number, ": ", why));
    };
    const std::vector<absl::string_view> fields =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (fields.size() != 3) {
      return malformed(
          "expected \"<roles> <principal> sha256:<token hash>|cert:<common name>\"");
    }
    Principal principal;
    principal.name = std::string(fields[1]);
    for (absl::string_view name : absl::StrSplit(fields[0], ',')) {
      absl::StatusOr<Role> role = ParseRole(name);
      if (!role.ok()) {
        return malformed(role.status().message());
      }
      principal.roles.push_back(*role);
    }
    absl::string_view credential = fields[2];
    if (absl::ConsumePrefix(&credential, kTokenPrefix)) {
      if (!IsLowerHexSha256(credential)) {
        return malformed("a token hash is 64 lowercase hex digits (sha256sum of the token)");
      }
      if (!policy.by_token_sha256_.emplace(credential, principal).second) {
        return malformed("this token hash is listed twice");
      }
    } else if (absl::ConsumePrefix(&credential, kCertificatePrefix) && !credential.empty()) {
      if (!policy.by_certificate_.emplace(credential, principal).second) {
        return malformed(absl::StrCat("certificate \"", credential, "\" is listed twice"));
      }
    } else {
      return malformed("the credential must start with sha256: or cert:");
    }
  }
  return policy;
}

absl::StatusOr<AccessPolicy> AccessPolicy::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("--auth_tokens_file: cannot read ", path));
  }
  std::stringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path);
}

const Principal* AccessPolicy::FindByToken(absl::string_view bearer_token) const {
  auto it = by_token_sha256_.find(Sha256Hex(bearer_token));
  return it == by_token_sha256_.end() ? nullptr : &it->second;
}

const Principal* AccessPolicy::FindByCertificate(absl::string_view common_name) const {
  auto it = by_certificate_.find(common_name);
  return it == by_certificate_.end() ? nullptr : &it->second;
}

absl::StatusOr<std::vector<Role>> AllowedRoles(absl::string_view method) {
  // "/pkg.Service/Method" -> "pkg.Service.Method".
  absl::string_view path = method;
  absl::ConsumePrefix(&path, "/");
  const std::string full_name = absl::StrReplaceAll(path, {{"/", "."}});
  const google::protobuf::MethodDescriptor* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(full_name);
  if (descriptor == nullptr || !descriptor->options().HasExtension(access::v1::access)) {
    return absl::NotFoundError(absl::StrCat("method ", path, " has no access rule"));
  }
  std::vector<Role> roles;
  for (int role : descriptor->options().GetExtension(access::v1::access).roles()) {
    roles.push_back(static_cast<Role>(role));
  }
  return roles;
}

absl::Status Authorize(const Principal& principal, absl::string_view method) {
  absl::StatusOr<std::vector<Role>> allowed = AllowedRoles(method);
  if (!allowed.ok()) {
    return absl::PermissionDeniedError(allowed.status().message());
  }
  for (Role role : *allowed) {
    if (std::find(principal.roles.begin(), principal.roles.end(), role) !=
        principal.roles.end()) {
      return absl::OkStatus();
    }
  }
  absl::string_view path = method;
  absl::ConsumePrefix(&path, "/");
  auto role_names = [](const std::vector<Role>& roles) {
    return absl::StrJoin(roles, ", ", [](std::string* out, Role role) {
      absl::StrAppend(out, RoleName(role));
    });
  };
  return absl::PermissionDeniedError(absl::StrCat(
      principal.name, " (roles: ", principal.roles.empty() ? "none" : role_names(principal.roles),
      ") may not call ", path, "; it needs one of the roles: ", role_names(*allowed)));
}

}  // namespace claimtrack::security
