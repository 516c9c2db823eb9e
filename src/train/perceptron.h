// AveragedPerceptron: the trainer behind bron's taggers. Sparse weights per feature; averaging with
// the usual lazy timestamps, so an update costs only the weights it touches.
#ifndef BRON_TRAIN_PERCEPTRON_H_
#define BRON_TRAIN_PERCEPTRON_H_

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "model/linear_model.h"

namespace bron {

class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(uint32_t num_labels) : num_labels_(num_labels) {}

  void Score(const std::vector<uint64_t>& features, float* scores) const;
  // Moves weight from `guess` to `truth` for these features (no-op when equal).
  void Update(const std::vector<uint64_t>& features, uint32_t truth, uint32_t guess, float amount = 1.0f);
  // Adds `delta` to one weight (structured updates: transitions, single positions).
  void AddWeight(uint64_t feature, uint32_t label, float delta) {
    Weight& w = At(feature, label);
    w.total += static_cast<double>(time_ - w.stamp) * w.value;
    w.stamp = time_;
    w.value += delta;
  }
  // Call once per training example, after its update.
  void Tick() { ++time_; }
  // Counts a feature occurrence (call for every feature of every example in one epoch).
  void Count(const std::vector<uint64_t>& features) {
    for (uint64_t f : features) ++counts_[f];
  }
  // The averaged weights as a model, without weights below `prune` and without features counted
  // fewer than `min_count` times (when counted at all): rare features are most of a model's size.
  LinearModel Average(float prune, uint32_t min_count = 0) const;
  // The same averaged weights before they become a model (to combine several runs).
  std::unordered_map<uint64_t, std::vector<LinearModel::Weight>> AveragedWeights(uint32_t min_count = 0) const;
  uint32_t num_labels() const { return num_labels_; }

 private:
  struct Weight {
    uint16_t label;
    float value = 0;
    double total = 0;   // sum of value over time, up to `stamp`
    int64_t stamp = 0;
  };
  Weight& At(uint64_t feature, uint32_t label);

  uint32_t num_labels_;
  int64_t time_ = 0;
  std::unordered_map<uint64_t, std::vector<Weight>> weights_;
  std::unordered_map<uint64_t, uint32_t> counts_;
};

}  // namespace bron

#endif  // BRON_TRAIN_PERCEPTRON_H_
