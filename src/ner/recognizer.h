// EntityRecognizer: named entities (PER, ORG, LOC, MISC) in IOB2, by a structured averaged perceptron
// with Viterbi decoding over the features of ner_features.h, a gazetteer and the tagger's UPOS.
// One model per language (models/<lang>-ner.bron). Immutable after loading; thread-safe.
//
//   recognizer->Recognize(&doc);   // "VLADIMIR Poetin zei" => B-PER I-PER O
#ifndef BRON_NER_RECOGNIZER_H_
#define BRON_NER_RECOGNIZER_H_

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "bron/document.h"
#include "bron/status.h"
#include "model/linear_model.h"
#include "model/model_file.h"
#include "ner/gazetteer.h"
#include "ner/name_table.h"
#include "ner/ner_features.h"
#include "tag/clusters.h"

namespace bron {

// Whether a lower-cased word is a given name of bron's lists (data/nl/first-names.tsv, data/nl/given-names.tsv,
// data/nl/given-names-alpino.txt).
bool IsGivenName(const std::string& lower);

class EntityRecognizer {
 public:
  EntityRecognizer(LinearModel model, Gazetteer gazetteer, NameTable places = NameTable(),
                   WordClusters clusters = WordClusters(), bool document_features = false)
      : model_(std::move(model)), gazetteer_(std::move(gazetteer)), places_(std::move(places)),
        clusters_(std::move(clusters)), document_features_(document_features) {}

  static Status Load(const std::string& path, std::string_view lang, std::unique_ptr<EntityRecognizer>* out);
  static Status FromModelFile(const ModelFile& file, std::string_view lang, std::unique_ptr<EntityRecognizer>* out);
  std::string SerializeData() const;

  // Sets Token::ner for every token of `doc` (UPOS from the tagger should be there).
  void Recognize(Document* doc) const;
  std::vector<NerTag> Predict(const NerSentence& sentence) const;

  // Describes the words of a sentence the way the features expect.
  void Prepare(const std::vector<std::string_view>& words, const std::vector<Upos>& upos, NerSentence* out) const;
  // Adds what the other sentences of their document say about each word (NerSentence::doc_case), for
  // models with the document step; `document`: all prepared sentences of one document.
  void PrepareDocument(std::vector<NerSentence>* document) const;
  bool document_features() const { return document_features_; }
  // Predict for every sentence of a prepared document; with the document step, a name's mentions also
  // agree on their type ("Jan Robeyns" PER makes a lone "Robeyns" PER elsewhere in the document).
  std::vector<std::vector<NerTag>> PredictDocument(const std::vector<NerSentence>& document) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  // Canonical place and country names ("Moskou" => Moscow), from GeoNames and the country lists.
  const NameTable& places() const { return places_; }
  const WordClusters& clusters() const { return clusters_; }

  // Best label sequence under IOB2 constraints. emissions: n x kNerTagCount; transitions:
  // (kNerTagCount + 1) x kNerTagCount, the last row for the sentence start.
  static std::vector<NerTag> Viterbi(const std::vector<std::array<float, kNerTagCount>>& emissions,
                                     const std::array<std::array<float, kNerTagCount>, kNerTagCount + 1>& transitions);
  static bool Allowed(int prev, int next);  // prev == kNerTagCount: sentence start

 private:
  LinearModel model_;
  Gazetteer gazetteer_;
  NameTable places_;
  WordClusters clusters_;
  // The document step: trained on a corpus with document boundaries, where it was measured.
  bool document_features_ = false;
};

// Lower-cases for gazetteer matching.
std::string LowerForGazetteer(std::string_view word);

}  // namespace bron

#endif  // BRON_NER_RECOGNIZER_H_
