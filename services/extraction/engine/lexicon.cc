#include "services/extraction/engine/lexicon.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "services/extraction/engine/phrasal_cues.h"

namespace claimtrack::engine {
namespace {

#include "services/extraction/engine/learned_cues.inc"

void Fill(absl::flat_hash_set<std::string>& set,
          std::initializer_list<const char*> words) {
  for (const char* w : words) {
    set.insert(w);
  }
}

// True if `s` ends with `suffix` (a string literal). With the suffix's
// length a constant the comparison is a load or two inline: string_view's
// == called compare and memcmp out of line, for nearly every word the
// rules walk back over from a cue (IsContractedNegation, IsLyAdverb).
template <size_t N>
bool EndsWith(std::string_view s, const char (&suffix)[N]) {
  return s.size() >= N - 1 &&
         __builtin_memcmp(s.data() + s.size() - (N - 1), suffix, N - 1) == 0;
}

// The cue adverbs in -ly ("publicly", "repeatedly") beside the listed ones.
bool IsLyAdverb(std::string_view w) {
  return w.size() > 4 && EndsWith(w, "ly") && w != "only" && w != "early";
}

// "didn't", "won’t" beside the listed negations.
bool IsContractedNegation(std::string_view w) {
  return EndsWith(w, "n't") || EndsWith(w, "n\xE2\x80\x99t");
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// One cue lemma and its forms. Regular forms are derived by the usual
// spelling rules; irregular ones are spelled out as
// "base|third|past|participle|gerund".
struct VerbForms {
  std::string base, third, past, participle, gerund;
};

VerbForms Inflect(std::string_view spec) {
  VerbForms v;
  if (spec.find('|') != std::string_view::npos) {
    std::vector<std::string> parts =
        absl::StrSplit(absl::string_view(spec.data(), spec.size()), '|');
    parts.resize(5);
    return {parts[0], parts[1], parts[2], parts[3], parts[4]};
  }
  std::string b(spec);
  v.base = b;
  const char last = b.back();
  const bool consonant_y =
      last == 'y' && b.size() > 1 && !IsVowel(b[b.size() - 2]);
  if (EndsWith(b, "s") || EndsWith(b, "sh") || EndsWith(b, "ch") ||
      EndsWith(b, "x") || EndsWith(b, "z")) {
    v.third = b + "es";
  } else if (consonant_y) {
    v.third = b.substr(0, b.size() - 1) + "ies";
  } else {
    v.third = b + "s";
  }
  if (last == 'e') {
    v.past = b + "d";
    v.gerund = EndsWith(b, "ee") ? b + "ing" : b.substr(0, b.size() - 1) + "ing";
  } else if (consonant_y) {
    v.past = b.substr(0, b.size() - 1) + "ied";
    v.gerund = b + "ing";
  } else {
    v.past = b + "ed";
    v.gerund = b + "ing";
  }
  v.participle = v.past;
  return v;
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s);
  // Branch-free so that the compiler vectorizes it over whole documents.
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    c = static_cast<char>(u | (static_cast<unsigned char>(u - 'A') < 26 ? 0x20 : 0));
  }
  return out;
}

Lexicon::Lexicon() {
  // Cue lemmas: speech acts, and the beliefs, intentions, attitudes,
  // evidence and decisions the news corpus annotates as attributions too
  // ("believes", "wants", "the report shows", "the court ruled"). Adjective
  // uses ("alleged war crimes", "reported cases") are excluded by the rules,
  // which need a subject right before the verb.
  for (const char* spec :
       {"say|says|said|said|saying", "tell|tells|told|told|telling",
        "write|writes|wrote|written|writing",
        "think|thinks|thought|thought|thinking",
        "know|knows|knew|known|knowing", "see|sees|saw|seen|seeing",
        "find|finds|found|found|finding", "feel|feels|felt|felt|feeling",
        "seek|seeks|sought|sought|seeking",
        "understand|understands|understood|understood|understanding",
        "show|shows|showed|shown|showing",
        "admit|admits|admitted|admitted|admitting",
        "plan|plans|planned|planned|planning",
        "prefer|prefers|preferred|preferred|preferring",
        "regret|regrets|regretted|regretted|regretting",
        "signal|signals|signaled|signaled|signaling",
        "rebut|rebuts|rebutted|rebutted|rebutting",
        "commit|commits|committed|committed|committing",
        "quip|quips|quipped|quipped|quipping",
        "slam|slams|slammed|slammed|slamming",
        "add", "state", "note", "claim", "argue", "explain", "announce",
        "insist", "warn", "assert", "acknowledge", "confirm", "deny", "tout",
        "declare", "maintain", "contend", "suggest", "predict", "recall",
        "allege", "emphasize", "emphasise", "stress", "testify", "observe",
        "remark", "comment", "reply", "tweet", "vow", "boast", "complain",
        "concede", "counter", "estimate", "reveal", "disclose", "inform",
        "assure", "agree", "promise", "pledge", "reiterate", "hint",
        "caution", "urge", "wonder", "ask", "answer", "respond", "joke",
        "lament", "indicate", "affirm", "report", "describe", "accuse",
        "criticize", "criticise", "praise", "blame", "defend", "dismiss",
        "reject", "question", "cite", "conclude", "call", "endorse",
        "support", "oppose", "propose", "recommend", "demand", "threaten",
        "speculate", "mention", "attack", "blast", "mock", "decry",
        "denounce", "charge", "applaud", "welcome", "believe", "hope",
        "want", "expect", "fear", "worry", "doubt", "intend", "decide",
        "order", "rule", "learn", "recognize", "realize", "assume",
        "suspect", "consider", "acknowledge", "explain", "predict",
        "characterize", "label", "brand", "credit", "thank", "condemn",
        "embrace", "favor", "back", "urge", "vote", "pledge", "propose",
        "push", "discuss", "address", "express", "voice", "dispute",
        "challenge", "assess", "conclude", "determine", "announce",
        "project", "forecast", "indicate", "imply", "demonstrate",
        "prove", "confess", "scoff", "shout", "yell", "chant",
        "insinuate", "lash", "rail", "sniff", "muse", "opine", "retort",
        "agree", "disagree", "acknowledge", "promote", "advocate",
        "highlight", "outline", "pitch", "paint", "frame", "declare",
        "reassure", "imagine", "envision", "anticipate", "contemplate",
        "aim", "attempt", "refuse", "decline", "like", "love", "hate",
        "dislike"}) {
    const VerbForms v = Inflect(spec);
    cue_verbs_.insert(v.third);
    cue_verbs_.insert(v.past);
    cue_bases_.insert(v.base);
    cue_bases_.insert(v.participle);
    cue_plurals_.insert(v.base);
    cue_participles_.insert(v.gerund);
  }
  // Forms that are far more often something else in news text: nouns
  // ("the claims", "calls", "plans", "reports", "charges", "orders"),
  // adjectives ("alleged", "reported", "expected") or auxiliaries.
  // Verb forms the training corpus annotates as cues (see
  // tools/extract/learn_cue_lexicon.py); the ambiguous ones are demoted below.
  for (const char* w : kLearnedFinite) {
    cue_verbs_.insert(w);
  }
  for (const char* w : kLearnedGerund) {
    cue_participles_.insert(w);
  }
  for (const char* w : kLearnedBase) {
    cue_bases_.insert(w);
    cue_plurals_.insert(w);
  }
  Fill(adjective_cues_,
       {"confident", "skeptical", "sceptical", "sure", "certain", "convinced",
        "optimistic", "pessimistic", "hopeful", "worried", "concerned",
        "eager", "aware", "adamant", "critical", "supportive", "willing",
        "reluctant", "opposed", "committed", "doubtful", "unsure",
        "uncertain", "wary", "afraid", "proud", "disappointed", "frustrated",
        "angry", "upset", "outraged", "furious", "unhappy", "satisfied",
        "grateful", "thankful", "determined", "keen", "ready", "open",
        "insistent", "hesitant", "fearful", "enthusiastic", "excited",
        "dismissive", "shocked", "surprised", "alarmed", "troubled",
        "unconvinced", "receptive", "sympathetic", "hostile", "resistant"});
  // Kept to nouns whose possessive is nearly always the holder of the view
  // ("his warning that"); "plan", "support", "decision" are as often
  // subjects of something else.
  Fill(noun_cues_,
       {"warning", "warnings", "promise", "promises", "call", "calls",
        "criticism", "argument", "assertion", "contention", "insistence",
        "suggestion", "belief", "beliefs", "view", "views", "hope", "hopes",
        "refusal", "proposal", "proposals", "attacks", "pledge", "vow",
        "desire", "assessment", "advice", "conclusion", "testimony",
        "concerns", "opposition", "allegation", "allegations", "accusation",
        "accusations", "prediction", "admission", "denial", "objection",
        "objections"});
  for (const char* w : {"called", "charged", "ordered", "ruled", "backed",
                        "voted", "refused", "declined", "learned", "thanked",
                        "welcomed", "voiced", "addressed", "pushed",
                        "outlined", "expected", "reported", "liked",
                        "loved"}) {
    strict_cues_.insert(w);
  }
  for (const char* w :
       {"alleged", "reported", "expected", "charged", "ordered", "ruled",
        "backed", "called", "voted", "liked", "loved", "aimed",
        "attempted", "refused", "declined", "committed",
        "learned", "featured", "projected", "framed", "painted",
        "pitched", "outlined", "pushed", "addressed", "thanked",
        "welcomed", "voiced", "determined", "concerned", "attacks",
        "rules", "votes", "remarks", "comments", "proved", "proves",
        "counters", "orders", "charges", "backs", "features", "advocates",
        "complaints", "impassioned", "lays", "lists", "states", "signed",
        "passed", "shared", "talks", "maintains", "maintained", "voted",
        "avoided"}) {
    cue_verbs_.erase(w);
  }
  for (const char* w : {"like", "love", "hate", "aim", "attempt", "back",
                        "support", "see", "maintain",
                        "vote", "push", "rule", "order", "charge", "call",
                        "pitch", "paint", "frame", "project", "commit",
                        "state"}) {
    cue_plurals_.erase(w);
  }
  for (const char* w : {"liking", "loving", "hating", "aiming", "attempting",
                        "backing", "voting", "pushing", "ruling", "ordering",
                        "charging", "pitching", "painting", "framing",
                        "projecting", "committing", "seeing", "feeling",
                        "understanding", "knowing", "finding", "thinking",
                        "learning", "declining", "refusing", "considering",
                        "expecting"}) {
    cue_participles_.erase(w);
  }
  // The demoted past forms still attribute after an auxiliary ("has
  // called"); IsStrictCue lets the rules accept them after a name or
  // pronoun ("She called ...").
  for (const char* w : {"called", "charged", "ordered", "ruled",
                        "backed", "voted", "learned", "refused",
                        "declined", "thanked", "welcomed", "voiced",
                        "addressed", "pushed", "outlined"}) {
    cue_bases_.insert(w);
  }
  Fill(object_cues_, {"told", "tells", "tell", "informed", "assured", "warned",
                      "reminded", "asked", "urged", "telling", "informing",
                      "assuring", "warning", "reminding", "urging"});
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
        "post", "cable", "draft", "proposal", "poll", "polls", "surveys",
        "studies", "papers", "data", "assessment", "review", "website",
        "guidance", "directive"});
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
  // US state abbreviations in datelines and appositives ("Roe, 61, of
  // Skokie, Ill., said"); they may also end a sentence.
  for (const char* state :
       {"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga",
        "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss",
        "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "vt",
        "va", "wash", "wis", "wyo"}) {
    abbreviations_.insert(state);
    final_abbreviations_.insert(state);
  }
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
  // "Her deckhands here said", "Riders today argue", "One captain even
  // noted", "have already said", "has since said", "have long argued",
  // "was first reported": place and time adverbs and "even" sit between a
  // subject and its cue too (IsCueAdverb adds the words in -ly).
  Fill(cue_adverbs_,
       {"also",    "later",      "previously", "again",   "once",
        "then",    "repeatedly", "reportedly", "notably", "recently",
        "earlier", "further",    "here",       "today",   "now",
        "even",    "often",      "always",     "too",     "already",
        "since",   "long",       "first",      "both",    "all"});
  // IsNegation adds the contractions in n't.
  Fill(negations_, {"not", "never", "declined", "refused", "cannot"});
  Fill(leading_conjunctions_,
       {"but", "and", "so", "yet", "still", "however", "meanwhile", "now",
        "instead", "indeed", "also", "or", "then", "thus", "even"});
  Fill(subordinators_,
       {"while", "although", "though", "as", "if", "when", "because", "since",
        "whereas", "once", "unless", "until"});
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
        "spokeswoman", "councilman", "councilwoman", "councilor",
        "councillor", "council member", "councilmember", "alderman",
        "alderwoman", "congressman", "congresswoman", "assemblyman",
        "assemblywoman", "assemblymember", "state senator",
        "state representative", "lieutenant governor", "lt. gov.",
        "county executive", "city manager", "police chief", "fire chief",
        "superintendent", "lt.", "lieutenant", "maj."}) {
    titles_.insert(t);
    const std::string_view title(t);
    title_first_words_.insert(std::string(title.substr(0, title.find(' '))));
    max_title_words_ = std::max<size_t>(
        max_title_words_,
        std::count(t, t + std::string_view(t).size(), ' ') + 1);
  }
  // Cues only in a construction the rules check: "read" after a quote,
  // "As X put it", "according to", "made it clear", and the verbs of
  // phrasal_cues.h.
  Fill(construction_cues_, {"read", "reads", "put", "according", "made", "makes"});
  auto add = [this](const auto& words) {
    for (std::string_view w : words) {
      construction_cues_.insert(std::string(w));
    }
  };
  add(kTalkVerbs);
  add(kPublishingVerbs);
  add(kTakeForms);
  for (const PhrasalFrame& frame : kPhrasalFrames) {
    add(frame.forms);
  }
  // One table for every list, at most half full, so that a miss (most
  // words) usually ends at the first, empty slot.
  size_t words = 0;
  const std::pair<const WordSet*, uint64_t> lists[] = {
      {&cue_verbs_, kSetCueVerb},
      {&cue_bases_, kSetCueBase},
      {&cue_plurals_, kSetCuePlural},
      {&cue_participles_, kSetCueParticiple},
      {&strict_cues_, kSetStrictCue},
      {&noun_cues_, kNounCue},
      {&adjective_cues_, kAdjectiveCue},
      {&construction_cues_, kConstructionCue},
      {&number_words_, kSetNumberWord},
      {&hedges_, kSetHedge},
      {&object_cues_, kSetObjectCue},
      {&auxiliaries_, kSetAuxiliary},
      {&determiners_, kSetDeterminer},
      {&pronouns_, kSetPronoun},
      {&speaker_stops_, kSetSpeakerStop},
      {&context_starters_, kSetContextStarter},
      {&anonymous_, kSetAnonymous},
      {&documents_, kSetDocument},
      {&speaker_nouns_, kSetSpeakerNoun},
      {&org_keywords_, kSetOrgKeyword},
      {&abbreviations_, kSetAbbreviation},
      {&final_abbreviations_, kSetFinalAbbreviation},
      {&starters_, kSetStarter},
      {&first_names_, kSetFirstName},
      {&connectors_, kSetConnector},
      {&clause_openers_, kSetClauseOpener},
      {&temporal_, kSetTemporal},
      {&titles_, kSetTitle},
      {&title_first_words_, kSetTitleFirstWord},
      {&honorifics_, kSetHonorific},
      {&cue_adverbs_, kSetCueAdverb},
      {&negations_, kSetNegation},
      {&leading_conjunctions_, kSetLeadingConjunction},
      {&subordinators_, kSetSubordinator}};
  for (const auto& [set, bit] : lists) {
    words += set->size();
  }
  size_t capacity = 64;
  while (capacity < words * 2) {
    capacity *= 2;
  }
  tags_.assign(capacity, 0);
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  for (const auto& [set, bit] : lists) {
    for (const std::string& w : *set) {
      AddWord(w, bit);
    }
  }
  for (const std::string& w : connectors_) {
    if (!w.empty()) {
      const auto c0 = static_cast<unsigned char>(w[0]);
      connector_first_[c0 >> 6] |= uint64_t{1} << (c0 & 63);
      max_connector_length_ = std::max(max_connector_length_, w.size());
    }
  }
  for (size_t i = 0; i < slots_.size(); ++i) {
    const std::string_view w =
        std::string_view(pool_).substr(slots_[i].offset, slots_[i].length);
    if (tags_[i] != 0 && (slots_[i].flags & kPublicFlags) != 0 &&
        w.size() >= 2) {
      char first8[8] = {};
      w.copy(first8, 8);
      const uint64_t h = FilterHash(FirstBytes(first8, w.size()), w.size());
      filter_[FilterWord(h)] |= FilterBits(h);
    }
  }
  // The lists are only needed to build the table.
  for (const auto& [set, bit] : lists) {
    const_cast<WordSet*>(set)->clear();
  }
}

