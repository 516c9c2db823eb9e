#include "train/perceptron.h"

namespace bron {

void AveragedPerceptron::Score(const std::vector<uint64_t>& features, float* scores) const {
  for (uint64_t f : features) {
    auto it = weights_.find(f);
    if (it == weights_.end()) continue;
    for (const Weight& w : it->second) scores[w.label] += w.value;
  }
}

AveragedPerceptron::Weight& AveragedPerceptron::At(uint64_t feature, uint32_t label) {
  std::vector<Weight>& list = weights_[feature];
  for (Weight& w : list) {
    if (w.label == label) return w;
  }
  list.push_back(Weight{static_cast<uint16_t>(label)});
  list.back().stamp = time_;
  return list.back();
}

void AveragedPerceptron::Update(const std::vector<uint64_t>& features, uint32_t truth, uint32_t guess,
                                float amount) {
  if (truth == guess) return;
  for (uint64_t f : features) {
    for (auto [label, delta] : {std::pair{truth, amount}, std::pair{guess, -amount}}) {
      Weight& w = At(f, label);
      w.total += static_cast<double>(time_ - w.stamp) * w.value;
      w.stamp = time_;
      w.value += delta;
    }
  }
}

LinearModel AveragedPerceptron::Average(float prune, uint32_t min_count) const {
  return LinearModel(num_labels_, AveragedWeights(min_count), prune);
}

std::unordered_map<uint64_t, std::vector<LinearModel::Weight>> AveragedPerceptron::AveragedWeights(
    uint32_t min_count) const {
  std::unordered_map<uint64_t, std::vector<LinearModel::Weight>> averaged;
  double t = static_cast<double>(std::max<int64_t>(time_, 1));
  for (const auto& [feature, list] : weights_) {
    if (min_count > 0 && !counts_.empty()) {
      auto c = counts_.find(feature);
      if (c == counts_.end() || c->second < min_count) continue;
    }
    std::vector<LinearModel::Weight>& out = averaged[feature];
    for (const Weight& w : list) {
      double total = w.total + static_cast<double>(time_ - w.stamp) * w.value;
      out.push_back({w.label, static_cast<float>(total / t)});
    }
  }
  return averaged;
}

}  // namespace bron
