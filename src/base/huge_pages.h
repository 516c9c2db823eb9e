// HugePageAllocator: for the big tables read at random (model weights). With 4 KiB pages nearly every
// look-up into a table of megabytes also misses the TLB, and under virtualisation a page walk costs
// several memory reads; arrays of 1 MiB or more are aligned to 2 MiB and marked for transparent huge
// pages (madvise), so one TLB entry covers 512 times as much. Where the kernel gives none, nothing changes.
#ifndef BRON_BASE_HUGE_PAGES_H_
#define BRON_BASE_HUGE_PAGES_H_

#include <cstddef>
#include <new>

namespace bron {

void* AllocateMaybeHuge(size_t bytes);
void FreeMaybeHuge(void* p, size_t bytes);

template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n) { return static_cast<T*>(AllocateMaybeHuge(n * sizeof(T))); }
  void deallocate(T* p, size_t n) { FreeMaybeHuge(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};

}  // namespace bron

#endif  // BRON_BASE_HUGE_PAGES_H_
