// The store's query results as JSON, shared by `bron … --format json` and the HTTP API so that both
// say the same thing in the same shape (docs/store.md).
#ifndef BRON_STORE_STORE_JSON_H_
#define BRON_STORE_STORE_JSON_H_

#include <string>
#include <vector>

#include "io/json_writer.h"
#include "store/store.h"

namespace bron {

void WriteStatsJson(const StoreStats& s, JsonWriter& w);
void WriteDocumentSummaryJson(const DocumentSummary& d, JsonWriter& w);
void WriteSearchHitJson(const SearchHit& h, JsonWriter& w);
void WriteEntitySummaryJson(const EntitySummary& e, JsonWriter& w);
void WriteEntityDetailJson(const EntityDetail& e, JsonWriter& w);
void WriteStorySummaryJson(const StorySummary& s, JsonWriter& w);
void WriteStoryDetailJson(const StoryDetail& s, JsonWriter& w);
void WriteLedgerEntryJson(const LedgerEntry& e, JsonWriter& w);

// An array of items, each written by `write`.
template <typename T, typename F>
void WriteArrayJson(const std::vector<T>& items, F write, JsonWriter& w) {
  w.StartArray();
  for (const T& item : items) write(item, w);
  w.EndArray();
}

}  // namespace bron

#endif  // BRON_STORE_STORE_JSON_H_
