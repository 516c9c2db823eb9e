// Main text and metadata of a web page.
//
//   Article a;
//   Status s = ExtractArticle(html_bytes, {.url = "https://x.nl/2024/05/01/a"}, &a);
//   a.text   => "First paragraph.\n\nSecond paragraph."   (article body: no menus, ads, comments, links)
//   a.title, a.author, a.published ("2024-05-01"), a.site, a.lang
//
// The page is decoded to UTF-8 (ingest/charset.h), parsed with libxml2's error-tolerant HTML parser (its
// push parser, 64 KiB at a time, so that the deadline can stop a huge page mid-parse), and
// cleaned of elements that are never article text (scripts, navigation, forms, hidden parts) and of
// blocks whose class or id names boilerplate (comments, share bars, cookie banners, related links).
// The article body is the element marked as one (itemprop=articleBody, <article>, common CMS class
// names) or else the element whose paragraphs score highest (text length, commas, link density);
// its blocks are written as paragraphs separated by a blank line. Metadata comes from meta tags,
// JSON-LD, <time> elements and, as a last resort, the URL. Thread-safe; each call is independent.
// An error only when the page holds no text at all or the time limit passed.
#ifndef BRON_INGEST_HTML_EXTRACT_H_
#define BRON_INGEST_HTML_EXTRACT_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "bron/status.h"

namespace bron {

struct ExtractOptions {
  std::string url;           // where the page came from: resolves nothing, but gives a date and the site
  std::string content_type;  // the HTTP Content-Type, for its charset
  // Stop with an error when extraction runs past this point (per-document time limit).
  std::optional<std::chrono::steady_clock::time_point> deadline;
};

struct Article {
  std::string text;  // UTF-8, paragraphs separated by "\n\n"
  std::optional<std::string> title, author, published, site, lang, url;
  std::string charset;        // what the page was decoded from
  bool lossy_charset = false;  // some bytes could not be decoded and became U+FFFD
};

Status ExtractArticle(std::string_view html, const ExtractOptions& options, Article* out);

// A date in `s` as YYYY-MM-DD: ISO 8601 ("2019-08-02T10:00:00Z"), "02.08.2019", "August 2, 2019",
// "2 August 2019", "2019/08/02". nullopt when none is found or it is implausible.
std::optional<std::string> ParseDate(std::string_view s);

// The YYYY-MM-DD in a URL path ("/2012/05/31/", "/2019-08-02-title"), or nullopt.
std::optional<std::string> DateFromUrl(std::string_view url);

// The host of a URL without "www." ("https://www.nu.nl/x" => "nu.nl"), or "".
std::string HostOf(std::string_view url);

}  // namespace bron

#endif  // BRON_INGEST_HTML_EXTRACT_H_
