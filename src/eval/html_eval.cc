#include "eval/html_eval.h"
#include "base/file.h"

#include <simdjson.h>

#include <cctype>
#include <ctime>
#include <fstream>
#include <sstream>

#include "ingest/gzip.h"
#include "ingest/html_extract.h"

namespace bron {
namespace {

// CPU time of this thread: a speed that other work on a shared machine does not distort.
double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + t.tv_nsec / 1e9;
}


// White space runs (and no-break spaces) to one space, trimmed; soft hyphens and zero-width spaces (which
// some annotated snippets hold and bron's extraction drops) left out on both sides.
std::string Normalize(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 2) == "\xC2\xAD") {
      ++i;
      continue;
    }
    if (s.substr(i, 3) == "\xE2\x80\x8B") {
      i += 2;
      continue;
    }
    bool nbsp = s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (std::isspace(static_cast<unsigned char>(s[i])) || nbsp) {
      i += nbsp;
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string LowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ScoreField(simdjson::dom::object entry, const char* key, const std::optional<std::string>& ours,
                bool ignore_case, FieldScore* score, std::string* miss) {
  std::string_view gold;
  if (entry[key].get_string().get(gold) != simdjson::SUCCESS) return true;  // not annotated for this page
  ++score->total;
  std::string g = Normalize(gold), o = Normalize(ours.value_or(""));
  if (ignore_case) {
    g = LowerAscii(g);
    o = LowerAscii(o);
  }
  if (g == o) {
    ++score->correct;
    return true;
  }
  *miss = std::string(key) + " \"" + o + "\", gold \"" + g + "\"";
  return false;
}

}  // namespace

Status EvalHtml(const std::string& gold_path, const std::string& pages_dir, size_t max_errors, HtmlEvalResult* r) {
  *r = HtmlEvalResult();
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto error = parser.load(gold_path).get(root)) {
    return Status::InvalidInput(std::string("cannot read the gold file: ") + simdjson::error_message(error)).WithContext(gold_path);
  }
  simdjson::dom::object pages;
  if (root.get_object().get(pages) != simdjson::SUCCESS) return Status::InvalidInput("expected a JSON object").WithContext(gold_path);
  auto note = [&](const std::string& what) {
    if (r->errors.size() < max_errors) r->errors.push_back(what);
  };
  for (auto [url, value] : pages) {
    simdjson::dom::object entry;
    std::string_view file;
    if (value.get_object().get(entry) != simdjson::SUCCESS || entry["file"].get_string().get(file) != simdjson::SUCCESS) {
      continue;
    }
    std::string bytes, path = pages_dir + "/" + std::string(file);
    if (ReadFile(path + ".gz", &bytes)) {
      std::string plain;
      if (!Gunzip(bytes, size_t{200} << 20, &plain).ok()) {
        ++r->missing_pages;
        continue;
      }
      bytes = std::move(plain);
    } else if (!ReadFile(path, &bytes)) {
      ++r->missing_pages;
      continue;
    }
    ++r->pages;
    r->html_bytes += bytes.size();
    ExtractOptions options;
    options.url = std::string(url);
    Article article;
    double start = ThreadCpuSeconds();
    Status s = ExtractArticle(bytes, options, &article);
    r->extract_seconds += ThreadCpuSeconds() - start;
    if (!s.ok()) {
      ++r->failed_pages;
      note(std::string(file) + ": " + s.message());
    }
    std::string text = Normalize(article.text);
    simdjson::dom::array snippets;
    if (entry["with"].get_array().get(snippets) == simdjson::SUCCESS) {
      for (auto x : snippets) {
        std::string_view snippet;
        if (x.get_string().get(snippet) != simdjson::SUCCESS) continue;
        ++r->with_total;
        if (text.find(Normalize(snippet)) != std::string::npos) ++r->with_found;
        else note(std::string(file) + ": missed   \"" + std::string(snippet) + "\"");
      }
    }
    if (entry["without"].get_array().get(snippets) == simdjson::SUCCESS) {
      for (auto x : snippets) {
        std::string_view snippet;
        if (x.get_string().get(snippet) != simdjson::SUCCESS) continue;
        ++r->without_total;
        if (text.find(Normalize(snippet)) != std::string::npos) {
          ++r->without_found;
          note(std::string(file) + ": included \"" + std::string(snippet) + "\"");
        }
      }
    }
    std::string miss;
    if (!ScoreField(entry, "title", article.title, false, &r->title, &miss)) note(std::string(file) + ": " + miss);
    if (!ScoreField(entry, "author", article.author, true, &r->author, &miss)) note(std::string(file) + ": " + miss);
    if (!ScoreField(entry, "date", article.published, false, &r->date, &miss)) note(std::string(file) + ": " + miss);
  }
  if (r->pages == 0) return Status::InvalidInput("no page of the gold file was found in " + pages_dir);
  return Status::Ok();
}

}  // namespace bron
