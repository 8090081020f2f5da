#include "services/extraction/engine/text_arena.h"

#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"

namespace claimtrack::engine {
namespace {

TEST(TextArenaTest, CopiesAndConcatenates) {
  TextArena arena;
  std::string source = "Ann Roe";
  const std::string_view copy = arena.Copy(source);
  const std::string_view joined = arena.Concat("Lee", " administration");
  source = "changed";
  EXPECT_EQ(copy, "Ann Roe");
  EXPECT_EQ(joined, "Lee administration");
  EXPECT_EQ(arena.Copy(""), "");
}

// Views stay valid as the arena takes new blocks, including one for a
// string larger than a block.
TEST(TextArenaTest, ViewsOutliveLaterAllocations) {
  TextArena arena;
  std::vector<std::string> expected;
  std::vector<std::string_view> views;
  for (int i = 0; i < 2000; ++i) {
    expected.push_back("name " + std::to_string(i));
    views.push_back(arena.Copy(expected.back()));
  }
  const std::string large(10000, 'x');
  const std::string_view large_view = arena.Copy(large);
  views.push_back(arena.Copy("after"));
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(views[i], expected[i]);
  }
  EXPECT_EQ(large_view, large);
  EXPECT_EQ(views.back(), "after");
}

// After Clear() the arena starts over in its own first block and holds no
// heap block.
TEST(TextArenaTest, ClearFreesTheHeapBlocks) {
  TextArena arena;
  EXPECT_EQ(arena.heap_bytes(), 0u);
  for (int i = 0; i < 200; ++i) {
    arena.Copy("a name of some twenty bytes");
  }
  EXPECT_GT(arena.heap_bytes(), 0u);
  arena.Clear();
  EXPECT_EQ(arena.heap_bytes(), 0u);
  EXPECT_EQ(arena.Copy("Ann Roe"), "Ann Roe");
  EXPECT_EQ(arena.heap_bytes(), 0u);
}

}  // namespace
}  // namespace claimtrack::engine
