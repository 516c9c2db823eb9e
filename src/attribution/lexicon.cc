#include "attribution/lexicon.h"

#include "base/resources.h"
#include "text/chars.h"

namespace bron {

namespace {

// A lemma that is its own key: ASCII without capitals or separators (most of them).
bool IsOwnKey(std::string_view lemma) {
  for (char c : lemma) {
    if (c == '_' || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::string LexiconKey(std::string_view lemma) {
  std::string key;
  for (char c : lemma) {
    if (c != '_') key.push_back(c);
  }
  return Lowercase(key);
}

AttributionLexicon::AttributionLexicon(std::string_view lang) {
  for (const auto& fields : ResourceTsv(std::string(lang) + "/attribution.tsv")) {
    if (fields.size() < 3) continue;
    std::string cls(fields[0]);
    std::string value(fields[2]);
    if (cls == "verb") {
      verbs_[LexiconKey(fields[1])] = Verb{value, fields.size() > 3 ? std::string(fields[3]) : "say"};
    } else if (cls == "noun" || cls == "response" || cls == "refuse" || cls == "person" || cls == "org" || cls == "source" || cls == "stance" ||
               cls == "time" || cls == "gender") {
      lemmas_[cls][LexiconKey(fields[1])] = value;
      // (A hyphenated entry also under the tagger's lemma, which writes "advocaat-generaal" as one word.)
      if (fields[1].find('-') != std::string_view::npos) {
        std::string joined;
        for (char c : LexiconKey(fields[1])) {
          if (c != '-') joined.push_back(c);
        }
        lemmas_[cls].emplace(joined, value);
      }
    } else {
      Phrase phrase;
      std::string_view words = fields[1];
      while (!words.empty()) {
        size_t space = words.find(' ');
        std::string_view word = words.substr(0, space);
        if (!word.empty()) phrase.words.push_back(Lowercase(word));
        if (space == std::string_view::npos) break;
        words.remove_prefix(space + 1);
      }
      if (phrase.words.empty()) continue;
      phrase.value = value;
      phrases_[cls][phrase.words[0]].push_back(std::move(phrase));
    }
  }
  // Genders learnt from the news, then the hand-written list of common given names (the two agree).
  for (const char* file : {"/first-names.tsv", "/given-names.tsv"}) {
    for (const auto& fields : ResourceTsv(std::string(lang) + file)) {
      if (fields.size() >= 2 && (fields[1] == "m" || fields[1] == "f")) first_names_[std::string(fields[0])] = fields[1][0];
    }
  }
}

char AttributionLexicon::FirstNameGender(std::string_view name) const {
  auto it = first_names_.find(name);
  return it == first_names_.end() ? 0 : it->second;
}

const AttributionLexicon::Verb* AttributionLexicon::FindVerb(std::string_view lemma) const {
  auto it = IsOwnKey(lemma) ? verbs_.find(lemma) : verbs_.find(LexiconKey(lemma));
  return it == verbs_.end() ? nullptr : &it->second;
}

size_t AttributionLexicon::Match(std::string_view cls, const std::vector<std::string>& words, size_t i,
                                 size_t end, std::string* value) const {
  if (i >= end) return 0;
  auto of_class = phrases_.find(cls);
  if (of_class == phrases_.end()) return 0;
  auto it = of_class->second.find(words[i]);
  if (it == of_class->second.end()) return 0;
  size_t best = 0;
  for (const Phrase& p : it->second) {
    if (p.words.size() <= best || i + p.words.size() > end) continue;
    bool all = true;
    for (size_t k = 1; k < p.words.size() && all; ++k) all = words[i + k] == p.words[k];
    if (!all) continue;
    best = p.words.size();
    if (value) *value = p.value;
  }
  return best;
}

const std::string* AttributionLexicon::FindLemma(std::string_view cls, std::string_view lemma) const {
  auto of_class = lemmas_.find(cls);
  if (of_class == lemmas_.end()) return nullptr;
  const auto& values = of_class->second;
  auto it = IsOwnKey(lemma) ? values.find(lemma) : values.find(LexiconKey(lemma));
  return it == values.end() ? nullptr : &it->second;
}

}  // namespace bron
