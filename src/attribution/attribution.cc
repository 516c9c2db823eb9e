#include "attribution/attribution.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "base/utf8.h"
#include "model/linear_model.h"
#include "text/chars.h"

namespace bron {
namespace {

// Quote marks pair within a family: “…” „…” "…" ‘…’ '…' «…» ‹…›.
enum class Family { kNone, kDouble, kSingle, kGuillemet, kAngle };

Family FamilyOf(std::string_view form) {
  if (form == "\"" || form == "“" || form == "”" || form == "„" || form == "‟" || form == "``" || form == ",," ||
      form == "''") {
    return Family::kDouble;
  }
  if (form == "'" || form == "‘" || form == "’" || form == "‚" || form == "‛") return Family::kSingle;
  if (form == "«" || form == "»") return Family::kGuillemet;
  if (form == "‹" || form == "›") return Family::kAngle;
  return Family::kNone;
}

// A range of tokens [first, end).
struct Range {
  uint32_t first = 0, end = 0;
  bool empty() const { return first >= end; }
  uint32_t size() const { return empty() ? 0 : end - first; }
};

// How firmly a span is put, from the strongest reading down.
constexpr std::array<std::string_view, 6> kCertaintyOrder = {"conditional", "reported", "estimated",
                                                               "possible",    "negated",  "asserted"};
int CertaintyRank(std::string_view c) {
  for (size_t i = 0; i < kCertaintyOrder.size(); ++i) {
    if (kCertaintyOrder[i] == c) return static_cast<int>(i);
  }
  return static_cast<int>(kCertaintyOrder.size()) - 1;
}

struct Judgement {
  std::string certainty = "asserted";
  std::vector<TextSpan> cues;
};

// A quote under construction, in token terms.
struct Found {
  std::string kind;
  Range content;
  Range cue;      // empty if none
  Range speaker;  // empty if none
  int entity = -1;
  std::string certainty = "asserted";  // what the cue verb lends the content
  int sentence = 0;
  const char* resolved_by = "clause";  // the step that set `entity` last (its own clause, or a later one)
};

class Analysis {
 public:
  Analysis(const AttributionLexicon& lexicon, bool dutch, Document* doc, const SpeakerRanker* ranker,
           std::vector<SpeakerChoice>* trace)
      : lex_(lexicon), nl_(dutch), doc_(*doc), tokens_(doc->tokens), ranker_(ranker), trace_(trace) {}

  void Run() {
    Prepare();
    FindDirectQuotes();
    FindIndirectQuotes();
    MergeMixed();
    // Which step last set each quote's speaker: the ranker learns how far to trust each.
    auto step = [this](const char* name, auto&& run) {
      std::vector<int> before;
      for (const Found& f : quotes_) before.push_back(f.entity);
      run();
      if (before.size() != quotes_.size()) return;
      for (size_t i = 0; i < quotes_.size(); ++i) {
        if (quotes_[i].entity != before[i]) quotes_[i].resolved_by = name;
      }
    };
    step("turn", [this] { ResolveContinuations(); });
    if (nl_) step("interviewee", [this] { ResolveInterviewees(); });
    step("description", [this] { ResolveDescriptions(); });
    step("described_source", [this] { ResolveDescribedSources(); });
    if (ranker_ || trace_) RankSpeakers();
    Emit();
  }

 private:
  // ---- token views ----
  Upos upos(uint32_t t) const { return tokens_[t].upos; }
  bool IsPluralNoun(uint32_t t) const {  // CGN "N|soort|mv|…", PTB "NNS"
    std::string_view xpos = tokens_[t].xpos ? doc_.strings.Get(tokens_[t].xpos) : "";
    return xpos == "NNS" || xpos.find("|mv") != std::string_view::npos;
  }
  bool IsComma(uint32_t t) const { return words_[t] == ","; }
  bool IsDash(uint32_t t) const {
    return words_[t] == "-" || words_[t] == "\u2013" || words_[t] == "\u2014" || words_[t] == "\u2015";
  }
  bool IsPunct(uint32_t t) const {
    std::string_view w = words_[t];
    if (w.empty()) return true;
    const char* p = w.data();
    char32_t c = DecodeUtf8(p);
    return !IsAlnum(c) && w != "£" && w != "$" && w != "€" && w != "%";
  }
  bool IsQuoteMark(uint32_t t) const { return FamilyOf(words_[t]) != Family::kNone; }
  bool IsVerb(uint32_t t) const { return upos(t) == Upos::kVerb || upos(t) == Upos::kAux; }
  bool IsOfWord(uint32_t t) const {
    std::string_view w = words_[t];
    return nl_ ? (w == "van" || w == "uit" || w == "bij" || w == "in")
               : (w == "of" || w == "from" || w == "at" || w == "in" || w == "for");
  }
  bool IsPossessive(uint32_t t) const {
    static const char* kNl[] = {"zijn", "haar", "hun", "mijn", "onze", "ons"};
    static const char* kEn[] = {"his", "her", "their", "its", "my", "our"};
    for (const char* w : kNl) if (nl_ && words_[t] == w) return true;
    for (const char* w : kEn) if (!nl_ && words_[t] == w) return true;
    return false;
  }
  // "De Tilburger", "de Amsterdammer": a capitalised Dutch noun in -er inside the sentence names where
  // someone is from (the tagger calls it NOUN or PROPN).
  bool IsDemonym(uint32_t t) const {
    const std::string& w = words_[t];
    return nl_ && (upos(t) == Upos::kNoun || upos(t) == Upos::kPropn) && !StartsLowerCase(t) && w.size() > 5 &&
           w.compare(w.size() - 2, 2, "er") == 0 && t > doc_.sentences[tokens_[t].sentence].first_token;
  }
  // "de parlementariër", "zijn advocaat", "the spokesman", "De VVD'er": a phrase that describes a person.
  bool IsPersonDescription(Range np) const {
    if (np.empty()) return false;
    std::string_view det = words_[np.first];
    bool definite = det == "de" || det == "het" || det == "deze" || det == "die" || det == "the" || det == "this" ||
                    IsPossessive(np.first);
    if (!definite) return false;
    for (uint32_t t = np.first + 1; t < np.end; ++t) {
      if (IsOfWord(t)) break;
      if (upos(t) != Upos::kNoun && upos(t) != Upos::kPropn) continue;
      const std::string& w = words_[t];
      if (lex_.FindLemma("person", lemmas_[t]) || lex_.FindLemma("person", w)) return true;
      if (upos(t) == Upos::kNoun && HasLexiconHead("person", lemmas_[t])) return true;  // "de politiechef"
      if (IsDemonym(t)) return true;
      if (w.size() > 4 && (w.compare(w.size() - 3, 3, "'er") == 0 || w.compare(w.size() - 4, 4, "’er") == 0)) return true;
    }
    return false;
  }
  // The head noun of a phrase (its last noun) is plural: "de onderzoekers" are not one person.
  bool HeadIsPlural(Range r) const {
    for (uint32_t t = r.end; t-- > r.first;) {
      if (upos(t) == Upos::kNoun) return IsPluralNoun(t);
    }
    return false;
  }
  // The head noun of a phrase (its last noun) names a person: "chairman", "woordvoerder".
  bool HeadIsPersonNoun(Range r) const {
    for (uint32_t t = r.end; t-- > r.first;) {
      if (upos(t) == Upos::kNoun) return lex_.FindLemma("person", lemmas_[t]) || lex_.FindLemma("person", words_[t]);
      if (upos(t) == Upos::kPropn) return false;
    }
    return false;
  }
  // Whether a sentence (up to token `before`) has a reporting verb whose subject is one person described but
  // not named ("een woordvoerder van het Openbaar Ministerie", "de vrouw").
  bool UnnamedSpeakerIn(const Sentence& sent, uint32_t before) const {
    Range sentence{sent.first_token, sent.end_token};
    for (uint32_t v = sent.first_token; v < before && v < sent.end_token; ++v) {
      if (upos(v) != Upos::kVerb || InDirect(v) || !VerbOf(v)) continue;
      // The subject, or the phrase after the verb ("Dat zegt een woordvoerder").
      for (Range subject : {Subject(v, sentence), NpAfter(v + 1, sent.end_token)}) {
        if (!subject.empty() && IsOnePersonDescribed(subject) && ResolveSpeaker(subject) < 0) return true;
      }
    }
    return false;
  }
  // "de juristen", "de diensten": a definite phrase headed by a plural noun for people or bodies.
  bool IsPluralDescription(Range r) const {
    if (r.empty() || words_[r.first] != "de") return false;
    for (uint32_t t = r.end; t-- > r.first + 1;) {
      if (upos(t) == Upos::kPropn || entity_[t] >= 0) return false;
      if (upos(t) != Upos::kNoun) continue;
      return IsPluralNoun(t) && (lex_.FindLemma("person", lemmas_[t]) || lex_.FindLemma("org", lemmas_[t]));
    }
    return false;
  }
  // "een woordvoerder", "haar woordvoerder": one person, named by a singular person noun at its head.
  bool IsOnePersonDescribed(Range r) const {
    for (uint32_t t = r.first; t < r.end; ++t) {
      if (IsOfWord(t)) { r.end = t; break; }  // the head is before "van": "een woordvoerder van het OM"
    }
    for (uint32_t t = r.end; t-- > r.first;) {
      if (upos(t) == Upos::kNoun) return !IsPluralNoun(t) && HeadIsPersonNoun({r.first, t + 1});
      if (upos(t) == Upos::kPropn) return false;
    }
    return false;
  }
  // "de woordvoerder van het OM": a description tied to someone else is not the person quoted before.
  bool HasComplement(Range np) const {
    for (uint32_t t = np.first; t < np.end; ++t) if (IsOfWord(t)) return true;
    return false;
  }
  // "Onwrikbare steun De Duitse minister": a capitalised article inside a phrase starts a new one (a
  // heading run into the text).
  bool StartsOver(uint32_t t) const { return upos(t) == Upos::kDet && !StartsLowerCase(t); }
  bool IsAnd(uint32_t t) const { return words_[t] == (nl_ ? "en" : "and"); }
  bool IsNpWord(uint32_t t) const {
    if (!nl_ && (words_[t] == "'s" || words_[t] == "’s") && upos(t) == Upos::kPart) return true;  // "the minister’s spokesman"
    if (IsApostropheGenitive(t)) return true;  // "Biemans' vrouw"
    if (IsShortBracket(t)) return true;         // "Ingrid van Engelshoven (D66)"
    if (IsPunct(t)) return false;
    if (entity_[t] >= 0) return true;
    // "Avery en zijn advocaten": a possessive before its noun, as a determiner.
    if (upos(t) == Upos::kPron && IsPossessive(t) && t + 1 < tokens_.size() &&
        (upos(t + 1) == Upos::kNoun || upos(t + 1) == Upos::kAdj)) {
      return true;
    }
    switch (upos(t)) {
      case Upos::kDet: case Upos::kAdj: case Upos::kNum: case Upos::kNoun: case Upos::kPropn: return true;
      default: return false;
    }
  }
  bool IsHead(uint32_t t) const {
    return entity_[t] >= 0 || upos(t) == Upos::kNoun || upos(t) == Upos::kPropn;
  }
  bool IsPersonalPronoun(uint32_t t) const {
    static const char* kNl[] = {"hij", "zij", "ze", "ik", "wij", "we", "jij", "u", "men", "hem", "haar", "hen", "hun", "mij", "ons"};
    static const char* kEn[] = {"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "us", "me"};
    std::string_view w = words_[t];
    if (nl_) {
      for (const char* p : kNl) if (w == p) return true;
    } else {
      for (const char* p : kEn) if (w == p) return true;
    }
    return false;
  }
  bool IsRelativeOrSubordinator(uint32_t t) const {
    if (upos(t) == Upos::kSconj) return true;
    std::string_view w = words_[t];
    // "die", "dat" and "that" are also determiners ("die man", "that plan").
    if (upos(t) == Upos::kDet && (w == "die" || w == "dat" || w == "that")) return false;
    static const char* kNl[] = {"die", "dat", "welke", "wat", "wie", "waar", "waarbij", "waarvan", "waarin", "omdat"};
    static const char* kEn[] = {"who", "which", "that", "whom", "whose", "where", "when", "because"};
    for (const char* p : kNl) if (nl_ && w == p) return true;
    for (const char* p : kEn) if (!nl_ && w == p) return true;
    return false;
  }
  Range SentenceOf(uint32_t t) const {
    const Sentence& s = doc_.sentences[tokens_[t].sentence];
    return {s.first_token, s.end_token};
  }
  // The sentence without its final punctuation and closing marks.
  uint32_t ContentEnd(Range s) const {
    uint32_t e = s.end;
    while (e > s.first && (IsPunct(e - 1) || IsQuoteMark(e - 1))) --e;
    return e;
  }
  bool HasVerb(Range r) const {
    for (uint32_t t = r.first; t < r.end; ++t) if (IsVerb(t)) return true;
    return false;
  }
  bool InDirect(uint32_t t) const { return direct_of_[t] >= 0; }

  void Prepare() {
    const size_t n = tokens_.size();
    words_.resize(n);
    lemmas_.resize(n);
    for (size_t t = 0; t < n; ++t) {
      words_[t] = Lowercase(doc_.Form(static_cast<uint32_t>(t)));
      std::string_view lemma = doc_.strings.Get(tokens_[t].lemma);
      lemmas_[t] = lemma.empty() ? words_[t] : LexiconKey(lemma);
    }
    entity_.assign(n, -1);
    for (size_t e = 0; e < doc_.entities.size(); ++e) {
      for (const Mention& m : doc_.entities[e].mentions) {
        for (uint32_t t = m.first_token; t < m.end_token && t < n; ++t) entity_[t] = static_cast<int>(e);
        mentions_.push_back({m.first_token, m.end_token, static_cast<int>(e)});
      }
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const MentionRef& a, const MentionRef& b) { return a.first < b.first; });
    // "PvdA'er William Moorlag": a party member's noun the recogniser took for a person right before a
    // person's name is that person's title, no one of its own (for pronouns and descriptions as well).
    if (nl_) {
      std::vector<MentionRef> kept;
      for (size_t i = 0; i < mentions_.size(); ++i) {
        const MentionRef& m = mentions_[i];
        bool title = m.end == m.first + 1 && IsMemberNoun(m.first) && i + 1 < mentions_.size() &&
                     mentions_[i + 1].first == m.end && doc_.entities[mentions_[i + 1].entity].type == "PER";
        if (title) {
          entity_[m.first] = -1;
        } else {
          kept.push_back(m);
        }
      }
      mentions_.swap(kept);
    }
    if (nl_) FindGenders();
    in_time_.assign(n, false);
    in_number_.assign(n, false);
    MarkSpans(doc_.times, &in_time_);
    MarkSpans(doc_.quantities, &in_number_);
    direct_of_.assign(n, -1);
    used_.assign(n, false);
  }
  // The gender of each person, where the text or the first name says it: a gendered noun or form of address
  // just before a mention or in apposition after it ("mevrouw Jansen", "haar vriendin Marieke van der Aa",
  // "Els Bakker, moeder van …"; `gender` entries) outvotes the first name (data/nl/first-names.tsv).
  void FindGenders() {
    gender_.assign(doc_.entities.size(), 0);
    std::vector<int> text_votes(doc_.entities.size(), 0);  // > 0 male, < 0 female
    std::vector<int> name_votes(doc_.entities.size(), 0);
    auto vote_of = [this](uint32_t t) {
      const std::string* g = lex_.FindLemma("gender", words_[t]);
      if (!g) g = lex_.FindLemma("gender", lemmas_[t]);
      return !g ? 0 : *g == "m" ? 1 : -1;
    };
    for (const MentionRef& m : mentions_) {
      if (doc_.entities[m.entity].type != "PER") continue;
      // "mevrouw Jansen", "Mevrouw Jansen" opening the sentence, or the title inside the mention.
      if (m.first > 0 && (StartsLowerCase(m.first - 1) ||
                          m.first - 1 == doc_.sentences[tokens_[m.first].sentence].first_token)) {
        text_votes[m.entity] += vote_of(m.first - 1);
      }
      if (m.end - m.first >= 2) text_votes[m.entity] += vote_of(m.first);
      if (m.end + 1 < tokens_.size() && IsComma(m.end) && StartsLowerCase(m.end + 1)) {
        text_votes[m.entity] += vote_of(m.end + 1);
      }
      if (m.end - m.first >= 2) {
        char g = lex_.FirstNameGender(doc_.Form(m.first));
        name_votes[m.entity] += g == 'm' ? 1 : g == 'f' ? -1 : 0;
      }
    }
    for (size_t e = 0; e < gender_.size(); ++e) {
      int votes = text_votes[e] != 0 ? text_votes[e] : name_votes[e];
      gender_[e] = votes > 0 ? 'm' : votes < 0 ? 'f' : 0;
    }
  }
  template <typename T>
  void MarkSpans(const std::vector<T>& spans, std::vector<bool>* marks) {
    // Both lists are in text order, like the tokens.
    size_t t = 0;
    for (const T& s : spans) {
      while (t < tokens_.size() && tokens_[t].end <= s.start) ++t;
      for (size_t k = t; k < tokens_.size() && tokens_[k].start < s.end; ++k) (*marks)[k] = true;
    }
  }

