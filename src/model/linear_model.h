// LinearModel: label scores as sums of sparse per-feature weights. Features are 64-bit hashes (see
// FeatureHash); each feature keeps weights only for the labels it ever voted for, so a model over
// hundreds of labels stays a few megabytes. Immutable after loading; safe to share between threads.
//
//   float scores[n]; std::fill(...0); model.Score(features.data(), features.size(), scores);
#ifndef BRON_MODEL_LINEAR_MODEL_H_
#define BRON_MODEL_LINEAR_MODEL_H_

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bron/status.h"
#include "model/model_file.h"

namespace bron {

// FNV-1a over `s`, seeded with a template id, never 0 (0 marks an empty slot).
inline uint64_t FeatureHash(uint32_t template_id, std::string_view s) {
  uint64_t h = 1469598103934665603ull ^ (uint64_t{template_id} * 0x9E3779B97F4A7C15ull);
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h ? h : 1;
}

// Combines a template id with an already hashed value (cheaper than hashing strings again).
inline uint64_t FeatureMix(uint32_t template_id, uint64_t value) {
  uint64_t h = value ^ (uint64_t{template_id} * 0x9E3779B97F4A7C15ull);
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  return h ? h : 1;
}

class LinearModel {
 public:
  struct Weight {
    uint16_t label;
    float value;
  };

  LinearModel() = default;
  // From trained weights; weights with |value| below `prune` are dropped.
  LinearModel(uint32_t num_labels, const std::unordered_map<uint64_t, std::vector<Weight>>& weights, float prune);

  uint32_t num_labels() const { return num_labels_; }
  size_t num_features() const { return size_; }
  size_t num_weights() const { return labels_.size(); }

  // scores[label] += the weights of every feature found.
  void Score(const uint64_t* features, size_t n, float* scores) const;

  // Weights are stored as int16 with one scale per model: 2 bytes + 2 bytes of label each.
  void Serialize(ByteWriter& w) const;
  Status Parse(ByteReader& r);

 private:
  void Insert(uint64_t key, uint32_t offset, uint16_t count);
  int64_t Find(uint64_t key) const;

  uint32_t num_labels_ = 0;
  size_t size_ = 0;
  std::vector<uint64_t> keys_;     // open addressing, 0 = empty
  std::vector<uint32_t> offsets_;  // per slot: first weight
  std::vector<uint16_t> counts_;   // per slot: number of weights
  std::vector<uint16_t> labels_;
  std::vector<float> values_;
};

}  // namespace bron

#endif  // BRON_MODEL_LINEAR_MODEL_H_
