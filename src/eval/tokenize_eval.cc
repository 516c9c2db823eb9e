#include "eval/tokenize_eval.h"

#include <algorithm>
#include <set>

namespace bron {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct GoldSentence {
  std::string text;
  std::vector<std::string> forms;  // gold tokens
  std::string paragraph;           // key: a change starts a new paragraph
};

std::string ParagraphKey(std::string_view sent_id) {
  size_t s = sent_id.rfind(".s.");
  size_t p = sent_id.rfind(".p.");
  if (s == std::string_view::npos || p == std::string_view::npos || p > s) return std::string(sent_id);
  return std::string(sent_id.substr(0, s));
}

// Non-space characters before each byte offset: spans compare equal when they cover the same
// non-space characters, whatever white space lies around them.
std::vector<uint32_t> NonSpacePrefix(const std::string& text) {
  std::vector<uint32_t> prefix(text.size() + 1, 0);
  for (size_t i = 0; i < text.size(); ++i) prefix[i + 1] = prefix[i] + !IsBlank(text[i]);
  return prefix;
}

Prf Compare(const std::vector<uint32_t>& prefix, const std::vector<ByteSpan>& gold,
            const std::vector<ByteSpan>& system) {
  auto key = [&](const ByteSpan& s) { return std::make_pair(prefix[s.first], prefix[s.second]); };
  std::set<std::pair<uint32_t, uint32_t>> gold_keys;
  for (const ByteSpan& s : gold) gold_keys.insert(key(s));
  Prf prf;
  prf.gold = gold_keys.size();
  std::set<std::pair<uint32_t, uint32_t>> seen;
  for (const ByteSpan& s : system) {
    auto k = key(s);
    if (k.first == k.second || !seen.insert(k).second) continue;  // empty or repeated spans
    ++prf.system;
    prf.correct += gold_keys.count(k);
  }
  return prf;
}

}  // namespace

Status BuildGold(std::string_view conllu, GoldTokenization* gold) {
  std::vector<GoldSentence> sentences;
  bool has_newpar = conllu.find("# newpar") != std::string_view::npos;
  GoldSentence current;
  std::string paragraph;
  int paragraph_count = 0;
  std::string range_form;
  std::vector<std::string> range_words;
  uint32_t range_end = 0;
  auto flush_range = [&] {
    if (range_form.empty()) return;
    std::string joined;
    for (auto& w : range_words) joined += w;
    if (joined == range_form) {
      for (auto& w : range_words) current.forms.push_back(w);
    } else {
      current.forms.push_back(range_form);
    }
    range_form.clear();
    range_words.clear();
  };
  size_t pos = 0, line_number = 0;
  while (pos < conllu.size()) {
    size_t nl = conllu.find('\n', pos);
    std::string_view line = conllu.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? conllu.size() : nl + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush_range();
      if (!current.forms.empty()) {
        current.paragraph = paragraph;
        sentences.push_back(std::move(current));
      }
      current = GoldSentence();
      continue;
    }
    if (line[0] == '#') {
      if (line.substr(0, 8) == "# newdoc" || (has_newpar && line.substr(0, 8) == "# newpar")) {
        paragraph = std::to_string(++paragraph_count);
      } else if (!has_newpar && line.substr(0, 12) == "# sent_id = ") {
        paragraph = ParagraphKey(line.substr(12));
      } else if (line.substr(0, 9) == "# text = ") {
        current.text = std::string(line.substr(9));
      }
      continue;
    }
    size_t tab1 = line.find('\t');
    size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) {
      return Status::InvalidInput("line " + std::to_string(line_number) + ": not a CoNLL-U token line");
    }
    std::string_view id = line.substr(0, tab1);
    std::string form(line.substr(tab1 + 1, tab2 - tab1 - 1));
    if (id.find('.') != std::string_view::npos) continue;
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      flush_range();
      range_form = form;
      range_end = static_cast<uint32_t>(std::stoul(std::string(id.substr(dash + 1))));
      continue;
    }
    uint32_t n = static_cast<uint32_t>(std::stoul(std::string(id)));
    if (!range_form.empty() && n <= range_end) {
      range_words.push_back(form);
      if (n == range_end) flush_range();
      continue;
    }
    current.forms.push_back(form);
  }
  flush_range();
  if (!current.forms.empty()) {
    current.paragraph = paragraph;
    sentences.push_back(std::move(current));
  }

  gold->text.clear();
  gold->spans = SpanSet();
  gold->unaligned = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    GoldSentence& s = sentences[i];
    if (s.text.empty()) {
      for (auto& f : s.forms) s.text += (s.text.empty() ? "" : " ") + f;
    }
    if (i > 0) gold->text += sentences[i - 1].paragraph == s.paragraph ? " " : "\n\n";
    uint32_t base = static_cast<uint32_t>(gold->text.size());
    gold->text += s.text;
    size_t at = 0;
    uint32_t first = UINT32_MAX, last = 0;
    for (const std::string& f : s.forms) {
      while (at < s.text.size() && IsBlank(s.text[at])) ++at;
      size_t found = s.text.compare(at, f.size(), f) == 0 ? at : s.text.find(f, at);
      if (found == std::string::npos) {
        ++gold->unaligned;
        continue;
      }
      uint32_t start = base + static_cast<uint32_t>(found);
      uint32_t end = start + static_cast<uint32_t>(f.size());
      gold->spans.tokens.emplace_back(start, end);
      first = std::min(first, start);
      last = std::max(last, end);
      at = found + f.size();
    }
    if (first < last) gold->spans.sentences.emplace_back(first, last);
  }
  return Status::Ok();
}