  // ---- noun phrases ----
  // The noun phrase that starts at p, within [p, limit).
  Range NpAfter(uint32_t p, uint32_t limit) const {
    if (p >= limit) return {p, p};
    // "haar woordvoerder", "haar vriendin Marieke": a Dutch possessive before a noun is no pronoun of its own.
    bool possessive = nl_ && IsPossessive(p) && p + 1 < limit &&
                      (upos(p + 1) == Upos::kNoun || (upos(p + 1) == Upos::kAdj && p + 2 < limit && upos(p + 2) == Upos::kNoun));
    if (upos(p) == Upos::kPron && IsPersonalPronoun(p) && !possessive) return {p, p + 1};
    uint32_t e = p;
    bool head = false;
    if (IsPossessive(p)) ++e;  // "zijn advocaat"
    while (e < limit && (e == p || (tokens_[e].gap < Gap::kNewline && !StartsOver(e)))) {
      if (IsNpWord(e)) {
        if (head && nl_ && IsTimeWord(e) && entity_[e] < 0) break;  // "de oud-partijleider van de VVD maandagmiddag"
        // An article after the head starts another phrase, unless after "van" or "en": "noemt Van Soest het
        // stilleggen …", "is blij dat Wiegel de VVD erbij wil".
        // (Not a name's own: "Rienk de Groot", "tv-programma De Monitor"; nor after a preposition.)
        if (head && nl_ && entity_[e] < 0 && (words_[e] == "de" || words_[e] == "het" || words_[e] == "een") &&
            !IsOfWord(e - 1) && !IsAnd(e - 1) && upos(e - 1) != Upos::kAdp) {
          break;
        }
        head = head || IsHead(e);
        ++e;
      } else if (head && (IsOfWord(e) || IsAnd(e)) && e + 1 < limit && IsNpWord(e + 1)) {
        ++e;
      } else {
        break;
      }
    }
    if (!head) return {p, p};
    // An apposition after a name: "Joop Hox, statisticus bij het CBS,".
    if (e + 2 < limit && IsComma(e) && entity_[e - 1] >= 0) {
      uint32_t k = e + 1;
      while (k < limit && !IsComma(k) && !IsVerb(k) && !IsPunct(k) && k - e <= 6) ++k;
      if (k > e + 1 && (k == limit || IsComma(k)) && !HasVerb({e + 1, k})) e = k;
    }
    return {p, e};
  }
  // The noun phrase that ends just before v, not before `floor`.
  Range NpBefore(uint32_t v, uint32_t floor) const {
    if (v <= floor) return {v, v};
    if (upos(v - 1) == Upos::kPron && IsPersonalPronoun(v - 1) && !(v - 1 > floor && IsPossessive(v - 2))) {
      return {v - 1, v};
    }
    uint32_t b = v;
    // "Tim S. (40)": skip an age or an aside in parentheses.
    if (b > floor + 2 && words_[b - 1] == ")") {
      uint32_t open = b - 1;
      while (open > floor && words_[open] != "(" && b - open < 6) --open;
      if (words_[open] == "(") b = open;
    }
    const uint32_t last = b;
    while (b > floor && tokens_[b].gap < Gap::kNewline && (b == last || !StartsOver(b))) {
      if (IsNpWord(b - 1)) {
        --b;
      } else if (b < last && b - 1 > floor && (IsOfWord(b - 1) || IsAnd(b - 1)) && IsNpWord(b - 2)) {
        --b;
      } else {
        break;
      }
    }
    if (b < last && IsAnd(b)) ++b;
    if (b < last && b > floor && IsPossessive(b - 1)) --b;  // "her friend", "zijn advocaat"
    v = last;
    bool head = false;
    for (uint32_t t = b; t < v; ++t) head = head || IsHead(t);
    return head ? Range{b, v} : Range{v, v};
  }
  // A token of a time expression: one the times stage found, or a noun for a stretch of time ("zomer").
  bool IsTimeWord(uint32_t t) const {
    return in_time_[t] || (upos(t) == Upos::kNoun && lex_.FindLemma("time", lemmas_[t]));
  }
  // "Afgelopen zomer", "eerder deze week": a phrase headed by a time word.
  bool IsTimePhrase(Range r) const { return !r.empty() && IsTimeWord(r.end - 1); }
  // A phrase that sets the time or place rather than the subject ("Vorige maand", "In februari").
  bool IsAdverbial(Range r) const {
    if (r.empty()) return true;
    Upos u = upos(r.first);
    if (u == Upos::kAdp || u == Upos::kAdv || u == Upos::kSconj) return true;
    for (uint32_t t = r.first; t < r.end; ++t) if (in_time_[t]) return true;
    return IsTimePhrase(r);
  }
  // Where the clause of token v begins: after the last comma, colon or quote mark before it.
  uint32_t ClauseStart(uint32_t v, uint32_t floor) const {
    uint32_t b = v;
    // "Er zijn twaalf fracties - ChristenUnie en SGP kondigden aan": a dash between clauses too.
    while (b > floor && !IsComma(b - 1) && words_[b - 1] != ":" && words_[b - 1] != ";" && !IsQuoteMark(b - 1) &&
           !(nl_ && IsDash(b - 1)) && !OpensAfterHeading(b)) {
      --b;
    }
    return b;
  }
  // "Onwrikbare steun De Duitse minister … zei": an article with a capital after a lower-case word starts
  // a sentence whose intertitle the splitter left glued to it.
  bool OpensAfterHeading(uint32_t t) const {
    if (t == 0 || upos(t) != Upos::kDet || StartsLowerCase(t) || !StartsLowerCase(t - 1)) return false;
    const std::string& w = words_[t];
    return w == "de" || w == "het" || w == "een" || w == "the" || w == "a";
  }
  // The subject of the clause whose verb (or its finite auxiliary) is near v.
  Range Subject(uint32_t v, Range sentence) const {
    uint32_t cs = ClauseStart(v, sentence.first);
    // "Nu heeft Kathleen Zellner, de nieuwe, gehaaide advocaat van Steven Avery, aangekondigd dat": the commas
    // close an apposition to the name after the finite verb, not a clause; the name is the subject.
    if (nl_ && cs > sentence.first + 2 && IsComma(cs - 1)) {
      bool finite = false;
      for (uint32_t t = cs; t <= v && t < sentence.end && !finite; ++t) finite = xpos(t).starts_with("WW|pv");
      uint32_t f = cs - 1;  // the finite verb before the commas, if any
      while (f > sentence.first && !xpos(f - 1).starts_with("WW|pv")) --f;
      if (f > sentence.first) --f;
      if (!finite && f + 2 < cs && xpos(f).starts_with("WW|pv") && entity_[f + 1] >= 0 &&
          doc_.entities[entity_[f + 1]].type == "PER") {
        uint32_t end = f + 1;
        while (end < cs && entity_[end] == entity_[f + 1]) ++end;
        if (IsComma(end) && !InDirect(f + 1)) return {f + 1, end};
      }
    }
    // "Trump made the reference as he discussed …": a subordinate clause has a subject of its own.
    // (Not a comparison that opens a Dutch main clause: "Net als het bisdom vindt Van Oeffelen dat …",
    // "Anders dan de VVD denkt het CDA dat …".)
    auto comparison = [this](uint32_t t) {
      return nl_ && t > 0 && ((words_[t] == "als" && words_[t - 1] == "net") || (words_[t] == "dan" && words_[t - 1] == "anders"));
    };
    for (uint32_t t = cs + 1; t + 1 < v; ++t) {
      if (upos(t) == Upos::kSconj && !IsVerb(t + 1) && !comparison(t)) cs = t + 1;
    }
    uint32_t finite = v;
    for (uint32_t t = cs; t < v; ++t) {
      if (IsVerb(t)) { finite = t; break; }
    }
    // "He often calls", "Hij heeft ook gezegd": adverbs between the subject and the verb.
    uint32_t before_verb = finite;
    while (before_verb > cs && upos(before_verb - 1) == Upos::kAdv && finite - before_verb < 3) --before_verb;
    // ", die bekent dat …", "a birther who has pledged": a relative pronoun stands for the phrase before it.
    if (before_verb > cs && IsRelativeOrSubordinator(before_verb - 1) && upos(before_verb - 1) != Upos::kSconj) {
      uint32_t rel = before_verb - 1;
      // English follows PolNeAR: the relative pronoun is the mention ("Mr. Kamin, who emphasized"), resolved
      // to its antecedent like any pronoun; Dutch follows bron's guidelines: the antecedent.
      if (!nl_ && (words_[rel] == "who" || words_[rel] == "which")) return {rel, rel + 1};
      // "family members, many of whom say": the quantity and the pronoun.
      if (!nl_ && words_[rel] == "whom" && rel > cs + 1 && rel <= cs + 4 && words_[rel - 1] == "of") {
        return {cs, rel + 1};
      }
      if (rel == cs && cs > sentence.first + 1 && IsComma(cs - 1)) return SubjectBeforeComma(cs - 1, sentence.first);
      // "Die schreef: '…'": opening the sentence, "die"/"deze" is a demonstrative subject.
      if (nl_ && rel == sentence.first && IsDemonstrativePronoun(rel)) return {rel, rel + 1};
      Range antecedent = NpBefore(rel, sentence.first);
      if (!antecedent.empty()) return antecedent;
    }
    Range pre = NpBefore(before_verb, cs);
    // Dutch inversion with a subject pronoun right after the finite verb ("Tussendoor slagen ze er in … te
    // vertellen", "Daarom zegt hij"): the pronoun is the subject whatever comes first; "ze" only after a
    // bare word ("hun kinderen zien ze" has "ze" as subject too, but "de kinderen zien ze" is ambiguous).
    if (nl_ && finite < v && finite + 1 < sentence.end && finite > cs && upos(finite + 1) == Upos::kPron) {
      std::string_view w = words_[finite + 1];
      bool nominative = w == "hij" || w == "zij" || w == "ik" || w == "we" || w == "wij" || w == "jij";
      bool bare_first = pre.size() == 1 && pre.first == cs;
      if (nominative || (w == "ze" && bare_first)) return {finite + 1, finite + 2};
    }
    // "Trump on Sunday tweeted": a time between the subject and the verb.
    if (!pre.empty() && in_time_[pre.first] && pre.first > cs + 1 && upos(pre.first - 1) == Upos::kAdp) {
      Range earlier = NpBefore(pre.first - 1, cs);
      if (!earlier.empty()) pre = earlier;
    }
    // A list that opens the sentence: "Politie, Openbaar Ministerie, burgemeesters en de ZLTO geven aan".
    if (!pre.empty() && pre.first == cs && cs > sentence.first + 1 && IsComma(cs - 1)) {
      bool conjoined = false;
      for (uint32_t t = pre.first; t < pre.end; ++t) conjoined = conjoined || upos(t) == Upos::kCconj;
      Range before = conjoined ? SubjectBeforeComma(cs - 1, sentence.first) : Range{};
      if (!before.empty() && before.first == sentence.first) return {before.first, pre.end};
    }
    // A subordinate clause: "waarmee hij wil benadrukken", "dat zij zei"; not a comparison.
    if (!pre.empty() && pre.first > cs && IsRelativeOrSubordinator(pre.first - 1) && !comparison(pre.first - 1) &&
        !(nl_ && words_[pre.first - 1] == "evenals")) {
      return pre;
    }
    if (!pre.empty() && (!nl_ || (pre.first == cs && !IsAdverbial(pre)))) return pre;
    // An apposition or relative clause before the verb: "De burgemeester, Guiseppe Sala, zei",
    // "Tim S. (40), die bekent …, herhaalde".
    if (cs == finite && cs > sentence.first + 1 && IsComma(cs - 1)) {
      Range before = SubjectBeforeComma(cs - 1, sentence.first);
      if (!before.empty()) return before;
    }
    if (!nl_) return {v, v};
    // Verb second: something else comes first, the subject follows the finite verb.
    Range post = NpAfter(finite + 1, sentence.end);
    // "Afgelopen zomer maakte het bedrijf bekend", "bleek vorig jaar dat": a time after the verb is no subject.
    while (!post.empty() && IsTimePhrase(post) && post.end < sentence.end) post = NpAfter(post.end, sentence.end);
    if (!post.empty() && !IsTimePhrase(post)) return post;
    return pre.first == cs && !IsTimePhrase(pre) ? pre : Range{v, v};
  }
  // The subject that ends before the comma at c, across appositions and a relative clause: "Marley
  // Anderson, 21, a junior from Las Vegas, said", "Tim S. (40), die bekent …, herhaalde".
  Range SubjectBeforeComma(uint32_t c, uint32_t floor) const {
    uint32_t end = c;            // the segment before the comma at `end`
    uint32_t subject = c;        // where the subject starts so far (c: not found)
    uint32_t stop = c;           // where it ends: before the asides next to the verb
    for (int segments = 0; segments < 5; ++segments) {
      uint32_t k = end;
      while (k > floor && !IsComma(k - 1) && end - k < 30) --k;
      while (k + 1 < end && IsQuoteMark(k)) ++k;  // 'On "Face the Nation," Sen. Bernie Sanders, who …,'
      Range np = NpBefore(end, k);
      bool after_comma = k > floor && IsComma(k - 1);
      // "Even China, Pyongyang's only ally, said": an adverb may open the sentence before the subject.
      bool lead_adverb = !after_comma && !np.empty() && np.first == k + 1 && upos(k) == Upos::kAdv;
      if (lead_adverb) k = np.first;
      bool whole_np = !np.empty() && np.first == k;
      if (after_comma && IsRelativeOrSubordinator(k) && upos(k) != Upos::kSconj) {  // ", die bekent …,"
        if (end == stop) stop = k - 1;
        end = k - 1;
        continue;
      }
      if (whole_np) subject = k;
      bool aside = !whole_np && IsInsertion({k, end});
      if (!after_comma || !(whole_np || IsApposition({k, end}) || aside)) break;
      if (aside && end == stop) stop = k - 1;
      end = k - 1;
    }
    return subject < stop ? Range{subject, stop} : Range{c, c};
  }
  // ", however,", ", in particular,", ", dedicating the museum on Saturday,": an aside between the subject and
  // its verb.
  bool IsInsertion(Range r) const {
    if (r.empty() || r.size() > 15) return false;
    if (nl_) return r.size() <= 2 && upos(r.first) == Upos::kAdv;
    if (r.size() <= 3 && (upos(r.first) == Upos::kAdv || upos(r.first) == Upos::kAdp)) {
      for (uint32_t t = r.first; t < r.end; ++t) if (IsVerb(t)) return false;
      return true;
    }
    int verbs = 0;
    for (uint32_t t = r.first; t < r.end; ++t) verbs += IsVerb(t);
    return words_[r.first].ends_with("ing") && upos(r.first) == Upos::kVerb && verbs == 1;
  }
  // ", acting political director of CREDO Action," ", 21,": a short phrase about a name, no clause.
  bool IsApposition(Range r) const {
    if (r.empty() || r.size() > 30) return false;
    bool noun = false;
    int verbs = 0;
    for (uint32_t t = r.first; t < r.end; ++t) {
      if (upos(t) == Upos::kAux || IsQuoteMark(t)) return false;
      verbs += upos(t) == Upos::kVerb;
      noun = noun || IsHead(t) || upos(t) == Upos::kNum;
    }
    return noun && verbs <= 1;
  }

