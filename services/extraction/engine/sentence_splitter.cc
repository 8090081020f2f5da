#include "services/extraction/engine/sentence_splitter.h"

#include "services/extraction/engine/utf8.h"

namespace claimtrack::engine {
namespace {

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
      return false;
    }
  }
  return true;
}

// True if some quote strictly contains the byte position. Positions are
// queried in increasing order, so `next` only moves forward.
bool InsideQuote(const std::vector<Quote>& quotes, uint32_t pos,
                 size_t& next) {
  while (next < quotes.size() && quotes[next].outer.end <= pos) {
    ++next;
  }
  return next < quotes.size() && quotes[next].outer.begin < pos &&
         pos < quotes[next].outer.end;
}

// Lexicon::IsFinalAbbreviation of the lower-cased word, without allocating.
bool IsFinalAbbreviationWord(std::string_view w, const Lexicon& lexicon) {
  char buf[8];
  if (w.size() > sizeof(buf)) {
    return false;  // No abbreviation is that long.
  }
  for (size_t i = 0; i < w.size(); ++i) {
    const auto u = static_cast<unsigned char>(w[i]);
    buf[i] = static_cast<char>(u | (static_cast<unsigned char>(u - 'A') < 26 ? 0x20 : 0));
  }
  return lexicon.IsFinalAbbreviation(std::string_view(buf, w.size()));
}

}  // namespace

std::vector<ByteSpan> SplitParagraphs(std::string_view text) {
  std::vector<ByteSpan> paragraphs;
  SplitParagraphs(text, paragraphs);
  return paragraphs;
}

void SplitParagraphs(std::string_view text, std::vector<ByteSpan>& paragraphs) {
  paragraphs.clear();
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    if (!IsBlank(text.substr(begin, end - begin))) {
      paragraphs.push_back(
          {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    }
    begin = end + 1;
  }
}

std::vector<Sentence> SplitSentences(std::string_view text,
                                     const std::vector<Token>& tokens,
                                     const std::vector<Quote>& quotes,
                                     const Lexicon& lexicon) {
  std::vector<Sentence> sentences;
  SplitSentences(text, tokens, quotes, lexicon, sentences);
  return sentences;
}

void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    const std::vector<Quote>& quotes, const Lexicon& lexicon,
                    std::vector<Sentence>& sentences) {
  sentences.clear();
  sentences.reserve(tokens.size() / 16 + 1);  // ~25 tokens a sentence.
  size_t start = 0;
  size_t next_quote = 0;
  auto emit = [&](size_t end) {
    if (end > start) {
      sentences.push_back(
          {start, end, {tokens[start].begin, tokens[end - 1].end}});
    }
    start = end;
  };
  const size_t n = tokens.size();
  for (size_t i = 0; i < n; ++i) {
    // Only a terminal or a word with an absorbed period can end a
    // sentence: skip the rest in a loop of their own. The tokenizer marks
    // the absorbed period (kShapePeriod; punctuation has no shape bits),
    // so a token costs two byte tests of its own fields, not a read of its
    // last byte in the text; combined with `|`, so that it costs one
    // branch, not one per test (words and punctuation alternate without a
    // pattern).
    while (i < n && !((tokens[i].kind == TokenKind::kTerminal) |
                      ((tokens[i].shape & kShapePeriod) != 0))) {
      ++i;
    }
    if (i == n) {
      break;
    }
    const Token& t = tokens[i];
    size_t boundary = kNoToken;
    if (t.kind == TokenKind::kTerminal) {
      size_t j = i + 1;
      while (j < tokens.size() && tokens[j].begin == tokens[j - 1].end &&
             (tokens[j].kind == TokenKind::kTerminal ||
              tokens[j].kind == TokenKind::kCloseParen ||
              (tokens[j].kind == TokenKind::kQuote &&
               tokens[j].mark == QuoteMark::kClosing))) {
        ++j;
      }
      boundary = j;
    } else if (t.kind == TokenKind::kWord && text[t.end - 1] == '.') {
      // Absorbed abbreviation period: ends a sentence only if it could be
      // final ("Inc.", "U.S.") and the next word is a typical opener.
      std::string_view w = TokenText(text, t);
      w.remove_suffix(1);
      const bool final_capable = IsFinalAbbreviationWord(w, lexicon) ||
                                 (w.find('.') != std::string_view::npos);
      // A quote mark after it opens the next sentence too ("... in Erie,
      // Pa. "We won," he said.").
      if (final_capable && i + 1 < tokens.size() &&
          ((tokens[i + 1].kind == TokenKind::kWord &&
            lexicon.IsSentenceStarter(TokenText(text, tokens[i + 1]))) ||
           (tokens[i + 1].kind == TokenKind::kQuote &&
            tokens[i + 1].mark != QuoteMark::kClosing))) {
        boundary = i + 1;
      }
    }
    if (boundary == kNoToken) {
      continue;
    }
    if (boundary >= tokens.size()) {
      break;  // Paragraph end closes the sentence anyway.
    }
    const Token& last = tokens[boundary - 1];
    const Token& next = tokens[boundary];
    if (next.begin == last.end || InsideQuote(quotes, last.end, next_quote)) {
      continue;
    }
    if (next.kind == TokenKind::kWord &&
        IsLowercaseWord(TokenText(text, next))) {
      continue;
    }
    // `"Is it?" Okafor said.`: a question or exclamation in quotes followed
    // by a short speaker and a speech verb is one sentence.
    if (last.kind == TokenKind::kQuote && boundary >= 2 &&
        tokens[boundary - 2].kind == TokenKind::kTerminal &&
        text[tokens[boundary - 2].begin] != '.' && next.kind == TokenKind::kWord) {
      bool attribution = false;
      for (size_t j = boundary; j < tokens.size() && j < boundary + 6; ++j) {
        if (tokens[j].kind != TokenKind::kWord) {
          break;
        }
        const std::string_view w = TokenText(text, tokens[j]);
        if (j > boundary && IsLowercaseWord(w) &&
            (tokens[j].flags & Lexicon::kCueVerb)) {
          attribution = true;
          break;
        }
      }
      if (attribution) {
        continue;
      }
    }
    if (next.kind == TokenKind::kComma || next.kind == TokenKind::kSemicolon ||
        next.kind == TokenKind::kColon || next.kind == TokenKind::kTerminal) {
      continue;
    }
    emit(boundary);
    i = boundary - 1;
  }
  emit(tokens.size());
}

}  // namespace claimtrack::engine
