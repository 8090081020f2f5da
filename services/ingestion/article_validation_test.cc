#include "services/ingestion/article_validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "common/testing/status_matchers.h"

namespace claimtrack::ingestion {
namespace {

using ::claimtrack::ingestion::v1::Article;
using ::claimtrack::testing::IsOk;
using ::claimtrack::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

Article MakeArticle(std::string text, std::string url = "https://example.com/a") {
  Article article;
  article.set_text(std::move(text));
  article.mutable_source()->set_url(std::move(url));
  return article;
}

TEST(ValidateArticleTest, AcceptsAValidArticle) {
  EXPECT_THAT(ValidateArticle(MakeArticle("Text."), ArticleLimits{}, "article"), IsOk());
  EXPECT_THAT(ValidateArticle(MakeArticle("Text.", ""), ArticleLimits{}, "article"),
              IsOk());
}

TEST(ValidateArticleTest, RejectsEmptyAndWhitespaceText) {
  EXPECT_THAT(ValidateArticle(MakeArticle(""), ArticleLimits{}, "article"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("article.text")));
  EXPECT_THAT(
      ValidateArticle(MakeArticle(" \n\t "), ArticleLimits{}, "requests[3].article"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("requests[3].article.text")));
}

TEST(ValidateArticleTest, NamesTheInvalidUtf8Offset) {
  EXPECT_THAT(ValidateArticle(MakeArticle("abc\xff"), ArticleLimits{}, "article"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("article.text"), HasSubstr("offset 3"))));
}

TEST(ValidateArticleTest, RefusesNulBytesInAnyField) {
  EXPECT_THAT(ValidateArticle(MakeArticle(std::string("ab\0c", 4)), ArticleLimits{}, "article"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("article.text"), HasSubstr("NUL"), HasSubstr("offset 2"))));
  Article article = MakeArticle("Fine text.");
  article.mutable_source()->add_authors(std::string("Ann\0", 4));
  EXPECT_THAT(ValidateArticle(article, ArticleLimits{}, "requests[1].article"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("requests[1].article.source.authors[0]")));
}

TEST(ValidateArticleTest, NamesSizeLimitAndFlag) {
  ArticleLimits limits;
  limits.max_text_bytes = 10;
  EXPECT_THAT(
      ValidateArticle(MakeArticle(std::string(11, 'a')), limits, "article"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("article.text is 11 bytes"), HasSubstr("limit is 10"),
                     HasSubstr("--max_article_bytes"))));
  EXPECT_THAT(ValidateArticle(MakeArticle(std::string(10, 'a')), limits, "article"),
              IsOk());
}

TEST(ValidateArticleTest, RejectsBadUrls) {
  for (const char* url : {"not a url", "ftp://x", "http://", "https:///path",
                          "example.com/a", "http://exa mple.com", "http://host:port"}) {
    EXPECT_THAT(
        ValidateArticle(MakeArticle("Text.", url), ArticleLimits{}, "article"),
        StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("article.source.url")))
        << url;
  }
}

TEST(IsAbsoluteHttpUrlTest, AcceptsUsualForms) {
  for (const char* url : {"http://example.com", "HTTPS://Example.com/a?b=c#d",
                          "https://user@example.com:8443/x", "http://[::1]:80/"}) {
    EXPECT_TRUE(IsAbsoluteHttpUrl(url)) << url;
  }
}

TEST(ValidateArticleTest, RejectsOverlongMetadata) {
  Article article = MakeArticle("Text.");
  article.mutable_source()->set_title(std::string(2000, 't'));
  EXPECT_THAT(ValidateArticle(article, ArticleLimits{}, "article"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("article.source.title is 2000 bytes")));
  article = MakeArticle("Text.");
  article.mutable_source()->add_authors("A");
  article.mutable_source()->add_authors(std::string(300, 'b'));
  EXPECT_THAT(ValidateArticle(article, ArticleLimits{}, "article"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("article.source.authors[1]")));
  article = MakeArticle("Text.");
  article.mutable_source()->set_publisher(std::string(300, 'p'));
  EXPECT_THAT(ValidateArticle(article, ArticleLimits{}, "article"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("article.source.publisher")));
}

}  // namespace
}  // namespace claimtrack::ingestion