  // ---- speakers ----
  struct MentionRef {
    uint32_t first, end;
    int entity;
  };
  bool EntityFits(int entity, std::string_view pronoun) const {
    const std::string& type = doc_.entities[entity].type;
    if (nl_) {
      // A person of the other gender does not fit ("zij" is not Pim Fortuyn).
      char gender = gender_.empty() ? 0 : gender_[entity];
      if (pronoun == "hij" || pronoun == "hem") return type == "PER" && gender != 'f';
      if (pronoun == "zij" || pronoun == "haar") return type == "PER" && gender != 'm';
      if (pronoun == "ze") return (type == "PER" && gender != 'm') || type == "ORG";
      if (pronoun == "hen" || pronoun == "hun") return type == "PER" || type == "ORG";
      return false;
    }
    if (pronoun == "he" || pronoun == "she" || pronoun == "him" || pronoun == "her") return type == "PER";
    if (pronoun == "they" || pronoun == "them") return type == "PER" || type == "ORG";
    if (pronoun == "it") return type == "ORG";
    return false;
  }
  // A pronoun's referent: the first fitting mention (the subject, most often) of the nearest sentence
  // before it that has one, outside quoted speech; up to three sentences back.
  // The mentions from token t on, in text order.
  std::vector<MentionRef>::const_iterator MentionsFrom(uint32_t t) const {
    return std::lower_bound(mentions_.begin(), mentions_.end(), t,
                            [](const MentionRef& m, uint32_t token) { return m.first < token; });
  }
  // Sentences wholly inside a direct quote do not count towards the three ("Die opstelling bevreemdt Van der
  // Laan: ,,… (four quoted sentences)'' Volgens hem …"), and a pronoun of the same kind that comes before
  // any fitting mention of its sentence is followed back instead ("Annabel Nanninga spant de kroon. Ze zit
  // in … de Eerste Kamer. … liet ze weten": ze is Nanninga, not the Eerste Kamer).
  // `as` is the reading a pronoun earlier in the chain had: a singular Dutch "ze" ("Ze heeft het moeilijk")
  // that is followed back to an object "ze" ("verblijft ze in de cel") is still a person, not the organisation
  // of the sentence before ("Het OM verdenkt haar").
  static constexpr int kPronounChain = 6;
  // A plural reading is kept down the chain as well ("Maar zij rijden. Ze vinden dat …").
  int ResolvePronoun(uint32_t p, int depth = 0, std::string_view as = {}, bool plural_chain = false) const {
    uint32_t sentence = tokens_[p].sentence;
    // "Die schreef: '…'": a demonstrative points to the person named last before it.
    bool demonstrative = IsDemonstrativePronoun(p);
    bool plural = plural_chain || (as.empty() && IsPluralPronoun(p));
    // "zegt ze", "ze zei": "ze" with a singular verb is a person, like "zij".
    std::string_view pronoun = !as.empty()                                   ? as
                               : words_[p] == "ze" && IsSingularPronoun(p) ? std::string_view("zij")
                                                                             : std::string_view(words_[p]);
    if (as.empty()) {
      if (int body = BodySpeakingBefore(p); body >= 0 && !plural) return body;
    }
    if (nl_ && words_[p] == "u" && !InDirect(p)) return Interviewee(p);
    for (uint32_t back = 0, counted = 0; counted <= 3 && back <= sentence; ++back) {
      uint32_t s = sentence - back;
      const Sentence& sent = doc_.sentences[s];
      bool quoted = true;
      for (uint32_t t = sent.first_token; t < sent.end_token && quoted; ++t) quoted = InDirect(t) || IsPunct(t);
      if (quoted && back > 0) continue;
      ++counted;
      int found = -1;
      uint32_t found_at = sent.end_token;
      for (auto it = MentionsFrom(sent.first_token); it != mentions_.end(); ++it) {
        const MentionRef& m = *it;
        if (m.first >= sent.end_token || (back == 0 && m.first >= p)) break;
        if (InDirect(m.first)) continue;
        // "Zij denken dat …": a plural "zij" names a group, not the one person named before; of people joined
        // by "en" ("Van der Laan en Berghorst"), the first.
        if (plural && !(m.end + 1 < sent.end_token && words_[m.end] == "en" && entity_[m.end + 1] >= 0)) continue;
        // (A plural "zij" also names bodies joined by "en": "VNO-NCW en MKB-Nederland … Zij vrezen".)
        std::string_view fit = plural && nl_ ? std::string_view("hen") : pronoun;
        if (!(demonstrative ? doc_.entities[m.entity].type == "PER" : EntityFits(m.entity, fit))) continue;
        found = m.entity;
        found_at = m.first;
        if (!demonstrative) break;
      }
      if (demonstrative) {
        if (found >= 0) return found;
        if (back > 0) return -1;  // only the sentence before
        continue;
      }
      // "Dat zegt een woordvoerder van het OM. ,,…'', zegt hij.": the unnamed person who spoke there, not
      // someone named further back.
      if (found < 0 && nl_ && !plural && UnnamedSpeakerIn(sent, back == 0 ? p : sent.end_token)) return -1;
      if (depth < kPronounChain) {
        for (uint32_t t = sent.first_token; t < found_at && (back > 0 || t < p); ++t) {
          if (t != p && !InDirect(t) && upos(t) == Upos::kPron && SamePronounKind(words_[t], words_[p])) {
            int chained =
                ResolvePronoun(t, depth + 1, nl_ && !plural && pronoun == "zij" ? pronoun : std::string_view(), plural);
            if (chained >= 0) return chained;
            break;
          }
        }
      }
      if (found >= 0) return found;
    }
    return -1;
  }
  // Dutch "u" in the story's own words is the one the interviewer asks ("Heeft u geoefend? ,,Ja, …''"): the
  // person quoted most often before it (the first of them on a tie), not just the last one quoted, who may
  // be someone the interviewee quotes. Resolved again once every turn is known (ResolveInterviewees).
  // Only in a question or a statement the answer follows in quotes ("U zegt dat … ,,Het heeft …''"), not a
  // reader addressed in general ("Als u nu denkt: …").
  int Interviewee(uint32_t p) const {
    // (The answer may come after one more question: "U zegt dat het taboe slijt. Maar is het niet …? ,,…''".)
    uint32_t sentence = tokens_[p].sentence;
    uint32_t end = doc_.sentences[std::min<size_t>(sentence + 1, doc_.sentences.size() - 1)].end_token;
    bool asked = false;
    for (uint32_t t = p + 1; t < end && t + 1 < tokens_.size() && !asked; ++t) {
      asked = (words_[t] == "?" && !InDirect(t)) || (IsQuoteMark(t) && !InDirect(t) && InDirect(t + 1));
    }
    if (!asked) return -1;
    std::vector<int> count(doc_.entities.size(), 0);
    int best = -1;
    for (const Found& q : quotes_) {
      if (q.content.first >= p || q.entity < 0 || q.kind == "fragment" || doc_.entities[q.entity].type != "PER") continue;
      if (q.speaker.size() == 1 && words_[q.speaker.first] == "u") continue;  // (what "u" said counts for no one)
      if (++count[q.entity] > (best >= 0 ? count[best] : 0)) best = q.entity;
    }
    return best;
  }
  // "…, vindt de universiteit. Zij stelt voor …": a Dutch singular "zij"/"ze" opening a sentence goes on from
  // an organisation or place quoted in the sentence before, when that sentence names no person outside quotes.
  int BodySpeakingBefore(uint32_t p) const {
    uint32_t sentence = tokens_[p].sentence;
    if (!nl_ || sentence == 0 || (words_[p] != "zij" && words_[p] != "ze")) return -1;
    const Sentence& own = doc_.sentences[sentence];
    if (p > own.first_token + 2) return -1;
    const Sentence& before = doc_.sentences[sentence - 1];
    for (auto it = MentionsFrom(before.first_token); it != mentions_.end() && it->first < before.end_token; ++it) {
      if (!InDirect(it->first) && doc_.entities[it->entity].type == "PER") return -1;
    }
    for (const Found& q : quotes_) {
      if (q.sentence != static_cast<int>(sentence - 1) || q.kind == "fragment" || q.entity < 0) continue;
      const std::string& type = doc_.entities[q.entity].type;
      if (type == "ORG" || type == "LOC") return q.entity;
    }
    return -1;
  }
  // Dutch "ze" as the subject of a singular finite verb ("zegt ze", "ze zei"); an object ("noemt ze") is
  // told apart by the verb's subject, which is not known here, so only a verb right after or a cue before.
  bool IsSingularPronoun(uint32_t p) const {
    return (p + 1 < tokens_.size() && IsFiniteVerb(p + 1, false)) ||
           (p > 0 && IsFiniteVerb(p - 1, false) && VerbOf(p - 1) != nullptr);
  }
  // A Dutch finite verb (CGN "WW|pv|…"), plural ("|mv") or singular.
  bool IsFiniteVerb(uint32_t t, bool plural) const {
    std::string_view x = xpos(t);
    return x.starts_with("WW|pv") && (x.find("|mv") != std::string_view::npos) == plural;
  }
  std::string_view xpos(uint32_t t) const { return tokens_[t].xpos ? doc_.strings.Get(tokens_[t].xpos) : ""; }
  // Dutch "zij"/"ze" as the subject of a plural finite verb ("Zij denken", "denken ze").
  bool IsPluralPronoun(uint32_t p) const {
    if (!nl_ || (words_[p] != "zij" && words_[p] != "ze")) return false;
    return (p + 1 < tokens_.size() && IsFiniteVerb(p + 1, true)) || (p > 0 && IsFiniteVerb(p - 1, true));
  }
  // "hij" and "hem", "zij", "ze" and "haar", "he" and "him": pronouns that can name the same referent.
  bool SamePronounKind(std::string_view a, std::string_view b) const {
    auto kind = [this](std::string_view w) {
      if (nl_) {
        if (w == "hij" || w == "hem") return 1;
        if (w == "zij" || w == "ze" || w == "haar") return 2;
        return 0;
      }
      if (w == "he" || w == "him") return 1;
      if (w == "she" || w == "her") return 2;
      if (w == "they" || w == "them") return 3;
      return 0;
    };
    return kind(a) != 0 && kind(a) == kind(b);
  }
  // The entity a speaker phrase names: a mention in its head (before "van"/"of"), a pronoun's referent, or
  // the entity whose role a definite description names ("de stafchef"). -1 when the text never says.
  int ResolveSpeaker(Range np) const {
    if (np.empty()) return -1;
    if (np.size() == 1 && !nl_ && (words_[np.first] == "who" || words_[np.first] == "which")) {
      uint32_t rel = np.first;
      Range sentence = SentenceOf(rel);
      uint32_t before = rel > sentence.first && IsComma(rel - 1) ? rel - 1 : rel;
      Range antecedent = before > sentence.first ? SubjectBeforeComma(before, sentence.first) : Range{rel, rel};
      if (antecedent.empty()) antecedent = NpBefore(before, sentence.first);
      return antecedent.empty() ? -1 : ResolveSpeaker(antecedent);
    }
    if (np.size() == 1 && (upos(np.first) == Upos::kPron || IsDemonstrativePronoun(np.first))) {
      return ResolvePronoun(np.first);
    }
    uint32_t head_end = np.end;
    for (uint32_t t = np.first; t < np.end; ++t) {
      if (IsOfWord(t) && entity_[t] < 0) { head_end = t; break; }
    }
    // Dutch "nieuwe cijfers van het CBS", "onderzoek van de Auditdienst Rijk", "dna-onderzoek van BIJ12": a
    // written source speaks for whoever its complement names.
    if (nl_ && head_end < np.end && head_end > np.first) {
      uint32_t head = head_end;
      while (head > np.first && upos(head - 1) != Upos::kNoun) --head;
      if (head > np.first && (lex_.FindLemma("source", lemmas_[head - 1]) || HasLexiconHead("source", lemmas_[head - 1]))) {
        for (uint32_t t = head_end; t < np.end && !IsComma(t); ++t) {
          // (Not a people's adjective: "onderzoek van Amerikaanse wetenschappers".)
          if (entity_[t] >= 0 && doc_.entities[entity_[t]].type != "LOC" && upos(t) != Upos::kAdj) return entity_[t];
        }
      }
    }
    // The first person named in the phrase is the speaker ("de minister van Buitenlandse Zaken Heiko Maas"),
    // unless named as the head's complement ("een assistent van president Zelensky");
    // else an organisation or place in its head ("het ministerie van Financiën"), never a nationality
    // ("de Duitse minister").
    int found = -1;
    bool possessor = false;
    for (uint32_t t = np.first; t < np.end && found < 0; ++t) {
      if (entity_[t] < 0 || doc_.entities[entity_[t]].type != "PER" || IsComplementOfHead(t, np.first)) continue;
      // Dutch "Vermeulens raadsman", "Rutte's woordvoerder": the name owns the person who speaks.
      if (nl_ && IsGenitiveName(t, np.end)) {
        possessor = true;
        continue;
      }
      uint32_t name_end = t;
      while (name_end < np.end && entity_[name_end] == entity_[t]) ++name_end;
      if (name_end < np.end && IsApostropheGenitive(name_end)) {  // "Biemans' vrouw Maaike"
        possessor = true;
        if (int named = NamedBefore(entity_[t], name_end + 1, np.first); named >= 0) return named;
        t = name_end;
        continue;
      }
      found = entity_[t];
    }
    if (possessor && found < 0) return -1;
    // A MISC name counts only as the head of the phrase ("the Times said"), never as a modifier ("de Duitse
    // minister").
    // "A former Democratic National Committee chairman" is a person, not the committee.
    bool person_head = HeadIsPersonNoun({np.first, head_end});
    for (uint32_t t = np.first; t < head_end && found < 0 && !person_head; ++t) {
      if (entity_[t] < 0) continue;
      bool misc_head = t + 1 == head_end && upos(t) == Upos::kPropn && !IsDemonym(t);
      // "Het Nederlands Dagblad zegt": the whole name heads the phrase.
      if (!misc_head && (t == np.first || entity_[t - 1] != entity_[t])) {
        uint32_t end = t;
        while (end < head_end && entity_[end] == entity_[t]) ++end;
        misc_head = end == head_end && IsCapitalisedTitle(t, end) && end - t >= 2;
      }
      if (doc_.entities[entity_[t]].type != "MISC" || misc_head) found = entity_[t];
    }
    if (found >= 0) return found;
    // "zegt de burgemeester van Almelo, Arjen Gerritsen.": a person named in apposition right after the
    // phrase, up to the end of the sentence or the next comma.
    if (nl_ && person_head && np.end + 1 < tokens_.size() && IsComma(np.end) && entity_[np.end + 1] >= 0 &&
        doc_.entities[entity_[np.end + 1]].type == "PER" && tokens_[np.end + 1].sentence == tokens_[np.first].sentence) {
      uint32_t t = np.end + 1;
      while (t < tokens_.size() && entity_[t] == entity_[np.end + 1]) ++t;
      if (t == tokens_.size() || IsComma(t) || IsPunct(t)) return entity_[np.end + 1];
    }
    std::string_view det = words_[np.first];
    bool definite = det == "de" || det == "het" || det == "deze" || det == "die" || det == "the" || det == "this" ||
                    IsPossessive(np.first);
    if (!definite) return -1;
    uint32_t head = head_end;
    while (head > np.first && upos(head - 1) != Upos::kNoun) --head;
    if (head == np.first) return -1;
    const std::string& noun = lemmas_[head - 1];
    // The last entity with that role before the phrase, else the first after it, in Dutch not further than
    // eight sentences on, not counting those wholly inside a quote ("de openbaar aanklager" of the lead is not
    // the "aanklager Joe Magats" the story names near its end; "de eigenaar van de pizzeria" of the lead is the
    // "eigenaar R. Derias" six sentences on).
    int best = -1;
    bool plural = IsPluralNoun(head - 1);  // "de onderzoekers" are not the one researcher named before
    for (const MentionRef& m : mentions_) {
      if (m.first >= np.first && best >= 0) break;
      if (plural && doc_.entities[m.entity].type == "PER") continue;
      if (nl_ && m.first >= np.first &&
          SentencesApart(static_cast<int>(tokens_[np.first].sentence), static_cast<int>(tokens_[m.first].sentence)) > 8) {
        break;
      }
      for (const std::string& role : doc_.entities[m.entity].roles) {
        if (SameRole(LexiconKey(role), noun)) best = m.entity;
      }
      if (m.first >= np.first && best >= 0) break;
    }
    if (best >= 0) return best;
    // "de universiteit" for "Universiteit Utrecht": an organisation whose name holds the noun.
    const std::string& word = words_[head - 1];
    for (const MentionRef& m : mentions_) {
      const Entity& e = doc_.entities[m.entity];
      if (e.type != "ORG") continue;
      std::string name = " " + Lowercase(e.name) + " ";
      if (name.find(" " + word + " ") != std::string::npos) best = m.entity;
      if (best >= 0 && m.first >= np.first) break;
    }
    if (best >= 0) return best;
    // "de gemeente" for "de gemeente Eindhoven", "de provincie" for "provincie Zuid-Holland": the place last
    // named right after that noun.
    if (nl_ && (word == "gemeente" || word == "provincie" || word == "stad") && !IsPluralNoun(head - 1)) {
      for (const MentionRef& m : mentions_) {
        if (m.first >= np.first && best >= 0) break;
        if (m.first > 0 && words_[m.first - 1] == word) best = m.entity;
      }
      if (best >= 0) return best;
      // … else the place quoted last as a speaker in the five sentences before ("Maasdriel vindt dat … De
      // gemeente verwacht dat …").
      int sentence = static_cast<int>(tokens_[np.first].sentence);
      for (const Found& q : quotes_) {
        if (q.entity < 0 || q.kind == "fragment" || q.speaker.empty() || q.speaker.first >= np.first) continue;
        if (doc_.entities[q.entity].type == "LOC" && q.sentence <= sentence && SentencesApart(q.sentence, sentence) <= 5) {
          best = q.entity;
        }
      }
      if (best >= 0) return best;
    }
    // "de club", "het bedrijf", "the agency": the organisation named last in the five sentences before
    // ("de bonden", plural, are more than one); names inside an earlier quote are what its speaker talks
    // about. When no organisation is named, a name the recogniser called MISC counts if it is a proper noun
    // of its own ("Aventus", "Secret Service"), not a people's adjective or a demonym.
    if ((lex_.FindLemma("org", noun) || lex_.FindLemma("org", word) || HasLexiconHead("org", noun)) &&
        !IsPluralNoun(head - 1)) {
      uint32_t sentence = tokens_[np.first].sentence;
      // "De club reageert: ,,Voetbalvereniging UNO keurt …''": a statement that opens with a body's name, in the
      // phrase's own sentence, is that body's, whoever was named before.
      if (nl_) {
        for (auto it = MentionsFrom(np.end); it != mentions_.end() && tokens_[it->first].sentence == sentence; ++it) {
          if (it->first > np.end && IsQuoteMark(it->first - 1) && InDirect(it->first) && IsBodyName(*it)) {
            return it->entity;
          }
        }
      }
      for (bool misc : {false, true}) {
        for (const MentionRef& m : mentions_) {
          // … else the first named after it in its sentence ("De club reageert: ,,Voetbalvereniging UNO keurt …").
          if (m.first >= np.first && (best >= 0 || tokens_[m.first].sentence != sentence)) break;
          bool body = misc ? IsBodyName(m) : doc_.entities[m.entity].type == "ORG";
          if (!body || (m.first < np.first && InDirect(m.first))) continue;
          if (OtherKindOfBody(m.entity, noun, word) || IsEventName(m.entity)) continue;
          // (Sentences wholly inside a direct quote do not count: "Bij De Telegraaf …: '…' (six quoted
          // sentences) Volgens de krant …".)
          if (m.first < np.first &&
              SentencesApart(static_cast<int>(tokens_[m.first].sentence), static_cast<int>(sentence)) <= 5) {
            best = m.entity;
          }
          if (m.first >= np.end) best = m.entity;
        }
        if (best >= 0) break;
      }
    }
    // Else, in Dutch, a body whose name ends in a compound of the noun, five letters or more ("de brigade" for
    // "Sint Michaëlbrigade", "de inspectie" for "Onderwijsinspectie"; not "de stad" for "Randstad"), also a
    // MISC name of proper nouns.
    if (best < 0 && nl_ && word.size() >= 5 && !IsPluralNoun(head - 1)) {
      for (const MentionRef& m : mentions_) {
        if (doc_.entities[m.entity].type != "ORG" && !IsBodyName(m)) continue;
        std::string name = Lowercase(doc_.entities[m.entity].name);
        if (name.size() > word.size() && name.compare(name.size() - word.size(), word.size(), word) == 0 &&
            name[name.size() - word.size() - 1] != ' ') {
          best = m.entity;
        }
        if (best >= 0 && m.first >= np.first) break;
      }
    }
    return best;
  }

  // A person's name in the Dutch genitive before the noun that heads the phrase: "Vermeulens raadsman",
  // "Rutte's woordvoerder" (the last word of the name ends in "s", then a common noun ends the phrase).
  // The "s" must be the genitive's, not the name's own ("Kroes hoopvol"): the word without it ends the name
  // of a person of the story ("Willem Vermeulen"), or an apostrophe marks it.
  // "Biemans' vrouw" (at `noun`) when the story named her before as "Biemans' vrouw Maaike": that person; the
  // phrase itself, with the name after it, is resolved by the caller. -1 if never named so.
  int NamedBefore(int owner, uint32_t noun, uint32_t before) const {
    if (noun + 1 < tokens_.size() && entity_[noun + 1] >= 0) return -1;  // the name follows here
    for (uint32_t t = 1; t + 2 < before; ++t) {
      if (!IsApostropheGenitive(t) || entity_[t - 1] != owner || lemmas_[t + 1] != lemmas_[noun]) continue;
      int e = entity_[t + 2];
      if (e >= 0 && doc_.entities[e].type == "PER") return e;
    }
    return -1;
  }
  // A bracket of a short aside after a name, two tokens or fewer between "(" and ")" with no verb: "(D66)",
  // "(45)", "(Financiën)".
  bool IsShortBracket(uint32_t t) const {
    if (!nl_) return false;
    const uint32_t n = static_cast<uint32_t>(tokens_.size());
    if (words_[t] == "(") {
      return t > 0 && entity_[t - 1] >= 0 && t + 2 < n &&
             (words_[t + 2] == ")" || (t + 3 < n && words_[t + 3] == ")" && !IsVerb(t + 2))) && !IsVerb(t + 1);
    }
    if (words_[t] == ")") {
      return (t >= 2 && words_[t - 2] == "(" && IsShortBracket(t - 2)) || (t >= 3 && words_[t - 3] == "(" && IsShortBracket(t - 3));
    }
    return false;
  }
  // Dutch "Biemans' vrouw": an apostrophe alone after a capitalised word ending in s, before a lower-case noun.
  bool IsApostropheGenitive(uint32_t t) const {
    if (!nl_ || t == 0 || t + 1 >= tokens_.size() || (words_[t] != "'" && words_[t] != "\u2019")) return false;
    const std::string& before = words_[t - 1];
    return before.size() > 2 && before.back() == 's' && !StartsLowerCase(t - 1) && upos(t + 1) == Upos::kNoun &&
           StartsLowerCase(t + 1) && tokens_[t - 1].end == tokens_[t].start;
  }
  bool IsGenitiveName(uint32_t t, uint32_t end) const {
    if (t + 2 != end || entity_[t + 1] >= 0 || upos(t + 1) != Upos::kNoun || !StartsLowerCase(t + 1)) return false;
    const std::string& w = words_[t];
    if (w.size() < 3 || w.back() != 's' || StartsLowerCase(t)) return false;
    if (w.ends_with("'s") || w.ends_with("\u2019s")) return true;
    std::string stem = " " + w.substr(0, w.size() - 1);
    for (const Entity& e : doc_.entities) {
      if (e.type == "PER" && (" " + Lowercase(e.name)).ends_with(stem)) return true;
    }
    return false;
  }
  // A Dutch noun for a member of a party or body, one word ending in "'er" after its name ("PvdA'er",
  // "CDA’er", "D66'er").
  bool IsMemberNoun(uint32_t t) const {
    if (!nl_) return false;
    const std::string& w = words_[t];
    return (t + 1 >= tokens_.size() || entity_[t + 1] != entity_[t]) &&
           (w.ends_with("'er") || w.ends_with("\u2019er") || w.ends_with("'ers") || w.ends_with("\u2019ers"));
  }
  // The noun of the organisation lexicon that a Dutch word is or ends in as a compound ("rechtbank",
  // "Onderwijsinspectie" → "inspectie"), or "".
  std::string BodyNoun(std::string_view w) const {
    std::string word = Lowercase(w);
    if (lex_.FindLemma("org", word)) return word;
    for (size_t k = 3; k + 4 <= word.size(); ++k) {
      if (lex_.FindLemma("org", word.substr(k))) return word.substr(k);
    }
    return "";
  }
  // Dutch: a body whose name ends in a body noun of another kind than a description's is not what the
  // description names: "de rechtbank" is not the "Openbaar Ministerie", "de school" not the "Atletiekunie"
  // (a general noun, "de organisatie", "het bedrijf", can name any kind).
  bool OtherKindOfBody(int entity, const std::string& noun, const std::string& word) const {
    if (!nl_) return false;
    std::string own = BodyNoun(noun);
    if (own.empty()) own = BodyNoun(word);
    if (own.empty() || own == "organisatie" || own == "instelling" || own == "onderneming" || own == "bedrijf" ||
        own == "concern" || own == "dienst") {
      return false;
    }
    const std::string& name = doc_.entities[entity].name;
    size_t space = name.rfind(' ');
    std::string other = BodyNoun(space == std::string::npos ? std::string_view(name) : std::string_view(name).substr(space + 1));
    return !other.empty() && other != own;
  }
  // Dutch: a name the recogniser called an organisation that ends in a noun for an event ("Provinciale
  // Statenverkiezingen", "Olympische Spelen", "Klimaattop") speaks for nobody.
  bool IsEventName(int entity) const {
    if (!nl_) return false;
    std::string name = Lowercase(doc_.entities[entity].name);
    static const char* kEvents[] = {"verkiezingen", "verkiezing", "spelen", "kampioenschap", "kampioenschappen",
                                    "toernooi", "festival", "conferentie", "top", "referendum"};
    for (const char* e : kEvents) {
      if (name.ends_with(e)) return true;
    }
    return false;
  }
  // A Dutch compound whose last part, four letters or more, is in the lexicon class: "regeringspartij"
  // is a "partij".
  bool HasLexiconHead(std::string_view kind, const std::string& noun) const {
    if (!nl_) return false;
    for (size_t k = 3; k + 4 <= noun.size(); ++k) {
      if (lex_.FindLemma(kind, noun.substr(k))) return true;
    }
    return false;
  }
  // A MISC name of capitalised words that ends in a noun, as the tagger reads a paper's name ("Nederlands/ADJ
  // Dagblad/NOUN"), not a people's adjective ("Zwitserse").
  bool IsCapitalisedTitle(uint32_t first, uint32_t end) const {
    if (!nl_ || end <= first || IsDemonym(end - 1) || upos(end - 1) == Upos::kAdj) return false;
    for (uint32_t t = first; t < end; ++t) {
      if (StartsLowerCase(t) || IsPunct(t)) return false;
    }
    return true;
  }
  // An organisation's name: typed ORG, or MISC on proper nouns only ("Secret Service", not "Zwitserse").
  bool IsBodyName(const MentionRef& m) const {
    const std::string& type = doc_.entities[m.entity].type;
    if (type == "ORG") return true;
    if (!nl_ || type != "MISC") return false;
    for (uint32_t t = m.first; t < m.end; ++t) {
      if (upos(t) != Upos::kPropn || IsDemonym(t) || StartsLowerCase(t)) return false;
    }
    return true;
  }
  // "van president Zelensky": a name after "van"/"of" and lower-case titles belongs to the preposition.
  bool IsComplementOfHead(uint32_t t, uint32_t floor) const {
    // Inside the mention, judged at its start ("advocaat van Steven Avery": Avery is as much the complement).
    while (t > floor && entity_[t] >= 0 && entity_[t - 1] == entity_[t]) --t;
    uint32_t k = t;
    // ("officier van justitie Hannah Huizenga": a name after a noun that is no title is the whole title's.)
    bool titles = true;
    while (k > floor && upos(k - 1) == Upos::kNoun && StartsLowerCase(k - 1)) {
      titles = titles && (!nl_ || lex_.FindLemma("person", lemmas_[k - 1]) || lex_.FindLemma("person", words_[k - 1]));
      --k;
    }
    // (A written source's complement is its author: "de column van Bert Wagendorp".)
    if (nl_ && k > floor + 1 && IsOfWord(k - 1) && lex_.FindLemma("source", lemmas_[k - 2])) return false;
    // (A capitalised "Van" is a surname's: "vindt Van Oeffelen" has no head before it, "de advocaat van Van
    // Egten" has.)
    while (nl_ && k > floor && !StartsLowerCase(k - 1) &&
           (words_[k - 1] == "van" || words_[k - 1] == "de" || words_[k - 1] == "der" || words_[k - 1] == "den" ||
            words_[k - 1] == "ter" || words_[k - 1] == "ten")) {
      --k;
    }
    return k > floor && IsOfWord(k - 1) && StartsLowerCase(k - 1) && titles;
  }
  bool IsAllCapitals(uint32_t t) const {  // "PENCE", "WALLACE"
    std::string_view form = doc_.Form(t);
    if (form.size() < 2) return false;
    for (char c : form) {
      if (!(c >= 'A' && c <= 'Z') && c != '.' && c != '-') return false;
    }
    return true;
  }
  bool StartsLowerCase(uint32_t t) const {
    std::string_view form = doc_.Form(t);
    const char* p = form.data();
    return !form.empty() && Is(DecodeUtf8(p), kLower);
  }

  // ---- direct quotes ----
  bool Opens(uint32_t t) const {
    return IsQuoteMark(t) && t + 1 < tokens_.size() && tokens_[t + 1].gap == Gap::kNone &&
           (t == 0 || tokens_[t].gap != Gap::kNone || IsPunct(t - 1));
  }
  bool Closes(uint32_t t) const {
    return IsQuoteMark(t) && t > 0 && tokens_[t].gap == Gap::kNone &&
           (t + 1 == tokens_.size() || tokens_[t + 1].gap != Gap::kNone || IsPunct(t + 1));
  }

