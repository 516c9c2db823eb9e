// Page metadata: meta tags, JSON-LD (schema.org Article and kin), <time>, bylines and the URL.
#include "ingest/html_metadata.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "base/utf8.h"
#include "ingest/html_dom.h"

namespace bron {
namespace {

using html::Attr;
using html::IsElement;
using html::Name;
using html::TextOf;
using html::Trim;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// What the page says of itself, gathered in one walk.
struct PageFacts {
  std::map<std::string, std::string> meta;  // name/property/itemprop => content (the first wins)
  std::string title_element, h1, html_lang, time_datetime, itemprop_date, itemprop_author, rel_author,
      byline, dated_text;  // dated_text: the first short element whose class names a date, with one in it
  int h1_count = 0;
  std::vector<std::string> json_ld;
};

void Gather(xmlNode* n, PageFacts* facts, int depth) {
  if (depth > 256) return;
  for (xmlNode* c = n; c; c = c->next) {
    if (!IsElement(c)) continue;
    std::string_view name = Name(c);
    if (name == "html" && facts->html_lang.empty()) facts->html_lang = std::string(Attr(c, "lang"));
    if (name == "meta") {
      std::string_view content = Attr(c, "content");
      for (const char* key : {"name", "property", "itemprop", "http-equiv"}) {
        std::string_view k = Attr(c, key);
        if (!k.empty() && !content.empty()) facts->meta.emplace(Lower(k), Trim(content));
      }
      continue;
    }
    if (name == "title" && facts->title_element.empty()) facts->title_element = TextOf(c);
    if (name == "script") {
      if (Lower(Attr(c, "type")) == "application/ld+json" && c->children && c->children->content) {
        facts->json_ld.emplace_back(reinterpret_cast<const char*>(c->children->content));
      }
      continue;
    }
    if (name == "style") continue;
    if (name == "h1" && facts->h1_count++ == 0) facts->h1 = TextOf(c);
    if (name == "time" && facts->time_datetime.empty()) {
      std::string_view dt = Attr(c, "datetime");
      facts->time_datetime = dt.empty() ? TextOf(c) : std::string(dt);
    }
    std::string itemprop = Lower(Attr(c, "itemprop"));
    if (itemprop == "datepublished" && facts->itemprop_date.empty()) {
      std::string_view v = Attr(c, "content");
      if (v.empty()) v = Attr(c, "datetime");
      facts->itemprop_date = v.empty() ? TextOf(c) : std::string(v);
    }
    if (itemprop == "author" && facts->itemprop_author.empty()) {
      std::string_view v = Attr(c, "content");
      facts->itemprop_author = v.empty() ? TextOf(c) : std::string(v);
    }
    if (name == "a" && Lower(Attr(c, "rel")) == "author" && facts->rel_author.empty()) facts->rel_author = TextOf(c);
    if (facts->dated_text.empty() && name != "body" && name != "html") {
      std::string cls = Lower(Attr(c, "class"));
      if (cls.find("date") != std::string::npos || cls.find("datum") != std::string::npos ||
          cls.find("publish") != std::string::npos || cls.find("posted") != std::string::npos ||
          cls.find("meta") != std::string::npos) {
        std::string t = TextOf(c, 120);
        if (t.size() < 120 && ParseDate(t)) facts->dated_text = t;
      }
    }
    if (facts->byline.empty() && name != "body" && name != "html") {
      std::string cls = Lower(Attr(c, "class"));
      if (cls.find("byline") != std::string::npos || cls == "author" || cls.find("author-name") != std::string::npos ||
          cls.find("authorname") != std::string::npos) {
        std::string t = TextOf(c, 80);
        if (!t.empty() && t.size() < 80) facts->byline = t;
      }
    }
    Gather(c->children, facts, depth + 1);
  }
}

// Fields of schema.org objects in JSON-LD; article types are preferred over others (WebPage, Organization).
struct JsonLdFacts {
  std::string headline, date, author, publisher;
  bool article = false;
};

// Names of the objects that have an "@id", for references such as {"author": {"@id": "#/schema/person/1"}}
// (how Yoast and other SEO plugins write a @graph).
using JsonLdNames = std::map<std::string, std::string, std::less<>>;

void CollectNames(simdjson::dom::element e, JsonLdNames* names, int depth) {
  if (depth > 20) return;
  simdjson::dom::array a;
  if (e.get_array().get(a) == simdjson::SUCCESS) {
    for (simdjson::dom::element x : a) CollectNames(x, names, depth + 1);
    return;
  }
  simdjson::dom::object o;
  if (e.get_object().get(o) != simdjson::SUCCESS) return;
  std::string_view id, name;
  if (o["@id"].get_string().get(id) == simdjson::SUCCESS && o["name"].get_string().get(name) == simdjson::SUCCESS) {
    names->emplace(std::string(id), std::string(name));
  }
  for (auto field : o) CollectNames(field.value, names, depth + 1);
}

thread_local const JsonLdNames* current_names = nullptr;  // set while one page's JSON-LD is read

std::string AuthorName(simdjson::dom::element e) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  simdjson::dom::object o;
  if (e.get_object().get(o) == simdjson::SUCCESS) {
    if (o["name"].get_string().get(s) == simdjson::SUCCESS) return std::string(s);
    if (current_names && o["@id"].get_string().get(s) == simdjson::SUCCESS) {
      auto it = current_names->find(s);
      if (it != current_names->end()) return it->second;
    }
    return "";
  }
  simdjson::dom::array a;
  if (e.get_array().get(a) == simdjson::SUCCESS) {
    std::string all;
    for (simdjson::dom::element x : a) {
      std::string name = AuthorName(x);
      if (name.empty()) continue;
      if (!all.empty()) all += "; ";
      all += name;
    }
    return all;
  }
  return "";
}

bool IsArticleType(simdjson::dom::element type) {
  auto check = [](std::string_view t) {
    return t.find("Article") != std::string_view::npos || t == "BlogPosting" || t == "Report" ||
           t == "NewsArticle" || t == "LiveBlogPosting" || t == "Posting";
  };
  std::string_view s;
  if (type.get_string().get(s) == simdjson::SUCCESS) return check(s);
  simdjson::dom::array a;
  if (type.get_array().get(a) == simdjson::SUCCESS) {
    for (simdjson::dom::element x : a) {
      if (x.get_string().get(s) == simdjson::SUCCESS && check(s)) return true;
    }
  }
  return false;
}

void WalkJsonLd(simdjson::dom::element e, JsonLdFacts* f, int depth) {
  if (depth > 20) return;
  simdjson::dom::array a;
  if (e.get_array().get(a) == simdjson::SUCCESS) {
    for (simdjson::dom::element x : a) WalkJsonLd(x, f, depth + 1);
    return;
  }
  simdjson::dom::object o;
  if (e.get_object().get(o) != simdjson::SUCCESS) return;
  simdjson::dom::element type;
  bool article = o["@type"].get(type) == simdjson::SUCCESS && IsArticleType(type);
  if (article && !f->article) {
    *f = JsonLdFacts();
    f->article = true;
  }
  if (article || !f->article) {
    std::string_view s;
    if (f->headline.empty() && article && o["headline"].get_string().get(s) == simdjson::SUCCESS) f->headline = s;
    if (f->date.empty() && o["datePublished"].get_string().get(s) == simdjson::SUCCESS) f->date = s;
    simdjson::dom::element x;
    if (f->author.empty() && o["author"].get(x) == simdjson::SUCCESS) f->author = AuthorName(x);
    if (f->publisher.empty() && o["publisher"].get(x) == simdjson::SUCCESS) f->publisher = AuthorName(x);
  }
  simdjson::dom::element graph;
  if (o["@graph"].get(graph) == simdjson::SUCCESS) WalkJsonLd(graph, f, depth + 1);
  simdjson::dom::element main;
  if (o["mainEntity"].get(main) == simdjson::SUCCESS) WalkJsonLd(main, f, depth + 1);
}

JsonLdFacts ReadJsonLd(const std::vector<std::string>& scripts) {
  JsonLdFacts f;
  simdjson::dom::parser parser;
  JsonLdNames names;
  for (const std::string& script : scripts) {
    simdjson::dom::element root;
    if (parser.parse(script.data(), script.size(), true).get(root) == simdjson::SUCCESS) CollectNames(root, &names, 0);
  }
  current_names = &names;
  for (const std::string& script : scripts) {
    simdjson::dom::element root;
    if (parser.parse(script.data(), script.size(), true).get(root) != simdjson::SUCCESS) continue;
    WalkJsonLd(root, &f, 0);
  }
  current_names = nullptr;
  return f;
}

std::string Meta(const PageFacts& f, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = f.meta.find(k);
    if (it != f.meta.end() && !it->second.empty()) return it->second;
  }
  return "";
}

