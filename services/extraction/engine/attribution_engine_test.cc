// Rule-by-rule tests on hand-written sentences.
#include "services/extraction/engine/attribution_engine.h"

#include <chrono>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claimtrack::engine {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;

class EngineTest : public ::testing::Test {
 protected:
  std::vector<Statement> Run(const std::string& text) {
    text_ = text;
    std::vector<Statement> out = engine_.Extract(text_);
    for (const Statement& s : out) {
      CheckSpans(s);
    }
    return out;
  }

  // Every span must lie inside the text, on char boundaries, and slice to
  // the reported text.
  void CheckSpans(const Statement& s) {
    std::string joined;
    for (const ByteSpan& span : s.content_spans) {
      ASSERT_LE(span.begin, span.end);
      ASSERT_LE(span.end, text_.size());
      if (span.begin < text_.size()) {
        EXPECT_NE(static_cast<unsigned char>(text_[span.begin]) & 0xC0, 0x80);
      }
      if (span.end < text_.size()) {
        EXPECT_NE(static_cast<unsigned char>(text_[span.end]) & 0xC0, 0x80);
      }
      joined += (joined.empty() ? "" : " ") +
                text_.substr(span.begin, span.end - span.begin);
    }
    EXPECT_EQ(joined, s.content);
    for (const auto* ts : {s.mention ? &*s.mention : nullptr,
                           s.cue ? &*s.cue : nullptr,
                           s.context ? &*s.context : nullptr}) {
      if (ts != nullptr) {
        ASSERT_LE(ts->span.end, text_.size());
        EXPECT_EQ(text_.substr(ts->span.begin, ts->span.end - ts->span.begin),
                  ts->text);
      }
    }
  }

  static std::vector<Statement> Attributions(const std::vector<Statement>& all) {
    std::vector<Statement> out;
    for (const Statement& s : all) {
      if (s.kind != StatementKind::kFactualClaim) {
        out.push_back(s);
      }
    }
    return out;
  }

  static const Statement* Find(const std::vector<Statement>& all,
                               const std::string& content) {
    for (const Statement& s : all) {
      if (s.content == content) {
        return &s;
      }
    }
    return nullptr;
  }

  AttributionEngine engine_;
  std::string text_;
};

TEST_F(EngineTest, EmptyAndQuotelessTextAreSafe) {
  EXPECT_THAT(Run(""), IsEmpty());
  EXPECT_THAT(Attributions(Run("The river froze early. Nobody skated.")),
              IsEmpty());
  EXPECT_THAT(Run("\n\n   \n"), IsEmpty());
}

TEST_F(EngineTest, CurlyQuoteWithSpeakerAfter) {
  const auto all = Run("“The bridge will open in May,” Dana Whitfield said.");
  const Statement* s = Find(all, "The bridge will open in May");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->kind, StatementKind::kDirectQuote);
  EXPECT_EQ(s->mention->text, "Dana Whitfield");
  EXPECT_EQ(s->speaker.name, "Dana Whitfield");
  EXPECT_EQ(s->speaker.type, SpeakerType::kPerson);
  EXPECT_EQ(s->cue->text, "said");
}

TEST_F(EngineTest, StraightQuoteWithInvertedSpeaker) {
  const auto all = Run("\"We are ready,\" said Omar Castillo.");
  const Statement* s = Find(all, "We are ready");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->kind, StatementKind::kDirectQuote);
  EXPECT_EQ(s->mention->text, "Omar Castillo");
}

TEST_F(EngineTest, SpeakerCueThenQuote) {
  const auto all = Run("Dana Whitfield said: “The bridge is safe.”");
  const Statement* s = Find(all, "The bridge is safe");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->kind, StatementKind::kDirectQuote);
  EXPECT_EQ(s->speaker.name, "Dana Whitfield");
}

TEST_F(EngineTest, LongQuoteOpeningASentenceWithoutACue) {
  // A long quote that opens its sentence, which has no cue for it, is the
  // previous sentence's speaker's; a short one (a slogan) is no statement.
  const auto all = Run(
      "Dana Whitfield said the vote was close. \"Bring the ferry back to the "
      "harbor where it belongs and soon\" was her loudest line. \"Ferry "
      "now\" was on every sign.");
  const Statement* s =
      Find(all, "Bring the ferry back to the harbor where it belongs and soon");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->rule, "quote.adjacent_speaker");
  EXPECT_EQ(s->speaker.name, "Dana Whitfield");
  EXPECT_EQ(Find(all, "Ferry now"), nullptr);
}

