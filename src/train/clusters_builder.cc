#include "train/clusters_builder.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "io/reader.h"
#include "ner/recognizer.h"
#include "text/tokenizer.h"
#include "train/corpus.h"

namespace bron {
namespace {

constexpr size_t kVocabulary = 40000;  // most frequent words clustered
constexpr size_t kContext = 400;       // most frequent words as context dimensions
constexpr int kMinCount = 3;
constexpr int kIterations = 8;

using Sparse = std::vector<std::pair<uint32_t, float>>;

// Spherical k-means; the first k vectors seed the centroids (the most frequent words: deterministic).
std::vector<uint16_t> KMeans(const std::vector<Sparse>& vectors, size_t dims, size_t k) {
  k = std::min(k, vectors.size());
  std::vector<float> centroids(k * dims, 0.0f);
  for (size_t c = 0; c < k; ++c) {
    for (auto [d, v] : vectors[c]) centroids[c * dims + d] = v;
  }
  std::vector<uint16_t> assignment(vectors.size(), 0);
  for (int it = 0; it < kIterations; ++it) {
    for (size_t i = 0; i < vectors.size(); ++i) {
      float best = -1e30f;
      uint16_t arg = 0;
      for (size_t c = 0; c < k; ++c) {
        const float* centroid = &centroids[c * dims];
        float dot = 0;
        for (auto [d, v] : vectors[i]) dot += centroid[d] * v;
        if (dot > best) {
          best = dot;
          arg = static_cast<uint16_t>(c);
        }
      }
      assignment[i] = arg;
    }
    std::fill(centroids.begin(), centroids.end(), 0.0f);
    for (size_t i = 0; i < vectors.size(); ++i) {
      for (auto [d, v] : vectors[i]) centroids[assignment[i] * dims + d] += v;
    }
    for (size_t c = 0; c < k; ++c) {
      float norm = 0;
      for (size_t d = 0; d < dims; ++d) norm += centroids[c * dims + d] * centroids[c * dims + d];
      norm = std::sqrt(norm);
      if (norm > 0) {
        for (size_t d = 0; d < dims; ++d) centroids[c * dims + d] /= norm;
      }
    }
  }
  return assignment;
}

void AddNews(const std::string& path, const std::string& lang, std::vector<std::vector<std::string>>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return;
  std::ostringstream s;
  s << in.rdbuf();
  Tokenizer tokenizer(lang);
  ReaderOptions options;
  options.lenient = true;
  ParseJsonl(path, s.str(), options,
             [&](Document&& doc) {
               tokenizer.Tokenize(&doc);
               for (const Sentence& sentence : doc.sentences) {
                 std::vector<std::string> words;
                 for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
                   words.push_back(LowerForGazetteer(doc.Form(t)));
                 }
                 out->push_back(std::move(words));
               }
             },
             [](const Status&) {});
}

// Plain text (or XML, whose tags are dropped): its sentences, tokenised, lower-cased.
void AddText(const std::string& text, const std::string& lang, std::vector<std::vector<std::string>>* out) {
  Tokenizer tokenizer(lang);
  Document doc;
  doc.text.reserve(text.size());
  bool in_tag = false;
  for (char c : text) {
    if (c == '<') in_tag = true;
    if (!in_tag) doc.text.push_back(c);
    if (c == '>') {
      in_tag = false;
      doc.text.push_back('\n');
    }
  }
  tokenizer.Tokenize(&doc);
  for (const Sentence& sentence : doc.sentences) {
    std::vector<std::string> words;
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) words.push_back(LowerForGazetteer(doc.Form(t)));
    out->push_back(std::move(words));
  }
}

void AddFiles(const std::string& dir, const std::string& lang, std::vector<std::vector<std::string>>* out) {
  std::error_code ec;
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && (entry.path().extension() == ".txt" || entry.path().extension() == ".xml")) {
      paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());  // the same clusters whatever the directory order
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    AddText(s.str(), lang, out);
  }
}

void AddCorpus(const std::vector<AnnotatedSentence>& corpus, std::vector<std::vector<std::string>>* out) {
  for (const AnnotatedSentence& s : corpus) {
    std::vector<std::string> words;
    for (const std::string& w : s.words) words.push_back(LowerForGazetteer(w));
    out->push_back(std::move(words));
  }
}

}  // namespace

