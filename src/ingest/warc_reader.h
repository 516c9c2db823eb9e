// WARC (1.0, 1.1) and ARC (v1) files, plain or gzip (one member per record or the whole file), read as a
// stream of records with bounded memory: one record at a time, never the whole file.
//
//   std::unique_ptr<WarcReader> r;
//   Status s = WarcReader::Open("cc-news.warc.gz", WarcOptions{}, &r);
//   WarcRecord rec;
//   while (r->Next(&rec)) { WebPage page; if (RecordToPage(rec, &page, &why).ok()) ... }
//   if (!r->status().ok()) ...   // "cc-news.warc.gz: byte 81920: record cut short (...)"; records before it were given
//
// A damaged file (cut in a record, bad headers, corrupt gzip, garbage after the last member) ends the
// stream with an error naming the byte offset: of the record in a plain file, of the gzip member in a
// compressed one (what CDX indexes use), or of the corrupt compressed byte.
#ifndef BRON_INGEST_WARC_READER_H_
#define BRON_INGEST_WARC_READER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "bron/status.h"
#include "ingest/page.h"

namespace bron {

struct WarcOptions {
  size_t max_record_bytes = size_t{50} << 20;  // larger record blocks are skipped (too_large), not held
};

struct WarcRecord {
  uint64_t offset = 0;       // see the header comment
  std::string type;          // WARC-Type ("response", "resource", "request", "warcinfo", …); ARC: "arc"
  std::string target_uri;    // WARC-Target-URI (ARC: the URL field)
  std::string date;          // WARC-Date as given (ARC: YYYYMMDDhhmmss)
  std::string content_type;  // of the block ("application/http; msgtype=response", "text/html")
  uint64_t length = 0;       // Content-Length of the block
  bool too_large = false;    // the block was longer than max_record_bytes and was skipped: `block` is empty
  std::string block;
};

class WarcReader {
 public:
  // Opens a file ("-" reads standard input). Gzip is recognised by its magic bytes.
  static Status Open(const std::string& path, const WarcOptions& options, std::unique_ptr<WarcReader>* out);
  // Reads an open stream and closes it at the end (standard input after sniffing: ingest/stream.h).
  static std::unique_ptr<WarcReader> FromFile(const std::string& name, FILE* file, const WarcOptions& options);
  // Reads from memory (tests, fuzzers, bron analyze). `name` is used in messages.
  static std::unique_ptr<WarcReader> FromMemory(const std::string& name, std::string bytes, const WarcOptions& options);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // The next record: true, or false at the end of the input or at damage (then status() is an error).
  bool Next(WarcRecord* record);
  const Status& status() const { return status_; }
  // Bytes of the file consumed so far (compressed bytes for gzip), for progress.
  uint64_t position() const { return raw_offset_; }
  const std::string& name() const { return name_; }

 private:
  WarcReader(std::string name, FILE* file, bool owns, const WarcOptions& options);
  bool Fill();                   // more decoded bytes into buffer_; false at the end or on error
  bool ReadLine(std::string* line, size_t max);
  bool ReadBytes(uint64_t n, std::string* out);  // out == nullptr skips
  uint64_t OffsetHere() const;   // record offset for the next unread byte
  bool Fail(uint64_t offset, const std::string& what);
  bool ReadWarcRecord(const std::string& first_line, uint64_t offset, WarcRecord* record);
  bool ReadArcRecord(const std::string& first_line, uint64_t offset, WarcRecord* record);

  std::string name_;
  FILE* file_;
  bool owns_file_;
  WarcOptions options_;
  Status status_;
  bool gzip_ = false, eof_ = false, started_ = false, arc_ = false;
  struct Inflater;
  std::unique_ptr<Inflater> inflater_;
  std::vector<char> raw_;  // compressed bytes read but not yet decoded: raw_[raw_pos_, raw_end_)
  size_t raw_pos_ = 0, raw_end_ = 0;
  uint64_t raw_offset_ = 0;  // file offset of raw_[raw_pos_]
  std::string buffer_;      // decoded bytes not yet consumed: buffer_[pos_, end)
  size_t pos_ = 0;
  uint64_t decoded_ = 0;    // decoded offset of buffer_[pos_]
  // Gzip members that start in the decoded data not yet consumed: (decoded offset, file offset).
  std::vector<std::pair<uint64_t, uint64_t>> members_;
  std::unique_ptr<std::string> memory_;  // the bytes of FromMemory, read through fmemopen
};

// The HTML page in a record (a 2xx HTTP response, or a resource record of an HTML type), with chunked
// transfer encoding and gzip/deflate content encoding undone. Returns an error for damage and sets
// `*skip_reason` (and returns ok) for records that are simply not HTML pages.
Status RecordToPage(const WarcRecord& record, const std::string& source, WebPage* page, std::string* skip_reason);

// The reader for `--input warc` on bytes in memory: each HTML page of `bytes` as a Document. Records that
// are not HTML pages are passed over in silence; damage and pages that cannot be read go to `on_error`.
void ParseWarc(const std::string& name, std::string bytes, const ReaderOptions& options,
               const DocumentCallback& on_document, const ErrorCallback& on_error);

// A WARC-Date or ARC date as YYYY-MM-DD, or "".
std::string WarcDateToIso(std::string_view date);

}  // namespace bron

#endif  // BRON_INGEST_WARC_READER_H_