TEST_F(EngineTest, LongQuoteAfterAColonWithoutACue) {
  // The same after a colon inside its sentence, past a short quote in an
  // earlier sentence of the paragraph (no speaker: that sentence had
  // none).
  const auto all =
      Run("Dana Whitfield said the vote was close. \"Ferry now\" was on every "
          "sign. Her loudest line of the night: \"Bring the ferry back to the "
          "harbor where it belongs and soon.\"");
  const Statement* s =
      Find(all, "Bring the ferry back to the harbor where it belongs and soon");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->kind, StatementKind::kDirectQuote);
  EXPECT_EQ(s->rule, "quote.unattributed");
  EXPECT_EQ(Find(all, "Ferry now"), nullptr);
}

TEST_F(EngineTest, SplitQuoteInOneSentence) {
  const auto all = Run("“First part,” she said, “second part.”");
  const Statement* s = Find(all, "First part second part");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->content_spans.size(), 2u);
  EXPECT_EQ(s->cue->text, "said");
}

TEST_F(EngineTest, SplitQuoteAcrossSentences) {
  const auto all =
      Run("Tom Reyes runs the ferry. “We sail at dawn,” he said. “Bring coats.”");
  const Statement* s = Find(all, "We sail at dawn Bring coats");
  ASSERT_NE(s, nullptr) << all.size();
  EXPECT_EQ(s->kind, StatementKind::kDirectQuote);
  EXPECT_EQ(s->content_spans.size(), 2u);
  EXPECT_EQ(s->mention->text, "he");
  EXPECT_EQ(s->speaker.name, "Tom Reyes");
}

TEST_F(EngineTest, AccordingToLeadingAndTrailing) {
  auto all = Run("According to Mayor Ellen Park, the pool will close in June.");
  const Statement* s = Find(all, "the pool will close in June");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->kind, StatementKind::kReportedSpeech);
  EXPECT_EQ(s->cue->text, "According to");
  EXPECT_EQ(s->speaker.name, "Ellen Park");
  EXPECT_EQ(s->speaker.role, "Mayor");

  all = Run("The pool will close in June, according to Ellen Park.");
  s = Find(all, "The pool will close in June");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->mention->text, "Ellen Park");
}

TEST_F(EngineTest, LocalTitlesAreRolesAndAbbreviationsAreSpelledOut) {
  auto all = Run("Councilwoman Dana Price said the levy would fail.");
  const Statement* s = Find(all, "the levy would fail");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->mention->text, "Councilwoman Dana Price");
  EXPECT_EQ(s->speaker.name, "Dana Price");
  EXPECT_EQ(s->speaker.role, "Councilwoman");

  all = Run("Ohio Gov. Carl Brandt said the levy would fail.");
  s = Find(all, "the levy would fail");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->speaker.name, "Carl Brandt");
  EXPECT_EQ(s->speaker.role, "Ohio Governor");

  all = Run("Lt. Gen. Ruth Ames said the base would stay open.");
  s = Find(all, "the base would stay open");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->speaker.name, "Ruth Ames");
  EXPECT_EQ(s->speaker.role, "Lieutenant General");
}

TEST_F(EngineTest, APlaceSpeaksAsAnOrganization) {
  auto all = Run("The city expects 1,200 new jobs at the port.");
  const Statement* s = Find(all, "1,200 new jobs at the port");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->mention->text, "The city");
  EXPECT_EQ(s->speaker.type, SpeakerType::kOrganization);
  EXPECT_EQ(s->speaker.role, "");
}

TEST_F(EngineTest, PluralNounBeforeAnAuxiliaryIsNoCue) {
  auto all = Run(
      "Lee told reporters that the cost estimates had not been reviewed.");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].content, "the cost estimates had not been reviewed");
  EXPECT_EQ(all[0].cue->text, "told reporters");

  // In a relative clause the verb stays a cue.
  all = Run("It is a trend that the foundation predicts will continue.");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].cue->text, "predicts");
}

TEST_F(EngineTest, AnonymityRequestIsNoStatement) {
  auto all = Run(
      "Two aides, who asked not to be named because they were not allowed to "
      "speak publicly, said the vote was delayed.");
  const Statement* s = Find(all, "the vote was delayed");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->mention->text, "Two aides");
  for (const Statement& other : all) {
    EXPECT_EQ(other.content.find("not to be named"), std::string::npos)
        << other.content;
  }
  all = Run("The aide spoke to reporters, asking not to be identified.");
  for (const Statement& other : all) {
    EXPECT_EQ(other.content.find("not to be identified"), std::string::npos)
        << other.content;
  }
}

