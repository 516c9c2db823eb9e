#include "model/linear_model.h"

#include <algorithm>
#include <cmath>

namespace bron {
namespace {

size_t TableSize(size_t n) {
  size_t size = 16;
  while (size < n * 2) size <<= 1;  // at most half full: short probes
  return size;
}

}  // namespace

LinearModel::LinearModel(uint32_t num_labels, const std::unordered_map<uint64_t, std::vector<Weight>>& weights,
                         float prune)
    : num_labels_(num_labels) {
  std::vector<uint64_t> keys;
  for (const auto& [key, list] : weights) {
    for (const Weight& w : list) {
      if (std::fabs(w.value) >= prune) {
        keys.push_back(key);
        break;
      }
    }
  }
  std::sort(keys.begin(), keys.end());  // deterministic files
  size_t table = TableSize(keys.size());
  keys_.assign(table, 0);
  offsets_.assign(table, 0);
  counts_.assign(table, 0);
  for (uint64_t key : keys) {
    uint32_t offset = static_cast<uint32_t>(labels_.size());
    uint16_t count = 0;
    std::vector<Weight> list = weights.at(key);
    std::sort(list.begin(), list.end(), [](const Weight& a, const Weight& b) { return a.label < b.label; });
    for (const Weight& w : list) {
      if (std::fabs(w.value) < prune) continue;
      labels_.push_back(w.label);
      values_.push_back(w.value);
      ++count;
    }
    Insert(key, offset, count);
  }
}

void LinearModel::Insert(uint64_t key, uint32_t offset, uint16_t count) {
  size_t mask = keys_.size() - 1;
  size_t slot = key & mask;
  while (keys_[slot] != 0) slot = (slot + 1) & mask;
  keys_[slot] = key;
  offsets_[slot] = offset;
  counts_[slot] = count;
  ++size_;
}

int64_t LinearModel::Find(uint64_t key) const {
  if (keys_.empty()) return -1;
  size_t mask = keys_.size() - 1;
  size_t slot = key & mask;
  while (keys_[slot] != 0) {
    if (keys_[slot] == key) return static_cast<int64_t>(slot);
    slot = (slot + 1) & mask;
  }
  return -1;
}

void LinearModel::Score(const uint64_t* features, size_t n, float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    int64_t slot = Find(features[i]);
    if (slot < 0) continue;
    uint32_t begin = offsets_[slot], end = begin + counts_[slot];
    for (uint32_t k = begin; k < end; ++k) scores[labels_[k]] += values_[k];
  }
}

void LinearModel::Serialize(ByteWriter& w) const {
  float max_abs = 0;
  for (float v : values_) max_abs = std::max(max_abs, std::fabs(v));
  float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  w.U32(num_labels_);
  w.F32(scale);
  w.U64(size_);
  for (size_t slot = 0; slot < keys_.size(); ++slot) {
    if (keys_[slot] == 0) continue;
    w.U64(keys_[slot]);
    w.U16(counts_[slot]);
    for (uint32_t k = offsets_[slot]; k < offsets_[slot] + counts_[slot]; ++k) {
      w.U16(labels_[k]);
      w.I16(static_cast<int16_t>(std::lround(values_[k] / scale)));
    }
  }
}

Status LinearModel::Parse(ByteReader& r) {
  *this = LinearModel();
  num_labels_ = r.U32();
  float scale = r.F32();
  uint64_t n = r.Count(10);
  if (r.failed() || num_labels_ == 0 || num_labels_ > 65535 || !(scale > 0)) {
    return Status::InvalidInput("malformed linear model header");
  }
  size_t table = TableSize(n);
  keys_.assign(table, 0);
  offsets_.assign(table, 0);
  counts_.assign(table, 0);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key = r.U64();
    uint16_t count = r.U16();
    if (r.failed() || key == 0 || Find(key) >= 0) return Status::InvalidInput("malformed linear model feature");
    uint32_t offset = static_cast<uint32_t>(labels_.size());
    for (uint16_t k = 0; k < count; ++k) {
      uint16_t label = r.U16();
      int16_t q = r.I16();
      if (r.failed() || label >= num_labels_) return Status::InvalidInput("malformed linear model weight");
      labels_.push_back(label);
      values_.push_back(q * scale);
    }
    Insert(key, offset, count);
  }
  return Status::Ok();
}

}  // namespace bron
