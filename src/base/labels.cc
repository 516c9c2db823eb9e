#include <string_view>

#include "bron/document.h"

namespace bron {
namespace {

constexpr std::string_view kUposNames[] = {"_",     "ADJ",  "ADP",   "ADV",   "AUX",   "CCONJ",
                                           "DET",   "INTJ", "NOUN",  "NUM",   "PART",  "PRON",
                                           "PROPN", "PUNCT", "SCONJ", "SYM",   "VERB",  "X"};
constexpr std::string_view kNerNames[] = {"O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
                                          "B-LOC", "I-LOC", "B-MISC", "I-MISC"};

}  // namespace

std::string_view UposName(Upos upos) { return kUposNames[static_cast<int>(upos)]; }

Upos ParseUpos(std::string_view name) {
  for (int i = 1; i < static_cast<int>(std::size(kUposNames)); ++i) {
    if (kUposNames[i] == name) return static_cast<Upos>(i);
  }
  return Upos::kNone;
}

std::string_view NerTagName(NerTag tag) { return kNerNames[static_cast<int>(tag)]; }

NerTag ParseNerTag(std::string_view name) {
  for (int i = 1; i < kNerTagCount; ++i) {
    if (kNerNames[i] == name) return static_cast<NerTag>(i);
  }
  return NerTag::kO;
}

}  // namespace bron
