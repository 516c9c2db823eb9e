// Reading an input as a stream with bounded memory: plain or gzip (every member, undone in 64 KiB chunks
// through zlib), a line at a time; and standard input given back after its head was sniffed.
//
//   LineStream in("news.jsonl.gz", file);
//   std::string line;
//   LineInfo info;
//   while (in.Next(&line, max_bytes, &info)) { if (info.too_long) ...; else use(line); }
//   if (!in.status().ok()) ...   // "news.jsonl.gz: byte 81920: corrupt compressed data"
//
// A line longer than the limit is passed over without being held (only its length is told).
#ifndef BRON_INGEST_STREAM_H_
#define BRON_INGEST_STREAM_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "bron/status.h"

namespace bron {

struct LineInfo {
  uint64_t number = 0;  // 1-based
  uint64_t offset = 0;  // of its first byte in the (decompressed) data
  uint64_t length = 0;  // without the line break
  bool too_long = false;  // longer than the limit: the line was skipped and `*line` is empty
};

class LineStream {
 public:
  // Reads `file` (not closed here); gzip is recognised by its magic bytes. `name` is for messages.
  LineStream(std::string name, FILE* file);
  ~LineStream();
  LineStream(const LineStream&) = delete;
  LineStream& operator=(const LineStream&) = delete;

  // The next line without its "\n" (or "\r\n"); false at the end or at damage (then status() is an error).
  bool Next(std::string* line, size_t max, LineInfo* info);
  const Status& status() const { return status_; }
  bool gzip() const { return gzip_; }
  uint64_t position() const { return raw_offset_; }  // bytes of the file consumed (compressed ones for gzip)

 private:
  bool Fill();  // more decoded bytes at the end of buffer_; false at the end or on error
  bool Fail(uint64_t offset, const std::string& what);

  std::string name_;
  FILE* file_;
  Status status_;
  bool started_ = false, gzip_ = false, eof_ = false, in_member_ = false;
  struct Inflater;
  std::unique_ptr<Inflater> inflater_;
  std::vector<char> raw_;
  size_t raw_pos_ = 0, raw_end_ = 0;
  uint64_t raw_offset_ = 0;  // file offset of raw_[raw_pos_]
  std::string buffer_;       // decoded, not yet consumed: buffer_[pos_, end)
  size_t pos_ = 0;
  uint64_t decoded_ = 0;     // decoded offset of buffer_[pos_]
  uint64_t lines_ = 0;
};

// A FILE* that gives `head` first and then the rest of `rest` (standard input after sniffing its first
// bytes). Closing it does not close `rest`. Null when the stream cannot be made.
FILE* ReplayThenRead(std::string head, FILE* rest);

// Up to `max` bytes from `file` into `out` (appended); an error when there are more.
Status ReadUpTo(FILE* file, size_t max, std::string* out);

}  // namespace bron

#endif  // BRON_INGEST_STREAM_H_
