// AttributionLexicon: the cues of one language from data/<lang>/attribution.tsv — reporting verbs with
// the certainty they lend and the frame they take, "aldus" and "volgens", reporting nouns, hedges,
// conditions, negations and response verbs (the file's header documents each class); and the gender of
// first names (data/<lang>/first-names.tsv).
// Immutable after construction; thread-safe.
#ifndef BRON_ATTRIBUTION_LEXICON_H_
#define BRON_ATTRIBUTION_LEXICON_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bron {

class AttributionLexicon {
 public:
  explicit AttributionLexicon(std::string_view lang);

  struct Verb {
    std::string certainty;  // asserted | estimated | possible
    std::string frame;      // say | think | intent | object
  };
  // A reporting verb by lemma (particle verbs whole: "toevoegen"; "toe_voegen" matches too), or null.
  const Verb* FindVerb(std::string_view lemma) const;

  // The longest phrase of class `cls` ("after", "prep", "hedge", "cond", "neg", "aux") that starts at
  // words[i] (lower-cased word forms), limited to words [i, end): its length in words, 0 if none. Sets
  // *value to the phrase's value field.
  size_t Match(std::string_view cls, const std::vector<std::string>& words, size_t i, size_t end,
               std::string* value = nullptr) const;

  // The value of a lemma of class `cls` ("noun", "response", "refuse", "person", "org", "gender"), or null.
  const std::string* FindLemma(std::string_view cls, std::string_view lemma) const;

  // The gender of a first name as written ("Theresa" => 'f', "Rob" => 'm'), learnt from news
  // (data/<lang>/first-names.tsv, scripts/name-gender); 0 when unknown.
  char FirstNameGender(std::string_view name) const;

 private:
  struct Phrase {
    std::vector<std::string> words;
    std::string value;
  };
  // Maps by string that are searched with a string_view: no key is built for a look-up.
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  template <class V>
  using Map = std::unordered_map<std::string, V, ViewHash, std::equal_to<>>;
  Map<Verb> verbs_;
  Map<Map<std::vector<Phrase>>> phrases_;  // class => first word => phrases starting with it
  Map<Map<std::string>> lemmas_;           // class => lemma => value
  Map<char> first_names_;                  // "Theresa" => 'f'
};

// A lemma as the lexicon keys it: Alpino's compound and particle separators removed ("toe_voegen").
std::string LexiconKey(std::string_view lemma);

}  // namespace bron

#endif  // BRON_ATTRIBUTION_LEXICON_H_
