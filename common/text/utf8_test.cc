#include "common/text/utf8.h"

#include <gtest/gtest.h>

#include "common/text/sha256.h"

namespace claimtrack {
namespace {

TEST(Utf8Test, AcceptsAsciiAndMultiByteText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("\xE2\x80\x9CQuote\xE2\x80\x9D \xC2\xA9 \xF0\x9F\x93\xB0"));
}

TEST(Utf8Test, ReportsTheOffsetOfTheFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8("ab\xFF" "cd"), 2u);
  EXPECT_EQ(FindInvalidUtf8("ok \xC3"), 3u);             // truncated sequence
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);            // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);       // UTF-16 surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);    // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xE2\x28\xA1"), 0u);        // bad continuation
}

TEST(Sha256Test, MatchesKnownVector) {
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace claimtrack
