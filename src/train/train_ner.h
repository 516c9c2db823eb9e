// Training the entity recogniser (bron train ner) and building its gazetteer.
#ifndef BRON_TRAIN_TRAIN_NER_H_
#define BRON_TRAIN_TRAIN_NER_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "bron/status.h"
#include "model/model_file.h"
#include "ner/gazetteer.h"
#include "ner/name_table.h"
#include "tag/tagger.h"
#include "train/corpus.h"

namespace bron {

struct NerTrainOptions {
  std::string lang;
  int epochs = 12;
  float prune = 0.05f;
  uint32_t min_count = 2;
  unsigned seed = 1;
  // How often a training name loses its gazetteer features in an epoch (train_ner.cc).
  float gazetteer_dropout = 0.0f;
  // Perceptrons trained (seeds seed, seed + 1, …); the model is their mean.
  int runs = 3;
  std::map<std::string, std::string> meta;
};

// Names from ../shared/data/gazetteers: Alpino's Dutch name lists (per, geo, org, misc), GeoNames
// cities with their alternate names, and the country names in Dutch and English.
// Also fills `places` with canonical English names of countries and of cities of 200,000 people or
// more, under every Latin-script alternate name (Moskou => Moscow).
Status BuildGazetteer(const std::string& gazetteer_dir, Gazetteer* out, NameTable* places,
                      const std::function<void(const std::string&)>& log);

// `tagger` supplies the UPOS features, as it will at run time.
Status TrainNer(const std::vector<AnnotatedSentence>& train, const Tagger& tagger, Gazetteer gazetteer, NameTable places,
                WordClusters clusters,
                const NerTrainOptions& options, const std::function<void(const std::string&)>& log, ModelFile* out);

}  // namespace bron

#endif  // BRON_TRAIN_TRAIN_NER_H_
