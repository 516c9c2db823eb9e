// Fuzzes HTML extraction (charset detection and conversion, libxml2's parser, cleaning, scoring,
// metadata with JSON-LD and dates): no crash, valid UTF-8 out, and the text never holds a NUL byte.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/utf8.h"
#include "ingest/html_extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  bron::Article article;
  bron::ExtractOptions options;
  options.url = "https://example.org/2024/05/01/page";
  bron::Status s = bron::ExtractArticle(bytes, options, &article);
  bron::Utf8Problem problem;
  if (s.ok() && !bron::CheckUtf8(article.text, &problem)) std::abort();
  for (const auto& field : {article.title, article.author, article.published, article.site}) {
    if (field && !bron::CheckUtf8(*field, &problem) && std::string_view(problem.what) != "NUL byte") std::abort();
  }
  bron::ParseDate(bytes.substr(0, 200));
  bron::DateFromUrl(bytes.substr(0, 200));
  return 0;
}
