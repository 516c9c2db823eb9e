#include "train/corpus.h"

#include <fstream>
#include <sstream>

namespace bron {
namespace {

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, sep)) out.push_back(field);
  return out;
}

}  // namespace

std::string CgnToUdXpos(const std::string& postag) {
  size_t open = postag.find('(');
  if (open == std::string::npos) return postag;
  std::string out = postag.substr(0, open);
  std::string inner = postag.substr(open + 1, postag.size() - open - 2);
  for (const std::string& f : Split(inner, ',')) {
    if (!f.empty()) out += "|" + f;
  }
  return out;
}

Status ReadConlluCorpus(const std::string& path, std::vector<AnnotatedSentence>* out) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open");
  AnnotatedSentence s;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!s.words.empty()) out->push_back(std::move(s));
      s = AnnotatedSentence();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string> f = Split(line, '\t');
    if (f.size() != 10) return Status::InvalidInput(path + ":" + std::to_string(number) + ": expected 10 columns");
    if (f[0].find_first_of("-.") != std::string::npos) continue;
    s.words.push_back(f[1]);
    s.lemmas.push_back(f[2]);
    s.upos.push_back(f[3]);
    s.xpos.push_back(f[4]);
    size_t ner = f[9].find("NER=");
    s.ner.push_back(ner == std::string::npos ? "O" : f[9].substr(ner + 4, f[9].find('|', ner) - ner - 4));
  }
  if (!s.words.empty()) out->push_back(std::move(s));
  return Status::Ok();
}

Status ReadConllNerCorpus(const std::string& path, std::vector<AnnotatedSentence>* out) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open");
  AnnotatedSentence s;
  std::string line;
  size_t document = 0;
  auto finish = [&] {
    // IOB1 => IOB2: an I- that does not continue an entity of its type begins one.
    for (size_t i = 0; i < s.ner.size(); ++i) {
      std::string& tag = s.ner[i];
      if (tag.size() > 2 && tag[0] == 'I') {
        const std::string prev = i == 0 ? "O" : s.ner[i - 1];
        if (prev == "O" || prev.substr(2) != tag.substr(2)) tag[0] = 'B';
      }
    }
    s.document = document;
    s.document = document;
    if (!s.words.empty()) out->push_back(std::move(s));
    s = AnnotatedSentence();
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::istringstream fields(line);
    std::vector<std::string> f;
    std::string x;
    while (fields >> x) f.push_back(x);
    if (f.empty()) {
      finish();
      continue;
    }
    if (f[0] == "-DOCSTART-") {
      finish();
      ++document;
      continue;
    }
    s.words.push_back(f[0]);
    s.ner.push_back(f.size() >= 2 ? f.back() : "O");
  }
  finish();
  return Status::Ok();
}

}  // namespace bron
