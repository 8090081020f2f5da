#ifndef CLAIMTRACK_TESTS_SUPPORT_ARTICLE_GENERATOR_H_
#define CLAIMTRACK_TESTS_SUPPORT_ARTICLE_GENERATOR_H_

#include <string>
#include <vector>

namespace claimtrack::testing {

// A synthetic news article with known quotes, for load and crash tests and
// the benchmark. Article `index` is deterministic and its quotes are unique
// to it, so each quote must end up as exactly one claim with one appearance.
struct GeneratedArticle {
  std::string url;
  std::string publisher;
  std::string title;
  std::string text;
  // The content of every direct quote in `text`, as it must be recorded.
  std::vector<std::string> direct_quotes;
};

GeneratedArticle GenerateArticle(int index);

}  // namespace claimtrack::testing

#endif  // CLAIMTRACK_TESTS_SUPPORT_ARTICLE_GENERATOR_H_
