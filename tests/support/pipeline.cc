#include "tests/support/pipeline.h"

#include <signal.h>
#include <stdlib.h>

#include <fstream>
#include <sstream>

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace claimtrack::testing {
namespace {

constexpr const char* kBinaries[] = {"claimtrack-ingestion", "claimtrack-extraction",
                                     "claimtrack-verification"};

int Index(Pipeline::Service service) { return static_cast<int>(service); }

std::string Tail(const std::string& path, size_t max_bytes) {
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  const std::string text = content.str();
  return text.size() > max_bytes ? text.substr(text.size() - max_bytes) : text;
}

}  // namespace

std::string MakeWorkDir(const std::string& prefix) {
  std::string pattern = absl::StrCat(::testing::TempDir(), "/", prefix, ".XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) {
    return "";
  }
  return pattern;
}

bool WaitUntil(const std::function<bool()>& condition, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    if (condition()) {
      return true;
    }
    if (absl::Now() > deadline) {
      return false;
    }
    absl::SleepFor(absl::Milliseconds(50));
  }
}

absl::StatusOr<std::unique_ptr<Pipeline>> Pipeline::Start(const std::string& work_dir,
                                                           Options options) {
  std::unique_ptr<Pipeline> pipeline(new Pipeline(work_dir, std::move(options)));
  // Downstream first, so each service starts with its peer's port known.
  for (Service service : {Service::kVerification, Service::kExtraction, Service::kIngestion}) {
    if (absl::Status started = pipeline->Launch(service, 0); !started.ok()) {
      return started;
    }
  }
  return pipeline;
}

std::vector<std::string> Pipeline::Args(Service service, int port) const {
  std::vector<std::string> args = {absl::StrCat("--listen=127.0.0.1:", port)};
  switch (service) {
    case Service::kIngestion:
      args.push_back(absl::StrCat("--data_dir=", work_dir_, "/data"));
      if (!options_.database_url.empty()) {
        args.push_back("--database_url=" + options_.database_url);
      }
      args.push_back("--extraction_address=" + address(Service::kExtraction));
      // Short timeouts so a dead peer is noticed quickly in tests.
      args.push_back("--extraction_timeout=5s");
      break;
    case Service::kExtraction:
      args.push_back("--verification_address=" + address(Service::kVerification));
      args.push_back("--verification_timeout=5s");
      break;
    case Service::kVerification:
      args.push_back(absl::StrCat("--data_dir=", work_dir_, "/data"));
      if (!options_.database_url.empty()) {
        args.push_back("--database_url=" + options_.database_url);
      }
      break;
  }
  return args;
}

absl::Status Pipeline::Launch(Service service, int port) {
  absl::StatusOr<std::unique_ptr<ServiceProcess>> process =
      ServiceProcess::Start(kBinaries[Index(service)], Args(service, port), work_dir_);
  if (!process.ok()) {
    return process.status();
  }
  ports_[Index(service)] = (*process)->port();
  logs_.push_back((*process)->log_path());
  processes_[Index(service)] = std::move(*process);
  return absl::OkStatus();
}

int Pipeline::Stop(Service service, bool crash) {
  auto& process = processes_[Index(service)];
  if (process == nullptr) {
    return -1;
  }
  int exit_code = 128 + SIGKILL;
  if (crash) {
    process->Kill();
  } else {
    exit_code = process->Terminate();
  }
  process.reset();
  return exit_code;
}

absl::Status Pipeline::Restart(Service service) {
  return Launch(service, ports_[Index(service)]);
}

std::string Pipeline::address(Service service) const {
  return absl::StrCat("127.0.0.1:", ports_[Index(service)]);
}

double Pipeline::CpuSeconds(Service service) const {
  const auto& process = processes_[Index(service)];
  return process == nullptr ? 0 : process->CpuSeconds();
}

std::unique_ptr<claimtrack::ingestion::v1::IngestionService::Stub> Pipeline::Ingestion()
    const {
  return claimtrack::ingestion::v1::IngestionService::NewStub(grpc::CreateChannel(
      address(Service::kIngestion), grpc::InsecureChannelCredentials()));
}

std::unique_ptr<claimtrack::verification::v1::VerificationService::Stub>
Pipeline::Verification() const {
  return claimtrack::verification::v1::VerificationService::NewStub(grpc::CreateChannel(
      address(Service::kVerification), grpc::InsecureChannelCredentials()));
}

std::string Pipeline::Logs() const {
  std::string all;
  for (const std::string& log : logs_) {
    absl::StrAppend(&all, "==> ", log, " <==\n", Tail(log, 2000), "\n");
  }
  return all;
}

}  // namespace claimtrack::testing
