// Tests for the rules added for the annotated-news conventions (issue 3):
// typewriter quotes, plural-present and attitude cues, participle cues,
// long subjects and appositives, "that" as complementizer, clause ends,
// quote-first partial clauses, continuation across paragraphs, cue case.
// Every sentence is hand-written.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/extraction/engine/attribution_engine.h"

namespace claimtrack::engine {
namespace {

class CorpusRulesTest : public ::testing::Test {
 protected:
  const std::vector<Statement>& Run(const std::string& text) {
    text_ = text;
    out_.clear();
    for (Statement& s : engine_.Extract(text_)) {
      if (s.kind != StatementKind::kFactualClaim) {
        out_.push_back(std::move(s));
      }
    }
    return out_;
  }

  const Statement* Find(const std::string& content) const {
    for (const Statement& s : out_) {
      if (s.content == content) {
        return &s;
      }
    }
    return nullptr;
  }

  std::string Slice(ByteSpan span) const {
    return text_.substr(span.begin, span.end - span.begin);
  }

  std::string Dump() const {
    std::string d;
    for (const Statement& s : out_) {
      d += "[" + std::string(s.rule) + "] " +
           (s.mention ? s.mention->text : "-") + " | " +
           (s.cue ? s.cue->text : "-") + " | " + s.content + "\n";
    }
    return d;
  }

  AttributionEngine engine_;
  std::string text_;
  std::vector<Statement> out_;
};

TEST_F(CorpusRulesTest, TypewriterQuotesPairLikeCurlyOnes) {
  Run("''The ferry will run all winter,'' said Nora Blake.\n"
      "``We are not moving,'' the tenants said.\n");
  const Statement* a = Find("The ferry will run all winter");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->kind, StatementKind::kDirectQuote);
  EXPECT_EQ(a->mention->text, "Nora Blake");
  const Statement* b = Find("We are not moving");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "the tenants");
}

TEST_F(CorpusRulesTest, PluralPresentCueAfterPluralSubject) {
  Run("Farmers say the new canal floods their fields.");
  const Statement* s = Find("the new canal floods their fields");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Farmers");
  EXPECT_EQ(s->cue->text, "say");
  EXPECT_EQ(s->rule, "reported.speaker_cue");
}

TEST_F(CorpusRulesTest, BaseFormWithoutPluralSubjectIsNoCue) {
  // "to say" and a singular noun before a base form are not attributions.
  Run("The plan was hard to say out loud.\n");
  EXPECT_TRUE(out_.empty()) << Dump();
}

TEST_F(CorpusRulesTest, AttitudeAndIntentionCuesKeepTheInfinitive) {
  Run("The mayor wants to rebuild the old pier.\n"
      "Planners believe the levy helps small firms.\n");
  const Statement* want = Find("to rebuild the old pier");
  ASSERT_NE(want, nullptr) << Dump();
  EXPECT_EQ(want->cue->text, "wants");
  const Statement* believe = Find("the levy helps small firms");
  ASSERT_NE(believe, nullptr) << Dump();
  EXPECT_EQ(believe->mention->text, "Planners");
}

TEST_F(CorpusRulesTest, ComplementizerIsRecordedButNotContent) {
  Run("The inspector said that the bridge was safe.");
  const Statement* s = Find("the bridge was safe");
  ASSERT_NE(s, nullptr) << Dump();
  ASSERT_TRUE(s->complementizer.has_value());
  EXPECT_EQ(Slice(*s->complementizer), "that");
}

TEST_F(CorpusRulesTest, ParticipleCueTakesTheClauseSubject) {
  Run("The council voted against the plan on Monday, saying it cost too "
      "much.");
  const Statement* s = Find("it cost too much");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->rule, "reported.participle_cue");
  EXPECT_EQ(s->mention->text, "The council");
  EXPECT_EQ(s->cue->text, "saying");
}

TEST_F(CorpusRulesTest, ParticipleCueReusesTheEarlierSpeaker) {
  Run("Vera Lind said the vote was fair, adding that a recount was "
      "pointless.");
  const Statement* first = Find("the vote was fair");
  ASSERT_NE(first, nullptr) << Dump();
  const Statement* second = Find("a recount was pointless");
  ASSERT_NE(second, nullptr) << Dump();
  EXPECT_EQ(second->mention->text, "Vera Lind");
  EXPECT_EQ(second->cue->text, "adding");
}

TEST_F(CorpusRulesTest, LowerCaseHeadedSubjectFromSentenceStart) {
  Run("Most of the jurors said the trial ran long.\n"
      "Nearly six in 10 said the economy was their main worry.\n");
  const Statement* a = Find("the trial ran long");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Most of the jurors");
  const Statement* b = Find("the economy was their main worry");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Nearly six in 10");
}

TEST_F(CorpusRulesTest, LeadingConjunctionIsNotPartOfTheSpeaker) {
  Run("But Halvorsen said the port would stay open.");
  const Statement* s = Find("the port would stay open");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Halvorsen");
}

TEST_F(CorpusRulesTest, DeterminedNounPhraseIsASpeaker) {
  Run("The pumps were old, the inspector said.");
  const Statement* s = Find("The pumps were old");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "the inspector");
  EXPECT_EQ(s->rule, "reported.trailing_cue");
}

TEST_F(CorpusRulesTest, AppositiveWithCommasInsideIt) {
  Run("Tom Ashby, the director of Harbor Watch, a group that sued the city, "
      "said the dredging must stop.");
  const Statement* s = Find("the dredging must stop");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Tom Ashby");
  ASSERT_TRUE(s->mention_appositive.has_value());
  EXPECT_EQ(Slice(*s->mention_appositive),
            "the director of Harbor Watch, a group that sued the city");
}

TEST_F(CorpusRulesTest, IncidentalRelativeClauseIsLeftOutOfTheSource) {
  Run("Two nurses, who asked not to be named, said staff learned of the "
      "closures on the radio.");
  const Statement* s =
      Find("staff learned of the closures on the radio");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Two nurses");
  EXPECT_FALSE(s->mention_appositive.has_value());
}

TEST_F(CorpusRulesTest, RoleThenNameAppositive) {
  Run("The county spokesman, Eli Moss, said the roads were clear.");
  const Statement* s = Find("the roads were clear");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "The county spokesman");
}

TEST_F(CorpusRulesTest, InvertedTrailingSpeakerWithRelativeClauseAfter) {
  Run("The dam will hold for decades, said Ruth Okafor, a hydrologist at "
      "Bellmere, who studied it in 2019.");
  const Statement* s = Find("The dam will hold for decades");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Ruth Okafor");
}

TEST_F(CorpusRulesTest, ReportedContentEndsAtACoordinatedClause) {
  Run("Organizers said the fair would move to May, but they kept the "
      "location secret.");
  const Statement* s = Find("the fair would move to May");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Organizers");
}

TEST_F(CorpusRulesTest, SecondCueOnTheSameSubjectStartsANewStatement) {
  Run("Podolski denied the report and said the deal was dead.");
  ASSERT_NE(Find("the report"), nullptr) << Dump();
  ASSERT_NE(Find("the deal was dead"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, WordsBeforeAQuoteMakeAPartialQuoteClause) {
  Run("The proposal is a \"raw deal,\" Ms. Ortiz said.");
  const Statement* s = Find("The proposal is a \"raw deal,\"");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->kind, StatementKind::kPartialQuote);
  EXPECT_EQ(s->rule, "quote.partial_clause_speaker_after");
  ASSERT_EQ(s->quoted_fragments.size(), 1u);
  EXPECT_EQ(s->quoted_fragments[0].text, "raw deal");
}

TEST_F(CorpusRulesTest, QuotedTitleInContextDoesNotStopTheSplitQuote) {
  Run("\"The ferry will run all year,\" Okafor said on the radio show "
      "\"Morning Line.\" \"Bring a coat.\"");
  const Statement* s = Find("The ferry will run all year Bring a coat");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->content_spans.size(), 2u);
}

TEST_F(CorpusRulesTest, QuotedParagraphContinuesThePreviousSpeaker) {
  Run("\"The levee held,\" the engineer said.\n\n"
      "\"We were lucky this time.\"\n");
  const Statement* s = Find("The levee held We were lucky this time");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "the engineer");
}

TEST_F(CorpusRulesTest, QuotedParagraphAfterNarrationIsNotJoined) {
  Run("\"The levee held,\" the engineer said.\n\n"
      "The river fell overnight.\n\n"
      "\"We were lucky this time.\"\n");
  EXPECT_NE(Find("The levee held"), nullptr) << Dump();
  EXPECT_EQ(Find("The levee held We were lucky this time"), nullptr)
      << Dump();
}

TEST_F(CorpusRulesTest, AdjacentSpeakerQuoteCarriesTheWrittenMention) {
  Run("Lena Park spoke for an hour. She said the budget was tight. "
      "\"We cut everything we could.\"");
  const Statement* s = Find("We cut everything we could");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_FALSE(s->mention.has_value());
  ASSERT_TRUE(s->antecedent.has_value());
  EXPECT_EQ(s->antecedent->text, "She");
}

TEST_F(CorpusRulesTest, CapitalizedCueWordInsideANameIsNoCue) {
  Run("Officials in the United States expect rain.\n");
  for (const Statement& s : out_) {
    ASSERT_TRUE(s.cue.has_value());
    EXPECT_NE(s.cue->text, "States") << Dump();
  }
}

TEST_F(CorpusRulesTest, PastParticipleCueNeedsANameOrPronoun) {
  Run("A group called Clean Harbor filed suit.\n"
      "She called the ruling a disgrace.\n");
  EXPECT_EQ(Find("Clean Harbor filed suit"), nullptr) << Dump();
  const Statement* s = Find("the ruling a disgrace");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->cue->text, "called");
}

TEST_F(CorpusRulesTest, RelativePronounSourceStaysAsWritten) {
  Run("The union, which says the plant is unsafe, met on Friday.");
  const Statement* s = Find("the plant is unsafe");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "which");
}


TEST_F(CorpusRulesTest, ProgressiveAndAbsoluteParticipleCues) {
  Run("The governor is calling for a new levy on trucks.\n"
      "The vote split the party, with Okafor warning of a long fight.\n");
  // The particle joins the cue ("calling for"), as the corpus draws it.
  const Statement* a = Find("a new levy on trucks");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "is calling for");
  const Statement* b = Find("a long fight");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Okafor");
}

TEST_F(CorpusRulesTest, PrepositionJoinsTheCueButInfinitiveToDoesNot) {
  Run("Rivera talked about the budget for an hour.\n"
      "The mayor pointed to the new bridge.\n"
      "Rivera hopes to win the seat.\n");
  const Statement* a = Find("the budget for an hour");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "talked about");
  const Statement* b = Find("the new bridge");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "pointed to");
  const Statement* c = Find("to win the seat");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->cue->text, "hopes");
}

TEST_F(CorpusRulesTest, ByParticipleTakesTheClauseSubject) {
  Run("The senator answered the charge by citing a poll of farmers.");
  const Statement* s = Find("a poll of farmers");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "The senator");
  EXPECT_EQ(s->cue->text, "citing");
}

TEST_F(CorpusRulesTest, RelativeThatIsTheSourceAsWritten) {
  Run("Shop owners backed the rules that warn drivers about the bridge.");
  const Statement* s = Find("drivers about the bridge");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "that");
}

