#include "services/extraction/engine/speaker_cache.h"

#include <string>

#include "gtest/gtest.h"

namespace claimtrack::engine {
namespace {

ParsedSpeaker Parse(const std::string& name) {
  ParsedSpeaker parsed;
  parsed.form = SpeakerForm::kPerson;
  parsed.name = name;
  return parsed;
}

// An entry's bytes, as the cache counts them for a short key and name.
constexpr size_t kEntryBytes = sizeof(std::string) + sizeof(ParsedSpeaker) + 1;

TEST(SpeakerCacheTest, FindsWhatWasInserted) {
  SpeakerCache cache(10 * kEntryBytes);
  EXPECT_EQ(cache.Find("Roe"), nullptr);
  const ParsedSpeaker& inserted = cache.Insert("Roe", Parse("Ann Roe"));
  EXPECT_EQ(inserted.name, "Ann Roe");
  const ParsedSpeaker* found = cache.Find("Roe");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->name, "Ann Roe");
  EXPECT_EQ(cache.Find("Lee"), nullptr);
}

TEST(SpeakerCacheTest, RecurringPhraseOutlivesTurnoversOthersLeave) {
  // Room for four entries: a generation turns over past two.
  SpeakerCache cache(4 * kEntryBytes);
  cache.Insert("he", Parse("he"));
  cache.Insert("first", Parse("first"));
  for (int document = 0; document < 20; ++document) {
    ASSERT_NE(cache.Find("he"), nullptr) << "document " << document;
    const std::string phrase = "p" + std::to_string(document);
    cache.Insert(phrase, Parse(phrase));
    cache.EndDocument();
  }
  EXPECT_EQ(cache.Find("first"), nullptr);
  EXPECT_EQ(cache.Find("p0"), nullptr);
  ASSERT_NE(cache.Find("p19"), nullptr);
  EXPECT_EQ(cache.Find("p19")->name, "p19");
}

TEST(SpeakerCacheTest, StaysNearItsCap) {
  const size_t cap = 8 * kEntryBytes;
  SpeakerCache cache(cap);
  for (int document = 0; document < 100; ++document) {
    for (int k = 0; k < 3; ++k) {
      const std::string phrase =
          "d" + std::to_string(document) + "k" + std::to_string(k);
      cache.Insert(phrase, Parse(phrase));
    }
    cache.EndDocument();
    // Each generation holds at most half the cap and one document more.
    EXPECT_LE(cache.bytes(), cap + 2 * 3 * kEntryBytes);
  }
  cache.Clear();
  EXPECT_EQ(cache.bytes(), 0u);
  EXPECT_EQ(cache.Find("d99k0"), nullptr);
}

}  // namespace
}  // namespace claimtrack::engine
