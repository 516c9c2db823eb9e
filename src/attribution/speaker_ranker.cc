#include "attribution/speaker_ranker.h"

#include <algorithm>
#include <cmath>

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
  std::vector<size_t> order;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (std::find(right[i].begin(), right[i].end(), true) != right[i].end()) order.push_back(i);
  }
  // The features numbered once, so that each pass reads and writes arrays, not a hash table.
  std::unordered_map<uint64_t, uint32_t> index;
  std::vector<std::vector<std::vector<uint32_t>>> numbered(choices.size());
  for (size_t i : order) {
    for (const SpeakerCandidate& c : choices[i].candidates) {
      std::vector<uint32_t> features;
      for (uint64_t f : c.features) features.push_back(index.emplace(f, static_cast<uint32_t>(index.size())).first->second);
      numbered[i].push_back(std::move(features));
    }
  }
  // Full batch: every pass takes one AdaGrad step along the mean gradient over all choices. Unlike a step per
  // choice, the result depends on no order, and it comes out better (docs/quality.md).
  std::vector<float> w(index.size(), 0), squares(index.size(), 0), gradient(index.size());
  std::vector<float> p;
  for (int pass = 0; pass < options.passes; ++pass) {
    std::fill(gradient.begin(), gradient.end(), 0.0f);
    for (size_t i : order) {
      const size_t n = numbered[i].size();
      // p: the model's distribution over the candidates; q: the same restricted to the right ones. The
      // gradient of -log(sum of p over the right ones) for a candidate's features is p - q.
      p.assign(n, 0);
      float top = -INFINITY;
      for (size_t c = 0; c < n; ++c) {
        float score = 0;
        for (uint32_t f : numbered[i][c]) score += w[f];
        top = std::max(top, p[c] = score);
      }
      float total = 0, total_right = 0;
      for (size_t c = 0; c < n; ++c) {
        p[c] = std::exp(p[c] - top);
        total += p[c];
        if (right[i][c]) total_right += p[c];
      }
      for (size_t c = 0; c < n; ++c) {
        float g = (p[c] / total - (right[i][c] ? p[c] / total_right : 0)) / static_cast<float>(order.size());
        if (g == 0) continue;
        for (uint32_t f : numbered[i][c]) gradient[f] += g;
      }
    }
    for (size_t f = 0; f < w.size(); ++f) {
      float g = gradient[f] + options.l2 * w[f];
      squares[f] += g * g;
      w[f] -= options.rate * g / (std::sqrt(squares[f]) + 1e-6f);
    }
  }
  SpeakerRanker model;
  for (const auto& [feature, k] : index) {
    if (std::fabs(w[k]) >= 1e-4f) model.weights_[feature] = w[k];
  }
  return model;
}

}  // namespace bron
