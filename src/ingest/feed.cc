#include "ingest/feed.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include <memory>

#include "ingest/html_dom.h"
#include "ingest/html_extract.h"

namespace bron {
namespace {

using html::Attr;
using html::IsElement;
using html::Name;
using html::TextOf;

bool IsUrlLike(std::string_view s) { return s.substr(0, 7) == "http://" || s.substr(0, 8) == "https://"; }

// The local name without a namespace prefix ("atom:link" => "link"; libxml2 keeps prefixes apart).
std::string_view Local(const xmlNode* n) { return Name(n); }

std::string Resolve(const std::string& link, const std::string& base) {
  if (link.empty() || base.empty()) return link;
  xmlChar* resolved = xmlBuildURI(reinterpret_cast<const xmlChar*>(link.c_str()), reinterpret_cast<const xmlChar*>(base.c_str()));
  if (!resolved) return link;
  std::string out(reinterpret_cast<const char*>(resolved));
  xmlFree(resolved);
  return out;
}

void CollectItems(xmlNode* n, const std::string& base, std::vector<FeedItem>* items, int depth) {
  if (depth > 64) return;
  for (xmlNode* c = n; c; c = c->next) {
    if (!IsElement(c)) continue;
    std::string_view name = Local(c);
    if (name == "item" || name == "entry") {
      FeedItem item;
      std::string atom_link;
      for (xmlNode* f = c->children; f; f = f->next) {
        if (!IsElement(f)) continue;
        std::string_view field = Local(f);
        if (field == "link") {
          std::string_view href = Attr(f, "href");
          std::string_view rel = Attr(f, "rel");
          if (!href.empty()) {
            if ((rel.empty() || rel == "alternate") && atom_link.empty()) atom_link = std::string(href);
          } else if (item.url.empty()) {
            item.url = TextOf(f);
          }
        } else if (field == "guid" && item.url.empty() && Attr(f, "isPermaLink") != "false") {
          std::string guid = TextOf(f);
          if (IsUrlLike(guid)) item.url = guid;
        } else if (field == "title" && !item.title) {
          item.title = TextOf(f);
        } else if ((field == "pubDate" || field == "published" || field == "date" || field == "updated" ||
                    field == "issued") && !item.published) {
          item.published = ParseDate(TextOf(f));
        }
      }
      if (item.url.empty()) item.url = atom_link;
      item.url = Resolve(item.url, base);
      if (!item.url.empty()) items->push_back(std::move(item));
      continue;
    }
    CollectItems(c->children, base, items, depth + 1);
  }
}

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

}  // namespace

bool LooksLikeFeed(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 2048);
  return head.find("<rss") != std::string_view::npos || head.find("<feed") != std::string_view::npos ||
         head.find("<rdf:RDF") != std::string_view::npos;
}

Status ParseFeed(std::string_view bytes, const std::string& feed_url, std::vector<FeedItem>* items) {
  items->clear();
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) return Status::InvalidInput("feed too large");
  // No XML_PARSE_NOENT: entities stay unexpanded (no billion laughs, no external files); NONET: no fetching.
  std::unique_ptr<xmlDoc, DocDeleter> doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), feed_url.c_str(), nullptr,
                                                        XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                            XML_PARSE_NOWARNING | XML_PARSE_COMPACT));
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) return Status::InvalidInput("not an RSS or Atom feed (no XML document)");
  std::string_view name = Local(root);
  if (name != "rss" && name != "feed" && name != "RDF" && name != "rdf") {
    return Status::InvalidInput("not an RSS or Atom feed (the root element is <" + std::string(name) + ">)");
  }
  CollectItems(root, feed_url, items, 0);
  return Status::Ok();
}

}  // namespace bron
