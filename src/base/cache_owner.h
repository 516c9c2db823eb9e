// NewCacheOwnerId: a number no other object of this process gets. Immutable objects that keep per-thread
// caches (a model's word rows, a lemmatizer's lemmas) key them by it, not by their address, which a
// later object may reuse.
#ifndef BRON_BASE_CACHE_OWNER_H_
#define BRON_BASE_CACHE_OWNER_H_

#include <atomic>
#include <cstdint>

namespace bron {

inline uint64_t NewCacheOwnerId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace bron

#endif  // BRON_BASE_CACHE_OWNER_H_
