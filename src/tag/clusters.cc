#include "tag/clusters.h"

#include <algorithm>
#include <vector>

namespace bron {

void WordClusters::Set(std::string_view lowered, Ids ids) {
  if ((words_.size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t key = KeyOf(FeatureHash(0, lowered));
  size_t i = key & (slots_.size() - 1);
  while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & (slots_.size() - 1);
  if (slots_[i].key == 0) {
    slots_[i].key = key;
    slots_[i].word = static_cast<uint32_t>(words_.size());
    words_.emplace_back(lowered);
  }
  slots_[i].ids = ids;
}

void WordClusters::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<size_t>(64, old.size() * 2), Slot());
  for (const Slot& s : old) {
    if (s.key == 0) continue;
    size_t i = s.key & (slots_.size() - 1);
    while (slots_[i].key != 0) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = s;
  }
}

void WordClusters::Serialize(ByteWriter& w) const {
  std::vector<std::pair<std::string_view, Ids>> sorted;
  for (const Slot& s : slots_) {
    if (s.key != 0) sorted.emplace_back(words_[s.word], s.ids);
  }
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.U64(sorted.size());
  for (const auto& [word, ids] : sorted) {
    w.String(word);
    w.U16(ids.coarse);
    w.U16(ids.fine);
  }
}

Status WordClusters::Parse(ByteReader& r) {
  *this = WordClusters();
  uint64_t n = r.Count(8);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) {
    std::string_view word = r.String();
    Ids ids;
    ids.coarse = r.U16();
    ids.fine = r.U16();
    if (!r.failed()) Set(word, ids);
  }
  if (r.failed()) return Status::InvalidInput("truncated word clusters");
  return Status::Ok();
}

}  // namespace bron