TokenizeScores Score(const std::string& text, const SpanSet& gold, const SpanSet& system) {
  std::vector<uint32_t> prefix = NonSpacePrefix(text);
  TokenizeScores scores;
  scores.tokens = Compare(prefix, gold.tokens, system.tokens);
  scores.sentences = Compare(prefix, gold.sentences, system.sentences);
  return scores;
}

std::vector<std::string> ListDifferences(const std::string& text, const std::vector<ByteSpan>& gold,
                                         const std::vector<ByteSpan>& system, size_t limit) {
  std::vector<uint32_t> prefix = NonSpacePrefix(text);
  auto key = [&](const ByteSpan& s) { return std::make_pair(prefix[s.first], prefix[s.second]); };
  std::set<std::pair<uint32_t, uint32_t>> gold_keys, system_keys;
  for (const ByteSpan& s : gold) gold_keys.insert(key(s));
  for (const ByteSpan& s : system) system_keys.insert(key(s));
  auto show = [&](const char* what, const ByteSpan& s) {
    size_t from = s.first >= 40 ? s.first - 40 : 0;
    size_t to = std::min(text.size(), static_cast<size_t>(s.second) + 40);
    std::string line = std::string(what) + " |" + text.substr(from, s.first - from) + "[" +
                       text.substr(s.first, s.second - s.first) + "]" + text.substr(s.second, to - s.second) + "|";
    for (char& c : line) c = c == '\n' ? ' ' : c;
    return line;
  };
  std::vector<std::string> out;
  for (const ByteSpan& s : gold) {
    if (out.size() >= limit) break;
    if (!system_keys.count(key(s))) out.push_back(show("missed", s));
  }
  for (const ByteSpan& s : system) {
    if (out.size() >= 2 * limit) break;
    if (!gold_keys.count(key(s))) out.push_back(show("extra ", s));
  }
  return out;
}

SpanSet AlignTokenized(const std::string& text, std::string_view output, size_t* unaligned) {
  SpanSet spans;
  size_t count = 0;
  size_t at = 0;
  size_t pos = 0;
  constexpr size_t kWindow = 256;  // how far ahead a token that does not fit is looked for
  while (pos < output.size()) {
    size_t nl = output.find('\n', pos);
    std::string_view line = output.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? output.size() : nl + 1;
    uint32_t first = UINT32_MAX, last = 0;
    size_t k = 0;
    while (k < line.size()) {
      while (k < line.size() && IsBlank(line[k])) ++k;
      size_t e = k;
      while (e < line.size() && !IsBlank(line[e])) ++e;
      if (e == k) break;
      std::string_view token = line.substr(k, e - k);
      k = e;
      while (at < text.size() && IsBlank(text[at])) ++at;
      size_t found = text.compare(at, token.size(), token) == 0 ? at : text.find(token, at);
      if (found == std::string::npos || found > at + kWindow) {
        ++count;
        continue;
      }
      spans.tokens.emplace_back(static_cast<uint32_t>(found), static_cast<uint32_t>(found + token.size()));
      first = std::min<uint32_t>(first, static_cast<uint32_t>(found));
      last = static_cast<uint32_t>(found + token.size());
      at = found + token.size();
    }
    if (first < last) spans.sentences.emplace_back(first, last);
  }
  if (unaligned) *unaligned = count;
  return spans;
}

}  // namespace bron