TEST_F(CorpusRulesTest, PossessiveNounCue) {
  Run("Voters recalled his warning that the mill would close.\n");
  const Statement* s = Find("the mill would close");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->rule, "reported.possessive_noun_cue");
  EXPECT_EQ(s->mention->text, "his");
  EXPECT_EQ(s->cue->text, "warning");
}

TEST_F(CorpusRulesTest, SpeakerLabelWithColonRunsToParagraphEnd) {
  Run("Q: Why did you run? What changed this year?\n"
      "HALE: The district needed a voice. I had the time.\n");
  const Statement* q = Find("Why did you run? What changed this year?");
  ASSERT_NE(q, nullptr) << Dump();
  EXPECT_EQ(q->rule, "label.speaker_colon");
  EXPECT_EQ(q->mention->text, "Q");
  EXPECT_EQ(q->cue->text, ":");
  const Statement* a = Find("The district needed a voice. I had the time");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "HALE");
}

TEST_F(CorpusRulesTest, RecipientOfToldIsLeftOutOfTheContent) {
  Run("Marsh told a school board in Dover on Friday that the bus route "
      "would change.");
  const Statement* s = Find("the bus route would change");
  ASSERT_NE(s, nullptr) << Dump();
  ASSERT_TRUE(s->complementizer.has_value());
}

TEST_F(CorpusRulesTest, TypoClosingMarkClosesTheQuote) {
  // U+201C used as the closing mark by mistake.
  Run("\xE2\x80\x9C" "Not yet," "\xE2\x80\x9C" " she said. "
      "\xE2\x80\x9C" "The vote is Friday." "\xE2\x80\x9D");
  const Statement* s = Find("Not yet The vote is Friday");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->kind, StatementKind::kDirectQuote);
}

TEST_F(CorpusRulesTest, QuestionInQuotesBeforeTheSpeakerIsOneSentence) {
  Run("\"When does the pool open?\" Okafor asked at the meeting. \"Not "
      "before June.\"");
  const Statement* s = Find("When does the pool open? Not before June");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Okafor");
}

TEST_F(CorpusRulesTest, PluralSubjectsThatAreDeterminersOrCounts) {
  Run("Some say the toll is too high.\n"
      "Nearly six in 10 say they will vote.\n"
      "Farm groups in Iowa say the rule hurts growers.\n");
  const Statement* a = Find("the toll is too high");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Some");
  const Statement* b = Find("they will vote");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Nearly six in 10");
  const Statement* c = Find("the rule hurts growers");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "Farm groups in Iowa");
}

TEST_F(CorpusRulesTest, AskedIntroducesAQuestionWithoutSource) {
  Run("Asked whether she would run again, Ms. Hale said she was tired.");
  const Statement* q = Find("whether she would run again");
  ASSERT_NE(q, nullptr) << Dump();
  EXPECT_EQ(q->rule, "reported.asked_intro");
  EXPECT_FALSE(q->mention.has_value());
  const Statement* a = Find("she was tired");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Ms. Hale");
}

TEST_F(CorpusRulesTest, QuoteAfterTheRecipientOfTold) {
  Run("Ortiz told reporters in Salem, \"We will finish the road.\"");
  const Statement* s = Find("We will finish the road");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->kind, StatementKind::kDirectQuote);
  EXPECT_EQ(s->cue->text, "told reporters");
}

TEST_F(CorpusRulesTest, ParentheticalAfterANameStaysInTheSource) {
  Run("Rep. Ann Roe (D-Ohio) said the bill would fail.");
  const Statement* s = Find("the bill would fail");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Rep. Ann Roe (D-Ohio)");
}

TEST_F(CorpusRulesTest, ReportedContentStopsBeforeAnotherSpeakersClause) {
  Run("The ferry missed three sailings, and the harbor master said the "
      "engine had failed.");
  const Statement* s = Find("the engine had failed");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "the harbor master");
}

TEST_F(CorpusRulesTest, AttitudeAdjectiveWithAComplement) {
  Run("The mayor is confident that the bridge will open.\n"
      "Voters were skeptical of the plan.\n"
      "The hall was full.\n");
  const Statement* a = Find("the bridge will open");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "is confident");
  const Statement* b = Find("the plan");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "were skeptical of");
  EXPECT_EQ(out_.size(), 2u) << Dump();
}

TEST_F(CorpusRulesTest, AnswerAndBylineLabelsAreNotSpeakers) {
  Run("A: We will see.\nUPDATE: The vote moved to Friday.\n"
      "Just Leaked: The Ferry Board Has A Secret Plan.\n"
      "Editor's Note: This story was updated.\nMoss: 2,316\n");
  for (const Statement& s : out_) {
    EXPECT_NE(s.rule, "label.speaker_colon") << Dump();
  }
}

TEST_F(CorpusRulesTest, HeadlineTagWordsOnlyEndALabel) {
  // "Watch" alone is an invitation; "Harbor Watch" is a name.
  Run("Harbor Watch: The ferry is unsafe.\n");
  const Statement* a = Find("The ferry is unsafe");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Harbor Watch");
}

TEST_F(CorpusRulesTest, DecliningIsAnAttribution) {
  Run("The ferry company declined to discuss the delays.");
  const Statement* s = Find("to discuss the delays");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "The ferry company");
  EXPECT_EQ(s->cue->text, "declined");
}

TEST_F(CorpusRulesTest, ColonIntroTakesTheQuoteOfTheNextParagraph) {
  Run("At the rally, the governor said:\n\n"
      "\"We will rebuild every bridge. Every one.\"\n");
  const Statement* s = Find("We will rebuild every bridge. Every one");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->rule, "quote.colon_intro");
  EXPECT_EQ(s->mention->text, "the governor");
  EXPECT_EQ(s->cue->text, "said:");
}

// Rules added in rules-0.3.0.

TEST_F(CorpusRulesTest, ParentheticalFrameSplitsTheContent) {
  Run("The goal, he said, is to reach a durable truce.");
  const Statement* s = Find("The goal is to reach a durable truce");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->rule, "reported.parenthetical_cue");
  ASSERT_EQ(s->content_spans.size(), 2u);
  EXPECT_EQ(Slice(s->content_spans[0]), "The goal");
  EXPECT_EQ(Slice(s->content_spans[1]), "is to reach a durable truce");
  EXPECT_EQ(s->mention->text, "he");
}

TEST_F(CorpusRulesTest, ParentheticalLeadLeavesTheIntroductionOut) {
  Run("In the spring, the levy, she said, will be lowered.");
  const Statement* s = Find("the levy will be lowered");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "she");
}

TEST_F(CorpusRulesTest, IntroductionThenSpeakerThenContextThenThat) {
  Run("In his reply, Tom Berg, the head of the school, said on Tuesday that "
      "he had read the letter.");
  const Statement* s = Find("he had read the letter");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Tom Berg");
  EXPECT_EQ(s->rule, "reported.speaker_cue");
}

TEST_F(CorpusRulesTest, VerbsOfAnAskedQuestionAreNoCues) {
  Run("Asked what he wanted, Lund added that they have to win.");
  const Statement* s = Find("they have to win");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Lund");
  EXPECT_EQ(s->cue->text, "added");
}

TEST_F(CorpusRulesTest, WhenAskedHasNoSubject) {
  Run("When asked, Lund said that they have to win.");
  const Statement* s = Find("they have to win");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Lund");
  EXPECT_EQ(out_.size(), 1u) << Dump();
}

TEST_F(CorpusRulesTest, AddedClausesEndReportedContent) {
  Run("The mayor said the bridge will reopen, even as critics warned of "
      "delays.\n"
      "The board said the fares will rise next year, after it voted "
      "twice.\n");
  EXPECT_NE(Find("the bridge will reopen"), nullptr) << Dump();
  EXPECT_NE(Find("the fares will rise next year"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, CommaAfterAFrontedSubordinateClauseKeepsTheContent) {
  Run("He promised that if voters backed him, he would fight for them.");
  const Statement* s = Find("if voters backed him, he would fight for them");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->cue->text, "promised");
}

TEST_F(CorpusRulesTest, AccordingToAfterAShortIntroductionLeads) {
  Run("In addition, according to the ministry, nine million more workers "
      "will qualify.");
  const Statement* s = Find("nine million more workers will qualify");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "the ministry");
  EXPECT_EQ(s->rule, "according_to.leading");
}

// rules-0.10.0: the source vouches for the whole clause before it, a
// relative clause included (the corpus annotates it so in most of the
// split's cases; rules-0.3.0 took the relative clause alone).
TEST_F(CorpusRulesTest, TrailingAccordingToVouchesForTheWholeClause) {
  Run("The council set up a fund, which will pay for the roads, according "
      "to city officials.");
  const Statement* s =
      Find("The council set up a fund, which will pay for the roads");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "city officials");
}

TEST_F(CorpusRulesTest, SubordinatorIsNotPartOfTheSpeaker) {
  Run("While critics argue that the plan costs too much, the mayor has "
      "defended it.\n"
      "After Lee said that the roads were bad, Roe said: \"They are fine.\"\n");
  const Statement* a = Find("the plan costs too much");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "critics");
  const Statement* b = Find("the roads were bad");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Lee");
  const Statement* c = Find("They are fine");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "Roe");
}

TEST_F(CorpusRulesTest, ParticipleAfterAPrepositionIsNoCue) {
  Run("In describing the plan, Lee said it would cost too much.");
  for (const Statement& s : out_) {
    EXPECT_NE(s.mention->text, "In") << Dump();
  }
  const Statement* s = Find("it would cost too much");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Lee");
}

TEST_F(CorpusRulesTest, MorePluralSubjectsOfBaseForms) {
  Run("Others, however, say a change is overdue.\n"
      "City police say they have not found the driver.\n"
      "One in five say the plan will fail.\n");
  const Statement* a = Find("a change is overdue");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Others");
  const Statement* b = Find("they have not found the driver");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "City police");
  const Statement* c = Find("the plan will fail");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "One in five");
}

TEST_F(CorpusRulesTest, SubjectVerbPhraseColonQuote) {
  Run("The board was blunt in its findings: \"No more money will be "
      "spent.\"\n"
      "Ann Roe, the party's nominee, had a short reply: \"We will win.\"\n");
  const Statement* a = Find("No more money will be spent");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->kind, StatementKind::kDirectQuote);
  EXPECT_EQ(a->rule, "quote.subject_colon");
  EXPECT_EQ(a->mention->text, "The board");
  EXPECT_EQ(a->cue->text, "was blunt in its findings:");
  const Statement* b = Find("We will win");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Ann Roe");
  ASSERT_TRUE(b->mention_appositive.has_value());
  EXPECT_EQ(Slice(*b->mention_appositive), "the party's nominee");
  EXPECT_EQ(b->cue->text, "had a short reply:");
}

TEST_F(CorpusRulesTest, ContextPhraseThenQuoteAfterItsComma) {
  Run("Lee said in a statement on Monday, \"We are ready.\"");
  const Statement* s = Find("We are ready");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->kind, StatementKind::kDirectQuote);
  EXPECT_EQ(s->mention->text, "Lee");
  ASSERT_TRUE(s->context.has_value());
  EXPECT_EQ(s->context->text, "in a statement on Monday");
}

TEST_F(CorpusRulesTest, CompleteQuoteAfterTheCueEndsTheContent) {
  Run("The senator said \"Build it now!\" as the crowd cheered.");
  const Statement* s = Find("Build it now!");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->kind, StatementKind::kDirectQuote);
  EXPECT_EQ(s->mention->text, "The senator");
}

