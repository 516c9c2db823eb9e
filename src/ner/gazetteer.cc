#include "ner/gazetteer.h"

#include <algorithm>

#include "model/linear_model.h"

namespace bron {

uint64_t Gazetteer::Start() { return FeatureHash(7, ""); }
uint64_t Gazetteer::TokenHash(const std::string& lowered) { return FeatureHash(9, lowered); }
uint64_t Gazetteer::Extend(uint64_t name, uint64_t token) { return FeatureMix(8, name ^ token); }

uint32_t Gazetteer::Hash(const std::vector<std::string>& lowered, size_t begin, size_t length) {
  uint64_t h = Start();
  for (size_t i = begin; i < begin + length; ++i) h = Extend(h, TokenHash(lowered[i]));
  // 32 bits: a few hundred thousand names collide rarely, and the table is half the size.
  return Fold(h);
}

void Gazetteer::Add(const std::vector<std::string>& lowered, uint8_t types) {
  if (lowered.empty() || lowered.size() > kMaxTokens) return;
  names_.Or(Hash(lowered, 0, lowered.size()), types);
  if (lowered.size() >= 2) {
    words_.Or(Hash(lowered, 0, 1), types);
    words_.Or(Hash(lowered, lowered.size() - 1, 1), static_cast<uint8_t>(types << 4));
  }
}

uint8_t Gazetteer::WordRoles(const std::string& lowered) const {
  return words_.Get(Fold(Extend(Start(), TokenHash(lowered))));
}

void Gazetteer::Match(const std::vector<std::string>& lowered, std::vector<uint8_t>* out) const {
  const size_t n = lowered.size();
  out->assign(n, 0);
  std::vector<uint64_t> tokens(n);
  for (size_t i = 0; i < n; ++i) tokens[i] = TokenHash(lowered[i]);
  for (size_t i = 0; i < n; ++i) {
    // The hashes of the n-grams starting here, each extending the one before; all their look-ups
    // are asked for before the first is read.
    const size_t longest = std::min<size_t>(kMaxTokens, n - i);
    uint32_t keys[kMaxTokens];
    uint64_t h = Start();
    for (size_t length = 1; length <= longest; ++length) {
      h = Extend(h, tokens[i + length - 1]);
      keys[length - 1] = Fold(h);
      names_.Prefetch(keys[length - 1]);
    }
    for (size_t length = longest; length >= 1; --length) {
      uint8_t types = names_.Get(keys[length - 1]);
      if (!types) continue;
      (*out)[i] |= types;
      for (size_t k = i + 1; k < i + length; ++k) (*out)[k] |= static_cast<uint8_t>(types << 4);
      break;
    }
  }
}

void Gazetteer::Serialize(ByteWriter& w) const {
  WriteHashBytes(w, names_.Items());
  WriteHashBytes(w, words_.Items());
}

Status Gazetteer::Parse(ByteReader& r, uint32_t version) {
  std::vector<std::pair<uint32_t, uint8_t>> names, words;
  if (!ReadHashBytes(r, version, &names) || !ReadHashBytes(r, version, &words)) {
    return Status::InvalidInput("truncated gazetteer");
  }
  names_.clear();
  names_.reserve(names.size());
  for (const auto& [hash, types] : names) names_.Or(hash, types);
  words_.clear();
  words_.reserve(words.size());
  for (const auto& [hash, roles] : words) words_.Or(hash, roles);
  return Status::Ok();
}

}  // namespace bron
