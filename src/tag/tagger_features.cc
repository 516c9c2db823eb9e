#include "tag/tagger_features.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "model/linear_model.h"

namespace bron {

size_t TaggerFeatures(const std::vector<WordInfo>& words, size_t i, uint32_t prev, uint32_t prev2,
                      const std::vector<uint32_t>* ahead, std::vector<uint64_t>* out) {
  out->clear();
  auto at = [&](long k) -> const WordInfo& {
    return k < 0 || k >= static_cast<long>(words.size()) ? BoundaryWord() : words[k];
  };
  long j = static_cast<long>(i);
  const WordInfo& w = words[i];
  // The word alone first.
  out->push_back(FeatureMix(1, 0));  // bias
  out->push_back(FeatureMix(2, w.lower_hash));
  out->push_back(FeatureMix(3, w.shape));
  for (int k = 0; k < 4; ++k) out->push_back(FeatureMix(4 + k, w.suffix[k]));
  for (int k = 0; k < 3; ++k) out->push_back(FeatureMix(8 + k, w.prefix[k]));
  out->push_back(FeatureMix(23, w.form));
  out->push_back(FeatureMix(29, w.suffix[4]));
  if (w.cluster_fine != 0xFFFF || w.cluster_coarse != 0xFFFF) {
    out->push_back(FeatureMix(33, w.cluster_fine));
    out->push_back(FeatureMix(34, w.cluster_coarse));
  }
  const size_t word_only = out->size();
  out->push_back(FeatureMix(11, prev));
  out->push_back(FeatureMix(12, prev2));
  out->push_back(FeatureMix(13, (uint64_t{prev} << 16) | prev2));
  out->push_back(FeatureMix(14, w.lower_hash ^ (uint64_t{prev} * 0x100000001B3ull)));
  out->push_back(FeatureMix(15, at(j - 1).lower_hash));
  out->push_back(FeatureMix(16, at(j + 1).lower_hash));
  out->push_back(FeatureMix(17, at(j - 2).lower_hash));
  out->push_back(FeatureMix(18, at(j + 2).lower_hash));
  out->push_back(FeatureMix(19, at(j - 1).suffix[2]));
  out->push_back(FeatureMix(20, at(j + 1).suffix[2]));
  out->push_back(FeatureMix(21, at(j + 1).shape));
  out->push_back(FeatureMix(22, at(j - 1).shape));
  out->push_back(FeatureMix(24, (i == 0) * 2 + w.capitalized));
  out->push_back(FeatureMix(25, w.lower_hash ^ (at(j + 1).lower_hash * 31)));
  out->push_back(FeatureMix(26, w.lower_hash ^ (at(j - 1).lower_hash * 37)));
  out->push_back(FeatureMix(27, at(j + 1).suffix[1] ^ (uint64_t{prev} * 41)));
  out->push_back(FeatureMix(28, w.suffix[2] ^ (uint64_t{prev} * 43)));
  out->push_back(FeatureMix(30, at(j + 1).prefix[1]));
  out->push_back(FeatureMix(31, at(j + 1).lower_hash ^ (at(j + 2).lower_hash * 47)));
  // Whether a participle follows later in the sentence: "heeft … gelezen" makes "heeft" an auxiliary.
  out->push_back(FeatureMix(32, w.lower_hash ^ (w.participle_after ? 0x5bd1e995ull : 0)));
  if (w.cluster_fine != 0xFFFF || w.cluster_coarse != 0xFFFF) {
    out->push_back(FeatureMix(35, (uint64_t{w.cluster_fine} << 16) | prev));
  }
  out->push_back(FeatureMix(36, at(j - 1).cluster_fine));
  out->push_back(FeatureMix(37, at(j + 1).cluster_fine));
  out->push_back(FeatureMix(38, (uint64_t{at(j + 1).cluster_coarse} << 16) | w.cluster_coarse));
  // Capitals around a capitalised word: "Bart De Wever" (a name) against "De Standaard" (a title).
  const uint64_t caps = (i == 0) | (at(j - 1).capitalized << 1) | (at(j + 1).capitalized << 2) |
                        (w.capitalized << 3) | (w.all_caps << 4);
  out->push_back(FeatureMix(53, w.form ^ (caps * 0x9E3779B1ull)));
  out->push_back(FeatureMix(54, w.suffix[2] ^ (caps * 0x85EBCA77ull)));
  out->push_back(FeatureMix(55, (uint64_t{w.cluster_fine} << 8) | caps));
  if (w.has_name_words) {
    // In the name lists: which kinds of name, alone or first, inside or last in them.
    out->push_back(FeatureMix(58, w.name_bits | (caps << 8)));
    out->push_back(FeatureMix(59, (uint64_t{at(j - 1).name_bits} << 8) | w.name_bits | (caps << 16)));
    out->push_back(FeatureMix(60, (uint64_t{at(j + 1).name_bits} << 8) | w.name_bits | (caps << 16)));
    out->push_back(FeatureMix(61, w.suffix[2] ^ ((w.name_bits | (caps << 8)) * 0x165667B1ull)));
  }
  if (ahead) {
    auto tag_at = [&](size_t k) -> uint64_t { return k < ahead->size() ? (*ahead)[k] : kNoTag; };
    uint64_t next = tag_at(i + 1), next2 = tag_at(i + 2), self = tag_at(i);
    out->push_back(FeatureMix(40, next));
    out->push_back(FeatureMix(41, (next << 16) | next2));
    out->push_back(FeatureMix(42, (uint64_t{prev} << 16) | next));
    out->push_back(FeatureMix(43, w.lower_hash ^ (next * 53)));
    out->push_back(FeatureMix(44, self));
    out->push_back(FeatureMix(45, w.suffix[2] ^ (next * 59)));
    out->push_back(FeatureMix(56, w.lower_hash ^ (uint64_t{w.verbs_ahead} * 0x27D4EB2Full)));
    out->push_back(FeatureMix(57, (uint64_t{w.cluster_fine} << 8) | w.verbs_ahead));
    if (w.has_verbs_behind) {
      out->push_back(FeatureMix(62, w.lower_hash ^ (uint64_t{w.verbs_behind} * 0x61C88647ull)));
      out->push_back(FeatureMix(63, (uint64_t{w.verbs_behind} << 8) | w.verbs_ahead));
    }
  }
  return word_only;
}

std::vector<std::string> CoarseLabels(const std::vector<std::string>& labels, std::vector<uint32_t>* fine_to_coarse) {
  std::map<std::string, uint32_t> ids;
  std::vector<std::string> cut(labels.size());
  for (size_t l = 0; l < labels.size(); ++l) {
    const std::string& label = labels[l];
    size_t first_bar = label.find('|', label.find('\t') + 1);
    size_t second_bar = first_bar == std::string::npos ? first_bar : label.find('|', first_bar + 1);
    // Verbs keep a third field: tense and position ("WW|pv|verl" against "WW|vd|vrij") are what tells a
    // past plural from a participle ("verworpen"), and the second pass reads verbs ahead from these tags.
    const bool verb = label.compare(label.find('\t') + 1, 3, "WW|") == 0;
    size_t third_bar = second_bar == std::string::npos ? second_bar : label.find('|', second_bar + 1);
    cut[l] = label.substr(0, verb ? third_bar : second_bar);
    ids.emplace(cut[l], 0);
  }
  std::vector<std::string> coarse;
  for (auto& [label, id] : ids) {
    id = static_cast<uint32_t>(coarse.size());
    coarse.push_back(label);
  }
  fine_to_coarse->clear();
  for (const std::string& c : cut) fine_to_coarse->push_back(ids[c]);
  return coarse;
}

std::vector<uint8_t> VerbKinds(const std::vector<std::string>& labels) {
  std::vector<uint8_t> kinds(labels.size(), 0);
  for (size_t i = 0; i < labels.size(); ++i) {
    std::string_view x = labels[i];
    x.remove_prefix(std::min(x.size(), x.find('\t') + 1));
    if (x.substr(0, 5) == "WW|pv" || x == "VBZ" || x == "VBP" || x == "VBD" || x == "MD") kinds[i] = 1;
    if (x.substr(0, 5) == "WW|vd" || x == "VBN") kinds[i] = 2;
    if (x.substr(0, 6) == "WW|inf" || x == "VB") kinds[i] = 4;
    if (x.substr(0, 8) == "ADJ|vrij" || x == "JJ") kinds[i] = 8;
    if (x.substr(0, 2) == "VG") kinds[i] = 16;  // a Dutch conjunction opens a clause
  }
  return kinds;
}

void MarkVerbsAhead(const std::vector<uint32_t>& tags, const std::vector<uint8_t>& kinds, std::vector<WordInfo>* words) {
  uint8_t seen = 0;
  for (size_t i = words->size(); i-- > 0;) {
    (*words)[i].verbs_ahead = seen;
    uint8_t k = tags[i] < kinds.size() ? kinds[tags[i]] : 0;
    seen = k == 1 ? 0 : static_cast<uint8_t>(seen | (k & 15));  // a finite verb opens the next clause
  }
  const bool behind = std::find(kinds.begin(), kinds.end(), 16) != kinds.end();
  seen = 0;
  for (size_t i = 0; i < words->size(); ++i) {
    (*words)[i].verbs_behind = seen;
    (*words)[i].has_verbs_behind = behind;
    uint8_t k = tags[i] < kinds.size() ? kinds[tags[i]] : 0;
    seen = k == 1 || k == 16 ? 0 : static_cast<uint8_t>(seen | k);
  }
}

}  // namespace bron
