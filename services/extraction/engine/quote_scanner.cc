#include "services/extraction/engine/quote_scanner.h"

namespace claimtrack::engine {

std::vector<Quote> ScanQuotes(std::vector<Token>& tokens) {
  std::vector<Quote> quotes;
  ScanQuotes(tokens, quotes);
  return quotes;
}

void ScanQuotes(std::vector<Token>& tokens, std::vector<Quote>& quotes) {
  quotes.clear();
  size_t open = kNoToken;
  auto close_unclosed = [&](size_t last_inside) {
    Quote q;
    q.open_token = open;
    q.closed = false;
    const uint32_t end = tokens[last_inside].end;
    q.outer = {tokens[open].begin, end};
    q.inner = {tokens[open].end, std::max(tokens[open].end, end)};
    quotes.push_back(q);
  };
  const size_t n = tokens.size();
  for (size_t i = 0; i < n; ++i) {
    // Most tokens are no quote mark: skip them in a loop of their own,
    // which keeps its variables in registers, four at a time with one
    // branch (`&`, not `&&`).
    const auto not_quote = [&](size_t k) {
      return tokens[k].kind != TokenKind::kQuote;
    };
    while (i + 4 <= n && (not_quote(i) & not_quote(i + 1) & not_quote(i + 2) &
                          not_quote(i + 3))) {
      i += 4;
    }
    while (i < n && not_quote(i)) {
      ++i;
    }
    if (i == n) {
      break;
    }
    Token& t = tokens[i];
    if (open == kNoToken) {
      if (t.mark == QuoteMark::kClosing) {
        continue;  // Stray closing mark: nothing to pair it with.
      }
      t.mark = QuoteMark::kOpening;
      open = i;
      continue;
    }
    // A typo'd closing mark (“Not yet,“ she said): an opening curly
    // mark glued to the end of the previous token and followed by a space
    // closes the open quote.
    if (t.mark == QuoteMark::kOpening && i > open + 1 &&
        tokens[i - 1].end == t.begin &&
        (i + 1 == tokens.size() || tokens[i + 1].begin > t.end) &&
        tokens[i - 1].kind != TokenKind::kQuote) {
      t.mark = QuoteMark::kClosing;
    }
    if (t.mark == QuoteMark::kOpening) {
      // A new opening mark while one is open means the previous quote was
      // never closed; end it just before this mark.
      close_unclosed(i - 1);
      open = i;
      continue;
    }
    t.mark = QuoteMark::kClosing;
    Quote q;
    q.open_token = open;
    q.close_token = i;
    q.closed = true;
    q.outer = {tokens[open].begin, t.end};
    q.inner = {tokens[open].end, t.begin};
    quotes.push_back(q);
    open = kNoToken;
  }
  if (open != kNoToken) {
    close_unclosed(tokens.size() - 1);
  }
}

}  // namespace claimtrack::engine
