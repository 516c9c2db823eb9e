#include "ner/entity_linker.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "base/resources.h"
#include "base/utf8.h"
#include "ner/recognizer.h"
#include "text/chars.h"

namespace bron {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsUpperStart(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }
char LowerInitial(std::string_view w) { return w.empty() ? '\0' : static_cast<char>(std::tolower(static_cast<unsigned char>(w[0]))); }

// Whether an acronym abbreviates the words [first, end): its letters found in order in them (case aside),
// the first opening the first word, every capitalised word giving one, at least half of them opening a word
// ("Algemene Inlichtingen- en Veiligheidsdienst" for AIVD: the D inside the last word; after Schwartz and
// Hearst 2003, who take any letters). Letters opening words are tried first.
bool Abbreviates(const Document& doc, std::string_view acronym, uint32_t first, uint32_t end) {
  if (first >= end || LowerInitial(doc.Form(first)) != LowerInitial(acronym)) return false;
  struct Letter {
    char c;
    uint32_t word;
    bool opens;
  };
  std::vector<Letter> letters;
  std::vector<bool> capitalised;
  for (uint32_t t = first; t < end; ++t) {
    std::string_view w = doc.Form(t);
    uint32_t word = t - first;
    capitalised.push_back(IsUpperStart(w));
    for (size_t i = 0; i < w.size(); ++i) {
      letters.push_back({static_cast<char>(std::tolower(static_cast<unsigned char>(w[i]))), word, i == 0});
    }
  }
  std::vector<int> gave(capitalised.size(), 0);
  int budget = 2000;  // steps of the search: names are short, but bound it all the same
  // Places letter k at a position after `from`; `starts`: letters so far that open a word.
  std::function<bool(size_t, size_t, size_t)> place = [&](size_t k, size_t from, size_t starts) {
    if (--budget < 0) return false;
    if (k == acronym.size()) {
      for (size_t w = 0; w < capitalised.size(); ++w) {
        if (capitalised[w] && !gave[w]) return false;
      }
      return 2 * starts >= acronym.size();
    }
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(acronym[k])));
    for (int pass = 0; pass < 2; ++pass) {  // word openings first, then letters inside words
      for (size_t p = from; p < letters.size(); ++p) {
        if (letters[p].c != c || letters[p].opens != (pass == 0)) continue;
        ++gave[letters[p].word];
        bool ok = place(k + 1, p + 1, starts + letters[p].opens);
        --gave[letters[p].word];
        if (ok) return true;
      }
    }
    return false;
  };
  ++gave[0];
  bool ok = place(1, 1, 1);
  return ok;
}

// Where the words an acronym abbreviates start, ending before token `end` (and not before `floor`, nor
// before the sentence, nor over punctuation but hyphens): the nearest start of at most three words more than
// letters, capitalised, and not a given name and a surname ("Chris van Dam" is not the CDA). `end` when none.
uint32_t LongFormStart(const Document& doc, std::string_view acronym, uint32_t end, uint32_t floor = 0) {
  const std::vector<Token>& tokens = doc.tokens;
  if (end == 0 || end > tokens.size()) return end;
  uint32_t sentence = tokens[end - 1].sentence, words = 0;
  for (uint32_t t = end; t-- > floor && tokens[t].sentence == sentence;) {
    std::string_view w = doc.Form(t);
    if (w.empty() || w == acronym) return end;
    bool word = IsAsciiLetter(w[0]) || static_cast<unsigned char>(w[0]) >= 0x80;
    if (!word && w != "-" && w != "&") return end;
    if (word && ++words > acronym.size() + 3) return end;
    if (!IsUpperStart(w) || !Abbreviates(doc, acronym, t, end)) continue;
    // (A given name and a surname are a person: "Chris van Dam (CDA)"; "Christian Solidarity Worldwide" is not.)
    uint32_t capitals = 0;
    for (uint32_t k = t; k < end; ++k) capitals += IsUpperStart(doc.Form(k));
    return capitals <= 2 && IsGivenName(Lowercase(w)) ? end : t;
  }
  return end;
}

