#include "ingest/page.h"

#include <cctype>
#include <cstring>

#include "ingest/gzip.h"

namespace bron {

bool LooksLikeHtml(std::string_view bytes) {
  std::string head;
  for (char c : bytes.substr(0, 1024)) head.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (head.compare(0, 3, "\xef\xbb\xbf") == 0) head.erase(0, 3);
  size_t i = head.find_first_not_of(" \t\r\n");
  if (i == std::string::npos || head[i] != '<') return false;
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<!--", "<?xml"}) {
    if (head.compare(i, std::strlen(tag), tag) == 0) {
      return std::string_view(tag) != "<?xml" || head.find("<html", i) != std::string::npos;
    }
  }
  return false;
}

Status PageToDocument(WebPage page, const ReaderOptions& options, const ExtractOptions& extract, Document* doc) {
  ExtractOptions o = extract;
  if (o.url.empty()) o.url = page.url;
  if (o.content_type.empty()) o.content_type = page.content_type;
  Article a;
  Status s = ExtractArticle(page.bytes, o, &a);
  if (!s.ok()) return s;
  *doc = Document();
  if (a.lossy_charset) doc->notes.push_back({"read", "some bytes are not valid " + a.charset + " and became U+FFFD"});
  doc->text = std::move(a.text);
  doc->id = page.id.empty() ? ContentId(doc->text) : page.id;
  doc->title = std::move(a.title);
  doc->url = a.url;
  doc->site = std::move(a.site);
  doc->author = std::move(a.author);
  doc->published = std::move(a.published);
  if (!doc->published && !page.date.empty()) doc->published = page.date;
  if (!doc->published) doc->published = options.published;
  doc->lang = options.lang;  // else identified from the text: a page's lang attribute is often a template's
  return Status::Ok();
}

void ParseHtml(const std::string& name, std::string bytes, const ReaderOptions& options,
               const DocumentCallback& on_document, const ErrorCallback& on_error) {
  if (bytes.size() > options.max_page_bytes) {
    return on_error(Status::InvalidInput("page of " + std::to_string(bytes.size()) + " bytes exceeds the limit of " +
                                         std::to_string(options.max_page_bytes) + " bytes; skipped")
                        .WithContext(name));
  }
  WebPage page;
  page.source = name;
  // "dir/nu.nl-article.html.gz" => "nu.nl-article": the file name without folders and extensions.
  std::string base = name.substr(name.find_last_of('/') == std::string::npos ? 0 : name.find_last_of('/') + 1);
  for (std::string_view ext : {".gz", ".html", ".htm", ".xhtml"}) {
    if (base.size() > ext.size() && base.compare(base.size() - ext.size(), ext.size(), ext) == 0) {
      base.resize(base.size() - ext.size());
    }
  }
  if (name != "<stdin>") page.id = base;
  page.bytes = std::move(bytes);
  Document doc;
  Status s = PageToDocument(std::move(page), options, ExtractOptions{}, &doc);
  if (!s.ok()) return on_error(s.WithContext(name));
  on_document(std::move(doc));
}

}  // namespace bron
