#include "services/extraction/engine/attribution_engine.h"

#include <algorithm>
#include <limits>
#include <mutex>
#include <unordered_map>

#include "absl/container/flat_hash_map.h"
#include "services/extraction/engine/attribution_rules.h"
#include "services/extraction/engine/claim_detector.h"
#include "services/extraction/engine/coreference.h"
#include "services/extraction/engine/lexicon.h"
#include "services/extraction/engine/quote_scanner.h"
#include "services/extraction/engine/sentence_splitter.h"
#include "services/extraction/engine/speaker_cache.h"
#include "services/extraction/engine/speaker_parser.h"
#include "services/extraction/engine/tokenizer.h"

namespace claimtrack::engine {
namespace {

// Confidence for a quote that borrows the speaker of the previous sentence,
// and for one whose speaker is unknown.
constexpr double kAdjacentSpeakerConfidence = 0.5;
constexpr double kUnattributedConfidence = 0.3;

// `rule` + "+relay", in storage that lives as long as the program, as
// Statement::rule requires. Relayed statements are about 1% of the total
// and the rule names a fixed set, so each name is built once, under a lock
// since Extract may run on several threads.
std::string_view RelayedRuleName(std::string_view rule) {
  static std::mutex* const mu = new std::mutex;
  // Node-based: a name stays where it is when the map grows.
  static auto* const names =
      new std::unordered_map<std::string_view, std::string>;
  std::lock_guard<std::mutex> lock(*mu);
  std::string& name = (*names)[rule];
  if (name.empty()) {
    name = std::string(rule) + "+relay";
  }
  return name;
}

struct Paragraph {
  ByteSpan span;
  std::vector<Token> tokens;
  std::vector<Quote> quotes;
  // Per token: the quote it lies in, or -1. May hold more entries than
  // `tokens` (see DocumentPass::Run).
  std::vector<int> quote_of;
  std::vector<Sentence> sentences;

