// Document-wide entity memory used to resolve speakers: people seen so far
// (for "he" and surnames), presidents and "<Name> administration" mentions
// (for "the administration"), and acronyms (for "the DOJ").
#ifndef CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_COREFERENCE_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_COREFERENCE_H_

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "services/extraction/engine/attribution_engine.h"
#include "services/extraction/engine/lexicon.h"
#include "services/extraction/engine/speaker_parser.h"
#include "services/extraction/engine/tokenizer.h"

namespace claimtrack::engine {

class EntityIndex {
 public:
  // `lower` is the ASCII-lower-cased copy of `text` (same offsets); it
  // saves lower-casing each token again.
  EntityIndex(std::string_view text, std::string_view lower,
              const Lexicon& lexicon)
      : text_(text),
        lower_text_(lower),
        lexicon_(lexicon),
        persons_(position_texts_),
        name_candidates_(position_texts_),
        presidents_(position_texts_),
        administrations_(position_texts_) {
    // Sized once from the text's length (news runs to a capitalized
    // multi-word name per ~130 bytes, a person or a name candidate per
    // ~500), so that the index does not grow them step by step, moving
    // their strings each time.
    names_.reserve(text.size() / 128 + 4);
    persons_.reserve(text.size() / 512 + 4);
    name_candidates_.reserve(text.size() / 512 + 4);
  }
  EntityIndex(std::string_view text, const Lexicon& lexicon) = delete;
  // The position maps hold a reference to position_texts_ and views of its
  // strings: a copy or a move would leave them pointing into the source.
  EntityIndex(const EntityIndex&) = delete;
  EntityIndex& operator=(const EntityIndex&) = delete;

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

 private:
  std::string PersonBySurname(std::string_view surname, uint32_t pos) const;
  std::string AdministrationAt(uint32_t pos) const;
  std::vector<std::string> AliasesOf(const std::string& name) const;

  // Position -> string, sorted by position, with the part of std::map's
  // interface the index uses (try_emplace, lower_bound, iteration).
  // Entries arrive nearly in document order (the pre-pass scans forward,
  // AddPerson follows reading order), so an insert is nearly always an
  // append, and a vector allocates no node per entry. An entry holds a view
  // of its string, which `texts` keeps in place: AddPerson inserts among
  // the pre-pass's entries, and shifting views is a memmove where shifting
  // strings moved each one (a branch on whether it is stored inline).
  class PositionMap {
   public:
    using value_type = std::pair<uint32_t, std::string_view>;
    using const_iterator = std::vector<value_type>::const_iterator;

    // `texts` owns the strings and outlives the map; a deque never moves
    // its elements, so the views stay valid.
    explicit PositionMap(std::deque<std::string>& texts) : texts_(texts) {}

    // As std::map::try_emplace: an entry already at `pos` is kept.
    template <typename V>
    void try_emplace(uint32_t pos, V&& value) {
      auto it = entries_.end();
      if (!entries_.empty() && entries_.back().first >= pos) {
        it =
            std::lower_bound(entries_.begin(), entries_.end(), pos, ByPosition);
        if (it != entries_.end() && it->first == pos) {
          return;
        }
      }
      entries_.emplace(it, pos, texts_.emplace_back(std::forward<V>(value)));
    }
    // The first entry at or after `pos`.
    const_iterator lower_bound(uint32_t pos) const {
      return std::lower_bound(entries_.begin(), entries_.end(), pos,
                              ByPosition);
    }
    void reserve(size_t n) { entries_.reserve(n); }
    const_iterator begin() const { return entries_.begin(); }
    const_iterator end() const { return entries_.end(); }

   private:
    static bool ByPosition(const value_type& entry, uint32_t pos) {
      return entry.first < pos;
    }
    std::vector<value_type> entries_;
    std::deque<std::string>& texts_;
  };

  std::string_view text_;
  std::string_view lower_text_;
  const Lexicon& lexicon_;
  // The strings of the four position maps below (one deque for all: a
  // deque allocates on construction).
  std::deque<std::string> position_texts_;
  PositionMap persons_;  // Position -> full name.
  // Untyped capitalized two- or three-word names ("Greta Holm"): too vague
  // for "he", but good enough to expand a bare surname.
  PositionMap name_candidates_;
  PositionMap presidents_;       // Position -> surname.
  PositionMap administrations_;  // "Biden administration".
  absl::flat_hash_map<std::string, std::string> acronym_to_name_;
  // Scratch buffers reused by Scan() to avoid per-run allocations.
  std::vector<std::string_view> words_;
  std::vector<std::string_view> lower_;
  absl::flat_hash_set<std::string> acronyms_seen_;
  std::vector<std::string> names_;  // Capitalized multi-word names.
};

}  // namespace claimtrack::engine

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_ENGINE_COREFERENCE_H_
