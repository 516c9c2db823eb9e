#include "ingest/gzip.h"

#include <zlib.h>

namespace bron {

bool IsGzip(std::string_view b) { return b.size() >= 2 && b[0] == '\x1f' && b[1] == '\x8b'; }

Status Gunzip(std::string_view in, size_t max_output, std::string* out, bool raw_or_zlib) {
  out->clear();
  size_t pos = 0;
  char buffer[65536];
  bool first = true;
  while (pos < in.size()) {
    if (!raw_or_zlib && !IsGzip(in.substr(pos))) {
      if (first) return Status::InvalidInput("byte 0: not gzip data");
      return Status::InvalidInput("byte " + std::to_string(pos) + ": data after the last gzip member is not gzip");
    }
    z_stream z{};
    // 16+: gzip only; 32+: zlib or gzip by header. Raw deflate is tried when the zlib header is wrong.
    int window = raw_or_zlib ? (in.size() - pos >= 2 && (static_cast<unsigned char>(in[pos]) & 0x0f) == 8 &&
                                        ((static_cast<unsigned char>(in[pos]) << 8) | static_cast<unsigned char>(in[pos + 1])) % 31 == 0
                                    ? 15
                                    : -15)
                             : 16 + 15;
    if (inflateInit2(&z, window) != Z_OK) return Status::Internal("zlib could not be initialised");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + pos));
    z.avail_in = static_cast<uInt>(std::min<size_t>(in.size() - pos, UINT32_MAX));
    int r = Z_OK;
    while (r == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof(buffer);
      r = inflate(&z, Z_NO_FLUSH);
      size_t produced = sizeof(buffer) - z.avail_out;
      if (out->size() + produced > max_output) {
        inflateEnd(&z);
        return Status::InvalidInput("decompressed data exceeds the limit of " + std::to_string(max_output) + " bytes");
      }
      out->append(buffer, produced);
      if (r == Z_BUF_ERROR && z.avail_in == 0) break;
      if (r == Z_BUF_ERROR && z.avail_out == 0) r = Z_OK;
    }
    size_t consumed = static_cast<size_t>(z.next_in - reinterpret_cast<const Bytef*>(in.data()));
    inflateEnd(&z);
    if (r != Z_STREAM_END) {
      if (r == Z_BUF_ERROR || r == Z_OK) {
        return Status::InvalidInput("byte " + std::to_string(consumed) + ": compressed data ends in the middle");
      }
      return Status::InvalidInput("byte " + std::to_string(consumed) + ": corrupt compressed data");
    }
    pos = consumed;
    first = false;
    if (raw_or_zlib) break;
  }
  return Status::Ok();
}

}  // namespace bron
