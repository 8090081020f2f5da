#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/arguments.h"
#include "cli/input_files.h"
#include "cli/output.h"
#include "cli/status_names.h"
#include "cli/views.h"

namespace claimtrack::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) {
    lines.push_back(line);
  }
  return lines;
}

// --- status names ---------------------------------------------------------

TEST(StatusNamesTest, RoundTripsEveryName) {
  for (const std::string& name : VerdictNames()) {
    auto verdict = ParseVerdict(name);
    ASSERT_TRUE(verdict.has_value()) << name;
    EXPECT_EQ(VerdictName(*verdict), name);
  }
  for (const std::string& name : AttributionStatusNames()) {
    auto status = ParseAttributionStatus(name);
    ASSERT_TRUE(status.has_value()) << name;
    EXPECT_EQ(AttributionStatusName(*status), name);
  }
  for (const std::string& name : StatementKindNames()) {
    auto kind = ParseStatementKind(name);
    ASSERT_TRUE(kind.has_value()) << name;
    EXPECT_EQ(StatementKindName(*kind), name);
  }
  for (const std::string& name : ProcessingStateNames()) {
    auto state = ParseProcessingState(name);
    ASSERT_TRUE(state.has_value()) << name;
    EXPECT_EQ(ProcessingStateName(*state), name);
  }
}

TEST(StatusNamesTest, ParsesCliSpellings) {
  EXPECT_EQ(ParseVerdict("mostly-true"), verification::v1::VERDICT_MOSTLY_TRUE);
  EXPECT_EQ(ParseVerdict("Not_Checkable"),
            verification::v1::VERDICT_NOT_CHECKABLE);
  EXPECT_EQ(ParseVerdict("in-review"), verification::v1::VERDICT_IN_REVIEW);
  EXPECT_EQ(ParseStatementKind("indirect"),
            type::v1::STATEMENT_KIND_REPORTED_SPEECH);
  EXPECT_EQ(ParseAttributionStatus("ALTERED"),
            verification::v1::ATTRIBUTION_STATUS_ALTERED);
  EXPECT_EQ(ParseProcessingState("failed"),
            ingestion::v1::PROCESSING_STATE_FAILED);
}

TEST(StatusNamesTest, RejectsUnknownAndUnspecified) {
  EXPECT_FALSE(ParseVerdict("maybe").has_value());
  EXPECT_FALSE(ParseVerdict("").has_value());
  EXPECT_FALSE(ParseVerdict("unspecified").has_value());
  EXPECT_FALSE(ParseStatementKind("direct-quote").has_value());
}

TEST(StatusNamesTest, NamesUnspecifiedAndUnknownValues) {
  EXPECT_EQ(VerdictName(verification::v1::VERDICT_UNSPECIFIED), "-");
  EXPECT_EQ(VerdictName(static_cast<verification::v1::Verdict>(42)), "42");
  EXPECT_EQ(SpeakerTypeName(type::v1::SPEAKER_TYPE_ANONYMOUS), "anonymous");
  EXPECT_EQ(StatusFieldName(verification::v1::STATUS_FIELD_VERDICT), "verdict");
}

// --- table formatting -----------------------------------------------------

TEST(OutputTest, TruncatesOnCodePoints) {
  EXPECT_EQ(TruncateToWidth("abcdef", 6), "abcdef");
  EXPECT_EQ(TruncateToWidth("abcdef", 4), "abc\xE2\x80\xA6");
  // "é" is two bytes; it must not be split.
  EXPECT_EQ(TruncateToWidth("\xC3\xA9\xC3\xA9\xC3\xA9", 2),
            "\xC3\xA9\xE2\x80\xA6");
  EXPECT_EQ(DisplayWidth("\xC3\xA9t\xC3\xA9"), 3u);
  EXPECT_EQ(TruncateToWidth("abc", 0), "");
}

TEST(OutputTest, SingleLineCollapsesWhitespace) {
  EXPECT_EQ(SingleLine("  a\n\n b\tc  "), "a b c");
  EXPECT_EQ(SingleLine(""), "");
}

TEST(OutputTest, AlignsColumnsWithoutTrailingSpaces) {
  const std::string table = FormatTable(
      {{"NAME"}, {"STATE"}, {"TEXT", 0, /*fill=*/true}},
      {{"documents/a", "done", "short"}, {"documents/bb", "received", ""}},
      /*line_width=*/0);
  EXPECT_THAT(Lines(table), ElementsAre("NAME          STATE     TEXT",
                                        "documents/a   done      short",
                                        "documents/bb  received"));
}

