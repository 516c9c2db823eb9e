// LinearModel: label scores as sums of sparse per-feature weights. Features are 64-bit hashes (see
// FeatureHash); each feature keeps weights only for the labels it ever voted for, so a model over
// hundreds of labels stays a few megabytes. Immutable after loading; safe to share between threads.
//
//   float scores[n]; std::fill(...0); model.Score(features.data(), features.size(), scores);
#ifndef BRON_MODEL_LINEAR_MODEL_H_
#define BRON_MODEL_LINEAR_MODEL_H_

#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/cache_owner.h"
#include "base/huge_pages.h"
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
  size_t num_weights() const { return num_weights_; }

  // scores[label] += the weights of every feature found.
  void Score(const uint64_t* features, size_t n, float* scores) const;
  // The same for `scores` all zero on entry, when the first `prefix` features depend on one word alone
  // (`word`, a hash of it): their sum is kept per word, in a cache of the calling thread, and added as
  // one row the next time. The result is the same bit for bit, cached or not: the kept row is the very
  // partial sum Score builds first.
  void ScoreCached(uint64_t word, const uint64_t* features, size_t prefix, size_t n, float* scores) const;

  // Format version 3 (docs/model-format.md): keys cut to kKeyBits and sorted, stored as varint gaps;
  // per feature a varint count, a scale (a power of 2^(1/4)) and the labels as varint gaps; weights as
  // int8 multiples of the scale, those that round to 0 dropped. The error of a weight is at most
  // kMaxRelativeError times the largest weight of its feature. `file_version` selects the reader.
  static constexpr int kKeyBits = 40;
  static constexpr float kMaxRelativeError = 1.19f / 254;  // half a step; a step is at most 2^(1/4) × max/127
  void Serialize(ByteWriter& w) const;
  Status Parse(ByteReader& r, uint32_t file_version);

  // The weights of one feature as read (for tests and tools); empty if the feature is absent.
  std::vector<Weight> WeightsOf(uint64_t feature) const;

 private:
  // A feature's weights in memory: its scale and count, then per label a multiple of the scale in
  // sixteen bits. Four bytes a weight instead of eight: the scatter in Score reads half as many cache
  // lines. Weights read from a file (eight bits) are exactly what they were.
  struct Packed {
    uint16_t label;
    int16_t q;
  };
  static float ScaleAt(const Packed* head) {
    float scale;
    std::memcpy(&scale, head, sizeof scale);
    return scale;
  }
  // Appends a feature's weights and its slot; false if the key is there already or the model has
  // outgrown kMaxRef.
  bool Append(uint64_t key, float scale, const std::vector<Packed>& weights);
  bool Insert(uint64_t key, bool dense, size_t ref);
  uint64_t Find(uint64_t key) const;  // the slot, 0 if absent
  static size_t TableSize(size_t n);
  Status ParseV2(ByteReader& r);

  // One slot per feature, eight bytes, open addressing: its key in the low kKeyBits bits (never 0: an
  // empty slot is 0), a bit that says the feature is a dense row, and its row or where its weights
  // start in packed_ (a scale, the count, then the weights). A table half the size of one with
  // 64-bit keys and a separate offset: more of it stays in the processor's caches.
  static constexpr uint64_t kCutMask = (uint64_t{1} << kKeyBits) - 1;
  static constexpr uint64_t kDenseBit = uint64_t{1} << kKeyBits;
  static constexpr size_t kMaxRef = (size_t{1} << (63 - kKeyBits)) - 1;
  static uint64_t CutKey(uint64_t feature) {
    const uint64_t k = feature & kCutMask;
    return k ? k : 1;
  }
  static uint64_t MakeSlot(uint64_t key, bool dense, size_t ref) {
    return key | (dense ? kDenseBit : 0) | (uint64_t{ref} << (kKeyBits + 1));
  }
  static uint64_t KeyOf(uint64_t slot) { return slot & kCutMask; }
  static bool IsDense(uint64_t slot) { return slot & kDenseBit; }
  static size_t RefOf(uint64_t slot) { return slot >> (kKeyBits + 1); }

  uint64_t id_ = NewCacheOwnerId();  // names the model in the per-thread word caches
  uint32_t num_labels_ = 0;
  size_t size_ = 0;
  // A feature that votes for a good share of the labels (a suffix, the bias) is faster added as a
  // whole row in vector instructions than weight by weight; most features vote for a few.
  static constexpr uint32_t kDenseShare = 4;  // dense when count * kDenseShare >= labels
  static constexpr uint32_t kDenseMinLabels = 32;
  void MakeDenseRows();  // after the weights are in place
  std::vector<uint64_t, HugePageAllocator<uint64_t>> slots_;
  std::vector<Packed, HugePageAllocator<Packed>> packed_;  // per sparse feature: scale, count, weights
  size_t num_weights_ = 0;
  size_t row_stride_ = 0;     // floats per dense row: num_labels_ rounded up to a cache line
  std::vector<float, HugePageAllocator<float>> dense_;  // the rows of the dense features
};

}  // namespace bron

#endif  // BRON_MODEL_LINEAR_MODEL_H_
