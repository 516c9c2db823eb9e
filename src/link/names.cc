#include "link/names.h"

#include <utf8proc.h>

#include <cstdlib>
#include <utility>

namespace bron {

std::string NameKey(std::string_view name) {
  utf8proc_uint8_t* folded = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                                    static_cast<utf8proc_ssize_t>(name.size()), &folded,
                                    static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                                                   UTF8PROC_STRIPMARK));
  std::string in = n >= 0 ? std::string(reinterpret_cast<char*>(folded), static_cast<size_t>(n)) : std::string(name);
  std::free(folded);
  std::string out;
  bool pending_space = false;
  for (char c : in) {
    if (c == ' ' || c == '-' || c == '.' || c == '\t' || c == '\n' || c == '\'') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string TransliterationKey(std::string_view name) {
  std::string key = NameKey(name);
  // Longest patterns first; each rewrites a Dutch or German spelling to the English one.
  static const std::pair<std::string_view, std::string_view> kRules[] = {
      {"tsj", "ch"}, {"sch", "sh"}, {"sj", "sh"}, {"zj", "zh"}, {"oe", "u"}, {"ij", "y"}, {"j", "y"},
      {"kh", "ch"},  {"ch", "ch"},   {"w", "v"},    {"ff", "v"},  {"ks", "x"},  {"c", "k"},  {"z", "s"},
  };
  std::string out;
  for (size_t i = 0; i < key.size();) {
    bool matched = false;
    for (const auto& [from, to] : kRules) {
      if (key.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        matched = true;
        break;
      }
    }
    if (!matched) out += key[i++];
  }
  // Word-final -i and -yi (Zelenski, Navalni) are -y in English; doubled letters are single.
  std::string result;
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    bool word_end = i + 1 == out.size() || out[i + 1] == ' ';
    if (c == 'i' && word_end && i > 0 && out[i - 1] != ' ') c = 'y';
    if (!result.empty() && result.back() == c && c != ' ') continue;
    if (c == 'y' && word_end && !result.empty() && result.back() == 'y') continue;
    result += c;
  }
  return result;
}

std::string_view LastWord(std::string_view key) {
  size_t space = key.rfind(' ');
  return space == std::string_view::npos ? key : key.substr(space + 1);
}

}  // namespace bron
