#ifndef CLAIMTRACK_COMMON_LOGGING_LOGGING_H_
#define CLAIMTRACK_COMMON_LOGGING_LOGGING_H_

#include <string>

#include "absl/status/status.h"

namespace claimtrack {

// Sets up the default spdlog logger for a service: to stderr, `format`
// "plain" (human-readable) or "json" (one object a line, for log shippers),
// at `level` (trace, debug, info, warn, error). Every line names the service.
absl::Status InitLogging(const std::string& service, const std::string& format,
                         const std::string& level);

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_LOGGING_LOGGING_H_
