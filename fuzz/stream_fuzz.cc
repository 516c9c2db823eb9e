// Fuzzes LineStream (JSONL files and standard input, plain or gzip): no crash, no hang, lines within the
// limit are whole, over-long ones are not held, and every error names a byte offset.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ingest/stream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16) || size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  FILE* f = fmemopen(bytes.data(), bytes.size(), "rb");
  if (!f) return 0;
  bron::LineStream in("fuzz", f);
  std::string line;
  bron::LineInfo info;
  uint64_t last_offset = 0;
  const size_t max = 100;
  while (in.Next(&line, max, &info)) {
    if (info.too_long != (info.length > max)) std::abort();
    if (!info.too_long && line.size() != info.length) std::abort();
    if (info.too_long && !line.empty()) std::abort();
    if (info.number > 1 && info.offset <= last_offset) std::abort();  // each line starts after the one before
    last_offset = info.offset;
  }
  const bron::Status& s = in.status();
  if (!s.ok() && s.message().find("fuzz: byte ") != 0) std::abort();
  std::fclose(f);
  return 0;
}