TEST_F(CorpusRulesTest, UnattributedQuoteJoinsTheNextSentencesQuote) {
  Run("The phone rang. \"We are calling from the campaign.\" \"We are "
      "talking with voters like you,\" Miller said.");
  const Statement* s = Find(
      "We are calling from the campaign We are talking with voters like "
      "you");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->rule, "quote.split_across_sentences");
  EXPECT_EQ(s->mention->text, "Miller");
  EXPECT_EQ(s->content_spans.size(), 2u);
}

TEST_F(CorpusRulesTest, QuoteAfterAnAsideContinuesTheParagraphsQuote) {
  Run("\"We will win,\" said Ana Ruiz, a county clerk. She has run twice "
      "before. \"Nobody works harder.\"");
  const Statement* s = Find("We will win Nobody works harder");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Ana Ruiz");
  EXPECT_EQ(s->rule, "quote.split_across_sentences");
}

TEST_F(CorpusRulesTest, TimePhraseBeforeAClauseWithoutThat) {
  Run("Lund said Monday the judges might be biased.\n"
      "The mayor said last week the bridge would reopen.\n");
  const Statement* a = Find("the judges might be biased");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->context->text, "Monday");
  const Statement* b = Find("the bridge would reopen");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->context->text, "last week");
}

TEST_F(CorpusRulesTest, CueFormAfterAPrepositionIsAnAdjective) {
  Run("She holds a lead in pledged delegates across the state.\n"
      "A former Ohio state senator joined the race.\n");
  EXPECT_TRUE(out_.empty()) << Dump();
}

TEST_F(CorpusRulesTest, ParticipleAfterACommaInsideTheClosingMark) {
  Run("She said the plan was \"a disaster,\" adding that it would cost too "
      "much.");
  const Statement* a = Find("the plan was \"a disaster,\"");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->kind, StatementKind::kPartialQuote);
  const Statement* b = Find("it would cost too much");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "She");
  EXPECT_EQ(b->cue->text, "adding");
}

TEST_F(CorpusRulesTest, RelativeClauseAfterACommaInsideTheClosingMark) {
  Run("Lee said the deal was \"a fair one,\" which surprised the council.");
  const Statement* s = Find("the deal was \"a fair one,\"");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Lee");
}

TEST_F(CorpusRulesTest, CapitalizedCueInATitleCaseHeadline) {
  Run("Chris Roe Says Voters Deserve Better\n\n"
      "The United States Says Little.\n");
  const Statement* s = Find("Voters Deserve Better");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->mention->text, "Chris Roe");
  EXPECT_EQ(s->cue->text, "Says");
}

TEST_F(CorpusRulesTest, CapitalizedCueOutsideAHeadlineIsAName) {
  Run("Officials from the United States Said Group met in Ohio on Monday.");
  EXPECT_TRUE(out_.empty()) << Dump();
}

TEST_F(CorpusRulesTest, PassiveWithAnAgentAttributesToTheAgent) {
  Run("The new levy was praised by farm groups across the county.");
  const Statement* s = Find("The new levy");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->rule, "reported.passive_by_agent");
  EXPECT_EQ(s->mention->text, "farm groups across the county");
  EXPECT_EQ(s->cue->text, "was praised");
}

TEST_F(CorpusRulesTest, AgentlessPassiveHasNoSourceAndTwoContentParts) {
  Run("The mayor is seen as the likelier winner.\n"
      "Lee is expected to win the race.\n");
  const Statement* a = Find("The mayor the likelier winner");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "reported.passive");
  EXPECT_FALSE(a->mention.has_value());
  EXPECT_EQ(a->cue->text, "is seen as");
  ASSERT_EQ(a->content_spans.size(), 2u);
  EXPECT_EQ(Slice(a->content_spans[0]), "The mayor");
  const Statement* b = Find("Lee to win the race");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_FALSE(b->mention.has_value());
}

TEST_F(CorpusRulesTest, LoneIntroductoryPhraseIsNoTrailingContent) {
  Run("In recent weeks, the mayor has agreed.\n"
      "The levy is too high, the mayor said.\n");
  EXPECT_EQ(Find("In recent weeks"), nullptr) << Dump();
  EXPECT_NE(Find("The levy is too high"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, RaisingVerbHasNoSourceAndTakesTheSubject) {
  Run("The race seems close.\n"
      "Lee appeared to concede the race.\n"
      "Ana Ruiz appeared on television.\n");
  const Statement* a = Find("The race close");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "reported.raising_verb");
  EXPECT_FALSE(a->mention.has_value());
  EXPECT_NE(Find("Lee to concede the race"), nullptr) << Dump();
  EXPECT_EQ(out_.size(), 2u) << Dump();
}

// rules-0.4.0.

TEST_F(CorpusRulesTest, ParticipleRecipientIsLeftOutOfTheContent) {
  Run("The mayor defended the levy, telling the council, \"We have no "
      "choice.\"\n"
      "Roe backed the plan, reminding voters that the bridge is old.\n");
  const Statement* a = Find("We have no choice");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "The mayor");
  EXPECT_EQ(a->cue->text, "telling the council");
  const Statement* b = Find("the bridge is old");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Roe");
  ASSERT_TRUE(b->complementizer.has_value());
  EXPECT_EQ(Slice(*b->complementizer), "that");
}

TEST_F(CorpusRulesTest, CountedSubjectBeforeSpeechVerb) {
  Run("Two in three said the ferry runs too rarely.\n"
      "Nearly one in five said the fare is fair.\n"
      "The two claims were dismissed.\n");
  const Statement* a = Find("the ferry runs too rarely");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Two in three");
  const Statement* b = Find("the fare is fair");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Nearly one in five");
  EXPECT_EQ(out_.size(), 2u) << Dump();
}

TEST_F(CorpusRulesTest, BareCueSentenceIntroducesTheNextQuote) {
  Run("The council met on Monday. Ana Ruiz agreed. \"The levy is too "
      "high.\"\n");
  const Statement* a = Find("The levy is too high");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "quote.cue_intro");
  EXPECT_EQ(a->mention->text, "Ana Ruiz");
  EXPECT_EQ(a->cue->text, "agreed");
}

TEST_F(CorpusRulesTest, StateAbbreviationsKeepAppositivesAndEndSentences) {
  Run("\"We won,\" Lee Roe, 41, a nurse in Erie, Pa., said.\n"
      "The team flew home to Erie, Pa. \"It was a long year,\" Roe said.\n");
  const Statement* a = Find("We won");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Lee Roe");
  const Statement* b = Find("It was a long year");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->rule, "quote.speaker_cue_after");
}

TEST_F(CorpusRulesTest, PrepositionObjectBeforeThatIsNoContent) {
  Run("Most residents agreed with the mayor that the levy is too high.\n"
      "Roe wrote to his 20,000 followers, \"The ferry stays.\"\n");
  const Statement* a = Find("the levy is too high");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "agreed with");
  ASSERT_TRUE(a->complementizer.has_value());
  const Statement* b = Find("The ferry stays");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->kind, StatementKind::kDirectQuote);
  EXPECT_EQ(b->mention->text, "Roe");
}

TEST_F(CorpusRulesTest, RelativePronounBeforeSpeakerOpensTheContent) {
  Run("The council passed the levy, which Roe said would ruin the town.\n");
  const Statement* a = Find("which would ruin the town");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "reported.relative_clause_cue");
  EXPECT_EQ(a->mention->text, "Roe");
  ASSERT_EQ(a->content_spans.size(), 2u);
  EXPECT_EQ(Slice(a->content_spans[0]), "which");
  Run("Lee praised what she called \"a fine campaign.\"\n");
  const Statement* b = Find("what a fine campaign");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->kind, StatementKind::kPartialQuote);
  EXPECT_EQ(b->mention->text, "she");
}

TEST_F(CorpusRulesTest, SplitQuoteAroundCueWithTopic) {
  Run("\"You have to adapt,\" he said of the mayor, \"whether you run a "
      "shop or a city.\"\n");
  const Statement* a =
      Find("You have to adapt whether you run a shop or a city");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "quote.split");
  ASSERT_EQ(a->content_spans.size(), 2u);
}

TEST_F(CorpusRulesTest, PrepositionToJoinsTheCueBeforeNonVerbs) {
  Run("Roe pointed to polls showing a close race.\n"
      "Lee admitted to misleading the board.\n"
      "Ana Ruiz wants to bring the ferry back.\n");
  const Statement* a = Find("polls showing a close race");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "pointed to");
  const Statement* b = Find("misleading the board");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "admitted to");
  const Statement* c = Find("to bring the ferry back");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->cue->text, "wants");
}

TEST_F(CorpusRulesTest, AttitudeAdjectiveInEdIsNoPassive) {
  Run("Lee is convinced that the ferry will run all winter.\n"
      "Most farmers are worried about the new levy.\n");
  const Statement* a = Find("the ferry will run all winter");
  ASSERT_NE(a, nullptr) << Dump();
  ASSERT_TRUE(a->mention.has_value()) << Dump();
  EXPECT_EQ(a->mention->text, "Lee");
  EXPECT_EQ(a->cue->text, "is convinced");
  const Statement* b = Find("the new levy");
  ASSERT_NE(b, nullptr) << Dump();
  ASSERT_TRUE(b->mention.has_value()) << Dump();
  EXPECT_EQ(b->mention->text, "Most farmers");
}

TEST_F(CorpusRulesTest, ParticipleTakesTheOutermostSpeakerAndSkipsDatelines) {
  Run("WASHINGTON \xE2\x80\x94 Senator Ana Ruiz visited the town on Monday, "
      "saying the bridge is old.\n"
      "Roe said he plans to run again, insisting the town needs a new "
      "ferry.\n");
  const Statement* a = Find("the bridge is old");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Senator Ana Ruiz");
  const Statement* b = Find("the town needs a new ferry");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Roe");
}

TEST_F(CorpusRulesTest, NameGluedToColonBeforeQuoteIsTheSpeaker) {
  Run("The result did not surprise pollster Ana Ruiz: \"Turnout decides "
      "these races.\"\n"
      "Then the laugh line: \"I want to do this myself.\"\n");
  const Statement* a = Find("Turnout decides these races");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "quote.name_colon");
  EXPECT_EQ(a->mention->text, "Ana Ruiz");
  EXPECT_EQ(a->cue->text, ":");
  // "line" is no name.
  EXPECT_EQ(out_.size(), 1u) << Dump();
}

TEST_F(CorpusRulesTest, ReadIsACueOnlyNextToAQuote) {
  Run("\"Our movement is growing,\" read the email. \"And we grow "
      "stronger.\"\n"
      "The sign read: \"No more tolls.\"\n"
      "She read the report twice.\n");
  const Statement* a = Find("Our movement is growing And we grow stronger");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "the email");
  const Statement* b = Find("No more tolls");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "The sign");
  EXPECT_EQ(out_.size(), 2u) << Dump();
}

TEST_F(CorpusRulesTest, AsSpeakerPutIt) {
  Run("As the mayor put it, \"The ferry is our lifeline.\"\n"
      "He put it on the table.\n");
  const Statement* a = Find("The ferry is our lifeline");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "the mayor");
  EXPECT_EQ(a->cue->text, "put it");
  EXPECT_EQ(out_.size(), 1u) << Dump();
}