void Lexicon::AddWord(std::string_view w, uint64_t bit) {
  if (w.empty()) {
    return;
  }
  max_word_length_ = std::max(max_word_length_, w.size());
  const Key key = KeyOf(w);
  const uint64_t h = Hash(key, w.size());
  for (size_t i = h & mask_;; i = (i + 1) & mask_) {
    Slot& s = slots_[i];
    if (tags_[i] == 0) {
      tags_[i] = Tag(h);
      s.flags = bit;
      s.key = key;
      s.offset = static_cast<uint32_t>(pool_.size());
      s.length = static_cast<uint32_t>(w.size());
      pool_.append(w.data(), w.size());
      return;
    }
    if (tags_[i] == Tag(h) &&
        std::string_view(pool_).substr(s.offset, s.length) == w) {
      s.flags |= bit;
      return;
    }
  }
}

bool Lexicon::IsCueAdverb(const Word& w) const {
  return In(w, kSetCueAdverb) || IsLyAdverb(w.text());
}

bool Lexicon::IsNegation(const Word& w) const {
  return In(w, kSetNegation) || IsContractedNegation(w.text());
}

Lexicon::ChainWord Lexicon::CueChainWord(const Word& w) const {
  const uint64_t sets = Lookup(w.text_, Key{w.x_, w.y_});
  if ((sets & kSetNegation) != 0 || IsContractedNegation(w.text())) {
    return ChainWord::kNegation;
  }
  if ((sets & kSetAuxiliary) != 0) {
    return ChainWord::kAuxiliary;
  }
  if ((sets & kSetCueAdverb) != 0 || IsLyAdverb(w.text())) {
    return ChainWord::kCueAdverb;
  }
  return ChainWord::kOther;
}

