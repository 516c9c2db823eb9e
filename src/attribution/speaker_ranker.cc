#include "attribution/speaker_ranker.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace bron {

Status SpeakerRanker::FromModelFile(const ModelFile& file, std::string_view lang, std::unique_ptr<SpeakerRanker>* out) {
  BRON_RETURN_IF_ERROR(file.Expect("speakers", lang));
  auto it = file.sections.find("SPKR");
  if (it == file.sections.end()) return Status::InvalidInput("no SPKR section");
  ByteReader r(it->second);
  auto ranker = std::make_unique<SpeakerRanker>();
  uint64_t n = r.Count(12);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) {
    uint64_t feature = r.U64();
    ranker->weights_[feature] = r.F32();
  }
  if (r.failed() || !r.done()) return Status::InvalidInput("SPKR section is malformed");
  *out = std::move(ranker);
  return Status::Ok();
}

Status SpeakerRanker::Load(const std::string& path, std::string_view lang, std::unique_ptr<SpeakerRanker>* out) {
  ModelFile file;
  BRON_RETURN_IF_ERROR(ModelFile::Load(path, &file));
  return FromModelFile(file, lang, out).WithContext(path);
}

void SpeakerRanker::Serialize(ModelFile* file) const {
  std::vector<std::pair<uint64_t, float>> sorted(weights_.begin(), weights_.end());
  std::sort(sorted.begin(), sorted.end());
  ByteWriter w;
  w.U64(sorted.size());
  for (const auto& [feature, weight] : sorted) {
    w.U64(feature);
    w.F32(weight);
  }
  file->sections["SPKR"] = w.bytes();
}

float SpeakerRanker::Score(const SpeakerCandidate& candidate) const {
  float sum = 0;
  for (uint64_t f : candidate.features) {
    auto it = weights_.find(f);
    if (it != weights_.end()) sum += it->second;
  }
  return sum;
}

size_t SpeakerRanker::Choose(const SpeakerChoice& choice) const {
  size_t best = 0;
  float best_score = -INFINITY;
  for (size_t c = 0; c < choice.candidates.size(); ++c) {
    float s = Score(choice.candidates[c]);
    if (s > best_score) {
      best = c;
      best_score = s;
    }
  }
  return best;
}

SpeakerRanker SpeakerRanker::Train(const std::vector<SpeakerChoice>& choices, const std::vector<std::vector<bool>>& right,
                                   const Options& options) {
  SpeakerRanker model;
  std::unordered_map<uint64_t, float> squares;  // AdaGrad's sum of squared gradients per feature
  std::vector<size_t> order;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (std::find(right[i].begin(), right[i].end(), true) != right[i].end()) order.push_back(i);
  }
  std::mt19937 rng(options.seed);
  std::vector<float> p;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) {
      const SpeakerChoice& choice = choices[i];
      const size_t n = choice.candidates.size();
      // p: the model's distribution over the candidates; q: the same restricted to the right ones. The
      // gradient of -log(sum of p over the right ones) for a candidate's features is p - q.
      p.assign(n, 0);
      float top = -INFINITY;
      for (size_t c = 0; c < n; ++c) top = std::max(top, p[c] = model.Score(choice.candidates[c]));
      float total = 0, total_right = 0;
      for (size_t c = 0; c < n; ++c) {
        p[c] = std::exp(p[c] - top);
        total += p[c];
        if (right[i][c]) total_right += p[c];
      }
      std::unordered_map<uint64_t, float> gradient;
      for (size_t c = 0; c < n; ++c) {
        float g = p[c] / total - (right[i][c] ? p[c] / total_right : 0);
        if (g == 0) continue;
        for (uint64_t f : choice.candidates[c].features) gradient[f] += g;
      }
      for (const auto& [f, g0] : gradient) {
        float& w = model.weights_[f];
        float g = g0 + options.l2 * w;
        float& s = squares[f];
        s += g * g;
        w -= options.rate * g / (std::sqrt(s) + 1e-6f);
      }
    }
  }
  for (auto it = model.weights_.begin(); it != model.weights_.end();) {
    it = std::fabs(it->second) < 1e-4f ? model.weights_.erase(it) : std::next(it);
  }
  return model;
}

}  // namespace bron
