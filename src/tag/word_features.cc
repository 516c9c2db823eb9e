#include "tag/word_features.h"

#include <algorithm>
#include <iterator>

#include "base/utf8.h"
#include "model/linear_model.h"
#include "tag/clusters.h"
#include "text/chars.h"

namespace bron {

void DescribeWord(std::string_view form, WordInfo* info) {
  info->lower.clear();
  std::string shape;
  char last_shape = 0;
  size_t letters = 0, uppers = 0;
  size_t cp_ends[64];  // byte end of each of the first 64 code points of `lower`
  size_t cps = 0;
  const char* p = form.data();
  const char* end = p + form.size();
  info->has_digit = info->has_hyphen = false;
  bool first_letter_seen = false;
  info->capitalized = false;
  while (p < end) {
    char32_t c = DecodeUtf8(p);
    uint32_t cls = CharClass(c);
    char s;
    if (cls & kUpper) {
      s = 'X';
      ++uppers;
    } else if (cls & kLetter) {
      s = 'x';
    } else if (cls & kDigit) {
      s = 'd';
      info->has_digit = true;
    } else {
      s = c < 0x80 ? static_cast<char>(c) : '*';
      if (cls & kDash) info->has_hyphen = true;
    }
    if (cls & kLetter) {
      ++letters;
      if (!first_letter_seen) info->capitalized = (cls & kUpper) != 0;
      first_letter_seen = true;
    }
    if (s != last_shape) shape.push_back(s);
    last_shape = s;
    AppendUtf8(ToLower(c), &info->lower);
    if (cps < 64) cp_ends[cps] = info->lower.size();
    ++cps;
  }
  info->all_caps = letters >= 2 && uppers == letters;
  info->form = FeatureHash(0, form);
  info->lower_hash = FeatureHash(0, info->lower);
  info->shape = FeatureHash(1, shape);
  size_t n = std::min<size_t>(cps, 64);
  for (int k = 0; k < 5; ++k) {
    size_t take = std::min<size_t>(k + 1, n);
    size_t start = n > take ? cp_ends[n - take - 1] : 0;
    size_t stop = n > 0 ? cp_ends[n - 1] : 0;
    info->suffix[k] = FeatureHash(10 + k, std::string_view(info->lower).substr(start, stop - start));
  }
  const std::string& l = info->lower;
  auto ends = [&](std::string_view x) { return l.size() > x.size() && l.compare(l.size() - x.size(), x.size(), x) == 0; };
  info->participle_like = (l.size() > 4 && l.compare(0, 2, "ge") == 0 && (ends("d") || ends("t") || ends("en"))) ||
                          (l.size() > 4 && ends("ed"));
  for (int k = 0; k < 3; ++k) {
    size_t take = std::min<size_t>(k + 1, n);
    info->prefix[k] = FeatureHash(20 + k, std::string_view(info->lower).substr(0, take ? cp_ends[take - 1] : 0));
  }
}

namespace {

// The words one thread has described lately, one per slot of a direct-mapped table: news repeats its
// words, both the tagger and the recogniser describe every sentence, and describing a word decodes,
// classifies and hashes each of its characters.
class DescribedWords {
 public:
  static DescribedWords& OfThisThread() {
    thread_local DescribedWords words;
    return words;
  }
  void Describe(std::string_view form, WordInfo* info) {
    if (form.size() > kMaxBytes) {  // a run of text with no space in it: not worth keeping
      DescribeWord(form, info);
      return;
    }
    Slot& slot = slots_[FeatureHash(0, form) & (kSlots - 1)];
    if (!slot.used || slot.form != form) {
      slot.info = WordInfo();
      DescribeWord(form, &slot.info);
      slot.form.assign(form);
      slot.used = true;
    }
    const WordInfo& w = slot.info;  // the fields DescribeWord sets
    info->lower = w.lower;
    info->form = w.form;
    info->lower_hash = w.lower_hash;
    info->shape = w.shape;
    std::copy(std::begin(w.suffix), std::end(w.suffix), info->suffix);
    std::copy(std::begin(w.prefix), std::end(w.prefix), info->prefix);
    info->capitalized = w.capitalized;
    info->all_caps = w.all_caps;
    info->has_digit = w.has_digit;
    info->has_hyphen = w.has_hyphen;
    info->participle_like = w.participle_like;
  }

 private:
  static constexpr size_t kSlots = 1 << 13;
  static constexpr size_t kMaxBytes = 64;  // longer forms are described each time: the table stays small
  struct Slot {
    bool used = false;
    std::string form;
    WordInfo info;
  };
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
};

}  // namespace

void DescribeSentence(const std::vector<std::string_view>& words, const WordClusters* clusters,
                      std::vector<WordInfo>* info) {
  info->resize(words.size());
  DescribedWords& described = DescribedWords::OfThisThread();
  for (size_t i = 0; i < words.size(); ++i) {
    WordInfo& w = (*info)[i];
    described.Describe(words[i], &w);
    if (clusters) {
      WordClusters::Ids ids = clusters->FindHashed(w.lower_hash);
      w.cluster_coarse = ids.coarse;
      w.cluster_fine = ids.fine;
    }
  }
  bool later = false;
  for (size_t i = words.size(); i-- > 0;) {
    (*info)[i].participle_after = later;
    later = later || (*info)[i].participle_like;
  }
}

const WordInfo& BoundaryWord() {
  static const WordInfo boundary = [] {
    WordInfo w;
    DescribeWord("<s>", &w);
    w.lower_hash = w.form = w.shape = FeatureHash(99, "<boundary>");
    return w;
  }();
  return boundary;
}

}  // namespace bron
