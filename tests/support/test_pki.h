#ifndef CLAIMTRACK_TESTS_SUPPORT_TEST_PKI_H_
#define CLAIMTRACK_TESTS_SUPPORT_TEST_PKI_H_

#include <string>

#include "absl/status/statusor.h"

namespace claimtrack::testing {

// A certificate and its private key, as PEM files.
struct TestIdentity {
  std::string cert_file;
  std::string key_file;
};

// A throwaway certificate authority made with the openssl command line, so
// security tests run real TLS handshakes with real certificates.
class TestPki {
 public:
  // Creates the CA (a P-256 key, valid for two days) under `dir`.
  static absl::StatusOr<TestPki> Create(const std::string& dir);

  // A certificate with subject CN=`common_name`, valid for localhost and
  // 127.0.0.1, usable by servers and clients; signed by this CA unless
  // `self_signed`.
  absl::StatusOr<TestIdentity> Issue(const std::string& common_name,
                                     bool self_signed = false) const;

  const std::string& ca_file() const { return ca_.cert_file; }

 private:
  explicit TestPki(std::string dir, TestIdentity ca) : dir_(std::move(dir)), ca_(std::move(ca)) {}

  std::string dir_;
  TestIdentity ca_;
};

}  // namespace claimtrack::testing

#endif  // CLAIMTRACK_TESTS_SUPPORT_TEST_PKI_H_