// "VLADIMIR Poetin" => "Vladimir Poetin": all-caps words of a mixed mention are tabloid style.
std::string NormalizeCase(std::string_view text) {
  bool any_lower = false;
  const char* p = text.data();
  while (p < text.data() + text.size()) any_lower |= Is(DecodeUtf8(p), kLower);
  if (!any_lower) return std::string(text);  // an acronym or an all-caps name: leave it
  std::string out;
  p = text.data();
  std::string word;
  auto flush = [&] {
    bool caps = true;
    size_t letters = 0;
    const char* q = word.data();
    while (q < word.data() + word.size()) {
      char32_t c = DecodeUtf8(q);
      if (Is(c, kLetter)) ++letters;
      if (Is(c, kLower)) caps = false;
    }
    if (caps && letters > 3) {  // VLADIMIR => Vladimir, but EU and NAVO stay
      q = word.data();
      bool first = true;
      while (q < word.data() + word.size()) {
        char32_t c = DecodeUtf8(q);
        AppendUtf8(first ? c : ToLower(c), &out);
        first = false;
      }
    } else {
      out += word;
    }
    word.clear();
  };
  while (p < text.data() + text.size()) {
    const char* start = p;
    char32_t c = DecodeUtf8(p);
    if (c == ' ') {
      flush();
      out.push_back(' ');
    } else {
      word.append(start, p);
    }
  }
  flush();
  return out;
}

std::string LastWord(const std::string& name) {
  size_t space = name.find_last_of(' ');
  return space == std::string::npos ? name : name.substr(space + 1);
}

}  // namespace

void EntityLinker::LoadRoles() {
  for (std::string_view w : ResourceLines("nl/roles.txt")) roles_nl_.emplace(w);
  for (std::string_view w : ResourceLines("en/roles.txt")) roles_en_.emplace(w);
}

// A title, singular or plural: "advocaat", "advocaten" (the long vowel written double again), "lawyers".
bool EntityLinker::IsRole(std::string_view lang, std::string_view word) const {
  const auto& roles = lang == "nl" ? roles_nl_ : roles_en_;
  std::string w = LowerForGazetteer(word);
  if (roles.count(w)) return true;
  // A compound whose last part is a title: "bestuurssecretaris", "vismijndirecteur", "jeugdarts".
  if (lang == "nl") {
    for (size_t k = 3; k + 4 <= w.size(); ++k) {
      if (roles.count(w.substr(k)) && w[k - 1] != '-') return true;
    }
  }
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  for (std::string_view plural : {"en", "s"}) {
    if (w.size() <= plural.size() + 3 || !w.ends_with(plural)) continue;
    std::string stem = w.substr(0, w.size() - plural.size());
    if (roles.count(stem)) return true;
    size_t k = stem.size();
    if (k >= 3 && !vowel(stem[k - 1]) && vowel(stem[k - 2]) && !vowel(stem[k - 3]) &&
        roles.count(stem.substr(0, k - 1) + stem[k - 2] + stem[k - 1])) {
      return true;
    }
  }
  return false;
}

