// Fuzzes the WARC/ARC reader (plain and gzip), the HTTP payload decoding (chunks, gzip, deflate) and
// the extraction of each page found: no crash, no hang, and every error names a byte offset.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/html_extract.h"
#include "ingest/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;
  bron::WarcOptions options;
  options.max_record_bytes = 1 << 15;
  auto reader = bron::WarcReader::FromMemory("fuzz", std::string(reinterpret_cast<const char*>(data), size), options);
  bron::WarcRecord record;
  int records = 0;
  while (reader->Next(&record)) {
    if (++records > 10000) std::abort();  // each record consumes input: this many cannot come from 64 KB
    bron::WebPage page;
    std::string skip;
    bron::Status s = bron::RecordToPage(record, "fuzz", &page, &skip);
    if (!s.ok() || !skip.empty()) continue;
    bron::Article article;
    bron::ExtractOptions extract;
    extract.url = page.url;
    extract.content_type = page.content_type;
    bron::ExtractArticle(page.bytes, extract, &article);
  }
  const bron::Status& s = reader->status();
  if (!s.ok() && s.message().find(": byte ") == std::string::npos) std::abort();
  return 0;
}
