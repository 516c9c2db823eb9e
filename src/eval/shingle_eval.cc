#include "eval/shingle_eval.h"

#include <dirent.h>
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "ingest/html_extract.h"

namespace bron {
namespace {

bool ReadWhole(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

std::unordered_map<std::string, int> Shingles(const std::vector<std::string>& words, int n) {
  std::unordered_map<std::string, int> out;
  if (words.empty()) return out;
  size_t span = std::min(words.size(), static_cast<size_t>(n));
  for (size_t i = 0; i + span <= words.size(); ++i) {
    std::string key;
    for (size_t k = 0; k < span; ++k) {
      if (k) key.push_back(' ');
      key += words[i + k];
    }
    ++out[key];
  }
  return out;
}

void CollectWords(const xmlNode* n, std::string* out, int depth) {
  for (; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) out->append(reinterpret_cast<const char*>(n->content));
    } else if (n->type == XML_ELEMENT_NODE && depth < 256) {
      std::string_view name = reinterpret_cast<const char*>(n->name);
      if (name == "script" || name == "style") continue;
      out->push_back(' ');  // "<p>a</p><p>b</p>" is two words
      CollectWords(n->children, out, depth + 1);
      out->push_back(' ');
    }
  }
}

}  // namespace

std::vector<std::string> ShingleWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word.push_back(static_cast<char>(std::tolower(u)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

void ShingleScore(std::string_view ours, std::string_view reference, int n, double* precision, double* recall) {
  auto a = Shingles(ShingleWords(ours), n), b = Shingles(ShingleWords(reference), n);
  size_t total_a = 0, total_b = 0, shared = 0;
  for (const auto& [k, c] : a) {
    total_a += static_cast<size_t>(c);
    auto it = b.find(k);
    if (it != b.end()) shared += static_cast<size_t>(std::min(c, it->second));
  }
  for (const auto& [k, c] : b) total_b += static_cast<size_t>(c);
  if (total_a == 0 && total_b == 0) {
    *precision = *recall = 1;
    return;
  }
  *precision = total_a ? static_cast<double>(shared) / total_a : 0;
  *recall = total_b ? static_cast<double>(shared) / total_b : 0;
}

std::string TextOfHtml(std::string_view html) {
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  std::string text;
  if (doc) {
    CollectWords(xmlDocGetRootElement(doc), &text, 0);
    xmlFreeDoc(doc);
  }
  return text;
}

Status EvalShingles(const std::string& dir, ShingleEvalResult* r, const std::string& system) {
  *r = ShingleEvalResult();
  DIR* d = opendir(dir.c_str());
  if (!d) return Status::IoError("cannot open the folder").WithContext(dir);
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] != '.') names.push_back(e->d_name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::string source, expected;
    if (!ReadWhole(dir + "/" + name + "/source.html", &source) || !ReadWhole(dir + "/" + name + "/expected.html", &expected)) {
      continue;
    }
    PageShingleScore page;
    page.name = name;
    std::string text;
    if (!system.empty()) {
      std::string output;
      if (ReadWhole(system + "/" + name + ".html", &output)) {
        text = TextOfHtml(output);
      } else if (!ReadWhole(system + "/" + name + ".txt", &text)) {
        ++r->failed;
        page.problem = "no output in " + system;
      }
    } else {
      Article article;
      Status s = ExtractArticle(source, ExtractOptions{}, &article);
      if (!s.ok()) {
        ++r->failed;
        page.problem = s.message();
      }
      text = std::move(article.text);
    }
    ShingleScore(text, TextOfHtml(expected), 4, &page.precision, &page.recall);
    r->precision += page.precision;
    r->recall += page.recall;
    r->pages.push_back(std::move(page));
  }
  if (r->pages.empty()) {
    return Status::InvalidInput("no page folders (NAME/source.html and NAME/expected.html) found").WithContext(dir);
  }
  r->precision /= static_cast<double>(r->pages.size());
  r->recall /= static_cast<double>(r->pages.size());
  return Status::Ok();
}

}  // namespace bron
