// Features of the entity recogniser for one token (label-independent: transitions are scored apart).
#ifndef BRON_NER_NER_FEATURES_H_
#define BRON_NER_NER_FEATURES_H_

#include <cstdint>
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
};

void NerFeatures(const NerSentence& s, size_t i, std::vector<uint64_t>* out);

// The feature that carries the transition score from label `prev` (kNerTagCount = sentence start).
uint64_t NerTransitionFeature(int prev);

}  // namespace bron

#endif  // BRON_NER_NER_FEATURES_H_
