// Fuzzes the RSS/Atom feed reader: no crash, and every item it returns has a URL.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/feed.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<bron::FeedItem> items;
  bron::Status s = bron::ParseFeed(bytes, "https://example.org/feed/", &items);
  if (!s.ok() && !items.empty()) std::abort();
  for (const auto& item : items) {
    if (item.url.empty()) std::abort();
  }
  bron::LooksLikeFeed(bytes);
  return 0;
}