bool LooksLikeUrl(std::string_view s) {
  return s.substr(0, 4) == "http" || s.find("://") != std::string_view::npos || s.substr(0, 1) == "/";
}

// Entities left in a value that was escaped twice ("Olive &#038; Herb", "Caf&eacute;" stays as is):
// numeric references and the five XML ones.
std::string DecodeEntities(const std::string& s) {
  if (s.find('&') == std::string::npos) return s;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      size_t semi = s.find(';', i);
      if (semi != std::string::npos && semi - i <= 10) {
        std::string_view name(s.data() + i + 1, semi - i - 1);
        char32_t cp = 0;
        if (name.size() > 1 && name[0] == '#') {
          bool hex = name[1] == 'x' || name[1] == 'X';
          std::string digits(name.substr(hex ? 2 : 1));
          if (!digits.empty() && digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") == std::string::npos) {
            cp = static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10));
          }
        } else if (name == "amp") cp = '&';
        else if (name == "lt") cp = '<';
        else if (name == "gt") cp = '>';
        else if (name == "quot") cp = '"';
        else if (name == "apos") cp = '\'';
        if (cp > 0 && cp < 0x110000 && (cp < 0xD800 || cp > 0xDFFF)) {
          AppendUtf8(cp, &out);
          i = semi;
          continue;
        }
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// "By Jane Doe" => "Jane Doe"; "" for what is not a name.
std::string CleanAuthor(std::string s) {
  s = Trim(s);
  std::string lower = Lower(s);
  for (std::string_view prefix :
       {"view all posts by ", "zeige alle beiträge von ", "alle beiträge von ", "veröffentlicht von", "posted by ",
        "written by ", "geschrieben von ", "by ", "von ", "vom ", "door ", "par ", "text: ", "tekst: ", "autor: ",
        "author: ", "author", "autor "}) {
    if (lower.substr(0, prefix.size()) == prefix) {
      s = Trim(s.substr(prefix.size()));
      lower = Lower(s);
      break;
    }
  }
  for (std::string_view cut : {" am ", " on ", " op ", " | ", ", "}) {
    size_t at = lower.find(cut);
    if (at != std::string::npos && at > 0 && (cut != ", " || lower.find_first_of("0123456789") != std::string::npos)) {
      s = Trim(s.substr(0, at));
      lower = Lower(s);
    }
  }
  for (size_t i = 1; i < s.size(); ++i) {  // "Emily Burack 8 January 2020": the name ends before the date
    if (s[i - 1] == ' ' && s[i] >= '0' && s[i] <= '9') {
      s.resize(i);
      break;
    }
  }
  size_t start = 0;
  while (start < s.size() && (s[start] == '|' || s[start] == '-' || s[start] == ':' || s[start] == ' ')) ++start;
  s.erase(0, start);
  while (!s.empty() && (s.back() == '-' || s.back() == ',' || s.back() == ' ' || s.back() == '|')) s.pop_back();
  if (s.size() > 100 || LooksLikeUrl(s)) return "";
  return s;
}

