#include "services/verification/claim_identity.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/text/sha256.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::type::v1::Statement;
using ::claimtrack::type::v1::StatementKind;

// Decodes the code point at `text[*pos]` and advances `*pos`. Invalid bytes
// come back as themselves (one byte) so that nothing is lost; proto strings
// are valid UTF-8 anyway.
uint32_t NextCodePoint(absl::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(*pos);
  int length = 1;
  uint32_t code_point = lead;
  if (lead >= 0xF0 && lead < 0xF8) {
    length = 4;
    code_point = lead & 0x07;
  } else if (lead >= 0xE0) {
    length = 3;
    code_point = lead & 0x0F;
  } else if (lead >= 0xC0) {
    length = 2;
    code_point = lead & 0x1F;
  }
  if (length == 1 || *pos + length > text.size()) {
    *pos += 1;
    return lead;
  }
  for (int i = 1; i < length; ++i) {
    const unsigned char next = byte(*pos + i);
    if ((next & 0xC0) != 0x80) {
      *pos += 1;
      return lead;
    }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  *pos += length;
  return code_point;
}

// The ASCII replacement for typographic code points, or nullptr to keep
// the code point as written.
const char* AsciiReplacement(uint32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:  // single quotes
    case 0x2032:
    case 0x2035:
    case 0x02BC:
    case 0x00B4:
    case 0x0060:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:  // double quotes
    case 0x2033:
    case 0x2036:
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return "-";
    case 0x2026:
      return "...";
    case 0x00A0:
    case 0x1680:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return " ";
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return "";  // zero-width characters carry no words
    default:
      return nullptr;
  }
}

// Characters stripped from both ends: quote marks and sentence punctuation
// that differ between articles quoting the same words ("..., he said").
bool IsSurroundingPunctuation(char c) {
  switch (c) {
    case '"':
    case '\'':
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case '-':
    case ' ':
      return true;
    default:
      return false;
  }
}

absl::string_view FamilyOf(StatementKind kind) {
  return kind == type::v1::STATEMENT_KIND_FACTUAL_CLAIM ? "fact" : "quote";
}

}  // namespace

std::string NormalizeClaimText(absl::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const uint32_t c = NextCodePoint(text, &pos);
    if (const char* replacement = AsciiReplacement(c)) {
      folded.append(replacement);
    } else if (c < 0x80) {
      folded.push_back(absl::ascii_isspace(static_cast<unsigned char>(c))
                           ? ' '
                           : absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else {
      folded.append(text.data() + start, pos - start);
    }
  }
  // Collapse whitespace runs.
  std::string collapsed;
  collapsed.reserve(folded.size());
  for (const char c : folded) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) {
      continue;
    }
    collapsed.push_back(c);
  }
  size_t begin = 0;
  size_t end = collapsed.size();
  while (begin < end && IsSurroundingPunctuation(collapsed[begin])) {
    ++begin;
  }
  while (end > begin && IsSurroundingPunctuation(collapsed[end - 1])) {
    --end;
  }
  return collapsed.substr(begin, end - begin);
}

ClaimIdentity IdentifyClaim(const Statement& statement) {
  ClaimIdentity identity;
  // Unit separators keep "a" + "bc" apart from "ab" + "c"; "v1" lets a future
  // normalisation change live beside old ids.
  identity.key = absl::StrCat("v1\x1f", FamilyOf(statement.kind()), "\x1f",
                              NormalizeSpeakerName(statement.speaker().name()), "\x1f",
                              NormalizeClaimText(statement.content()));
  identity.id = Sha256Hex(identity.key).substr(0, 16);
  identity.name = absl::StrCat("claims/", identity.id);
  return identity;
}

}  // namespace claimtrack::verification
