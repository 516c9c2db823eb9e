// ParseWarc: the documents of a WARC or ARC file in memory (bron analyze; bron ingest streams files).
#include "ingest/warc_reader.h"

namespace bron {

void ParseWarc(const std::string& name, std::string bytes, const ReaderOptions& options,
               const DocumentCallback& on_document, const ErrorCallback& on_error) {
  WarcOptions warc;
  warc.max_record_bytes = options.max_page_bytes;
  std::unique_ptr<WarcReader> reader = WarcReader::FromMemory(name, std::move(bytes), warc);
  WarcRecord record;
  size_t records = 0;
  while (reader->Next(&record)) {
    ++records;
    std::string source = name + ": byte " + std::to_string(record.offset);
    WebPage page;
    std::string skip;
    Status s = RecordToPage(record, source, &page, &skip);
    if (s.ok() && record.too_large) s = Status::InvalidInput(skip + "; skipped");
    if (!s.ok()) {
      on_error(s.WithContext(source));
      continue;
    }
    if (!skip.empty()) continue;
    Document doc;
    s = PageToDocument(std::move(page), options, ExtractOptions{}, &doc);
    if (!s.ok()) {
      on_error(s.WithContext(source + " (" + record.target_uri + ")"));
      continue;
    }
    on_document(std::move(doc));
  }
  if (!reader->status().ok()) on_error(reader->status());
  else if (records == 0) on_error(Status::InvalidInput("empty input: no WARC records").WithContext(name));
}

}  // namespace bron