// "Headline | Site" => "Headline": the longest part around a title separator.
std::string CleanTitle(const std::string& title) {
  static const std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " « ", " › ", " • "};
  std::string best = title;
  for (std::string_view sep : kSeparators) {
    if (title.find(sep) == std::string::npos) continue;
    std::string longest;
    size_t pos = 0;
    while (pos <= title.size()) {
      size_t next = title.find(sep, pos);
      std::string part = Trim(std::string_view(title).substr(pos, next == std::string::npos ? std::string::npos : next - pos));
      if (part.size() > longest.size()) longest = part;
      if (next == std::string::npos) break;
      pos = next + sep.size();
    }
    return longest;
  }
  return best;
}

int MonthFromWord(std::string_view word) {
  std::string w = Lower(word.substr(0, std::min<size_t>(word.size(), 5)));
  if (w.size() < 3) return 0;
  if (w.substr(0, 4) == "juil") return 7;
  if (w.substr(0, 3) == "m\xc3\xa4" || w.substr(0, 4) == "m\xc3\xa4r") return 3;  // März
  if (w.substr(0, 3) == "j\xc3\xa4") return 1;                                   // Jänner
  if (w.substr(0, 3) == "f\xc3\xa9") return 2;                                   // février
  if (w.substr(0, 3) == "d\xc3\xa9") return 12;                                  // décembre
  if (w.substr(0, 3) == "ao\xc3") return 8;                                      // août
  static const char* kPrefixes[][3] = {{"jan", "", ""},    {"feb", "", ""},    {"mar", "mrt", "maa"},
                                       {"apr", "avr", ""}, {"may", "mai", "mei"}, {"jun", "jui", ""},
                                       {"jul", "", ""},    {"aug", "", ""},    {"sep", "set", ""},
                                       {"oct", "okt", ""}, {"nov", "", ""},    {"dec", "dez", ""}};
  std::string p = w.substr(0, 3);
  for (int m = 0; m < 12; ++m) {
    for (const char* x : kPrefixes[m]) {
      if (*x && p == x) return m + 1;
    }
  }
  return 0;
}

