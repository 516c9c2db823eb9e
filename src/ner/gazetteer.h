// Gazetteer: known names (people, places, organisations, other) as hashed lower-cased token sequences,
// for the entity recogniser's features. Built by `bron train ner` from ../shared/data/gazetteers and
// stored inside the NER model.
#ifndef BRON_NER_GAZETTEER_H_
#define BRON_NER_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bron/status.h"
#include "model/hash_bytes.h"
#include "model/model_file.h"

namespace bron {

class Gazetteer {
 public:
  // Type bits.
  enum : uint8_t { kPer = 1, kOrg = 2, kLoc = 4, kMisc = 8 };
  static constexpr int kMaxTokens = 6;

  void Add(const std::vector<std::string>& lowered_tokens, uint8_t types);
  size_t size() const { return names_.size(); }

  // Per token: for each type, whether a known name of that type starts (B) or continues (I) there,
  // longest match first. out[i] = B bits | (I bits << 4).
  void Match(const std::vector<std::string>& lowered, std::vector<uint8_t>* out) const;

  // What single words are in known names: bits kPer... for "first word of a name of that type" and
  // (bits << 4) for "last word of a multi-word name of that type" ("Mark" starts names, "Rutte" ends them).
  uint8_t WordRoles(const std::string& lowered) const;

  void Serialize(ByteWriter& w) const;
  Status Parse(ByteReader& r, uint32_t version);

 private:
  // A name's hash, token by token: Extend(Extend(Start(), TokenHash(a)), TokenHash(b)) for "a b".
  static uint64_t Start();
  static uint64_t TokenHash(const std::string& lowered);
  static uint64_t Extend(uint64_t name, uint64_t token);
  static uint32_t Fold(uint64_t name) { return static_cast<uint32_t>(name ^ (name >> 32)); }
  static uint32_t Hash(const std::vector<std::string>& lowered, size_t begin, size_t length);
  HashBytes words_;
  HashBytes names_;
};

}  // namespace bron

#endif  // BRON_NER_GAZETTEER_H_
