#include "services/extraction/engine/coreference.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/str_join.h"
#include "services/extraction/engine/utf8.h"

namespace claimtrack::engine {
namespace {

// Names longer than this are headlines or all-caps text, not entities.
constexpr size_t kMaxRunWords = 14;
// How far back a surname is looked up; keeps huge inputs linear.
constexpr int kMaxSurnameLookback = 256;

std::string_view StripPossessiveView(std::string_view word) {
  word.remove_suffix(PossessiveSuffixLength(word));
  return word;
}

std::string_view LastWordView(std::string_view name) {
  const size_t space = name.rfind(' ');
  return space == std::string_view::npos ? name : name.substr(space + 1);
}

// LastWordView(name) == word for a `word` without spaces: `name` ends with
// `word`, which starts `name` or follows a space. PersonBySurname asks this
// of up to hundreds of names a mention, and most differ in the byte before
// the suffix or its length: no search for the last space (a loop over the
// name's bytes) and no comparison for them.
bool LastWordIs(std::string_view name, std::string_view word) {
  if (name.size() < word.size()) {
    return false;
  }
  const size_t start = name.size() - word.size();
  return (start == 0 || name[start - 1] == ' ') &&
         std::memcmp(name.data() + start, word.data(), word.size()) == 0;
}

// Initials of all words ("DoJ" upper-cased to "DOJ") into `all` and of
// capitalized words only ("DJ") into `caps`; each holds at most
// kMaxInitials letters (longer names make no acronym).
constexpr size_t kMaxInitials = 16;
void Initials(std::string_view name, char* all, size_t& all_size, char* caps,
              size_t& caps_size) {
  all_size = caps_size = 0;
  size_t i = 0;
  while (i < name.size()) {
    const size_t end = std::min(name.find(' ', i), name.size());
    if (end > i) {
      const char c = name[i];
      if (all_size < kMaxInitials + 1) {
        all[all_size++] = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      }
      if (c >= 'A' && c <= 'Z' && caps_size < kMaxInitials + 1) {
        caps[caps_size++] = c;
      }
    }
    i = end + 1;
  }
}

// Words joined by single spaces, in `arena`.
std::string_view JoinWords(std::vector<std::string_view>::const_iterator begin,
                           std::vector<std::string_view>::const_iterator end,
                           TextArena& arena) {
  // Sized once and written in place: no append call per word.
  size_t length = 0;
  for (auto it = begin; it != end; ++it) {
    length += it->size() + 1;
  }
  length = length > 0 ? length - 1 : 0;
  char* const out = arena.Allocate(length);
  char* dst = out;
  for (auto it = begin; it != end; ++it) {
    if (it != begin) {
      *dst++ = ' ';
    }
    if (!it->empty()) {
      __builtin_memcpy(dst, it->data(), it->size());
    }
    dst += it->size();
  }
  return std::string_view(out, length);
}

}  // namespace

void EntityIndex::Start(std::string_view text, std::string_view lower) {
  text_ = text;
  lower_text_ = lower;
  texts_.Clear();
  persons_.clear();
  name_candidates_.clear();
  presidents_.clear();
  administrations_.clear();
  acronym_to_name_.clear();
  acronyms_seen_.clear();
  names_.clear();
  // Sized once from the text's length (news runs to a capitalized
  // multi-word name per ~130 bytes, a person or a name candidate per
  // ~500), so that the index does not grow them step by step.
  names_.reserve(text.size() / 128 + 4);
  persons_.reserve(text.size() / 512 + 4);
  name_candidates_.reserve(text.size() / 512 + 4);
}

size_t EntityIndex::KeptBytes() const {
  using Entry = std::pair<uint32_t, std::string_view>;
  return texts_.heap_bytes() +
         (persons_.capacity() + name_candidates_.capacity() +
          presidents_.capacity() + administrations_.capacity()) *
             sizeof(Entry) +
         (words_.capacity() + lower_.capacity() + names_.capacity() +
          acronyms_seen_.capacity()) *
             sizeof(std::string_view) +
         acronym_to_name_.capacity() * 2 * sizeof(std::string_view);
}

void EntityIndex::Scan(const std::vector<Token>& tokens) {
  auto capitalized = [&](size_t k) {
    return (tokens[k].shape & kShapeCapitalized) != 0;
  };
  const size_t n = tokens.size();
  size_t i = 0;
  while (i < n) {
    // Most tokens start no name: skip them in a loop of their own, which
    // keeps its few variables in registers; `&`, not `&&`, so that the
    // two tests make one branch (punctuation and words alternate without
    // a pattern the predictor could learn).
    while (i < n && !((tokens[i].kind == TokenKind::kWord) & capitalized(i))) {
      ++i;
    }
    if (i == n) {
      break;
    }
    // Capitalized run, allowing small connectors between capitalized words.
    size_t end = i + 1;
    while (end < tokens.size() && end - i < kMaxRunWords &&
           tokens[end].kind == TokenKind::kWord &&
           (tokens[end - 1].shape & kShapePossessive) == 0) {
      if (capitalized(end)) {
        ++end;
        continue;
      }
      // Up to two small words between capitalized ones: "Center for the
      // Prosecution", "Department of Justice".
      size_t c = end;
      while (c < tokens.size() && c < end + 2 &&
             tokens[c].kind == TokenKind::kWord &&
             lexicon_.IsNameConnector(TokenText(lower_text_, tokens[c]))) {
        ++c;
      }
      if (c > end && c < tokens.size() && tokens[c].kind == TokenKind::kWord &&
          capitalized(c)) {
        end = c + 1;
        continue;
      }
      break;
    }
    if (end == i + 1) {
      // A lone capitalized word (most often a sentence opener) can only be
      // an acronym or "<Name> administration": skip the phrase machinery.
      const std::string_view w = TokenText(text_, tokens[i]);
      if (tokens[i].shape & kShapeAcronym) {
        acronyms_seen_.insert(w);
      }
      if (end < tokens.size() && tokens[end].kind == TokenKind::kWord &&
          TokenText(lower_text_, tokens[end]) == "administration") {
        const std::string_view name = StripPossessiveView(w);
        if (name != "The" && name != "the" && name != "A" && name != "a") {
          administrations_.try_emplace(tokens[i].begin,
                                       texts_.Concat(name, " administration"));
        }
      }
      i = end;
      continue;
    }
    // Views into the text and its lower-cased copy (same offsets; the
    // possessive is cut from both).
    words_.clear();
    lower_.clear();
    // A run has at most kMaxRunWords words: sized once per document.
    words_.reserve(kMaxRunWords);
    lower_.reserve(kMaxRunWords);
    std::vector<std::string_view>& words = words_;
    std::vector<std::string_view>& lower = lower_;
    // Bit k: word k is an organization keyword / opens a title. The
    // tokenizer looked each word up already (Token::flags); only a word
    // whose possessive was cut is looked up again, as cut.
    static_assert(kMaxRunWords + 2 < 32, "a run's words fit the masks");
    uint32_t org_words = 0;
    uint32_t title_words = 0;
    uint32_t title_starts = 0;  // Where the title loop below may match.
    for (size_t k = i; k < end; ++k) {
      const std::string_view word = TokenText(text_, tokens[k]);
      if (tokens[k].shape & kShapeAcronym) {
        acronyms_seen_.insert(word);
      }
      words.push_back((tokens[k].shape & kShapePossessive) != 0
                          ? StripPossessiveView(word)
                          : word);
      lower.push_back(
          TokenText(lower_text_, tokens[k]).substr(0, words.back().size()));
      const uint32_t flags =
          words.back().size() == tokens[k].end - tokens[k].begin
              ? tokens[k].flags
              : lexicon_.WordFlags(lower.back());
      org_words |= uint32_t{(flags & Lexicon::kOrgKeyword) != 0} << (k - i);
      title_words |= uint32_t{(flags & Lexicon::kTitleFirstWord) != 0}
                     << (k - i);
      // A title may also start at a word that opens with a "then-", "ex-"
      // or "former-" (the title loop below tests the first letters so).
      const std::string_view lw = lower.back();
      const bool may_be_prefixed =
          lw.size() >= 3 && ((lw[0] == 't') | (lw[0] == 'e') | (lw[0] == 'f'));
      title_starts |= uint32_t{may_be_prefixed} << (k - i);
    }
    title_starts |= title_words;
    size_t b = 0;
    while (b < words.size() && (lower[b] == "the" || lower[b] == "a")) {
      ++b;
    }
    const uint32_t run_begin = tokens[i].begin;
    if (b < words.size()) {
      // A name of two words or more is joined in texts_ and kept in
      // names_; one word is its own name, a view of the text.
      const bool several_words = words.size() - b >= 2;
      const std::string_view name =
          several_words ? JoinWords(words.begin() + b, words.end(), texts_)
                        : words[b];
      if (several_words) {
        names_.push_back(name);
      }
      // "(ICPA)" right after the name defines an acronym.
      if (end + 2 < tokens.size() && tokens[end].kind == TokenKind::kOpenParen &&
          tokens[end + 2].kind == TokenKind::kCloseParen &&
          IsAcronym(TokenText(text_, tokens[end + 1])) &&
          words.size() - b >= 2) {
        const std::string_view acronym = TokenText(text_, tokens[end + 1]);
        if (acronym[0] == words[b][0]) {
          acronym_to_name_.emplace(acronym, name);
        }
      }
      // "<Name> administration".
      if (end < tokens.size() &&
          TokenText(lower_text_, tokens[end]) == "administration") {
        administrations_.try_emplace(
            run_begin, texts_.Concat(LastWordView(name), " administration"));
      }
      // Titled persons: "President Vladimir Putin", "Attorney General X".
      // Bit k of org_from: some word in [k, end) names an organization (a
      // run has at most kMaxRunWords words).
      // That is every bit up to org_words' highest: no loop over the words
      // (whose exit followed the run's length).
      static_assert(kMaxRunWords < 32);
      const uint32_t org_from =
          org_words == 0 ? 0
                         : (uint32_t{2} << (31 - __builtin_clz(org_words))) - 1;
      const auto org_from_at = [&](size_t k) { return (org_from >> k) & 1; };
      bool titled = false;
      std::vector<std::string_view>& stripped = lower;
      // Only the words whose title_starts bit is set can start a title:
      // the loop visits those alone (most runs have none).
      for (uint32_t starts = title_starts >> b << b; starts != 0 && !titled;
           starts &= starts - 1) {
        const size_t p = __builtin_ctz(starts);
        // Only the title's first word loses its prefix; restore it after.
        const std::string_view original = stripped[p];
        // Only "then-", "ex-" or "former-" can be cut: test their first
        // letters before looking for the hyphen.
        const bool prefixed =
            original.size() >= 3 &&
            (original[0] == 't' || original[0] == 'e' || original[0] == 'f') &&
            original.find('-') != std::string_view::npos;
        if (prefixed) {
          for (std::string_view prefix : {"then-", "ex-", "former-"}) {
            if (stripped[p].substr(0, prefix.size()) == prefix) {
              stripped[p] = stripped[p].substr(prefix.size());
            }
          }
        }
        // A word cut from its prefix is looked up as cut; any other word's
        // title flag came with its token.
        size_t m = 0;
        if (prefixed) {
          m = lexicon_.MatchTitle(stripped, p);
        } else if ((title_words >> p) & 1) {
          m = lexicon_.MatchTitleFrom(stripped, p);
        }
        const bool is_president = stripped[p] == "president";
        stripped[p] = original;
        if (m == 0 || p + m >= words.size()) {
          continue;
        }
        titled = true;
        if (org_from_at(p + m)) {
          break;
        }
        const std::string_view person =
            JoinWords(words.begin() + p + m, words.end(), texts_);
        persons_.try_emplace(tokens[i + p + m].begin, person);
        if (is_president) {
          presidents_.try_emplace(tokens[i + p].begin, LastWordView(person));
        }
      }
      if (!titled && words.size() - b >= 2 && words.size() - b <= 3 &&
          lexicon_.IsFirstName(words[b])) {
        if (!org_from_at(b)) {
          persons_.try_emplace(tokens[i + b].begin, name);
        }
      } else if (!titled && words.size() - b >= 2 && words.size() - b <= 3) {
        bool org = org_from_at(b) != 0;
        for (size_t k = b; k < words.size() && !org; ++k) {
          org = IsAcronym(words[k]);
        }
        if (!org) {
          name_candidates_.try_emplace(tokens[i + b].begin, name);
        }
      }
    }
    i = end;
  }
}

void EntityIndex::Finalize() {
  if (acronyms_seen_.empty()) {
    return;
  }
  // The acronyms seen are tokens of 2-8 capital letters (kShapeAcronym,
  // IsAcronym): bit c - 'A' of first_letters[n] is set if one of n letters
  // starts with c. Most names' initials fail this test and need no hash
  // look-up.
  uint32_t first_letters[9] = {};
  for (const std::string_view acronym : acronyms_seen_) {
    if (acronym.size() <= 8) {
      first_letters[acronym.size()] |= uint32_t{1} << ((acronym[0] - 'A') & 31);
    }
  }
  const auto may_be_seen = [&](std::string_view initials) {
    const auto letter = static_cast<unsigned char>(initials[0] - 'A');
    return initials.size() >= 2 && initials.size() <= 8 && letter < 26 &&
           ((first_letters[initials.size()] >> letter) & 1) != 0;
  };
  // Bit c - 'A': some acronym seen starts with c.
  uint32_t any_first = 0;
  for (const uint32_t letters : first_letters) {
    any_first |= letters;
  }
  char all[kMaxInitials + 1], caps[kMaxInitials + 1];
  size_t all_size = 0, caps_size = 0;
  for (const std::string_view name : names_) {
    // A name that opens with a capital has both its initials start with
    // it: if no acronym seen does, skip collecting them (most names). The
    // names here have two words or more, so none is empty.
    if (const auto c0 = static_cast<unsigned char>(name.front() - 'A');
        c0 < 26 && ((any_first >> c0) & 1) == 0) {
      continue;
    }
    Initials(name, all, all_size, caps, caps_size);
    for (const std::string_view initials :
         {std::string_view(all, all_size), std::string_view(caps, caps_size)}) {
      if (may_be_seen(initials) && acronyms_seen_.contains(initials) &&
          !acronym_to_name_.contains(initials)) {
        acronym_to_name_.emplace(texts_.Copy(initials), name);
      }
    }
  }
}

void EntityIndex::AddPerson(const std::string& name, uint32_t pos) {
  // Copied only for a new entry: the pre-pass has usually recorded a full
  // name where it is written.
  if (name.find(' ') != std::string::npos && !persons_.contains(pos)) {
    persons_.try_emplace(pos, texts_.Copy(name));
  }
}

std::string EntityIndex::LastPersonBefore(uint32_t pos) const {
  auto it = persons_.lower_bound(pos);
  if (it == persons_.begin()) {
    return "";
  }
  return std::string(std::prev(it)->second);
}

std::string EntityIndex::PersonBySurname(std::string_view surname,
                                         uint32_t pos) const {
  // A last word holds no space (LastWordIs needs a surname without one).
  if (surname.find(' ') != std::string_view::npos) {
    return "";
  }
  // Prefer the latest full name before the mention, else any later one.
  auto it = persons_.lower_bound(pos);
  int budget = kMaxSurnameLookback;
  for (auto back = it; back != persons_.begin() && budget-- > 0;) {
    --back;
    if (LastWordIs(back->second, surname)) {
      return std::string(back->second);
    }
  }
  for (budget = kMaxSurnameLookback; it != persons_.end() && budget-- > 0;
       ++it) {
    if (LastWordIs(it->second, surname)) {
      return std::string(it->second);
    }
  }
  auto cand = name_candidates_.lower_bound(pos);
  budget = kMaxSurnameLookback;
  while (cand != name_candidates_.begin() && budget-- > 0) {
    --cand;
    if (LastWordIs(cand->second, surname)) {
      return std::string(cand->second);
    }
  }
  return "";
}

std::string EntityIndex::AdministrationAt(uint32_t pos) const {
  auto president = presidents_.lower_bound(pos);
  if (president != presidents_.begin()) {
    return std::string(std::prev(president)->second) + " administration";
  }
  // No president yet: the nearest "<Name> administration" mention.
  auto next = administrations_.lower_bound(pos);
  auto best = administrations_.end();
  if (next != administrations_.begin()) {
    best = std::prev(next);
  }
  if (next != administrations_.end() &&
      (best == administrations_.end() ||
       next->first - pos < pos - best->first)) {
    best = next;
  }
  return best == administrations_.end() ? "" : std::string(best->second);
}

std::vector<std::string> EntityIndex::AliasesOf(const std::string& name) const {
  std::vector<std::string> aliases;
  for (const auto& [acronym, full] : acronym_to_name_) {
    if (full == name) {
      aliases.push_back(std::string(acronym));
    }
  }
  std::sort(aliases.begin(), aliases.end());
  return aliases;
}

Speaker EntityIndex::Resolve(const ParsedSpeaker& parsed, uint32_t pos) const {
  // Copy-constructed: cheaper than assigning into empty strings.
  Speaker s{parsed.name, parsed.type, parsed.role, parsed.organization, {}};
  switch (parsed.form) {
    case SpeakerForm::kPronoun:
      if (parsed.pronoun == "he" || parsed.pronoun == "she") {
        s.name = LastPersonBefore(pos);
      }
      break;
    case SpeakerForm::kAdministration:
      s.name = AdministrationAt(pos);
      break;
    case SpeakerForm::kAcronym: {
      auto it = acronym_to_name_.find(parsed.name);
      if (it != acronym_to_name_.end()) {
        s.name = it->second;
      }
      s.aliases = AliasesOf(s.name);
      if (s.aliases.empty()) {
        s.aliases.push_back(parsed.name);
      }
      break;
    }
    case SpeakerForm::kOrganization:
      s.aliases = AliasesOf(s.name);
      break;
    case SpeakerForm::kSurname: {
      std::string full = PersonBySurname(parsed.name, pos);
      if (!full.empty()) {
        s.name = std::move(full);
      }
      break;
    }
    default:
      break;
  }
  if (!s.organization.empty()) {
    auto it = acronym_to_name_.find(s.organization);
    if (it != acronym_to_name_.end()) {
      s.organization = it->second;
    }
  }
  return s;
}

}  // namespace claimtrack::engine