  void FindDirectQuotes() {
    const uint32_t n = static_cast<uint32_t>(tokens_.size());
    for (uint32_t o = 0; o < n; ++o) {
      if (!Opens(o)) continue;
      Family family = FamilyOf(words_[o]);
      uint32_t c = o + 1;
      bool closed = false;
      for (; c < n && c - o < 600; ++c) {
        if (tokens_[c].gap == Gap::kParagraph) break;
        if (FamilyOf(words_[c]) == family && Closes(c) && c > o + 1) { closed = true; break; }
      }
      uint32_t content_end = c;
      if (!closed) {
        // An unclosed quote runs to the end of its paragraph when the next paragraph opens another: the
        // newspaper convention for a quote over several paragraphs.
        if (!(c < n && tokens_[c].gap == Gap::kParagraph && Opens(c) && FamilyOf(words_[c]) == family)) continue;
      }
      Range content{o + 1, content_end};
      while (!content.empty() && IsComma(content.end - 1)) --content.end;
      if (content.empty()) continue;
      Found q;
      q.kind = "direct";
      q.content = content;
      q.sentence = static_cast<int>(tokens_[o].sentence);
      // Marked before its speaker is resolved: ",,Burgemeester Hans Wagner heeft …'', zegt hij" — hij is not
      // the man named inside the quote.
      for (uint32_t t = content.first; t < content.end; ++t) direct_of_[t] = static_cast<int>(quotes_.size());
      uint32_t after = closed ? c + 1 : c;
      // A transcript turn inside quotes, "WALLACE: But, Governor …": the name before the colon speaks.
      uint32_t colon = content.first + 1;
      while (colon < content.end && colon <= content.first + 3 && words_[colon] != ":") ++colon;
      bool turn = colon < content.end && colon <= content.first + 3 && words_[colon] == ":" && colon + 2 < content.end;
      // Transcripts write the speaker in capitals or name a person; "'Brexit: hoe nu verder?'" is a title.
      for (uint32_t k = content.first; k < colon && turn; ++k) {
        turn = IsAllCapitals(k) || (entity_[k] >= 0 && doc_.entities[entity_[k]].type == "PER");
      }
      // A few quoted words before a noun name it ("The 'History' section of the site explains"): a fragment.
      if (turn) {
        q.speaker = {content.first, colon};
        q.entity = ResolveSpeaker(q.speaker);
        q.content.first = colon + 1;
      } else if (closed && after < n && upos(after) == Upos::kNoun && StartsLowerCase(after) && content.size() <= 4 &&
                 !HasVerb(content)) {
        q.kind = "fragment";
      } else {
        FindCueAround(o, after, &q);
      }
      // "Hij noemde het 'een schande', zei Jansen": the quote is part of the reported clause.
      if (!q.cue.empty() && q.cue.first >= content.end) {
        Range sentence = SentenceOf(o);
        uint32_t words_before = 0;
        for (uint32_t t = sentence.first; t < o; ++t) words_before += !IsPunct(t) && !IsQuoteMark(t);
        if (words_before >= 2 && words_[o - 1] != ":") {
          q.kind = "mixed";
          q.content.first = sentence.first;
          while (q.content.first < o && (IsPunct(q.content.first) || IsQuoteMark(q.content.first))) ++q.content.first;
        }
      }
      for (uint32_t t = q.content.first; t < q.content.end; ++t) direct_of_[t] = static_cast<int>(quotes_.size());
      used_[o] = true;
      if (closed) used_[c] = true;
      quotes_.push_back(q);
      o = closed ? c : c - 1;
    }
  }

