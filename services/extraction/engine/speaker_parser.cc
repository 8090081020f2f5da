#include "services/extraction/engine/speaker_parser.h"

#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_join.h"
#include "services/extraction/engine/tokenizer.h"
#include "services/extraction/engine/utf8.h"

namespace claimtrack::engine {
namespace {

// The words of a span as views: `text` as written, `lower` into an
// ASCII-lower-cased copy, the document's or one owned here (so a Words is
// filled in place, never copied or moved).
struct Words {
  Words() = default;
  Words(const Words&) = delete;
  Words& operator=(const Words&) = delete;
  // Speaker phrases are a few words: inline storage, no allocation. The
  // lower-cased copy is padded, so the parser hands its words to the
  // lexicon as Lexicon::Word::Padded (no branch on a word's length).
  absl::InlinedVector<std::string_view, 8> text;
  absl::InlinedVector<std::string_view, 8> lower;
  absl::InlinedVector<char, 96> lower_buffer;
};

// The words of text[span], with `lower` the ASCII-lower-cased copy of
// `text` (same offsets) followed by kTokenizerPadding readable bytes.
void WordsOf(std::string_view text, std::string_view lower, ByteSpan span,
             const Lexicon& lexicon, Words& words) {
  // The span on its own: tokenizing it alone gives the same tokens (the
  // tokenizer never looks outside its span), with offsets from its start.
  const std::string_view piece = text.substr(span.begin, span.end - span.begin);
  const std::string_view lower_piece =
      lower.substr(span.begin, span.end - span.begin);
  // Reused across calls: speaker phrases are parsed many times a document.
  thread_local std::vector<Token> tokens;
  Tokenize(piece, lower_piece, {0, static_cast<uint32_t>(piece.size())},
           lexicon, tokens);
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord) {
      continue;
    }
    words.text.push_back(TokenText(piece, t));
    words.lower.push_back(TokenText(lower_piece, t));
  }
}

// The same for all of `text`, which has no lower-cased copy: lower-cased
// into `words`.
void WordsOf(std::string_view text, const Lexicon& lexicon, Words& words) {
  // The tokenizer reads a few bytes past a word's end.
  words.lower_buffer.resize(text.size() + kTokenizerPadding);
  // Through a plain pointer, so that the loop is vectorized (an inlined
  // vector's operator[] asks where its storage is for every byte).
  char* const lower_bytes = words.lower_buffer.data();
  for (size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    lower_bytes[i] = static_cast<char>(
        u | (static_cast<unsigned char>(u - 'A') < 26 ? 0x20 : 0));
  }
  WordsOf(text, std::string_view(lower_bytes, text.size()),
          {0, static_cast<uint32_t>(text.size())}, lexicon, words);
}

std::string_view StripPossessive(std::string_view word) {
  for (std::string_view suffix : {"\xE2\x80\x99s", "'s"}) {
    if (word.size() > suffix.size() &&
        word.substr(word.size() - suffix.size()) == suffix) {
      word.remove_suffix(suffix.size());
      break;
    }
  }
  return word;
}

// Words joined by single spaces.
template <typename It>
std::string JoinWords(It begin, It end) {
  // Sized once and written in place: no append call per word.
  size_t length = 0;
  for (It it = begin; it != end; ++it) {
    length += it->size() + 1;
  }
  std::string out(length > 0 ? length - 1 : 0, ' ');
  char* dst = out.data();
  for (It it = begin; it != end; ++it) {
    if (it != begin) {
      ++dst;  // The space is already there.
    }
    if (!it->empty()) {
      __builtin_memcpy(dst, it->data(), it->size());
    }
    dst += it->size();
  }
  return out;
}

std::string Join(const Words& w, size_t begin, size_t end) {
  return JoinWords(w.text.begin() + begin, w.text.begin() + end);
}

bool AllCapitalized(const Words& w, size_t begin, size_t end,
                    const Lexicon& lexicon) {
  if (begin >= end) {
    return false;
  }
  for (size_t i = begin; i < end; ++i) {
    if (!IsCapitalizedWord(w.text[i]) &&
        !(i > begin && i + 1 < end && lexicon.IsNameConnector(w.lower[i]))) {
      return false;
    }
  }
  return true;
}

