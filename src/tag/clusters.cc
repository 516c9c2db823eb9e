#include "tag/clusters.h"

#include <algorithm>
#include <vector>

namespace bron {

void WordClusters::Serialize(ByteWriter& w) const {
  std::vector<std::pair<std::string, Ids>> sorted(ids_.begin(), ids_.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.U64(sorted.size());
  for (const auto& [word, ids] : sorted) {
    w.String(word);
    w.U16(ids.coarse);
    w.U16(ids.fine);
  }
}

Status WordClusters::Parse(ByteReader& r) {
  ids_.clear();
  uint64_t n = r.Count(8);
  ids_.reserve(n);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) {
    std::string word(r.String());
    Ids ids;
    ids.coarse = r.U16();
    ids.fine = r.U16();
    ids_[std::move(word)] = ids;
  }
  if (r.failed()) return Status::InvalidInput("truncated word clusters");
  return Status::Ok();
}

}  // namespace bron