  // Quotes without a cue of their own: the continuation of the turn of the last speaker quoted (within four
  // sentences), else of the person the sentences around introduce; short ones are fragments.
  void ResolveContinuations() {
    // "'Hou toch op!' 'Hoor je zelf eens, mijnheer de directeur.' 'Ik heb …' 'Vandaar dat …'": four or more
    // quotes in a row with no word of the story between them are a dialogue, whose voices take turns.
    std::vector<bool> dialogue(quotes_.size(), false);
    if (nl_) {
      auto adjacent = [&](size_t a, size_t b) {
        if (quotes_[a].kind != "direct" || quotes_[b].kind != "direct") return false;
        for (uint32_t t = quotes_[a].content.end; t < quotes_[b].content.first; ++t) {
          if (!IsPunct(t) && !IsQuoteMark(t)) return false;
        }
        return true;
      };
      for (size_t i = 0; i < quotes_.size();) {
        size_t j = i;
        while (j + 1 < quotes_.size() && adjacent(j, j + 1)) ++j;
        if (j - i + 1 >= 4) {
          for (size_t k = i; k <= j; ++k) dialogue[k] = true;
        }
        i = j + 1;
      }
    }
    for (size_t i = 0; i < quotes_.size(); ++i) {
      Found& q = quotes_[i];
      if (q.kind != "direct" || !q.cue.empty() || !q.speaker.empty()) continue;
      uint32_t words = 0;
      for (uint32_t t = q.content.first; t < q.content.end; ++t) words += !IsPunct(t);
      const Found* previous = nullptr;
      for (size_t j = i; j-- > 0;) {
        if (quotes_[j].kind != "fragment" && !quotes_[j].speaker.empty() && HoldsTurn(quotes_[j])) {
          previous = &quotes_[j];
          break;
        }
      }
      // Sentences wholly inside a direct quote do not count: a long quote of the last speaker does not end
      // the turn ("NRC: '…' (three quoted sentences) Rutte en Willem-Alexander toonden … '…'").
      bool near = previous && SentencesApart(previous->sentence, q.sentence) <= 4;
      bool sentence_like = words >= 6 && HasVerb(q.content);
      // A turn continues with a quote that opens a sentence; inside one, a quote without a cue is a fragment.
      uint32_t open = q.content.first - 1;
      Range sentence = SentenceOf(open);
      bool opens_sentence = true;
      for (uint32_t t = sentence.first; t < open; ++t) opens_sentence = opens_sentence && (IsPunct(t) || IsQuoteMark(t));
      if (!opens_sentence && !sentence_like) {
        q.kind = "fragment";
        continue;
      }
      Range introduced = IntroducedSpeaker(static_cast<uint32_t>(q.sentence), q.content.first);
      bool turn_like = (words >= 3 && HasVerb(q.content)) || words >= 6;  // not a title ("Meet the Press")
      if (dialogue[i]) {  // a line of a dialogue: nobody in particular
        if (!turn_like && !sentence_like) q.kind = "fragment";
        q.resolved_by = "dialogue";  // (and not the ranker's to change)
        continue;
      }
      // "Critici zeggen dat … Hoogma ontkent dat. ,,Ik zou …": the last speaker was no one person, and a
      // person named since is the one who goes on.
      Range person = near ? PersonAround(static_cast<uint32_t>(q.sentence)) : Range{0, 0};
      // ("…, aldus haar woordvoerder. ,,…''": one unnamed person goes on all the same.)
      bool named_since = !person.empty() && person.first >= previous->content.end &&
                         // (In Dutch a named body goes on: "…, schrijft het NRC. '…' Premier Rutte en koning
                         // Willem-Alexander toonden hun medeleven. … 'Hierbij ging Rutte …'" is the paper's.)
                         (previous->entity < 0 || (!nl_ && doc_.entities[previous->entity].type != "PER") ||
                          // (But a person the story brings in since, by full name and as a subject, takes over
                          // from the person quoted before: "Sands kon het niet bewijzen. De hondencoach Klaas
                          // Wijnberg wandelde vaak in Schotland. … ,,Flauwekul!''")
                          (nl_ && doc_.entities[previous->entity].type == "PER" &&
                           Newcomer(person, previous->content.end) && LeadsInto(person, q.sentence))) &&
                         !(nl_ && previous->entity < 0 && IsOnePersonDescribed(previous->speaker));
      Range subject = introduced.empty() && turn_like ? NamedSubjectBefore(static_cast<uint32_t>(q.sentence), q.content.first)
                                                      : Range{0, 0};
      if (!introduced.empty() && turn_like) {
        q.speaker = introduced;
        q.entity = ResolveSpeaker(introduced);
      } else if (!subject.empty()) {
        q.speaker = subject;
        q.entity = ResolveSpeaker(subject);
      } else if (named_since && turn_like) {
        q.speaker = person;
        q.entity = entity_[person.first];
      } else if (near && turn_like) {
        q.speaker = previous->speaker;
        q.entity = previous->entity;
        // The speaker's nearest mention before the quote, as a reader would point to it.
        for (const MentionRef& m : mentions_) {
          if (m.first >= q.content.first) break;
          if (m.entity == q.entity && m.first > q.speaker.first && !InDirect(m.first)) q.speaker = {m.first, m.end};
        }
      } else if (sentence_like) {
        Range person = PersonAround(static_cast<uint32_t>(q.sentence));
        // "Tegen Cristiano Ronaldo waarschijnlijk. … ,,… Ronaldo staat eigenlijk overal op het veld …''": a
        // person the quote talks about is not its speaker; the last speaker goes on, if quoted not too long ago.
        if (!person.empty() && NamedIn(entity_[person.first], q.content)) {
          person = {0, 0};
          if (previous && previous->entity >= 0 && q.sentence - previous->sentence <= 8) {
            q.speaker = previous->speaker;
            q.entity = previous->entity;
          }
        }
        if (!person.empty()) {
          q.speaker = person;
          q.entity = entity_[person.first];
        } else if (nl_ && !near) {
          // Nobody quoted lately and nobody named just before, but a pronoun there still points at someone
          // ("… viel Sjim Grossfeld wat op. … Dat dakhuisje laat hem niet meer los. … ,,Het gebouwtje …''"),
          // or the person named last, up to four sentences back ("Onderzoeker David Sands wijdde een studie aan
          // de brug. Hij deed een test met geuren. Er zouden nertsen zijn gezien. En die geur trok de honden.
          // ,,75 procent van hondengedrag …''").
          uint32_t p = q.speaker.empty() ? PersonPronounBefore(static_cast<uint32_t>(q.sentence)) : kNone;
          Range far = p == kNone && q.speaker.empty() ? PersonAround(static_cast<uint32_t>(q.sentence), 0, 4) : Range{0, 0};
          // (A person's full name, not a lone word the recogniser may have misread: "Remain", "Frituurvet", and
          // the subject of a verb: not the target of a chant, "aan het adres van Thierry Baudet".)
          bool full_name = !far.empty() && doc_.entities[entity_[far.first]].name.find(' ') != std::string::npos &&
                           IsSubjectOfSomeVerb(far);
          if (p != kNone && (!previous || q.speaker.empty())) {
            q.speaker = {p, p + 1};
            q.entity = ResolvePronoun(p);
          } else if (full_name && (!previous || previous->content.end <= far.first)) {
            q.speaker = far;
            q.entity = entity_[far.first];
          }
        }
      } else {
        q.kind = "fragment";
      }
    }
  }
  // Whether a quote's speaker can go on speaking in the quotes after it: not a MISC name of one word, as a
  // work's ("De Bijbel is geschreven in een tijd waarin …" before the answers of an interview); a name of
  // several words ("Het Nederlands Dagblad", "de Secret Service") or a description of a body the name stands
  // for ("het bedrijf") can.
  bool HoldsTurn(const Found& f) const {
    if (!nl_ || f.entity < 0 || doc_.entities[f.entity].type != "MISC") return true;
    for (uint32_t t = f.speaker.first; t < f.speaker.end; ++t) {
      if (entity_[t] != f.entity) continue;
      uint32_t end = t;
      while (end < f.speaker.end && entity_[end] == f.entity) ++end;
      return end - t >= 2;
    }
    return true;
  }
  // How many sentences `to` comes after `from`, not counting those in between that lie wholly inside a
  // direct quote.
  int SentencesApart(int from, int to) const {
    int apart = to - from;
    for (int s = from + 1; s < to; ++s) {
      const Sentence& sent = doc_.sentences[s];
      bool quoted = true;
      for (uint32_t t = sent.first_token; t < sent.end_token && quoted; ++t) quoted = InDirect(t) || IsPunct(t);
      if (quoted) --apart;
    }
    return apart;
  }
  bool NamedIn(int entity, Range r) const {
    for (auto it = MentionsFrom(r.first); it != mentions_.end() && it->first < r.end; ++it) {
      if (it->entity == entity) return true;
    }
    return false;
  }
  // "Een woordvoerder wil niets zeggen over de arrestatie. “We kunnen …”": the subject of a reporting verb
  // in the sentence just before a quote that has no cue of its own, when that sentence quotes nothing.
  Range IntroducedSpeaker(uint32_t sentence, uint32_t quote_start) const {
    if (sentence == 0 || tokens_[quote_start - 1].sentence != sentence) return {0, 0};
    const Sentence& before = doc_.sentences[sentence - 1];
    for (const Found& other : quotes_) {
      if (other.sentence == static_cast<int>(sentence - 1) && other.kind != "fragment") return {0, 0};
    }
    for (uint32_t v = before.first_token; v < before.end_token; ++v) {
      if (upos(v) != Upos::kVerb || InDirect(v) || !VerbOf(v)) continue;
      Range subject = Subject(v, {before.first_token, before.end_token});
      // (Not a plural "ze" or one that points at nobody: "… dat ze pas in beweging komen als ze weten dat …"
      // is about the pupils, not the speaker of the quote after it.)
      if (nl_ && subject.size() == 1 && IsPersonalPronoun(subject.first) &&
          (IsPluralPronoun(subject.first) || ResolvePronoun(subject.first) < 0)) {
        continue;
      }
      if (!subject.empty() && !IsDemonstrativeSubject(subject)) return subject;
    }
    return {0, 0};
  }
  // "De Mos ziet daar totaal geen probleem in. ,,…''", "Al trapt Gilles De Bilde op de rem. ,,…''": a person
  // named as the subject of the sentence just before a quote without a cue, when that sentence quotes
  // nothing, goes on in the quote (no reporting verb needed).
  Range NamedSubjectBefore(uint32_t sentence, uint32_t quote_start) const {
    if (!nl_ || sentence == 0 || tokens_[quote_start - 1].sentence != sentence) return {0, 0};
    const Sentence& before = doc_.sentences[sentence - 1];
    for (const Found& other : quotes_) {
      if (other.sentence == static_cast<int>(sentence - 1) && other.kind != "fragment") return {0, 0};
    }
    for (uint32_t v = before.first_token; v < before.end_token; ++v) {
      if (InDirect(v)) return {0, 0};
      if (!IsVerb(v)) continue;
      Range subject = Subject(v, {before.first_token, before.end_token});
      for (uint32_t t = subject.first; t < subject.end; ++t) {
        if (entity_[t] >= 0 && doc_.entities[entity_[t]].type == "PER" && !IsComplementOfHead(t, subject.first)) {
          return subject;
        }
      }
      break;
    }
    // (Else a person named right after "maar" or "en" that opens a main clause, before its finite verb: "Bos
    // op het Plein is laat, maar Esther Glas wimpelt die kritiek af. ,,We zijn op tijd.''")
    for (uint32_t t = before.first_token + 1; t + 1 < before.end_token; ++t) {
      if (InDirect(t)) return {0, 0};
      if (!IsCoordinatedClauseStart(t) || entity_[t + 1] < 0 || doc_.entities[entity_[t + 1]].type != "PER") continue;
      uint32_t end = t + 1;
      while (end < before.end_token && entity_[end] == entity_[t + 1]) ++end;
      if (end < before.end_token && xpos(end).starts_with("WW|pv")) return {t + 1, end};
    }
    return {0, 0};
  }
  // Whether a person mention is the subject just before sentence `sentence`: of the sentence before it, or of
  // the one before that when a "hij"/"zij"/"ze" is the subject in between ("Klaas Wijnberg wandelde vaak in
  // Schotland. Hij was weleens bezorgd … ,,Flauwekul!''").
  bool LeadsInto(Range mention, int sentence) const {
    int at = static_cast<int>(tokens_[mention.first].sentence);
    if (doc_.entities[entity_[mention.first]].type != "PER" || !IsSubjectOfSomeVerb(mention)) return false;
    // (Not a name in the sentence of another quote: "zegt Igor Sorko, van het bedrijf Mister Kitchen".)
    for (const Found& other : quotes_) {
      if (other.sentence == at && other.kind != "fragment") return false;
    }
    if (at == sentence - 1) return true;
    if (at != sentence - 2) return false;
    const Sentence& between = doc_.sentences[sentence - 1];
    for (uint32_t t = between.first_token; t < between.end_token; ++t) {
      if (InDirect(t)) return false;
      if (IsVerb(t)) {
        Range subject = Subject(t, {between.first_token, between.end_token});
        return subject.size() == 1 && IsPersonalPronoun(subject.first) && !IsPluralPronoun(subject.first);
      }
    }
    return false;
  }
  // Whether a person mention names someone for the first time, after token `since`, by a name of two words or more.
  bool Newcomer(Range mention, uint32_t since) const {
    int e = entity_[mention.first];
    if (e < 0 || mention.first < since || mention.size() < 2) return false;
    for (const MentionRef& m : mentions_) {
      if (m.first >= mention.first) break;
      if (m.entity == e) return false;
    }
    return true;
  }
  // Whether a mention is (in) the subject of a verb of its sentence.
  bool IsSubjectOfSomeVerb(Range mention) const {
    Range sentence = SentenceOf(mention.first);
    for (uint32_t v = sentence.first; v < sentence.end; ++v) {
      if (!IsVerb(v) || InDirect(v)) continue;
      Range subject = Subject(v, sentence);
      if (subject.first <= mention.first && mention.first < subject.end) return true;
    }
    return false;
  }
  // "…, maar Esther Glas …", "…, en Jansen …": a conjunction after a comma, opening a clause.
  bool IsCoordinatedClauseStart(uint32_t t) const {
    const std::string& w = words_[t];
    return (w == "maar" || w == "en" || w == "want") && t > 0 && IsComma(t - 1);
  }
  // "u" once the turns are known, in text order, and the cue-less quotes that went on from it.
  void ResolveInterviewees() {
    std::vector<size_t> order(quotes_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [this](size_t a, size_t b) { return quotes_[a].content.first < quotes_[b].content.first; });
    for (size_t i : order) {
      Found& q = quotes_[i];
      if (q.kind == "fragment" || q.speaker.size() != 1 || words_[q.speaker.first] != "u") continue;
      if (!InDirect(q.speaker.first)) q.entity = Interviewee(q.speaker.first);
    }
  }
  // Descriptions of a person that name no one ("de parlementariër", "zijn advocaat") refer to the speaker
  // quoted last, within four sentences: the way news stories vary how they name who speaks.
  void ResolveDescriptions() {
    int last_entity = -1, last_sentence = -100;
    uint32_t last_end = 0;
    int last_body = -1, last_body_sentence = -100;
    int described = -1, described_sentence = -100;  // the last description resolved here, and where
    std::unordered_set<uint32_t> pronoun_of_described;
    for (Found& q : quotes_) {
      if (q.kind == "fragment") continue;
      // "…'', zegt de onderzoekster. Dat komt volgens haar …": a pronoun left unresolved because a person was
      // described, not named, just before is the person the description turned out to be.
      if (nl_ && q.entity < 0 && described >= 0 && q.speaker.size() == 1 && IsPersonalPronoun(q.speaker.first) &&
          !IsPluralPronoun(q.speaker.first) &&
          (q.sentence - described_sentence <= 2 || pronoun_of_described.count(q.speaker.first))) {
        q.entity = described;
        pronoun_of_described.insert(q.speaker.first);  // (and the quotes that go on from it)
      }
      if (int first = FirstOfGroupNamed(q.speaker); first >= 0) q.entity = first;
      if (q.entity < 0) {
        if (int first = GroupIntroducedAs(q.speaker); first >= 0) q.entity = first;
      }
      // "… volgens Pilp ongepast. De juristen waarschuwen …", "volgens de NCTV … Volgens de diensten …": a
      // plural description of people or bodies goes on from the organisation quoted within two sentences.
      if (nl_ && q.entity < 0 && q.sentence - last_body_sentence <= 2 && IsPluralDescription(q.speaker)) {
        q.entity = last_body;
      }
      if (q.entity >= 0 && doc_.entities[q.entity].type == "ORG") {
        last_body = q.entity;
        last_body_sentence = q.sentence;
      }
      // (A plural description is no person named in full before it: "De ondernemers" are not Lieneke Bolhuis,
      // though "De juristen" may be Pilp, a body the recogniser read as a person.)
      bool plural = HeadIsPlural(q.speaker);
      auto one_person = [&](int e) {
        if (e < 0) return false;
        const std::string& name = doc_.entities[e].name;
        // (Not a family: "de broers" may be "Van Lent".)
        bool family = name.starts_with("Van ") || name.starts_with("De ") || name.starts_with("Ter ");
        return (name.find(' ') != std::string::npos && !family) || lex_.FirstNameGender(name) != 0;  // "Ger"
      };
      bool was_unresolved = q.entity < 0;
      // "De Arnhemse producer Emile Hartkamp … volgens de Arnhemmer": a demonym goes to the person named with
      // the adjective (or "uit" and the place) of the same town.
      if (q.entity < 0) {
        if (int local = PersonOfTown(q.speaker); local >= 0) q.entity = local;
      }
      if (q.entity < 0 && IsPersonDescription(q.speaker) && !HasComplement(q.speaker)) {
        if (q.sentence - last_sentence <= 4) {
          if (int named = NewcomerDescribed(last_end, q); named >= 0) {
            q.entity = named;
          } else if (!NamedSinceInOtherRole(last_entity, last_end, q.speaker) &&
                     !OfficeNotHeld(last_entity, q.speaker) && !(plural && one_person(last_entity)) &&
                     !(IsPossessive(q.speaker.first) && !HoldsTitle(last_entity, q.speaker))) {
            q.entity = last_entity;
          }
        } else if (!IsPossessive(q.speaker.first)) {
          // Nobody quoted yet: the person just named ("… trekt lijstduwer Hans Smolders zijn mond open. De
          // Tilburger wil best vertellen …"); not for "zijn advocaat", someone else's.
          Range person = PersonAround(static_cast<uint32_t>(q.sentence), q.speaker.first);
          if (!person.empty() && !(plural && one_person(entity_[person.first])) &&
              !(IsCourtOffice(q.speaker) && OfficeNotHeld(entity_[person.first], q.speaker)) &&
              !(entity_[person.first] == last_entity && NamedSinceInOtherRole(last_entity, last_end, q.speaker))) {
            q.entity = entity_[person.first];
          }
        }
      }
      if (was_unresolved && q.entity >= 0 && q.speaker.size() > 1) {
        described = q.entity;
        described_sentence = q.sentence;
      }
      if (q.entity >= 0 && doc_.entities[q.entity].type == "PER") {
        last_entity = q.entity;
        last_sentence = q.sentence;
        last_end = std::max(q.content.end, q.speaker.end);
      }
    }
  }
  // "… zat hij aan tafel met de Edese wethouder Meijer, diens collega Wim Willems en gedeputeerde Meijers. De
  // drie bestuurders moesten constateren …": a plural description of people with a number goes to the group the
  // sentence before it (or two before) names, in the person of its first member; -1 if there is none.
  // Dutch "de werkgevers" for the bodies or people the story introduced with that plural noun before their
  // names, as a word or the first part of a compound (by its singular: "Vakbondsorganisaties FNV en CNV" for
  // "de vakbonden", "Werkgeversorganisaties VNO-NCW en MKB" for "de werkgevers"; the first named, as for any
  // group), in the eight sentences before, outside quotes.
  int GroupIntroducedAs(Range r) const {
    if (!nl_ || r.size() != 2 || words_[r.first] != "de") return -1;
    uint32_t noun = r.first + 1;
    if (upos(noun) != Upos::kNoun || !IsPluralNoun(noun) || entity_[noun] >= 0 || lemmas_[noun].size() < 4) return -1;
    int sentence = static_cast<int>(tokens_[r.first].sentence);
    int best = -1;
    for (const MentionRef& m : mentions_) {
      if (m.first >= r.first) break;
      if (m.first == 0 || InDirect(m.first) || entity_[m.first - 1] == m.entity) continue;
      if (SentencesApart(static_cast<int>(tokens_[m.first].sentence), sentence) > 8) continue;
      const std::string& type = doc_.entities[m.entity].type;
      if ((type == "ORG" || type == "PER") && words_[m.first - 1].starts_with(lemmas_[noun]) &&
          m.end + 1 < tokens_.size() && words_[m.end] == "en" && entity_[m.end + 1] >= 0) {
        best = m.entity;
      }
    }
    return best;
  }
  int FirstOfGroupNamed(Range r) const {
    if (!nl_ || r.size() < 3 || (words_[r.first] != "de" && words_[r.first] != "De")) return -1;
    if (upos(r.first + 1) != Upos::kNum && words_[r.first + 1] != "beide") return -1;
    uint32_t noun = r.end - 1;
    if (upos(noun) != Upos::kNoun || !IsPluralNoun(noun) ||
        !(lex_.FindLemma("person", lemmas_[noun]) || lex_.FindLemma("person", words_[noun]))) {
      return -1;
    }
    uint32_t sentence = tokens_[r.first].sentence;
    for (uint32_t back = 1; back <= 2 && back <= sentence; ++back) {
      const Sentence& sent = doc_.sentences[sentence - back];
      std::vector<int> people;
      for (auto it = MentionsFrom(sent.first_token); it != mentions_.end() && it->first < sent.end_token; ++it) {
        if (InDirect(it->first) || doc_.entities[it->entity].type != "PER") continue;
        if (std::find(people.begin(), people.end(), it->entity) == people.end()) people.push_back(it->entity);
      }
      if (people.size() >= 2) return people.front();
    }
    return -1;
  }
  // "… zei hij toen. A., toch al frequent bezoeker van de rechtbank, werd nu verdacht … De rechter oordeelde
  // dat …": the last speaker named again by name since his quote, in the story's own sentences, is what the
  // story talks about; a description that is none of his roles then brings in someone else.
  // A title and a noun for the same role, the one perhaps the feminine form of the other ("socioloog" and
  // "sociologe", "woordvoerder" and "woordvoerster", "onderzoeker" and "onderzoekster", "directeur" and
  // "directrice").
  static bool SameRole(std::string_view role, std::string_view noun) {
    if (role == noun) return true;
    auto swap = [](std::string_view w, std::string_view from, std::string_view to) -> std::string {
      if (!w.ends_with(from)) return "";
      return std::string(w.substr(0, w.size() - from.size())) + std::string(to);
    };
    for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"loge", "loog"}, {"ster", "der"},
                            {"ster", "er"}, {"trice", "teur"}}) {
      if (swap(noun, from, to) == role || swap(role, from, to) == noun) return true;
    }
    return false;
  }
  // Dutch "de Arnhemmer", "de Tilburger": the last person before the phrase named right after an adjective of
  // the same town ("De Arnhemse producer Emile Hartkamp") or right before "uit" and it ("Jan Bos uit Arnhem");
  // -1 if none. Town and demonym share their first five letters.
  int PersonOfTown(Range description) const {
    if (!nl_ || description.size() != 2 || words_[description.first] != "de") return -1;
    uint32_t head = description.first + 1;
    if (!IsDemonym(head) || words_[head].size() < 7) return -1;
    std::string stem = words_[head].substr(0, 5);
    int found = -1;
    for (const MentionRef& m : mentions_) {
      if (m.first >= description.first) break;
      if (doc_.entities[m.entity].type != "PER" || InDirect(m.first)) continue;
      bool town = false;
      for (uint32_t k = m.first; k > 0 && k + 4 > m.first; --k) {  // up to three words before the name
        if (upos(k - 1) == Upos::kAdj && words_[k - 1].starts_with(stem)) town = true;
      }
      if (m.end + 1 < tokens_.size() && words_[m.end] == "uit" && words_[m.end + 1].starts_with(stem)) town = true;
      if (town) found = m.entity;
    }
    return found;
  }
  // Dutch "de Amsterdammer", "de 45-jarige" (where a person was quoted before): the person named for the first
  // time, outside quotes, since the last quote, in the description's sentence or the one before it ("Michel
  // Verbeek begint er een ijssalon. ,,Eind april willen we open'', zegt de Amsterdammer."); -1 if none.
  int NewcomerDescribed(uint32_t since, const Found& q) const {
    if (!nl_) return -1;
    uint32_t head = q.speaker.end;
    while (head > q.speaker.first && upos(head - 1) != Upos::kNoun && upos(head - 1) != Upos::kPropn) --head;
    if (head == q.speaker.first) return -1;
    const std::string& w = words_[head - 1];
    bool age = w.size() > 6 && w.ends_with("-jarige");
    if (!IsDemonym(head - 1) && !age) return -1;
    int found = -1;
    uint32_t from = doc_.sentences[q.sentence > 0 ? q.sentence - 1 : 0].first_token;
    for (auto it = MentionsFrom(std::max(since, from)); it != mentions_.end() && it->first < q.speaker.first; ++it) {
      if (InDirect(it->first) || doc_.entities[it->entity].type != "PER") continue;
      bool first_time = true;
      for (auto earlier = mentions_.begin(); earlier != mentions_.end() && earlier->first < it->first; ++earlier) {
        if (earlier->entity == it->entity) first_time = false;
      }
      if (first_time) found = it->entity;
    }
    return found;
  }
  // Dutch "de rechter", "de burgemeester": a title someone holds (an `office` or `court` in the lexicon) that the story
  // never gives `entity` ("Volgens de rechter …" after the activist quoted before is the court, not her).
  bool OfficeNotHeld(int entity, Range description) const {
    if (!nl_ || entity < 0) return false;
    uint32_t head = description.end;
    while (head > description.first && upos(head - 1) != Upos::kNoun) --head;
    if (head == description.first) return false;
    const std::string& title = lemmas_[head - 1];
    std::string_view office = OfficeOf(title);
    if (office.empty()) return false;
    auto same = [&](std::string_view lemma) {
      std::string key = LexiconKey(lemma);
      // (also a compound: "kantonrechter", "oud-burgemeester")
      return OfficeOf(key) == office || (key.size() >= title.size() && key.ends_with(title));
    };
    for (const std::string& role : doc_.entities[entity].roles) {
      if (same(role)) return false;
    }
    for (const MentionRef& m : mentions_) {
      if (m.entity != entity) continue;
      for (uint32_t k = m.first; k > 0 && (upos(k - 1) == Upos::kNoun || IsOfWord(k - 1));) {
        --k;
        if (same(lemmas_[k])) return false;
      }
    }
    return true;
  }
  // The office a title names ("raadsman" → "advocaat", "rechter" → "rechter"), empty if none.
  std::string_view OfficeOf(std::string_view lemma) const {
    const std::string* kind = OfficeKind(&lemma);
    if (!kind) return {};
    size_t colon = kind->find(':');
    return colon != std::string::npos ? std::string_view(*kind).substr(colon + 1) : lemma;
  }
  // The lexicon's `office…` or `court…` value for a title or a compound that ends in one ("kantonrechter");
  // `lemma` becomes the title found. Null if none.
  const std::string* OfficeKind(std::string_view* lemma) const {
    const std::string* kind = lex_.FindLemma("person", *lemma);
    for (size_t k = 3; !kind && nl_ && k + 4 <= lemma->size(); ++k) {
      kind = lex_.FindLemma("person", lemma->substr(k));
      if (kind) *lemma = lemma->substr(k);
    }
    if (!kind || !(kind->starts_with("office") || kind->starts_with("court"))) return nullptr;
    return kind;
  }
  // Whether a description names an office of a court case ("de rechter", "de officier", "de raadsman").
  bool IsCourtOffice(Range description) const {
    uint32_t head = description.end;
    while (head > description.first && upos(head - 1) != Upos::kNoun) --head;
    if (!nl_ || head == description.first) return false;
    std::string_view lemma = lemmas_[head - 1];
    const std::string* kind = OfficeKind(&lemma);
    return kind && kind->starts_with("court");
  }
  // Dutch "zijn advocaat" after Stanley is quoted: someone's lawyer is not that someone, so a possessive
  // description is the person quoted before only when the story gives them its title ("advocaat Jan Smit",
  // "Jan Smit, advocaat van …").
  bool HoldsTitle(int entity, Range description) const {
    uint32_t head = HeadNoun(description);
    if (entity < 0 || head >= description.end) return false;
    const std::string& noun = lemmas_[head];
    auto same = [&](std::string_view word) {
      std::string key = LexiconKey(word);
      return key == noun || SameRole(key, noun) || (key.size() > noun.size() && key.ends_with(noun));
    };
    for (const std::string& role : doc_.entities[entity].roles) {
      if (same(role)) return true;
    }
    for (const MentionRef& m : mentions_) {
      if (m.entity != entity) continue;
      if (m.first > 0 && same(lemmas_[m.first - 1])) return true;  // "advocaat Smit"
      // "Smit, advocaat van …"
      if (m.end + 1 < tokens_.size() && IsComma(m.end) && same(lemmas_[m.end + 1])) return true;
    }
    return false;
  }
  bool NamedSinceInOtherRole(int entity, uint32_t since, Range description) const {
    if (!nl_ || entity < 0) return false;
    uint32_t head = description.end;
    while (head > description.first && upos(head - 1) != Upos::kNoun) --head;
    if (head == description.first) return false;
    // (Not a word for any man or woman: "de vrouw" is still the one quoted.)
    if (lex_.FindLemma("gender", lemmas_[head - 1]) || lex_.FindLemma("gender", words_[head - 1])) return false;
    for (const std::string& role : doc_.entities[entity].roles) {
      if (LexiconKey(role) == lemmas_[head - 1]) return false;
    }
    // (Nor when the story gives the person that title anywhere: "officier van justitie Otto van der Bijl", then
    // "de officier".)
    for (const MentionRef& m : mentions_) {
      if (m.entity != entity) continue;
      for (uint32_t k = m.first; k > 0 && (upos(k - 1) == Upos::kNoun || IsOfWord(k - 1)) &&
                                 (StartsLowerCase(k - 1) || k - 1 == SentenceOf(k - 1).first);) {
        --k;
        if (lemmas_[k] == lemmas_[head - 1]) return false;
      }
    }
    // (A mention in a sentence with a reporting verb is the speaker again, quoted or not: "…, somde aanklager
    // Van der Bijl op. … volgens de officier".)
    for (auto it = MentionsFrom(since); it != mentions_.end() && it->first < description.first; ++it) {
      if (it->entity != entity || InDirect(it->first)) continue;
      Range sentence = SentenceOf(it->first);
      bool reported = false;
      for (uint32_t t = sentence.first; t < sentence.end && !reported; ++t) {
        reported = IsVerb(t) && !InDirect(t) && VerbOf(t) != nullptr;
      }
      if (!reported) return true;
    }
    return false;
  }
  // The person a quote without a cue most likely belongs to: the last one named outside quotes in the two
  // sentences before (or before token `before`), else the first one named in the sentence after.
  // The last "hij", "hem" or "zij" outside quotes in the two sentences before `sentence` that resolves to
  // a person, or kNone.
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t PersonPronounBefore(uint32_t sentence) const {
    if (sentence == 0) return kNone;
    const uint32_t from = doc_.sentences[sentence >= 2 ? sentence - 2 : 0].first_token;
    for (uint32_t t = doc_.sentences[sentence].first_token; t-- > from;) {
      const std::string& w = words_[t];
      if (upos(t) != Upos::kPron || InDirect(t) || !(w == "hij" || w == "hem" || w == "zij" || w == "Hij" || w == "Zij")) {
        continue;
      }
      int e = ResolvePronoun(t);
      if (e >= 0 && doc_.entities[e].type == "PER") return t;
    }
    return kNone;
  }
  Range PersonAround(uint32_t sentence, uint32_t before = 0, uint32_t back = 2) const {
    Range found{0, 0};
    uint32_t from = doc_.sentences[sentence >= back ? sentence - back : 0].first_token;
    uint32_t to = before ? before : doc_.sentences[sentence].first_token;
    for (auto it = MentionsFrom(from); it != mentions_.end(); ++it) {
      const MentionRef& m = *it;
      if (m.first >= to) break;
      if (m.first >= from && !InDirect(m.first) && doc_.entities[m.entity].type == "PER") found = {m.first, m.end};
    }
    if (!found.empty() || sentence + 1 >= doc_.sentences.size()) return found;
    const Sentence& next = doc_.sentences[sentence + 1];
    for (auto it = MentionsFrom(next.first_token); it != mentions_.end(); ++it) {
      const MentionRef& m = *it;
      if (m.first >= next.end_token) break;
      if (m.first >= next.first_token && !InDirect(m.first) && doc_.entities[m.entity].type == "PER") return {m.first, m.end};
    }
    return found;
  }

  // The cue and speaker of a direct quote: after it ("”, zei hij", "”, aldus Blom", "” he said"), or
  // before it ("Hij zei: “", "Blom: '").
  void FindCueAround(uint32_t open, uint32_t after, Found* q) {
    const uint32_t n = static_cast<uint32_t>(tokens_.size());
    Range sentence = SentenceOf(after < n ? after : n - 1);
    uint32_t limit = ContentEnd(sentence);
    // "“…” - Matthew Ingram": a dash and a name closing the paragraph name the speaker.
    if (after + 1 < n && IsDash(after)) {
      uint32_t e = after + 1;
      while (e < n && tokens_[e].gap != Gap::kParagraph) ++e;
      Range np = NpAfter(after + 1, e);
      bool named = false;
      for (uint32_t t = np.first; t < np.end; ++t) named = named || entity_[t] >= 0 || upos(t) == Upos::kPropn;
      // … or before the next quote: "”― Azucena Gonzàlez “Donald Trump started …”― Karen Bobadilla".
      if (!np.empty() && (np.end == e || Opens(np.end)) && named) {
        q->speaker = np;
        q->entity = ResolveSpeaker(np);
        return;
      }
    }
    uint32_t a = after;
    if (a < n && IsComma(a)) ++a;
    if (a < limit && tokens_[a].sentence == tokens_[after - 1].sentence) {
      size_t len = lex_.Match("after", words_, a, limit);
      const AttributionLexicon::Verb* verb = VerbOf(a);
      // "”, laat een woordvoerder weten": a cue split around its speaker.
      bool split_cue = false;
      if (nl_ && !len && !verb && lemmas_[a] == "laten") {
        Range np = NpAfter(a + 1, limit);
        if (!np.empty() && np.end < limit && words_[np.end] == "weten") {
          verb = lex_.FindVerb("weten");
          split_cue = true;
        }
      }
      if (len > 0 || (verb && (upos(a) == Upos::kVerb || split_cue))) {
        // "”, vindt ook haar vriendin Marieke van der Aa": an adverb between the verb and its subject.
        uint32_t from = a + static_cast<uint32_t>(len ? len : 1);
        for (int skip = 0; nl_ && skip < 2 && from + 1 < limit && upos(from) == Upos::kAdv && !IsPersonalPronoun(from) &&
                           (IsNpWord(from + 1) || upos(from + 1) == Upos::kPron) && upos(from + 1) != Upos::kAdv;
             ++skip) {
          ++from;
        }
        Range np = NpAfter(from, limit);
        if (!np.empty()) {
          SetCue(q, {a, a + static_cast<uint32_t>(len ? len : 1)}, np, verb);
          return;
        }
      }
      // "” he said", "”, Smith said"
      // (Not "“Sunday Futures,” Issa said Clinton's judgment …": that verb has a clause of its own.)
      Range np = NpAfter(a, limit);
      // "”, Flynn, a top Trump surrogate, said": an apposition between the name and the verb.
      if (!np.empty() && np.end + 1 < limit && IsComma(np.end) && upos(np.end + 1) == Upos::kVerb) {
        if (const AttributionLexicon::Verb* v = VerbOf(np.end + 1)) {  // the phrase took the apposition in
          SetCue(q, {np.end + 1, np.end + 2}, np, v);
          return;
        }
      }
      if (!np.empty() && np.end + 2 < limit && IsComma(np.end)) {
        uint32_t close = np.end + 1;
        while (close < limit && !IsComma(close) && close - np.end <= 12) ++close;
        if (close + 1 < limit && IsComma(close) && IsApposition({np.end + 1, close}) && upos(close + 1) == Upos::kVerb) {
          if (const AttributionLexicon::Verb* v = VerbOf(close + 1)) {
            SetCue(q, {close + 1, close + 2}, {np.first, close}, v);
            return;
          }
        }
      }
      uint32_t next = np.end + 1;
      uint32_t clause_end = next;
      while (clause_end < limit && !IsComma(clause_end)) ++clause_end;
      bool own_clause = next < limit && ((IsNpWord(next) && !in_time_[next]) || upos(next) == Upos::kSconj ||
                                         upos(next) == Upos::kPron) && HasVerb({next, clause_end});
      if (!np.empty() && np.end < limit && upos(np.end) == Upos::kVerb && !own_clause) {
        if (const AttributionLexicon::Verb* v = VerbOf(np.end)) {
          SetCue(q, {np.end, np.end + 1}, np, v);
          return;
        }
      }
    }
    // Before: "... zei hij: “", "Hij zei: “", "Blom: '".
    if (open >= 2 && (words_[open - 1] == ":" || IsComma(open - 1))) {
      uint32_t b = open - 1;
      Range sentence_before = SentenceOf(b);
      for (uint32_t v = b; v-- > sentence_before.first && b - v <= 7;) {
        if (upos(v) != Upos::kVerb) continue;
        const AttributionLexicon::Verb* verb = VerbOf(v);
        if (!verb) continue;
        Range np = Subject(v, sentence_before);
        // "footage of Trump saying during the debate, “…”": a name right before the participle says it.
        if (!nl_ && words_[v].ends_with("ing") && v > sentence_before.first &&
            (upos(v - 1) == Upos::kPropn || entity_[v - 1] >= 0)) {
          Range named = NpBefore(v, sentence_before.first);
          for (uint32_t t = named.first; t < named.end; ++t) {
            if (IsOfWord(t)) named.first = t + 1;  // "footage of Trump": Trump
          }
          if (!named.empty()) np = named;
        }
        // Inverted, "zei de minister: '", "said Smith, “": in English only a name or pronoun, not the object
        // of a verb of thought ("feel that way, “").
        if (np.empty()) {
          np = NpAfter(v + 1, b);
          bool named = nl_;
          for (uint32_t t = np.first; t < np.end && !named; ++t) {
            named = upos(t) == Upos::kPropn || upos(t) == Upos::kPron;
          }
          if (!named) np = {};
        }
        if (!np.empty()) {
          SetCue(q, {v, v + 1}, np, verb);
          return;
        }
      }
      // "According to Limbaugh, “…”", "Volgens Rutte: '…'": a source preposition opening the sentence.
      uint32_t first = sentence_before.first;
      if (size_t len = lex_.Match("prep", words_, first, b); len > 0 && first + len < b) {
        Range np = NpAfter(first + static_cast<uint32_t>(len), b);
        if (np.end == b && IsSourcePhrase(np)) {
          q->cue = {first, first + static_cast<uint32_t>(len)};
          q->speaker = np;
          q->entity = ResolveSpeaker(np);
          return;
        }
      }
      if (words_[open - 1] == ":") {
        Range np = NpBefore(b, sentence_before.first);
        if (!np.empty() && np.first == ClauseStart(b, sentence_before.first)) {
          q->speaker = np;
          q->entity = ResolveSpeaker(np);
          return;
        }
        // "Die opstelling bevreemdt Van der Laan: ,,…''": a person named right before the colon, inside the
        // clause, speaks.
        if (nl_ && b > sentence_before.first && entity_[b - 1] >= 0 && doc_.entities[entity_[b - 1]].type == "PER" &&
            !InDirect(b - 1)) {
          uint32_t first = b - 1;
          while (first > sentence_before.first && entity_[first - 1] == entity_[b - 1]) --first;
          q->speaker = {first, b};
          q->entity = entity_[b - 1];
          return;
        }
        // "Hans van Soest … prijst de maatregelen: '…'", "Hij is duidelijk: '…'": a clause whose subject is a
        // person or a personal pronoun leads into the quote with a verb of no lexicon; the subject speaks.
        if (nl_) {
          Range np = PersonSubjectBefore(b, sentence_before);
          if (!np.empty()) {
            q->cue = {b, b + 1};
            q->speaker = np;
            q->entity = ResolveSpeaker(np);
            return;
          }
        }
      }
    }
  }
  // The subject of the last verb before `b` (at most twelve tokens back) in its sentence, when it names
  // a person or is a personal pronoun; else (a verb without a subject of its own: "…, maar prijst het
  // ontwerp") the sentence's, when the sentence opens with a person's name and its verb.
  Range PersonSubjectBefore(uint32_t b, Range sentence) const {
    uint32_t v = b;
    while (v > sentence.first && upos(v - 1) != Upos::kVerb && upos(v - 1) != Upos::kAux) --v;
    if (v == sentence.first || b - v > 12) return {};
    Range np = Subject(v - 1, sentence);
    // (Or a named body heading the subject, as a paper in a press review: "Het Nederlands Dagblad is milder
    // over de keuzes: '…'".)
    auto person = [&](Range r) {
      if (r.empty() || InDirect(r.first)) return false;
      if (r.size() == 1 && IsPersonalPronoun(r.first)) return true;
      for (uint32_t t = r.first; t < r.end; ++t) {
        if (entity_[t] >= 0 && doc_.entities[entity_[t]].type == "PER") return true;
      }
      uint32_t head = r.first;
      while (head < r.end && entity_[head] < 0 && upos(head) == Upos::kDet) ++head;
      if (head < r.end && entity_[head] >= 0 && !IsComplementOfHead(head, r.first)) {
        uint32_t end = head;
        while (end < r.end && entity_[end] == entity_[head]) ++end;
        const Entity& e = doc_.entities[entity_[head]];
        if (end == r.end && (e.type == "ORG" || (e.type == "MISC" && IsCapitalisedTitle(head, end)))) return true;
      }
      return false;
    };
    if (person(np)) return np;
    // "… Hans van Soest is in het AD-commentaar kritisch …, maar prijst de maatregelen: '…'": a verb after
    // "maar"/"en" shares the subject of the sentence's first finite verb.
    if (nl_ && v > sentence.first + 1 && (upos(v - 2) == Upos::kCconj)) {
      for (uint32_t f = sentence.first; f + 2 < v; ++f) {
        if (!xpos(f).starts_with("WW|pv")) continue;
        Range first = Subject(f, sentence);
        if (person(first) && first.end <= f + 8) return first;
        break;
      }
    }
    uint32_t t = sentence.first;  // after at most two title words ("Wethouder", "oud-minister")
    while (t < b && t < sentence.first + 2 && entity_[t] < 0 && StartsLowerCase(t) == (t > sentence.first)) ++t;
    if (t >= b || entity_[t] < 0 || doc_.entities[entity_[t]].type != "PER") return {};
    const int named = entity_[t];
    while (t < b && entity_[t] == named) ++t;
    if (t >= b || (upos(t) != Upos::kVerb && upos(t) != Upos::kAux)) return {};
    return {sentence.first, t};
  }

  void SetCue(Found* q, Range cue, Range speaker, const AttributionLexicon::Verb* verb) {
    q->cue = cue;
    q->speaker = speaker;
    q->entity = ResolveSpeaker(speaker);
    if (verb) q->certainty = verb->certainty;
    for (uint32_t t = cue.first; t < cue.end; ++t) used_[t] = true;
    for (uint32_t t = speaker.first; t < speaker.end; ++t) used_[t] = true;
  }

  // ---- indirect speech ----
  void FindIndirectQuotes() {
    for (const Sentence& s : doc_.sentences) {
      Range sentence{s.first_token, s.end_token};
      uint32_t end = ContentEnd(sentence);
      for (uint32_t t = sentence.first; t < end; ++t) {
        if (used_[t]) continue;
        if (TryAsCue(t, sentence, end) || TryAfterCue(t, sentence, end) || TryPrepCue(t, sentence, end) ||
            TryAnaphoricCue(t, sentence, end) || TryVerbCue(t, sentence, end) ||
            TryColonCue(t, sentence, end) || TrySourceNounCue(t, sentence, end) ||
            TryNounCue(t, sentence, end)) {
          continue;
        }
      }
    }
  }
  bool Overlaps(Range r) const {
    for (const Found& q : quotes_) {
      if (q.kind == "fragment") continue;
      // A quote without a cue inside indirect speech becomes part of it (MergeMixed).
      if (q.cue.empty() && q.speaker.empty() && q.content.first >= r.first && q.content.end <= r.end + 1) continue;
      if (r.first < q.content.end && q.content.first < r.end) return true;
    }
    return false;
  }
  // "As Ms. Simonyan put it in a statement to my colleague, RT is …", "As the report noted last week, …":
  // the clause after the comma is what the "as" phrase's subject says.
  bool TryAsCue(uint32_t t, Range sentence, uint32_t end) {
    if (nl_ || t != sentence.first || words_[t] != "as") return false;
    for (uint32_t k = t + 2; k < end && k <= t + 10; ++k) {
      bool put_it = words_[k] == "put" && k + 1 < end && words_[k + 1] == "it";
      const AttributionLexicon::Verb* verb = upos(k) == Upos::kVerb ? VerbOf(k) : nullptr;
      if (!put_it && !verb) {
        // Another verb ends the "as" phrase, but not a participle in an apposition (", including …,").
        if (IsVerb(k) && upos(k) != Upos::kAux && !words_[k].ends_with("ing")) return false;
        continue;
      }
      uint32_t comma = k + 1;
      while (comma < end && !IsComma(comma) && comma - k <= 15 && !IsVerb(comma)) ++comma;
      if (comma + 2 >= end || !IsComma(comma) || !HasVerb({comma + 1, end})) return false;
      Range np = NpAfter(t + 1, k);
      if (np.empty()) return false;
      return AddIndirect({comma + 1, end}, {k, k + 1}, np, verb ? verb->certainty : "asserted", tokens_[t].sentence);
    }
    return false;
  }
  bool AddIndirect(Range content, Range cue, Range speaker, std::string certainty, uint32_t sentence) {
    // "… agreed that the rules should change, but he said that …": a report of its own ends this one.
    for (uint32_t k = content.first + 2; k + 2 < content.end; ++k) {
      if (!IsComma(k)) continue;
      uint32_t j = k + 1;
      if (upos(j) == Upos::kCconj) ++j;
      if (j + 1 < content.end && upos(j) == Upos::kPron && upos(j + 1) == Upos::kVerb && VerbOf(j + 1) &&
          !InDirect(j)) {
        content.end = k;
        break;
      }
    }
    while (!content.empty() && (IsComma(content.first) || IsQuoteMark(content.first))) ++content.first;
    while (!content.empty() && (IsPunct(content.end - 1) || IsQuoteMark(content.end - 1))) --content.end;
    if (content.size() < 2 || Overlaps(content)) return false;
    // A quote in the same place already says it (the indirect reading of a direct quote's cue).
    Found q;
    q.kind = "indirect";
    q.content = content;
    q.cue = cue;
    q.speaker = speaker;
    q.entity = ResolveSpeaker(speaker);
    q.certainty = std::move(certainty);
    q.sentence = static_cast<int>(sentence);
    for (uint32_t t = cue.first; t < cue.end; ++t) used_[t] = true;
    for (uint32_t t = speaker.first; t < speaker.end; ++t) used_[t] = true;
    quotes_.push_back(q);
    return true;
  }
  // Dutch "Het plan deugt niet. Dat concludeert socioloog Niels Blom.", "Dat heeft de club gisteren
  // bekendgemaakt.", "Dat blijkt uit onderzoek van het RIVM.": a sentence opening with "Dat" or "Dit" and a
  // reporting verb (or "blijkt uit") reports the sentence before it, said by the subject after the verb (or
  // the source after "uit").
  bool TryAnaphoricCue(uint32_t t, Range sentence, uint32_t end) {
    if (!nl_ || t != sentence.first || t + 3 >= end || (words_[t] != "dat" && words_[t] != "dit")) return false;
    uint32_t s = tokens_[t].sentence;
    if (s == 0 || InDirect(t)) return false;
    const Sentence& before = doc_.sentences[s - 1];
    Range content{before.first_token, before.end_token};
    bool quoted = true;  // a sentence wholly in quote marks is a quote already
    for (uint32_t k = content.first; k < content.end && quoted; ++k) quoted = InDirect(k) || IsPunct(k) || IsQuoteMark(k);
    if (quoted) return false;
    uint32_t v = t + 1;
    if (!xpos(v).starts_with("WW|pv")) return false;
    // "Dat blijkt uit cijfers van het CBS", "Dit bleek uit onderzoek".
    if (lemmas_[v] == "blijken" && words_[v + 1] == "uit") {
      Range source = NpAfter(v + 2, end);
      if (source.empty()) return false;
      return AddIndirect(content, {v, v + 2}, source, "asserted", s);
    }
    // The reporting verb: the finite verb itself, or a participle further on ("Dat heeft X gezegd").
    uint32_t cue = v;
    const AttributionLexicon::Verb* verb = VerbOf(v);
    if (!verb && upos(v) == Upos::kAux) {  // (a participle: not "Dat is de boodschap die hij benadrukte")
      for (uint32_t k = v + 1; k < end && !verb; ++k) {
        if (IsRelativeOrSubordinator(k) || IsComma(k)) break;
        if (IsVerb(k) && xpos(k).starts_with("WW|vd") && (verb = VerbOf(k))) cue = k;
      }
    }
    if (!verb) return false;
    uint32_t from = v + 1;
    while (from < end && (upos(from) == Upos::kAdv || in_time_[from])) ++from;  // "Dat zei gisteren …"
    Range speaker = NpAfter(from, end);
    for (uint32_t k = speaker.first + 1; k < speaker.end; ++k) {
      if (in_time_[k]) speaker.end = k;  // "Dat kondigde B en W eind 2017 al aan"
    }
    if (speaker.empty() || (speaker.size() == 1 && IsDemonstrativeSubject(speaker))) return false;
    // A belief about the sentence before, not a judgement of it: "Dat vindt de Tweede Kamer." reports, "Dat
    // vind ik geen optie" (a predicate after the subject) judges.
    if (verb->frame == "think") {
      for (uint32_t k = speaker.end; k < end; ++k) {
        if (!(upos(k) == Upos::kAdv || IsPunct(k) || in_time_[k] || upos(k) == Upos::kAdp)) return false;
      }
    }
    return AddIndirect(content, {cue, cue + 1}, speaker, verb->certainty, s);
  }
  // A short tail after the source: "tegen de krant", "on Tuesday"; no verb in it.
  // Or a relative clause about the source: ", die maandag met de docent had gesproken".
  bool ShortTail(uint32_t from, uint32_t end) const {
    if (from + 1 < end && IsComma(from) && IsRelativeOrSubordinator(from + 1)) return true;
    uint32_t stop = from;
    while (stop < end && !(IsComma(stop) && stop + 1 < end && IsRelativeOrSubordinator(stop + 1)) &&
           !(stop > from && IsRelativeOrSubordinator(stop) && upos(stop) != Upos::kSconj)) {
      ++stop;
    }
    return end >= from && stop - from <= 6 && !HasVerb({from, stop});
  }

  // "…, aldus een senior assistent."
  bool TryAfterCue(uint32_t t, Range sentence, uint32_t end) {
    size_t len = lex_.Match("after", words_, t, end);
    if (len == 0 || t < sentence.first + 2 || !IsComma(t - 1)) return false;
    Range np = NpAfter(t + static_cast<uint32_t>(len), end);
    if (np.empty() || !ShortTail(np.end, end)) return false;
    return AddIndirect({sentence.first, t - 1}, {t, t + static_cast<uint32_t>(len)}, np, "asserted",
                       tokens_[t].sentence);
  }
  // "Volgens X …", "…, volgens X", "According to X, …".
  bool TryPrepCue(uint32_t t, Range sentence, uint32_t end) {
    std::string value;
    size_t len = lex_.Match("prep", words_, t, end, &value);
    if (len == 0) return false;
    Range cue{t, t + static_cast<uint32_t>(len)};
    if (value == "self") {  // "naar eigen zeggen": the subject's own word for its clause
      Range subject = Subject(t, sentence);
      if (subject.empty() || subject.first > t) return false;
      uint32_t cs = ClauseStart(t, sentence.first);
      return AddIndirect({cs, end}, cue, subject, "asserted", tokens_[t].sentence);
    }
    Range np = NpAfter(t + static_cast<uint32_t>(len), end);
    if (np.empty()) return false;
    uint32_t cs = ClauseStart(t, sentence.first);
    // "…, according to an account she gave to the Free Beacon.": the source closes the sentence.
    if (t > sentence.first && IsComma(t - 1) && (ShortTail(np.end, end) || !HasCommaAfter(np.end, end))) {
      return AddIndirect({sentence.first, t - 1}, cue, np, "asserted", tokens_[t].sentence);
    }
    if (!IsSourcePhrase(np)) return false;
    if (cs == t || t == sentence.first) {
      uint32_t from = np.end;
      if (from < end && IsComma(from)) ++from;
      if (end > from && HasVerb({from, end})) return AddIndirect({from, end}, cue, np, "asserted", tokens_[t].sentence);
    }
    // In the middle: "Dat moet volgens hem eerst gebeuren": the whole clause is his.
    if (HasVerb({sentence.first, end})) return AddIndirect({sentence.first, end}, cue, np, "asserted", tokens_[t].sentence);
    return false;
  }
  bool HasCommaAfter(uint32_t from, uint32_t end) const {
    for (uint32_t t = from; t < end; ++t) if (IsComma(t) || words_[t] == ":") return true;
    return false;
  }
  // Who can be a source after "volgens": not "de regels", "het plan".
  bool IsSourcePhrase(Range np) const {
    static const char* kNot[] = {"regel", "wet", "plan", "planning", "schema", "traditie", "afspraak", "norm",
                                 "protocol", "rule", "law", "plan", "schedule", "tradition"};
    for (uint32_t t = np.first; t < np.end; ++t) {
      if (upos(t) != Upos::kNoun) continue;
      for (const char* w : kNot) if (lemmas_[t] == w) return false;
      break;
    }
    return true;
  }
  // A reporting verb and what it reports.
  // "Ajax moet niet denken dat het een leiderstype haalt, zegt Degryse.": a verb of thought inside what a
  // post-posed cue closing the sentence reports is part of that report, not a cue of its own.
  bool ClosedByLaterCue(uint32_t v, Range sentence, uint32_t end) const {
    const AttributionLexicon::Verb* own = VerbOf(v);
    if (!own || own->frame != "think") return false;
    for (uint32_t k = v + 2; k < end; ++k) {
      if (!IsComma(k - 1) || upos(k) != Upos::kVerb) continue;
      const AttributionLexicon::Verb* verb = VerbOf(k);
      if (!verb || verb->frame != "say") continue;
      Range np = NpAfter(k + 1, end);
      if (!np.empty() && ShortTail(np.end, end)) return true;
    }
    return false;
  }
  bool TryVerbCue(uint32_t v, Range sentence, uint32_t end) {
    if (upos(v) != Upos::kVerb) return false;
    const AttributionLexicon::Verb* verb = VerbOf(v);
    if (!verb) return false;
    uint32_t sent = tokens_[v].sentence;
    Range cue{v, v + 1};
    if (!nl_ && IsModifier(v)) return false;
    if (nl_ && ClosedByLaterCue(v, sentence, end)) return false;
    // Post-posed: "…, zegt hij.", "…, said Smith.", "…, Smith said."
    if (verb->frame == "say" || verb->frame == "think" || verb->frame == "clause") {
      if (v >= sentence.first + 2 && (IsComma(v - 1) || IsQuoteMark(v - 1))) {
        Range np = NpAfter(v + 1, end);
        if (!np.empty() && ShortTail(np.end, end)) {
          return AddIndirect({sentence.first, v - 1}, cue, np, verb->certainty, sent);
        }
        // In parenthesis: "Daarbovenop, zegt ze, komt nog de bonus": the whole clause is reported.
        if (!np.empty() && np.end + 2 < end && IsComma(np.end) && HasVerb({np.end + 1, end})) {
          return AddIndirect({sentence.first, end}, cue, np, verb->certainty, sent);
        }
      }
      // "…, heeft directeur Nico Woonink gezegd."
      uint32_t cs = ClauseStart(v, sentence.first);
      if (nl_ && cs < v && cs > sentence.first + 2 && IsComma(cs - 1) && upos(cs) == Upos::kAux && ShortTail(v + 1, end)) {
        Range np = NpAfter(cs + 1, v);
        bool rest_plain = true;
        for (uint32_t t = np.end; t < v; ++t) rest_plain = rest_plain && (upos(t) == Upos::kAdv || in_time_[t]);
        if (!np.empty() && rest_plain) return AddIndirect({sentence.first, cs - 1}, cue, np, verb->certainty, sent);
      }
      if (!nl_) {
        Range np = NpBefore(v, sentence.first);
        if (!np.empty() && np.first >= sentence.first + 2 && IsComma(np.first - 1)) {
          if (ShortTail(v + 1, end)) return AddIndirect({sentence.first, np.first - 1}, cue, np, verb->certainty, sent);
          // "The emails were on work topics, the Times said, including speeches."
          uint32_t after = v + 1;
          while (after < end && !IsComma(after) && after - v <= 4) ++after;
          if (after < end && IsComma(after) && !HasVerb({v + 1, after})) {
            return AddIndirect({sentence.first, end}, cue, np, verb->certainty, sent);
          }
        }
      }
    }
    // In a relative clause (", die bekent dat …, herhaalde", ", who said that …, left") the report ends
    // where the main clause takes over: at a comma before a verb.
    uint32_t cs = ClauseStart(v, sentence.first);
    if (cs > sentence.first && IsComma(cs - 1) && IsRelativeOrSubordinator(cs) && upos(cs) != Upos::kSconj) {
      for (uint32_t k = v + 1; k + 1 < end; ++k) {
        if (IsComma(k) && IsVerb(k + 1)) {
          end = k;
          break;
        }
      }
    }
    Range subject = Subject(v, sentence);
    if (subject.empty()) subject = ConjoinedSubject(v, sentence);
    // "Citing a theory, Trump accused …", "After saying her foot was swollen, she …": a participle opening the
    // sentence reports what the subject of the main clause, after the comma, says.
    if (!nl_ && subject.empty() && words_[v].ends_with("ing")) {
      bool opens = v == sentence.first ||
                   (v == sentence.first + 1 && (upos(sentence.first) == Upos::kAdp || upos(sentence.first) == Upos::kSconj));
      uint32_t comma = v + 1;
      while (comma < end && !IsComma(comma)) ++comma;
      if (opens && comma + 2 < end) {
        Range main = NpAfter(comma + 1, end);
        if (!main.empty() && main.end < end && (IsVerb(main.end) || upos(main.end) == Upos::kAdv)) {
          subject = main;
          end = comma;
        }
      }
    }
    // "To understand the real Dred Scott, Roberts said, …": an infinitive without a subject reports nothing.
    if (!nl_ && subject.empty() && v > sentence.first && words_[v - 1] == "to") return false;
    // Dutch reports name who speaks; "Dat wil zeggen", "that is to say" are no reports.
    if ((subject.empty() && nl_) || IsDemonstrativeSubject(subject)) return false;
    // A complementiser: "zei dat", "vertelde de krant dat", "told reporters that".
    for (uint32_t k = v + 1; k < end && k <= v + 10; ++k) {
      std::string_view w = words_[k];
      bool asks = !nl_ && (lemmas_[v] == "ask" || lemmas_[v] == "wonder" || lemmas_[v] == "question");
      bool complementiser = nl_ ? (w == "dat" || w == "of")
                                : (w == "that" || w == "whether" ||
                                   (asks && (w == "if" || w == "what" || w == "whom" || w == "who" || w == "why" ||
                                             w == "how" || w == "when" || w == "where")));
      // The tagger reads some "dat" as a relative pronoun; after a name or an adverb ("verwacht het RIVM dat",
      // not "zegt het woord dat") it introduces the reported clause.
      bool dat_after_name = nl_ && w == "dat" && upos(k) == Upos::kPron && upos(k - 1) != Upos::kNoun;
      // "that nobody would …": no determiner before a pronoun, whatever the tagger said.
      bool that_before_pronoun = !nl_ && w == "that" && k + 1 < end && upos(k + 1) == Upos::kPron;
      if (complementiser && (upos(k) == Upos::kSconj || (w == "that" && upos(k) != Upos::kDet) || asks ||
                             dat_after_name || that_before_pronoun)) {
        return AddIndirect({asks ? k : k + 1, end}, cue, subject, verb->certainty, sent);
      }
      if (w == ":") {
        return AddIndirect({k + 1, end}, cue, subject, verb->certainty, sent);
      }
      // English quote marks may hold a title in the object: 'told MSNBC's "Morning Joe" that …'.
      if (!nl_ && (IsQuoteMark(k) || w == "'s" || w == "\u2019s")) continue;
      if (IsVerb(k) || IsPunct(k) || IsQuoteMark(k) || upos(k) == Upos::kSconj) break;
    }
    uint32_t from = v + 1;
    // Dutch "Ze vindt het onzin", "vond het ook vervelend dat …": "vinden" with "het" and what it is found to
    // be, to the end of the clause (the guidelines' indirect belief).
    if (nl_ && lemmas_[v] == "vinden") {
      uint32_t h = from;
      while (h < end && (upos(h) == Upos::kAdv || (h >= subject.first && h < subject.end))) ++h;
      // ("het" the pronoun, not the article: "Hij vindt het boek niet" finds a book.)
      if (h + 1 < end && words_[h] == "het" && upos(h) == Upos::kPron && !IsPunct(h + 1) && !IsVerb(h + 1)) {
        return AddIndirect({h, end}, cue, subject, verb->certainty, sent);
      }
    }
    // A belief verb takes its clause with "dat" only in Dutch: "vindt plaats", "ziet er … uit" are no cues.
    if (verb->frame == "say" || (verb->frame == "think" && !nl_)) {
      // Without a complementiser: "Budanov voegde daaraan toe Rusland heeft …", "said the plan was …".
      while (from < end && (upos(from) == Upos::kAdv || upos(from) == Upos::kPart ||
                            (upos(from) == Upos::kAdp && IsParticleOf(v, from)) ||
                            (from >= subject.first && from < subject.end))) {
        ++from;
      }
      if (!nl_ && lemmas_[v] == "tell") {  // "told reporters …", "told CNN, his policy …", "told the Star last week"
        Range object = NpAfter(from, end);
        if (!object.empty()) from = object.end;
        while (from < end && (in_time_[from] || IsComma(from))) ++from;
      }
      if (!nl_ && from < end && IsComma(from) && from == v + 1) ++from;  // "Rubio says, win or lose, he's staying"
      if (end > from + 2 && HasVerb({from, end}) && (!nl_ || !IsVerb(from)) && !IsPunct(from)) {
        return AddIndirect({from, end}, cue, subject, verb->certainty, sent);
      }
      return false;
    }
    if (verb->frame == "intent") {
      // "beloofde een vredesmacht samen te stellen", "wants to raise taxes"
      uint32_t to = from;
      while (to < end && to <= v + 8 && words_[to] != (nl_ ? "te" : "to") && !IsPunct(to)) ++to;
      if (to >= end || words_[to] != (nl_ ? "te" : "to")) return false;
      // Dutch: the infinitives after "te" close the phrase ("te gaan stemmen"), which starts after "om" when
      // there is one ("riep zijn achterban op om massaal te gaan stemmen").
      uint32_t stop = end;
      if (nl_) {
        stop = to + 1;
        while (stop < end && IsVerb(stop)) ++stop;
        for (uint32_t k = from; k < to; ++k) {
          if (words_[k] != "om") continue;
          if (HasVerb({v + 1, k})) return false;  // "wilde een tas onderscheppen om …": another verb's purpose
          from = k + 1;
        }
      } else {
        from = to;
      }
      return AddIndirect({from, std::min(stop, end)}, cue, subject, verb->certainty, sent);
    }
    if (verb->frame == "object" && end > from + 1 &&
        (IsNpWord(from) || upos(from) == Upos::kAdp || upos(from) == Upos::kPron)) {  // "calling him …"
      return AddIndirect({from, end}, cue, subject, verb->certainty, sent);
    }
    return false;
  }
  // The reporting verb token t is, by its lemma, else by its form less an English ending ("boasted" when
  // the lemmatiser gave "boaste").
  const AttributionLexicon::Verb* VerbOf(uint32_t t) const {
    if (const AttributionLexicon::Verb* v = lex_.FindVerb(lemmas_[t])) return v;
    if (nl_) return DutchVerbOf(t);
    const std::string& w = words_[t];
    for (std::string_view ending : {"ed", "d", "es", "s", "ing"}) {
      if (w.size() > ending.size() + 2 && w.compare(w.size() - ending.size(), ending.size(), ending) == 0) {
        std::string stem = w.substr(0, w.size() - ending.size());
        if (const AttributionLexicon::Verb* v = lex_.FindVerb(stem)) return v;
        if (ending == "ing" || ending == "ed") {
          if (const AttributionLexicon::Verb* v = lex_.FindVerb(stem + "e")) return v;  // "joking" => "joke"
        }
      }
    }
    return nullptr;
  }
  // Dutch lemmatiser misses: a particle read as a preposition ("geven aan dat": aangeven) and a doubled
  // consonant lost ("bekent" lemmatised "bekenen": bekennen).
  const AttributionLexicon::Verb* DutchVerbOf(uint32_t t) const {
    const uint32_t n = static_cast<uint32_t>(tokens_.size());
    for (uint32_t k = t + 1; k < n && k <= t + 6 && tokens_[k].sentence == tokens_[t].sentence; ++k) {
      if (IsPunct(k) || IsVerb(k)) break;
      if (upos(k) == Upos::kAdp && (k + 1 >= n || words_[k + 1] == "dat" || IsPunct(k + 1))) {
        if (const AttributionLexicon::Verb* v = lex_.FindVerb(words_[k] + lemmas_[t])) return v;
      }
    }
    const std::string& w = words_[t];
    // A participle the lemmatiser left as it is ("beweerd"): its infinitive from the form, a long vowel
    // written once before a single consonant ("beweer" => beweren), f and s voiced (geloofd => geloven).
    if (lemmas_[t] == w && w.size() > 5 && (w.back() == 'd' || w.back() == 't') &&
        xpos(t).starts_with("WW|vd")) {
      std::string stem = w.substr(0, w.size() - 1);
      if (stem.starts_with("ge")) stem = stem.substr(2);
      auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
      const size_t k = stem.size();
      if (k >= 3 && !vowel(stem[k - 1]) && vowel(stem[k - 2]) && stem[k - 2] == stem[k - 3]) stem.erase(k - 2, 1);
      if (stem.ends_with("f")) stem.back() = 'v';
      if (stem.ends_with("s") && !stem.ends_with("ss")) {
        if (const AttributionLexicon::Verb* v = lex_.FindVerb(stem.substr(0, stem.size() - 1) + "zen")) return v;
      }
      if (const AttributionLexicon::Verb* v = lex_.FindVerb(stem + "en")) return v;
    }
    // From the form, not the lemma ("gestolen" is stelen, not stellen): a finite verb whose stem ends in a
    // short vowel and a consonant ("bekent", "bekende").
    size_t cut = w.size() > 4 && w.back() == 't' ? 1 : w.size() > 5 && (w.ends_with("de") || w.ends_with("te")) ? 2 : 0;
    if (!cut || !IsVerb(t)) return nullptr;
    std::string stem = w.substr(0, w.size() - cut);
    auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
    size_t k = stem.size();
    if (k >= 3 && !vowel(stem[k - 1]) && vowel(stem[k - 2]) && !vowel(stem[k - 3])) {
      return lex_.FindVerb(stem + stem.back() + "en");
    }
    return nullptr;
  }
  // "758 pledged delegates": an English participle that modifies a noun.
  bool IsModifier(uint32_t v) const {
    const std::string& w = words_[v];
    bool ing = w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0;
    bool ed = w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0;
    if (v > 0 && (ing || ed) && (upos(v - 1) == Upos::kDet || upos(v - 1) == Upos::kNum || upos(v - 1) == Upos::kAdj)) {
      return true;
    }
    return false;
  }
  // "He boycotted one debate and called her …": the subject of the first verb the cue is conjoined to.
  Range ConjoinedSubject(uint32_t v, Range sentence) const {
    if (v == sentence.first || !(IsAnd(v - 1) || IsComma(v - 1))) return {v, v};
    // "“…,” said Rep. Bobby Scott, adding that …": the speaker of the quote before.
    for (const Found& q : quotes_) {
      if (q.sentence == static_cast<int>(tokens_[v].sentence) && !q.speaker.empty() && q.speaker.end <= v) return q.speaker;
    }
    for (uint32_t t = sentence.first; t + 1 < v; ++t) {
      if (IsVerb(t) && !InDirect(t)) {
        Range subject = Subject(t, sentence);
        return subject.first < t ? subject : Range{v, v};
      }
    }
    return {v, v};
  }
  bool IsParticleOf(uint32_t verb, uint32_t t) const {
    const std::string& lemma = lemmas_[verb];
    const std::string& w = words_[t];
    return lemma.size() > w.size() && lemma.compare(0, w.size(), w) == 0;
  }
  bool IsDemonstrativePronoun(uint32_t t) const { return nl_ && (words_[t] == "die" || words_[t] == "deze"); }
  bool IsDemonstrativeSubject(Range r) const {
    if (r.size() != 1) return false;
    std::string_view w = words_[r.first];
    // "It also points out that …" (a report): English "it" may stand for a source; "it is said" is passive.
    return w == "dat" || w == "dit" || w == "het" || w == "that" || w == "this";
  }
  // "Gingrich: Trump Must Decide …", "Matthews: Well, speculation is bad": a name, a colon, what it says.
  bool TryColonCue(uint32_t t, Range sentence, uint32_t end) {
    if (words_[t] != ":" || t == sentence.first || t - sentence.first > 8 || end < t + 4) return false;
    Range np = NpBefore(t, sentence.first);
    if (np.first != sentence.first || np.empty()) return false;
    bool named = false;
    for (uint32_t k = np.first; k < np.end; ++k) named = named || entity_[k] >= 0;
    if (!named || InDirect(t + 1) || IsQuoteMark(t + 1)) return false;
    return AddIndirect({t + 1, end}, {t, t + 1}, np, "asserted", tokens_[t].sentence);
  }
  // "In an NBC News poll released Monday, 50 percent chose Clinton": a document or survey as the source.
  bool TrySourceNounCue(uint32_t t, Range sentence, uint32_t end) {
    if (t != sentence.first || !lex_.Match("source-prep", words_, t, t + 1)) return false;
    Range np = NpAfter(t + 1, end);
    if (np.empty()) return false;
    bool source = false;
    for (uint32_t k = np.first; k < np.end; ++k) source = source || lex_.FindLemma("source", lemmas_[k]);
    uint32_t comma = np.end;
    while (comma < end && !IsComma(comma) && comma - np.end <= 4) ++comma;
    if (!source || comma >= end || !IsComma(comma) || !HasVerb({comma + 1, end})) return false;
    // "In a speech in Fort Pierce, Clinton laid out …": the person after the comma speaks, in the document.
    Range person = NpAfter(comma + 1, end);
    bool named = false;
    for (uint32_t k = person.first; k < person.end && !named; ++k) {
      named = (entity_[k] >= 0 && doc_.entities[entity_[k]].type == "PER") || upos(k) == Upos::kPron;
    }
    if (named && person.end < end && IsVerb(person.end)) {
      return AddIndirect({person.end, end}, {t, t + 1}, person, "asserted", tokens_[t].sentence);
    }
    return AddIndirect({comma + 1, end}, {t, t + 1}, np, "asserted", tokens_[t].sentence);
  }
  // The certainty a reporting noun lends ("bewering", "geruchten"), by lemma or by form, or null.
  const std::string* ReportingNoun(uint32_t t) const {
    if (upos(t) == Upos::kNoun) {
      if (const std::string* c = lex_.FindLemma("noun", lemmas_[t])) return c;
    }
    const std::string& w = words_[t];
    if (const std::string* c = lex_.FindLemma("noun", w)) return c;
    for (std::string_view suffix : {"en", "s"}) {
      if (w.size() > suffix.size() + 3 && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0) {
        if (const std::string* c = lex_.FindLemma("noun", w.substr(0, w.size() - suffix.size()))) return c;
      }
    }
    return nullptr;
  }
  // "de bewering dat …": a reporting noun with its clause.
  bool TryNounCue(uint32_t t, Range sentence, uint32_t end) {
    if (t + 2 >= end || IsPunct(t)) return false;
    const std::string* certainty = ReportingNoun(t);
    if (!certainty) return false;
    std::string_view next = words_[t + 1];
    Range source = NounSource(t);
    if ((nl_ ? next == "dat" : next == "that") && upos(t + 1) == Upos::kSconj) {
      return AddIndirect({t + 2, end}, {t, t + 1}, source, *certainty, tokens_[t].sentence);
    }
    // "Trump's criticism of Clinton", "kritiek op het kabinet": a stance noun and what it is about.
    if (lex_.Match("stance-prep", words_, t + 1, t + 2) == 0 || !lex_.FindLemma("stance", lemmas_[t])) return false;
    Range object = NpAfter(t + 2, end);
    if (object.empty()) return false;
    // "a statement to my colleague": "to" a person names whom it was made to, not what it is about.
    if (words_[t + 1] == "to" && (IsPossessive(object.first) || upos(object.first) == Upos::kPron ||
                                  (entity_[object.first] >= 0 && doc_.entities[entity_[object.first]].type == "PER"))) {
      return false;
    }
    return AddIndirect({t + 2, object.end}, {t, t + 1}, source, *certainty, tokens_[t].sentence);
  }
  // Who a reporting noun belongs to: "Trump's criticism", "zijn bewering"; else nobody named.
  Range NounSource(uint32_t t) const {
    uint32_t d = t;
    while (d > 0 && upos(d - 1) == Upos::kAdj) --d;
    if (d > 0 && IsPossessive(d - 1)) return {d - 1, d};
    if (!nl_ && d > 1 && (words_[d - 1] == "'s" || words_[d - 1] == "’s")) {
      Range np = NpBefore(d - 1, tokens_[t].sentence ? doc_.sentences[tokens_[t].sentence].first_token : 0);
      if (!np.empty()) return np;
    }
    return {t, t};
  }

  // A direct quote inside indirect speech ("hij zei dat het “zeer gespannen” was") makes it mixed.
  void MergeMixed() {
    std::vector<bool> drop(quotes_.size(), false);
    for (size_t i = 0; i < quotes_.size(); ++i) {
      Found& outer = quotes_[i];
      if (outer.kind != "indirect") continue;
      for (size_t j = 0; j < quotes_.size(); ++j) {
        const Found& inner = quotes_[j];
        if (inner.kind != "direct" && inner.kind != "fragment") continue;
        if (!inner.cue.empty()) continue;
        if (inner.content.first > outer.content.first && inner.content.end <= outer.content.end + 1) {
          outer.kind = "mixed";
          drop[j] = true;
        }
      }
    }
    std::vector<Found> kept;
    for (size_t i = 0; i < quotes_.size(); ++i) if (!drop[i]) kept.push_back(std::move(quotes_[i]));
    quotes_ = std::move(kept);
    std::sort(quotes_.begin(), quotes_.end(),
              [](const Found& a, const Found& b) { return a.content.first < b.content.first; });
  }

  // "…, aldus een senior assistent. De stafchef Kyrylo Budanov maakte de bewering …": the next sentence
  // names who made the claim.
  void ResolveDescribedSources() {
    for (Found& q : quotes_) {
      if (q.entity >= 0 || q.speaker.empty() || q.kind == "fragment") continue;
      std::string_view det = words_[q.speaker.first];
      if (!(det == "een" || det == "a" || det == "an")) continue;
      uint32_t next = static_cast<uint32_t>(q.sentence) + 1;
      if (next >= doc_.sentences.size()) continue;
      const Sentence& s = doc_.sentences[next];
      for (uint32_t t = s.first_token + 1; t < s.end_token; ++t) {
        if (upos(t) != Upos::kNoun || !lex_.FindLemma("noun", lemmas_[t])) continue;
        uint32_t d = t;
        while (d > s.first_token && (upos(d - 1) == Upos::kAdj || upos(d - 1) == Upos::kVerb)) --d;
        std::string_view article = words_[d - 1];
        if (!(article == "de" || article == "het" || article == "deze" || article == "the" || article == "this")) continue;
        Range subject = Subject(t, {s.first_token, s.end_token});
        int entity = ResolveSpeaker(subject);
        if (entity >= 0 && doc_.entities[entity].type == "PER") q.entity = entity;
        break;
      }
    }
  }

  // ---- certainty ----
  // The certainty of a claim over tokens r: its cues, the strongest reading winning. `voice` is true for
  // the publication's own sentences, where a hearsay modal ("zou") counts.
  Judgement Judge(Range r, std::string_view base, bool voice) const {
    Judgement j;
    j.certainty = std::string(base);
    auto take = [&](std::string_view c, uint32_t first, uint32_t end) {
      j.cues.push_back({tokens_[first].start, tokens_[end - 1].end});
      if (CertaintyRank(c) < CertaintyRank(j.certainty)) j.certainty = std::string(c);
    };
    bool main_clause = true;
    for (uint32_t t = r.first; t < r.end; ++t) {
      if (t > r.first && IsRelativeOrSubordinator(t) && upos(t) != Upos::kSconj) main_clause = false;
      if (t > r.first && upos(t) == Upos::kSconj) main_clause = false;
      std::string value;
      size_t len;
      if ((t == r.first || (t > r.first && IsComma(t - 1))) && upos(t) == Upos::kSconj &&
          (len = lex_.Match("cond", words_, t, r.end)) > 0) {
        take("conditional", t, t + static_cast<uint32_t>(len));
        main_clause = true;  // the main clause follows the condition
        t += static_cast<uint32_t>(len) - 1;
        continue;
      }
      if ((len = lex_.Match("hedge", words_, t, r.end, &value)) > 0) {
        take(value, t, t + static_cast<uint32_t>(len));
        t += static_cast<uint32_t>(len) - 1;
        continue;
      }
      if (voice && main_clause && (len = lex_.Match("aux", words_, t, r.end, &value)) > 0) {
        take(value, t, t + static_cast<uint32_t>(len));
        continue;
      }
      if (main_clause && lex_.Match("neg", words_, t, r.end) > 0) take("negated", t, t + 1);
    }
    return j;
  }

  // ---- responses ----
  struct ResponseFound {
    Response response;
    uint32_t sentence;
    bool anaphoric;  // answers "de opmerkingen", "this", "the report": whatever was claimed just before
    std::vector<std::string> words;  // its content lemmas, to match a claim otherwise
  };
  void FindResponses() {
    for (const Sentence& s : doc_.sentences) {
      Range sentence{s.first_token, s.end_token};
      uint32_t end = ContentEnd(sentence);
      for (uint32_t v = sentence.first; v < end; ++v) {
        if (upos(v) != Upos::kVerb || InDirect(v)) continue;
        const std::string* stance = lex_.FindLemma("response", lemmas_[v]);
        if (!stance) continue;
        uint32_t cs = ClauseStart(v, sentence.first);
        bool negated = false;
        for (uint32_t t = cs; t < end; ++t) {
          if (t != v && (lex_.Match("neg", words_, t, end) > 0 || lex_.FindLemma("refuse", lemmas_[t]))) negated = true;
        }
        std::string value = *stance;
        if (negated) {
          if (value != "confirmed") break;
          value = "not_confirmed";
        }
        ResponseFound r;
        Range subject = Subject(v, sentence);
        r.response.by = ResolveSpeaker(subject);
        r.response.stance = value;
        r.response.start = tokens_[sentence.first].start;
        r.response.end = tokens_[end - 1].end;
        r.sentence = tokens_[v].sentence;
        r.anaphoric = false;
        for (uint32_t t = cs; t < end; ++t) {
          if (t >= subject.first && t < subject.end) continue;
          if ((upos(t) == Upos::kNoun && lex_.FindLemma("noun", lemmas_[t])) || upos(t) == Upos::kPron) r.anaphoric = true;
          if ((upos(t) == Upos::kNoun || upos(t) == Upos::kPropn) && t != v) r.words.push_back(lemmas_[t]);
        }
        responses_.push_back(std::move(r));
        response_sentence_.push_back(s.first_token);
        break;
      }
    }
  }
  bool IsResponseSentence(uint32_t first_token) const {
    return std::find(response_sentence_.begin(), response_sentence_.end(), first_token) != response_sentence_.end();
  }

  // ---- the learned choice of speaker (speaker_ranker.h) ----
  // A quote is the ranker's to decide when the text does not name its speaker in its own clause: a direct
  // quote with no cue (a turn that goes on, a colon), or a pronoun or a description as the speaker. Its kind
  // of mention conjoins every feature.
  std::string MentionKind(const Found& f) const {
    if (f.kind == "direct" && f.cue.empty()) return "cont";
    if (f.speaker.empty()) return "";
    if (f.speaker.size() == 1 && IsPersonalPronoun(f.speaker.first)) return "pron:" + words_[f.speaker.first];
    if (f.entity >= 0 && NamedIn(f.entity, f.speaker)) return "";
    return IsPluralDescription(f.speaker) || HeadIsPlural(f.speaker) ? "desc:plural"
           : words_[f.speaker.first] == "een" || words_[f.speaker.first] == "a" ? "desc:indef"
           : IsPossessive(f.speaker.first) ? "desc:possessive"
           : IsPersonDescription(f.speaker) ? "desc:person" : "desc:other";
  }
  static std::string Bucket(int n, std::initializer_list<int> bounds) {
    std::string b;
    for (int bound : bounds) {
      if (n <= bound) return std::to_string(bound);
      b = ">" + std::to_string(bound);
    }
    return b;
  }
  // Whether the word at `title` names the same role or kind as the noun at `head`: the same word, its
  // feminine form, or a compound that ends in it ("Unicef-directeur" for "de directeur", "gemeente
  // Eindhoven" for "de gemeente").
  bool IsTitleOf(uint32_t title, uint32_t head) const {
    const std::string& t = words_[title];
    const std::string& h = words_[head];
    if (t.empty() || h.size() < 4) return false;
    if (t == h || lemmas_[title] == lemmas_[head] || SameRole(t, h)) return true;
    return t.size() > h.size() && t.compare(t.size() - h.size(), h.size(), h) == 0;
  }
  // The last noun of a phrase before its complement ("de voorzitter van de rechtbank" → voorzitter).
  uint32_t HeadNoun(Range r) const {
    uint32_t head = r.end;
    for (uint32_t t = r.first; t < r.end; ++t) {
      if (t > r.first && IsOfWord(t)) break;
      if (upos(t) == Upos::kNoun) head = t;
    }
    return head;
  }
  void RankSpeakers() {
    const std::vector<Found> rules = quotes_;  // the features read the rules' speakers, not the ranker's
    int first_person = -1;
    for (const MentionRef& m : mentions_) {
      if (doc_.entities[m.entity].type == "PER") {
        first_person = m.entity;
        break;
      }
    }
    for (size_t i = 0; i < rules.size(); ++i) {
      const Found& f = rules[i];
      if (f.kind == "fragment") continue;
      std::string kind = MentionKind(f);
      if (kind.empty()) continue;
      // (Not what the rarer steps resolved, too seldom in the annotation to learn how far to trust them: an
      // interviewee's "u", a source the next sentence names, the lines of a dialogue.)
      std::string_view by = f.resolved_by;
      if (by == "interviewee" || by == "described_source" || by == "dialogue") continue;
      SpeakerChoice choice = CandidatesFor(rules, i, kind, first_person);
      choice.quote = static_cast<int>(i);  // Emit keeps the order
      choice.kind = kind;
      if (ranker_) quotes_[i].entity = choice.candidates[ranker_->Choose(choice)].entity;
      if (trace_) trace_->push_back(std::move(choice));
    }
  }
  SpeakerChoice CandidatesFor(const std::vector<Found>& rules, size_t i, const std::string& kind, int first_person) const {
    const Found& f = rules[i];
    const uint32_t anchor = kind == "cont" ? f.content.first : !f.cue.empty() ? std::min(f.cue.first, f.speaker.first)
                                                                               : f.speaker.first;
    const int at = static_cast<int>(tokens_[anchor].sentence);
    const bool tracing = trace_ != nullptr;
    SpeakerChoice choice;
    // Every feature alone and with the kind of mention. A person or body other than the rules' choice also
    // gets each simple feature (not already a conjunction) joined to the step of the rules that chose someone
    // else: what it takes to overrule a continued turn is not what it takes to overrule a speaker named in
    // the clause.
    const std::string against = std::string("against_") + f.resolved_by + (f.entity < 0 ? "_none" : "");
    const uint64_t against_step = FeatureHash(3, against);
    auto add = [&](SpeakerCandidate& c, const std::string& name) {
      const uint64_t alone = FeatureHash(1, name), with_kind = FeatureHash(2, kind + "&" + name);
      c.features.push_back(alone);
      c.features.push_back(with_kind);
      if (tracing) c.names.push_back(name);
      if (c.entity >= 0 && c.entity != f.entity && name.find('&') == std::string::npos) {
        c.features.push_back(FeatureMix(4, alone ^ against_step));
        c.features.push_back(FeatureMix(5, with_kind ^ against_step));
        if (tracing) c.names.push_back(against + "&" + name);
      }
    };
    // The speakers of the quotes before, nearest first (the rules' reading), and whether the quote just
    // before runs into this one with nothing but punctuation between.
    std::vector<int> before;
    std::vector<int> before_sentence;
    int previous = -1;
    for (size_t j = i; j-- > 0;) {
      if (rules[j].kind == "fragment") continue;
      if (previous < 0) previous = static_cast<int>(j);
      if (rules[j].entity < 0) continue;
      if (std::find(before.begin(), before.end(), rules[j].entity) != before.end()) continue;
      before.push_back(rules[j].entity);
      before_sentence.push_back(rules[j].sentence);
    }
    bool adjacent = previous >= 0;
    if (adjacent) {
      for (uint32_t t = rules[previous].content.end; t < f.content.first && adjacent; ++t) {
        adjacent = IsPunct(t) || IsQuoteMark(t);
      }
    }
    // Candidates: who is named in the fifteen sentences before the quote's and in the one after it, by
    // their last mention before the anchor, the latest first.
    struct Named {
      int entity;
      const MentionRef* last = nullptr;
      const MentionRef* first = nullptr;
      int count = 0;  // mentions in the window before the anchor
      int total = 0;  // mentions from the window's start to the end of the document
      bool titled = false;  // a mention before the anchor comes right after the description's head noun
      int after = -1;  // sentences after the anchor's of its first mention after it, -1 if none
    };
    const uint32_t head = kind.starts_with("desc") ? HeadNoun(f.speaker) : f.speaker.end;
    std::vector<Named> named;
    auto find = [&](int e) -> Named& {
      for (Named& n : named) {
        if (n.entity == e) return n;
      }
      named.push_back({e});
      return named.back();
    };
    for (const MentionRef& m : mentions_) {
      if (m.first >= f.content.first && m.first < f.content.end) continue;
      int s = static_cast<int>(tokens_[m.first].sentence);
      bool near = s >= at - 15 && s <= at + 1;
      if (!near && !(m.entity == f.entity)) {
        for (Named& n : named) n.total += n.entity == m.entity;
        continue;
      }
      Named& n = find(m.entity);
      ++n.total;
      if (m.first < anchor) {
        n.last = &m;
        if (!n.first) n.first = &m;
        ++n.count;
        n.titled |= head < f.speaker.end && m.first > 0 && IsTitleOf(m.first - 1, head);
      } else if (n.after < 0 && s <= at + 1) {
        n.after = s - at;
      }
    }
    if (f.entity >= 0) find(f.entity);
    std::vector<const Named*> by_recency;
    for (const Named& n : named) {
      if (n.last) by_recency.push_back(&n);
    }
    std::stable_sort(by_recency.begin(), by_recency.end(),
                     [](const Named* a, const Named* b) { return a->last->first > b->last->first; });
    auto rank_of = [&](const Named& n, bool persons) {
      int rank = 0;
      for (const Named* other : by_recency) {
        if (other == &n) return rank;
        if (!persons || doc_.entities[other->entity].type == "PER") ++rank;
      }
      return -1;
    };
    int persons = 0;
    for (const Named& n : named) persons += doc_.entities[n.entity].type == "PER";
    std::string pronoun = kind.starts_with("pron:") ? kind.substr(5) : "";
    bool any_fits = false;
    // Who the content speaks as: "ik" is a person, "we" a body or a group.
    std::string voice = "voice=none";
    for (uint32_t t = f.content.first; t < f.content.end; ++t) {
      const std::string& w = words_[t];
      if (w == "ik" || w == "mij" || w == "mijn" || w == "i" || w == "my") voice = "voice=i";
      if (voice == "voice=none" && (w == "we" || w == "wij" || w == "ons" || w == "onze" || w == "our")) voice = "voice=we";
    }
    // The speaker of the next quote with a cue of its own, within two sentences: "“…” “…”, zegt Bos."
    int next_cued = -1;
    for (size_t j = i + 1; j < rules.size(); ++j) {
      if (rules[j].kind == "fragment") continue;
      if (rules[j].sentence > f.sentence + 2) break;
      if (!rules[j].cue.empty()) {
        next_cued = rules[j].entity;
        break;
      }
    }
    for (const Named& n : named) {
      const int e = n.entity;
      SpeakerCandidate c;
      c.entity = e;
      const Entity& entity = doc_.entities[e];
      const std::string type = "&type=" + entity.type;
      add(c, "type=" + entity.type);
      if (e == f.entity) {
        add(c, "rules");
        add(c, "rules" + type);
        add(c, std::string("rules_by=") + f.resolved_by);
      }
      add(c, "total=" + Bucket(n.total, {1, 2, 4, 8}) + type);
      add(c, voice + type);
      if (!entity.roles.empty()) add(c, "has_role" + type);
      if (e == next_cued) add(c, "next_cued");
      // Named inside the speaker phrase: its head ("minister Hoekstra") or its complement ("de advocaat van
      // Van Egten", someone else).
      for (auto it = MentionsFrom(f.speaker.first); it != mentions_.end() && it->first < f.speaker.end; ++it) {
        if (it->entity == e) add(c, IsComplementOfHead(it->first, f.speaker.first) ? "in_complement" : "in_phrase");
      }
      if (n.after >= 0) add(c, "after" + std::to_string(n.after));
      if (n.after >= 0 && !n.last) add(c, "after" + std::to_string(n.after) + type);
      if (entity.type == "PER" && persons == 1) add(c, "only_person");
      if (n.last) {
        int apart = SentencesApart(static_cast<int>(tokens_[n.last->first].sentence), at);
        std::string dist = "dist=" + Bucket(apart, {0, 1, 2, 3, 5, 9});
        add(c, dist);
        add(c, dist + type);
        add(c, "mentions=" + Bucket(n.count, {1, 2, 4}));
        int rank = rank_of(n, false);
        add(c, "rank=" + Bucket(rank, {0, 1, 2}));
        if (entity.type == "PER") add(c, "person_rank=" + Bucket(rank_of(n, true), {0, 1, 2}));
        Range r{n.last->first, n.last->end};
        if (InDirect(n.last->first)) add(c, "last_quoted");
        if (IsSubjectOfSomeVerb(r)) {
          add(c, "last_subject");
          add(c, "last_subject&" + dist + type);
        }
        if (n.last->end < tokens_.size() && words_[n.last->end] == ":") add(c, "last_colon");
        if (n.last->end - n.last->first >= 2) add(c, "last_full");
        // Named for the first time, in full, just before: a newcomer who may take the turn.
        if (n.first == n.last && n.last->end - n.last->first >= 2) add(c, "new_full&" + dist + type);
      } else {
        add(c, "none_before");
      }
      for (size_t k = 0; k < before.size() && k < 3; ++k) {
        if (before[k] != e) continue;
        std::string spoke = "spoke" + std::to_string(k);
        add(c, spoke);
        add(c, spoke + "&apart=" + Bucket(SentencesApart(before_sentence[k], f.sentence), {0, 1, 2, 4}));
        if (k == 0 && adjacent) add(c, "spoke0&adjacent");
      }
      int spoke = 0;
      for (size_t j = 0; j < i; ++j) spoke += rules[j].kind != "fragment" && rules[j].entity == e;
      add(c, "spoke_times=" + Bucket(spoke, {0, 1, 3}));
      if (e == first_person) add(c, "first_person");
      if (!pronoun.empty()) {
        bool fits = EntityFits(e, pronoun);
        any_fits |= fits;
        add(c, fits ? "fits" : "fits_not");
        if (nl_ && !gender_.empty()) add(c, std::string("gender=") + (gender_[e] ? gender_[e] : '0'));
      }
      if (head < f.speaker.end) {
        const std::string& noun = lemmas_[head];
        bool role = false;
        for (const std::string& r : entity.roles) role |= SameRole(r, noun) || SameRole(r, words_[head]);
        if (role) add(c, "role");
        if (n.titled) add(c, "titled" + type);
        if (nl_ && OtherKindOfBody(e, BodyNoun(words_[head]), words_[head])) add(c, "other_body");
        if (lex_.FindLemma("person", noun) || HasLexiconHead("person", noun)) add(c, "person_noun" + type);
        if (lex_.FindLemma("org", noun) || HasLexiconHead("org", noun)) add(c, "org_noun" + type);
      }
      choice.candidates.push_back(std::move(c));
    }
    SpeakerCandidate none;
    add(none, "none");
    add(none, "none&" + voice);
    // The quote before was someone described but not named ("haar woordvoerder", "een medewerker van de
    // winkel"), who may be going on.
    if (previous >= 0 && rules[previous].entity < 0 && !rules[previous].speaker.empty()) {
      add(none, "previous_unnamed");
      if (adjacent) add(none, "previous_unnamed&adjacent");
    }
    if (f.entity < 0) add(none, "rules");
    if (f.entity < 0) add(none, std::string("rules_by=") + f.resolved_by);
    if (!pronoun.empty() && !any_fits) add(none, "none_fits");
    if (named.empty()) add(none, "no_candidates");
    if (persons == 0) add(none, "no_persons");
    choice.candidates.push_back(std::move(none));
    choice.rules = 0;
    for (size_t c = 0; c < choice.candidates.size(); ++c) {
      if (choice.candidates[c].entity == f.entity) choice.rules = static_cast<int>(c);
    }
    return choice;
  }

  // ---- output ----
  void Emit() {
    doc_.quotes.clear();
    doc_.claims.clear();
    std::vector<uint32_t> claim_sentence;
    std::vector<bool> sentence_has_quote(doc_.sentences.size(), false);
    for (const Found& f : quotes_) {
      Quote q;
      q.kind = f.kind;
      q.start = tokens_[f.content.first].start;
      q.end = tokens_[f.content.end - 1].end;
      if (!f.cue.empty()) q.cue = TextSpan{tokens_[f.cue.first].start, tokens_[f.cue.end - 1].end};
      if (!f.speaker.empty()) {
        q.speaker = TextSpan{tokens_[f.speaker.first].start, tokens_[f.speaker.end - 1].end};
      }
      q.speaker_entity = f.entity;
      doc_.quotes.push_back(q);
      if (f.kind == "fragment") continue;
      for (uint32_t t = f.content.first; t < f.content.end; ++t) sentence_has_quote[tokens_[t].sentence] = true;
      if (!f.cue.empty()) sentence_has_quote[tokens_[f.cue.first].sentence] = true;
      Judgement j = Judge(f.content, f.certainty, false);
      Claim c;
      c.start = q.start;
      c.end = q.end;
      c.source = f.entity;
      c.source_text = q.speaker;
      c.certainty = j.certainty;
      c.cues = std::move(j.cues);
      c.quote = static_cast<int>(doc_.quotes.size() - 1);
      doc_.claims.push_back(std::move(c));
      claim_sentence.push_back(static_cast<uint32_t>(f.sentence));
    }
    FindResponses();
    // The publication's own claims: sentences outside quotes that name something checkable.
    for (size_t si = 0; si < doc_.sentences.size(); ++si) {
      const Sentence& s = doc_.sentences[si];
      if (sentence_has_quote[si] || IsResponseSentence(s.first_token)) continue;
      Range sentence{s.first_token, s.end_token};
      uint32_t end = ContentEnd(sentence);
      Range r{sentence.first, end};
      if (r.size() < 3 || !HasVerb(r)) continue;
      bool checkable = false;
      for (uint32_t t = r.first; t < r.end && !checkable; ++t) {
        checkable = entity_[t] >= 0 || in_number_[t] || in_time_[t];
      }
      Judgement j = Judge(r, "asserted", true);
      if (!checkable && j.certainty == "asserted") continue;
      Claim c;
      c.start = tokens_[r.first].start;
      c.end = tokens_[r.end - 1].end;
      c.certainty = j.certainty;
      c.cues = std::move(j.cues);
      doc_.claims.push_back(std::move(c));
      claim_sentence.push_back(static_cast<uint32_t>(si));
    }
    // Responses answer the attributed or hedged claims of the four sentences before, by someone else.
    for (const ResponseFound& r : responses_) {
      for (size_t i = 0; i < doc_.claims.size(); ++i) {
        Claim& c = doc_.claims[i];
        if (claim_sentence[i] >= r.sentence || claim_sentence[i] + 4 < r.sentence) continue;
        if (c.quote < 0 && c.certainty == "asserted") continue;
        if (r.response.by >= 0 && c.source == r.response.by) continue;
        if (!r.anaphoric && !SharesWord(c, r.words)) continue;
        c.responses.push_back(r.response);
      }
    }
    std::vector<size_t> order(doc_.claims.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return doc_.claims[a].start < doc_.claims[b].start; });
    std::vector<Claim> sorted;
    for (size_t i : order) sorted.push_back(std::move(doc_.claims[i]));
    doc_.claims = std::move(sorted);
  }
  bool SharesWord(const Claim& c, const std::vector<std::string>& words) const {
    auto first = std::lower_bound(tokens_.begin(), tokens_.end(), c.start,
                                  [](const Token& token, uint32_t start) { return token.start < start; });
    for (size_t t = first - tokens_.begin(); t < tokens_.size(); ++t) {
      if (tokens_[t].start >= c.end) break;
      if (upos(t) != Upos::kNoun && upos(t) != Upos::kPropn) continue;
      if (std::find(words.begin(), words.end(), lemmas_[t]) != words.end()) return true;
    }
    return false;
  }

  const AttributionLexicon& lex_;
  const bool nl_;
  Document& doc_;
  const std::vector<Token>& tokens_;
  std::vector<std::string> words_;   // lower-cased forms
  std::vector<std::string> lemmas_;  // lexicon keys of the lemmas (forms where untagged)
  std::vector<int> entity_;          // entity of each token, -1 if none
  std::vector<char> gender_;         // of each entity (Dutch): 'm', 'f' or 0 when unknown
  std::vector<MentionRef> mentions_;
  std::vector<bool> in_time_, in_number_;
  std::vector<int> direct_of_;  // the direct quote whose content holds each token, -1 if none
  std::vector<bool> used_;      // cue and speaker tokens already taken
  std::vector<Found> quotes_;
  std::vector<ResponseFound> responses_;
  std::vector<uint32_t> response_sentence_;
  const SpeakerRanker* ranker_;
  std::vector<SpeakerChoice>* trace_;
};

}  // namespace

void AttributionFinder::Find(Document* doc) const { Find(doc, nullptr); }

void AttributionFinder::Find(Document* doc, std::vector<SpeakerChoice>* trace) const {
  doc->quotes.clear();
  doc->claims.clear();
  if (doc->tokens.empty() || doc->sentences.empty()) return;
  Analysis(lexicon_, lang_ == "nl", doc, ranker_.get(), trace).Run();
}

}  // namespace bron
