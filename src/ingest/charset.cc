#include "ingest/charset.h"

#include <iconv.h>

#include <cctype>
#include <cerrno>

#include "base/utf8.h"

namespace bron {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// Names pages use for the charsets browsers treat alike (WHATWG Encoding: latin1 means windows-1252).
std::string Canonical(std::string name) {
  while (!name.empty() && (name.back() == ' ' || name.back() == '"' || name.back() == '\'' || name.back() == ';')) {
    name.pop_back();
  }
  size_t i = 0;
  while (i < name.size() && (name[i] == ' ' || name[i] == '"' || name[i] == '\'')) ++i;
  name = LowerCopy(name.substr(i));
  if (name == "utf8" || name == "unicode-1-1-utf-8") return "utf-8";
  if (name == "iso-8859-1" || name == "latin1" || name == "iso8859-1" || name == "us-ascii" || name == "ascii" ||
      name == "iso_8859-1" || name == "cp1252" || name == "l1") {
    return "windows-1252";
  }
  if (name == "iso-8859-9" || name == "latin5") return "windows-1254";
  if (name == "gb2312" || name == "gbk" || name == "x-gbk") return "gb18030";
  if (name == "x-sjis" || name == "sjis") return "shift_jis";
  return name;
}

// The value of charset= in `s` (an attribute or header value), or "".
std::string FindCharsetValue(std::string_view s) {
  std::string lower = LowerCopy(s);
  size_t at = lower.find("charset");
  if (at == std::string::npos) return "";
  size_t i = at + 7;
  while (i < lower.size() && lower[i] == ' ') ++i;
  if (i >= lower.size() || lower[i] != '=') return "";
  ++i;
  while (i < lower.size() && (lower[i] == ' ' || lower[i] == '"' || lower[i] == '\'')) ++i;
  size_t end = i;
  while (end < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[end])) || lower[end] == '-' ||
                                lower[end] == '_' || lower[end] == ':' || lower[end] == '.')) {
    ++end;
  }
  return lower.substr(i, end - i);
}

// A charset declared by a <meta> tag in the first 4 KB of the page.
std::string MetaCharset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  size_t pos = 0;
  while (pos < head.size()) {
    size_t lt = head.find('<', pos);
    if (lt == std::string_view::npos || lt + 5 > head.size()) break;
    pos = lt + 1;
    if (Lower(head[lt + 1]) != 'm' || Lower(head[lt + 2]) != 'e' || Lower(head[lt + 3]) != 't' ||
        Lower(head[lt + 4]) != 'a') {
      continue;
    }
    size_t gt = head.find('>', lt);
    std::string_view tag = head.substr(lt, gt == std::string_view::npos ? std::string_view::npos : gt - lt);
    std::string value = FindCharsetValue(tag);
    if (!value.empty()) return value;
  }
  return "";
}

}  // namespace

std::string CharsetParameter(std::string_view content_type) { return FindCharsetValue(content_type); }

std::string DetectCharset(std::string_view bytes, std::string_view content_type) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
  if (bytes.substr(0, 2) == "\xFF\xFE") return "utf-16le";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "utf-16be";
  std::string declared = CharsetParameter(content_type);
  if (declared.empty()) declared = MetaCharset(bytes);
  declared = Canonical(declared);
  // A page that declares a single-byte charset but is valid UTF-8 with non-ASCII bytes is UTF-8 (pages
  // are re-encoded by servers and CMSs far more often than their templates are fixed).
  Utf8Problem problem;
  bool valid_utf8 = CheckUtf8(bytes, &problem) || std::string_view(problem.what) == "NUL byte";
  if (declared == "utf-16" || declared == "utf-16le" || declared == "utf-16be") declared.clear();  // not in 8-bit bytes
  if (declared.empty() || declared == "utf-8" || declared == "windows-1252") {
    return valid_utf8 ? "utf-8" : "windows-1252";
  }
  return declared;
}

void ConvertToUtf8(std::string_view bytes, const std::string& charset, std::string* out, bool* lossy) {
  *lossy = false;
  out->clear();
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (charset == "utf-8") {
    Utf8Problem problem;
    if (CheckUtf8(bytes, &problem)) {
      out->assign(bytes);
    } else {
      size_t replaced = 0;
      *out = RepairUtf8(bytes, &replaced);
      *lossy = replaced > 0;
    }
    return;
  }
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) cd = iconv_open("UTF-8", "WINDOWS-1252");
  if (cd == reinterpret_cast<iconv_t>(-1)) {  // no iconv tables at all: keep what is valid
    size_t replaced = 0;
    *out = RepairUtf8(bytes, &replaced);
    *lossy = replaced > 0;
    return;
  }
  out->reserve(bytes.size() + bytes.size() / 4);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char buffer[16384];
  while (in_left > 0) {
    char* o = buffer;
    size_t o_left = sizeof(buffer);
    size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out->append(buffer, o - buffer);
    if (r == static_cast<size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ or EINVAL (cut at the end): one byte becomes U+FFFD and conversion goes on.
      out->append("\xEF\xBF\xBD");
      *lossy = true;
      ++in;
      --in_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  iconv_close(cd);
  // iconv passes NUL bytes through; the rest of bron expects none.
  for (char& c : *out) {
    if (c == '\0') c = ' ';
  }
}

}  // namespace bron
