#include "text/langid.h"

#include <bit>

#include "base/resources.h"
#include "base/utf8.h"
#include "text/chars.h"

namespace bron {
namespace {

constexpr size_t kMaxWords = 3000;     // enough evidence; keeps identification O(1) per document
constexpr double kMinScore = 1.0;      // less evidence than one unshared function word: undetermined
constexpr double kMinMargin = 1.25;    // the winner must beat the runner-up by this factor

}  // namespace

LanguageIdentifier::LanguageIdentifier() {
  for (size_t f = 0; f < kEmbeddedFileCount; ++f) {
    std::string_view path = kEmbeddedFiles[f].path;
    if (path.substr(0, 7) != "langid/" || languages_.size() >= 32) continue;
    std::string lang(path.substr(7, path.find('.') - 7));
    uint32_t bit = 1u << languages_.size();
    languages_.push_back(lang);
    for (std::string_view word : ResourceLines(path)) words_[std::string(word)] |= bit;
  }
}

LanguageGuess LanguageIdentifier::Identify(std::string_view text) const {
  std::vector<double> score(languages_.size(), 0.0);
  LanguageGuess guess;
  std::string word;
  const char* p = text.data();
  const char* end = p + text.size();
  auto flush = [&] {
    if (word.empty()) return;
    ++guess.words;
    auto it = words_.find(word);
    if (it != words_.end()) {
      // A word shared by several languages is weaker evidence for each.
      double weight = 1.0 / std::popcount(it->second);
      for (size_t l = 0; l < languages_.size(); ++l) {
        if (it->second & (1u << l)) score[l] += weight;
      }
    }
    word.clear();
  };
  while (p < end && guess.words < kMaxWords) {
    char32_t c = DecodeUtf8(p);
    if (Is(c, kLetter | kMark)) {
      AppendUtf8(ToLower(c), &word);
    } else {
      flush();
    }
  }
  flush();
  guess.lang = "und";
  if (score.empty()) return guess;
  size_t best = 0;
  for (size_t l = 1; l < score.size(); ++l) {
    if (score[l] > score[best]) best = l;
  }
  double runner_up = 0.0;
  for (size_t l = 0; l < score.size(); ++l) {
    if (l != best && score[l] > runner_up) runner_up = score[l];
  }
  guess.score = score[best];
  if (score[best] >= kMinScore && score[best] >= kMinMargin * runner_up) guess.lang = languages_[best];
  return guess;
}

}  // namespace bron
