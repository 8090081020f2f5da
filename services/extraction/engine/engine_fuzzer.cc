// libFuzzer target: arbitrary bytes never crash the engine, and every span it
// returns lies inside the text on UTF-8 character boundaries and slices to
// the text it reports. Build with -DCLAIMTRACK_FUZZ=ON and clang; run
// scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string_view>

#include "services/extraction/engine/attribution_engine.h"

namespace {

using claimtrack::engine::ByteSpan;
using claimtrack::engine::Statement;
using claimtrack::engine::TextSpan;

bool OnBoundary(std::string_view text, uint32_t pos) {
  // A position splits a character only if the byte there is a continuation
  // byte of a valid sequence; the engine treats invalid bytes as one-byte
  // characters, so only check after a valid lead byte.
  if (pos == 0 || pos >= text.size()) {
    return true;
  }
  if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) {
    return true;
  }
  // Walk back to the lead byte (at most 3 bytes) and see whether its
  // sequence, if valid, covers pos.
  for (uint32_t back = 1; back <= 3 && back <= pos; ++back) {
    const auto lead = static_cast<unsigned char>(text[pos - back]);
    if ((lead & 0xC0) == 0x80) {
      continue;
    }
    size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (back >= len) {
      return true;
    }
    // Valid only if every byte up to len is a continuation byte.
    for (size_t k = 1; k < len; ++k) {
      if (pos - back + k >= text.size() ||
          (static_cast<unsigned char>(text[pos - back + k]) & 0xC0) != 0x80) {
        return true;  // Invalid sequence: bytes are opaque characters.
      }
    }
    return false;
  }
  return true;
}

void Check(std::string_view text, ByteSpan span, const char* what) {
  if (span.begin > span.end || span.end > text.size() ||
      !OnBoundary(text, span.begin) || !OnBoundary(text, span.end)) {
    std::fprintf(stderr, "bad %s span [%u, %u) in %zu bytes\n", what,
                 span.begin, span.end, text.size());
    std::abort();
  }
}

void CheckText(std::string_view text, const TextSpan& ts, const char* what) {
  Check(text, ts.span, what);
  if (text.substr(ts.span.begin, ts.span.end - ts.span.begin) != ts.text) {
    std::fprintf(stderr, "%s text differs from its span\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const claimtrack::engine::AttributionEngine* engine =
      new claimtrack::engine::AttributionEngine();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const Statement& s : engine->Extract(text)) {
    for (const ByteSpan& span : s.content_spans) {
      Check(text, span, "content");
    }
    for (const TextSpan& f : s.quoted_fragments) {
      CheckText(text, f, "fragment");
    }
    if (s.mention) CheckText(text, *s.mention, "mention");
    if (s.mention_appositive) Check(text, *s.mention_appositive, "appositive");
    if (s.cue) CheckText(text, *s.cue, "cue");
    if (s.antecedent) CheckText(text, *s.antecedent, "antecedent");
    if (s.context) CheckText(text, *s.context, "context");
    if (s.complementizer) Check(text, *s.complementizer, "complementizer");
    if (s.relay) {
      CheckText(text, s.relay->mention, "relay mention");
      CheckText(text, s.relay->cue, "relay cue");
    }
  }
  return 0;
}
