// Tagger: part-of-speech tags (UPOS and language-specific XPOS) and lemmas, by a greedy averaged
// perceptron over the features of tagger_features.h. One model per language (models/<lang>-tagger.bron).
//
//   std::unique_ptr<Tagger> t;  Tagger::Load("models/nl-tagger.bron", "nl", &t);
//   t->Tag(&doc);   // "troepen" => NOUN, N|soort|mv|basis, troep
//
// Immutable after loading; Tag keeps its scratch space per call, so one Tagger serves every thread.
#ifndef BRON_TAG_TAGGER_H_
#define BRON_TAG_TAGGER_H_

#include <memory>
#include <string>
#include <vector>

#include "bron/document.h"
#include "bron/status.h"
#include "model/linear_model.h"
#include "model/model_file.h"
#include "tag/clusters.h"
#include "tag/lemmatizer.h"
#include "tag/name_words.h"
#include "tag/word_features.h"

namespace bron {

class Tagger {
 public:
  static Status Load(const std::string& path, std::string_view lang, std::unique_ptr<Tagger>* out);
  // Reads the DATA section and re-runs the TEST samples stored with the model.
  static Status FromModelFile(const ModelFile& file, std::string_view lang, std::unique_ptr<Tagger>* out);

  // The pieces a trainer assembles into a model file.
  // `second` (may be empty) re-tags with the first pass's tags to the right in view. The first pass tags
  // with `labels` or, before a second pass, with CoarseLabels(labels); `first` has as many labels.
  Tagger(std::vector<std::string> labels, LinearModel first, LinearModel second, Lemmatizer lemmatizer,
         WordClusters clusters = WordClusters(), NameWords names = NameWords());
  std::string SerializeData() const;
  // The NAME section (empty when the model has no name lists).
  std::string SerializeNames() const { return names_.empty() ? "" : names_.Serialize(); }

  // Tags every sentence of `doc` (tokens must exist).
  void Tag(Document* doc) const;
  // Label ids for the words of one sentence (used by training and tests).
  std::vector<uint32_t> Predict(const std::vector<std::string_view>& words) const;
  // The lemmas of one tagged sentence, particle verbs joined ("zette … in" => "in_zetten").
  std::vector<std::string> Lemmas(const std::vector<std::string_view>& words, const std::vector<uint32_t>& tags) const;
  // Greedy decoding of one pass over described words (ahead: the first pass's tags, or null).
  // Describes the words of a sentence as the models see them.
  void Describe(const std::vector<std::string_view>& words, std::vector<WordInfo>* info) const;
  // `punctuation` (or null): the words made of punctuation alone, which take the best label that
  // `punct_labels` marks, not whatever the model likes best.
  static std::vector<uint32_t> Decode(const LinearModel& model, const std::vector<WordInfo>& info,
                                      const std::vector<uint32_t>* ahead, const std::vector<bool>* punctuation = nullptr,
                                      const std::vector<bool>* punct_labels = nullptr);

  // A label is "UPOS\tXPOS".
  const std::vector<std::string>& labels() const { return labels_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  const LinearModel& first_pass() const { return first_; }
  const LinearModel& second_pass() const { return second_; }
  const WordClusters& clusters() const { return clusters_; }

 private:
  std::vector<std::string> labels_;
  std::vector<Upos> label_upos_;
  std::vector<std::string> label_xpos_;
  // What the first pass's tags say for MarkVerbsAhead: VerbKinds of labels_, or of CoarseLabels(labels_)
  // when the first pass tags with those (models trained since session 7).
  std::vector<uint8_t> first_pass_kinds_;
  // The labels of each pass's tag set that a word of nothing but punctuation may take: those with the
  // XPOS LET (Dutch: PUNCT, or SYM inside a name), where the model had made ,, '' “ ’ pronouns, numbers
  // or adjectives. Empty where the tag set has no LET (English PTB has a tag per mark: left to the model),
  // and for models with a first pass over every tag (before session 7), which tag as they always did.
  std::vector<bool> punct_labels_, first_pass_punct_labels_;
  LinearModel first_, second_;
  Lemmatizer lemmatizer_;
  WordClusters clusters_;
  NameWords names_;
};

// Self-test samples stored in a model's TEST section: sentences and the labels the model gave them
// when it was written. A model that tags them differently on load was damaged or read by other code.
std::string SerializeSelfTest(const Tagger& tagger, const std::vector<std::vector<std::string>>& sentences);
Status RunSelfTest(const Tagger& tagger, std::string_view test);

}  // namespace bron

#endif  // BRON_TAG_TAGGER_H_
