#include "base/huge_pages.h"

#include <sys/mman.h>

#include <cstdlib>

namespace bron {
namespace {

constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kWorthIt = size_t{1} << 20;

}  // namespace

void* AllocateMaybeHuge(size_t bytes) {
  if (bytes < kWorthIt) {
    void* p = std::malloc(bytes ? bytes : 1);
    if (!p) throw std::bad_alloc();
    return p;
  }
  size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  madvise(p, rounded, MADV_HUGEPAGE);  // advice only: without huge pages the memory works the same
#endif
  return p;
}

void FreeMaybeHuge(void* p, size_t) { std::free(p); }

}  // namespace bron
