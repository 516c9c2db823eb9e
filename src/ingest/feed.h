// RSS (0.9x, 1.0, 2.0) and Atom feeds: the links of their items, in feed order.
//
//   std::vector<FeedItem> items;
//   Status s = ParseFeed(xml_bytes, "https://nos.nl/feeds/nieuws", &items);   // items[0].url, .title, .published
//
// Parsed with libxml2's XML parser in recovery mode, without network access or entity expansion. Relative
// links are resolved against the feed's URL. An error when the bytes are not a feed at all.
#ifndef BRON_INGEST_FEED_H_
#define BRON_INGEST_FEED_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bron/status.h"

namespace bron {

struct FeedItem {
  std::string url;
  std::optional<std::string> title, published;  // published as YYYY-MM-DD
};

Status ParseFeed(std::string_view bytes, const std::string& feed_url, std::vector<FeedItem>* items);

// Whether the start of `bytes` looks like an RSS or Atom document (for responses without a clear type).
bool LooksLikeFeed(std::string_view bytes);

}  // namespace bron

#endif  // BRON_INGEST_FEED_H_
