// WordClusters: distributional classes of words learnt from unlabelled text (words that occur between
// the same neighbours share a class), at two granularities. They let the tagger and the recogniser
// generalise from a training word to words they never saw annotated. Stored inside the models that use
// them; immutable after loading.
#ifndef BRON_TAG_CLUSTERS_H_
#define BRON_TAG_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bron/status.h"
#include "model/linear_model.h"
#include "model/model_file.h"

namespace bron {

class WordClusters {
 public:
  static constexpr uint16_t kUnknown = 0xFFFF;
  struct Ids {
    uint16_t coarse = kUnknown;
    uint16_t fine = kUnknown;
  };

  void Set(std::string_view lowered, Ids ids);
  Ids Find(std::string_view lowered) const { return FindHashed(FeatureHash(0, lowered)); }
  // The same for the hash FeatureHash(0, lowered) (WordInfo::lower_hash). Words are told apart by this
  // 64-bit hash alone: one probe of a flat table, where a map of strings chases pointers.
  Ids FindHashed(uint64_t hash) const {
    if (slots_.empty()) return Ids{};
    const uint64_t key = KeyOf(hash);
    for (size_t i = key & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].key == key) return slots_[i].ids;
      if (slots_[i].key == 0) return Ids{};
    }
  }
  size_t size() const { return words_.size(); }

  void Serialize(ByteWriter& w) const;
  Status Parse(ByteReader& r);

 private:
  struct Slot {
    uint64_t key = 0;  // 0: empty
    uint32_t word = 0;  // index into words_
    Ids ids;
  };
  static uint64_t KeyOf(uint64_t hash) { return hash == 0 ? 1 : hash; }
  void Grow();
  std::vector<std::string> words_;
  std::vector<Slot> slots_;  // a power of two, at most half full
};

}  // namespace bron

#endif  // BRON_TAG_CLUSTERS_H_