Status BuildWordClusters(const std::string& data, const std::string& lang, WordClusters* out,
                         const std::function<void(const std::string&)>& log) {
  std::vector<std::vector<std::string>> text;
  std::vector<AnnotatedSentence> corpus;
  if (lang == "nl") {
    AddNews(data + "/news/nl-dpg-2019.jsonl", lang, &text);
    BRON_RETURN_IF_ERROR(ReadAlpinoCorpus(data + "/alpino-treebank", &corpus));
    BRON_RETURN_IF_ERROR(ReadConllNerCorpus(data + "/conll2002-nl/ned.train", &corpus));
  } else {
    AddNews(data + "/news/en-bbc-2005.jsonl", lang, &text);
    AddFiles(data + "/polnear/train/text", lang, &text);  // US political news, 2016
    AddFiles(data + "/hedging", lang, &text);             // Wikipedia sentences and FactBank news
    BRON_RETURN_IF_ERROR(ReadConlluCorpus(data + "/ud/en_ewt-ud-train.conllu", &corpus));
    BRON_RETURN_IF_ERROR(ReadConlluCorpus(data + "/ud/en_gum-ud-train.conllu", &corpus));
    BRON_RETURN_IF_ERROR(ReadConllNerCorpus(data + "/conll2003-en/eng.train", &corpus));
  }
  AddCorpus(corpus, &text);
  std::unordered_map<std::string, uint32_t> counts;
  size_t tokens = 0;
  for (const auto& s : text) {
    for (const std::string& w : s) ++counts[w];
    tokens += s.size();
  }
  std::vector<std::pair<std::string, uint32_t>> by_count(counts.begin(), counts.end());
  std::sort(by_count.begin(), by_count.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  std::unordered_map<std::string, uint32_t> vocab, context;
  for (const auto& [w, c] : by_count) {
    if (c < kMinCount || vocab.size() >= kVocabulary) break;
    vocab.emplace(w, static_cast<uint32_t>(vocab.size()));
  }
  for (const auto& [w, c] : by_count) {
    if (context.size() >= kContext) break;
    context.emplace(w, static_cast<uint32_t>(context.size()));
  }
  const uint32_t boundary = kContext;  // sentence start or end
  const size_t dims = 2 * (kContext + 1);
  std::vector<std::unordered_map<uint32_t, float>> counts_of(vocab.size());
  for (const auto& s : text) {
    for (size_t i = 0; i < s.size(); ++i) {
      auto v = vocab.find(s[i]);
      if (v == vocab.end()) continue;
      uint32_t left = boundary, right = boundary;
      if (i > 0) {
        auto c = context.find(s[i - 1]);
        left = c == context.end() ? UINT32_MAX : c->second;
      }
      if (i + 1 < s.size()) {
        auto c = context.find(s[i + 1]);
        right = c == context.end() ? UINT32_MAX : c->second;
      }
      if (left != UINT32_MAX) counts_of[v->second][left] += 1;
      if (right != UINT32_MAX) counts_of[v->second][kContext + 1 + right] += 1;
    }
  }
  std::vector<Sparse> vectors(vocab.size());
  for (size_t i = 0; i < vectors.size(); ++i) {
    float norm = 0;
    for (auto [d, c] : counts_of[i]) {
      float v = std::sqrt(c);
      vectors[i].emplace_back(d, v);
      norm += v * v;
    }
    norm = std::sqrt(norm);
    for (auto& [d, v] : vectors[i]) v /= norm > 0 ? norm : 1;
    std::sort(vectors[i].begin(), vectors[i].end());
  }
  std::vector<uint16_t> fine = KMeans(vectors, dims, 256);
  std::vector<uint16_t> coarse = KMeans(vectors, dims, 48);
  for (const auto& [w, id] : vocab) out->Set(w, WordClusters::Ids{coarse[id], fine[id]});
  log("clusters: " + std::to_string(out->size()) + " words from " + std::to_string(tokens) +
      " tokens of unlabelled text (48 and 256 classes)");
  return Status::Ok();
}

}  // namespace bron