std::string EntityLinker::SpellingKey(std::string_view name) {
  std::string s = LowerForGazetteer(name);
  auto replace = [&](std::string_view from, std::string_view to) {
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
      s.replace(pos, from.size(), to);
    }
  };
  replace("tsj", "ch");
  replace("sj", "sh");
  replace("zj", "zh");
  replace("oe", "u");
  replace("kh", "h");
  replace("w", "v");
  replace("j", "y");
  replace("y", "i");
  std::string out;
  for (char c : s) {
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

// Names the recogniser missed where the text itself says what they are: a capitalised word for a body and
// its name ("Voetbalvereniging UNO"); a name said to be based somewhere ("Re-Match, gevestigd in …"); two or more capitalised proper nouns (with "van", "de", "der" …
// between) right after a lower-case title ("advocaat Anis Boumanjal") or before a comma and one ("Anis
// Boumanjal, advocaat van de club").
void EntityLinker::RescueTitledNames(Document* doc) const {
  auto& tokens = doc->tokens;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  auto capitalised_name = [&](uint32_t t) {
    std::string_view f = doc->Form(t);
    return tokens[t].upos == Upos::kPropn && !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
  };
  auto particle = [&](uint32_t t) {
    std::string_view f = doc->Form(t);
    return f == "van" || f == "de" || f == "der" || f == "den" || f == "ter" || f == "ten" || f == "het" || f == "'t";
  };
  auto lower_role = [&](uint32_t t) {
    std::string_view f = doc->Form(t);
    return !f.empty() && f[0] >= 'a' && f[0] <= 'z' && IsRole(doc->lang, f);
  };
  // "Voetbalvereniging UNO", "Stichting Vluchteling": a word for a body, capitalised, and its name.
  static const char* kBodies[] = {"vereniging", "stichting", "club", "bond", "partij", "federatie", "omroep",
                                  "association", "foundation"};
  for (uint32_t i = 0; i + 1 < n; ++i) {
    std::string_view form = doc->Form(i);
    if (tokens[i].ner != NerTag::kO || form.empty() || form[0] < 'A' || form[0] > 'Z') continue;
    // The name may be untagged or read as another kind ("UNO" as MISC), never as a person.
    bool name_next = tokens[i + 1].sentence == tokens[i].sentence && capitalised_name(i + 1) &&
                     (tokens[i + 1].ner == NerTag::kO ||
                      (NerIsBegin(tokens[i + 1].ner) && NerType(tokens[i + 1].ner) != "PER"));
    if (!name_next) continue;
    std::string lower = LowerForGazetteer(form);
    bool body = false;
    for (const char* b : kBodies) body = body || lower.ends_with(b);
    if (!body) continue;
    uint32_t end = i + 2;
    while (end < n && tokens[end].sentence == tokens[i].sentence && capitalised_name(end) &&
           (tokens[end].ner == NerTag::kO || !NerIsBegin(tokens[end].ner))) {
      ++end;
    }
    tokens[i].ner = NerTag::kBOrg;
    for (uint32_t t = i + 1; t < end; ++t) tokens[t].ner = NerTag::kIOrg;
    i = end - 1;
  }
  // "Re-Match, gevestigd in het Deense Herning,", "Acme, based in Ohio,": where a company is based.
  std::set<std::string> companies;
  // The tagger may not call such a name a proper noun ("Re-Match" as ADJ): any capitalised content word.
  auto capitalised_word = [&](uint32_t t) {
    std::string_view f = doc->Form(t);
    Upos u = tokens[t].upos;
    return !f.empty() && f[0] >= 'A' && f[0] <= 'Z' &&
           (u == Upos::kPropn || u == Upos::kNoun || u == Upos::kAdj || u == Upos::kX);
  };
  for (uint32_t i = 0; i + 3 < n; ++i) {
    // Untagged, or read as a place or a thing ("Re-Match" as LOC): never a person.
    bool other = NerIsBegin(tokens[i].ner) && NerType(tokens[i].ner) != "PER" && NerType(tokens[i].ner) != "ORG";
    if ((tokens[i].ner != NerTag::kO && !other) || !capitalised_word(i)) continue;
    uint32_t end = i + 1;
    while (end < n && capitalised_word(end) &&
           (other ? tokens[end].ner != NerTag::kO && !NerIsBegin(tokens[end].ner) : tokens[end].ner == NerTag::kO)) {
      ++end;
    }
    if (end + 2 < n && doc->Form(end) == "," && tokens[end + 1].sentence == tokens[i].sentence &&
        (doc->Form(end + 1) == "gevestigd" || doc->Form(end + 1) == "based") &&
        (doc->Form(end + 2) == "in" || doc->Form(end + 2) == "te")) {
      tokens[i].ner = NerTag::kBOrg;
      for (uint32_t t = i + 1; t < end; ++t) tokens[t].ner = NerTag::kIOrg;
      companies.insert(std::string(doc->Span(tokens[i].start, tokens[end - 1].end)));
    }
    i = end - 1;
  }
  // … and so are its other mentions read as places or things.
  for (uint32_t i = 0; i < n && !companies.empty(); ++i) {
    if (!NerIsBegin(tokens[i].ner) || NerType(tokens[i].ner) == "PER" || NerType(tokens[i].ner) == "ORG") continue;
    uint32_t end = i + 1;
    while (end < n && tokens[end].ner != NerTag::kO && !NerIsBegin(tokens[end].ner)) ++end;
    if (companies.count(std::string(doc->Span(tokens[i].start, tokens[end - 1].end)))) {
      tokens[i].ner = NerTag::kBOrg;
      for (uint32_t t = i + 1; t < end; ++t) tokens[t].ner = NerTag::kIOrg;
    }
    i = end - 1;
  }
  // Untagged, or read as things or places ("jurist Ferre van de Nadort": Ferre and Nadort as MISC; "Gerald
  // Roethof, advocaat van …" as LOC): a title beside them says they are a person.
  auto unnamed = [&](uint32_t t) {
    return tokens[t].ner == NerTag::kO || NerType(tokens[t].ner) == "MISC" || NerType(tokens[t].ner) == "LOC";
  };
  for (uint32_t i = 0; i < n; ++i) {
    if (!unnamed(i) || !capitalised_name(i)) continue;
    uint32_t end = i + 1, last = i;
    // … the surname may be read as a person of its own ("Maickel" untagged, "Prasing" PER).
    while (end < n && tokens[end].sentence == tokens[i].sentence && (unnamed(end) || NerType(tokens[end].ner) == "PER") &&
           (capitalised_name(end) || (particle(end) && end + 1 < n && capitalised_name(end + 1)) ||
            (particle(end) && end + 2 < n && particle(end + 1) && capitalised_name(end + 2)))) {  // "van de"
      if (capitalised_name(end)) last = end;
      ++end;
    }
    end = last + 1;
    if (end - i < 2) continue;
    // "Pastoor Maickel Prasing kreeg …": a capitalised title opening the sentence, read as a name of its own.
    bool sentence_title = i > 0 && tokens[i - 1].sentence == tokens[i].sentence &&
                          (i - 1 == 0 || tokens[i - 2].sentence != tokens[i].sentence) &&
                          IsRole(doc->lang, doc->Form(i - 1)) &&
                          (tokens[i - 1].ner == NerTag::kO || tokens[i - 1].ner == NerTag::kBPer);
    if (sentence_title) tokens[i - 1].ner = NerTag::kO;
    bool titled_before = sentence_title || (i > 0 && tokens[i - 1].sentence == tokens[i].sentence && lower_role(i - 1));
    bool titled_after = end + 1 < n && doc->Form(end) == "," && tokens[end + 1].sentence == tokens[i].sentence &&
                        lower_role(end + 1);
    if (!titled_before && !titled_after) {
      i = end - 1;
      continue;
    }
    tokens[i].ner = NerTag::kBPer;
    for (uint32_t t = i + 1; t < end; ++t) tokens[t].ner = NerTag::kIPer;
    i = end - 1;
  }
}

// "minister van Buitenlandse Zaken Heiko Maas" read as one organisation: after "<title> van", capitalised
// proper nouns closing the span, behind a common noun, are the person who holds the title.
void EntityLinker::SplitTitleHolders(Document* doc) const {
  auto& tokens = doc->tokens;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  for (uint32_t i = 2; i < n; ++i) {
    if (!NerIsBegin(tokens[i].ner) || NerType(tokens[i].ner) == "PER") continue;
    uint32_t end = i + 1;
    while (end < n && tokens[end].ner != NerTag::kO && !NerIsBegin(tokens[end].ner)) ++end;
    bool after_title = tokens[i - 2].sentence == tokens[i].sentence &&
                       (doc->Form(i - 1) == "van" || doc->Form(i - 1) == "of") && IsRole(doc->lang, doc->Form(i - 2));
    if (!after_title || end - i < 3) continue;
    uint32_t name = end;
    while (name > i + 1 && tokens[name - 1].upos == Upos::kPropn) --name;
    if (end - name < 2 || (tokens[name - 1].upos != Upos::kNoun && tokens[name - 1].upos != Upos::kAdj)) continue;
    tokens[name].ner = NerTag::kBPer;
    for (uint32_t t = name + 1; t < end; ++t) tokens[t].ner = NerTag::kIPer;
    i = end - 1;
  }
}

void EntityLinker::Link(Document* doc) const {
  doc->entities.clear();
  RescueTitledNames(doc);
  SplitTitleHolders(doc);
  const NameTable* places = doc->lang == "nl" ? places_nl_ : doc->lang == "en" ? places_en_ : nullptr;
  struct Found {
    Mention mention;
    std::string text, type;
    std::optional<CanonicalName> canonical;
  };
  std::vector<Found> found;
  const auto& tokens = doc->tokens;
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].ner == NerTag::kO) continue;
    uint32_t end = i + 1;
    while (end < tokens.size() && tokens[end].sentence == tokens[i].sentence && !NerIsBegin(tokens[end].ner) &&
           tokens[end].ner != NerTag::kO && NerType(tokens[end].ner) == NerType(tokens[i].ner)) {
      ++end;
    }
    // "Kamerlid Sjoerd Sjoerdsma" read as two people: the capitalised title alone is no name.
    if (end == i + 1 && end < tokens.size() && tokens[end].sentence == tokens[i].sentence &&
        NerType(tokens[i].ner) == "PER" && tokens[end].ner == NerTag::kBPer && IsRole(doc->lang, doc->Form(i))) {
      i = end - 1;
      continue;
    }
    Found f;
    uint32_t begin = i;
    // "ministerie van Financiën": the institution word belongs to the name the recogniser found.
    static const std::unordered_set<std::string> kInstitutions = {
        "ministerie", "departement", "universiteit", "gemeente", "provincie", "ministry", "department",
        "university", "bank", "hogeschool", "rechtbank"};
    if (begin >= 2 && tokens[begin - 1].sentence == tokens[begin].sentence &&
        (doc->Form(begin - 1) == "van" || doc->Form(begin - 1) == "of") &&
        kInstitutions.count(std::string(doc->Form(begin - 2)))) {
      begin -= 2;
    }
    // "Advocaat Ural", "Minister Koolmees" opening a sentence: the capitalised title is no part of the name.
    if (begin == i && end - begin >= 2 && NerType(tokens[i].ner) == "PER" && IsRole(doc->lang, doc->Form(begin))) {
      begin = i + 1;
    }
    f.mention = {tokens[begin].start, tokens[end - 1].end, begin, end};
    f.text = std::string(doc->Span(f.mention.start, f.mention.end));
    f.type = std::string(NerType(tokens[i].ner));
    if (begin < i) f.type = "ORG";
    // "FoodFirst Network", "UP! Network", "Ahold Groep": a name that ends in a word for a company is none.
    static const std::unordered_set<std::string> kCompanyWords = {
        "network", "group", "groep", "holding", "holdings", "bank", "fonds", "fund", "partners", "media",
        "company", "corporation", "inc", "inc.", "ltd", "bv", "b.v.", "nv", "n.v.", "instituut", "institute"};
    if (f.type == "PER" && end - begin >= 2 && kCompanyWords.count(LowerForGazetteer(doc->Form(end - 1)))) {
      f.type = "ORG";
    }
    // "stafchef Kyrylo Budanov": a name after a title is a person; not a group ("de pastoor LHBT'ers").
    bool group = f.type == "MISC" && (f.text.ends_with("ers") || f.text.ends_with("'s"));
    if (!group && begin > 0 && tokens[begin - 1].sentence == tokens[begin].sentence &&
        IsRole(doc->lang, doc->Form(begin - 1))) {
      f.type = "PER";
    }
    // Dutch: one word read as a person that is a place by the text around it: after "uit", "te" or a noun for
    // a place ("Hans Smolders uit Tilburg", "de burgemeester van de plaats Cairo"), or a street by its ending
    // ("Erasmuslaan", "Spuistraat").
    if (doc->lang == "nl" && f.type == "PER" && end == begin + 1) {
      static const std::unordered_set<std::string> kPlaceWords = {
          "uit", "te", "plaats", "stad", "dorp", "gemeente", "provincie", "wijk", "regio", "hoofdstad"};
      static const char* kStreets[] = {"laan", "weg", "straat", "plein", "kade", "gracht", "singel", "dijk", "steeg"};
      std::string lower = LowerForGazetteer(f.text);
      bool street = false;
      for (const char* suffix : kStreets) {
        street = street || (lower.size() >= std::string_view(suffix).size() + 3 && lower.ends_with(suffix));
      }
      bool placed = begin > 0 && tokens[begin - 1].sentence == tokens[begin].sentence &&
                    kPlaceWords.count(std::string(doc->Form(begin - 1)));
      if (street || placed) f.type = "LOC";
    }
    // "EU-brandstofimportbeperkingen": an organisation glued to a compound is a mention of it.
    size_t dash = f.text.find('-');
    if (end == i + 1 && dash != std::string::npos && dash > 0) {
      auto prefix = aliases_.Find(f.text.substr(0, dash));
      if (prefix && prefix->type == "ORG") {
        f.mention.end = f.mention.start + static_cast<uint32_t>(dash);
        f.text = f.text.substr(0, dash);
      }
    }
    f.canonical = aliases_.Find(f.text);
    if (!f.canonical) f.canonical = aliases_.Find(NormalizeCase(f.text));
    if (!f.canonical && places && (f.type == "LOC" || f.type == "MISC")) f.canonical = places->Find(f.text);
    found.push_back(std::move(f));
    i = end - 1;
  }

  // … but a street's ending in a person's surname ("Kathalijne Buitenweg", "Wim Groeneweg") is no street.
  if (doc->lang == "nl") {
    std::set<std::string> surnames;
    for (const auto& f : found) {
      size_t space = f.text.rfind(' ');
      if (f.type == "PER" && space != std::string::npos) surnames.insert(f.text.substr(space + 1));
    }
    for (auto& f : found) {
      if (f.type == "LOC" && f.mention.end_token == f.mention.first_token + 1 && surnames.count(f.text)) f.type = "PER";
    }
  }
  // "De Samenwerkende Actiegroepen tegen Laagvliegen (SATL)", "de Algemene Inlichtingen- en Veiligheidsdienst
  // (AIVD)", "de IND (Immigratie- en Naturalisatiedienst)": an acronym and, in brackets after or before it,
  // the words it abbreviates are an organisation's name, whatever the recogniser made of them, and the
  // acronym names it wherever it stands.
  std::map<std::string, std::string> acronyms;  // acronym => the name it stands for
  auto is_acronym = [](std::string_view w) {
    if (w.size() < 2 || w.size() > 8) return false;
    for (char c : w) {
      if (c < 'A' || c > 'Z') return false;
    }
    return true;
  };
  auto define = [&](std::string_view acronym, uint32_t first, uint32_t end) {
    Found f;
    f.mention = {tokens[first].start, tokens[end - 1].end, first, end};
    f.text = std::string(doc->Span(f.mention.start, f.mention.end));
    f.type = "ORG";
    f.canonical = aliases_.Find(f.text);  // "Europese Unie (EU)" is still the European Union
    if (!f.canonical) f.canonical = aliases_.Find(NormalizeCase(f.text));
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&](const Found& g) { return g.mention.first_token >= first && g.mention.end_token <= end; }),
                found.end());
    acronyms[std::string(acronym)] = f.text;
    found.push_back(std::move(f));
  };
  for (uint32_t t = 1; t + 1 < tokens.size(); ++t) {
    std::string_view acronym = doc->Form(t);
    if (!is_acronym(acronym)) continue;
    if (t >= 2 && doc->Form(t - 1) == "(" && doc->Form(t + 1) == ")") {
      uint32_t first = LongFormStart(*doc, acronym, t - 1);
      if (first < t - 1) define(acronym, first, t - 1);
    } else if (doc->Form(t + 1) == "(") {
      uint32_t close = t + 2;
      while (close < tokens.size() && close < t + 12 && doc->Form(close) != ")") ++close;
      if (close >= tokens.size() || doc->Form(close) != ")" || close == t + 2) continue;
      if (LongFormStart(*doc, acronym, close, t + 2) == t + 2) define(acronym, t + 2, close);
    }
  }
  // An acronym the document uses and, elsewhere, an organisation's name of several words it abbreviates,
  // perhaps with the capitalised word before it ("de Nederlandse Voedsel- en Warenautoriteit" … "de NVWA").
  std::set<std::string> tried;  // each acronym once, however often it stands
  int pairs = 20000;             // acronyms times names tried, at most: a document of thousands of each is no news
  for (const Found& a : std::vector<Found>(found)) {
    if (!is_acronym(a.text) || acronyms.count(a.text) || !tried.insert(a.text).second) continue;
    for (const Found& l : std::vector<Found>(found)) {
      uint32_t first = l.mention.first_token, end = l.mention.end_token;
      if (end - first < 2 || (l.type != "ORG" && l.type != "MISC")) continue;
      uint32_t floor = first > 0 && IsUpperStart(doc->Form(first - 1)) ? first - 1 : first;
      char initial = LowerInitial(a.text);
      if (LowerInitial(doc->Form(first)) != initial && LowerInitial(doc->Form(floor)) != initial) continue;
      if (--pairs < 0) break;
      uint32_t start = LongFormStart(*doc, a.text, end, floor);
      if (start == first || start == floor) {
        define(a.text, start, end);
        break;
      }
    }
  }
  if (!acronyms.empty()) {
    for (Found& f : found) {
      if (acronyms.count(f.text)) f.type = "ORG";
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.mention.start < b.mention.start; });
  }
  // Group: the same canonical name, or the same spelling key of the whole name, or — for people — a
  // surname that ends an earlier full name; an acronym goes with the name it was defined for.
  std::vector<int> group(found.size(), -1);
  int groups = 0;
  for (size_t a = 0; a < found.size(); ++a) {
    std::string key_a = found[a].canonical ? "=" + found[a].canonical->name : SpellingKey(NormalizeCase(found[a].text));
    for (size_t b = 0; b < a && group[a] < 0; ++b) {
      std::string key_b = found[b].canonical ? "=" + found[b].canonical->name : SpellingKey(NormalizeCase(found[b].text));
      bool same = key_a == key_b;
      if (auto it = acronyms.find(found[a].text); it != acronyms.end() && it->second == found[b].text) same = true;
      if (auto it = acronyms.find(found[b].text); it != acronyms.end() && it->second == found[a].text) same = true;
      if (!same && !found[a].canonical && found[b].mention.end_token - found[b].mention.first_token > 1 &&
          found[a].mention.end_token - found[a].mention.first_token == 1 && found[a].type != "LOC") {
        same = SpellingKey(found[a].text) == SpellingKey(LastWord(NormalizeCase(found[b].text)));
      }
      // "Van der Knaap", "Groot Wassink": the surname of several words that ends a person's full name.
      if (!same && !found[a].canonical && found[b].type == "PER" && found[a].type != "LOC" &&
          found[a].mention.end_token - found[a].mention.first_token > 1 &&
          found[b].mention.end_token - found[b].mention.first_token > found[a].mention.end_token - found[a].mention.first_token) {
        std::string whole = LowerForGazetteer(found[b].text), part = LowerForGazetteer(found[a].text);
        same = whole.size() > part.size() + 1 && whole.ends_with(part) && whole[whole.size() - part.size() - 1] == ' ';
      }
      if (same) group[a] = group[b];
    }
    // A lone first name of exactly one person named in full earlier ("John Bronk" … "John"): the same.
    if (group[a] < 0 && found[a].type == "PER" && found[a].mention.end_token - found[a].mention.first_token == 1) {
      int match = -1, matches = 0;
      for (size_t b = 0; b < a; ++b) {
        if (found[b].type != "PER" || found[b].mention.end_token - found[b].mention.first_token < 2) continue;
        std::string full = NormalizeCase(found[b].text);
        if (SpellingKey(found[a].text) != SpellingKey(full.substr(0, full.find(' ')))) continue;
        if (match != group[b]) ++matches;
        match = group[b];
      }
      if (matches == 1) group[a] = match;
    }
    if (group[a] < 0) group[a] = groups++;
  }

  // One name, one referent: an untagged word that spells a person's surname or a one-word name found
  // elsewhere in the document is a mention too ("Budanov voegde daaraan toe").
  {
    std::vector<bool> covered(tokens.size(), false);
    for (const Found& f : found) {
      for (uint32_t t = f.mention.first_token; t < f.mention.end_token; ++t) covered[t] = true;
    }
    std::map<std::string, int> by_word;
    for (size_t m = 0; m < found.size(); ++m) {
      const Found& f = found[m];
      if (f.mention.end_token - f.mention.first_token == 1) by_word.emplace(f.text, group[m]);
      if (f.type == "PER" && f.mention.end_token - f.mention.first_token > 1) {
        by_word.emplace(std::string(doc->Form(f.mention.end_token - 1)), group[m]);
      }
    }
    for (uint32_t t = 0; t < tokens.size(); ++t) {
      if (covered[t]) continue;
      std::string_view w = doc->Form(t);
      if (w.size() < 3 || !(static_cast<unsigned char>(w[0]) >= 'A' && static_cast<unsigned char>(w[0]) <= 'Z')) continue;
      auto it = by_word.find(std::string(w));
      if (it == by_word.end()) continue;
      Found f;
      f.mention = {tokens[t].start, tokens[t].end, t, t + 1};
      f.text = std::string(w);
      for (size_t m = 0; m < found.size(); ++m) {
        if (group[m] == it->second) f.type = found[m].type;
      }
      found.push_back(std::move(f));
      group.push_back(it->second);
    }
    // Mentions in text order within each entity.
    std::vector<size_t> order(found.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return found[a].mention.start < found[b].mention.start; });
    std::vector<Found> sorted_found;
    std::vector<int> sorted_group;
    for (size_t k : order) {
      sorted_found.push_back(std::move(found[k]));
      sorted_group.push_back(group[k]);
    }
    found = std::move(sorted_found);
    group = std::move(sorted_group);
  }

  std::vector<bool> has_full(groups, false);
  for (size_t m = 0; m < found.size(); ++m) {
    if (found[m].mention.end_token - found[m].mention.first_token > 1) has_full[group[m]] = true;
  }
  for (int g = 0; g < groups; ++g) {
    Entity e;
    e.id = "E" + std::to_string(g + 1);
    std::map<std::string, int> votes;
    std::optional<CanonicalName> canonical;
    std::string longest;
    for (size_t m = 0; m < found.size(); ++m) {
      if (group[m] != g) continue;
      e.mentions.push_back(found[m].mention);
      // A full name says more about the type than a lone word ("Kyrylo Budanov" PER, "Budanov" MISC).
      // Lone words vote only when the name is never given in full ("Ferre van de Nadort" PER, "Nadort" MISC).
      bool full = found[m].mention.end_token - found[m].mention.first_token > 1;
      if (full || !has_full[g]) votes[found[m].type] += full ? 2 : 1;
      if (found[m].canonical && !canonical) canonical = found[m].canonical;
      std::string normalized = NormalizeCase(found[m].text);
      if (normalized.size() > longest.size()) longest = normalized;
      // Roles: lower-case nouns (and their adjectives) right before a person's name.
      uint32_t first = found[m].mention.first_token;
      uint32_t k = first;
      while (k > 0 && tokens[k - 1].sentence == tokens[first].sentence &&
             (tokens[k - 1].upos == Upos::kNoun || tokens[k - 1].upos == Upos::kAdj)) {
        std::string_view w = doc->Form(k - 1);
        if (w.empty() || !Is(static_cast<unsigned char>(w[0]) < 0x80 ? w[0] : U'A', kLower)) break;
        --k;
      }
      while (k < first && tokens[k].upos != Upos::kAdj && tokens[k].upos != Upos::kNoun) ++k;
      if (k < first && tokens[first - 1].upos == Upos::kNoun) {
        std::string role(doc->Span(tokens[k].start, tokens[first - 1].end));
        if (std::find(e.roles.begin(), e.roles.end(), role) == e.roles.end()) e.roles.push_back(role);
      } else if (first > 0 && tokens[first - 1].sentence == tokens[first].sentence &&
                 IsRole(doc->lang, doc->Form(first - 1))) {
        // "Advocaat Ural" opening a sentence: the capitalised title, in lower case.
        std::string role = LowerForGazetteer(doc->Form(first - 1));
        if (std::find(e.roles.begin(), e.roles.end(), role) == e.roles.end()) e.roles.push_back(role);
      }
    }
    e.type = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    if (canonical) {
      e.name = canonical->name;
      e.type = canonical->type;
    } else {
      e.name = longest;
    }
    if (e.type != "PER") e.roles.clear();
    doc->entities.push_back(std::move(e));
  }
  // "John en Janice Bronk", "Ron and Miranda Schell": a couple named once with their shared surname after the
  // second given name; the first given name, never named otherwise, is that person ("John Bronk").
  for (Entity& e : doc->entities) {
    if (e.type != "PER" || !IsGivenName(Lowercase(e.name))) continue;
    bool one_word = true;
    for (const Mention& m : e.mentions) one_word &= m.end_token == m.first_token + 1;
    if (!one_word) continue;
    for (const Mention& m : e.mentions) {
      uint32_t t = m.end_token;
      if (t + 2 >= tokens.size() || (doc->Form(t) != "en" && doc->Form(t) != "and")) continue;
      const Mention* partner = nullptr;
      for (const Entity& other : doc->entities) {
        for (const Mention& o : other.mentions) {
          if (other.type == "PER" && o.first_token == t + 1 && o.end_token >= t + 3) partner = &o;
        }
      }
      if (!partner) continue;
      e.name += " " + std::string(doc->Span(tokens[t + 2].start, partner->end));
      break;
    }
  }
  // "het Russische ministerie van Financiën": a nationality before a ministry belongs to its name.
  for (Entity& e : doc->entities) {
    if (e.type != "ORG" || e.name.rfind("Ministry", 0) != 0) continue;
    uint32_t first = e.mentions.front().first_token;
    if (first == 0) continue;
    auto nationality = aliases_.Find(doc->Form(first - 1));
    if (nationality && nationality->type == "MISC") e.name = nationality->name + " " + e.name;
  }
}

}  // namespace bron
