// Main-text extraction. The cleaning rules and scores are bron's own, tuned on the trafilatura
// evaluation pages (`bron eval html`); see html_extract.h for the approach.
#include "ingest/html_extract.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <libxml/parserInternals.h>

#include "ingest/charset.h"
#include "ingest/html_dom.h"
#include "ingest/html_metadata.h"

namespace bron {
namespace {

using html::Attr;
using html::IsElement;
using html::Name;

constexpr int kMaxDepth = 256;  // deeper content is ignored: no recursion can run away

bool OneOf(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// Elements that never hold article text.
bool AlwaysDropped(std::string_view name) {
  return OneOf(name, {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                      "canvas", "button", "select", "input", "textarea", "option", "nav", "aside", "footer",
                      "head", "link", "meta", "form", "dialog", "menu", "video", "audio", "map", "figure",
                      "figcaption", "picture", "img", "label"});
}

bool IsBlock(std::string_view name) {
  return OneOf(name, {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
                      "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead",
                      "header", "hr", "address", "center", "fieldset", "details", "summary", "body", "caption"});
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The class and id of an element, lower-cased, space separated.
std::string ClassAndId(const xmlNode* n) {
  std::string s = Lower(Attr(n, "class"));
  s += ' ';
  s += Lower(Attr(n, "id"));
  return s;
}

// Splits "article__body  share-bar" into {"article", "body", "share", "bar"}.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    size_t start = i;
    while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

// Class or id words that name boilerplate: the element is dropped.
bool BoilerplateName(const std::string& names) {
  static const std::string_view kSubstrings[] = {
      "comment", "cookie", "consent", "gdpr", "share", "sharing", "social", "related", "recommend",
      "newsletter", "subscri", "sidebar", "breadcrumb", "advert", "sponsor", "promo", "outbrain", "taboola",
      "disqus", "navigation", "navbar", "masthead", "widget", "popup", "banner", "paywall", "signup",
      "teaser-list", "more-articles", "read-more", "readmore", "author-bio", "authorbox", "byline", "dateline",
      "pagination", "skiplink", "skip-link", "toolbar", "tagcloud", "post-tags", "article-tags", "meta-data",
      "entry-meta", "post-meta", "article-meta", "infobox", "timestamp", "publish", "caption", "credit",
      "overlay", "modal", "lightbox", "print", "rating", "login", "footer", "header"};
  static const std::string_view kWords[] = {
      "ad", "ads", "anzeige", "nav", "menu", "meta", "date", "tags", "tag", "share", "hidden", "hide", "pager",
      "aside", "author", "links", "teaser", "teasers", "foot", "head", "copyright", "sr", "visually",
      "reklame", "advertentie", "werbung", "breaking", "ticker", "trending", "popular"};
  for (std::string_view s : kSubstrings) {
    if (names.find(s) != std::string::npos) return true;
  }
  for (std::string_view w : Words(names)) {
    for (std::string_view k : kWords) {
      if (w == k) return true;
    }
  }
  return false;
}

// Class or id words that name the article body.
bool ArticleBodyName(const std::string& names) {
  static const std::string_view kNames[] = {
      "articlebody", "article-body", "article__body", "article_body", "articletext", "article-text",
      "article__text", "article-content", "article__content", "articlecontent", "entry-content", "entry_content",
      "post-content", "post_content", "postcontent", "post-body", "postbody", "post-entry", "story-body",
      "storybody", "story-content", "story__body", "td-post-content", "field-name-body", "field--name-body",
      "news-text", "newstext", "blog-content", "blogpost", "single-content", "main-text", "maintext",
      "page-content", "text-content", "content-body", "article-main", "articlemain", "artikel"};
  for (std::string_view s : kNames) {
    if (names.find(s) != std::string::npos) return true;
  }
  return false;
}

// Short lines that are page furniture in any article body: calls to share, subscribe or read more,
// reading times, advertisement labels, comment counters, copyright lines.
bool BoilerplateLine(const std::string& line) {
  static const std::string_view kPhrases[] = {
      "auch interessant", "lust auf mehr", "anzeige", "min read", "minuten lesezeit", "leestijd", "latest on",
      "read more", "read next", "weiterlesen", "mehr zum thema", "lees ook", "lees meer", "related", "newsletter",
      "akismet", "sign up", "signing up", "subscribe", "abonnier", "abonneer", "kommentare", "comments",
      "share this", "diesen artikel", "vorschau auf", "follow us", "folgen sie", "volg ons", "all rights reserved",
      "alle rechte", "cookie", "advertisement", "advertentie", "werbung", "sponsored", "gesponsert", "leave a reply",
      "hinterlasse", "log in", "einloggen", "inloggen", "copyright", "\xc2\xa9", "inne artyku", "permalink",
      "permalien", "previous article", "next article", "vorheriger artikel", "n\xc3\xa4" "chster artikel",
      "tags:", "schlagworte", "schlagw\xc3\xb6rter", "stichworte", "themen:", "to top", "nach oben",
      "back to top", "drucken", "print this", "e-mail", "whatsapp", "facebook", "twitter", "pinterest"};
  std::string lower = Lower(line);
  for (std::string_view p : kPhrases) {
    if (lower.find(p) != std::string::npos) return true;
  }
  return false;
}

int ClassWeight(const xmlNode* n) {
  std::string names = ClassAndId(n);
  if (names.size() <= 1) return 0;
  int weight = 0;
  static const std::string_view kPositive[] = {"article", "body", "content", "entry", "main", "page", "post",
                                               "text", "blog", "story", "hentry", "artikel", "inhalt"};
  static const std::string_view kNegative[] = {"comment", "footer", "sidebar", "widget", "sponsor", "share",
                                               "related", "menu", "nav", "masthead", "promo", "banner",
                                               "teaser", "footnote", "contact", "shopping", "tags", "meta"};
  for (std::string_view s : kPositive) {
    if (names.find(s) != std::string::npos) {
      weight += 25;
      break;
    }
  }
  for (std::string_view s : kNegative) {
    if (names.find(s) != std::string::npos) {
      weight -= 25;
      break;
    }
  }
  return weight;
}

bool Hidden(const xmlNode* n) {
  if (n->properties == nullptr) return false;
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    std::string_view name = reinterpret_cast<const char*>(a->name);
    if (name == "hidden") return true;
  }
  if (Attr(n, "aria-hidden") == "true") return true;
  std::string style = Lower(Attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

struct Stats {
  uint32_t text = 0;   // non-space bytes of text below the node
  uint32_t links = 0;  // of which inside <a>
  uint32_t commas = 0;
  uint32_t paragraphs = 0;  // <p> descendants
};

class Extractor {
 public:
  struct Options {
    std::optional<std::chrono::steady_clock::time_point> deadline;
    bool class_cleaning = true;  // drop blocks whose class or id names boilerplate
  };
  explicit Extractor(const Options& options) : options_(options) {}

  Status Run(xmlDoc* doc, std::string* text) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (!root) return Status::InvalidInput("the page holds no HTML elements");
    xmlNode* body = FindFirst(root, "body", 0);
    if (!body) body = root;
    Measure(body, false, 0);
    uint32_t body_text = stats_[body].text;
    // Elements marked as the article body, found before cleaning so that cleaning spares them.
    std::vector<xmlNode*> marked;
    FindMarked(body, &marked, 0);
    BRON_RETURN_IF_ERROR(timeout_);
    for (xmlNode* m : marked) {
      marked_.insert(m);
      for (xmlNode* a = m; a; a = a->parent) protected_.insert({a, true});
    }
    Clean(body, body_text, 0);
    BRON_RETURN_IF_ERROR(timeout_);
    stats_.clear();
    Measure(body, false, 0);

    // The element marked as the article wins when it holds a good share of what the scoring finds (an
    // <article> may be a teaser in a sidebar); blocks marked alike beside it (a body split in parts) join it.
    std::vector<xmlNode*> parts = ScoreCandidates(body);
    BRON_RETURN_IF_ERROR(timeout_);
    uint32_t scored_text = 0;
    for (xmlNode* p : parts) scored_text += stats_[p].text;
    xmlNode* best = nullptr;
    uint32_t best_text = 0;
    for (xmlNode* m : marked) {
      if (!Attached(m, body)) continue;  // removed by the cleaning
      const Stats& s = stats_[m];
      if (s.text > best_text && s.links * 2 < s.text) {
        best = m;
        best_text = s.text;
      }
    }
    if (best && best_text >= 150 && (best_text * 2 >= scored_text || Contains(best, parts.front()))) {
      std::vector<xmlNode*> chosen;
      std::string kind = std::string(Name(best)) + "|" + std::string(Attr(best, "class"));
      for (xmlNode* m : marked) {
        if (TimedOut()) return timeout_;
        if (m != best && (!Attached(m, body) || std::string(Name(m)) + "|" + std::string(Attr(m, "class")) != kind)) continue;
        bool nested = false;
        for (xmlNode* c : chosen) nested = nested || Contains(c, m) || Contains(m, c);
        const Stats& s = stats_[m];
        if (!nested && (m == best || (s.text >= 50 && s.links * 2 < s.text))) chosen.push_back(m);
      }
      parts = chosen;  // `marked` is in document order, so is `chosen`
    }
    // A lead (standfirst) that the theme puts in a header block before the body belongs to the article.
    if (!parts.empty()) {
      xmlNode* lead = FindLead(body, parts.front(), 0);
      if (lead) parts.insert(parts.begin(), lead);
    }
    std::vector<std::string> blocks;
    for (xmlNode* p : parts) Emit(p, 0, &blocks);
    FlushBlock(&blocks);
    size_t total = 0;
    for (const auto& b : blocks) total += b.size();
    if (total < 100) {  // the choice failed: take every acceptable block of the page
      blocks.clear();
      Emit(body, 0, &blocks);
      FlushBlock(&blocks);
    }
    BRON_RETURN_IF_ERROR(timeout_);
    text->clear();
    for (const auto& b : blocks) {
      if (!text->empty()) text->append("\n\n");
      text->append(b);
    }
    return Status::Ok();
  }

 private:
  bool TimedOut() {
    if (!options_.deadline || (++steps_ & 1023) != 0) return !timeout_.ok();
    if (std::chrono::steady_clock::now() > *options_.deadline) {
      timeout_ = Status::InvalidInput("the per-document time limit passed while finding the main text");
    }
    return !timeout_.ok();
  }

  static bool Contains(const xmlNode* ancestor, const xmlNode* n) {
    for (; n; n = n->parent) {
      if (n == ancestor) return true;
    }
    return false;
  }

  // Whether `n` is still in the tree under `body` (the cleaning may have removed an ancestor).
  static bool Attached(const xmlNode* n, const xmlNode* body) { return Contains(body, n); }

  static xmlNode* FindFirst(xmlNode* n, std::string_view name, int depth) {
    if (depth > kMaxDepth) return nullptr;
    for (xmlNode* c = n; c; c = c->next) {
      if (!IsElement(c)) continue;
      if (Name(c) == name) return c;
      if (xmlNode* f = FindFirst(c->children, name, depth + 1)) return f;
    }
    return nullptr;
  }

  // Fills stats_ for `n` and its descendants; returns the stats of `n`.
  Stats Measure(xmlNode* n, bool in_link, int depth) {
    Stats s;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      for (const xmlChar* p = n->content; p && *p; ++p) {
        if (!html::IsSpace(static_cast<char>(*p))) ++s.text;
        if (*p == ',') ++s.commas;
      }
      if (in_link) s.links = s.text;
      return s;
    }
    if (!IsElement(n) || depth > kMaxDepth || TimedOut()) return s;
    bool link = in_link || Name(n) == "a";
    for (xmlNode* c = n->children; c; c = c->next) {
      Stats cs = Measure(c, link, depth + 1);
      s.text += cs.text;
      s.links += cs.links;
      s.commas += cs.commas;
      s.paragraphs += cs.paragraphs;
    }
    if (Name(n) == "p") ++s.paragraphs;
    stats_[n] = s;
    return s;
  }

  void FindMarked(xmlNode* n, std::vector<xmlNode*>* marked, int depth) {
    if (depth > kMaxDepth || TimedOut()) return;
    for (xmlNode* c = n->children; c; c = c->next) {
      if (!IsElement(c)) continue;
      std::string_view name = Name(c);
      if (Lower(Attr(c, "itemprop")) == "articlebody" || name == "article" || ArticleBodyName(ClassAndId(c))) {
        marked->push_back(c);
      }
      FindMarked(c, marked, depth + 1);
    }
  }

  bool Protected(xmlNode* n) const { return protected_.count(n) > 0; }

  // Removes what is never article text. `scope_text` is the text of the nearest element marked as the
  // article (or of the body): a block named like boilerplate that holds half of it is not boilerplate
  // (themes call the article column "sidebar" or "content-with-comments").
  void Clean(xmlNode* n, uint32_t scope_text, int depth) {
    xmlNode* c = n->children;
    while (c) {
      xmlNode* next = c->next;
      bool drop = false;
      if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
        drop = true;
      } else if (IsElement(c)) {
        std::string_view name = Name(c);
        if (depth > kMaxDepth || TimedOut()) {
          drop = true;
        } else if (Protected(c)) {
          drop = false;
        } else if (AlwaysDropped(name) || Hidden(c)) {
          drop = name != "form" || stats_[c].text * 2 < scope_text;  // some sites wrap the page in a form
        } else if (options_.class_cleaning && name != "body" && name != "html" && name != "a" && name != "p" &&
                   name != "main" && BoilerplateName(ClassAndId(c))) {
          drop = stats_[c].text * 2 < scope_text;
        }
      }
      if (drop) {
        xmlUnlinkNode(c);
        xmlFreeNode(c);
      } else if (IsElement(c)) {
        Clean(c, marked_.count(c) ? stats_[c].text : scope_text, depth + 1);
      }
      c = next;
    }
  }

  // Readability-style scoring: paragraphs give points to their parent and grandparent. Returns the best
  // element and the siblings that look like its continuation.
  std::vector<xmlNode*> ScoreCandidates(xmlNode* body) {
    std::unordered_map<xmlNode*, double> score;
    std::vector<xmlNode*> order;
    ScoreParagraphs(body, &score, &order, 0);
    xmlNode* top = nullptr;
    double top_score = 0;
    for (xmlNode* n : order) {
      const Stats& s = stats_[n];
      double density = s.text ? static_cast<double>(s.links) / s.text : 0;
      double final_score = score[n] * (1 - density);
      score[n] = final_score;
      if (final_score > top_score) {
        top = n;
        top_score = final_score;
      }
    }
    if (!top) return {body};
    // A parent that holds several high-scoring children is the article (text split over columns).
    std::vector<xmlNode*> parts;
    xmlNode* parent = top->parent;
    if (!parent || !IsElement(parent)) return {top};
    double threshold = std::max(10.0, top_score * 0.2);
    for (xmlNode* s = parent->children; s; s = s->next) {
      if (!IsElement(s)) continue;
      if (s == top) {
        parts.push_back(s);
        continue;
      }
      auto it = score.find(s);
      const Stats& st = stats_[s];
      double density = st.text ? static_cast<double>(st.links) / st.text : 1;
      if (it != score.end() && it->second >= threshold) {
        parts.push_back(s);
      } else if (Name(s) == "p" && st.text > 80 && density < 0.25) {
        parts.push_back(s);
      }
    }
    return parts;
  }

  void ScoreParagraphs(xmlNode* n, std::unordered_map<xmlNode*, double>* score, std::vector<xmlNode*>* order,
                       int depth) {
    if (depth > kMaxDepth || TimedOut()) return;
    for (xmlNode* c = n->children; c; c = c->next) {
      if (!IsElement(c)) continue;
      std::string_view name = Name(c);
      bool paragraph = name == "p" || name == "pre" || name == "td" || name == "blockquote";
      if (name == "div" && !HasBlockChild(c)) paragraph = true;
      if (paragraph) {
        const Stats& s = stats_[c];
        if (s.text >= 25) {
          double points = 1 + s.commas + std::min<double>(s.text / 100, 3);
          xmlNode* a = c->parent;
          for (int level = 0; level < 3 && a && IsElement(a); ++level, a = a->parent) {
            auto [it, inserted] = score->try_emplace(a, 0.0);
            if (inserted) {
              it->second = BaseScore(a);
              order->push_back(a);
            }
            it->second += points / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
          }
        }
      }
      ScoreParagraphs(c, score, order, depth + 1);
    }
  }

  // The first element before `first` (in document order) whose class names a lead and that holds a
  // short, link-free paragraph; nullptr when there is none.
  xmlNode* FindLead(xmlNode* n, xmlNode* first, int depth) {
    if (depth > kMaxDepth || TimedOut()) return nullptr;
    for (xmlNode* c = n->children; c; c = c->next) {
      if (!IsElement(c)) continue;
      if (c == first) return nullptr;
      if (Contains(c, first)) return FindLead(c, first, depth + 1);  // the lead can only come before
      std::string names = ClassAndId(c);
      static const std::string_view kLead[] = {"lead", "intro", "standfirst", "hero__text", "abstract", "summary"};
      bool named = false;
      for (std::string_view k : kLead) named = named || names.find(k) != std::string::npos;
      if (named) {
        const Stats& s = stats_[c];
        if (s.text >= 50 && s.text <= 1500 && s.links * 5 < s.text) return c;
      }
      if (xmlNode* inner = FindLead(c, first, depth + 1)) return inner;
    }
    return nullptr;
  }

  static bool HasBlockChild(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (IsElement(c) && IsBlock(Name(c))) return true;
    }
    return false;
  }

