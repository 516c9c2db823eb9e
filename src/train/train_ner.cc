#include "train/train_ner.h"

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <unordered_map>

#include "base/utf8.h"
#include "ner/recognizer.h"
#include "text/chars.h"
#include "train/perceptron.h"

namespace bron {
namespace {

// "&#269;ák" => "čák": Alpino's lists write some characters as numeric HTML entities.
std::string DecodeEntities(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&' && i + 2 < s.size() && s[i + 1] == '#') {
      size_t semi = s.find(';', i);
      if (semi != std::string::npos && semi - i <= 8) {
        long cp = std::strtol(s.c_str() + i + 2, nullptr, 10);
        if (cp > 0 && cp < 0x110000 && !(cp >= 0xD800 && cp < 0xE000)) {
          AppendUtf8(static_cast<char32_t>(cp), &out);
          i = semi;
          continue;
        }
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// Lower-cased tokens of a name: split at spaces, with punctuation split off as the tokeniser does.
std::vector<std::string> NameTokens(const std::string& name) {
  std::vector<std::string> tokens;
  std::string current;
  const char* p = name.data();
  const char* end = p + name.size();
  auto flush = [&] {
    if (!current.empty()) tokens.push_back(LowerForGazetteer(current));
    current.clear();
  };
  while (p < end) {
    const char* start = p;
    char32_t c = DecodeUtf8(p);
    uint32_t cls = CharClass(c);
    if (cls & kSpace) {
      flush();
    } else if ((cls & (kPunct | kQuote)) && !(cls & kDash) && c != '.' && c != '\'' && c != 0x2019 && c != '&') {
      flush();
      tokens.push_back(std::string(start, p));
    } else {
      current.append(start, p);
    }
  }
  flush();
  return tokens;
}

bool Latin(const std::string& s) {
  const char* p = s.data();
  while (p < s.data() + s.size()) {
    if (DecodeUtf8(p) >= 0x250) return false;
  }
  return true;
}

void AddFile(const std::string& path, uint8_t types, Gazetteer* out, size_t* count) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::string name = DecodeEntities(line);
    if (name.size() < 2 || name.size() > 80) continue;
    out->Add(NameTokens(name), types);
    ++*count;
  }
}

}  // namespace

Status BuildGazetteer(const std::string& dir, Gazetteer* out, NameTable* places,
                      const std::function<void(const std::string&)>& log) {
  std::unordered_map<std::string, long> place_population;  // lower-cased alias => population of its city
  size_t count = 0;
  std::string alpino = dir + "/alpino_names_nl/";
  AddFile(alpino + "per.txt", Gazetteer::kPer, out, &count);
  AddFile(alpino + "geo.txt", Gazetteer::kLoc, out, &count);
  AddFile(alpino + "org.txt", Gazetteer::kOrg, out, &count);
  AddFile(alpino + "misc.txt", Gazetteer::kMisc, out, &count);
  std::ifstream cities(dir + "/geonames/cities15000.txt");
  if (!cities) return Status::IoError(dir + "/geonames/cities15000.txt: cannot open");
  std::string line;
  while (std::getline(cities, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    if (f.size() < 4) continue;
    std::vector<std::string> names = {f[1], f[2]};
    std::stringstream alternates(f[3]);
    while (std::getline(alternates, field, ',')) {
      if (Latin(field) && field.size() >= 3) names.push_back(field);
    }
    long population = f.size() > 14 ? std::atol(f[14].c_str()) : 0;
    for (const std::string& n : names) {
      out->Add(NameTokens(n), Gazetteer::kLoc);
      ++count;
      // Short alternates ("Hel" for Helsinki) are more often something else: only the real name.
      if (population < 200000 || n.size() > 40 || (n.size() < 4 && n != f[1])) continue;
      std::string key = LowerForGazetteer(n);
      auto it = place_population.find(key);
      if (it != place_population.end() && it->second >= population) continue;  // the bigger city wins
      place_population[key] = population;
      places->Add(n, f[1], "LOC");
    }
  }
  // Countries: the English short name of GeoNames' countryInfo is canonical; Dutch and English names
  // from the ISO lists are its aliases (joined on the two-letter code).
  std::unordered_map<std::string, std::string> english_by_code;
  std::ifstream info(dir + "/geonames/countryInfo.tsv");
  while (std::getline(info, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    if (f.size() > 4) {
      english_by_code[LowerForGazetteer(f[0])] = f[4];
      places->Add(f[4], f[4], "LOC");
    }
  }
  for (const char* file : {"/countries_stefangabos/nl_countries.csv", "/countries_stefangabos/en_countries.csv"}) {
    std::ifstream in(dir + file);
    std::getline(in, line);  // header: id,alpha2,alpha3,name
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::stringstream ss(line);
      std::string field;
      while (std::getline(ss, field, ',')) f.push_back(field);
      if (f.size() < 4) continue;
      std::string name = line.substr(line.find(',', line.find(',', line.find(',') + 1) + 1) + 1);
      if (!name.empty() && name.front() == '"') name = name.substr(1, name.size() - 2);
      out->Add(NameTokens(name), Gazetteer::kLoc);
      ++count;
      auto english = english_by_code.find(LowerForGazetteer(f[1]));
      if (english != english_by_code.end()) places->Add(name, english->second, "LOC");
    }
  }
  log("places: " + std::to_string(places->size()) + " aliases of countries and large cities");
  log("gazetteer: " + std::to_string(count) + " names, " + std::to_string(out->size()) + " distinct");
  return Status::Ok();
}

Status TrainNer(const std::vector<AnnotatedSentence>& train, const Tagger& tagger, Gazetteer gazetteer, NameTable places,
                WordClusters clusters,
                const NerTrainOptions& options, const std::function<void(const std::string&)>& log, ModelFile* out) {
  if (train.empty()) return Status::InvalidInput("no training sentences");
  // For Prepare: gazetteer matching and clusters, as at run time.
  EntityRecognizer shell(LinearModel(), std::move(gazetteer), NameTable(), clusters);
  std::vector<NerSentence> prepared(train.size());
  std::vector<std::vector<int>> gold(train.size());
  size_t tokens = 0;
  for (size_t s = 0; s < train.size(); ++s) {
    std::vector<std::string_view> words(train[s].words.begin(), train[s].words.end());
    std::vector<Upos> upos;
    std::vector<uint32_t> labels = tagger.Predict(words);
    for (uint32_t l : labels) upos.push_back(ParseUpos(tagger.labels()[l].substr(0, tagger.labels()[l].find('\t'))));
    shell.Prepare(words, upos, &prepared[s]);
    for (const std::string& tag : train[s].ner) gold[s].push_back(static_cast<int>(ParseNerTag(tag)));
    tokens += words.size();
  }
  // The document step (EntityRecognizer::PredictDocument) when the corpus marks documents, as CoNLL-2002
  // does; the CoNLL-2003 copy here does not, so nothing could say whether it helps there.
  const bool document_features = !train.empty() && train.back().document > 0;
  log("ner: " + std::to_string(train.size()) + " sentences, " + std::to_string(tokens) + " tokens" +
      (document_features ? ", in documents" : ""));

  // Gazetteer dropout: the name lists know nearly every name of the training data (Alpino's lists were
  // drawn partly from the same newspapers: 97% of ned.train's organisations, places and people are in
  // them, against 70% of ned.testa's organisations and 53% of its people). Trained on the lists as they
  // are, the model learns that a name missing from them is MISC. So each epoch a training name loses
  // its list features with probability `gazetteer_dropout`, as a name unknown to the lists would be.
  struct Known {
    std::vector<uint8_t> gazetteer, name_words;
  };
  std::vector<Known> known(prepared.size());
  for (size_t s = 0; s < prepared.size(); ++s) known[s] = {prepared[s].gazetteer, prepared[s].name_words};
  auto hide_names = [&](size_t s, std::mt19937& rng, std::bernoulli_distribution& hide) {
    NerSentence& sentence = prepared[s];
    sentence.gazetteer = known[s].gazetteer;
    sentence.name_words = known[s].name_words;
    const std::vector<int>& g = gold[s];
    const int o = static_cast<int>(NerTag::kO);
    for (size_t i = 0; i < g.size();) {
      if (g[i] == o) {
        ++i;
        continue;
      }
      size_t end = i + 1;
      while (end < g.size() && g[end] != o && !NerIsBegin(static_cast<NerTag>(g[end]))) ++end;
      if (hide(rng)) {
        for (size_t k = i; k < end; ++k) sentence.gazetteer[k] = sentence.name_words[k] = 0;
      }
      i = end;
    }
  };

  // One structured perceptron per seed; the model is their mean (the runs differ in the order of the
  // sentences and in which names lose their lists, so the mean is steadier than any one of them).
  std::unordered_map<uint64_t, std::vector<LinearModel::Weight>> mean;
  const int runs = std::max(options.runs, 1);
  for (int run = 0; run < runs; ++run) {
    AveragedPerceptron perceptron(kNerTagCount);
    std::vector<size_t> order(train.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 rng(options.seed + run);
    std::bernoulli_distribution hide(options.gazetteer_dropout);
    std::vector<std::vector<uint64_t>> features;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      size_t correct = 0;
      for (size_t s : order) {
        if (options.gazetteer_dropout > 0) hide_names(s, rng, hide);
        const NerSentence& sentence = prepared[s];
        size_t n = sentence.words.size();
        features.resize(n);
        std::vector<std::array<float, kNerTagCount>> emissions(n);
        for (size_t i = 0; i < n; ++i) {
          NerFeatures(sentence, i, &features[i]);
          if (epoch == 1) perceptron.Count(features[i]);
          emissions[i].fill(0.0f);
          perceptron.Score(features[i], emissions[i].data());
        }
        std::array<std::array<float, kNerTagCount>, kNerTagCount + 1> transitions;
        for (int p = 0; p <= kNerTagCount; ++p) {
          transitions[p].fill(0.0f);
          perceptron.Score({NerTransitionFeature(p)}, transitions[p].data());
        }
        std::vector<NerTag> guess = EntityRecognizer::Viterbi(emissions, transitions);
        int prev_gold = kNerTagCount, prev_guess = kNerTagCount;
        for (size_t i = 0; i < n; ++i) {
          int g = gold[s][i], p = static_cast<int>(guess[i]);
          correct += g == p;
          if (g != p) perceptron.Update(features[i], g, p);
          if (g != p || prev_gold != prev_guess) {
            perceptron.AddWeight(NerTransitionFeature(prev_gold), g, 1.0f);
            perceptron.AddWeight(NerTransitionFeature(prev_guess), p, -1.0f);
          }
          prev_gold = g;
          prev_guess = p;
        }
        perceptron.Tick();
      }
      log("ner: run " + std::to_string(run + 1) + ", epoch " + std::to_string(epoch) + ": training accuracy " +
          std::to_string(100.0 * correct / std::max<size_t>(tokens, 1)));
    }
    // Transition features occur once per position: keep them whatever their count.
    for (int p = 0; p <= kNerTagCount; ++p) {
      std::vector<uint64_t> f(options.min_count, NerTransitionFeature(p));
      perceptron.Count(f);
    }
    for (auto& [feature, weights] : perceptron.AveragedWeights(options.min_count)) {
      std::vector<LinearModel::Weight>& sum = mean[feature];
      for (const LinearModel::Weight& w : weights) {
        auto it = std::find_if(sum.begin(), sum.end(), [&](const LinearModel::Weight& x) { return x.label == w.label; });
        if (it == sum.end()) {
          sum.push_back({w.label, w.value / runs});
        } else {
          it->value += w.value / runs;
        }
      }
    }
  }
  EntityRecognizer trained(LinearModel(kNerTagCount, mean, options.prune), shell.gazetteer(), std::move(places),
                           std::move(clusters), document_features);
  *out = ModelFile();
  out->meta = options.meta;
  out->meta["kind"] = "ner";
  out->meta["lang"] = options.lang;
  out->meta["training_tokens"] = std::to_string(tokens);
  out->meta["epochs"] = std::to_string(options.epochs);
  out->meta["runs"] = std::to_string(runs);
  out->sections["DATA"] = trained.SerializeData();
  log("ner: model of " + std::to_string(out->Serialize().size() / 1024) + " KiB");
  return Status::Ok();
}

}  // namespace bron
