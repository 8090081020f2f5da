#include "services/extraction/engine/attribution_rules.h"

#include <algorithm>
#include <cstddef>

#include "services/extraction/engine/utf8.h"

namespace claimtrack::engine {
namespace {

constexpr size_t kMaxNameWords = 8;
constexpr size_t kMaxRoleWords = 14;
constexpr size_t kMaxObjectWords = 4;
// Real sentences hold a handful of cues; the cap keeps pathological input
// (megabytes without punctuation) linear.
constexpr size_t kMaxHitsPerSentence = 16;

// One speech cue in a sentence and what the rules learned about it.
struct Hit {
  size_t verb = 0;         // Cue verb token ("according" for according-to).
  size_t cue_begin = 0;    // First cue token (auxiliary included).
  size_t chain_begin = 0;  // First token of aux/adverb chain before the verb.
  size_t cue_end = 0;      // Exclusive; includes the object of "told".
  bool according = false;
  // Speaker phrase as token ranges.
  bool has_speaker = false;
  bool inverted = false;  // "said Schmid".
  size_t name_begin = 0, name_end = 0;
  bool has_role = false;
  size_t role_begin = 0, role_end = 0;
  size_t frame_begin = 0;  // First token of speaker + cue.
  size_t after = 0;        // First token after the attribution frame.
  // Classification.
  enum class Shape { kNone, kQuoteFirst, kTrailing, kForward, kLeading };
  Shape shape = Shape::kNone;
  size_t trailing_comma = kNoToken;  // For kTrailing.
  int quote_before = -1;             // For kQuoteFirst.
  bool relayed = false;              // Became the relay of another hit.
  int relay_of = -1;                 // Index of the hit that relays this one.
};

bool IsPossessive(std::string_view w) {
  return (w.size() > 2 && w.substr(w.size() - 2) == "'s") ||
         (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s");
}

class SentenceRules {
 public:
  SentenceRules(const SentenceInput& in, const Lexicon& lex)
      : text_(in.text),
        toks_(*in.tokens),
        quotes_(*in.quotes),
        quote_of_(*in.quote_of),
        tb_(in.sentence.token_begin),
        te_(in.sentence.token_end),
        lex_(lex) {
    body_end_ = te_;
    while (body_end_ > tb_ &&
           (toks_[body_end_ - 1].kind == TokenKind::kTerminal ||
            toks_[body_end_ - 1].kind == TokenKind::kOther ||
            toks_[body_end_ - 1].kind == TokenKind::kCloseParen) &&
           quote_of_[body_end_ - 1] < 0) {
      --body_end_;
    }
  }

  SentenceAttributions Run();

 private:
  bool IsWord(size_t i) const { return toks_[i].kind == TokenKind::kWord; }
  bool InQuote(size_t i) const { return quote_of_[i] >= 0; }
  bool Free(size_t i) const { return IsWord(i) && !InQuote(i); }
  bool FreeKind(size_t i, TokenKind k) const {
    return toks_[i].kind == k && !InQuote(i);
  }
  std::string_view Text(size_t i) const { return TokenText(text_, toks_[i]); }
  std::string Low(size_t i) const { return Lower(Text(i)); }
  ByteSpan SpanOf(size_t b, size_t e) const {
    return {toks_[b].begin, toks_[e - 1].end};
  }
  // Index of the quote whose closing mark is token i, else -1.
  int ClosingQuoteAt(size_t i) const {
    const int q = quote_of_[i];
    if (q >= 0 && quotes_[q].close_token == i) {
      return q;
    }
    return -1;
  }
  int OpeningQuoteAt(size_t i) const {
    const int q = quote_of_[i];
    if (q >= 0 && quotes_[q].open_token == i) {
      return q;
    }
    return -1;
  }

  std::vector<Hit> FindCues() const;
  size_t ObjectEnd(size_t begin) const;
  bool SpeakerBefore(ptrdiff_t k, Hit& h) const;
  bool NameBefore(ptrdiff_t k, size_t& begin) const;
  bool ValidHead(size_t i) const;
  bool SpeakerAfter(Hit& h) const;
  void Classify(Hit& h) const;
  size_t ClauseEnd(size_t begin, const std::vector<size_t>& trailing) const;
  size_t ContextEnd(size_t begin) const;
  RawStatement BuildContent(size_t b, size_t e) const;
  SpeakerPhrase PhraseOf(const Hit& h) const;

  std::string_view text_;
  const std::vector<Token>& toks_;
  const std::vector<Quote>& quotes_;
  const std::vector<int>& quote_of_;
  size_t tb_, te_, body_end_;
  const Lexicon& lex_;
};

std::vector<Hit> SentenceRules::FindCues() const {
  std::vector<Hit> hits;
  for (size_t i = tb_; i < body_end_ && hits.size() < kMaxHitsPerSentence;
       ++i) {
    if (!Free(i)) {
      continue;
    }
    const std::string lw = Low(i);
    if (lw == "according" && i + 1 < body_end_ && Free(i + 1) &&
        Low(i + 1) == "to") {
      Hit h;
      h.according = true;
      h.verb = h.cue_begin = h.chain_begin = h.frame_begin = i;
      h.cue_end = i + 2;
      hits.push_back(h);
      ++i;
      continue;
    }
    const bool finite = lex_.IsCueVerb(lw);
    if (!finite && !lex_.IsCueBase(lw)) {
      continue;
    }
    // Walk back over "has", "did not", "also" between speaker and verb.
    ptrdiff_t k = static_cast<ptrdiff_t>(i) - 1;
    size_t first_aux = i;
    bool negated = false;
    bool has_aux = false;
    while (k >= static_cast<ptrdiff_t>(tb_) && Free(k) &&
           IsLowercaseWord(Text(k))) {
      const std::string lk = Low(k);
      if (lex_.IsNegation(lk)) {
        negated = true;
      } else if (lex_.IsAuxiliary(lk)) {
        has_aux = true;
        first_aux = k;
      } else if (!lex_.IsCueAdverb(lk)) {
        break;
      }
      --k;
    }
    // A negated cue ("did not say", "declined to comment") is not a
    // statement; a base form needs an auxiliary ("will say").
    if (negated || (!finite && !has_aux)) {
      continue;
    }
    if (k >= static_cast<ptrdiff_t>(tb_) && IsWord(k) && !has_aux) {
      const std::string lk = Low(k);
      // Noun or adjective uses: "the claims", "Russia's alleged", "to say".
      if (lex_.IsDeterminer(lk) || IsPossessive(Text(k)) || lk == "to") {
        continue;
      }
    }
    Hit h;
    h.verb = i;
    h.cue_begin = has_aux ? first_aux : i;
    h.chain_begin = static_cast<size_t>(k + 1);
    h.cue_end = lex_.TakesObject(lw) ? ObjectEnd(i + 1) : i + 1;
    hits.push_back(h);
  }
  return hits;
}

// "told the Times", "told reporters", "told CNN", "told him".
size_t SentenceRules::ObjectEnd(size_t b) const {
  if (b >= body_end_ || !Free(b)) {
    return b;
  }
  const std::string first = Low(b);
  if (first == "that" || lex_.IsContextStarter(first)) {
    return b;
  }
  if (first == "me" || first == "him" || first == "her" || first == "us" ||
      first == "them" || first == "you" || first == "reporters" ||
      first == "journalists" || first == "lawmakers" || first == "investors") {
    return b + 1;
  }
  size_t e = b;
  if (lex_.IsDeterminer(first)) {
    ++e;
    if (e < body_end_ && Free(e) && !IsCapitalizedWord(Text(e))) {
      return e + 1;  // "the newspaper".
    }
  }
  size_t n = 0;
  while (e < body_end_ && Free(e) && IsCapitalizedWord(Text(e)) &&
         n < kMaxObjectWords) {
    ++e;
    ++n;
  }
  return n == 0 ? b : e;
}

bool SentenceRules::ValidHead(size_t i) const {
  const std::string_view w = Text(i);
  if (IsCapitalizedWord(w) || IsAcronym(w)) {
    return true;
  }
  const std::string lw = Lower(w);
  return lex_.IsPronoun(lw) || lex_.IsSpeakerNoun(lw);
}

// Walks back from token k over a noun phrase; sets begin to its first token.
bool SentenceRules::NameBefore(ptrdiff_t k, size_t& begin) const {
  const ptrdiff_t end = k;
  size_t n = 0;
  while (k >= static_cast<ptrdiff_t>(tb_) && Free(k) && n < kMaxNameWords) {
    const std::string lk = Low(k);
    if (lk == "and") {
      // Only inside names ("Smith and Jones", "Bank and Trust").
      if (!(k > static_cast<ptrdiff_t>(tb_) && Free(k - 1) &&
            IsCapitalizedWord(Text(k - 1)))) {
        break;
      }
    } else if (lex_.IsSpeakerStop(lk) && IsLowercaseWord(Text(k))) {
      break;
    }
    // Participles and gerunds end the phrase ("investigating").
    if (IsLowercaseWord(Text(k)) && lk.size() > 4 &&
        lk.compare(lk.size() - 3, 3, "ing") == 0) {
      break;
    }
    --k;
    ++n;
  }
  if (k == end) {
    return false;
  }
  begin = static_cast<size_t>(k + 1);
  // Drop leading lower-case words that cannot open a noun phrase
  // ("notably", verbs left over from a previous clause).
  while (begin < static_cast<size_t>(end) && IsLowercaseWord(Text(begin)) &&
         !lex_.IsDeterminer(Low(begin)) && !lex_.IsPronoun(Low(begin)) &&
         !lex_.IsSpeakerNoun(Low(begin)) && Text(begin).find('-') ==
             std::string_view::npos &&
         begin + 1 <= static_cast<size_t>(end) &&
         (IsCapitalizedWord(Text(begin + 1)) ||
          lex_.IsDeterminer(Low(begin + 1)))) {
    ++begin;
  }
  return ValidHead(static_cast<size_t>(end));
}

// Finds "NAME" or "NAME, ROLE," ending at token k (just before the cue).
bool SentenceRules::SpeakerBefore(ptrdiff_t k, Hit& h) const {
  if (k < static_cast<ptrdiff_t>(tb_)) {
    return false;
  }
  if (FreeKind(k, TokenKind::kComma)) {
    // Appositive: "Jane Roe, chief economist at Acme Bank, said".
    ptrdiff_t j = k - 1;
    size_t n = 0;
    while (j >= static_cast<ptrdiff_t>(tb_) && Free(j) && n < kMaxRoleWords) {
      --j;
      ++n;
    }
    if (n == 0 || j <= static_cast<ptrdiff_t>(tb_) ||
        !FreeKind(j, TokenKind::kComma) || !IsLowercaseWord(Text(j + 1))) {
      return false;
    }
    size_t begin = 0;
    if (!NameBefore(j - 1, begin) || !IsCapitalizedWord(Text(j - 1))) {
      return false;
    }
    h.has_speaker = true;
    h.name_begin = begin;
    h.name_end = static_cast<size_t>(j);
    h.has_role = true;
    h.role_begin = static_cast<size_t>(j + 1);
    h.role_end = static_cast<size_t>(k);
    h.frame_begin = begin;
    return true;
  }
  size_t begin = 0;
  if (!NameBefore(k, begin)) {
    return false;
  }
  h.has_speaker = true;
  h.name_begin = begin;
  h.name_end = static_cast<size_t>(k + 1);
  h.frame_begin = begin;
  return true;
}

// Inverted order after a quote or comma: `"...," said Jane Roe, an analyst.`
bool SentenceRules::SpeakerAfter(Hit& h) const {
  size_t i = h.cue_end;
  const size_t begin = i;
  size_t n = 0;
  while (i < body_end_ && Free(i) && n < kMaxNameWords) {
    const std::string li = Low(i);
    if (lex_.IsContextStarter(li) && IsLowercaseWord(Text(i)) &&
        !lex_.IsDeterminer(li)) {
      break;
    }
    if (lex_.IsSpeakerStop(li) && IsLowercaseWord(Text(i))) {
      break;
    }
    ++i;
    ++n;
  }
  if (n == 0 || !ValidHead(i - 1)) {
    return false;
  }
  h.has_speaker = true;
  h.inverted = true;
  h.name_begin = begin;
  h.name_end = i;
  h.after = i;
  if (i + 1 < body_end_ && FreeKind(i, TokenKind::kComma) && Free(i + 1) &&
      IsLowercaseWord(Text(i + 1))) {
    size_t e = i + 1;
    while (e < body_end_ && Free(e)) {
      ++e;
    }
    h.has_role = true;
    h.role_begin = i + 1;
    h.role_end = e;
    h.after = e;
  }
  return true;
}

void SentenceRules::Classify(Hit& h) const {
  if (h.according) {
    // Source runs to the next comma or the end of the sentence.
    size_t e = h.cue_end;
    while (e < body_end_ && !FreeKind(e, TokenKind::kComma) &&
           !FreeKind(e, TokenKind::kSemicolon)) {
      ++e;
    }
    if (e == h.cue_end) {
      return;
    }
    h.has_speaker = true;
    h.name_begin = h.cue_end;
    h.name_end = e;
    h.after = e;
    if (h.cue_begin == tb_) {
      h.shape = Hit::Shape::kLeading;
    } else if (FreeKind(h.cue_begin - 1, TokenKind::kComma) &&
               h.cue_begin - 1 > tb_) {
      h.shape = Hit::Shape::kTrailing;
      h.trailing_comma = h.cue_begin - 1;
    }
    return;
  }
  const ptrdiff_t k = static_cast<ptrdiff_t>(h.chain_begin) - 1;
  Hit probe = h;
  const bool before = SpeakerBefore(k, probe);
  if (before) {
    h = probe;
  } else {
    h.frame_begin = h.cue_begin;
  }
  // What precedes the speaker frame: a closing quote mark, or a comma.
  ptrdiff_t p = static_cast<ptrdiff_t>(h.frame_begin) - 1;
  bool after_comma = false;
  if (p > static_cast<ptrdiff_t>(tb_) && FreeKind(p, TokenKind::kComma)) {
    after_comma = true;
    --p;
  }
  const int quote_before =
      p >= static_cast<ptrdiff_t>(tb_) ? ClosingQuoteAt(p) : -1;
  if (!before) {
    if (quote_before < 0 && !after_comma) {
      return;
    }
    if (!SpeakerAfter(h)) {
      return;
    }
  } else {
    h.after = h.cue_end;
  }
  if (quote_before >= 0) {
    h.shape = Hit::Shape::kQuoteFirst;
    h.quote_before = quote_before;
    return;
  }
  size_t rest = h.after;
  if (rest < body_end_ && Free(rest) && lex_.IsContextStarter(Low(rest))) {
    rest = ContextEnd(rest);
  }
  if (after_comma && rest >= body_end_) {
    h.shape = Hit::Shape::kTrailing;
    h.trailing_comma = static_cast<size_t>(h.frame_begin - 1);
    return;
  }
  if (before && !h.inverted) {
    h.shape = Hit::Shape::kForward;
  }
}

// A context phrase runs to the end of the sentence, or to a comma that
// opens a second quote part.
size_t SentenceRules::ContextEnd(size_t begin) const {
  size_t e = begin;
  while (e < body_end_) {
    if (FreeKind(e, TokenKind::kComma) && e + 1 < body_end_ &&
        OpeningQuoteAt(e + 1) >= 0) {
      break;
    }
    if (OpeningQuoteAt(e) >= 0) {
      break;
    }
    ++e;
  }
  return e;
}

// Reported content ends at the sentence end, at a relative clause
// (", which"), at a semicolon, or where a trailing attribution begins.
size_t SentenceRules::ClauseEnd(size_t begin,
                                const std::vector<size_t>& trailing) const {
  for (size_t i = begin; i < body_end_; ++i) {
    if (std::find(trailing.begin(), trailing.end(), i) != trailing.end()) {
      return i;
    }
    if (FreeKind(i, TokenKind::kSemicolon)) {
      return i;
    }
    if (FreeKind(i, TokenKind::kComma) && i + 1 < body_end_ && Free(i + 1)) {
      const std::string next = Low(i + 1);
      if (next == "which" || next == "who" || next == "whom" ||
          next == "where") {
        return i;
      }
    }
  }
  return body_end_;
}

// Builds content from tokens [b, e): direct if it is exactly one quote,
// partial if it contains quotes, reported speech otherwise.
RawStatement SentenceRules::BuildContent(size_t b, size_t e) const {
  RawStatement s;
  if (b >= e) {
    return s;
  }
  std::vector<int> inside;
  for (size_t i = b; i < e; ++i) {
    const int q = OpeningQuoteAt(i);
    if (q >= 0) {
      inside.push_back(q);
    }
  }
  // Ignore punctuation after a closing mark ("...”." is still one quote).
  size_t last = e;
  while (last > b && (toks_[last - 1].kind == TokenKind::kComma ||
                      toks_[last - 1].kind == TokenKind::kTerminal ||
                      toks_[last - 1].kind == TokenKind::kColon) &&
         !InQuote(last - 1)) {
    --last;
  }
  if (inside.size() == 1 && OpeningQuoteAt(b) == inside[0] &&
      quote_of_[last - 1] == inside[0] &&
      quotes_[inside[0]].outer.end == toks_[last - 1].end) {
    s.kind = StatementKind::kDirectQuote;
    s.parts.push_back(TrimContent(text_, quotes_[inside[0]].inner));
    return s;
  }
  s.parts.push_back(TrimContent(text_, SpanOf(b, e)));
  if (inside.empty()) {
    s.kind = StatementKind::kReportedSpeech;
  } else {
    s.kind = StatementKind::kPartialQuote;
    for (int q : inside) {
      s.fragments.push_back(TrimContent(text_, quotes_[q].inner));
    }
  }
  return s;
}

SpeakerPhrase SentenceRules::PhraseOf(const Hit& h) const {
  SpeakerPhrase p;
  p.mention = SpanOf(h.name_begin, h.name_end);
  if (h.has_role) {
    p.appositive = SpanOf(h.role_begin, h.role_end);
  }
  return p;
}

SentenceAttributions SentenceRules::Run() {
  SentenceAttributions out;
  std::vector<Hit> hits = FindCues();
  for (Hit& h : hits) {
    Classify(h);
  }
  std::vector<size_t> trailing;
  for (const Hit& h : hits) {
    if (h.shape == Hit::Shape::kTrailing) {
      trailing.push_back(h.trailing_comma);
    }
  }
  // A trailing attribution whose content holds another attribution relays
  // it: "the ICPA said ..., Schmid said" -> ICPA statement conveyed by
  // Schmid.
  for (size_t t = 0; t < hits.size(); ++t) {
    if (hits[t].shape != Hit::Shape::kTrailing) {
      continue;
    }
    for (size_t f = 0; f < hits.size(); ++f) {
      if (f == t || hits[f].shape == Hit::Shape::kNone ||
          hits[f].shape == Hit::Shape::kTrailing) {
        continue;
      }
      if (hits[f].verb < hits[t].trailing_comma && hits[f].relay_of < 0) {
        hits[f].relay_of = static_cast<int>(t);
        hits[t].relayed = true;
      }
    }
  }
  auto cue_span = [&](const Hit& h) { return SpanOf(h.cue_begin, h.cue_end); };
  auto mask_frame = [&](const Hit& h) {
    if (h.has_speaker) {
      out.masked.push_back(SpanOf(std::min(h.frame_begin, h.name_begin),
                                  std::max(h.cue_end, h.after)));
    } else {
      out.masked.push_back(cue_span(h));
    }
  };
  for (const Hit& h : hits) {
    if (h.shape == Hit::Shape::kNone || !h.has_speaker) {
      continue;
    }
    if (h.relayed) {
      mask_frame(h);
      continue;
    }
    RawStatement s;
    size_t context_begin = kNoToken, context_end = kNoToken;
    switch (h.shape) {
      case Hit::Shape::kQuoteFirst: {
        const Quote& q = quotes_[h.quote_before];
        s.kind = StatementKind::kDirectQuote;
        s.parts.push_back(TrimContent(text_, q.inner));
        out.used_quotes.push_back(h.quote_before);
        out.masked.push_back(q.outer);
        s.rule = h.inverted ? "quote.cue_speaker_after" : "quote.speaker_cue_after";
        s.confidence = 0.95;
        size_t rest = h.after;
        if (rest < body_end_ && Free(rest) && lex_.IsContextStarter(Low(rest))) {
          context_begin = rest;
          context_end = ContextEnd(rest);
          rest = context_end;
        }
        // Second part of a split quote: `"A," she said, "B."`.
        if (rest + 1 < te_ && FreeKind(rest, TokenKind::kComma) &&
            OpeningQuoteAt(rest + 1) >= 0) {
          const int q2 = OpeningQuoteAt(rest + 1);
          s.parts.push_back(TrimContent(text_, quotes_[q2].inner));
          out.used_quotes.push_back(q2);
          out.masked.push_back(quotes_[q2].outer);
          s.rule = "quote.split";
        } else if (rest >= body_end_) {
          s.continuable = true;
        }
        break;
      }
      case Hit::Shape::kTrailing: {
        s = BuildContent(tb_, h.trailing_comma);
        s.rule = h.according ? "according_to.trailing" : "reported.trailing_cue";
        s.confidence = h.according ? 0.85 : 0.8;
        if (!h.according && h.after < body_end_ && Free(h.after) &&
            lex_.IsContextStarter(Low(h.after))) {
          context_begin = h.after;
          context_end = body_end_;
        }
        break;
      }
      case Hit::Shape::kLeading: {
        size_t b = h.after;
        if (b < body_end_ && FreeKind(b, TokenKind::kComma)) {
          ++b;
        }
        s = BuildContent(b, ClauseEnd(b, trailing));
        s.rule = "according_to.leading";
        s.confidence = 0.85;
        break;
      }
      case Hit::Shape::kForward: {
        size_t b = h.cue_end;
        if (b < body_end_ && Free(b) && lex_.IsContextStarter(Low(b))) {
          // "said on Monday that ...": the phrase before "that" is context.
          size_t that = b;
          while (that < body_end_ && !(Free(that) && Low(that) == "that")) {
            ++that;
          }
          if (that >= body_end_) {
            continue;
          }
          context_begin = b;
          context_end = that;
          b = that;
        }
        if (b < body_end_ && Free(b) && Low(b) == "that") {
          ++b;
        }
        while (b < body_end_ && (FreeKind(b, TokenKind::kColon) ||
                                 FreeKind(b, TokenKind::kComma))) {
          ++b;
        }
        const size_t e = ClauseEnd(b, trailing);
        if (e <= b || (e - b < 2 && OpeningQuoteAt(b) < 0)) {
          continue;
        }
        s = BuildContent(b, e);
        s.rule = s.kind == StatementKind::kDirectQuote ? "quote.speaker_cue_before"
                                                       : "reported.speaker_cue";
        s.confidence = s.kind == StatementKind::kReportedSpeech ? 0.75 : 0.9;
        break;
      }
      default:
        continue;
    }
    if (s.parts.empty() || s.parts[0].end <= s.parts[0].begin) {
      continue;
    }
    for (const ByteSpan& part : s.parts) {
      out.masked.push_back(part);
    }
    for (size_t i = tb_; i < te_; ++i) {
      const int q = OpeningQuoteAt(i);
      if (q >= 0 && quotes_[q].outer.begin >= s.parts[0].begin &&
          quotes_[q].outer.end <= s.parts.back().end + 4) {
        out.used_quotes.push_back(q);
      }
    }
    s.speaker = PhraseOf(h);
    s.cue = cue_span(h);
    if (context_begin != kNoToken && context_end > context_begin) {
      s.context = TrimContent(text_, SpanOf(context_begin, context_end));
      // A prepositional context ("in a letter") belongs to the attribution;
      // a subordinate clause ("when WarCAT was created in 2022") may still
      // hold a claim of its own.
      const std::string opener = Low(context_begin);
      if (opener != "when" && opener != "while" && opener != "as" &&
          opener != "since" && opener != "once" && opener != "because" &&
          opener != "although" && opener != "after" && opener != "before") {
        out.masked.push_back(*s.context);
      }
    }
    mask_frame(h);
    if (h.relay_of >= 0) {
      const Hit& r = hits[h.relay_of];
      s.relay = RawRelay{PhraseOf(r), cue_span(r)};
      s.rule += "+relay";
      s.confidence -= 0.05;
    }
    out.statements.push_back(std::move(s));
  }
  return out;
}

}  // namespace

ByteSpan TrimContent(std::string_view text, ByteSpan span) {
  uint32_t b = span.begin;
  uint32_t e = std::min<uint32_t>(span.end, static_cast<uint32_t>(text.size()));
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  while (b < e && is_space(text[b])) {
    ++b;
  }
  while (e > b && (is_space(text[e - 1]) || text[e - 1] == ',' ||
                   text[e - 1] == '.' || text[e - 1] == ';' ||
                   text[e - 1] == ':')) {
    // Keep the period of an abbreviation such as "U.S.".
    if (text[e - 1] == '.' && e - b >= 3 && text[e - 3] == '.') {
      break;
    }
    --e;
  }
  return {b, e};
}

SentenceAttributions FindAttributions(const SentenceInput& input,
                                      const Lexicon& lexicon) {
  return SentenceRules(input, lexicon).Run();
}

}  // namespace claimtrack::engine