TEST_F(CorpusRulesTest, ThreeApostrophesPluralPossessivesAndPartyStates) {
  Run("''I would use the word 'old-school,''' said Ana Ruiz, a donor.\n"
      "\"We are growing,\" Lee Roe, the Ruizes' campaign manager, said. "
      "\"We will win.\"\n"
      "\"That is not our view,\" Senator Mitch Lee, R-Ky., said.\n");
  const Statement* a = Find("I would use the word 'old-school,'");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Ana Ruiz");
  const Statement* b = Find("We are growing We will win");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Lee Roe");
  const Statement* c = Find("That is not our view");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "Senator Mitch Lee");
}

TEST_F(CorpusRulesTest, SentenceOpeningWithSaid) {
  Run("The ferry stopped. Said Lee, \"The thought is painful to us.\"\n"
      "Said Ana Ruiz, who grew up here, \"We were all so proud of him.\"\n");
  const Statement* a = Find("The thought is painful to us");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "quote.said_first");
  EXPECT_EQ(a->mention->text, "Lee");
  EXPECT_EQ(a->cue->text, "Said");
  const Statement* b = Find("We were all so proud of him");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Ana Ruiz");
}

TEST_F(CorpusRulesTest, CompoundAdjectiveInSpeakerPhrase) {
  Run("\"We will stop it,\" the conservative-leaning newspaper wrote.\n");
  const Statement* a = Find("We will stop it");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "the conservative-leaning newspaper");
}

TEST_F(CorpusRulesTest, InvertedAskedTakesTheNameAsSpeaker) {
  Run("\"Why should the nomination be taken from him?\" asked Bennett, a "
      "radio host. \"We have tried for years.\"\n");
  const Statement* a =
      Find("Why should the nomination be taken from him? We have tried for "
           "years");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Bennett");
  EXPECT_EQ(a->cue->text, "asked");
}

// Rules added in rules-0.4.1.

TEST_F(CorpusRulesTest, ParentheticalLeadKeepsAFrontedClause) {
  Run("If the levy fails, Ruiz said, the pool will close in June.");
  const Statement* s = Find("If the levy fails the pool will close in June");
  ASSERT_NE(s, nullptr) << Dump();
  EXPECT_EQ(s->rule, "reported.parenthetical_cue");
  ASSERT_EQ(s->content_spans.size(), 2u);
  EXPECT_EQ(Slice(s->content_spans[0]), "If the levy fails");
  EXPECT_EQ(Slice(s->content_spans[1]), "the pool will close in June");
  EXPECT_EQ(s->mention->text, "Ruiz");

  Run("In particular, she said, the board will meet twice a month.");
  const Statement* t =
      Find("In particular the board will meet twice a month");
  ASSERT_NE(t, nullptr) << Dump();
  EXPECT_EQ(t->rule, "reported.parenthetical_cue");
}

// Rules added in rules-0.5.0.

TEST_F(CorpusRulesTest, CurlyPluralPossessiveStaysInTheAppositive) {
  // The typographic apostrophe (U+2019) after a plural is part of the
  // word, as the ASCII one is ("the Harbors' spokeswoman"), not a stray
  // quote mark that would end the speaker's appositive.
  Run("\xE2\x80\x9C"
      "The ferry will run all winter,"
      "\xE2\x80\x9D"
      " Nora Blake, the Harbors"
      "\xE2\x80\x99"
      " spokeswoman, said in a "
      "statement.\n");
  const Statement* a = Find("The ferry will run all winter");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Nora Blake");
  ASSERT_TRUE(a->mention_appositive.has_value()) << Dump();
  EXPECT_EQ(Slice(*a->mention_appositive),
            "the Harbors"
            "\xE2\x80\x99"
            " spokeswoman");
}

TEST_F(CorpusRulesTest, DoubledConsonantCueForms) {
  // "quip" and "slam" double their last consonant: "quipped", "slammed".
  Run("\"The ferry is late again,\" Nora Blake quipped.\n"
      "Lee slammed the council for raising the fares.\n");
  const Statement* a = Find("The ferry is late again");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Nora Blake");
  EXPECT_EQ(a->cue->text, "quipped");
  const Statement* b = Find("the council for raising the fares");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Lee");
}

TEST_F(CorpusRulesTest, QuoteThenSpeakerAndAnyPastVerb) {
  // Verbs the lexicon does not know still attribute an opening quote when
  // a speaker and a past form follow it.
  Run("\"The ferry is never on time,\" Nora Blake grumbled at the pier.\n");
  const Statement* a = Find("The ferry is never on time");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "quote.speaker_any_verb_after");
  EXPECT_EQ(a->mention->text, "Nora Blake");
  EXPECT_EQ(a->cue->text, "grumbled");

  Run("\"Is it Friday yet?\" an impatient clerk sighed. \"I need a rest.\"\n");
  const Statement* b = Find("Is it Friday yet? I need a rest");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "an impatient clerk");

  Run("\"Not again,\" groaned Okafor.\n");
  const Statement* c = Find("Not again");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "Okafor");
  EXPECT_EQ(c->cue->text, "groaned");
}

TEST_F(CorpusRulesTest, QuoteThenSpeakerAndPresentOrIrregularVerb) {
  // A present form ("points out"), a common irregular past ("shot back")
  // and a text that reads ("it read") attribute the opening quote too.
  Run("\"Nobody asked the riders,\" Okafor points out.\n");
  const Statement* a = Find("Nobody asked the riders");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "quote.speaker_any_verb_after");
  EXPECT_EQ(a->mention->text, "Okafor");

  Run("\"Then build it yourself,\" Lee shot back.\n");
  const Statement* b = Find("Then build it yourself");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "shot");

  Run("\"Ferries for all,\" it read.\n");
  const Statement* c = Find("Ferries for all");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "it");

  // A plural noun before the verb is part of the speaker.
  Run("\"Four more years,\" Lee supporters hollered.\n");
  const Statement* d = Find("Four more years");
  ASSERT_NE(d, nullptr) << Dump();
  EXPECT_EQ(d->mention->text, "Lee supporters");
  EXPECT_EQ(d->cue->text, "hollered");
  EXPECT_EQ(d->rule, "quote.speaker_any_verb_after");
}

TEST_F(CorpusRulesTest, QuoteThenPastVerbWithObjectIsNoAttribution) {
  // A verb with an object or a clause after it is an action, not speech.
  Run("\"Swan Lake,\" Lee staged the ballet twice.\n");
  EXPECT_EQ(Find("Swan Lake"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, InvertedCueTakesADeterminedNounPhrase) {
  // After a quote, "said the woman" names its speaker by a determiner and
  // a common noun, which no capital or speaker-noun list marks.
  Run("\"We waited three hours for the ferry,\" said the woman, who asked "
      "not to be named.\n"
      "\"Is it always this late?\" asked his cousin.\n");
  const Statement* a = Find("We waited three hours for the ferry");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "the woman");
  EXPECT_EQ(a->cue->text, "said");
  const Statement* b = Find("Is it always this late?");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "his cousin");
}

TEST_F(CorpusRulesTest, VerbAfterPlainCommaKeepsItsObject) {
  // Without a quote before it, the determined phrase after the verb is
  // its object, not an inverted speaker.
  Run("The mayor left early, praised the clerk.\n");
  for (const Statement& s : out_) {
    EXPECT_FALSE(s.mention.has_value() && s.mention->text == "the clerk")
        << Dump();
  }
}

TEST_F(CorpusRulesTest, DashSignatureParagraphNamesTheQuoteBefore) {
  // Quote roundups sign a quoted paragraph with "- Name." below it.
  Run("The candidates made many promises.\n\n"
      "\"Every town will get a ferry by next summer.\"\n\n"
      "- Nora Blake.\n\n"
      "\"We will build the bridge first.\"\n\n"
      "-Lee Roe, speaking in Erie.\n\n"
      "\"Nobody asked us.\"\n\n"
      "- the end of the list.\n");
  const Statement* a = Find("Every town will get a ferry by next summer");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "quote.dash_signature");
  EXPECT_EQ(a->mention->text, "Nora Blake");
  EXPECT_EQ(a->cue->text, "-");
  const Statement* b = Find("We will build the bridge first");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Lee Roe");
  // A dash before a lower-case phrase signs nothing.
  const Statement* c = Find("Nobody asked us");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_NE(c->rule, "quote.dash_signature");
}

TEST_F(CorpusRulesTest, SentenceInitialNameInLyBeforeACue) {
  // "Holly" ends like "Ultimately", but right before "said" it is a name.
  Run("Holly said she was tired of the long ferry rides.\n"
      "Ultimately, the council said the fares would stay.\n");
  const Statement* a = Find("she was tired of the long ferry rides");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Holly");
  const Statement* b = Find("the fares would stay");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "the council");
}

TEST_F(CorpusRulesTest, AdverbBetweenCueAndThatIsLeftOut) {
  // "said repeatedly that X", "said, however, that X": the content starts
  // at "that".
  Run("Ruiz said repeatedly that the ferry would run all winter.\n"
      "Lee said, however, that the fares would rise.\n");
  const Statement* a = Find("the ferry would run all winter");
  ASSERT_NE(a, nullptr) << Dump();
  ASSERT_TRUE(a->complementizer.has_value());
  EXPECT_EQ(Slice(*a->complementizer), "that");
  EXPECT_EQ(a->content_spans.size(), 1u);
  const Statement* b = Find("the fares would rise");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Lee");
}

TEST_F(CorpusRulesTest, PublishedDocumentAndParticipleJoinTheCue) {
  // "issued a statement saying X": the content is X; the document and the
  // participle are part of the cue.
  Run("The ferry board issued a statement saying the boats would run all "
      "winter.\n"
      "Ruiz dismissed a report suggesting the fares would rise.\n");
  const Statement* a = Find("the boats would run all winter");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "The ferry board");
  EXPECT_EQ(a->cue->text, "issued a statement saying");
  // Dismissing a report is about the report: it stays in the content.
  EXPECT_NE(Find("a report suggesting the fares would rise"), nullptr)
      << Dump();
}

TEST_F(CorpusRulesTest, ObjectOfAnInfinitiveOpensTheContent) {
  // "urged the council to X": the object is the infinitive's subject, so
  // it opens the content and the cue is the verb alone; with "that" the
  // recipient is still left out.
  Run("Ruiz urged the council to keep the ferry running.\n"
      "Lee told reporters that the fares would rise.\n");
  const Statement* a = Find("the council to keep the ferry running");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "urged");
  EXPECT_EQ(a->mention->text, "Ruiz");
  const Statement* b = Find("the fares would rise");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "told reporters");
}

TEST_F(CorpusRulesTest, PlaceAndTimeAdverbsBetweenSubjectAndCue) {
  // "here", "today", "even" between the subject and the cue are left out of
  // both.
  Run("The ferry crews here said they had checked every boat.\n"
      "Ferry riders today argue that the fares are too high.\n"
      "One captain even noted that the schedule was wrong.\n");
  const Statement* a = Find("they had checked every boat");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "The ferry crews");
  const Statement* b = Find("the fares are too high");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Ferry riders");
  const Statement* c = Find("the schedule was wrong");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "One captain");

  // Between the auxiliary and the cue as well.
  Run("Most of the island's mayors have already said they would back the "
      "ferry.\n"
      "Ruiz has since said the fares would stay.\n");
  const Statement* d = Find("they would back the ferry");
  ASSERT_NE(d, nullptr) << Dump();
  EXPECT_EQ(d->mention->text, "Most of the island's mayors");
  EXPECT_EQ(d->cue->text, "have already said");
  const Statement* e = Find("the fares would stay");
  ASSERT_NE(e, nullptr) << Dump();
  EXPECT_EQ(e->mention->text, "Ruiz");
}

