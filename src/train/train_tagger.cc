#include "train/train_tagger.h"

#include <algorithm>
#include <map>
#include <random>

#include "tag/tagger.h"
#include "tag/tagger_features.h"
#include "train/perceptron.h"

namespace bron {

Status TrainTagger(const std::vector<AnnotatedSentence>& train, WordClusters clusters, const TaggerTrainOptions& options,
                   const std::function<void(const std::string&)>& log, ModelFile* out) {
  if (train.empty()) return Status::InvalidInput("no training sentences");
  std::map<std::string, uint32_t> label_ids;
  for (const auto& s : train) {
    for (size_t i = 0; i < s.words.size(); ++i) label_ids.emplace(s.upos[i] + "\t" + s.xpos[i], 0);
  }
  std::vector<std::string> labels;
  for (auto& [label, id] : label_ids) {
    id = static_cast<uint32_t>(labels.size());
    labels.push_back(label);
  }
  if (labels.size() > 65000) return Status::InvalidInput("too many distinct tags");
  // Words described once: the features of a word do not change between epochs.
  std::vector<std::vector<WordInfo>> infos(train.size());
  std::vector<std::vector<uint32_t>> gold(train.size());
  size_t tokens = 0;
  for (size_t s = 0; s < train.size(); ++s) {
    std::vector<std::string_view> words(train[s].words.begin(), train[s].words.end());
    DescribeSentence(words, &clusters, &infos[s]);
    for (size_t i = 0; i < train[s].words.size(); ++i) {
      gold[s].push_back(label_ids[train[s].upos[i] + "\t" + train[s].xpos[i]]);
    }
    tokens += train[s].words.size();
  }
  NameWords names;
  if (!options.name_lists.empty()) {
    BRON_RETURN_IF_ERROR(names.AddAlpinoLists(options.name_lists));
    for (auto& info : infos) names.Annotate(&info);
  }
  log("tagger: " + std::to_string(train.size()) + " sentences, " + std::to_string(tokens) + " tokens, " +
      std::to_string(labels.size()) + " tags");

  // Pass 1 on all the data; then pass 2, which also sees pass 1's tags to the right. Pass 2 learns
  // from pass-1 tags of held-out folds (jackknifing), so it learns how far to trust them on new text.
  std::vector<uint32_t> fine_to_coarse;
  std::vector<std::string> first_labels = labels;
  std::vector<std::vector<uint32_t>> first_gold = gold;
  if (options.coarse_first_pass) {
    first_labels = CoarseLabels(labels, &fine_to_coarse);
    for (auto& sentence : first_gold) {
      for (uint32_t& tag : sentence) tag = fine_to_coarse[tag];
    }
  }
  auto train_pass = [&](const std::vector<size_t>& sentences, const std::vector<std::vector<uint32_t>>* ahead,
                        const std::string& name) {
    // The first pass with its own tag set; the second with every tag.
    const std::vector<std::vector<uint32_t>>& gold_tags = ahead ? gold : first_gold;
    const size_t num_labels = ahead ? labels.size() : first_labels.size();
    AveragedPerceptron perceptron(static_cast<uint32_t>(num_labels));
    std::vector<size_t> order = sentences;
    std::mt19937 rng(options.seed);
    std::vector<uint64_t> features;
    std::vector<float> scores(num_labels);
    size_t count = 0;
    for (size_t s : order) count += infos[s].size();
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      size_t correct = 0;
      for (size_t s : order) {
        uint32_t prev = kNoTag, prev2 = kNoTag;
        for (size_t i = 0; i < infos[s].size(); ++i) {
          TaggerFeatures(infos[s], i, prev, prev2, ahead ? &(*ahead)[s] : nullptr, &features);
          std::fill(scores.begin(), scores.end(), 0.0f);
          perceptron.Score(features, scores.data());
          if (epoch == 1) perceptron.Count(features);
          uint32_t guess = static_cast<uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
          perceptron.Update(features, gold_tags[s][i], guess);
          perceptron.Tick();
          correct += guess == gold_tags[s][i];
          prev2 = prev;
          prev = guess;
        }
      }
      if (epoch == options.epochs) {
        log("tagger: " + name + ": training accuracy in the last epoch " +
            std::to_string(100.0 * correct / std::max<size_t>(count, 1)));
      }
    }
    return perceptron.Average(options.prune, options.min_count);
  };
  std::vector<size_t> all(train.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  LinearModel first, second;
  if (options.keep_weights) {
    if (options.keep_weights->labels() != labels) return Status::InvalidInput("--keep-weights: the model has other tags");
    if (options.keep_weights->first_pass().num_labels() != first_labels.size()) {
      return Status::InvalidInput("--keep-weights: the model's first pass has another tag set (--full-first-pass?)");
    }
    first = options.keep_weights->first_pass();
    second = options.keep_weights->second_pass();
  } else {
    first = train_pass(all, nullptr, "pass 1");
    constexpr size_t kFolds = 4;
    std::vector<std::vector<uint32_t>> held_out(train.size());
    for (size_t fold = 0; fold < kFolds; ++fold) {
      std::vector<size_t> in;
      for (size_t i : all) {
        if (i % kFolds != fold) in.push_back(i);
      }
      LinearModel partial = train_pass(in, nullptr, "fold " + std::to_string(fold + 1));
      for (size_t i : all) {
        if (i % kFolds == fold) held_out[i] = Tagger::Decode(partial, infos[i], nullptr);
      }
    }
    std::vector<uint8_t> kinds = VerbKinds(first_labels);
    for (size_t i : all) MarkVerbsAhead(held_out[i], kinds, &infos[i]);
    second = train_pass(all, &held_out, "pass 2");
  }

  Lemmatizer::Builder lemmas;
  for (size_t s = 0; s < train.size(); ++s) {
    for (size_t i = 0; i < train[s].words.size(); ++i) {
      lemmas.Add(train[s].words[i], gold[s][i], train[s].lemmas[i], s < options.convention_sentences ? 10 : 1, i == 0);
      // Dutch particle verbs, split ("zette … in") or joined ("ingezet"): lemmas of verbs with a particle.
      const std::string& lemma = train[s].lemmas[i];
      size_t underscore = lemma.rfind('_');
      if (train[s].xpos[i].rfind("WW", 0) == 0 && underscore != std::string::npos && underscore <= 9) {
        lemmas.AddParticleVerb(lemma);
      }
    }
  }
  Tagger trained(labels, std::move(first), std::move(second), lemmas.Build(labels), std::move(clusters),
                 std::move(names));

  *out = ModelFile();
  out->meta = options.meta;
  out->meta["kind"] = "tagger";
  out->meta["lang"] = options.lang;
  out->meta["tags"] = std::to_string(labels.size());
  out->meta["first_pass_tags"] = std::to_string(first_labels.size());
  out->meta["training_tokens"] = std::to_string(tokens);
  out->meta["epochs"] = std::to_string(options.epochs);
  out->sections["DATA"] = trained.SerializeData();
  if (std::string names_data = trained.SerializeNames(); !names_data.empty()) out->sections["NAME"] = names_data;
  // The self-test samples come from the model as it will be read back (weights quantised).
  ModelFile reread;
  BRON_RETURN_IF_ERROR(ModelFile::Parse(out->Serialize(), &reread));
  std::unique_ptr<Tagger> loaded;
  BRON_RETURN_IF_ERROR(Tagger::FromModelFile(reread, options.lang, &loaded));
  std::vector<std::vector<std::string>> samples;
  for (size_t s = 0; s < train.size() && samples.size() < 5; s += std::max<size_t>(1, train.size() / 5)) {
    samples.push_back(train[s].words);
  }
  out->sections["TEST"] = SerializeSelfTest(*loaded, samples);
  log("tagger: " + std::to_string(loaded->labels().size()) + " tags; model of " +
      std::to_string(out->Serialize().size() / 1024) + " KiB");
  return Status::Ok();
}

}  // namespace bron