  static double BaseScore(const xmlNode* n) {
    std::string_view name = Name(n);
    double s = 0;
    if (name == "div" || name == "article" || name == "main" || name == "section") s = 5;
    else if (name == "pre" || name == "td" || name == "blockquote") s = 3;
    else if (OneOf(name, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"})) s = -3;
    else if (OneOf(name, {"h1", "h2", "h3", "h4", "h5", "h6", "th"})) s = -5;
    return s + ClassWeight(n);
  }

  // Writes the blocks of `n` into `blocks`: the text of each block element, white space collapsed.
  void Emit(xmlNode* n, int depth, std::vector<std::string>* blocks) {
    if (depth > kMaxDepth || TimedOut()) return;
    for (xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (!c->content) continue;
        size_t before = current_.size();
        if (in_pre_) current_.append(reinterpret_cast<const char*>(c->content));
        else html::AppendCollapsed(reinterpret_cast<const char*>(c->content), &current_);
        if (in_link_) current_links_ += current_.size() - before;
        continue;
      }
      if (!IsElement(c)) continue;
      std::string_view name = Name(c);
      if (name == "br") {
        if (!current_.empty() && current_.back() != '\n') {
          while (!current_.empty() && current_.back() == ' ') current_.pop_back();
          current_.push_back('\n');
        }
        continue;
      }
      bool block = IsBlock(name);
      if (block) FlushBlock(blocks);
      bool was_link = in_link_, was_pre = in_pre_;
      if (name == "a") in_link_ = true;
      if (name == "pre") in_pre_ = true;
      if (name == "li" && block) current_list_item_ = true;
      Emit(c, depth + 1, blocks);
      in_link_ = was_link;
      in_pre_ = was_pre;
      if (block) FlushBlock(blocks);
    }
  }

  void FlushBlock(std::vector<std::string>* blocks) {
    std::string block = html::Trim(current_);
    size_t links = current_links_;
    bool list_item = current_list_item_;
    current_.clear();
    current_links_ = 0;
    current_list_item_ = false;
    if (block.empty()) return;
    // Lines of a block keep no trailing or leading spaces.
    std::string clean;
    for (size_t i = 0; i < block.size(); ++i) {
      if (block[i] == ' ' && (i + 1 == block.size() || block[i + 1] == '\n')) continue;
      if (block[i] == ' ' && !clean.empty() && clean.back() == '\n') continue;
      clean.push_back(block[i]);
    }
    // Link lists (related articles, tag clouds, menus that escaped the cleaning) are not text.
    double density = static_cast<double>(links) / clean.size();
    if (density > 0.6 || (list_item && density > 0.4)) return;
    if (clean.size() < 120 && BoilerplateLine(clean)) return;
    blocks->push_back(std::move(clean));
  }

  Options options_;
  std::unordered_map<xmlNode*, Stats> stats_;
  std::unordered_map<xmlNode*, bool> protected_;
  std::unordered_set<xmlNode*> marked_;
  std::string current_;
  size_t current_links_ = 0;
  bool current_list_item_ = false;
  bool in_link_ = false, in_pre_ = false;
  uint64_t steps_ = 0;
  Status timeout_;
};

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

using Clock = std::chrono::steady_clock;
using Deadline = std::optional<Clock::time_point>;

Status TimeLimit(const std::string& stage) {
  return Status::InvalidInput("the per-document time limit passed while " + stage);
}

// Parses with libxml2's push parser, 64 KiB at a time, checking the deadline between chunks:
// htmlReadMemory cannot be stopped once it has started on a huge or pathological page.
Status ParseHtmlChunked(const std::string& utf8, const Deadline& deadline, std::unique_ptr<xmlDoc, DocDeleter>* out) {
  constexpr size_t kChunk = 64 << 10;
  htmlParserCtxtPtr ctxt = htmlCreatePushParserCtxt(nullptr, nullptr, nullptr, 0, nullptr, XML_CHAR_ENCODING_NONE);
  if (!ctxt) return Status::Internal("libxml2 could not create an HTML parser");
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                               HTML_PARSE_COMPACT);
  // The bytes are UTF-8 already (ingest/charset.h): as htmlReadMemory(…, "UTF-8", …) does, fix the
  // encoding so that a <meta charset> in the page cannot switch it again.
  if (xmlCharEncodingHandlerPtr utf8_handler = xmlFindCharEncodingHandler("UTF-8")) {
    xmlSwitchToEncoding(ctxt, utf8_handler);
    if (ctxt->input) {
      if (ctxt->input->encoding) xmlFree(const_cast<xmlChar*>(ctxt->input->encoding));
      ctxt->input->encoding = xmlStrdup(BAD_CAST "UTF-8");
    }
  }
  Status status;
  size_t pos = 0;
  do {
    size_t n = std::min(kChunk, utf8.size() - pos);
    bool last = pos + n == utf8.size();
    htmlParseChunk(ctxt, utf8.data() + pos, static_cast<int>(n), last ? 1 : 0);
    pos += n;
    if (!last && deadline && Clock::now() > *deadline) {
      status = TimeLimit("parsing (at byte " + std::to_string(pos) + " of " + std::to_string(utf8.size()) + ")");
      break;
    }
  } while (pos < utf8.size());
  xmlDoc* doc = ctxt->myDoc;
  ctxt->myDoc = nullptr;
  htmlFreeParserCtxt(ctxt);
  out->reset(doc);
  if (!status.ok()) {
    out->reset();
    return status;
  }
  if (!*out) return Status::InvalidInput("not an HTML page (the parser found no document)");
  return Status::Ok();
}

}  // namespace

