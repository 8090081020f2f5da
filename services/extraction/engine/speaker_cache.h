// Parsed speaker phrases kept from one article to the next, within a cap.
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_SPEAKER_CACHE_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_SPEAKER_CACHE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "services/extraction/engine/speaker_parser.h"

namespace claimtrack::engine {

// Parses by phrase text in two generations. New parses go to the recent
// one; when it outgrows half the cap (checked between documents) the older
// one is dropped and the recent one takes its place. A parse found in the
// older generation moves back to the recent one, so a phrase that recurs
// ("he", "officials", "the company") stays however many turnovers pass,
// while one seen once leaves after two. (Dropping the whole cache at the
// cap, as before, parsed every recurring phrase again after each drop:
// 1,000 of the 7,895 parses over the training split.)
class SpeakerCache {
 public:
  explicit SpeakerCache(size_t max_bytes) : max_bytes_(max_bytes) { Clear(); }

  // The parse of `phrase`, or nullptr. Valid until the next Insert or
  // EndDocument.
  const ParsedSpeaker* Find(std::string_view phrase) {
    const absl::string_view key(phrase.data(), phrase.size());
    // Hashed once for both generations (the maps share the hash function).
    const size_t hash = recent_.hash_function()(key);
    if (const auto it = recent_.find(key, hash); it != recent_.end()) {
      return &it->second;
    }
    const auto old = older_.find(key, hash);
    if (old == older_.end()) {
      return nullptr;
    }
    const size_t bytes = EntryBytes(old->first, old->second);
    older_bytes_ -= bytes;
    recent_bytes_ += bytes;
    return &recent_.insert(older_.extract(old)).position->second;
  }

  // Adds the parse of a phrase that Find did not have; returns it, valid
  // as Find's.
  const ParsedSpeaker& Insert(std::string_view phrase, ParsedSpeaker parsed) {
    const auto it =
        recent_.emplace(std::string(phrase), std::move(parsed)).first;
    recent_bytes_ += EntryBytes(it->first, it->second);
    return it->second;
  }

  // Call between documents: turns the generations over when the recent
  // one holds more than half the cap, so both together stay near it.
  void EndDocument() {
    if (recent_bytes_ > max_bytes_ / 2) {
      const size_t entries = recent_.size();
      older_ = std::move(recent_);
      older_bytes_ = recent_bytes_;
      recent_ = Map();
      // The new generation fills to about as many entries: its table is
      // taken once (in the memory the dropped generation's table freed)
      // instead of grown by doubling, which moved every entry each time.
      recent_.reserve(entries);
      recent_bytes_ = 0;
    }
  }

  void Clear() {
    recent_ = Map();
    older_ = Map();
    recent_bytes_ = older_bytes_ = 0;
    // The first generation's table, sized once for as many entries as half
    // the cap can hold (EntryBytes is at least kMinEntryBytes), instead of
    // grown by doubling through the first articles.
    recent_.reserve(max_bytes_ / 2 / kMinEntryBytes);
  }

  // Heap bytes held, roughly (EntryBytes summed).
  size_t bytes() const { return recent_bytes_ + older_bytes_; }

 private:
  using Map = absl::flat_hash_map<std::string, ParsedSpeaker>;

  static constexpr size_t kMinEntryBytes =
      sizeof(std::string) + sizeof(ParsedSpeaker) + 1;

  // Heap bytes an entry holds, roughly: its slot, the key and the parsed
  // strings (short ones live inside the string objects).
  static size_t EntryBytes(const std::string& key, const ParsedSpeaker& p) {
    size_t bytes = kMinEntryBytes;
    for (const std::string* s :
         {&key, &p.name, &p.role, &p.organization, &p.pronoun}) {
      if (s->size() > 15) {
        bytes += s->capacity() + 1;
      }
    }
    return bytes;
  }

  size_t max_bytes_;
  Map recent_;
  Map older_;
  size_t recent_bytes_ = 0;
  size_t older_bytes_ = 0;
};

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_SPEAKER_CACHE_H_
