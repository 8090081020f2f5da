#include "tests/support/article_generator.h"

#include "absl/strings/str_cat.h"

namespace claimtrack::testing {
namespace {

constexpr const char* kFirstNames[] = {"Alice", "Tomas", "Priya", "Daniel", "Mei",
                                       "Samuel", "Ingrid", "Kwame"};
constexpr const char* kSurnames[] = {"Kowalski", "Brennan", "Okafor", "Lindqvist",
                                     "Haddad", "Moreau", "Tanaka", "Alvarez"};
constexpr const char* kRoles[] = {"mayor of Riverton", "chair of the transport committee",
                                  "chief economist at Halden Bank",
                                  "spokesperson for the port authority"};
constexpr const char* kPublishers[] = {"Riverton Courier", "Valley Ledger", "Harbor Post"};

template <typename T, size_t N>
const T& Pick(const T (&items)[N], int index) {
  return items[static_cast<size_t>(index) % N];
}

}  // namespace

GeneratedArticle GenerateArticle(int index) {
  GeneratedArticle article;
  article.publisher = Pick(kPublishers, index);
  article.url = absl::StrCat("https://news.example/", index, "/harbor-budget");
  article.title = absl::StrCat("Harbor budget vote number ", index);

  const std::string first = Pick(kFirstNames, index);
  const std::string surname = Pick(kSurnames, index / 3);
  const std::string second_first = Pick(kFirstNames, index + 3);
  const std::string second_surname = Pick(kSurnames, index / 5 + 1);

  const std::string quote1 = absl::StrCat("The harbor plan number ", index,
                                          " will pay for itself within ", 3 + index % 7,
                                          " years");
  const std::string quote2 = absl::StrCat("We counted ", 1000 + index,
                                          " ships last year and expect more");
  const std::string quote3 =
      absl::StrCat("Nobody on the council has seen the audit for case ", index);
  article.direct_quotes = {quote1, quote2, quote3};

  article.text = absl::StrCat(
      "The Riverton council voted on Tuesday to approve budget item ", index,
      " for the harbor expansion, which has been debated since 2019.\n\n",
      "\u201C", quote1, ",\u201D ", first, " ", surname, ", ", Pick(kRoles, index),
      ", said at the meeting.\n\n",
      "The expansion would add ", 4 + index % 5, " berths to the eastern pier.\n\n",
      "\u201C", quote2, ",\u201D ", surname, " added.\n\n",
      second_first, " ", second_surname, ", ", Pick(kRoles, index + 1),
      ", said the council had moved too quickly on item ", index, ".\n\n",
      "\u201C", quote3, ",\u201D ", second_surname, " said.\n");
  return article;
}

}  // namespace claimtrack::testing
