#ifndef CLAIMTRACK_COMMON_SECURITY_ACCESS_POLICY_H_
#define CLAIMTRACK_COMMON_SECURITY_ACCESS_POLICY_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimtrack/access/v1/access.pb.h"

namespace claimtrack::security {

using ::claimtrack::access::v1::Role;

// Who a caller is once authenticated, and what it may do.
struct Principal {
  std::string name;
  std::vector<Role> roles;
};

// The access file (--auth_tokens_file): one principal per line,
//
//   <role>[,<role>...] <principal> sha256:<hex SHA-256 of the bearer token>
//   <role>[,<role>...] <principal> cert:<client certificate common name>
//
// with roles among ingest, analyst, reader, service; blank lines and lines
// starting with '#' are ignored. Tokens are stored as hashes so that the file
// (a mounted Secret) does not hold usable credentials.
class AccessPolicy {
 public:
  // INVALID_ARGUMENT naming `source` and the line for anything malformed.
  static absl::StatusOr<AccessPolicy> Parse(absl::string_view text, absl::string_view source);
  static absl::StatusOr<AccessPolicy> Load(const std::string& path);

  // nullptr when unknown.
  const Principal* FindByToken(absl::string_view bearer_token) const;
  const Principal* FindByCertificate(absl::string_view common_name) const;

 private:
  absl::flat_hash_map<std::string, Principal> by_token_sha256_;
  absl::flat_hash_map<std::string, Principal> by_certificate_;
};

// The roles the method's `claimtrack.access.v1.access` option allows.
// `method` is the HTTP/2 path, "/claimtrack.ingestion.v1.IngestionService/IngestArticle".
// NOT_FOUND when the method is unknown or has no access option.
absl::StatusOr<std::vector<Role>> AllowedRoles(absl::string_view method);

// OK when `principal` has one of the method's roles; otherwise
// PERMISSION_DENIED naming the principal, the method and the roles it needs.
absl::Status Authorize(const Principal& principal, absl::string_view method);

// "analyst", "reader", ... as written in the access file.
absl::string_view RoleName(Role role);

}  // namespace claimtrack::security

#endif  // CLAIMTRACK_COMMON_SECURITY_ACCESS_POLICY_H_