TEST(OutputTest, FillColumnFitsTheTerminal) {
  const std::string text(200, 'x');
  const std::string table =
      FormatTable({{"ID"}, {"TEXT", kDefaultFillWidth, /*fill=*/true}},
                  {{"1", text}}, /*line_width=*/40);
  for (const std::string& line : Lines(table)) {
    EXPECT_LE(DisplayWidth(line), 40u) << line;
  }
  EXPECT_THAT(table, HasSubstr("\xE2\x80\xA6"));
}

TEST(OutputTest, FillColumnKeepsAMinimumOnNarrowTerminals) {
  const std::string table =
      FormatTable({{std::string(50, 'H')}, {"TEXT", 0, /*fill=*/true}},
                  {{"x", std::string(100, 'y')}}, /*line_width=*/40);
  EXPECT_EQ(DisplayWidth(Lines(table)[1]), 50 + 2 + kMinFillWidth);
}

TEST(OutputTest, FillColumnCutAt80WhenWidthUnknown) {
  const std::string table =
      FormatTable({{"TEXT", kDefaultFillWidth, /*fill=*/true}},
                  {{std::string(200, 'z')}}, /*line_width=*/0);
  EXPECT_EQ(DisplayWidth(Lines(table)[1]), kDefaultFillWidth);
}

TEST(OutputTest, MaxWidthCapsFixedColumns) {
  const std::string table =
      FormatTable({{"SPEAKER", 10}, {"X"}}, {{"Alexandria Ocasio-Cortez", "1"}},
                  /*line_width=*/0);
  EXPECT_THAT(Lines(table),
              ElementsAre("SPEAKER     X", "Alexandri\xE2\x80\xA6  1"));
}

TEST(OutputTest, FormatFieldsSkipsEmptyValues) {
  EXPECT_EQ(FormatFields({{"name", "claims/a"}, {"note", ""}, {"etag", "x"}}),
            "name:  claims/a\netag:  x\n");
}

TEST(OutputTest, FormatsTimestamps) {
  google::protobuf::Timestamp timestamp;
  EXPECT_EQ(FormatTimestamp(timestamp), "-");
  timestamp.set_seconds(1714564800);
  EXPECT_EQ(FormatTimestamp(timestamp), "2024-05-01T12:00:00Z");
}

TEST(OutputTest, MessageToJsonUsesProtoNamesAndPrintsEverything) {
  verification::v1::ListClaimsResponse response;
  auto* claim = response.add_claims();
  claim->set_name("claims/a");
  claim->set_verdict(verification::v1::VERDICT_FALSE);
  const nlohmann::ordered_json json = MessageToJson(response);
  EXPECT_EQ(json["claims"][0].begin().key(), "name");
  EXPECT_EQ(json["claims"][0]["name"], "claims/a");
  EXPECT_EQ(json["claims"][0]["verdict"], "VERDICT_FALSE");
  EXPECT_EQ(json["nextPageToken"], "");
}

TEST(ViewsTest, ClaimsTableShowsCliNames) {
  google::protobuf::RepeatedPtrField<verification::v1::Claim> claims;
  auto* claim = claims.Add();
  claim->set_name("claims/abc");
  claim->set_kind(type::v1::STATEMENT_KIND_REPORTED_SPEECH);
  claim->mutable_speaker()->set_name("Merrick Garland");
  claim->mutable_speaker()->set_role("Attorney General");
  claim->set_attribution_status(verification::v1::ATTRIBUTION_STATUS_CONFIRMED);
  claim->set_verdict(verification::v1::VERDICT_MOSTLY_TRUE);
  claim->set_appearance_count(3);
  claim->set_text("The department\nwill not be deterred.");
  const std::vector<std::string> lines =
      Lines(FormatClaimsTable(claims, /*line_width=*/0));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_THAT(lines[0], HasSubstr("NAME"));
  EXPECT_THAT(lines[1], HasSubstr("indirect"));
  EXPECT_THAT(lines[1], HasSubstr("confirmed"));
  EXPECT_THAT(lines[1], HasSubstr("mostly-true"));
  EXPECT_THAT(lines[1], HasSubstr("The department will not be deterred."));
}

TEST(ViewsTest, ClaimsTableNamesTheKindOfAnUnnamedSpeaker) {
  google::protobuf::RepeatedPtrField<Claim> claims;
  Claim* claim = claims.Add();
  claim->set_name("claims/abc");
  claim->mutable_speaker()->set_type(type::v1::SPEAKER_TYPE_ANONYMOUS);
  claim->set_text("The cuts were pushed by the governor.");
  const std::vector<std::string> lines =
      Lines(FormatClaimsTable(claims, /*line_width=*/0));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_THAT(lines[1], HasSubstr("(anonymous)"));
}

