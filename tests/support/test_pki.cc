#include "tests/support/test_pki.h"

#include <cstdlib>
#include <fstream>

#include "absl/strings/str_cat.h"

namespace claimtrack::testing {
namespace {

// Runs a shell command quietly; its output goes to `log` for diagnosis.
absl::Status Run(const std::string& command, const std::string& log) {
  const std::string line = absl::StrCat(command, " >>", log, " 2>&1");
  if (std::system(line.c_str()) != 0) {
    return absl::InternalError(absl::StrCat("failed: ", command, " (see ", log, ")"));
  }
  return absl::OkStatus();
}

constexpr char kNewKey[] =
    "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";

}  // namespace

absl::StatusOr<TestPki> TestPki::Create(const std::string& dir) {
  TestIdentity ca{dir + "/ca.pem", dir + "/ca.key"};
  if (absl::Status made =
          Run(absl::StrCat(kNewKey, " -x509 -days 2 -subj '/CN=claimtrack test CA' -keyout ",
                           ca.key_file, " -out ", ca.cert_file),
              dir + "/openssl.log");
      !made.ok()) {
    return made;
  }
  return TestPki(dir, std::move(ca));
}

absl::StatusOr<TestIdentity> TestPki::Issue(const std::string& common_name,
                                            bool self_signed) const {
  const std::string stem = absl::StrCat(dir_, "/", common_name);
  const std::string log = dir_ + "/openssl.log";
  const std::string extensions = stem + ".ext";
  {
    std::ofstream out(extensions);
    out << "basicConstraints=CA:FALSE\n"
           "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
           "extendedKeyUsage=serverAuth,clientAuth\n";
  }
  TestIdentity identity{stem + ".pem", stem + ".key"};
  if (absl::Status request =
          Run(absl::StrCat(kNewKey, " -subj '/CN=", common_name, "' -keyout ",
                           identity.key_file, " -out ", stem, ".csr"),
              log);
      !request.ok()) {
    return request;
  }
  const std::string signer =
      self_signed ? absl::StrCat("-signkey ", identity.key_file)
                  : absl::StrCat("-CA ", ca_.cert_file, " -CAkey ", ca_.key_file,
                                 " -CAcreateserial");
  if (absl::Status signed_cert =
          Run(absl::StrCat("openssl x509 -req -days 2 -in ", stem, ".csr ", signer,
                           " -extfile ", extensions, " -out ", identity.cert_file),
              log);
      !signed_cert.ok()) {
    return signed_cert;
  }
  return identity;
}

}  // namespace claimtrack::testing
