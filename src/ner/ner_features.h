// Features of the entity recogniser for one token (label-independent: transitions are scored apart).
#ifndef BRON_NER_NER_FEATURES_H_
#define BRON_NER_NER_FEATURES_H_

#include <cstdint>
#include <functional>
#include <unordered_map>
#include <string>
#include <vector>

#include "bron/document.h"
#include "tag/word_features.h"

namespace bron {

struct NerSentence {
  std::vector<WordInfo> words;
  std::vector<Upos> upos;          // from the tagger
  std::vector<uint8_t> gazetteer;  // Gazetteer::Match
  std::vector<uint8_t> name_words;  // Gazetteer::WordRoles
  // How the word is written elsewhere in its document (DocumentCase bits, for the document step of
  // EntityRecognizer::PredictDocument), or empty.
  std::vector<uint8_t> doc_case;
};

// What the other sentences of a document say about a word's case: a word capitalised inside sentences
// elsewhere is a name even where it opens a sentence or stands in a headline in capitals; one written in
// lower case elsewhere is not a name there. (Tried as recogniser features: they left unknown names at
// the start of a sentence untagged, docs/quality.md.)
enum DocumentCaseBit : uint8_t { kCapitalisedInside = 1, kLowerElsewhere = 2, kSeenElsewhere = 4 };
class DocumentCase {
 public:
  void Add(const std::vector<WordInfo>& sentence);  // every sentence of the document, once
  // Bits for each word of `sentence` (one of the sentences added), not counting this sentence itself.
  void Describe(const std::vector<WordInfo>& sentence, std::vector<uint8_t>* out) const;

 private:
  struct Counts {
    uint16_t capitalised_inside = 0, lower = 0, all = 0;
  };
  static void Count(const std::vector<WordInfo>& sentence, const std::function<void(const std::string&, Counts)>& f);
  std::unordered_map<std::string, Counts> counts_;
};

// The recogniser's features for word i. Returns how many of them, at the front, depend on the word
// alone (LinearModel::ScoreCached keeps their sum per word).
size_t NerFeatures(const NerSentence& s, size_t i, std::vector<uint64_t>* out);

// The feature that carries the transition score from label `prev` (kNerTagCount = sentence start).
uint64_t NerTransitionFeature(int prev);

}  // namespace bron

#endif  // BRON_NER_NER_FEATURES_H_
