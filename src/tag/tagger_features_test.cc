#include "tag/tagger_features.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/linear_model.h"
#include "model/model_file.h"
#include "tag/tagger.h"
#include "train/corpus.h"
#include "train/train_tagger.h"

namespace bron {
namespace {

TEST(CoarseLabels, CutsDutchTagsToUposAndTwoFields) {
  std::vector<std::string> labels = {"NOUN\tN|soort|ev|basis|zijd|stan", "NOUN\tN|soort|mv|basis",
                                     "AUX\tWW|pv|tgw|ev", "VERB\tWW|pv|tgw|ev", "VERB\tWW|vd|vrij|zonder",
                                     "ADV\tBW", "PUNCT\tLET"};
  std::vector<uint32_t> map;
  std::vector<std::string> coarse = CoarseLabels(labels, &map);
  EXPECT_EQ(coarse, (std::vector<std::string>{"ADV\tBW", "AUX\tWW|pv|tgw", "NOUN\tN|soort", "PUNCT\tLET",
                                              "VERB\tWW|pv|tgw", "VERB\tWW|vd|vrij"}));
  ASSERT_EQ(map.size(), labels.size());
  EXPECT_EQ(map[0], map[1]);                 // the two nouns are one
  EXPECT_NE(map[2], map[3]);                 // AUX and VERB stay apart
  EXPECT_EQ(coarse[map[4]], "VERB\tWW|vd|vrij");  // a participle stays a participle: MarkVerbsAhead needs it
  EXPECT_EQ(coarse[map[6]], "PUNCT\tLET");
  // What the second pass is told about verbs ahead is the same from the coarse tags as from the full ones.
  std::vector<uint8_t> fine_kinds = VerbKinds(labels), coarse_kinds = VerbKinds(coarse);
  for (size_t l = 0; l < labels.size(); ++l) EXPECT_EQ(fine_kinds[l], coarse_kinds[map[l]]) << labels[l];
}

TEST(CoarseLabels, LeavesTagsWithoutFieldsAsTheyAre) {
  std::vector<std::string> labels = {"DET\tDT", "NOUN\tNN", "VERB\tVBD", "PUNCT\t."};
  std::vector<uint32_t> map;
  std::vector<std::string> coarse = CoarseLabels(labels, &map);
  EXPECT_EQ(coarse.size(), labels.size());
  for (size_t l = 0; l < labels.size(); ++l) EXPECT_EQ(coarse[map[l]], labels[l]);
}

std::vector<AnnotatedSentence> TinyDutchCorpus() {
  auto sentence = [](std::vector<std::string> words, std::vector<std::string> upos, std::vector<std::string> xpos) {
    AnnotatedSentence s;
    s.words = words;
    s.lemmas = words;
    s.upos = std::move(upos);
    s.xpos = std::move(xpos);
    return s;
  };
  std::vector<AnnotatedSentence> corpus;
  for (int i = 0; i < 20; ++i) {
    corpus.push_back(sentence({"De", "man", "heeft", "het", "huis", "gekocht", "."},
                              {"DET", "NOUN", "AUX", "DET", "NOUN", "VERB", "PUNCT"},
                              {"LID|bep|stan|rest", "N|soort|ev|basis|zijd|stan", "WW|pv|tgw|met-t",
                               "LID|bep|stan|evon", "N|soort|ev|basis|onz|stan", "WW|vd|vrij|zonder", "LET"}));
    corpus.push_back(sentence({"Zij", "kochten", "de", "huizen", "."}, {"PRON", "VERB", "DET", "NOUN", "PUNCT"},
                              {"VNW|pers|pron|nomin|vol|3v|ev|fem", "WW|pv|verl|mv", "LID|bep|stan|rest",
                               "N|soort|mv|basis", "LET"}));
  }
  return corpus;
}

// A tagger trained with the coarse first pass writes a model that loads (its self-test passes), and
// tags what it was trained on; so does one trained with every tag in the first pass (older models).
TEST(CoarseFirstPass, TrainsLoadsAndTags) {
  for (bool coarse : {true, false}) {
    TaggerTrainOptions options;
    options.lang = "nl";
    options.epochs = 3;
    options.min_count = 1;
    options.coarse_first_pass = coarse;
    ModelFile file;
    Status s = TrainTagger(TinyDutchCorpus(), WordClusters(), options, [](const std::string&) {}, &file);
    ASSERT_TRUE(s.ok()) << s.message();
    std::unique_ptr<Tagger> tagger;
    s = Tagger::FromModelFile(file, "nl", &tagger);
    ASSERT_TRUE(s.ok()) << s.message();
    std::vector<uint32_t> map;
    const size_t coarse_count = CoarseLabels(tagger->labels(), &map).size();
    EXPECT_LT(coarse_count, tagger->labels().size());
    EXPECT_EQ(tagger->first_pass().num_labels(), coarse ? coarse_count : tagger->labels().size());
    std::vector<uint32_t> tags = tagger->Predict({"De", "man", "heeft", "het", "huis", "gekocht", "."});
    ASSERT_EQ(tags.size(), 7u);
    EXPECT_EQ(tagger->labels()[tags[2]], "AUX\tWW|pv|tgw|met-t");
    EXPECT_EQ(tagger->labels()[tags[5]], "VERB\tWW|vd|vrij|zonder");
  }
}

// A first pass with neither every tag nor the coarse ones is refused, not read as garbage.
TEST(CoarseFirstPass, AFirstPassOfAnotherTagSetIsRefused) {
  TaggerTrainOptions options;
  options.lang = "nl";
  options.epochs = 1;
  options.min_count = 1;
  ModelFile file;
  ASSERT_TRUE(TrainTagger(TinyDutchCorpus(), WordClusters(), options, [](const std::string&) {}, &file).ok());
  std::unique_ptr<Tagger> good;
  ASSERT_TRUE(Tagger::FromModelFile(file, "nl", &good).ok());
  std::unordered_map<uint64_t, std::vector<LinearModel::Weight>> weights = {{7, {{0, 1.0f}}}};
  LinearModel odd(3, weights, 0);  // 3 labels: neither the 10 tags nor their 7 coarse ones
  Tagger broken(good->labels(), odd, good->second_pass(), good->lemmatizer());
  file.sections["DATA"] = broken.SerializeData();
  file.sections.erase("TEST");
  std::unique_ptr<Tagger> loaded;
  Status s = Tagger::FromModelFile(file, "nl", &loaded);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("disagree"), std::string::npos) << s.message();
}

// A word of punctuation alone takes a LET tag, whatever the weights say, in models with a coarse first
// pass; a model with a first pass over every tag (trained before) tags as it always did.
TEST(CoarseFirstPass, PunctuationTakesALetTag) {
  const std::vector<std::string> labels = {"NOUN\tN|soort|ev|basis", "NOUN\tN|soort|mv|basis", "PUNCT\tLET"};
  auto noun_always = [](uint32_t num_labels) {  // the bias votes for the first label, nothing else counts
    std::unordered_map<uint64_t, std::vector<LinearModel::Weight>> weights = {{FeatureMix(1, 0), {{0, 1.0f}}}};
    return LinearModel(num_labels, weights, 0);
  };
  Tagger coarse(labels, noun_always(2), noun_always(3), Lemmatizer());
  EXPECT_EQ(coarse.Predict({"''", "huis", ",,", "“"}), (std::vector<uint32_t>{2, 0, 2, 2}));
  Tagger full(labels, noun_always(3), noun_always(3), Lemmatizer());
  EXPECT_EQ(full.Predict({"''", "huis"}), (std::vector<uint32_t>{0, 0}));
}

}  // namespace
}  // namespace bron