// Lexicon::IsOrganizationKeyword of word i's first `size` bytes, asked of
// its lower-cased copy, which is padded: one look-up, without lower-casing
// the word again or branching on its length.
bool IsOrganizationWord(const Words& w, size_t i, size_t size,
                        const Lexicon& lexicon) {
  return lexicon.IsOrganizationKeywordLower(
      Lexicon::Word::Padded(w.lower[i].substr(0, size)));
}

bool IsPreposition(std::string_view w) {
  return w == "of" || w == "for" || w == "with" || w == "at" || w == "in" ||
         w == "from" || w == "to" || w == "familiar" || w == "close" ||
         w == "by" || w == "on";
}

// "a letter sent to European allies on Monday" -> "letter to European
// allies": keep the head noun and its to/from/by phrase, drop participles and
// trailing time expressions, which describe the delivery, not the document.
std::string DocumentName(const Words& w, size_t head, const Lexicon& lexicon) {
  std::vector<std::string_view> parts = {w.text[head]};
  size_t i = head + 1;
  while (i < w.text.size() && !IsPreposition(w.lower[i]) &&
         IsLowercaseWord(w.text[i])) {
    ++i;  // Participles: "sent", "obtained", "seen".
  }
  if (i < w.text.size() &&
      (w.lower[i] == "to" || w.lower[i] == "from" || w.lower[i] == "by" ||
       w.lower[i] == "of")) {
    const bool obtained_by =
        w.lower[i] == "by" && i > head + 1 &&
        (w.lower[i - 1] == "obtained" || w.lower[i - 1] == "seen" ||
         w.lower[i - 1] == "reviewed");
    if (!obtained_by) {
      parts.push_back(w.text[i]);
      for (size_t j = i + 1; j < w.text.size(); ++j) {
        const bool time_phrase =
            (w.lower[j] == "on" || w.lower[j] == "in" || w.lower[j] == "last" ||
             w.lower[j] == "this" || w.lower[j] == "earlier") ||
            lexicon.IsTemporalWord(Lexicon::Word::Padded(w.lower[j]));
        if (time_phrase || w.lower[j] == "that" || w.lower[j] == "which") {
          break;
        }
        parts.push_back(w.text[j]);
      }
    }
  }
  return JoinWords(parts.begin(), parts.end());
}

}  // namespace

namespace {

// OrganizationInRole for the role's words.
std::string OrganizationInWords(Words& w, const Lexicon& lexicon) {
  size_t end = w.text.size();
  while (end > 0 && !IsCapitalizedWord(w.text[end - 1])) {
    --end;
  }
  if (end == 0) {
    return "";
  }
  size_t begin = end - 1;
  while (begin > 0 && (IsCapitalizedWord(w.text[begin - 1]) ||
                       (begin >= 2 && lexicon.IsNameConnector(w.lower[begin - 1]) &&
                        IsCapitalizedWord(w.text[begin - 2])))) {
    --begin;
  }
  if (w.lower[begin] == "the" && begin + 1 < end) {
    ++begin;
  }
  // A role that is itself only a title ("President") names no organization.
  if (begin == 0 && lexicon.MatchTitle(w.lower, 0) == end) {
    return "";
  }
  w.text[end - 1] = StripPossessive(w.text[end - 1]);
  return Join(w, begin, end);
}

}  // namespace

std::string OrganizationInRole(std::string_view role, const Lexicon& lexicon) {
  Words w;
  WordsOf(role, lexicon, w);
  return OrganizationInWords(w, lexicon);
}