  // Heap bytes the vectors hold.
  size_t KeptBytes() const {
    return tokens.capacity() * sizeof(Token) +
           quotes.capacity() * sizeof(Quote) +
           quote_of.capacity() * sizeof(int) +
           sentences.capacity() * sizeof(Sentence);
  }
};

// True if `part` lies in a quote that opens sentence `s`.
bool OpensSentence(const Paragraph& p, const Sentence& s, ByteSpan part) {
  if (s.token_begin >= s.token_end) {
    return false;
  }
  const int q = p.quote_of[s.token_begin];
  return q >= 0 && p.quotes[q].open_token == s.token_begin &&
         p.quotes[q].outer.begin <= part.begin &&
         part.end <= p.quotes[q].outer.end;
}

// "- Ann Roe." or "-Lee Park, Erie, Pa.": a short paragraph that
// opens with a dash and a capitalized name signs the quote before it
// (quote roundups). Returns the name's tokens [1, end) or 0.
size_t SignatureNameEnd(const Paragraph& p) {
  constexpr size_t kMaxSignatureTokens = 20;
  constexpr size_t kMaxSignatureNameWords = 6;
  const std::vector<Token>& t = p.tokens;
  if (t.size() < 2 || t.size() > kMaxSignatureTokens || !p.quotes.empty() ||
      t[0].kind != TokenKind::kDash || t[1].kind != TokenKind::kWord ||
      (t[1].shape & kShapeCapitalized) == 0) {
    return 0;
  }
  size_t e = 1;
  while (e < t.size() && e <= kMaxSignatureNameWords &&
         t[e].kind == TokenKind::kWord &&
         (t[e].shape & (kShapeCapitalized | kShapeAcronym)) != 0) {
    ++e;
  }
  // The name ends the paragraph or is followed by a comma and a detail.
  if (e < t.size() && t[e].kind != TokenKind::kComma &&
      !(t[e].kind == TokenKind::kTerminal && e + 1 == t.size())) {
    return 0;
  }
  return e;
}

// The speaker cache's cap (~1,500 phrases at ~170 bytes an entry, in two
// generations; the slot arrays may hold up to twice that). The phrases
// that pay ("he", "officials", "the company") recur in every article, and
// SpeakerCache keeps them across turnovers, so a larger cache gains little:
// over the 840 training articles 1 MB saved 0.6% more instructions than
// this (when the cache was dropped whole at its cap) and cost 1.7 MB more
// peak memory.
constexpr size_t kMaxParsedBytes = size_t{256} << 10;

// Per-thread buffers that outlive one document, so that the lower-cased
// copy, the paragraph spans and the per-paragraph token, quote and sentence
// vectors keep their capacity from one article to the next instead of being
// allocated and freed each time. When all of them together hold more than
// kMaxKeptBytes (news articles need a few tens of KB; a long input, or a stream
// of inputs each with a different long paragraph, grows them) they are
// released, so each thread that runs the engine (the extraction service's
// RPC threads) keeps at most that much between documents.
struct DocumentScratch {
  std::string lower;
  std::vector<ByteSpan> paragraph_spans;
  std::vector<Paragraph> paragraphs;
  // Parsed speaker phrases without an appositive, by their text.
  // ParseSpeaker reads nothing but the phrase's own text and the lexicon,
  // so a parse made for one article holds for the next: "he", "officials",
  // "the company" recur across articles. Kept for one lexicon.
  SpeakerCache parsed{kMaxParsedBytes};
  const Lexicon* parsed_lexicon = nullptr;
  // One sentence's rule output (FindAttributions clears it first) and the
  // indices of the previous and the current sentence's statements
  // (DocumentPass clears them): a few small vectors, grown again in every
  // document when they were the pass's own.
  SentenceAttributions found;
  std::vector<size_t> previous_statements;
  std::vector<size_t> current_statements;
  // The document's entities (EntityIndex::Start forgets the last
  // document's); made with parsed_lexicon, remade when it changes.
  std::optional<EntityIndex> index;
  // Paragraph::KeptBytes summed over `paragraphs`, brought up to date as
  // each paragraph is filled: a slot stays for every paragraph of the
  // longest article seen (hundreds), and summing them all after each
  // document cost more than 1% of the engine's instructions.
  size_t paragraph_bytes = 0;

  size_t KeptBytes() const {
    return lower.capacity() + paragraph_spans.capacity() * sizeof(ByteSpan) +
           paragraphs.capacity() * sizeof(Paragraph) + paragraph_bytes +
           found.statements.capacity() * sizeof(RawStatement) +
           found.masked.capacity() * sizeof(ByteSpan) +
           found.used_quotes.capacity() * sizeof(int) +
           (previous_statements.capacity() + current_statements.capacity()) *
               sizeof(size_t) +
           (index ? index->KeptBytes() : 0);
  }
};
constexpr size_t kMaxKeptBytes = size_t{4} << 20;

// The lower-cased copy of `text` in `out`, followed by the padding the
// tokenizer reads past a word; returns the copy without it.
// `out` only grows (a resize writes the bytes it adds), and each byte is
// lower-cased on its way from `text`: copying first and lower-casing in
// place went over the document twice.
std::string_view LowerInto(std::string_view text, std::string& out) {
  const size_t n = text.size();
  if (out.size() < n + kTokenizerPadding) {
    out.resize(n + kTokenizerPadding);
  }
  const char* const src = text.data();
  char* const dst = out.data();
  // Branch-free so that the compiler vectorizes it.
  for (size_t i = 0; i < n; ++i) {
    const auto u = static_cast<unsigned char>(src[i]);
    dst[i] = static_cast<char>(
        u | (static_cast<unsigned char>(u - 'A') < 26 ? 0x20 : 0));
  }
  std::fill_n(dst + n, kTokenizerPadding, '\0');
  return std::string_view(dst, n);
}

TextSpan MakeTextSpan(std::string_view text, ByteSpan span) {
  return {std::string(text.substr(span.begin, span.end - span.begin)), span};
}

// Runs the rules over one document; holds the cross-sentence state.
class DocumentPass {
 public:
  DocumentPass(std::string_view text, const Lexicon& lexicon,
               DocumentScratch& scratch)
      : text_(text),
        lower_(LowerInto(text, scratch.lower)),
        lex_(lexicon),
        index_(*scratch.index),
        scratch_(scratch),
        found_(scratch.found),
        previous_(scratch.previous_statements),
        current_(scratch.current_statements) {
    index_.Start(text_, lower_);
    previous_.clear();
    current_.clear();
  }

