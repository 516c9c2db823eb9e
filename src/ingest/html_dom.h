// Small helpers over libxml2's HTML tree, shared by the main-text and metadata extraction.
#ifndef BRON_INGEST_HTML_DOM_H_
#define BRON_INGEST_HTML_DOM_H_

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace bron::html {

inline bool IsElement(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }
inline std::string_view Name(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

// The value of attribute `name` (lower case), or "" when absent.
inline std::string_view Attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      if (a->children && a->children->content) return reinterpret_cast<const char*>(a->children->content);
      return "";
    }
  }
  return "";
}

inline bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Appends `s` to `out` with runs of white space (and no-break spaces) collapsed into one space, none
// at the start of `out` or after a line break; soft hyphens and zero-width spaces are left out.
inline void AppendCollapsed(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xAD') {  // a soft hyphen: invisible, splits words
      ++i;
      continue;
    }
    if (c == '\xE2' && s.substr(i + 1, 2) == "\x80\x8B") {  // a zero-width space
      i += 2;
      continue;
    }
    if (IsSpace(c) || nbsp) {
      i += nbsp;
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

// The text of `n` and its descendants, white space collapsed, trimmed.
inline void CollectText(const xmlNode* n, std::string* out, int depth = 0, size_t max = SIZE_MAX) {
  if (out->size() > max) return;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content) AppendCollapsed(reinterpret_cast<const char*>(n->content), out);
    return;
  }
  if (!IsElement(n) || depth > 200) return;
  std::string_view name = Name(n);
  if (name == "script" || name == "style" || name == "noscript" || name == "template") return;
  for (const xmlNode* c = n->children; c; c = c->next) CollectText(c, out, depth + 1, max);
}

inline std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

// At most about `max` bytes: enough to judge a byline or a date line without reading a whole page.
inline std::string TextOf(const xmlNode* n, size_t max = SIZE_MAX) {
  std::string out;
  CollectText(n, &out, 0, max);
  return Trim(out);
}

}  // namespace bron::html

#endif  // BRON_INGEST_HTML_DOM_H_