TEST(ViewsTest, FormatsSpeaker) {
  type::v1::Speaker speaker;
  EXPECT_EQ(FormatSpeaker(speaker), "-");
  speaker.set_name("Merrick Garland");
  speaker.set_type(type::v1::SPEAKER_TYPE_PERSON);
  speaker.set_role("Attorney General");
  speaker.set_organization("DOJ");
  EXPECT_EQ(FormatSpeaker(speaker),
            "Merrick Garland (person; Attorney General, DOJ)");
}

TEST(ViewsTest, ClaimDetailsHideContentThatMatchesTheClaim) {
  verification::v1::Claim claim;
  claim.set_name("claims/abc");
  claim.set_text("We will win.");
  auto* same = claim.add_appearances();
  same->set_document("documents/one");
  same->set_content("We will win.");
  auto* different = claim.add_appearances();
  different->set_document("documents/two");
  different->set_content("We will win this.");
  different->mutable_cue()->set_text("said");
  const std::string text = FormatClaim(claim);
  EXPECT_THAT(text, HasSubstr("documents/one"));
  EXPECT_THAT(text, HasSubstr("content:     We will win this."));
  EXPECT_THAT(text, HasSubstr("cue:         \"said\"\n"));
}

TEST(ViewsTest, HistoryTableShowsEntryNumberAndChange) {
  google::protobuf::RepeatedPtrField<verification::v1::HistoryEntry> entries;
  auto* entry = entries.Add();
  entry->set_name("claims/abc/historyEntries/3");
  entry->set_actor("alice");
  entry->set_field(verification::v1::STATUS_FIELD_ATTRIBUTION);
  entry->set_from_attribution_status(
      verification::v1::ATTRIBUTION_STATUS_UNCHECKED);
  entry->set_to_attribution_status(
      verification::v1::ATTRIBUTION_STATUS_MISATTRIBUTED);
  entry->add_evidence()->set_url("https://example.org");
  entry->set_note("Said by\nsomeone else");
  const std::vector<std::string> lines =
      Lines(FormatHistoryTable(entries, /*line_width=*/0));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_THAT(lines[1], ::testing::StartsWith("3 "));
  EXPECT_THAT(lines[1], HasSubstr("attribution  unchecked -> misattributed"));
  EXPECT_THAT(lines[1], HasSubstr("Said by someone else"));
}

TEST(ViewsTest, SpansShowOffsetsOnlyWhenGiven) {
  verification::v1::Claim claim;
  auto* appearance = claim.add_appearances();
  appearance->mutable_mention()->set_text("she");
  appearance->mutable_mention()->mutable_span()->set_begin(10);
  appearance->mutable_mention()->mutable_span()->set_end(13);
  EXPECT_THAT(FormatClaim(claim), HasSubstr("\"she\" (bytes 10-13)"));
}

TEST(ViewsTest, IngestLineNamesDocumentOutcomeStateAndPath) {
  ingestion::v1::IngestArticleResponse response;
  response.mutable_document()->set_name("documents/d1");
  response.mutable_document()->set_state(
      ingestion::v1::PROCESSING_STATE_RECEIVED);
  EXPECT_EQ(FormatIngestLine(response, "news/a.txt"),
            "documents/d1  existing  received    news/a.txt");
  response.set_created(true);
  EXPECT_THAT(FormatIngestLine(response, "-"), HasSubstr("  created   "));
}

TEST(ViewsTest, DocumentDetailsIncludeTextOnlyWhenPresent) {
  ingestion::v1::Document document;
  document.set_name("documents/d1");
  document.set_state(ingestion::v1::PROCESSING_STATE_FAILED);
  document.set_failure_reason("not UTF-8");
  EXPECT_THAT(FormatDocument(document),
              HasSubstr("failure reason:  not UTF-8"));
  EXPECT_THAT(FormatDocument(document), Not(HasSubstr("\n\n")));
  document.set_text("Body");
  EXPECT_THAT(FormatDocument(document), HasSubstr("\n\nBody\n"));
}

// --- argument parsing -----------------------------------------------------

TEST(ArgumentsTest, ParsesTimeouts) {
  EXPECT_EQ(ParseTimeout("30").value(), absl::Seconds(30));
  EXPECT_EQ(ParseTimeout("1.5").value(), absl::Milliseconds(1500));
  EXPECT_EQ(ParseTimeout("2m").value(), absl::Minutes(2));
  EXPECT_EQ(ParseTimeout("500ms").value(), absl::Milliseconds(500));
  EXPECT_FALSE(ParseTimeout("0").ok());
  EXPECT_FALSE(ParseTimeout("-1s").ok());
  EXPECT_FALSE(ParseTimeout("soon").ok());
  EXPECT_FALSE(ParseTimeout("inf").ok());
}