TEST_F(CorpusRulesTest, LongPluralSubjectMakesABaseFormFinite) {
  // A base-form cue after a long subject with a plural or counted noun.
  Run("By two to one, those polled say the ferry should run all winter.\n"
      "At least a third of the ferry's riders say the fares are too high.\n"
      "Islanders hoping to keep the old pier say it can still be saved.\n");
  const Statement* a = Find("the ferry should run all winter");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "those polled");
  const Statement* b = Find("the fares are too high");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "At least a third of the ferry's riders");
  const Statement* c = Find("it can still be saved");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "Islanders hoping to keep the old pier");

  // The subject may end with a name ("Aides to Ruiz").
  Run("Aides to Ruiz say the ferry runs late.\n");
  const Statement* d = Find("the ferry runs late");
  ASSERT_NE(d, nullptr) << Dump();
  EXPECT_EQ(d->mention->text, "Aides to Ruiz");
}

TEST_F(CorpusRulesTest, BaseFormAfterAVerbIsNoPluralSubject) {
  // "to" or a verb form before the plural noun: no subject of the cue.
  Run("The board wanted to hear what riders say.\n");
  for (const Statement& s : out_) {
    EXPECT_NE(s.cue->text, "say") << Dump();
  }
}

TEST_F(CorpusRulesTest, NoInvertedSpeakerBeforeAClause) {
  // After a plain comma "said the board will ..." is not an inverted
  // speaker: a clause goes on after "the board".
  Run("Ann Roe, the chair of the ferry panel, said the board will vote on "
      "Monday.\n"
      "The boats will run all winter, said the harbor master.\n");
  for (const Statement& s : out_) {
    EXPECT_FALSE(s.mention.has_value() && s.mention->text == "the board")
        << Dump();
  }
  const Statement* a = Find("the board will vote on Monday");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Ann Roe");
  const Statement* b = Find("The boats will run all winter");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "the harbor master");
}

TEST_F(CorpusRulesTest, NumberSignDoesNotEndASentence) {
  // "No. 3" is a number sign, not a sentence end.
  Run("Ann Roe, the No. 3 official at the port authority, said the ferry "
      "bill will pass.\n");
  const Statement* a = Find("the ferry bill will pass");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Ann Roe");
}

TEST_F(CorpusRulesTest, ParentheticalNameBeforeAnAppositive) {
  // "Rep. Ann Roe (D-Ohio), chair of the panel, said": the party tag stays
  // with the name and the appositive follows.
  Run("Rep. Ann Roe (D-Ohio), chair of the ferry panel, said the boats "
      "would run all winter.\n");
  const Statement* a = Find("the boats would run all winter");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Rep. Ann Roe (D-Ohio)");
  ASSERT_TRUE(a->mention_appositive.has_value()) << Dump();
  EXPECT_EQ(Slice(*a->mention_appositive), "chair of the ferry panel");
}

TEST_F(CorpusRulesTest, QuestionAfterWhenAskedHasNoSource) {
  // "when asked whether X": X is attributed to no one in particular, like
  // a sentence opening with "Asked whether X".
  Run("\"Not this year,\" Ruiz said when asked whether the ferry would "
      "run in winter.\n"
      "When asked, she smiled.\n");
  const Statement* a = Find("whether the ferry would run in winter");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "reported.when_asked");
  EXPECT_FALSE(a->mention.has_value());
  EXPECT_EQ(a->cue->text, "asked");
  const Statement* b = Find("Not this year");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Ruiz");
  for (const Statement& s : out_) {
    EXPECT_NE(s.content, "she smiled") << Dump();
  }
}

TEST_F(CorpusRulesTest, VerbAfterContinuedToJoinsTheCue) {
  // "continued to say that X": the verb after "to" is the statement's.
  Run("Ruiz continued to insist that the ferry would run all winter.\n");
  const Statement* a = Find("the ferry would run all winter");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "continued to insist");
  ASSERT_TRUE(a->complementizer.has_value());
}

TEST_F(CorpusRulesTest, BaseFormCueRightAfterAComma) {
  // Inverted after a comma, or after a subject's parenthetical.
  Run("The slow crossing is the best part of the trip, say its regular "
      "riders, who like the view.\n"
      "Ann Roe, with two other captains, say the pier is unsafe.\n");
  const Statement* a = Find("The slow crossing is the best part of the trip");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "its regular riders");
  EXPECT_EQ(a->cue->text, "say");
  const Statement* b = Find("the pier is unsafe");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Ann Roe");
}

TEST_F(CorpusRulesTest, EarlierCueEndsAtAQuoteFirstFrame) {
  // `They want to "X," Lee said`: the earlier cue's content stops with the
  // quote, so neither statement swallows the other's cue.
  Run("They want to \"keep the ferry running all winter,\" Lee said.\n");
  const Statement* a =
      Find("They want to \"keep the ferry running all winter,\"");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->kind, StatementKind::kPartialQuote);
  EXPECT_EQ(a->mention->text, "Lee");
  const Statement* b = Find("to \"keep the ferry running all winter,\"");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "They");
}

TEST_F(CorpusRulesTest, RelayWithoutAnInnerStatementIsATrailingCue) {
  // "talked at the pier" is no statement of its own, so "Ruiz said" is
  // the sentence's attribution, not the relay of nothing.
  Run("The plan came up when the two captains talked at the pier, Ruiz "
      "said.\n");
  const Statement* a =
      Find("The plan came up when the two captains talked at the pier");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Ruiz");
  EXPECT_EQ(a->rule, "reported.trailing_cue");
}

// rules-0.6.0.

TEST_F(CorpusRulesTest, BaseFormAfterAnArticleIsANoun) {
  // "the state", "the report": nouns; "a pledge to X" still opens a
  // statement.
  Run("Riders from across the state came to the pier.\n"
      "The report was late, but the report shows that the pier is unsafe.\n"
      "The new budget includes a pledge to keep the ferry running.\n");
  for (const Statement& s : out_) {
    EXPECT_NE(s.cue->text, "state") << Dump();
    EXPECT_NE(s.content, "was late") << Dump();
  }
  EXPECT_NE(Find("the pier is unsafe"), nullptr) << Dump();
  EXPECT_NE(Find("to keep the ferry running"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, RelativePronounOpensARaisingOrPassiveContent) {
  // "who seem to be X": the pronoun is the content's first part, as
  // written, and the clause ends at its comma.
  Run("The riders, who seem to be wavering, met at the pier.\n"
      "The town backs a levy which is expected to pass in May.\n");
  const Statement* a = Find("who to be wavering");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "reported.raising_verb_relative");
  EXPECT_FALSE(a->mention.has_value());
  const Statement* b = Find("which to pass in May");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->rule, "reported.passive_relative");
  EXPECT_EQ(b->cue->text, "is expected");
}

TEST_F(CorpusRulesTest, LowerCaseQuoteAfterAFrameFinishesTheLead) {
  // `The time has come, he said, "to act"`: one partial quote in two
  // parts; a quote opening in upper case stays a direct quote of its own.
  Run("The time has come, Ruiz said, \"to rebuild the pier.\"\n"
      "On the ferry, Lee said, \"We will run all winter.\"\n");
  const Statement* a = Find("The time has come to rebuild the pier");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "quote.parenthetical_lead");
  EXPECT_EQ(a->kind, StatementKind::kPartialQuote);
  EXPECT_EQ(a->mention->text, "Ruiz");
  ASSERT_EQ(a->content_spans.size(), 2u);
  EXPECT_EQ(Slice(a->content_spans[0]), "The time has come");
  const Statement* b = Find("We will run all winter");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->kind, StatementKind::kDirectQuote);
}

TEST_F(CorpusRulesTest, EmptyItIsNoPartOfARaisingOrPassiveContent) {
  // "It seems likely that X": the content is the complement alone; an
  // infinitive after "it" keeps the subject.
  Run("It seems likely that the ferry will run all winter.\n"
      "It was revealed that the pier had been sold.\n"
      "The levy failed in May. It appeared to stall in the council.\n");
  const Statement* a = Find("likely that the ferry will run all winter");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "reported.raising_verb_expletive");
  EXPECT_FALSE(a->mention.has_value());
  const Statement* b = Find("that the pier had been sold");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->rule, "reported.passive_expletive");
  const Statement* c = Find("It to stall in the council");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->rule, "reported.raising_verb");
}

TEST_F(CorpusRulesTest, TheOneAskedIsNoPartOfTheQuestion) {
  // "Ruiz was asked about X": the question alone; "was asked to X" keeps
  // the infinitive's subject.
  Run("Ruiz was asked about the winter timetable.\n"
      "Lee was asked to run the ferry in May.\n");
  const Statement* a = Find("the winter timetable");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "reported.passive_question");
  EXPECT_FALSE(a->mention.has_value());
  EXPECT_EQ(a->cue->text, "was asked about");
  const Statement* b = Find("Lee to run the ferry in May");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->rule, "reported.passive");
}

TEST_F(CorpusRulesTest, StrictPastFormWithAnObjectAndAQuote) {
  // "called X \"Y\"" attributes after any subject; "a group called the
  // \"Ferry Friends\"" names a group.
  Run("The oldest riders on the route called the new timetable \"a mess.\"\n"
      "They joined a group called the \"Ferry Friends.\"\n");
  const Statement* a = Find("the new timetable \"a mess.\"");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "The oldest riders on the route");
  EXPECT_EQ(a->cue->text, "called");
  EXPECT_EQ(a->kind, StatementKind::kPartialQuote);
  for (const Statement& s : out_) {
    EXPECT_EQ(s.content.find("Ferry Friends"), std::string::npos) << Dump();
  }
}

TEST_F(CorpusRulesTest, QuantifierAloneIsASubject) {
  // "Several said", "and many told": the quantifier is the whole subject.
  Run("Several said the pier is unsafe.\n"
      "The crew met, and many told the board the levy is too high.\n");
  const Statement* a = Find("the pier is unsafe");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Several");
  const Statement* b = Find("the levy is too high");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "many");
}

TEST_F(CorpusRulesTest, AppositiveBetweenDashes) {
  // "Roe - a captain from Erie - says": the dashes enclose the appositive
  // as commas would.
  Run("Ann Roe - a captain from Erie - says the pier is unsafe.\n");
  const Statement* a = Find("the pier is unsafe");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Ann Roe");
  ASSERT_TRUE(a->mention_appositive.has_value());
  EXPECT_EQ(Slice(*a->mention_appositive), "a captain from Erie");
}

TEST_F(CorpusRulesTest, QuoteInsideTheAppositive) {
  // A title in quotes inside the appositive, and a comma inside a closing
  // quote ending it.
  Run("Roe, the author of \"River Days,\" about the ferry, said the pier is "
      "unsafe.\n"
      "Lee, the host of \"Ferry Talk,\" says the levy will pass.\n");
  const Statement* a = Find("the pier is unsafe");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Roe");
  ASSERT_TRUE(a->mention_appositive.has_value());
  EXPECT_EQ(Slice(*a->mention_appositive),
            "the author of \"River Days,\" about the ferry");
  const Statement* b = Find("the levy will pass");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Lee");
}

