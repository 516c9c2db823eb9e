#include "base/utf8.h"

#include <cstring>

namespace bron {
namespace {

// Length of the well-formed sequence at s[i], or 0 if it is ill-formed (RFC 3629, Unicode Table 3-7).
size_t SequenceLength(const unsigned char* s, size_t i, size_t n) {
  unsigned char c = s[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return i + k < n && (s[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (i + 1 >= n) return 0;
    unsigned char c1 = s[i + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 > 0x9F) return 0;   // surrogates
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (i + 1 >= n) return 0;
    unsigned char c1 = s[i + 1];
    if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
    if (c == 0xF4 && c1 > 0x8F) return 0;   // beyond U+10FFFF
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

bool AllAsciiNoNul(const unsigned char* s, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (s[i] >= 0x80 || s[i] == 0) return false;
  }
  return true;
}

}  // namespace

bool CheckUtf8(std::string_view text, Utf8Problem* problem) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Fast path: 16 ASCII bytes without NUL at a time.
    if (i + 16 <= n && AllAsciiNoNul(s + i, 16)) {
      i += 16;
      continue;
    }
    if (s[i] == 0) {
      *problem = {i, "NUL byte"};
      return false;
    }
    size_t len = SequenceLength(s, i, n);
    if (len == 0) {
      *problem = {i, i + Utf8Length(s[i]) > n && s[i] >= 0xC2 && s[i] <= 0xF4
                         ? "truncated UTF-8 sequence"
                         : "invalid UTF-8 sequence"};
      return false;
    }
    i += len;
  }
  return true;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string RepairUtf8(std::string_view text, size_t* replaced) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  std::string out;
  out.reserve(n);
  size_t count = 0;
  size_t i = 0;
  while (i < n) {
    if (s[i] == 0) {
      out.push_back(' ');
      ++count;
      ++i;
      continue;
    }
    size_t len = SequenceLength(s, i, n);
    if (len == 0) {
      AppendUtf8(0xFFFD, &out);
      ++count;
      // Skip the maximal ill-formed subpart: a lead byte and the continuation bytes that follow it.
      ++i;
      while (i < n && (s[i] & 0xC0) == 0x80) ++i;
      continue;
    }
    out.append(text.data() + i, len);
    i += len;
  }
  if (replaced) *replaced = count;
  return out;
}

size_t CountCodepoints(std::string_view s) {
  size_t count = 0;
  for (unsigned char c : s) count += (c & 0xC0) != 0x80;
  return count;
}

CodepointOffsets::CodepointOffsets(std::string_view text) : text_(text) {
  block_start_.reserve(text.size() / kBlock + 1);
  uint32_t count = 0;
  for (size_t b = 0; b < text.size(); b += kBlock) {
    block_start_.push_back(count);
    size_t end = std::min(text.size(), b + kBlock);
    for (size_t i = b; i < end; ++i) count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  block_start_.push_back(count);
}

uint32_t CodepointOffsets::operator()(uint32_t byte_offset) const {
  uint32_t block = byte_offset / kBlock;
  uint32_t count = block_start_[block];
  for (uint32_t i = block * kBlock; i < byte_offset; ++i) {
    count += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
  }
  return count;
}

}  // namespace bron