TEST(ArgumentsTest, ParsesPublishTimes) {
  EXPECT_EQ(ParsePublishTime("2024-05-01T12:00:00Z")->seconds(), 1714564800);
  EXPECT_EQ(ParsePublishTime("2024-05-01T14:00:00+02:00")->seconds(),
            1714564800);
  EXPECT_EQ(ParsePublishTime("2024-05-01")->seconds(), 1714521600);
  EXPECT_FALSE(ParsePublishTime("yesterday").ok());
  EXPECT_FALSE(ParsePublishTime("2024-05-01 12:00").ok());
}

TEST(ArgumentsTest, ParsesEvidence) {
  auto plain = ParseEvidence("https://example.org/a");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->url(), "https://example.org/a");
  EXPECT_EQ(plain->description(), "");

  auto described = ParseEvidence("https://example.org/a=Official transcript");
  ASSERT_TRUE(described.ok());
  EXPECT_EQ(described->url(), "https://example.org/a");
  EXPECT_EQ(described->description(), "Official transcript");

  auto query = ParseEvidence("https://example.org/?id=7&p=2");
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->url(), "https://example.org/?id=7&p=2");
  EXPECT_EQ(query->description(), "");

  auto query_described = ParseEvidence("https://example.org/?id=7=Video, 3:10");
  ASSERT_TRUE(query_described.ok());
  EXPECT_EQ(query_described->url(), "https://example.org/?id=7");
  EXPECT_EQ(query_described->description(), "Video, 3:10");

  auto fragment = ParseEvidence("http://example.org/#t=Clip");
  ASSERT_TRUE(fragment.ok());
  EXPECT_EQ(fragment->url(), "http://example.org/#t");
  EXPECT_EQ(fragment->description(), "Clip");

  EXPECT_FALSE(ParseEvidence("example.org/a").ok());
  EXPECT_FALSE(ParseEvidence("=just a description").ok());
  EXPECT_FALSE(ParseEvidence("ftp://example.org/a").ok());
}

TEST(ArgumentsTest, QualifiesNames) {
  EXPECT_EQ(QualifyName("abc", "claims"), "claims/abc");
  EXPECT_EQ(QualifyName("claims/abc", "claims"), "claims/abc");
  EXPECT_EQ(QualifyName(" d1 ", "documents"), "documents/d1");
}

// --- input collection -----------------------------------------------------

class InputFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) /
            ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Write(const std::string& relative, const std::string& content) {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << content;
    return path.string();
  }

  fs::path root_;
};

TEST_F(InputFilesTest, NoPathsMeansStdin) {
  EXPECT_THAT(CollectInputs({}).value(), ElementsAre("-"));
}

TEST_F(InputFilesTest, WalksFoldersSortedRecursivelySkippingHidden) {
  const std::string b = Write("news/b.txt", "b");
  const std::string a = Write("news/a.txt", "a");
  const std::string nested = Write("news/sub/c.txt", "c");
  Write("news/.DS_Store", "x");
  Write("news/.git/objects/1", "x");
  const auto inputs = CollectInputs({(root_ / "news").string()});
  ASSERT_TRUE(inputs.ok()) << inputs.status();
  EXPECT_THAT(*inputs, ElementsAre(a, b, nested));
}

TEST_F(InputFilesTest, KeepsArgumentOrderAndNamedHiddenFiles) {
  const std::string hidden = Write(".draft", "x");
  const std::string file = Write("z.txt", "z");
  const std::string in_folder = Write("dir/a.txt", "a");
  const auto inputs =
      CollectInputs({file, hidden, "-", (root_ / "dir").string()});
  ASSERT_TRUE(inputs.ok()) << inputs.status();
  EXPECT_THAT(*inputs, ElementsAre(file, hidden, "-", in_folder));
}

TEST_F(InputFilesTest, RejectsMissingPathsRepeatedStdinAndEmptyFolders) {
  EXPECT_EQ(CollectInputs({(root_ / "missing").string()}).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(CollectInputs({"-", "-"}).status().code(),
            absl::StatusCode::kInvalidArgument);
  Write("only-hidden/.x", "x");
  EXPECT_EQ(CollectInputs({(root_ / "only-hidden").string()}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(InputFilesTest, ReadsFilesAndStdin) {
  const std::string path = Write("a.txt", "line one\nline two\n");
  std::istringstream no_stdin;
  EXPECT_EQ(ReadInput(path, no_stdin).value(), "line one\nline two\n");
  std::istringstream stdin_stream("from stdin");
  EXPECT_EQ(ReadInput("-", stdin_stream).value(), "from stdin");
  EXPECT_FALSE(ReadInput((root_ / "nope").string(), no_stdin).ok());
}

}  // namespace
}  // namespace claimtrack::cli