ParsedSpeaker ParseSpeaker(std::string_view text, std::string_view lower_text,
                           ByteSpan mention, std::optional<ByteSpan> appositive,
                           const Lexicon& lexicon) {
  ParsedSpeaker out;
  Words w;
  WordsOf(text, lower_text, mention, lexicon, w);
  if (appositive.has_value()) {
    std::string_view role =
        text.substr(appositive->begin, appositive->end - appositive->begin);
    Words rw;
    WordsOf(text, lower_text, *appositive, lexicon, rw);
    size_t skip = 0;
    if (!rw.lower.empty() &&
        (rw.lower[0] == "a" || rw.lower[0] == "an" || rw.lower[0] == "the")) {
      skip = rw.text[0].size();
      while (skip < role.size() && role[skip] == ' ') {
        ++skip;
      }
    }
    out.role = std::string(role.substr(skip));
    if (skip > 0 && rw.text[0].data() != role.data()) {
      // The skip was measured from a first word further in: the role is
      // tokenized as it reads.
      out.organization = OrganizationInRole(out.role, lexicon);
    } else {
      // The role's words are the appositive's after the article skipped
      // (tokenizing the role alone gives the same words: the tokenizer
      // never looks outside its span).
      if (skip > 0) {
        rw.text.erase(rw.text.begin());
        rw.lower.erase(rw.lower.begin());
      }
      out.organization = OrganizationInWords(rw, lexicon);
    }
  }
  const size_t n = w.text.size();
  if (n == 0) {
    return out;
  }
  if (n == 1 && lexicon.IsPronoun(Lexicon::Word::Padded(w.lower[0]))) {
    out.form = SpeakerForm::kPronoun;
    out.pronoun = std::string(w.lower[0]);
    out.type = (out.pronoun == "he" || out.pronoun == "she" || out.pronoun == "i")
                   ? SpeakerType::kPerson
                   : SpeakerType::kUnknown;
    return out;
  }
  size_t d = 0;
  while (d < n && lexicon.IsDeterminer(Lexicon::Word::Padded(w.lower[d]))) {
    ++d;
  }
  if (d == n) {
    return out;
  }
  // "the administration" / "the Trump administration".
  if (w.lower[n - 1] == "administration") {
    out.type = SpeakerType::kOrganization;
    if (n - 1 > d && AllCapitalized(w, d, n - 1, lexicon)) {
      out.form = SpeakerForm::kOrganization;
      out.name = Join(w, d, n - 1) + " administration";
      w.text[n - 2] = StripPossessive(w.text[n - 2]);
    } else {
      out.form = SpeakerForm::kAdministration;
    }
    return out;
  }
  // Anonymous sources: an anonymity noun before any prepositional tail.
  for (size_t i = d; i < n && !IsPreposition(w.lower[i]); ++i) {
    if (lexicon.IsAnonymousHead(Lexicon::Word::Padded(w.lower[i]))) {
      bool named = false;
      for (size_t j = d; j < i; ++j) {
        named = named || IsOrganizationWord(w, j, w.text[j].size(), lexicon) ||
                IsAcronym(w.text[j]);
      }
      out.form = SpeakerForm::kAnonymous;
      out.type = SpeakerType::kAnonymous;
      if (named) {
        out.organization = Join(w, d, i);
      }
      return out;
    }
  }
  // Documents: "a letter", "the report", "an internal memo".
  for (size_t i = d; i < n && i < d + 3 && IsLowercaseWord(w.text[i]); ++i) {
    if (IsPreposition(w.lower[i])) {
      break;
    }
    if (lexicon.IsDocumentHead(Lexicon::Word::Padded(w.lower[i]))) {
      out.form = SpeakerForm::kDocument;
      out.type = SpeakerType::kDocument;
      out.name = DocumentName(w, i, lexicon);
      return out;
    }
  }
  // Titles: "then-Attorney General Merrick Garland", "former President X".
  std::vector<std::string> qualifiers;
  size_t t0 = d;
  // Aliases, not copies: a stripped title prefix is restored after the loop.
  auto& lower = w.lower;
  auto& shown = w.text;
  std::string_view saved_lower, saved_shown;
  size_t saved_at = n;
  while (t0 < n && (lower[t0] == "former" || lower[t0] == "acting" ||
                    lower[t0] == "then" || lower[t0] == "late")) {
    qualifiers.push_back(std::string(lower[t0]));
    ++t0;
  }
  for (std::string_view prefix : {"then-", "ex-", "former-"}) {
    if (t0 < n && lower[t0].size() > prefix.size() &&
        lower[t0].substr(0, prefix.size()) == prefix) {
      qualifiers.push_back(prefix == "ex-" ? "former"
                                           : std::string(prefix.substr(
                                                 0, prefix.size() - 1)));
      if (saved_at == n) {
        saved_at = t0;
        saved_lower = lower[t0];
        saved_shown = shown[t0];
      }
      lower[t0] = lower[t0].substr(prefix.size());
      shown[t0] = shown[t0].substr(prefix.size());
    }
  }
  for (size_t p = t0; p < n; ++p) {
    const size_t m = lexicon.MatchTitle(lower, p);
    if (m == 0 || p + m >= n || !AllCapitalized(w, p + m, n, lexicon)) {
      continue;
    }
    out.form = SpeakerForm::kPerson;
    out.type = SpeakerType::kPerson;
    {
      const std::string_view last = w.text[n - 1];
      w.text[n - 1] = StripPossessive(last);
      out.name = Join(w, p + m, n);
      w.text[n - 1] = last;
    }
    const bool honorific =
        m == 1 && lexicon.IsHonorific(Lexicon::Word::Padded(lower[p]));
    if (!honorific && out.role.empty()) {
      out.role = JoinWords(shown.begin() + t0, shown.begin() + p + m);
      // An abbreviation is spelled out: "Texas Gov. Greg Abbott" has the
      // role "Texas Governor".
      if (const std::string_view full = Lexicon::SpelledOutTitle(
              JoinWords(lower.begin() + p, lower.begin() + p + m));
          !full.empty()) {
        out.role = p == t0 ? std::string(full)
                           : JoinWords(shown.begin() + t0, shown.begin() + p) +
                                 " " + std::string(full);
      }
      if (!qualifiers.empty()) {
        out.role += " (" + absl::StrJoin(qualifiers, ", ") + ")";
      }
    }
    if (n - (p + m) == 1) {
      out.form = SpeakerForm::kSurname;
    }
    return out;
  }
  if (saved_at < n) {
    lower[saved_at] = saved_lower;
    shown[saved_at] = saved_shown;
  }
  if (n - d == 1 && IsAcronym(w.text[d])) {
    out.form = SpeakerForm::kAcronym;
    out.type = SpeakerType::kOrganization;
    out.name = std::string(w.text[d]);
    return out;
  }
  if (AllCapitalized(w, d, n, lexicon)) {
    bool org = false;
    for (size_t i = d; i < n; ++i) {
      org = org ||
            IsOrganizationWord(w, i, StripPossessive(w.text[i]).size(),
                               lexicon) ||
            IsAcronym(w.text[i]);
    }
    // "the Kremlin", "The Group": a determiner before a capitalized name is
    // typical of institutions, rarely of people.
    org = org || (d > 0 && w.lower[0] == "the");
    out.name = Join(w, d, n);
    if (org) {
      out.form = SpeakerForm::kOrganization;
      out.type = SpeakerType::kOrganization;
    } else {
      out.form = n - d == 1 ? SpeakerForm::kSurname : SpeakerForm::kPerson;
      out.type = SpeakerType::kPerson;
    }
    return out;
  }
  // Generic noun phrases: "a spokesperson for Acme Bank", "the group".
  out.form = SpeakerForm::kGenericNoun;
  size_t head = d;
  while (head + 1 < n && !IsPreposition(w.lower[head + 1])) {
    ++head;
  }
  // "the city expects ...", "the state says ...": a place speaks through
  // its government, an organization, not a person whose role is "city".
  const std::string_view h = w.lower[head];
  const bool place = h == "city" || h == "state" || h == "county" ||
                     h == "town" || h == "village" || h == "country" ||
                     h == "district" || h == "province" || h == "nation";
  if (place || IsOrganizationWord(w, head, h.size(), lexicon)) {
    out.type = SpeakerType::kOrganization;
  } else if (lexicon.IsSpeakerNoun(Lexicon::Word::Padded(h))) {
    out.type = SpeakerType::kPerson;
    if (out.role.empty()) {
      out.role = Join(w, d, n);
    }
    if (out.organization.empty() && head + 1 < n) {
      out.organization = OrganizationInRole(
          JoinWords(w.text.begin() + head + 1, w.text.end()), lexicon);
    }
  }
  return out;
}

}  // namespace claimtrack::engine
