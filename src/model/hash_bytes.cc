#include "model/hash_bytes.h"

namespace bron {

void HashBytes::reserve(size_t n) {
  size_t capacity = 16;
  while (capacity < n * 2) capacity <<= 1;  // at most half full: short probes
  if (capacity <= entries_.size()) return;
  std::vector<Entry> old = std::move(entries_);
  entries_.assign(capacity, Entry{});
  size_ = 0;
  for (const Entry& e : old) {
    if (e.bits) Or(e.key, e.bits);
  }
}

void HashBytes::Or(uint32_t key, uint8_t bits) {
  if (bits == 0) return;
  if ((size_ + 1) * 2 > entries_.size()) reserve(size_ + 1);
  for (size_t i = Home(key);; i = (i + 1) & (entries_.size() - 1)) {
    Entry& e = entries_[i];
    if (e.bits == 0) {
      e = {key, bits};
      ++size_;
      return;
    }
    if (e.key == key) {
      e.bits |= bits;
      return;
    }
  }
}

std::vector<std::pair<uint32_t, uint8_t>> HashBytes::Items() const {
  std::vector<std::pair<uint32_t, uint8_t>> items;
  items.reserve(size_);
  for (const Entry& e : entries_) {
    if (e.bits) items.emplace_back(e.key, e.bits);
  }
  return items;
}

}  // namespace bron