TEST_F(CorpusRulesTest, InnerClauseEndsWithAQuotedComma) {
  // A relative or participle clause between subject and cue ends with the
  // quote whose comma closes it; the subject's own statement follows.
  Run("Ruiz, who calls the pier \"a ruin,\" said the levy will pass.\n"
      "Roe, citing \"the magic of the river,\" said the ferry could run "
      "all winter.\n");
  const Statement* a = Find("the pier \"a ruin,\"");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "who");
  const Statement* b = Find("the levy will pass");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Ruiz");
  const Statement* c = Find("the magic of the river");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->rule, "reported.participle_cue");
  const Statement* d = Find("the ferry could run all winter");
  ASSERT_NE(d, nullptr) << Dump();
  EXPECT_EQ(d->mention->text, "Roe");
}

TEST_F(CorpusRulesTest, PhraseThenClauseWithAPronounSubject) {
  // "said in a statement Thursday they X": the phrase is context, the
  // clause without "that" the content; a clause of the phrase's own is not.
  Run("The ferry group said in a statement Thursday they pulled the boat.\n"
      "Roe answered in the days when she ran the pier.\n");
  const Statement* a = Find("they pulled the boat");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "The ferry group");
  ASSERT_TRUE(a->context.has_value());
  EXPECT_EQ(a->context->text, "in a statement Thursday");
  EXPECT_EQ(Find("she ran the pier"), nullptr) << Dump();
}

// rules-0.7.0.

TEST_F(CorpusRulesTest, PronounContractionIsSubjectAndAuxiliary) {
  // "she's hoping", "they’ve argued": after a pronoun "'s" is an
  // auxiliary, not a possessive; the contraction is the speaker.
  Run("The pier is old, and she's hoping the levy will pass.\n"
      "They\u2019ve argued that the fares are too high.\n"
      "Ruiz's warning was late.\n");
  const Statement* a = Find("the levy will pass");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "she's");
  EXPECT_EQ(a->cue->text, "hoping");
  EXPECT_EQ(a->rule, "reported.pronoun_contraction");
  const Statement* b = Find("the fares are too high");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "They\u2019ve");
  EXPECT_EQ(b->rule, "reported.pronoun_contraction");
}

TEST_F(CorpusRulesTest, CallOnSomeoneToActOpensWithTheObject) {
  // "called on X to Y": "on" joins the cue, the one called on opens the
  // content, whatever the subject ("The board", not only a name).
  Run("The board called on the ferry captains to sail at dawn.\n"
      "Roe is calling upon her aides to stay late.\n");
  const Statement* a = Find("the ferry captains to sail at dawn");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "The board");
  EXPECT_EQ(a->cue->text, "called on");
  EXPECT_EQ(a->rule, "reported.call_on_infinitive");
  const Statement* b = Find("her aides to stay late");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "is calling upon");
}

TEST_F(CorpusRulesTest, PollIntroducedByInIsTheSource) {
  // "In the X poll, Y": the poll is the source and "In" the cue; a
  // statement or an interview introduced the same way is context only.
  Run("In the new Harbor Herald poll, conducted in June, Roe leads Lee by "
      "nine points.\n"
      "In a statement, the ferry board thanked its riders.\n");
  const Statement* a = Find("Roe leads Lee by nine points");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "the new Harbor Herald poll, conducted in June");
  EXPECT_EQ(a->cue->text, "In");
  EXPECT_EQ(a->rule, "according_to.poll_lead");
  for (const Statement& s : out_) {
    if (s.rule == "according_to.poll_lead") {
      EXPECT_EQ(s.content, "Roe leads Lee by nine points");
    }
  }
}

TEST_F(CorpusRulesTest, ParticipleAfterAfterOrBeforeTakesTheSubject) {
  // "left after arguing that X": a clause of time whose participle is a
  // cue has the sentence's subject as its speaker; an earlier content
  // ends before "before".
  Run("Roe left the pier after arguing that the fares were too high.\n"
      "The captain said the boat was safe before adding that it needed "
      "paint.\n");
  const Statement* a = Find("the fares were too high");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Roe");
  EXPECT_EQ(a->cue->text, "arguing");
  EXPECT_EQ(a->rule, "reported.time_clause_participle");
  EXPECT_NE(Find("the boat was safe"), nullptr) << Dump();
  const Statement* b = Find("it needed paint");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "The captain");
}

TEST_F(CorpusRulesTest, SecondParticipleAfterAndIsAStatementOfItsOwn) {
  // "praising X and insisting that Y": two statements by the subject; the
  // first ends before "and". A participle after "and" with no cue before
  // it still takes the sentence's subject.
  Run("The captain defended the crew, praising their work and insisting "
      "that the boat was sound.\n"
      "Lee spent the day at the pier and saying the boat was safe.\n");
  const Statement* a = Find("their work");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "reported.participle_cue");
  const Statement* b = Find("the boat was sound");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "The captain");
  EXPECT_EQ(b->cue->text, "insisting");
  EXPECT_EQ(b->rule, "reported.coordinated_participle");
  const Statement* c = Find("the boat was safe");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "Lee");
}

TEST_F(CorpusRulesTest, ParticipleUrgingSomeoneToActOpensWithTheObject) {
  // ", urging the riders to vote": as after "urged", the one urged is the
  // infinitive's subject and opens the content; the cue is the verb.
  Run("The mayor spoke for an hour, urging the riders to vote in May.\n");
  const Statement* a = Find("the riders to vote in May");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "The mayor");
  EXPECT_EQ(a->cue->text, "urging");
  EXPECT_EQ(a->rule, "reported.participle_object_infinitive");
}

// rules-0.8.0.

TEST_F(CorpusRulesTest, StanceNounAfterExpressJoinsTheCue) {
  // "expressed concern that X": the noun and its preposition are the cue,
  // X the content; with a one-word object the noun stays content.
  Run("Ida Moss expressed concern that the ferry was late again.\n"
      "Lee Roe voiced deep frustration over the new ferry fares.\n"
      "Ana Ruiz expressed sympathy for Roe.\n");
  const Statement* a = Find("the ferry was late again");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "expressed concern");
  const Statement* b = Find("the new ferry fares");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "voiced deep frustration over");
  EXPECT_NE(Find("sympathy for Roe"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, TalkVerbWithAboutIsACue) {
  // "spoke about X", "talks about X": the corpus annotates the verb and
  // "about" as cue; "talks" and "spoke" alone are no cue ("peace talks").
  Run("Ida Moss spoke about the new ferry fares.\n"
      "Lee Roe talks about the harbor at every meeting.\n"
      "The talks ended early.\n");
  const Statement* a = Find("the new ferry fares");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "spoke about");
  EXPECT_EQ(a->mention->text, "Ida Moss");
  const Statement* b = Find("the harbor at every meeting");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "talks about");
  EXPECT_EQ(out_.size(), 2u) << Dump();
}

TEST_F(CorpusRulesTest, MadeItClearIsACue) {
  // "made (it) clear (to X) (Monday) that Y": the corpus annotates "made it
  // clear" and what follows up to "that" as the cue; a passive is no cue.
  Run("Ida Moss made it clear to the board that the fares would rise.\n"
      "Lee Roe made clear Monday that he would stay.\n"
      "The costs were made clear at the meeting.\n");
  const Statement* a = Find("the fares would rise");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "made it clear to the board");
  EXPECT_EQ(a->mention->text, "Ida Moss");
  const Statement* b = Find("he would stay");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "made clear Monday");
  EXPECT_EQ(out_.size(), 2u) << Dump();
}

TEST_F(CorpusRulesTest, StrictCueAfterSubjectAndAdverb) {
  // "called" is also a participle ("a group called X"), so it is a cue only
  // after a name or a pronoun, which may stand before an adverb.
  Run("She also called for a new levy on ferries.\n"
      "The Harbor Board openly called for a vote in May.\n"
      "A group called Ferry Friends met in May.\n");
  const Statement* a = Find("a new levy on ferries");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "She");
  const Statement* b = Find("a vote in May");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "The Harbor Board");
  EXPECT_EQ(out_.size(), 2u) << Dump();
}

TEST_F(CorpusRulesTest, StrictCueAfterAnAppositiveOrBeforeForOrOn) {
  // After an appositive's comma the name is the subject of "called"; with
  // "for" or "on" after it, "called" is finite after any determined
  // subject. A participle with "by" stays out.
  Run("Ida Moss, a spokeswoman for the town, called for a vote in May.\n"
      "The harbor board called on the mayor to resign.\n"
      "Lee Roe, a lawyer, backed by the union, ran in May.\n");
  const Statement* a = Find("a vote in May");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Ida Moss");
  EXPECT_EQ(a->cue->text, "called for");
  const Statement* b = Find("the mayor to resign");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "The harbor board");
  EXPECT_EQ(out_.size(), 2u) << Dump();
}

TEST_F(CorpusRulesTest, PollsAndDataAreSubjects) {
  // "polls" heads a subject without a determiner mid-sentence, and "data"
  // takes the plural verb.
  Run("The ferry lost money, but polls show that riders like it.\n"
      "Data show that fares rose in May.\n");
  const Statement* a = Find("riders like it");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "polls");
  const Statement* b = Find("fares rose in May");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Data");
}

TEST_F(CorpusRulesTest, AsReportedByNamesTheSourceLikeAccordingTo) {
  // "As reported by X, Y" and "Y, as first reported by X" attribute Y to
  // X; after a speech cue the phrase only says where the speaker was
  // heard.
  Run("As reported by the Harbor News, the pier will close.\n"
      "The fares will rise, as first reported by the Ferry Times.\n"
      "Roe said the dock was safe, as reported by the Harbor News.\n");
  const Statement* a = Find("the pier will close");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "the Harbor News");
  EXPECT_EQ(a->cue->text, "As reported by");
  EXPECT_EQ(a->rule, "as_reported_by.leading");
  const Statement* b = Find("The fares will rise");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "the Ferry Times");
  EXPECT_EQ(b->rule, "as_reported_by.trailing");
  const Statement* c = Find("the dock was safe");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "Roe");
  EXPECT_EQ(out_.size(), 3u) << Dump();
}

TEST_F(CorpusRulesTest, OneAndAnotherAloneAreSpeakers) {
  // "One says X, another says Y": a lone "one" or "another" is the
  // subject.
  Run("One rider says the fares rose, another says they fell.\n"
      "Another said the pier was safe.\n");
  const Statement* a = Find("they fell");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "another");
  const Statement* b = Find("the pier was safe");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Another");
  EXPECT_EQ(out_.size(), 3u) << Dump();
}

TEST_F(CorpusRulesTest, AsClauseAttributesTheMainClause) {
  // "As Lee noted (in May), X" and "X, as some have argued." attribute the
  // main clause; not after a clause with a cue of its own, nor "such as".
  Run("As the Harbor News noted in May, the pier was unsafe.\n"
      "The fares will rise, as some have argued.\n"
      "Roe said the dock was safe, as the crowd cheered.\n"
      "Groups such as the union said the pier was safe.\n");
  const Statement* a = Find("the pier was unsafe");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "the Harbor News");
  EXPECT_EQ(a->rule, "reported.as_clause_leading");
  const Statement* b = Find("The fares will rise");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "some");
  EXPECT_EQ(b->rule, "reported.as_clause_trailing");
  const Statement* c = Find("the dock was safe");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "Roe");
  EXPECT_EQ(out_.size(), 4u) << Dump();
}

TEST_F(CorpusRulesTest, PassiveWithAnAdverbBeforeTheParticiple) {
  // "was first reported by X", "was widely criticized by X": an adverb
  // between the form of "be" and the participle keeps the passive.
  Run("The sale was first reported by the Harbor News.\n"
      "The plan was widely criticized by riders.\n");
  const Statement* a = Find("The sale");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "the Harbor News");
  EXPECT_EQ(a->rule, "reported.passive_by_agent");
  const Statement* b = Find("The plan");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "riders");
  EXPECT_EQ(out_.size(), 2u) << Dump();
}