TEST_F(EngineTest, SpeakerSaidThatClause) {
  const auto all = Run("Priya Natarajan said that the lab had closed, which "
                       "surprised the staff.");
  const Statement* s = Find(all, "the lab had closed");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->kind, StatementKind::kReportedSpeech);
  EXPECT_EQ(s->speaker.name, "Priya Natarajan");
}

TEST_F(EngineTest, SpeakerSaidWithoutThat) {
  const auto all = Run("The Harbor Authority has said the dock will reopen.");
  const Statement* s = Find(all, "the dock will reopen");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->cue->text, "has said");
  EXPECT_EQ(s->speaker.name, "Harbor Authority");
  EXPECT_EQ(s->speaker.type, SpeakerType::kOrganization);
}

TEST_F(EngineTest, TrailingSpeakerCue) {
  const auto all = Run("The tunnel flooded twice last winter, Omar Castillo said.");
  const Statement* s = Find(all, "The tunnel flooded twice last winter");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->kind, StatementKind::kReportedSpeech);
  EXPECT_EQ(s->mention->text, "Omar Castillo");
}

TEST_F(EngineTest, ToldTheOutletThat) {
  const auto all =
      Run("Lena Ortiz told the Gazette that the mill would be sold.");
  const Statement* s = Find(all, "the mill would be sold");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->cue->text, "told the Gazette");
  EXPECT_EQ(s->speaker.name, "Lena Ortiz");
}

TEST_F(EngineTest, NestedAttributionBecomesRelay) {
  const auto all = Run(
      "Greta Holm chairs the panel. The panel said the audit was “nearly "
      "done” and fair, Holm said.");
  const Statement* s = Find(all, "the audit was “nearly done” and fair");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->kind, StatementKind::kPartialQuote);
  ASSERT_EQ(s->quoted_fragments.size(), 1u);
  EXPECT_EQ(s->quoted_fragments[0].text, "nearly done");
  EXPECT_EQ(s->mention->text, "The panel");
  ASSERT_TRUE(s->relay.has_value());
  EXPECT_EQ(s->relay->mention.text, "Holm");
  EXPECT_EQ(s->relay->speaker.name, "Greta Holm");
  EXPECT_EQ(s->relay->cue.text, "said");
  // The relay is not a statement of its own.
  EXPECT_EQ(Attributions(all).size(), 1u);
  // The relayed rule's name is built once and kept (Statement::rule views
  // static storage): a second document gets the same bytes.
  EXPECT_EQ(s->rule, "reported.speaker_cue+relay");
  const auto again = Run("The board said the vote was fair, Holm said.");
  const Statement* t = Find(again, "the vote was fair");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rule.data(), s->rule.data());
}

TEST_F(EngineTest, PronounResolvesToLastPerson) {
  const auto all = Run("Governor Ana Ruiz visited the site. Workers cheered. "
                       "She said the repairs were finished.");
  const Statement* s = Find(all, "the repairs were finished");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->mention->text, "She");
  EXPECT_EQ(s->speaker.name, "Ana Ruiz");
  EXPECT_EQ(s->speaker.type, SpeakerType::kPerson);
}

TEST_F(EngineTest, SurnameResolvesToFullName) {
  const auto all = Run(
      "“Costs doubled,” Walter Brandt, an engineer, said. “We adapted,” "
      "Brandt said.");
  const Statement* s = Find(all, "We adapted");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->mention->text, "Brandt");
  EXPECT_EQ(s->speaker.name, "Walter Brandt");
}

TEST_F(EngineTest, TitlesBecomeRoles) {
  const auto all =
      Run("“Rules matter,” then-Attorney General Rosa Linde told reporters.");
  const Statement* s = Find(all, "Rules matter");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->mention->text, "then-Attorney General Rosa Linde");
  EXPECT_EQ(s->speaker.name, "Rosa Linde");
  EXPECT_EQ(s->speaker.role, "Attorney General (then)");
  EXPECT_EQ(s->cue->text, "told reporters");
}

