// A web page as read from a file, a WARC record or a URL, and its conversion into a Document.
//
//   WebPage page{.source = "a.warc.gz: byte 2048", .bytes = body, .url = uri, .date = "2024-05-01"};
//   Document doc;
//   Status s = PageToDocument(std::move(page), reader_options, extract_options, &doc);
//   doc.text = the main text; title, url, site, author, published from the page
//              (published: the page's own date, else `page.date` (the crawl), else the reader's default).
//
// ParseHtml is the reader for `--input html` (one page a file, .html.gz included).
#ifndef BRON_INGEST_PAGE_H_
#define BRON_INGEST_PAGE_H_

#include <string>

#include "bron/document.h"
#include "bron/status.h"
#include "ingest/html_extract.h"
#include "io/reader.h"

namespace bron {

struct WebPage {
  std::string source;        // for messages: "a.warc.gz: byte 2048" or the file name
  std::string id;            // the document id, or "" for the content id of the extracted text
  std::string bytes;         // the HTML as served (any charset)
  std::string url;           // WARC-Target-URI or the fetched URL
  std::string date;          // YYYY-MM-DD of the capture (WARC-Date), or ""
  std::string content_type;  // HTTP Content-Type, for the charset
};

Status PageToDocument(WebPage page, const ReaderOptions& options, const ExtractOptions& extract, Document* doc);

void ParseHtml(const std::string& name, std::string bytes, const ReaderOptions& options,
               const DocumentCallback& on_document, const ErrorCallback& on_error);

// Whether `bytes` start like an HTML page (a doctype, <html>, <head>, <body> or a comment then one).
bool LooksLikeHtml(std::string_view bytes);

}  // namespace bron

#endif  // BRON_INGEST_PAGE_H_
