// HashBytes: a set of bits per 32-bit hash (name lists: which kinds of name a word or a phrase is),
// in one flat open-addressed array. The recogniser looks up every n-gram of every sentence in it;
// a node-based map costs a cache miss and a pointer chase per look-up, this costs one miss.
#ifndef BRON_MODEL_HASH_BYTES_H_
#define BRON_MODEL_HASH_BYTES_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace bron {

class HashBytes {
 public:
  // bits |= `bits` for `key`; a key whose bits are 0 is absent.
  void Or(uint32_t key, uint8_t bits);
  uint8_t Get(uint32_t key) const {
    if (entries_.empty()) return 0;
    for (size_t i = Home(key);; i = (i + 1) & (entries_.size() - 1)) {
      const Entry& e = entries_[i];
      if (e.bits == 0) return 0;
      if (e.key == key) return e.bits;
    }
  }
  void Prefetch(uint32_t key) const {
    if (!entries_.empty()) __builtin_prefetch(&entries_[Home(key)]);
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() { *this = HashBytes(); }
  void reserve(size_t n);
  std::vector<std::pair<uint32_t, uint8_t>> Items() const;  // in no particular order

 private:
  struct Entry {
    uint32_t key = 0;
    uint8_t bits = 0;  // 0 = empty
  };
  size_t Home(uint32_t key) const { return (key * 0x9E3779B1u) & (entries_.size() - 1); }
  std::vector<Entry> entries_;
  size_t size_ = 0;
};

}  // namespace bron

#endif  // BRON_MODEL_HASH_BYTES_H_
