// Training the part-of-speech tagger and lemmatizer (bron train tagger).
#ifndef BRON_TRAIN_TRAIN_TAGGER_H_
#define BRON_TRAIN_TRAIN_TAGGER_H_

#include <functional>
#include <string>
#include <vector>

#include "bron/status.h"
#include "model/model_file.h"
#include "tag/clusters.h"
#include "train/corpus.h"

namespace bron {

class Tagger;

struct TaggerTrainOptions {
  std::string lang;
  int epochs = 10;
  float prune = 0.05f;        // averaged weights smaller than this are dropped (model size)
  uint32_t min_count = 2;     // features seen fewer times in training are dropped (model size)
  std::string name_lists;  // folder of Alpino's per/geo/org/misc.txt: name-list features (empty: none)
  unsigned seed = 1;          // shuffling: the same data and seed give the same model
  // When set, the tag weights are taken from this model instead of trained (same data, same tags):
  // only the lemmatizer is built again, in seconds. For work on the lemmatizer.
  const Tagger* keep_weights = nullptr;
  // The first this many training sentences set the lemma convention where corpora disagree (their
  // lemmas count ten times, so theirs wins wherever they have the form): UD English EWT says "people" => "people", GUM "person".
  size_t convention_sentences = 0;
  // The first pass tags with CoarseLabels (UPOS and two XPOS fields: 240 Dutch tags => far fewer), which
  // is all the second pass looks at ahead, at a fraction of the cost. False: the first pass uses every tag.
  bool coarse_first_pass = true;
  std::map<std::string, std::string> meta;  // written to the model's META (trained_on, command, ...)
};

Status TrainTagger(const std::vector<AnnotatedSentence>& train, WordClusters clusters, const TaggerTrainOptions& options,
                   const std::function<void(const std::string&)>& log, ModelFile* out);

}  // namespace bron

#endif  // BRON_TRAIN_TRAIN_TAGGER_H_