bool Lexicon::IsSpeakerNoun(const Word& word) const {
  if (In(word, kSetSpeakerNoun | kSetAnonymous | kSetDocument)) {
    return true;
  }
  const std::string_view w = word.text();
  // Agent nouns: "economist", "director", "researcher", "historian".
  return w.size() > 5 && (EndsWith(w, "ist") || EndsWith(w, "ists") ||
                          EndsWith(w, "or") || EndsWith(w, "ors") ||
                          EndsWith(w, "ian") || EndsWith(w, "ians") ||
                          EndsWith(w, "er") || EndsWith(w, "ers"));
}

bool Lexicon::IsOrganizationKeyword(std::string_view w) const {
  // Lower-cased on the stack: no word in the table is longer.
  char buf[64];
  if (w.size() > sizeof(buf) || w.size() > max_word_length_) {
    return false;
  }
  for (size_t i = 0; i < w.size(); ++i) {
    const auto u = static_cast<unsigned char>(w[i]);
    buf[i] = static_cast<char>(u | (static_cast<unsigned char>(u - 'A') < 26 ? 0x20 : 0));
  }
  return In(std::string_view(buf, w.size()), kSetOrgKeyword);
}

std::string_view Lexicon::SpelledOutTitle(std::string_view lower_title) {
  // The abbreviations among the titles above.
  static constexpr std::pair<std::string_view, std::string_view> kFull[] = {
      {"gov.", "Governor"},   {"lt. gov.", "Lieutenant Governor"},
      {"sen.", "Senator"},    {"rep.", "Representative"},
      {"gen.", "General"},    {"lt. gen.", "Lieutenant General"},
      {"col.", "Colonel"},    {"maj.", "Major"},
      {"lt.", "Lieutenant"},  {"capt.", "Captain"},
      {"sgt.", "Sergeant"},   {"adm.", "Admiral"},
      {"prof.", "Professor"}, {"rev.", "Reverend"},
  };
  for (const auto& [abbreviation, full] : kFull) {
    if (lower_title == abbreviation) {
      return full;
    }
  }
  return {};
}

size_t Lexicon::MatchTitle(const std::vector<std::string>& lower_words,
                           size_t start) const {
  std::vector<std::string_view> views(lower_words.begin(), lower_words.end());
  return MatchTitle(views, start);
}

size_t Lexicon::MatchTitleFrom(absl::Span<const std::string_view> lower_words,
                               size_t start) const {
  size_t best = 0;
  // Titles are short: join the candidate words on the stack.
  char joined[128];
  size_t length = 0;
  for (size_t n = 1; n <= max_title_words_ && start + n <= lower_words.size();
       ++n) {
    const std::string_view w = lower_words[start + n - 1];
    if (length + w.size() + 1 > sizeof(joined) ||
        length + w.size() + 1 > max_word_length_ + 1) {
      break;
    }
    if (n > 1) {
      joined[length++] = ' ';
    }
    __builtin_memcpy(joined + length, w.data(), w.size());
    length += w.size();
    if (In(std::string_view(joined, length), kSetTitle)) {
      best = n;
    }
  }
  return best;
}

}  // namespace claimtrack::engine
