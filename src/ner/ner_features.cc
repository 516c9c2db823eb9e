#include "ner/ner_features.h"

#include "model/linear_model.h"

namespace bron {

uint64_t NerTransitionFeature(int prev) { return FeatureMix(200, static_cast<uint64_t>(prev)); }

size_t NerFeatures(const NerSentence& s, size_t i, std::vector<uint64_t>* out) {
  out->clear();
  long j = static_cast<long>(i);
  auto at = [&](long k) -> const WordInfo& {
    return k < 0 || k >= static_cast<long>(s.words.size()) ? BoundaryWord() : s.words[k];
  };
  auto upos = [&](long k) -> uint64_t {
    return k < 0 || k >= static_cast<long>(s.upos.size()) ? 99 : static_cast<uint64_t>(s.upos[k]);
  };
  auto gaz = [&](long k) -> uint64_t {
    return k < 0 || k >= static_cast<long>(s.gazetteer.size()) ? 0 : s.gazetteer[k];
  };
  const WordInfo& w = s.words[i];
  out->push_back(FeatureMix(101, 0));
  out->push_back(FeatureMix(102, w.lower_hash));
  out->push_back(FeatureMix(103, w.form));
  out->push_back(FeatureMix(104, w.shape));
  for (int k = 0; k < 4; ++k) out->push_back(FeatureMix(105 + k, w.suffix[k]));
  for (int k = 0; k < 3; ++k) out->push_back(FeatureMix(110 + k, w.prefix[k]));
  out->push_back(FeatureMix(137, w.cluster_fine));
  out->push_back(FeatureMix(138, w.cluster_coarse));
  out->push_back(FeatureMix(148, w.suffix[4]));
  const size_t word_only = out->size();  // the word alone up to here
  uint64_t caps = (i == 0) | (w.capitalized << 1) | (w.all_caps << 2) | (w.has_digit << 3) | (w.has_hyphen << 4);
  out->push_back(FeatureMix(115, caps));
  out->push_back(FeatureMix(116, at(j - 1).lower_hash));
  out->push_back(FeatureMix(117, at(j + 1).lower_hash));
  out->push_back(FeatureMix(118, at(j - 2).lower_hash));
  out->push_back(FeatureMix(119, at(j + 2).lower_hash));
  out->push_back(FeatureMix(120, at(j - 1).shape));
  out->push_back(FeatureMix(121, at(j + 1).shape));
  out->push_back(FeatureMix(122, at(j - 1).form));
  out->push_back(FeatureMix(123, at(j + 1).form));
  out->push_back(FeatureMix(124, w.lower_hash ^ (at(j + 1).lower_hash * 31)));
  out->push_back(FeatureMix(125, w.lower_hash ^ (at(j - 1).lower_hash * 37)));
  out->push_back(FeatureMix(126, upos(j)));
  out->push_back(FeatureMix(127, (upos(j - 1) << 8) | upos(j)));
  out->push_back(FeatureMix(128, (upos(j) << 8) | upos(j + 1)));
  out->push_back(FeatureMix(129, gaz(j)));
  out->push_back(FeatureMix(130, (gaz(j - 1) << 8) | gaz(j)));
  out->push_back(FeatureMix(131, (gaz(j) << 8) | gaz(j + 1)));
  out->push_back(FeatureMix(132, gaz(j) ^ (caps << 8)));
  out->push_back(FeatureMix(133, w.suffix[2] ^ (at(j - 1).lower_hash * 41)));
  out->push_back(FeatureMix(134, at(j - 1).suffix[2]));
  out->push_back(FeatureMix(135, at(j + 1).suffix[2]));
  out->push_back(FeatureMix(136, w.shape ^ (at(j - 1).shape * 43) ^ (at(j + 1).shape * 47)));
  out->push_back(FeatureMix(139, at(j - 1).cluster_fine));
  out->push_back(FeatureMix(140, at(j + 1).cluster_fine));
  out->push_back(FeatureMix(141, (uint64_t{w.cluster_coarse} << 8) | (caps & 3)));
  auto roles = [&](long k) -> uint64_t {
    return k < 0 || k >= static_cast<long>(s.name_words.size()) ? 0 : s.name_words[k];
  };
  out->push_back(FeatureMix(142, roles(j) | (uint64_t{w.capitalized} << 8)));
  out->push_back(FeatureMix(143, (roles(j - 1) << 8) | roles(j)));
  out->push_back(FeatureMix(144, (roles(j) << 8) | roles(j + 1)));
  // Wider context: capitals of the window, the clusters two away, word pairs before and after.
  auto cap = [&](long k) -> uint64_t {
    const WordInfo& x = at(k);
    return k < 0 || k >= static_cast<long>(s.words.size()) ? 3 : x.all_caps ? 2 : x.capitalized ? 1 : 0;
  };
  out->push_back(FeatureMix(145, cap(j - 2) | (cap(j - 1) << 2) | (cap(j) << 4) | (cap(j + 1) << 6) | (cap(j + 2) << 8)));
  out->push_back(FeatureMix(146, at(j - 2).cluster_fine));
  out->push_back(FeatureMix(147, at(j + 2).cluster_fine));
  out->push_back(FeatureMix(149, at(j - 1).lower_hash ^ (at(j - 2).lower_hash * 53)));
  out->push_back(FeatureMix(150, at(j + 1).lower_hash ^ (at(j + 2).lower_hash * 59)));
  out->push_back(FeatureMix(151, w.lower_hash ^ (upos(j - 1) * 61)));
  out->push_back(FeatureMix(152, w.cluster_fine ^ (at(j - 1).lower_hash * 67)));
  return word_only;
}

void DocumentCase::Count(const std::vector<WordInfo>& sentence,
                         const std::function<void(const std::string&, Counts)>& f) {
  for (size_t i = 0; i < sentence.size(); ++i) {
    const WordInfo& w = sentence[i];
    Counts c;
    c.all = 1;
    // Inside the sentence and not all capitals (headlines): a capital that means something.
    bool inside = i > 0 && !w.all_caps && !sentence[i - 1].all_caps;
    if (w.capitalized && inside) c.capitalised_inside = 1;
    if (!w.capitalized && !w.all_caps) c.lower = 1;
    f(w.lower, c);
  }
}

void DocumentCase::Add(const std::vector<WordInfo>& sentence) {
  Count(sentence, [&](const std::string& word, Counts c) {
    Counts& t = counts_[word];
    t.capitalised_inside += c.capitalised_inside;
    t.lower += c.lower;
    t.all += c.all;
  });
}

void DocumentCase::Describe(const std::vector<WordInfo>& sentence, std::vector<uint8_t>* out) const {
  std::unordered_map<std::string, Counts> own;  // this sentence's share, taken out of the totals
  Count(sentence, [&](const std::string& word, Counts c) {
    Counts& t = own[word];
    t.capitalised_inside += c.capitalised_inside;
    t.lower += c.lower;
    t.all += c.all;
  });
  out->assign(sentence.size(), 0);
  for (size_t i = 0; i < sentence.size(); ++i) {
    auto it = counts_.find(sentence[i].lower);
    if (it == counts_.end()) continue;
    const Counts& t = it->second;
    const Counts& o = own[sentence[i].lower];
    uint8_t bits = 0;
    if (t.capitalised_inside > o.capitalised_inside) bits |= kCapitalisedInside;
    if (t.lower > o.lower) bits |= kLowerElsewhere;
    if (t.all > o.all) bits |= kSeenElsewhere;
    (*out)[i] = bits;
  }
}

}  // namespace bron
