#include "services/extraction/engine/lexicon.h"

#include <algorithm>
#include <initializer_list>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"

namespace claimtrack::engine {
namespace {

void Fill(absl::flat_hash_set<std::string>& set,
          std::initializer_list<const char*> words) {
  for (const char* w : words) {
    set.insert(w);
  }
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

Lexicon::Lexicon() {
  // "alleged" and "reported" are left out on purpose: in news text they are
  // far more often adjectives ("alleged war crimes") than speech verbs.
  Fill(cue_verbs_,
       {"said", "says", "told", "tells", "added", "adds", "stated", "states",
        "noted", "notes", "wrote", "writes", "claimed", "claims", "argued",
        "argues", "explained", "explains", "announced", "announces",
        "insisted", "insists", "warned", "warns", "asserted", "asserts",
        "acknowledged", "acknowledges", "admitted", "admits", "confirmed",
        "confirms", "denied", "denies", "touted", "touts", "declared",
        "declares", "maintained", "maintains", "contended", "contends",
        "suggested", "suggests", "predicted", "predicts", "recalled",
        "recalls", "alleges", "emphasized", "emphasised", "stressed",
        "stresses", "observed", "remarked", "commented", "replied", "tweeted",
        "posted", "testified", "testifies", "vowed", "vows", "boasted",
        "complained", "conceded", "concedes", "countered", "estimated",
        "estimates", "revealed", "disclosed", "informed", "assured", "agreed",
        "believes", "thinks", "promised", "pledged", "reiterated", "hinted",
        "cautioned", "urged", "wondered", "asked", "answered", "responded",
        "joked", "conceded", "lamented", "indicated", "signaled",
        "signalled", "affirmed"});
  Fill(cue_bases_, {"say", "tell", "add", "state", "note", "write", "claim",
                    "argue", "explain", "announce", "insist", "warn", "assert",
                    "acknowledge", "admit", "confirm", "deny", "tout",
                    "declare", "maintain", "contend", "suggest", "predict",
                    "recall", "allege", "emphasize", "stress", "testify",
                    "said", "told", "stated", "claimed", "noted", "written",
                    "argued", "warned", "announced", "confirmed", "denied",
                    "insisted", "touted", "declared", "added"});
  Fill(object_cues_, {"told", "tells", "tell", "informed", "assured", "warned",
                      "reminded", "asked", "urged"});
  Fill(auxiliaries_,
       {"has", "have", "had", "will", "would", "is", "was", "were", "are",
        "did", "does", "do", "could", "can", "may", "might", "should", "must",
        "shall", "been", "be"});
  Fill(determiners_,
       {"the", "a", "an", "this", "that", "these", "those", "his", "her",
        "their", "its", "our", "my", "your", "another", "such", "some",
        "several", "many", "two", "three", "four", "five", "multiple", "one",
        "other", "both", "each", "every", "no", "any"});
  Fill(pronouns_, {"he", "she", "they", "it", "we", "i", "you"});
  Fill(speaker_stops_,
       {"that", "which", "who", "whom", "whose", "when", "while", "because",
        "as", "if", "but", "or", "so", "after", "before", "since", "although",
        "though", "where", "whether", "is", "was", "are", "were", "be",
        "been", "being", "has", "have", "had", "will", "would", "can",
        "could", "should", "may", "might", "must", "do", "does", "did", "not",
        "to", "with", "by", "on", "into", "over", "under", "about", "than",
        "despite", "during", "like", "also", "then", "what", "how", "why",
        "there", "here", "said", "told", "says", "according", "until",
        "against", "through", "without", "amid", "toward", "towards"});
  Fill(context_starters_,
       {"in", "on", "at", "during", "when", "while", "after", "before", "last",
        "earlier", "this", "yesterday", "today", "tonight", "via", "through",
        "from", "amid", "following", "since", "without", "outside", "inside",
        "under", "ahead", "later", "recently", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "over",
        "as", "upon", "once", "shortly", "publicly", "privately", "late",
        "early"});
  Fill(anonymous_,
       {"source", "sources", "official", "officials", "person", "people",
        "insider", "insiders", "aide", "aides", "diplomat", "diplomats",
        "individual", "individuals"});
  Fill(documents_,
       {"letter", "letters", "report", "reports", "memo", "memorandum",
        "statement", "filing", "filings", "complaint", "indictment",
        "document", "documents", "email", "emails", "study", "survey",
        "lawsuit", "ruling", "order", "release", "records", "analysis",
        "audit", "affidavit", "transcript", "transcripts", "notice", "note",
        "post", "cable", "draft", "proposal", "poll", "papers", "data",
        "assessment", "review", "website", "guidance", "directive"});
  Fill(speaker_nouns_,
       {"spokesperson", "spokesman", "spokeswoman", "spokespeople",
        "administration", "department", "ministry", "government", "company",
        "group", "team", "police", "prosecutor", "prosecutors", "lawyer",
        "lawyers", "attorney", "attorneys", "analyst", "analysts", "expert",
        "experts", "researchers", "people", "person", "witness", "witnesses",
        "residents", "critics", "agency", "court", "judge", "president",
        "minister", "leader", "leaders", "authorities", "investigators",
        "officer", "officers", "campaign", "office", "representative",
        "representatives", "commission", "committee", "board", "firm",
        "bank", "university", "union", "council", "military", "army",
        "embassy", "organization", "organisation", "center", "centre",
        "kremlin", "police", "family", "chief", "head", "coalition",
        "alliance", "staff", "senator", "governor", "mayor", "secretary",
        "scientists", "doctors", "activists", "advocates", "observers",
        "regulators", "lawmakers", "democrats", "republicans", "parliament",
        "ministry", "prosecutors", "court", "network", "newspaper", "panel",
        "jury", "tribunal", "inquiry", "regulator", "watchdog", "club",
        "league", "school", "hospital", "city", "state", "county", "town"});
  Fill(org_keywords_,
       {"department", "center", "centre", "bank", "university", "group",
        "ministry", "office", "agency", "council", "court", "team",
        "association", "company", "inc", "inc.", "corp", "corp.",
        "corporation", "party", "committee", "commission", "union", "nations",
        "states", "republic", "kingdom", "institute", "foundation",
        "organization", "organisation", "network", "news", "post", "journal",
        "times", "service", "services", "police", "army", "forces",
        "federation", "fund", "authority", "board", "bureau", "agency",
        "administration", "house", "parliament", "congress", "senate",
        "assembly", "government", "ltd", "ltd.", "llc", "plc", "co.",
        "college", "school", "hospital", "church", "alliance", "coalition",
        "tribunal", "cabinet", "reserve", "exchange", "press", "media",
        "eurojust", "europol", "interpol", "nato"});
  Fill(abbreviations_,
       {"mr", "ms", "mrs", "dr", "sen", "rep", "gov", "gen", "lt", "col",
        "capt", "sgt", "st", "jr", "sr", "jan", "feb", "apr", "aug", "sept",
        "sep", "oct", "nov", "dec", "vs", "inc", "corp", "co", "ltd", "prof",
        "rev", "mt", "ft", "dept", "est", "ave", "blvd", "gov", "adm", "maj",
        "cmdr", "supt", "pres", "atty"});
  Fill(final_abbreviations_, {"inc", "corp", "co", "ltd", "jr", "sr"});
  Fill(starters_,
       {"The", "He", "She", "It", "They", "We", "I", "But", "And", "A", "An",
        "In", "This", "That", "There", "His", "Her", "Their", "Its", "On",
        "At", "As", "After", "For", "Some", "Many", "Officials", "According",
        "When", "While", "If", "Still", "However", "Yet", "Meanwhile", "Now",
        "Last", "Earlier", "Despite", "Since", "Although", "Those", "These"});
  Fill(first_names_,
       {"Michael", "John", "James", "Robert", "David", "William", "Richard",
        "Joseph", "Thomas", "Charles", "Daniel", "Matthew", "Mark", "Paul",
        "Steven", "Andrew", "Kenneth", "Joshua", "Kevin", "Brian", "George",
        "Edward", "Ronald", "Timothy", "Jason", "Jeffrey", "Ryan", "Jacob",
        "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin",
        "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Frank",
        "Alexander", "Patrick", "Jack", "Dennis", "Peter", "Henry", "Carl",
        "Arthur", "Roger", "Joe", "Donald", "Merrick", "Vladimir", "Emmanuel",
        "Olaf", "Boris", "Volodymyr", "Sergei", "Dmitry", "Xi", "Angela",
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara",
        "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Lisa", "Margaret",
        "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Carol",
        "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Laura",
        "Sharon", "Cynthia", "Kathleen", "Amy", "Anna", "Anne", "Emma",
        "Olivia", "Sophie", "Maria", "Marie", "Julia", "Kamala", "Hillary",
        "Ursula", "Jane", "Hans", "Klaus", "Jean", "Pierre", "Luis", "Carlos",
        "Juan", "Ahmed", "Mohammed", "Ali", "Wei", "Li", "Hiroshi", "Yuki",
        "Priya", "Raj", "Ivan", "Olga", "Elena", "Natalia", "Andrzej", "Ana",
        "Alex", "Sam", "Chris", "Pat", "Kim", "Lee", "Tom", "Tim", "Bob",
        "Bill", "Mike", "Dan", "Ben", "Nick", "Tony", "Marco", "Giorgia",
        "Keir", "Rishi", "Justin", "Antony", "Lloyd", "Pete", "Kash", "Pam",
        "Marco", "Jake", "Karine", "Jen"});
  Fill(connectors_, {"of", "for", "the", "and", "on", "against", "de", "del",
                     "la", "von", "van", "der", "da", "di", "du", "&"});
  Fill(number_words_,
       {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty",
        "hundred", "hundreds", "thousand", "thousands", "million", "millions",
        "billion", "billions", "trillion", "percent", "dozen", "dozens",
        "half", "first", "second", "third", "only", "most", "largest",
        "biggest", "smallest", "highest", "lowest", "record", "majority",
        "all", "none", "every", "twice", "double", "tripled", "doubled"});
  Fill(clause_openers_, {"which", "who", "whom", "whose", "where", "when",
                         "while", "whereas"});
  Fill(temporal_,
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "yesterday", "today", "tonight", "week", "month", "year",
        "morning", "afternoon", "evening", "night", "weekend", "january",
        "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "earlier", "later",
        "recently"});
  Fill(hedges_, {"should", "might", "may", "could", "believe", "believes",
                 "think", "thinks", "hope", "hopes", "perhaps", "maybe",
                 "probably", "would"});
  Fill(honorifics_, {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr",
                     "sir", "dame", "prof.", "rev."});
  // Multi-word titles are stored space-joined and lower-cased.
  for (const char* t :
       {"president", "vice president", "president-elect", "attorney general",
        "deputy attorney general", "secretary of state", "secretary",
        "prime minister", "deputy prime minister", "foreign minister",
        "defense minister", "defence minister", "finance minister",
        "minister", "senator", "sen.", "rep.", "representative", "gov.",
        "governor", "mayor", "judge", "justice", "chief justice",
        "chancellor", "ambassador", "general", "gen.", "lt. gen.", "col.",
        "commissioner", "director", "chairman", "chairwoman", "chair", "ceo",
        "chief executive", "speaker", "pope", "king", "queen", "prince",
        "princess", "sheriff", "detective", "prosecutor", "special counsel",
        "dr.", "mr.", "mrs.", "ms.", "prof.", "professor", "rev.", "sir",
        "dame", "premier", "defense secretary", "state secretary",
        "secretary-general", "secretary general", "foreign secretary",
        "home secretary", "press secretary", "white house press secretary",
        "treasury secretary", "lord", "lady", "commander", "admiral", "adm.",
        "capt.", "captain", "sgt.", "sergeant", "officer", "dean",
        "archbishop", "bishop", "cardinal", "sheikh", "emir", "crown prince",
        "first lady", "house speaker", "majority leader", "minority leader",
        "senate majority leader", "fbi director", "cia director",
        "u.s. attorney", "district attorney", "solicitor general",
        "inspector general", "surgeon general", "deputy director",
        "deputy secretary", "undersecretary", "spokesperson", "spokesman",
        "spokeswoman"}) {
    titles_.insert(t);
    max_title_words_ = std::max<size_t>(
        max_title_words_,
        std::count(t, t + std::string_view(t).size(), ' ') + 1);
  }
}

bool Lexicon::IsCueAdverb(std::string_view w) const {
  if (w == "also" || w == "later" || w == "previously" || w == "again" ||
      w == "once" || w == "then" || w == "repeatedly" || w == "reportedly" ||
      w == "notably" || w == "recently" || w == "earlier" || w == "further") {
    return true;
  }
  return w.size() > 4 && EndsWith(w, "ly") && w != "only" && w != "early";
}

bool Lexicon::IsNegation(std::string_view w) const {
  return w == "not" || w == "never" || w == "declined" || w == "refused" ||
         w == "cannot" || EndsWith(w, "n't") || EndsWith(w, "n\xE2\x80\x99t");
}

bool Lexicon::IsContextStarter(std::string_view w) const {
  return Has(context_starters_, w);
}

bool Lexicon::IsSpeakerNoun(std::string_view w) const {
  if (Has(speaker_nouns_, w) || Has(anonymous_, w) ||
      Has(documents_, w)) {
    return true;
  }
  // Agent nouns: "economist", "director", "researcher", "historian".
  return w.size() > 5 && (EndsWith(w, "ist") || EndsWith(w, "ists") ||
                          EndsWith(w, "or") || EndsWith(w, "ors") ||
                          EndsWith(w, "ian") || EndsWith(w, "ians") ||
                          EndsWith(w, "er") || EndsWith(w, "ers"));
}

bool Lexicon::IsOrganizationKeyword(std::string_view w) const {
  return Has(org_keywords_, Lower(w));
}

size_t Lexicon::MatchTitle(const std::vector<std::string>& lower_words,
                           size_t start) const {
  size_t best = 0;
  std::string joined;
  for (size_t n = 1; n <= max_title_words_ && start + n <= lower_words.size();
       ++n) {
    if (n > 1) {
      joined += ' ';
    }
    joined += lower_words[start + n - 1];
    if (Has(titles_, joined)) {
      best = n;
    }
  }
  return best;
}

}  // namespace claimtrack::engine
