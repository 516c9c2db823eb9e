#include "link/fingerprint.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "link/names.h"

namespace bron {
namespace {

// Words that say nothing about what a claim is about, in Dutch and English.
const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "aan", "als", "bij", "dan", "dat", "de", "deze", "die", "dit", "door", "een", "en", "er", "het", "hij",
      "hun", "ik", "in", "is", "te", "met", "naar", "niet", "nog", "of", "om", "ook", "op", "over", "tot",
      "uit", "van", "voor", "was", "wat", "we", "wel", "werd", "wordt", "zal", "ze", "zei", "zich", "zij",
      "zijn", "heeft", "hebben", "had", "worden", "kan", "maar", "meer", "al", "nu", "die", "the", "and",
      "for", "that", "this", "with", "from", "was", "were", "are", "has", "have", "had", "been", "will",
      "would", "said", "says", "not", "but", "they", "their", "his", "her", "its", "who", "which", "than",
      "into", "also", "about", "after", "more", "there", "them", "she", "him", "our", "out", "all", "one",
      "can", "could", "may", "might", "should", "did", "does", "being", "very", "what", "when", "where",
  };
  return kWords;
}

// Words of the folded text: runs of letters and digits (bytes >= 0x80 are letters after folding).
template <typename F>
void ForEachWord(std::string_view folded, F f) {
  size_t i = 0;
  while (i < folded.size()) {
    auto is_word = [&](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
    while (i < folded.size() && !is_word(folded[i])) ++i;
    size_t start = i;
    while (i < folded.size() && is_word(folded[i])) ++i;
    if (i > start) f(folded.substr(start, i - start));
  }
}

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

uint64_t Hash64(std::string_view s, uint64_t seed) {
  uint64_t h = 0xcbf29ce484222325ULL ^ Mix(seed + 1);
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return Mix(h);
}

uint64_t SimHash(std::string_view text) {
  std::string folded = NameKey(text);
  std::vector<std::string_view> words;
  ForEachWord(folded, [&](std::string_view w) { words.push_back(w); });
  int weights[64] = {};
  constexpr size_t kShingle = 4;
  size_t n = words.size() < kShingle ? (words.empty() ? 0 : 1) : words.size() - kShingle + 1;
  for (size_t i = 0; i < n; ++i) {
    uint64_t h = 0;
    for (size_t j = i; j < std::min(words.size(), i + kShingle); ++j) h = Hash64(words[j], h);
    for (int b = 0; b < 64; ++b) weights[b] += (h >> b) & 1 ? 1 : -1;
  }
  uint64_t out = 0;
  for (int b = 0; b < 64; ++b) if (weights[b] > 0) out |= uint64_t{1} << b;
  return out;
}

std::vector<std::string> ContentWords(std::string_view text) {
  // Negation is kept as a word of its own ("!not"): "Dat klopt niet" and "Dat klopt" are opposite claims.
  static const std::unordered_set<std::string_view> kNegations = {
      "niet", "geen", "nooit", "niets", "niemand", "not", "no", "never", "nothing", "nobody", "none",
      "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "cant", "couldnt", "wont", "wouldnt"};
  std::string folded = NameKey(text);
  std::vector<std::string> out;
  ForEachWord(folded, [&](std::string_view w) {
    if (kNegations.count(w)) {
      out.emplace_back("!not");
      return;
    }
    bool digits = std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isdigit(c); });
    if (!digits && (w.size() < 3 || StopWords().count(w))) return;
    out.emplace_back(w.substr(0, digits ? w.size() : 6));
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> Keywords(std::string_view text, size_t n) {
  std::string folded = NameKey(text);
  std::unordered_map<std::string_view, int> counts;
  ForEachWord(folded, [&](std::string_view w) {
    if (w.size() < 4 || StopWords().count(w) || std::isdigit(static_cast<unsigned char>(w[0]))) return;
    ++counts[w.substr(0, 6)];
  });
  std::vector<std::pair<std::string_view, int>> ranked(counts.begin(), counts.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<std::string> out;
  for (size_t i = 0; i < ranked.size() && i < n; ++i) out.emplace_back(ranked[i].first);
  return out;
}

double Jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) ++common, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::vector<uint64_t> MinHash(const std::vector<std::string>& words) {
  std::vector<uint64_t> out(kMinHashes, std::numeric_limits<uint64_t>::max());
  for (const std::string& w : words) {
    for (int k = 0; k < kMinHashes; ++k) out[k] = std::min(out[k], Hash64(w, static_cast<uint64_t>(k)));
  }
  return out;
}

std::vector<std::string> MinHashBandKeys(const std::vector<uint64_t>& minhash) {
  std::vector<std::string> keys;
  for (size_t band = 0; band * kMinHashRows < minhash.size(); ++band) {
    uint64_t h = band;
    for (int r = 0; r < kMinHashRows; ++r) h = Mix(h ^ minhash[band * kMinHashRows + r]);
    char buf[40];
    std::snprintf(buf, sizeof(buf), "b%zu:%016llx", band, static_cast<unsigned long long>(h));
    keys.emplace_back(buf);
  }
  return keys;
}

}  // namespace bron