TEST_F(CorpusRulesTest, CueAfterAndIsTheFirstVerbsSubjects) {
  // "Roe left the pier and said X": the speaker is the subject of the
  // first verb, not the words before "and".
  Run("Ida Moss left the pier and later said the fares were too high.\n");
  const Statement* a = Find("the fares were too high");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Ida Moss");
  EXPECT_EQ(a->rule, "reported.coordinated_cue");
}

TEST_F(CorpusRulesTest, ParticipleAfterACommaAndAnAdverb) {
  // ", later saying X", ", repeatedly calling X Y": an adverb between the
  // comma and the participle.
  Run("Ida Moss left the pier, later saying the fares were too high.\n");
  const Statement* a = Find("the fares were too high");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Ida Moss");
  EXPECT_EQ(a->rule, "reported.participle_cue");
}

TEST_F(CorpusRulesTest, BarePluralOfPeopleIsTheOneTold) {
  // "told supporters X", "assured voters X": the plural is the one told,
  // part of the cue, not of the content.
  Run("Ida Moss told supporters the fares would fall.\n");
  const Statement* a = Find("the fares would fall");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "told supporters");
}

TEST_F(CorpusRulesTest, LongQuoteInsideASentenceIsReportedSpeech) {
  // A long quote inside a sentence that no rule attributes is reported
  // speech; without a cue word before it the quote is the content and the
  // sentence's named subject the speaker. A short quote or a title in
  // quotes is no statement.
  Run("Mayor Ida Moss sold the plan to riders as \"the best way to keep the "
      "ferry running for the people who need it.\"\n"
      "The crew watched \"Harbor Lights\" in May.\n"
      "The crew read \"The Art of the Ferry: How We Kept the Boats Afloat\" "
      "aloud.\n");
  const Statement* a =
      Find("the best way to keep the ferry running for the people who need it");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "quote.embedded");
  EXPECT_EQ(a->kind, StatementKind::kPartialQuote);
  ASSERT_TRUE(a->mention.has_value());
  EXPECT_EQ(a->mention->text, "Mayor Ida Moss");
  EXPECT_EQ(out_.size(), 1u) << Dump();
}

TEST_F(CorpusRulesTest, EmbeddedQuoteContentOpensAtThat) {
  // After the cue word ("say", no finite verb here), "that" opens the
  // content past an aside.
  Run("A crowd came to hear the mayor say, in her own words, that the ferry "
      "\"has been the heart of this harbor for a hundred years.\"\n");
  const Statement* a = Find(
      "that the ferry \"has been the heart of this harbor for a hundred "
      "years.\"");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "quote.embedded");
}

TEST_F(CorpusRulesTest, StateAfterAPluralIsANoun) {
  // "most state parties", "32 state committees", "each state say": after
  // a plural or a number "state" is a noun, not the verb.
  Run("Most state parties release their delegates in May.\n"
      "Voters in each state say the ferry is too slow.\n");
  const Statement* a = Find("the ferry is too slow");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Voters in each state");
  EXPECT_EQ(out_.size(), 1u) << Dump();
}

TEST_F(CorpusRulesTest, ShowedUpAndContinuedWithATaskAreNoCues) {
  // "showed up at", "added up to", "continued his push": no report;
  // "continued to argue X" is one.
  Run("Ida Moss showed up at the pier in May.\n"
      "The costs added up to $5 million.\n"
      "Lee Roe continued his push for a new ferry.\n"
      "Lee Roe continued to argue that the fares were too high.\n");
  const Statement* a = Find("the fares were too high");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "continued to argue");
  EXPECT_EQ(out_.size(), 1u) << Dump();
}

TEST_F(CorpusRulesTest, AccordingToAfterAQuotesClosingComma) {
  // `..."root canal," according to X`: the comma inside the closing mark
  // makes "according to" trailing all the same.
  Run("She compared the vote to a \"root canal,\" according to the memoir.\n");
  const Statement* a = Find("She compared the vote to a \"root canal,\"");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "according_to.trailing");
  EXPECT_EQ(a->mention->text, "the memoir");
}

TEST_F(CorpusRulesTest, CoordinatedPeopleAreOneSpeaker) {
  // "she and another reporter said", "officials and residents say": one
  // speaker phrase; "the town and" stays out (a singular noun).
  Run("The pier is unsafe, she and another reporter said.\n"
      "Officials and residents say the fares are too high.\n");
  const Statement* a = Find("The pier is unsafe");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "she and another reporter");
  const Statement* b = Find("the fares are too high");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Officials and residents");
}

TEST_F(CorpusRulesTest, ContentKeepsAParenthesisItOpened) {
  // "(R-Ohio)." at the end keeps its closing mark; a sentence inside
  // parentheses drops its own.
  Run("Ida Moss endorsed Rep. Lee Roe (R-Ohio).\n"
      "(Lee Roe said the fares were too high.)\n");
  EXPECT_NE(Find("Rep. Lee Roe (R-Ohio)"), nullptr) << Dump();
  EXPECT_NE(Find("the fares were too high"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, ButThatAndButNotContinueTheContent) {
  // ", but that Y", ", but not Y", ", even if Y": the same content goes
  // on; ", but the board" starts the writer's own clause.
  Run("Ida Moss said the fares were high, but that riders paid them.\n"
      "Lee Roe said the pier was old, but the board disagreed.\n"
      "Ida Moss said the ferry would run, even if the pier closed.\n");
  EXPECT_NE(Find("the fares were high, but that riders paid them"), nullptr)
      << Dump();
  EXPECT_NE(Find("the pier was old"), nullptr) << Dump();
  EXPECT_NE(Find("the ferry would run, even if the pier closed"), nullptr)
      << Dump();
}

TEST_F(CorpusRulesTest, SubjectAfterAConcessiveSubordinator) {
  // "While riders say X, ...": the plural subject opens after "while".
  Run("While riders say the fares are too high, the board disagrees.\n");
  const Statement* a = Find("the fares are too high");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "riders");
}

TEST_F(CorpusRulesTest, YesNoAndSoAreContentsOfOneWord) {
  // "said no", "think so": an answer of one word is the content; other
  // single words after a cue are not ("said Tuesday").
  Run("Asked if the pier was safe, Ida Moss said no.\nLee Roe thinks so.\n"
      "Lee Roe said Tuesday.\n");
  EXPECT_NE(Find("no"), nullptr) << Dump();
  EXPECT_NE(Find("so"), nullptr) << Dump();
  EXPECT_EQ(Find("Tuesday"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, ClauseAfterAQuotedTitleIsReportedToo) {
  // `On "Harbor Talk," Ida Moss said the fares were too high`: the clause
  // after the cue is a statement of its own; a quote-first frame that
  // ends the sentence is unchanged.
  Run("On \"Harbor Talk,\" Ida Moss said the fares were too high.\n"
      "The plan is a \"raw deal,\" Lee Roe said in May.\n");
  const Statement* a = Find("the fares were too high");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Ida Moss");
  EXPECT_EQ(a->rule, "reported.speaker_cue_after_quoted_phrase");
  EXPECT_EQ(out_.size(), 3u) << Dump();
}

TEST_F(CorpusRulesTest, WentOnToSayJoinsTheCue) {
  Run("Ida Moss praised the crew and went on to say that the fares were "
      "too high.\n"
      "Lee Roe went on to argue the pier was unsafe.\n");
  const Statement* a = Find("the fares were too high");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "went on to say");
  const Statement* b = Find("the pier was unsafe");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "went on to argue");
  EXPECT_EQ(b->mention->text, "Lee Roe");
}

TEST_F(CorpusRulesTest, PublishingADocumentSayingIsACueWhateverTheSubject) {
  // "released/put out/sent out a statement (Wednesday) saying X": the verb,
  // the document and the participle are the cue, after any subject.
  Run("The town released a statement Wednesday saying the pier was safe.\n"
      "His office put out a statement saying the fares would fall.\n"
      "The town released the report in May.\n");
  const Statement* a = Find("the pier was safe");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "released a statement Wednesday saying");
  EXPECT_EQ(a->mention->text, "The town");
  const Statement* b = Find("the fares would fall");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "put out a statement saying");
  EXPECT_EQ(out_.size(), 2u) << Dump();
}

TEST_F(CorpusRulesTest, PollShareAfterWithIsTheParticiplesSubject) {
  Run("Riders were split, with 52 percent saying the ferry was too slow.\n");
  const Statement* a = Find("the ferry was too slow");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "52 percent");
  EXPECT_EQ(a->cue->text, "saying");
}

TEST_F(CorpusRulesTest, StrictCueAfterADeterminedSubject) {
  // "The company reported X": a determined noun phrase opening the
  // sentence is a subject before a strict cue too; "called" stays out ("A
  // group called Ferry Friends").
  Run("The ferry company reported a loss of $2 a share.\n"
      "A group called Ferry Friends met in May.\n");
  const Statement* a = Find("a loss of $2 a share");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "The ferry company");
  EXPECT_EQ(out_.size(), 1u) << Dump();
}

TEST_F(CorpusRulesTest, QuoteSpeakerWithAModifierOrAnAgeAsHead) {
  // `"...," the gambling tycoon said`: an -ing word between a determiner
  // and the head is a modifier; `"...," said the 46-year-old`: an age is a
  // head.
  Run("\"The pier is safe,\" the gambling tycoon said.\n"
      "\"The fares are fair,\" said the 46-year-old.\n");
  const Statement* a = Find("The pier is safe");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "the gambling tycoon");
  const Statement* b = Find("The fares are fair");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "the 46-year-old");
}

TEST_F(CorpusRulesTest, PhrasalCuesTakeTheirObjectAsContent) {
  Run("Ida Moss took aim at the new ferry fares.\n"
      "Lee Roe took issue with the harbor plan.\n"
      "The board came out against the levy in May.\n"
      "Ana Ruiz took the ferry at noon.\n");
  const Statement* a = Find("the new ferry fares");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "took aim at");
  const Statement* b = Find("the harbor plan");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "took issue with");
  const Statement* c = Find("the levy in May");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->cue->text, "came out against");
  EXPECT_EQ(out_.size(), 3u) << Dump();
}

TEST_F(CorpusRulesTest, PointsOutAndQuickToAreCueFrames) {
  Run("The group points out that the fares rose twice.\n"
      "Aides were quick to point out that the pier reopened.\n"
      "The team scored points out of town.\n");
  const Statement* a = Find("the fares rose twice");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "points out");
  const Statement* b = Find("the pier reopened");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "were quick to point out");
  EXPECT_EQ(b->mention->text, "Aides");
  EXPECT_EQ(out_.size(), 2u) << Dump();
}

TEST_F(CorpusRulesTest, ClaimedResponsibilityForIsOneCue) {
  Run("A harbor gang claimed responsibility for the fire at the pier.\n");
  const Statement* a = Find("the fire at the pier");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "claimed responsibility for");
}

TEST_F(CorpusRulesTest, PhrasalFramesFromTheTable) {
  Run("Ida Moss laid out her plan for the pier.\n"
      "Lee Roe fired back at the harbor board over the fares.\n"
      "The mayor weighed in on the ferry schedule.\n"
      "In his push for lower fares, Ana Ruiz met riders.\n");
  const Statement* a = Find("her plan for the pier");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "laid out");
  const Statement* b = Find("the harbor board over the fares");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "fired back at");
  const Statement* c = Find("the ferry schedule");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->cue->text, "weighed in on");
  EXPECT_EQ(out_.size(), 3u) << Dump();
}

