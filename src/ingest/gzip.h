// gzip and zlib data in memory.
//
//   std::string out;
//   Status s = Gunzip(bytes, 64 << 20, &out);   // every member of a multi-member file, in order
//
// On damage (a truncated member, a bad checksum, garbage after the last member) `out` keeps what was
// decoded before it and the error names the byte offset in the compressed input.
#ifndef BRON_INGEST_GZIP_H_
#define BRON_INGEST_GZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "bron/status.h"

namespace bron {

bool IsGzip(std::string_view bytes);

// Decodes gzip (all members) or, with `raw_or_zlib`, a zlib or raw deflate stream (HTTP's "deflate").
// Output beyond `max_output` bytes is an error.
Status Gunzip(std::string_view in, size_t max_output, std::string* out, bool raw_or_zlib = false);

}  // namespace bron

#endif  // BRON_INGEST_GZIP_H_
