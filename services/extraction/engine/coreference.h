// Document-wide entity memory used to resolve speakers: people seen so far
// (for "he" and surnames), presidents and "<Name> administration" mentions
// (for "the administration"), and acronyms (for "the DOJ").
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_COREFERENCE_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_COREFERENCE_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "services/extraction/engine/attribution_engine.h"
#include "services/extraction/engine/lexicon.h"
#include "services/extraction/engine/speaker_parser.h"
#include "services/extraction/engine/text_arena.h"
#include "services/extraction/engine/tokenizer.h"

namespace claimtrack::engine {

// One index serves a thread's documents in turn (the engine keeps it in
// its per-thread scratch): each Start() forgets the last document's
// entities but keeps the containers' capacity, so a document grows none of
// them from empty.
class EntityIndex {
 public:
  explicit EntityIndex(const Lexicon& lexicon) : lexicon_(lexicon) {}
  // The maps hold views of strings in texts_: a copy would leave them
  // pointing into the source's.
  EntityIndex(const EntityIndex&) = delete;
  EntityIndex& operator=(const EntityIndex&) = delete;

  // Starts a document. `lower` is the ASCII-lower-cased copy of `text`
  // (same offsets); it saves lower-casing each token again. Both must
  // outlive the document's calls.
  void Start(std::string_view text, std::string_view lower);

  // Pre-pass over one paragraph's tokens: titled names ("President Vladimir
  // Putin"), names starting with a known first name, "<Name> administration",
  // acronyms and capitalized multi-word names. Call for every paragraph, then
  // Finalize() once.
  void Scan(const std::vector<Token>& tokens);
  // Links acronyms to the names they abbreviate: "(ICPA)" right after a name
  // defines it; otherwise an acronym used in the document matches a name's
  // initials, with or without its small words ("Department of Justice" ->
  // "DOJ").
  void Finalize();

  // Records a person named in full at byte `pos` (speakers found by rules).
  void AddPerson(const std::string& name, uint32_t pos);

  // Turns a parsed speaker phrase at byte `pos` into a resolved speaker.
  Speaker Resolve(const ParsedSpeaker& parsed, uint32_t pos) const;

  // The most recent full person name mentioned before `pos`; empty if none.
  std::string LastPersonBefore(uint32_t pos) const;

  // Heap bytes the index keeps between documents, roughly.
  size_t KeptBytes() const;

 private:
  std::string PersonBySurname(std::string_view surname, uint32_t pos) const;
  std::string AdministrationAt(uint32_t pos) const;
  std::vector<std::string> AliasesOf(const std::string& name) const;

  // Position -> string, sorted by position, with the part of std::map's
  // interface the index uses (try_emplace, lower_bound, iteration).
  // Entries arrive nearly in document order (the pre-pass scans forward,
  // AddPerson follows reading order), so an insert is nearly always an
  // append, and a vector allocates no node per entry. An entry holds a view
  // of its string, which the index keeps in texts_ (never moved):
  // AddPerson inserts among the pre-pass's entries, and shifting views is a
  // memmove where shifting strings moved each one.
  class PositionMap {
   public:
    using value_type = std::pair<uint32_t, std::string_view>;
    using const_iterator = std::vector<value_type>::const_iterator;

    // As std::map::try_emplace: an entry already at `pos` is kept. `text`
    // must outlive the map.
    void try_emplace(uint32_t pos, std::string_view text) {
      auto it = entries_.end();
      if (!entries_.empty() && entries_.back().first >= pos) {
        it =
            std::lower_bound(entries_.begin(), entries_.end(), pos, ByPosition);
        if (it != entries_.end() && it->first == pos) {
          return;
        }
      }
      entries_.emplace(it, pos, text);
    }
    bool contains(uint32_t pos) const {
      const auto it = lower_bound(pos);
      return it != entries_.end() && it->first == pos;
    }
    // The first entry at or after `pos`.
    const_iterator lower_bound(uint32_t pos) const {
      return std::lower_bound(entries_.begin(), entries_.end(), pos,
                              ByPosition);
    }
    void reserve(size_t n) { entries_.reserve(n); }
    void clear() { entries_.clear(); }
    size_t capacity() const { return entries_.capacity(); }
    const_iterator begin() const { return entries_.begin(); }
    const_iterator end() const { return entries_.end(); }

   private:
    static bool ByPosition(const value_type& entry, uint32_t pos) {
      return entry.first < pos;
    }
    std::vector<value_type> entries_;
  };

  // absl's string hash for std::string_view keys: this Abseil's
  // absl::string_view is its own type, and absl::Hash<std::string_view>
  // falls back to std::hash's slower byte hash.
  struct ViewHash {
    size_t operator()(std::string_view s) const {
      return absl::Hash<absl::string_view>{}(
          absl::string_view(s.data(), s.size()));
    }
  };

  std::string_view text_;
  std::string_view lower_text_;
  const Lexicon& lexicon_;
  // The names the index builds (joined words, "<Name> administration",
  // initials) and those AddPerson records; the maps and names_ view them.
  TextArena texts_;
  PositionMap persons_;  // Position -> full name.
  // Untyped capitalized two- or three-word names ("Greta Holm"): too vague
  // for "he", but good enough to expand a bare surname.
  PositionMap name_candidates_;
  PositionMap presidents_;       // Position -> surname.
  PositionMap administrations_;  // "Biden administration".
  // Acronyms view the text or texts_, names texts_.
  absl::flat_hash_map<std::string_view, std::string_view, ViewHash>
      acronym_to_name_;
  // Scratch buffers reused by Scan() to avoid per-run allocations.
  std::vector<std::string_view> words_;
  std::vector<std::string_view> lower_;
  // Views of the text.
  absl::flat_hash_set<std::string_view, ViewHash> acronyms_seen_;
  std::vector<std::string_view> names_;  // Capitalized multi-word names.
};

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_COREFERENCE_H_
