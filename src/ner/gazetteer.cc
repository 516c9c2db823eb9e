#include "ner/gazetteer.h"

#include <algorithm>

#include "model/linear_model.h"

namespace bron {

uint32_t Gazetteer::Hash(const std::vector<std::string>& lowered, size_t begin, size_t length) {
  uint64_t h = FeatureHash(7, "");
  for (size_t i = begin; i < begin + length; ++i) h = FeatureMix(8, h ^ FeatureHash(9, lowered[i]));
  // 32 bits: a few hundred thousand names collide rarely, and the table is half the size.
  return static_cast<uint32_t>(h ^ (h >> 32));
}

void Gazetteer::Add(const std::vector<std::string>& lowered, uint8_t types) {
  if (lowered.empty() || lowered.size() > kMaxTokens) return;
  names_[Hash(lowered, 0, lowered.size())] |= types;
  if (lowered.size() >= 2) {
    words_[Hash(lowered, 0, 1)] |= types;
    words_[Hash(lowered, lowered.size() - 1, 1)] |= static_cast<uint8_t>(types << 4);
  }
}

uint8_t Gazetteer::WordRoles(const std::string& lowered) const {
  std::vector<std::string> one = {lowered};
  auto it = words_.find(Hash(one, 0, 1));
  return it == words_.end() ? 0 : it->second;
}

uint8_t Gazetteer::Lookup(const std::vector<std::string>& lowered, size_t begin, size_t length) const {
  auto it = names_.find(Hash(lowered, begin, length));
  return it == names_.end() ? 0 : it->second;
}

void Gazetteer::Match(const std::vector<std::string>& lowered, std::vector<uint8_t>* out) const {
  out->assign(lowered.size(), 0);
  for (size_t i = 0; i < lowered.size(); ++i) {
    size_t longest = std::min<size_t>(kMaxTokens, lowered.size() - i);
    for (size_t length = longest; length >= 1; --length) {
      uint8_t types = Lookup(lowered, i, length);
      if (!types) continue;
      (*out)[i] |= types;
      for (size_t k = i + 1; k < i + length; ++k) (*out)[k] |= static_cast<uint8_t>(types << 4);
      break;
    }
  }
}

void Gazetteer::Serialize(ByteWriter& w) const {
  WriteHashBytes(w, {names_.begin(), names_.end()});
  WriteHashBytes(w, {words_.begin(), words_.end()});
}

Status Gazetteer::Parse(ByteReader& r, uint32_t version) {
  std::vector<std::pair<uint32_t, uint8_t>> names, words;
  if (!ReadHashBytes(r, version, &names) || !ReadHashBytes(r, version, &words)) {
    return Status::InvalidInput("truncated gazetteer");
  }
  names_.clear();
  names_.reserve(names.size());
  for (const auto& [hash, types] : names) names_[hash] = types;
  words_.clear();
  words_.reserve(words.size());
  for (const auto& [hash, roles] : words) words_[hash] = roles;
  return Status::Ok();
}

}  // namespace bron