TEST_F(CorpusRulesTest, EndorsementLeavesItsTimeOutOfTheContent) {
  Run("Ida Moss endorsed Lee Roe last week.\n"
      "The ferry union endorsed the levy in early June.\n"
      "The harbor board endorsed Ana Ruiz on Tuesday.\n");
  EXPECT_NE(Find("Lee Roe"), nullptr) << Dump();
  EXPECT_NE(Find("the levy"), nullptr) << Dump();
  EXPECT_NE(Find("Ana Ruiz"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, TimePhraseBetweenCueAndInfinitive) {
  Run("The ferry union vowed Tuesday to block the levy.\n"
      "Lee Roe pledged last month to cut the fares.\n"
      "Ida Moss said Monday to reporters in Salem.\n");
  const Statement* a = Find("to block the levy");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "vowed");
  EXPECT_NE(Find("to cut the fares"), nullptr) << Dump();
  EXPECT_EQ(out_.size(), 2u) << Dump();
}

TEST_F(CorpusRulesTest, FloatingQuantifierBeforeTheCue) {
  Run("Lee Roe and Ida Moss have both argued that the fares are too high.\n"
      "The harbor boards all agreed that the pier must close.\n");
  const Statement* a = Find("the fares are too high");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Lee Roe and Ida Moss");
  EXPECT_EQ(a->cue->text, "have both argued");
  const Statement* b = Find("the pier must close");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "The harbor boards");
}

TEST_F(CorpusRulesTest, ParentheticalFrameWithAPhraseOfContext) {
  Run("The levy, Lee Roe said in a statement, would cut the fares.\n"
      "The pier is safe, Ida Moss said on Tuesday, because it was rebuilt.\n");
  const Statement* a = Find("The levy would cut the fares");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "reported.parenthetical_cue");
  EXPECT_EQ(a->mention->text, "Lee Roe");
  EXPECT_NE(Find("The pier is safe"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, PassiveInAnOpeningSubordinateClauseEndsAtItsComma) {
  Run("As Ida Moss was declared the winner, Lee Roe said he would appeal.\n");
  const Statement* a = Find("Ida Moss the winner");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "reported.passive");
  const Statement* b = Find("he would appeal");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Lee Roe");
}

TEST_F(CorpusRulesTest, ContentEndsBeforeAJoinedClauseWithItsOwnSpeaker) {
  Run("Ida Moss said the pier is safe, and harbor officials say it will "
      "reopen.\n"
      "Lee Roe said the fares are fair and he feels the levy will pass.\n");
  EXPECT_NE(Find("the pier is safe"), nullptr) << Dump();
  const Statement* a = Find("it will reopen");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "harbor officials");
  EXPECT_NE(Find("the fares are fair and he feels the levy will pass"), nullptr)
      << Dump();
}

TEST_F(CorpusRulesTest, AboutANumberIsNoParticle) {
  Run("The harbor office said about 40 percent of the fares went unpaid.\n"
      "Lee Roe talked about all the delays at the pier.\n");
  const Statement* a = Find("about 40 percent of the fares went unpaid");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "said");
  const Statement* b = Find("all the delays at the pier");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "talked about");
}

TEST_F(CorpusRulesTest, WritersAppositiveAndComparisonEndTheContent) {
  Run("Lee Roe said the fares were too high, a claim that the harbor board "
      "disputes.\n"
      "Riders said they trust the ferry, compared with 40 percent last "
      "year.\n"
      "Ida Moss said the pier must close, drawing boos from the crowd.\n"
      "Ana Ruiz said the levy is fair, a rare view that few share.\n");
  EXPECT_NE(Find("the fares were too high"), nullptr) << Dump();
  EXPECT_NE(Find("they trust the ferry"), nullptr) << Dump();
  EXPECT_NE(Find("the pier must close"), nullptr) << Dump();
  EXPECT_NE(Find("the levy is fair"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, RelativeClauseInsideTheContentsSubject) {
  Run("Critics say the levy, which passed last year, will raise the fares.\n"
      "Lee Roe said the levy, which passed last year, hurt the riders.\n");
  EXPECT_NE(Find("the levy, which passed last year, will raise the fares"),
            nullptr)
      << Dump();
  // No auxiliary after the clause: the content ends before it, as before.
  EXPECT_NE(Find("the levy"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, AsideInTheSubjectAndFrontedClausesKeepTheContent) {
  Run("Lee Roe warned that Ida Moss, even as a candidate, had raised the "
      "fares.\n"
      "Ana Ruiz said that even if the levy passes, the fares will rise.\n"
      "Lee Roe said that given the vote, he expects the pier to close.\n");
  // "that" is the statement's complementizer, not its content.
  EXPECT_NE(Find("Ida Moss, even as a candidate, had raised the fares"),
            nullptr)
      << Dump();
  EXPECT_NE(Find("even if the levy passes, the fares will rise"), nullptr)
      << Dump();
  EXPECT_NE(Find("given the vote, he expects the pier to close"), nullptr)
      << Dump();
}

TEST_F(CorpusRulesTest, AccordingToInsideTheClauseTakesBothParts) {
  Run("His criticism, according to the harbor board, was the fare rise.\n"
      "At the heart of it, according to Lee Roe, was the levy.\n"
      "But, according to Ida Moss, the pier is safe.\n");
  EXPECT_NE(Find("His criticism was the fare rise"), nullptr) << Dump();
  EXPECT_NE(Find("At the heart of it was the levy"), nullptr) << Dump();
  EXPECT_NE(Find("the pier is safe"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, SemicolonsOfAListAfterAColonKeepTheContent) {
  Run("Lee Roe promotes three ideas: a new pier; lower fares; and a levy.\n"
      "Ida Moss said the pier is safe; the ferry is not.\n");
  EXPECT_NE(Find("three ideas: a new pier; lower fares; and a levy"), nullptr)
      << Dump();
  EXPECT_NE(Find("the pier is safe"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, CueInASubordinateClauseBeforeAQuoteKeepsItsStatement) {
  Run("Although Lee Roe admitted that the fares had \"gone up a lot,\" "
      "Ida Moss claimed they were fair.\n");
  const Statement* a = Find("the fares had \"gone up a lot,\"");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Lee Roe");
  EXPECT_EQ(a->cue->text, "admitted");
  // The frame after the quote still reports its own clause.
  const Statement* b = Find("they were fair");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Ida Moss");
  EXPECT_EQ(b->cue->text, "claimed");
}

TEST_F(CorpusRulesTest, RelativeWordIsNoContentBeforeThat) {
  Run("Lee Roe gave a speech in which he pledged that the fares would fall.\n"
      "The levy, which Ida Moss said would fail, passed.\n");
  const Statement* a = Find("the fares would fall");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->rule, "reported.speaker_cue");
  const Statement* b = Find("which would fail");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->rule, "reported.relative_clause_cue");
}

TEST_F(CorpusRulesTest, AsideAfterTheSpeakerIsNotPartOfTheSpeaker) {
  Run("Lee Roe, in a statement, said the levy would fail.\n"
      "Ida Moss, speaking to reporters, said the pier is safe.\n"
      "Ann Weir, at the Harbor Institute, said the fares were fair.\n");
  const Statement* a = Find("the levy would fail");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Lee Roe");
  const Statement* b = Find("the pier is safe");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "Ida Moss");
  // "at" with a name after it says where the speaker works.
  const Statement* c = Find("the fares were fair");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "Ann Weir");
  EXPECT_EQ(c->speaker.organization, "Harbor Institute");
}

TEST_F(CorpusRulesTest, SubjectWithoutANameAfterACommaIsTheSpeaker) {
  Run("The levy will fail, employees said.\n"
      "The pier, boat owners said, is safe.\n"
      "In Ohio, ferry riders said the fares were fair.\n"
      "After the vote, Lee Roe raised new questions about the levy.\n"
      "The ferry will stop, an aide to the mayor said.\n");
  const Statement* a = Find("The levy will fail");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "employees");
  const Statement* b = Find("The pier is safe");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "boat owners");
  const Statement* c = Find("the fares were fair");
  ASSERT_NE(c, nullptr) << Dump();
  EXPECT_EQ(c->mention->text, "ferry riders");
  // The subject, not the name that ends it ("the mayor").
  const Statement* d = Find("The ferry will stop");
  ASSERT_NE(d, nullptr) << Dump();
  EXPECT_EQ(d->mention->text, "an aide to the mayor");
  // "questions" after a comma-opened phrase is a noun, not a cue whose
  // subject is "Lee Roe raised new".
  for (const Statement& s : out_) {
    EXPECT_FALSE(s.mention.has_value() &&
                 s.mention->text.find("raised") != std::string::npos)
        << Dump();
  }
}

TEST_F(CorpusRulesTest, PhraseAfterSaidIsTheWholeSpeaker) {
  Run("The levy will fail, said the company's chief executive.\n"
      "\"The pier is safe,\" said the chief executive.\n");
  const Statement* a = Find("The levy will fail");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "the company's chief executive");
  const Statement* b = Find("The pier is safe");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "the chief executive");
}

TEST_F(CorpusRulesTest, PluralsOfPeopleWithoutAnSMakeABaseFormACue) {
  Run("The women say the fares are too high.\n"
      "The police say the pier is safe.\n");
  const Statement* a = Find("the fares are too high");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "The women");
  EXPECT_NE(Find("the pier is safe"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, ThisAndATimePhraseAfterAnIntroductionLeadTheContent) {
  Run("Later, Ann Roe said this was the only chance.\n"
      "In Ohio, Lee Moss said Monday the fares will rise.\n"
      "The levy failed, Ida Weir said this week.\n");
  EXPECT_NE(Find("this was the only chance"), nullptr) << Dump();
  EXPECT_NE(Find("the fares will rise"), nullptr) << Dump();
  EXPECT_NE(Find("The levy failed"), nullptr) << Dump();
}

TEST_F(CorpusRulesTest, LeadingConjunctionIsNoPartOfASpeakerWithAnAppositive) {
  Run("But Ann Roe, the mayor, said the levy failed.\n"
      "Yet ferry riders, like their neighbors, say the fares are too high.\n");
  const Statement* a = Find("the levy failed");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Ann Roe");
  const Statement* b = Find("the fares are too high");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->mention->text, "ferry riders");
}

TEST_F(CorpusRulesTest, NounAfterADeterminedObjectOfToldJoinsIt) {
  Run("The levy includes a new pier, Ann Roe told a council panel Wednesday.\n"
      "Lee Moss told a Senate panel that the fares would rise.\n");
  const Statement* a = Find("The levy includes a new pier");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->cue->text, "told a council panel");
  const Statement* b = Find("the fares would rise");
  ASSERT_NE(b, nullptr) << Dump();
  EXPECT_EQ(b->cue->text, "told a Senate panel");
}

TEST_F(CorpusRulesTest, PluralSeeWithAsIsAView) {
  Run("Most riders see the levy as a failure.\n"
      "Most riders see the pier from the ferry.\n");
  const Statement* a = Find("the levy as a failure");
  ASSERT_NE(a, nullptr) << Dump();
  EXPECT_EQ(a->mention->text, "Most riders");
  EXPECT_EQ(Find("the pier from the ferry"), nullptr) << Dump();
}

}  // namespace
}  // namespace claimtrack::engine