TEST_F(EngineTest, AppositiveRoleAndOrganization) {
  const auto all = Run(
      "Rates will fall, Jane Roe, chief economist at Acme Bank, said on "
      "Tuesday.");
  const Statement* s = Find(all, "Rates will fall");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->mention->text, "Jane Roe");
  EXPECT_EQ(s->speaker.role, "chief economist at Acme Bank");
  EXPECT_EQ(s->speaker.organization, "Acme Bank");
  ASSERT_TRUE(s->context.has_value());
  EXPECT_EQ(s->context->text, "on Tuesday");
}

TEST_F(EngineTest, AcronymDefinedInParentheses) {
  const auto all = Run(
      "The Northern Rail Safety Board (NRSB) opened a review. The NRSB said "
      "the signals had failed.");
  const Statement* s = Find(all, "the signals had failed");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->mention->text, "The NRSB");
  EXPECT_EQ(s->speaker.name, "Northern Rail Safety Board");
  EXPECT_EQ(s->speaker.type, SpeakerType::kOrganization);
  EXPECT_THAT(s->speaker.aliases, Contains("NRSB"));
}

TEST_F(EngineTest, AcronymMatchingInitials) {
  const auto all = Run(
      "The Office of Water Management said the reservoir is full. Later the "
      "OWM posted a map.");
  const Statement* s = Find(all, "the reservoir is full");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->speaker.name, "Office of Water Management");
  EXPECT_THAT(s->speaker.aliases, Contains("OWM"));
}

TEST_F(EngineTest, AnonymousSources) {
  auto all = Run("The plant will close next year, sources told the Herald.");
  const Statement* s = Find(all, "The plant will close next year");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->speaker.type, SpeakerType::kAnonymous);
  EXPECT_EQ(s->mention->text, "sources");
  EXPECT_EQ(s->cue->text, "told the Herald");

  all = Run("A source said the deal was signed.");
  s = Find(all, "the deal was signed");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->speaker.type, SpeakerType::kAnonymous);
}

TEST_F(EngineTest, DocumentSpeaker) {
  const auto all = Run(
      "The school will merge with its neighbor, according to a memo sent to "
      "parents on Friday.");
  const Statement* s = Find(all, "The school will merge with its neighbor");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->speaker.type, SpeakerType::kDocument);
  EXPECT_EQ(s->speaker.name, "memo to parents");
  EXPECT_EQ(s->mention->text, "a memo sent to parents on Friday");
}

TEST_F(EngineTest, AdministrationResolvesToPresident) {
  const auto all = Run(
      "The Lopez administration built the road. President Kara Voss took "
      "office in March. The administration said the road was too costly.");
  const Statement* s = Find(all, "the road was too costly");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->speaker.name, "Voss administration");
  EXPECT_EQ(s->speaker.type, SpeakerType::kOrganization);
}

TEST_F(EngineTest, AdministrationFallsBackToNamedAdministration) {
  const auto all = Run(
      "The Lopez administration built the road. The administration said the "
      "road was cheap.");
  const Statement* s = Find(all, "the road was cheap");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->speaker.name, "Lopez administration");
}

// The corpus annotates denials and negated reports as attributions; the
// engine finds them and marks them, so that the service can leave them out.
TEST_F(EngineTest, NegatedCueIsMarkedNegated) {
  const auto all = Run(
      "Paul Weir did not say whether 40 jobs were cut. Ida Moss never "
      "mentioned the audit. Weir said the dam is safe.");
  const Statement* whether = Find(all, "whether 40 jobs were cut");
  ASSERT_NE(whether, nullptr);
  EXPECT_TRUE(whether->negated);
  EXPECT_EQ(whether->speaker.name, "Paul Weir");
  EXPECT_EQ(whether->cue->text, "did not say");
  const Statement* audit = Find(all, "the audit");
  ASSERT_NE(audit, nullptr);
  EXPECT_TRUE(audit->negated);
  const Statement* safe = Find(all, "the dam is safe");
  ASSERT_NE(safe, nullptr);
  EXPECT_FALSE(safe->negated);
}

TEST_F(EngineTest, WhatADeniedRelayReportsIsNegated) {
  for (const std::string text :
       {"Paul Weir did not say whether Ida Moss said the dam is safe.",
        "Ida Moss said the dam is safe, Paul Weir did not say."}) {
    const auto all = Run(text);
    ASSERT_FALSE(all.empty()) << text;  // The denial itself is found.
    for (const Statement& s : all) {
      EXPECT_TRUE(s.negated) << text << ": " << s.content;
    }
  }
}

