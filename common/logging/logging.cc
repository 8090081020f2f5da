#include "common/logging/logging.h"

#include <cstdio>
#include <memory>

#include "absl/strings/str_cat.h"
#include "spdlog/details/fmt_helper.h"
#include "spdlog/pattern_formatter.h"
#include "spdlog/sinks/stdout_sinks.h"
#include "spdlog/spdlog.h"

namespace claimtrack {
namespace {

// `%*` in a pattern: the message, escaped as a JSON string body, so a log
// line stays one valid JSON object whatever the message contains.
void Append(const char* text, spdlog::memory_buf_t& dest) {
  spdlog::details::fmt_helper::append_string_view(text, dest);
}

class JsonEscapedMessage final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    for (const char c : msg.payload) {
      switch (c) {
        case '"': Append("\\\"", dest); break;
        case '\\': Append("\\\\", dest); break;
        case '\n': Append("\\n", dest); break;
        case '\r': Append("\\r", dest); break;
        case '\t': Append("\\t", dest); break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof(escaped), "\\u%04x", c);
            Append(escaped, dest);
          } else {
            dest.push_back(c);
          }
      }
    }
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<JsonEscapedMessage>();
  }
};

}  // namespace

absl::Status InitLogging(const std::string& service, const std::string& format,
                         const std::string& level) {
  const spdlog::level::level_enum parsed = spdlog::level::from_str(level);
  if (parsed == spdlog::level::off && level != "off") {
    return absl::InvalidArgumentError(
        absl::StrCat("--log_level: unknown level \"", level,
                     "\" (trace, debug, info, warn, error, off)"));
  }
  auto logger = spdlog::stderr_logger_mt(service);
  if (format == "json") {
    auto formatter = std::make_unique<spdlog::pattern_formatter>(
        spdlog::pattern_time_type::utc);
    formatter->add_flag<JsonEscapedMessage>('*').set_pattern(absl::StrCat(
        R"({"time":"%Y-%m-%dT%H:%M:%S.%fZ","level":"%l","service":")", service,
        R"(","thread":%t,"message":"%*"})"));
    logger->set_formatter(std::move(formatter));
  } else if (format == "plain") {
    logger->set_pattern(absl::StrCat("%Y-%m-%d %H:%M:%S.%e %^%L%$ ", service,
                                     " %v"));
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "--log_format: unknown format \"", format, "\" (plain, json)"));
  }
  logger->set_level(parsed);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  return absl::OkStatus();
}

}  // namespace claimtrack