Status ExtractArticle(std::string_view bytes, const ExtractOptions& options, Article* out) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });  // libxml2 must be initialised once before threads use it
  *out = Article();
  out->charset = DetectCharset(bytes, options.content_type);
  std::string utf8;
  ConvertToUtf8(bytes, out->charset, &utf8, &out->lossy_charset);
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) return Status::InvalidInput("page too large to parse");
  std::unique_ptr<xmlDoc, DocDeleter> doc;
  BRON_RETURN_IF_ERROR(ParseHtmlChunked(utf8, options.deadline, &doc));
  if (!options.url.empty()) out->url = options.url;
  ExtractMetadata(doc.get(), options.url, out);
  if (options.deadline && Clock::now() > *options.deadline) return TimeLimit("reading the metadata");
  Extractor::Options extractor_options;
  extractor_options.deadline = options.deadline;
  BRON_RETURN_IF_ERROR(Extractor(extractor_options).Run(doc.get(), &out->text));
  if (out->text.size() < 250) {
    // Cleaning by class names took too much (a theme that calls everything "sidebar"): once more without it.
    extractor_options.class_cleaning = false;
    std::string text;
    Status again = ParseHtmlChunked(utf8, options.deadline, &doc);
    if (again.ok()) again = Extractor(extractor_options).Run(doc.get(), &text);
    if (again.message().find("time limit") != std::string::npos) return again;
    if (again.ok() && text.size() > out->text.size() * 2) out->text = std::move(text);
  }
  if (out->text.find_first_not_of(" \n") == std::string::npos) {
    return Status::InvalidInput("the page holds no text");
  }
  return Status::Ok();
}

}  // namespace bron