std::optional<std::string> MakeDate(int y, int m, int d) {
  if (y < 1990 || y > 2040 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

struct DateToken {
  bool number;
  std::string_view text;
  char separator;  // the first character after the token (0 at the end)
};

}  // namespace

std::optional<std::string> ParseDate(std::string_view s) {
  s = s.substr(0, 200);
  std::vector<DateToken> tokens;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t start = i;
    if (IsDigit(s[i])) {
      while (i < s.size() && IsDigit(s[i])) ++i;
      tokens.push_back({true, s.substr(start, i - start), i < s.size() ? s[i] : '\0'});
    } else if (std::isalpha(c) || c >= 0x80) {
      while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) || static_cast<unsigned char>(s[i]) >= 0x80)) ++i;
      std::string_view word = s.substr(start, i - start);
      bool ordinal = !tokens.empty() && tokens.back().number && start == static_cast<size_t>(tokens.back().text.data() + tokens.back().text.size() - s.data()) &&
                     (word == "st" || word == "nd" || word == "rd" || word == "th");
      if (!ordinal) tokens.push_back({false, word, i < s.size() ? s[i] : '\0'});  // "May 1st, 2019": 1st is 1
    } else {
      ++i;
    }
  }
  auto num = [](std::string_view t) { return t.size() > 4 ? -1 : std::stoi(std::string(t)); };
  for (size_t k = 0; k < tokens.size(); ++k) {
    const DateToken& a = tokens[k];
    if (a.number && a.text.size() == 8) {  // 20190802
      if (auto d = MakeDate(num(a.text.substr(0, 4)), num(a.text.substr(4, 2)), num(a.text.substr(6, 2)))) return d;
    }
    if (k + 2 >= tokens.size()) continue;
    const DateToken& b = tokens[k + 1];
    const DateToken& c = tokens[k + 2];
    if (a.number && b.number && c.number) {
      if (a.text.size() == 4 && (a.separator == '-' || a.separator == '/' || a.separator == '.')) {
        if (auto d = MakeDate(num(a.text), num(b.text), num(c.text))) return d;
      }
      if (c.text.size() == 4 && a.text.size() <= 2 && (a.separator == '.' || a.separator == '/' || a.separator == '-')) {
        if (auto d = MakeDate(num(c.text), num(b.text), num(a.text))) return d;
      }
    }
    if (a.number && !b.number && c.number && a.text.size() <= 2 && c.text.size() == 4) {
      if (int m = MonthFromWord(b.text)) {
        if (auto d = MakeDate(num(c.text), m, num(a.text))) return d;
      }
    }
    if (!a.number && b.number && c.number && b.text.size() <= 2 && c.text.size() == 4) {
      if (int m = MonthFromWord(a.text)) {
        if (auto d = MakeDate(num(c.text), m, num(b.text))) return d;
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> DateFromUrl(std::string_view url) {
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  std::string_view p = url.substr(path);
  for (size_t i = 0; i + 10 <= p.size(); ++i) {
    if (p[i] != '/' || !IsDigit(p[i + 1])) continue;
    std::string_view rest = p.substr(i + 1);
    if (rest.size() >= 10 && IsDigit(rest[0]) && IsDigit(rest[3]) && (rest[4] == '/' || rest[4] == '-') &&
        IsDigit(rest[5]) && IsDigit(rest[6]) && rest[7] == rest[4] && IsDigit(rest[8]) && IsDigit(rest[9]) &&
        (rest.size() == 10 || !IsDigit(rest[10]))) {
      if (auto d = MakeDate(std::stoi(std::string(rest.substr(0, 4))), std::stoi(std::string(rest.substr(5, 2))),
                            std::stoi(std::string(rest.substr(8, 2))))) {
        return d;
      }
    }
  }
  return std::nullopt;
}

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = rest.find('@');
  if (at != std::string_view::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string host = Lower(rest);
  if (host.substr(0, 4) == "www.") host = host.substr(4);
  return host;
}

void ExtractMetadata(xmlDoc* doc, const std::string& url, Article* article) {
  PageFacts f;
  Gather(xmlDocGetRootElement(doc), &f, 0);
  JsonLdFacts ld = ReadJsonLd(f.json_ld);

  std::string title = ld.headline;
  if (title.empty()) title = Meta(f, {"og:title", "twitter:title", "dc.title", "headline"});
  if (title.empty() && f.h1_count == 1) title = f.h1;
  if (title.empty()) title = f.title_element;
  if (title.empty()) title = f.h1;
  title = CleanTitle(Trim(DecodeEntities(title)));
  while (!title.empty() && (title.back() == '|' || title.back() == '-' || title.back() == ' ' || title.back() == ':')) {
    title.pop_back();  // "About us |": a separator whose site name was empty
  }
  if (!title.empty()) article->title = title;

  std::optional<std::string> date;
  for (const std::string& candidate :
       {ld.date,
        Meta(f, {"article:published_time", "og:published_time", "datepublished", "article.published",
                 "published-date", "publish-date", "pubdate", "publishdate", "dc.date.issued", "dcterms.date",
                 "dc.date", "date", "sailthru.date", "parsely-pub-date", "citation_publication_date",
                 "article:published", "og:article:published_time"}),
        f.itemprop_date, f.time_datetime, f.dated_text}) {
    if (!candidate.empty() && (date = ParseDate(candidate))) break;
  }
  if (!date && !url.empty()) date = DateFromUrl(url);
  if (!date) {
    std::string modified = Meta(f, {"article:modified_time", "og:updated_time", "datemodified", "last-modified"});
    if (!modified.empty()) date = ParseDate(modified);
  }
  article->published = date;

  std::string author;
  for (const std::string& candidate :
       {ld.author, Meta(f, {"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl",
                            "twitter:creator"}),
        f.itemprop_author, f.rel_author, f.byline}) {
    author = CleanAuthor(DecodeEntities(candidate));
    if (!author.empty() && author[0] == '@') author.clear();  // a Twitter handle is not a name
    if (!author.empty()) break;
  }
  if (!author.empty()) article->author = author;

  std::string site = Meta(f, {"og:site_name", "application-name"});
  if (site.empty()) site = ld.publisher;
  if (site.empty() && !url.empty()) site = HostOf(url);
  if (!site.empty()) article->site = Trim(DecodeEntities(site));

  std::string lang = f.html_lang;
  if (lang.empty()) lang = Meta(f, {"content-language", "og:locale", "language", "dc.language"});
  if (lang.size() >= 2 && std::isalpha(static_cast<unsigned char>(lang[0])) &&
      std::isalpha(static_cast<unsigned char>(lang[1]))) {
    article->lang = Lower(lang.substr(0, 2));
  }
}

}  // namespace bron