TEST_F(EngineTest, SubjectKeepsItsRestrictiveRelativeClause) {
  const auto all = Run(
      "A nurse who works there said the ward was closed. Nurses who had not "
      "worked there before said the beds were new.");
  const Statement* ward = Find(all, "the ward was closed");
  ASSERT_NE(ward, nullptr);
  ASSERT_TRUE(ward->mention.has_value());
  EXPECT_EQ(ward->mention->text, "A nurse who works there");
  const Statement* beds = Find(all, "the beds were new");
  ASSERT_NE(beds, nullptr);
  ASSERT_TRUE(beds->mention.has_value());
  EXPECT_EQ(beds->mention->text, "Nurses who had not worked there before");
}

TEST_F(EngineTest, NotWantingToBeNamedIsNoStatement) {
  const auto all = Run(
      "A nurse, who did not want to be named, said the ward was closed.");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].content, "the ward was closed");
}

// "did not respond to a request for comment": the corpus annotates about
// half of these; none is anything the speaker said.
TEST_F(EngineTest, NoCommentIsNegatedIfFound) {
  const auto all = Run(
      "The ministry did not respond to a request for comment on the 2024 "
      "budget.");
  for (const Statement& s : all) {
    if (s.content.find("request for comment") != std::string::npos) {
      EXPECT_TRUE(s.negated) << s.content;
    }
  }
}

TEST_F(EngineTest, UnbalancedQuoteEndsAtParagraph) {
  const std::string text =
      "“This never closes, Ida Moss said.\n\nA new paragraph with 12 facts "
      "about the Ross Dam in 1990.";
  const auto all = Run(text);
  const size_t para_end = text.find('\n');
  for (const Statement& s : all) {
    for (const ByteSpan& span : s.content_spans) {
      EXPECT_TRUE(span.end <= para_end || span.begin > para_end) << s.content;
    }
  }
}

TEST_F(EngineTest, QuoteWithoutSpeakerBorrowsAdjacentSpeaker) {
  const auto all = Run(
      "Ida Moss said the dam is safe. “It has stood for decades.”");
  const Statement* s = Find(all, "It has stood for decades");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->speaker.name, "Ida Moss");
  EXPECT_FALSE(s->mention.has_value());
  EXPECT_LT(s->confidence, 0.9);
}

TEST_F(EngineTest, MultiByteAndInvalidUtf8NeverCrash) {
  std::string text = "“Ça va très bien,” Zoë Müller said. ";
  text += "\xFF\xFE broken \xE2\x80 bytes “unclosed \xC3";
  const auto all = Run(text);
  const Statement* s = Find(all, "Ça va très bien");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->speaker.name, "Zoë Müller");
  // Every prefix, including cuts in the middle of characters, is safe.
  for (size_t n = 0; n <= text.size(); ++n) {
    Run(text.substr(0, n));
  }
}

