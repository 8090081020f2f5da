// Unit tests for the text-structure layer: UTF-8, tokens, quotes, sentences.
#include <cctype>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/extraction/engine/lexicon.h"
#include "services/extraction/engine/quote_scanner.h"
#include "services/extraction/engine/sentence_splitter.h"
#include "services/extraction/engine/tokenizer.h"
#include "services/extraction/engine/utf8.h"

namespace claimtrack::engine {
namespace {

std::vector<std::string> SentencesOf(const std::string& text) {
  static const Lexicon* lexicon = new Lexicon();
  std::vector<std::string> out;
  for (const ByteSpan& para : SplitParagraphs(text)) {
    std::vector<Token> tokens = Tokenize(text, para, *lexicon);
    const std::vector<Quote> quotes = ScanQuotes(tokens);
    for (const Sentence& s : SplitSentences(text, tokens, quotes, *lexicon)) {
      out.push_back(text.substr(s.span.begin, s.span.end - s.span.begin));
    }
  }
  return out;
}

std::vector<std::string> WordsOf(const std::string& text) {
  Lexicon lexicon;
  std::vector<std::string> out;
  for (const Token& t : Tokenize(
           text, {0, static_cast<uint32_t>(text.size())}, lexicon)) {
    out.emplace_back(TokenText(text, t));
  }
  return out;
}

TEST(Utf8Test, DecodesMultiByteAndFlagsInvalidBytes) {
  const std::string s = "a\xE2\x80\x9C\xC3\xA9\xFF\xE2\x80";
  EXPECT_EQ(DecodeUtf8(s, 0).code, 'a');
  EXPECT_EQ(DecodeUtf8(s, 1).code, 0x201Cu);
  EXPECT_EQ(DecodeUtf8(s, 1).length, 3u);
  EXPECT_EQ(DecodeUtf8(s, 4).code, 0xE9u);
  EXPECT_EQ(DecodeUtf8(s, 6).code, kInvalidCodePoint);
  EXPECT_EQ(DecodeUtf8(s, 6).length, 1u);
  EXPECT_EQ(DecodeUtf8(s, 7).code, kInvalidCodePoint);  // Truncated.
}

TEST(Utf8Test, Capitalization) {
  EXPECT_TRUE(IsCapitalizedWord("Garland"));
  EXPECT_TRUE(IsCapitalizedWord("then-Attorney"));
  EXPECT_TRUE(IsCapitalizedWord("\xC3\x89lise"));  // Élise
  EXPECT_FALSE(IsCapitalizedWord("said"));
  EXPECT_TRUE(IsAcronym("DOJ"));
  EXPECT_FALSE(IsAcronym("WarCAT"));
}

TEST(TokenizerTest, KeepsAbbreviationsApostrophesAndHyphens) {
  EXPECT_THAT(WordsOf("Ms. Doe’s then-boss left the U.S. today."),
              ::testing::ElementsAre("Ms.", "Doe’s", "then-boss", "left", "the",
                                     "U.S.", "today", "."));
}

// kShapePeriod is set exactly on the words that took in their period (the
// sentence splitter reads the bit instead of the word's last byte).
TEST(TokenizerTest, MarksAbsorbedPeriods) {
  const Lexicon lexicon;
  const std::string text = "Ms. Doe met J. Roe in the U.S. on the 3.5 deal.";
  std::vector<std::string> marked;
  for (const Token& t :
       Tokenize(text, {0, static_cast<uint32_t>(text.size())}, lexicon)) {
    if (t.shape & kShapePeriod) {
      EXPECT_EQ(t.kind, TokenKind::kWord);
      marked.emplace_back(TokenText(text, t));
    }
  }
  EXPECT_THAT(marked, ::testing::ElementsAre("Ms.", "J.", "U.S."));
}

// kShapePossessive is set exactly on the words that end in "'s" or "’s"
// (the entity index reads the bit instead of each run word's last bytes).
TEST(TokenizerTest, MarksPossessives) {
  const Lexicon lexicon;
  const std::string text =
      "Lee's aide and Doe’s boss met the Roes' lawyer, Ross, as it's Ma's.";
  std::vector<std::string> marked;
  for (const Token& t :
       Tokenize(text, {0, static_cast<uint32_t>(text.size())}, lexicon)) {
    if (t.shape & kShapePossessive) {
      EXPECT_EQ(t.kind, TokenKind::kWord);
      marked.emplace_back(TokenText(text, t));
    }
    EXPECT_EQ((t.shape & kShapePossessive) != 0,
              PossessiveSuffixLength(TokenText(text, t)) != 0)
        << TokenText(text, t);
  }
  EXPECT_THAT(marked, ::testing::ElementsAre("Lee's", "Doe’s", "it's", "Ma's"));
}

// The rules look words up in the padded lower-cased copy (Word::Padded):
// the answers must be those of the plain look-up, whatever follows the
// word.
TEST(LexiconTest, PaddedWordLookUpAgreesWithPlainOne) {
  const Lexicon lexicon;
  for (const std::string word :
       {"a", "he", "has", "not", "but", "while", "also", "didn't", "won’t",
        "publicly", "only", "according", "reportedly", "internationally", "the",
        "harbor"}) {
    for (const char filler : {'\0', ' ', 'z'}) {
      std::string padded = word;
      padded.append(Lexicon::kFlagsPadding, filler);
      const auto w =
          Lexicon::Word::Padded(std::string_view(padded.data(), word.size()));
      EXPECT_EQ(lexicon.IsAuxiliary(w), lexicon.IsAuxiliary(word)) << word;
      EXPECT_EQ(lexicon.IsDeterminer(w), lexicon.IsDeterminer(word)) << word;
      EXPECT_EQ(lexicon.IsLeadingConjunction(w),
                lexicon.IsLeadingConjunction(word))
          << word;
      EXPECT_EQ(lexicon.IsSubordinator(w), lexicon.IsSubordinator(word))
          << word;
      EXPECT_EQ(lexicon.IsNegation(w), lexicon.IsNegation(word)) << word;
      EXPECT_EQ(lexicon.IsCueAdverb(w), lexicon.IsCueAdverb(word)) << word;
      EXPECT_EQ(lexicon.CueChainWord(w), lexicon.CueChainWord(word)) << word;
    }
  }
}

// One look-up answers the walk back from a cue verb, in the order the
// three questions were asked before: negation, auxiliary, cue adverb.
TEST(LexiconTest, CueChainWordKinds) {
  const Lexicon lexicon;
  using Kind = Lexicon::ChainWord;
  EXPECT_EQ(lexicon.CueChainWord("not"), Kind::kNegation);
  EXPECT_EQ(lexicon.CueChainWord("didn't"), Kind::kNegation);
  EXPECT_EQ(lexicon.CueChainWord("hasn’t"), Kind::kNegation);
  EXPECT_EQ(lexicon.CueChainWord("has"), Kind::kAuxiliary);
  EXPECT_EQ(lexicon.CueChainWord("would"), Kind::kAuxiliary);
  EXPECT_EQ(lexicon.CueChainWord("also"), Kind::kCueAdverb);
  EXPECT_EQ(lexicon.CueChainWord("publicly"), Kind::kCueAdverb);
  EXPECT_EQ(lexicon.CueChainWord("only"), Kind::kOther);
  EXPECT_EQ(lexicon.CueChainWord("he"), Kind::kOther);
  EXPECT_TRUE(lexicon.IsLeadingConjunction("however"));
  EXPECT_TRUE(lexicon.IsSubordinator("although"));
  EXPECT_FALSE(lexicon.IsSubordinator("after"));
}

// The entity index reads these two from the tokens instead of asking
// IsOrganizationKeywordLower and MatchTitle's first-word look-up.
TEST(LexiconTest, OrganizationAndTitleWordsAreWordFlags) {
  const Lexicon lexicon;
  for (const std::string_view word :
       {"department", "party", "president", "attorney", "harbor", "said"}) {
    const uint32_t flags = lexicon.WordFlags(word);
    EXPECT_EQ((flags & Lexicon::kOrgKeyword) != 0,
              lexicon.IsOrganizationKeywordLower(word))
        << word;
    // "attorney" opens a title only with "general" after it.
    const std::vector<std::string_view> words = {word, "general"};
    EXPECT_EQ((flags & Lexicon::kTitleFirstWord) != 0,
              lexicon.MatchTitle(words, 0) > 0)
        << word;
  }
  EXPECT_NE(lexicon.WordFlags("department") & Lexicon::kOrgKeyword, 0u);
  EXPECT_NE(lexicon.WordFlags("president") & Lexicon::kTitleFirstWord, 0u);
}

TEST(LexiconTest, PaddedFlagLookUpAgreesWithPlainOne) {
  const Lexicon lexicon;
  EXPECT_NE(lexicon.WordFlags("said") & Lexicon::kCueVerb, 0u);
  EXPECT_EQ(lexicon.WordFlags("harbor"), 0u);
  // Short, eight-byte and longer words, flagged and not; the padded look-up
  // reads past the word into bytes that must not matter.
  for (const std::string word :
       {"a", "he", "say", "said", "saying", "according", "reportedly",
        "acknowledged", "which", "harbors", "internationally", "x1"}) {
    for (const char filler : {'\0', ' ', 'z'}) {
      std::string padded = word;
      padded.append(Lexicon::kFlagsPadding, filler);
      EXPECT_EQ(
          lexicon.WordFlagsPadded(std::string_view(padded.data(), word.size())),
          lexicon.WordFlags(word))
          << word;
    }
  }
}

TEST(TokenizerTest, PaddedTokenizeAgreesWithPlainOne) {
  const Lexicon lexicon;
  // Words that end at, run past or stop short of the span's end, within
  // and beyond sixteen bytes, with digits and joiners; the padding holds
  // bytes that would continue a word, and must not.
  const std::string text =
      "The spokeswoman said 2024 budgets rose 3.5% in U.S. cities, "
      "internationally-recognized groups reported.\nA_b $40 x";
  for (const char filler : {'\0', 'z', '7', ' '}) {
    std::string lower = text;
    for (char& c : lower) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    lower.append(kTokenizerPadding, filler);
    for (uint32_t end = 0; end <= text.size(); ++end) {
      for (const uint32_t begin : {0u, 4u, end / 2}) {
        if (begin > end) {
          continue;
        }
        const ByteSpan span{begin, end};
        const std::vector<Token> plain = Tokenize(text, span, lexicon);
        std::vector<Token> padded;
        Tokenize(text, std::string_view(lower.data(), text.size()), span,
                 lexicon, padded);
        ASSERT_EQ(padded.size(), plain.size()) << begin << "-" << end;
        for (size_t i = 0; i < plain.size(); ++i) {
          EXPECT_EQ(padded[i].begin, plain[i].begin);
          EXPECT_EQ(padded[i].end, plain[i].end) << begin << "-" << end;
          EXPECT_EQ(padded[i].kind, plain[i].kind);
          EXPECT_EQ(padded[i].shape, plain[i].shape) << begin << "-" << end;
          EXPECT_EQ(padded[i].flags, plain[i].flags);
        }
      }
    }
  }
}

TEST(SentenceSplitterTest, ParagraphsIntoACallersVector) {
  std::vector<ByteSpan> spans = {{7, 9}};
  SplitParagraphs("One.\n\n  \nTwo.", spans);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 0u);
  EXPECT_EQ(spans[0].end, 4u);
  EXPECT_EQ(spans[1].begin, 9u);
  EXPECT_EQ(spans[1].end, 13u);
}

TEST(QuoteScannerTest, PairsCurlyAndStraightQuotes) {
  Lexicon lexicon;
  const std::string text = "“One,” he said. \"Two\" and “three";
  std::vector<Token> tokens =
      Tokenize(text, {0, static_cast<uint32_t>(text.size())}, lexicon);
  const std::vector<Quote> quotes = ScanQuotes(tokens);
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_TRUE(quotes[0].closed);
  EXPECT_EQ(text.substr(quotes[0].inner.begin,
                        quotes[0].inner.end - quotes[0].inner.begin),
            "One,");
  EXPECT_EQ(text.substr(quotes[1].inner.begin,
                        quotes[1].inner.end - quotes[1].inner.begin),
            "Two");
  // Unclosed: ends at the paragraph's end, not beyond.
  EXPECT_FALSE(quotes[2].closed);
  EXPECT_EQ(quotes[2].outer.end, text.size());
}

TEST(SentenceSplitterTest, RespectsAbbreviationsAndInitials) {
  EXPECT_THAT(
      SentencesOf("Ms. Lane met J. R. Hale in Sept. last year. They argued. "
                  "Dr. Ortiz left the U.S. on Friday."),
      ::testing::ElementsAre("Ms. Lane met J. R. Hale in Sept. last year.",
                             "They argued.",
                             "Dr. Ortiz left the U.S. on Friday."));
}

TEST(SentenceSplitterTest, SplitsAfterDottedAcronymBeforeSentenceOpener) {
  EXPECT_THAT(SentencesOf("Prices rose in the U.S. The rest fell."),
              ::testing::ElementsAre("Prices rose in the U.S.",
                                     "The rest fell."));
}

TEST(SentenceSplitterTest, DoesNotSplitInsideQuotes) {
  EXPECT_THAT(SentencesOf("“We tried. We failed,” she said. Then she left."),
              ::testing::ElementsAre("“We tried. We failed,” she said.",
                                     "Then she left."));
}

TEST(SentenceSplitterTest, LinesArePargraphs) {
  EXPECT_THAT(SentencesOf("Headline without period\n\nBody text here."),
              ::testing::ElementsAre("Headline without period",
                                     "Body text here."));
}

TEST(SentenceSplitterTest, LowercaseAfterPeriodDoesNotSplit) {
  EXPECT_THAT(SentencesOf("The value was 3. or so he thought."),
              ::testing::ElementsAre("The value was 3. or so he thought."));
}

}  // namespace
}  // namespace claimtrack::engine