  std::vector<Statement> Run();

 private:
  Statement Materialize(const RawStatement& raw);
  // The same into `st`, a default-constructed Statement (usually one just
  // added to out_: a Statement is ~700 bytes, not worth moving).
  void Materialize(const RawStatement& raw, Statement& st);
  Speaker ResolvePhrase(const SpeakerPhrase& phrase);
  // The speaker `parsed` names at byte `pos`; a person is recorded there.
  Speaker Resolve(const ParsedSpeaker& parsed, uint32_t pos);
  // False if the sentence is not one quote alone.
  bool HandleOrphanQuotes(const Paragraph& p, const Sentence& s,
                          const SentenceAttributions& found,
                          std::vector<ByteSpan>& masked);
  void HandleLongOpeningQuote(const Paragraph& p, const Sentence& s,
                              const SentenceAttributions& found,
                              std::vector<ByteSpan>& masked);
  // A quote no cue attributes: by the previous sentence's speaker, or
  // unattributed. Returns false if unattributed.
  bool AddSpeakerlessQuote(const ByteSpan& inner);

  std::string_view text_;
  // ASCII-lower-cased copy (in the scratch): rules slice words from it
  // instead of lower-casing each token into a new string.
  const std::string_view lower_;
  const Lexicon& lex_;
  EntityIndex& index_;  // The scratch's.
  DocumentScratch& scratch_;
  // One sentence's rule output (in the scratch).
  SentenceAttributions& found_;
  std::vector<Statement> out_;
  // Attribution statements of the previous sentence (indices into out_;
  // the vectors are the scratch's) and whether its last one can absorb a
  // following quote-only sentence.
  std::vector<size_t>& previous_;
  std::vector<size_t>& current_;
  int continuable_ = -1;
  int next_continuable_ = -1;
  // The paragraph's last attribution if it is an attributed quote.
  int paragraph_last_quote_ = -1;
  // The same, kept across sentences of the paragraph that hold no
  // attribution: `"A," said Lee. An aside. "B."` is one quote by Lee.
  int paragraph_quote_ = -1;
  // An unattributed quote-only sentence; a quote-first attribution in the
  // next sentence (`"A." "B," Lee said.`) takes it as its first part.
  int orphan_quote_ = -1;
  int next_orphan_quote_ = -1;
  // A paragraph that was one quote nobody was found to have said: a
  // signature paragraph ("- Lee.") right after it names the speaker.
  int signable_quote_ = -1;
  // "He said:" ending the previous paragraph / usable by this one.
  std::optional<RawStatement> pending_intro_;
  std::optional<RawStatement> paragraph_intro_;
  // "Roe agreed." inside a paragraph: usable by the next sentence.
  std::optional<RawStatement> sentence_intro_;
};

Speaker DocumentPass::ResolvePhrase(const SpeakerPhrase& phrase) {
  // A phrase with an appositive (", chief economist at Acme Bank,") is
  // nearly always unique: in the training split 1,260 of 1,370 occur once.
  // It is parsed each time; an entry would cost more than it saves and
  // crowd the cache's cap.
  if (phrase.appositive.has_value()) {
    return Resolve(
        ParseSpeaker(text_, lower_, phrase.mention, phrase.appositive, lex_),
        phrase.mention.begin);
  }
  // The same mention ("he", "Okafor", "the council") recurs through an
  // article and across articles; parse each distinct phrase once (the
  // cache lives in the thread's scratch). A new key string is made only
  // for a phrase not seen before.
  const std::string_view mention = text_.substr(
      phrase.mention.begin, phrase.mention.end - phrase.mention.begin);
  const ParsedSpeaker* parsed = scratch_.parsed.Find(mention);
  if (parsed == nullptr) {
    parsed = &scratch_.parsed.Insert(
        mention,
        ParseSpeaker(text_, lower_, phrase.mention, std::nullopt, lex_));
  }
  return Resolve(*parsed, phrase.mention.begin);
}

Speaker DocumentPass::Resolve(const ParsedSpeaker& parsed, uint32_t pos) {
  Speaker speaker = index_.Resolve(parsed, pos);
  if (speaker.type == SpeakerType::kPerson) {
    index_.AddPerson(speaker.name, pos);
  }
  return speaker;
}

Statement DocumentPass::Materialize(const RawStatement& raw) {
  Statement st;
  Materialize(raw, st);
  return st;
}

void DocumentPass::Materialize(const RawStatement& raw, Statement& st) {
  st.kind = raw.kind;
  st.content_spans = raw.parts;
  // The parts joined by single spaces. The strings are built whole: a
  // string constructed from its text costs less than an empty one grown by
  // reserve() and append().
  if (raw.parts.size() == 1) {
    st.content = std::string(text_.substr(
        raw.parts[0].begin, raw.parts[0].end - raw.parts[0].begin));
  } else {
    size_t length = raw.parts.empty() ? 0 : raw.parts.size() - 1;
    for (const ByteSpan& part : raw.parts) {
      length += part.end - part.begin;
    }
    st.content.reserve(length);
    for (const ByteSpan& part : raw.parts) {
      if (&part != &raw.parts.front()) {
        st.content += ' ';
      }
      st.content.append(text_.data() + part.begin, part.end - part.begin);
    }
  }
  for (const ByteSpan& f : raw.fragments) {
    st.quoted_fragments.push_back(MakeTextSpan(text_, f));
  }
  st.confidence = raw.confidence;
  st.rule = raw.relayed ? RelayedRuleName(raw.rule) : raw.rule;
  st.complementizer = raw.complementizer;
  st.negated = raw.negated;
  if (raw.speaker.has_value()) {
    st.mention = MakeTextSpan(text_, raw.speaker->mention);
    st.mention_appositive = raw.speaker->appositive;
    st.speaker = ResolvePhrase(*raw.speaker);
    if (st.speaker.name.empty() && st.speaker.type != SpeakerType::kAnonymous) {
      st.confidence -= 0.2;  // e.g. "he" with no person seen before.
    }
  }
  if (raw.cue.has_value()) {
    st.cue = MakeTextSpan(text_, *raw.cue);
  }
  if (raw.context.has_value()) {
    st.context = MakeTextSpan(text_, *raw.context);
  }
  if (raw.relay.has_value()) {
    Relay relay;
    relay.mention = MakeTextSpan(text_, raw.relay->speaker.mention);
    relay.speaker = ResolvePhrase(raw.relay->speaker);
    relay.cue = MakeTextSpan(text_, raw.relay->cue);
    st.relay = std::move(relay);
  }
  st.confidence = std::clamp(st.confidence, 0.05, 1.0);
}

// A quote that no rule attributed. If it forms the whole sentence it is a
// statement: the continuation of the previous quote (`"A," she said. "B."`),
// or a quote by the previous sentence's speaker, or unattributed. A long
// quote opening a longer sentence is handled the same way
// (HandleLongOpeningQuote); long quotes inside one are the rules'
// (EmbeddedQuotes); short ones are scare quotes or titles, left to the
// claim detector.
bool DocumentPass::HandleOrphanQuotes(const Paragraph& p, const Sentence& s,
                                      const SentenceAttributions& found,
                                      std::vector<ByteSpan>& masked) {
  // Only a sentence that is exactly one quote qualifies.
  int only_quote = -1;
  for (size_t i = s.token_begin; i < s.token_end; ++i) {
    const int q = p.quote_of[i];
    if (q < 0 && p.tokens[i].kind == TokenKind::kWord) {
      return false;
    }
    if (q >= 0 && only_quote >= 0 && q != only_quote) {
      return false;
    }
    if (q >= 0) {
      only_quote = q;
    }
  }
  if (only_quote < 0) {
    return false;
  }
  if (std::find(found.used_quotes.begin(), found.used_quotes.end(),
                only_quote) != found.used_quotes.end()) {
    return true;
  }
  {
    const Quote& q = p.quotes[only_quote];
    const ByteSpan inner = TrimContent(text_, q.inner);
    if (inner.end <= inner.begin) {
      return true;
    }
    masked.push_back(q.outer);
    // The quote announced by "He said:" at the end of the last paragraph.
    if (continuable_ < 0 && paragraph_intro_.has_value()) {
      RawStatement raw = std::move(*paragraph_intro_);
      paragraph_intro_.reset();
      raw.parts.push_back(inner);
      next_continuable_ = static_cast<int>(out_.size());
      current_.push_back(out_.size());
      Materialize(raw, out_.emplace_back());
      return true;
    }
    // A quote-only sentence after an aside: the paragraph's quote goes on.
    int target = continuable_ >= 0 ? continuable_ : paragraph_quote_;
    if (target >= 0 && (static_cast<size_t>(target) >= out_.size() ||
                        out_[target].kind == StatementKind::kFactualClaim ||
                        out_[target].content_spans.empty())) {
      target = -1;
    }
    if (target >= 0) {
      Statement& prev = out_[target];
      prev.content_spans.push_back(inner);
      prev.content += " ";
      prev.content += text_.substr(inner.begin, inner.end - inner.begin);
      prev.rule = "quote.split_across_sentences";
      next_continuable_ = target;
      return true;
    }
    if (!AddSpeakerlessQuote(inner)) {
      next_orphan_quote_ = static_cast<int>(out_.size() - 1);
    }
  }
  return true;
}

// `"Bring the ferry back to the harbor where it belongs" was the loudest
// cheer`: a long quote (kMinSpeechQuoteWords) that opens its sentence, or
// follows a colon in it, and that no rule attributed is still speech.
void DocumentPass::HandleLongOpeningQuote(const Paragraph& p, const Sentence& s,
                                          const SentenceAttributions& found,
                                          std::vector<ByteSpan>& masked) {
  // The paragraph's quotes are ordered and disjoint, and each owns its
  // opening mark (quote_of): walk the few quotes, not every token.
  for (size_t qi = 0; qi < p.quotes.size(); ++qi) {
    const size_t i = p.quotes[qi].open_token;
    if (i >= s.token_end) {
      break;
    }
    const int q = static_cast<int>(qi);
    const bool opens =
        i >= s.token_begin &&
        (i == s.token_begin ||
         (p.quote_of[i - 1] < 0 && p.tokens[i - 1].kind == TokenKind::kColon));
    if (!opens) {
      continue;
    }
    const Quote& quote = p.quotes[q];
    if (!quote.closed || quote.close_token >= s.token_end ||
        std::find(found.used_quotes.begin(), found.used_quotes.end(), q) !=
            found.used_quotes.end()) {
      continue;
    }
    size_t words = 0;
    for (size_t w = quote.open_token + 1; w < quote.close_token; ++w) {
      words += p.tokens[w].kind == TokenKind::kWord;
    }
    const ByteSpan inner = TrimContent(text_, quote.inner);
    if (words < kMinSpeechQuoteWords || inner.end <= inner.begin ||
        AnyPartOverlaps(found.statements, quote.outer)) {
      continue;
    }
    masked.push_back(quote.outer);
    AddSpeakerlessQuote(inner);
  }
}

bool DocumentPass::AddSpeakerlessQuote(const ByteSpan& inner) {
  Statement st;
  st.kind = StatementKind::kDirectQuote;
  st.content_spans.push_back(inner);
  st.content = std::string(text_.substr(inner.begin, inner.end - inner.begin));
  const Statement* source = nullptr;
  for (size_t idx : previous_) {
    if (out_[idx].kind != StatementKind::kFactualClaim &&
        (!out_[idx].speaker.name.empty() ||
         out_[idx].speaker.type == SpeakerType::kAnonymous)) {
      source = &out_[idx];
    }
  }
  // Where the speaker was last written, resolved or not: the quote most
  // likely continues that speaker's turn.
  for (size_t idx : previous_) {
    if (out_[idx].kind != StatementKind::kFactualClaim &&
        out_[idx].mention.has_value()) {
      st.antecedent = out_[idx].mention;
    }
  }
  if (source != nullptr) {
    st.speaker = source->speaker;
    st.antecedent = source->mention;
    st.confidence = kAdjacentSpeakerConfidence;
    st.rule = "quote.adjacent_speaker";
  } else {
    st.confidence = kUnattributedConfidence;
    st.rule = "quote.unattributed";
  }
  current_.push_back(out_.size());
  out_.push_back(std::move(st));
  return source != nullptr;
}

std::vector<Statement> DocumentPass::Run() {
  // About one statement (claim or attribution) per 140 bytes of news text,
  // up to one per 100 in dense articles: reserved for those, since growing
  // moves every Statement (~700 bytes) to memory that a service's first
  // documents have not written yet (in the evaluation split one article
  // in nine outgrew one per 128 bytes; the unused capacity is not touched).
  // Rounded up to a power of two, so that articles of similar length ask
  // the allocator for the same size and get back the block the article
  // before them freed, already in the cache, instead of memory they write
  // for the first time (callgrind, first 200 articles, one pass: last-level
  // write misses 14.3 K -> 12.3 K, most of them the statements' writes).
  const size_t want = text_.size() / 96 + 4;  // At least 4.
  out_.reserve(size_t{1} << (64 - __builtin_clzll(want - 1)));
  std::vector<Paragraph>& paragraphs = scratch_.paragraphs;
  size_t used = 0;
  SplitParagraphs(text_, scratch_.paragraph_spans);
  for (const ByteSpan& span : scratch_.paragraph_spans) {
    if (used == paragraphs.size()) {
      paragraphs.emplace_back();
    }
    Paragraph& p = paragraphs[used];
    const size_t kept_before = p.KeptBytes();
    p.span = span;
    Tokenize(text_, lower_, span, lex_, p.tokens);
    if (!p.tokens.empty()) {
      ScanQuotes(p.tokens, p.quotes);
      // quote_of only grows (as the lower-cased copy): refilling its first
      // tokens.size() entries, the ones read, is one memset, where assign
      // branched on the old size against the new and filled the parts.
      if (p.quote_of.size() < p.tokens.size()) {
        p.quote_of.resize(p.tokens.size());
      }
      std::fill_n(p.quote_of.begin(), p.tokens.size(), -1);
      // A quote's tokens run from its opening mark to the last token
      // inside its outer span; quotes are ordered and disjoint.
      for (size_t qi = 0; qi < p.quotes.size(); ++qi) {
        const Quote& q = p.quotes[qi];
        for (size_t i = q.open_token;
             i < p.tokens.size() && p.tokens[i].end <= q.outer.end; ++i) {
          p.quote_of[i] = static_cast<int>(qi);
        }
      }
      SplitSentences(text_, p.tokens, p.quotes, lex_, p.sentences);
      index_.Scan(p.tokens);
      ++used;
    }
    scratch_.paragraph_bytes += p.KeptBytes() - kept_before;
  }
  index_.Finalize();

  for (size_t pi = 0; pi < used; ++pi) {
    const Paragraph& p = paragraphs[pi];
    // A quote runs on into the next paragraph only when that paragraph
    // opens with a quote mark (the news convention for long quotes). A
    // quoted paragraph right after a paragraph that ended with an
    // attributed quote continues that speaker's quote too.
    if (p.quotes.empty() || p.quotes.front().open_token != 0) {
      continuable_ = -1;
    } else if (continuable_ < 0 && paragraph_last_quote_ >= 0) {
      continuable_ = paragraph_last_quote_;
    }
    paragraph_last_quote_ = -1;
    paragraph_quote_ = -1;
    orphan_quote_ = -1;
    if (signable_quote_ >= 0) {
      const size_t name_end = SignatureNameEnd(p);
      if (name_end > 0) {
        RawStatement raw;
        raw.kind = StatementKind::kDirectQuote;
        raw.parts = out_[signable_quote_].content_spans;
        SpeakerPhrase speaker;
        speaker.mention = {p.tokens[1].begin, p.tokens[name_end - 1].end};
        raw.speaker = speaker;
        raw.cue = ByteSpan{p.tokens[0].begin, p.tokens[0].end};
        raw.rule = "quote.dash_signature";
        raw.confidence = 0.8;
        out_[signable_quote_] = Materialize(raw);
      }
      signable_quote_ = -1;
    }
    // An intro only reaches the paragraph right after it.
    paragraph_intro_ = std::move(pending_intro_);
    pending_intro_.reset();
    for (const Sentence& s : p.sentences) {
      current_.clear();
      next_continuable_ = -1;
      next_orphan_quote_ = -1;
      const size_t first = out_.size();
      const SentenceInput input{text_, lower_, &p.tokens, &p.quotes,
                                &p.quote_of, s};
      SentenceAttributions& found = found_;
      FindAttributions(input, lex_, found);
      if (found.intro.has_value()) {
        // Ending the paragraph, it introduces the next paragraph's quote;
        // else the next sentence's.
        if (s.token_end == p.tokens.size()) {
          pending_intro_ = std::move(found.intro);
        } else {
          sentence_intro_ = std::move(found.intro);
        }
      }
      // Resolve in reading order so "he" sees the speakers before it.
      std::sort(found.statements.begin(), found.statements.end(),
                [](const RawStatement& a, const RawStatement& b) {
                  const uint32_t pa =
                      a.speaker ? a.speaker->mention.begin : a.parts[0].begin;
                  const uint32_t pb =
                      b.speaker ? b.speaker->mention.begin : b.parts[0].begin;
                  return pa < pb;
                });
      std::vector<ByteSpan>& masked = found.masked;
      if (!HandleOrphanQuotes(p, s, found, masked)) {
        HandleLongOpeningQuote(p, s, found, masked);
      }
      for (const RawStatement& raw : found.statements) {
        if (orphan_quote_ >= 0 && raw.speaker &&
            raw.kind != StatementKind::kReportedSpeech &&
            raw.rule.substr(0, 6) == "quote." && !p.quotes.empty() &&
            OpensSentence(p, s, raw.parts[0]) &&
            out_[orphan_quote_].rule == "quote.unattributed") {
          Statement merged = Materialize(raw);
          Statement& orphan = out_[orphan_quote_];
          merged.content_spans.insert(merged.content_spans.begin(),
                                      orphan.content_spans.front());
          merged.content = orphan.content + " " + merged.content;
          merged.rule = "quote.split_across_sentences";
          orphan = std::move(merged);
          if (raw.continuable) {
            next_continuable_ = orphan_quote_;
          }
          paragraph_last_quote_ = orphan_quote_;
          paragraph_quote_ = orphan_quote_;
          current_.push_back(static_cast<size_t>(orphan_quote_));
          orphan_quote_ = -1;
          continue;
        }
        if (raw.continuable) {
          next_continuable_ = static_cast<int>(out_.size());
        }
        paragraph_last_quote_ =
            raw.kind != StatementKind::kReportedSpeech && raw.speaker
                ? static_cast<int>(out_.size())
                : -1;
        paragraph_quote_ = paragraph_last_quote_;
        current_.push_back(out_.size());
        Materialize(raw, out_.emplace_back());
      }
      DetectClaims(text_, lower_, p.tokens, s, masked, lex_, out_);
      // Statements of one sentence all start inside it, so sorting each
      // sentence's batch keeps the whole output in document order.
      const auto by_start = [](const Statement& a, const Statement& b) {
        return a.content_spans[0].begin < b.content_spans[0].begin;
      };
      // Usually in order already; moving Statements around is not free.
      // A batch is a few statements: a binary insertion sort (stable, as
      // upper_bound puts a statement after equal ones) moves them in
      // place, where std::stable_sort took a buffer of ~700-byte
      // Statements from the heap for each unsorted batch.
      if (!std::is_sorted(out_.begin() + first, out_.end(), by_start)) {
        for (auto it = out_.begin() + first + 1; it != out_.end(); ++it) {
          std::rotate(std::upper_bound(out_.begin() + first, it, *it, by_start),
                      it, it + 1);
        }
      }
      previous_ = current_;
      continuable_ = next_continuable_;
      orphan_quote_ = next_orphan_quote_;
      // Only the paragraph's first sentence, or the one after the intro.
      paragraph_intro_ = std::move(sentence_intro_);
      sentence_intro_.reset();
    }
    // A paragraph that is a single quote without a speaker of its own.
    if (p.sentences.size() == 1 && !out_.empty() && p.quotes.size() == 1 &&
        p.quotes[0].open_token == 0 &&
        out_.back().kind == StatementKind::kDirectQuote &&
        out_.back().content_spans.size() == 1 &&
        out_.back().content_spans[0].begin >= p.span.begin &&
        (out_.back().rule == "quote.unattributed" ||
         out_.back().rule == "quote.adjacent_speaker")) {
      signable_quote_ = static_cast<int>(out_.size()) - 1;
    }
  }
  return std::move(out_);
}

}  // namespace

AttributionEngine::AttributionEngine()
    : lexicon_(std::make_shared<const Lexicon>()) {}

std::vector<Statement> AttributionEngine::Extract(std::string_view text) const {
  // Offsets are 32-bit; longer inputs are processed up to that limit.
  if (text.size() > std::numeric_limits<uint32_t>::max() - 1) {
    text = text.substr(0, std::numeric_limits<uint32_t>::max() - 1);
  }
  if (text.empty()) {
    return {};
  }
  thread_local DocumentScratch scratch;
  if (scratch.parsed_lexicon != lexicon_.get()) {
    // Parses made with another engine's lexicon go. (A thread's first
    // scratch has none: its cache is new, its table already sized.)
    if (scratch.parsed_lexicon != nullptr) {
      scratch.parsed.Clear();
    }
    scratch.parsed_lexicon = lexicon_.get();
    scratch.index.reset();
  }
  if (!scratch.index.has_value()) {
    scratch.index.emplace(*lexicon_);
  }
  std::vector<Statement> out;
  {
    DocumentPass pass(text, *lexicon_, scratch);
    out = pass.Run();
  }
  if (scratch.KeptBytes() > kMaxKeptBytes) {
    scratch.lower = std::string();
    scratch.paragraph_spans = std::vector<ByteSpan>();
    scratch.paragraphs = std::vector<Paragraph>();
    scratch.paragraph_bytes = 0;
    scratch.found = SentenceAttributions();
    scratch.previous_statements = std::vector<size_t>();
    scratch.current_statements = std::vector<size_t>();
    scratch.index.reset();
  }
  scratch.parsed.EndDocument();
  return out;
}

std::string_view StatementKindName(StatementKind kind) {
  switch (kind) {
    case StatementKind::kDirectQuote:
      return "direct";
    case StatementKind::kPartialQuote:
      return "partial";
    case StatementKind::kReportedSpeech:
      return "indirect";
    case StatementKind::kFactualClaim:
      return "factual_claim";
  }
  return "unknown";
}

std::string_view SpeakerTypeName(SpeakerType type) {
  switch (type) {
    case SpeakerType::kPerson:
      return "person";
    case SpeakerType::kOrganization:
      return "organization";
    case SpeakerType::kAnonymous:
      return "anonymous";
    case SpeakerType::kDocument:
      return "document";
    case SpeakerType::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace claimtrack::engine