TEST_F(EngineTest, FactualClaimsSplitAtRelativeClauses) {
  const auto all = Run(
      "Along with the new tracks, the city opened 14 stations in 2021, which "
      "cost $3 billion.");
  bool found = false;
  for (const Statement& s : all) {
    if (s.kind == StatementKind::kFactualClaim &&
        s.content == "the city opened 14 stations in 2021") {
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(EngineTest, DocumentOrderAndNames) {
  const auto all = Run(
      "The mine employs 300 people in Tarsk. “We are hiring,” Ida Moss said.");
  ASSERT_GE(all.size(), 2u);
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_LE(all[i - 1].content_spans[0].begin, all[i].content_spans[0].begin);
  }
  EXPECT_EQ(StatementKindName(StatementKind::kPartialQuote), "partial");
  EXPECT_EQ(StatementKindName(StatementKind::kReportedSpeech), "indirect");
  EXPECT_EQ(SpeakerTypeName(SpeakerType::kDocument), "document");
  EXPECT_EQ(AttributionEngine::kVersion, "rules-0.11.0");
}

TEST_F(EngineTest, LargeInputIsFast) {
  std::string text;
  while (text.size() < 4'000'000) {
    text += "“The port handled 40 ships,” Ida Moss, director of the Port of "
            "Tarsk, said on Monday. The DOJ did not comment, sources told "
            "the Times. \"Unclosed and long ";
    text += "\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const auto all = engine_.Extract(text);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_FALSE(all.empty());
  // Generous bound so that shared CI machines do not flake.
  EXPECT_LT(seconds, 4.0) << text.size() / seconds / 1e6 << " MB/s";
  RecordProperty("mb_per_s", std::to_string(text.size() / seconds / 1e6));
}

TEST_F(EngineTest, PathologicalInputStaysLinear) {
  std::string text;
  while (text.size() < 1'000'000) {
    text += "Ann Lee said “Bob Day told THE BIG NEWS GROUP said ";
  }
  const auto start = std::chrono::steady_clock::now();
  engine_.Extract(text);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_LT(seconds, 4.0);
}

// Everything a statement reports, as one comparable string.
std::string Describe(const std::vector<Statement>& statements) {
  std::ostringstream out;
  for (const Statement& s : statements) {
    out << StatementKindName(s.kind) << "|" << s.rule << "|" << s.content
        << "|" << s.speaker.name << "|" << s.speaker.role << "|"
        << (s.mention ? s.mention->text : "-") << "|"
        << (s.cue ? s.cue->text : "-") << "|" << s.confidence;
    for (const ByteSpan& span : s.content_spans) {
      out << "|" << span.begin << "-" << span.end;
    }
    out << "\n";
  }
  return out.str();
}

// Extract() keeps per-thread buffers from one document to the next: what a
// long document leaves in them must not change the next one's result.
TEST(EngineScratchTest, ResultsDoNotDependOnEarlierDocuments) {
  const std::string long_doc =
      "Mayor Ana Ruiz said the bridge will reopen in May. \"We are on "
      "schedule,\" she said.\n\n"
      "The council, which met on Monday, voted 7-2 to fund the repairs.\n\n"
      "\"It is a disgrace,\" said Tom Lee, a local business owner. He "
      "added that traffic had doubled.\n\n"
      "According to the city, the work will cost $4 million.\n";
  const std::string short_doc = "Lee said the plan would fail.";
  const AttributionEngine engine;
  // Fresh buffers: a new thread.
  std::string fresh_short, fresh_long;
  std::thread([&] {
    fresh_short = Describe(engine.Extract(short_doc));
    fresh_long = Describe(engine.Extract(long_doc));
  }).join();
  ASSERT_FALSE(fresh_short.empty());
  ASSERT_FALSE(fresh_long.empty());

  EXPECT_EQ(Describe(engine.Extract(long_doc)), fresh_long);
  EXPECT_EQ(Describe(engine.Extract(short_doc)), fresh_short);
  EXPECT_EQ(Describe(engine.Extract(long_doc)), fresh_long);

  // A document large enough that its buffers are released afterwards.
  std::string huge;
  while (huge.size() < (size_t{5} << 20)) {
    huge += long_doc;
    huge += "\n";
  }
  EXPECT_FALSE(engine.Extract(huge).empty());
  EXPECT_EQ(Describe(engine.Extract(short_doc)), fresh_short);
  EXPECT_EQ(Describe(engine.Extract(long_doc)), fresh_long);
}

// The thread keeps parsed speaker phrases from one article to the next;
// what a phrase refers to is still resolved in each article.
TEST(EngineScratchTest, SpeakerPhrasesResolveInTheirOwnDocument) {
  const AttributionEngine engine;
  const std::string first =
      "Mayor Tom Lee opened the bridge. He said the repairs were done.";
  const std::string second =
      "Governor Ana Ruiz visited the plant. He said the jobs would stay.";
  std::vector<Statement> fresh;
  std::thread([&] { fresh = engine.Extract(second); }).join();
  ASSERT_FALSE(engine.Extract(first).empty());
  const std::vector<Statement> after = engine.Extract(second);
  EXPECT_EQ(Describe(after), Describe(fresh));
  bool resolved = false;
  for (const Statement& s : after) {
    if (s.mention.has_value() && s.mention->text == "He") {
      EXPECT_EQ(s.speaker.name, "Ana Ruiz");
      resolved = true;
    }
  }
  EXPECT_TRUE(resolved);
}

// Many distinct speaker phrases overflow the cache, which is then
// dropped; results do not change.
TEST(EngineScratchTest, SpeakerCacheOverflowChangesNothing) {
  const AttributionEngine engine;
  const std::string probe = "Mayor Tom Lee said the plan would fail.";
  std::string fresh;
  std::thread([&] { fresh = Describe(engine.Extract(probe)); }).join();
  for (int i = 0; i < 4000; ++i) {
    const std::string doc = "Officer Number" + std::to_string(i) +
                            " Smith of the precinct said the road was closed.";
    engine.Extract(doc);
  }
  EXPECT_EQ(Describe(engine.Extract(probe)), fresh);
}

}  // namespace
}  // namespace claimtrack::engine
