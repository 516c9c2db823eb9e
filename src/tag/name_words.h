#ifndef BRON_TAG_NAME_WORDS_H_
#define BRON_TAG_NAME_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bron/status.h"
#include "model/hash_bytes.h"
#include "tag/word_features.h"

namespace bron {

// NameWords: words of the name lists (people, places, organisations, other names), with how they occur
// there; the tagger's evidence for proper nouns it never saw annotated ("Vandersteen").
class NameWords {
 public:
  enum Bit : uint8_t { kPer = 1, kLoc = 2, kOrg = 4, kMisc = 8, kAlone = 16, kFirst = 32, kLast = 64, kInside = 128 };
  // Reads `dir`/{per,geo,org,misc}.txt (one name a line); capitalised tokens only.
  Status AddAlpinoLists(const std::string& dir);
  bool empty() const { return bits_.empty(); }
  // Sets WordInfo::name_bits of every word (0 when the model has none or the word is in no name).
  void Annotate(std::vector<WordInfo>* words) const;
  std::string Serialize() const;
  Status Parse(std::string_view bytes, uint32_t version);

 private:
  static uint32_t Key(std::string_view lower);
  HashBytes bits_;  // 32-bit hash of the lower-cased word => Bit set
};

}  // namespace bron

#endif  // BRON_TAG_NAME_WORDS_H_
