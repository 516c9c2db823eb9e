// Character sets of web pages: which one a page is in, and its conversion to UTF-8.
//
//   std::string cs = DetectCharset(bytes, "text/html; charset=iso-8859-1");   // => "windows-1252"
//   std::string utf8; bool lossy;
//   ConvertToUtf8(bytes, cs, &utf8, &lossy);
//
// Detection order: a byte order mark, the HTTP Content-Type charset, a <meta charset> or
// <meta http-equiv> in the first 4 KB, then the bytes themselves (valid UTF-8, else windows-1252, which
// is what browsers assume for Western pages). A declared charset that the bytes contradict (a page that
// says UTF-8 and is not) is overruled the same way. Thread-safe; no state.
#ifndef BRON_INGEST_CHARSET_H_
#define BRON_INGEST_CHARSET_H_

#include <string>
#include <string_view>

namespace bron {

// A lower-case charset name iconv knows ("utf-8", "windows-1252", "shift_jis", ...).
std::string DetectCharset(std::string_view bytes, std::string_view content_type = {});

// Converts `bytes` from `charset` to UTF-8 in `*out`. Bytes that cannot be converted become U+FFFD and
// set `*lossy`; an unknown charset is read as windows-1252. Never fails.
void ConvertToUtf8(std::string_view bytes, const std::string& charset, std::string* out, bool* lossy);

// The charset parameter of a Content-Type value, lower-cased, or "" ("text/html; charset=UTF-8" => "utf-8").
std::string CharsetParameter(std::string_view content_type);

}  // namespace bron

#endif  // BRON_INGEST_CHARSET_H_
