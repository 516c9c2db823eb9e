// WordClusters: distributional classes of words learnt from unlabelled text (words that occur between
// the same neighbours share a class), at two granularities. They let the tagger and the recogniser
// generalise from a training word to words they never saw annotated. Stored inside the models that use
// them; immutable after loading.
#ifndef BRON_TAG_CLUSTERS_H_
#define BRON_TAG_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "bron/status.h"
#include "model/model_file.h"

namespace bron {

class WordClusters {
 public:
  static constexpr uint16_t kUnknown = 0xFFFF;
  struct Ids {
    uint16_t coarse = kUnknown;
    uint16_t fine = kUnknown;
  };

  void Set(std::string lowered, Ids ids) { ids_[std::move(lowered)] = ids; }
  Ids Find(const std::string& lowered) const {
    auto it = ids_.find(lowered);
    return it == ids_.end() ? Ids{} : it->second;
  }
  size_t size() const { return ids_.size(); }

  void Serialize(ByteWriter& w) const;
  Status Parse(ByteReader& r);

 private:
  std::unordered_map<std::string, Ids> ids_;
};

}  // namespace bron

#endif  // BRON_TAG_CLUSTERS_H_
