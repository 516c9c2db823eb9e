// UTF-8 helpers: validation with the offset of the first bad byte, lenient repair, decoding of text
// already known to be valid, and the byte -> code point offset map the bron/1 writers need.
#ifndef BRON_BASE_UTF8_H_
#define BRON_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bron {

struct Utf8Problem {
  size_t offset;        // byte offset of the first bad byte
  const char* what;     // "invalid UTF-8 sequence", "NUL byte", ...
};

// Returns true when `s` is well-formed UTF-8 without NUL bytes; otherwise fills `problem`.
bool CheckUtf8(std::string_view s, Utf8Problem* problem);

// Returns `s` with every ill-formed sequence replaced by U+FFFD and every NUL by a space.
// Counts the replacements in `*replaced` when given.
std::string RepairUtf8(std::string_view s, size_t* replaced = nullptr);

// Decodes the code point at `p` of valid UTF-8 and advances `p` past it.
inline char32_t DecodeUtf8(const char*& p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  if (u[0] < 0x80) { p += 1; return u[0]; }
  if (u[0] < 0xE0) { p += 2; return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu); }
  if (u[0] < 0xF0) { p += 3; return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu); }
  p += 4;
  return ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) | (u[3] & 0x3Fu);
}

// Number of bytes of the UTF-8 sequence that starts with `lead`.
inline int Utf8Length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

void AppendUtf8(char32_t cp, std::string* out);

// Maps byte offsets of a valid UTF-8 text to code point offsets in O(1) memory per 64 bytes and
// O(64) time per lookup. The text must outlive the map.
class CodepointOffsets {
 public:
  explicit CodepointOffsets(std::string_view text);
  uint32_t operator()(uint32_t byte_offset) const;

 private:
  static constexpr uint32_t kBlock = 64;
  std::string_view text_;
  std::vector<uint32_t> block_start_;  // code points before byte kBlock * i
};

// Code point count of valid UTF-8.
size_t CountCodepoints(std::string_view s);

}  // namespace bron

#endif  // BRON_BASE_UTF8_H_
