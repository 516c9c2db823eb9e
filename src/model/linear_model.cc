#include "model/linear_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <array>
#include <map>
#include <stdexcept>

namespace bron {
LinearModel::LinearModel(uint32_t num_labels, const std::unordered_map<uint64_t, std::vector<Weight>>& weights,
                         float prune)
    : num_labels_(num_labels) {
  // Keys cut as in a file (two features whose keys agree in kKeyBits bits become one), and sorted:
  // deterministic files, and a model in memory the same as the one read back.
  std::map<uint64_t, std::map<uint16_t, float>> features;
  for (const auto& [key, list] : weights) {
    bool kept = false;
    for (const Weight& w : list) kept = kept || std::fabs(w.value) >= prune;
    if (!kept) continue;
    std::map<uint16_t, float>& f = features[CutKey(key)];
    for (const Weight& w : list) {
      if (std::fabs(w.value) >= prune) f[w.label] += w.value;
    }
  }
  slots_.assign(TableSize(features.size()), 0);
  std::vector<Packed> packed;
  for (const auto& [key, list] : features) {
    float max_abs = 0;
    for (const auto& [label, value] : list) max_abs = std::max(max_abs, std::fabs(value));
    if (!(max_abs > 0)) continue;
    // Sixteen bits per weight in memory: within 1/65534 of the feature's largest weight.
    const float scale = max_abs / 32767;
    packed.clear();
    for (const auto& [label, value] : list) {
      long q = std::lround(value / scale);
      if (q != 0) packed.push_back({label, static_cast<int16_t>(q)});
    }
    if (!Append(key, scale, packed)) throw std::length_error("linear model too large for its 23-bit offsets");
  }
  MakeDenseRows();
}

size_t LinearModel::TableSize(size_t n) {
  size_t size = 16;
  while (size < n * 2) size <<= 1;  // at most half full: short probes
  return size;
}

bool LinearModel::Append(uint64_t key, float scale, const std::vector<Packed>& weights) {
  const size_t offset = packed_.size();
  if (offset > kMaxRef || weights.size() > UINT16_MAX) return false;
  Packed head[2];
  std::memcpy(&head[0], &scale, sizeof scale);
  head[1] = {static_cast<uint16_t>(weights.size()), 0};
  packed_.insert(packed_.end(), head, head + 2);
  packed_.insert(packed_.end(), weights.begin(), weights.end());
  num_weights_ += weights.size();
  return Insert(key, false, offset);
}

void LinearModel::MakeDenseRows() {
  row_stride_ = (num_labels_ + 15) / 16 * 16;
  dense_.clear();
  if (num_labels_ < kDenseMinLabels) return;
  // A dense feature's weights move to its row; the packed weights of the others are copied together.
  std::vector<Packed, HugePageAllocator<Packed>> sparse;
  size_t rows = 0;
  for (uint64_t& slot : slots_) {
    if (slot == 0) continue;
    const Packed* p = &packed_[RefOf(slot)];
    const uint16_t count = p[1].label;
    if (count * kDenseShare < num_labels_) {
      slot = MakeSlot(KeyOf(slot), false, sparse.size());
      sparse.insert(sparse.end(), p, p + 2 + count);
      continue;
    }
    dense_.resize(dense_.size() + row_stride_, 0.0f);
    float* row = dense_.data() + rows * row_stride_;
    const float scale = ScaleAt(p);
    for (uint32_t k = 2; k < 2u + count; ++k) row[p[k].label] += p[k].q * scale;
    slot = MakeSlot(KeyOf(slot), true, rows++);
  }
  packed_ = std::move(sparse);
}

namespace {

// Plain loop: the compiler vectorises it, with AVX2 where the processor has it.
__attribute__((target_clones("avx2", "default"))) void AddRow(const float* row, size_t n, float* scores) {
  for (size_t i = 0; i < n; ++i) scores[i] += row[i];
}

}  // namespace

bool LinearModel::Insert(uint64_t key, bool dense, size_t ref) {
  const size_t mask = slots_.size() - 1;
  size_t slot = key & mask;
  while (slots_[slot] != 0) {
    if (KeyOf(slots_[slot]) == key) return false;  // twice the same key
    slot = (slot + 1) & mask;
  }
  slots_[slot] = MakeSlot(key, dense, ref);
  ++size_;
  return true;
}

uint64_t LinearModel::Find(uint64_t key) const {
  if (slots_.empty()) return 0;
  const size_t mask = slots_.size() - 1;
  for (size_t slot = key & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if (KeyOf(slots_[slot]) == key) return slots_[slot];
  }
  return 0;
}

void LinearModel::Score(const uint64_t* features, size_t n, float* scores) const {
  if (slots_.empty()) return;
  // Nearly every look-up misses the cache (a table of megabytes read at random): ask for a batch of
  // slots at once, then for their weights, so the misses overlap instead of queueing one by one.
  constexpr size_t kBatch = 16;
  const size_t mask = slots_.size() - 1;
  for (size_t first = 0; first < n; first += kBatch) {
    const size_t m = std::min(kBatch, n - first);
    uint64_t found[kBatch];
    for (size_t i = 0; i < m; ++i) {
      found[i] = CutKey(features[first + i]);
      __builtin_prefetch(&slots_[found[i] & mask]);
    }
    for (size_t i = 0; i < m; ++i) {
      found[i] = Find(found[i]);
      if (found[i] == 0) continue;
      if (IsDense(found[i])) {
        const float* row = &dense_[RefOf(found[i]) * row_stride_];
        for (size_t k = 0; k < num_labels_; k += 16) __builtin_prefetch(row + k);
      } else {
        __builtin_prefetch(&packed_[RefOf(found[i])]);
        __builtin_prefetch(&packed_[RefOf(found[i]) + 16]);
      }
    }
    for (size_t i = 0; i < m; ++i) {
      if (found[i] == 0) continue;
      if (IsDense(found[i])) {
        AddRow(&dense_[RefOf(found[i]) * row_stride_], num_labels_, scores);
        continue;
      }
      const Packed* p = &packed_[RefOf(found[i])];
      const float scale = ScaleAt(p);
      const uint32_t end = 2u + p[1].label;
      for (uint32_t k = 2; k < end; ++k) scores[p[k].label] += p[k].q * scale;
    }
  }
}

namespace {

// The rows of the words one thread has scored with one model, until it holds kWords; then it starts
// over (frequent words come back at once). A few models per thread, the least recently used replaced.
class WordRows {
 public:
  static constexpr size_t kWords = 4096;
  static constexpr size_t kModels = 8;  // both languages: two tagger passes and a recogniser each

  static WordRows& For(uint64_t model, uint32_t num_labels) {
    thread_local std::array<WordRows, kModels> caches;
    thread_local uint64_t clock = 0;
    WordRows* oldest = &caches[0];
    for (WordRows& c : caches) {
      if (c.model_ == model) {
        c.used_ = ++clock;
        return c;
      }
      if (c.used_ < oldest->used_) oldest = &c;
    }
    oldest->Reset(model, num_labels);
    oldest->used_ = ++clock;
    return *oldest;
  }

  // The row of `word`, or null.
  const float* Find(uint64_t word) const {
    for (size_t i = word & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      if (keys_[i] == word) return &rows_[size_t{row_of_[i]} * num_labels_];
      if (keys_[i] == 0) return nullptr;
    }
  }
  // A new row for `word` (not in the cache), to be filled by the caller.
  float* Add(uint64_t word) {
    if (count_ == kWords) Reset(model_, num_labels_);
    size_t i = word & (kSlots - 1);
    while (keys_[i] != 0) i = (i + 1) & (kSlots - 1);
    keys_[i] = word;
    row_of_[i] = static_cast<uint32_t>(count_);
    return &rows_[count_++ * num_labels_];
  }

 private:
  static constexpr size_t kSlots = kWords * 2;
  void Reset(uint64_t model, uint32_t num_labels) {
    model_ = model;
    num_labels_ = num_labels;
    count_ = 0;
    keys_.assign(kSlots, 0);
    row_of_.resize(kSlots);
    rows_.resize(kWords * size_t{num_labels});
  }
  uint64_t model_ = 0;
  uint64_t used_ = 0;
  uint32_t num_labels_ = 0;
  size_t count_ = 0;
  std::vector<uint64_t> keys_;  // 0 = empty
  std::vector<uint32_t> row_of_;
  std::vector<float> rows_;
};

}  // namespace

void LinearModel::ScoreCached(uint64_t word, const uint64_t* features, size_t prefix, size_t n, float* scores) const {
  if (slots_.empty()) return;  // an empty model (no labels) scores nothing and keeps no rows
  if (word == 0 || prefix == 0) {
    Score(features, n, scores);
    return;
  }
  WordRows& cache = WordRows::For(id_, num_labels_);
  if (const float* row = cache.Find(word)) {
    std::copy(row, row + num_labels_, scores);  // 0 + x is x: the same as adding the row to zeros
  } else {
    Score(features, prefix, scores);
    std::copy(scores, scores + num_labels_, cache.Add(word));
  }
  Score(features + prefix, n - prefix, scores);
}

std::vector<LinearModel::Weight> LinearModel::WeightsOf(uint64_t feature) const {
  std::vector<Weight> out;
  const uint64_t slot = Find(CutKey(feature));
  if (slot == 0) return out;
  if (IsDense(slot)) {  // a weight is never 0: it would have been dropped
    const float* row = &dense_[RefOf(slot) * row_stride_];
    for (uint32_t l = 0; l < num_labels_; ++l) {
      if (row[l] != 0) out.push_back({static_cast<uint16_t>(l), row[l]});
    }
    return out;
  }
  const Packed* p = &packed_[RefOf(slot)];
  const float scale = ScaleAt(p);
  for (uint32_t k = 2; k < 2u + p[1].label; ++k) out.push_back({p[k].label, p[k].q * scale});
  return out;
}

namespace {

// Scales are 2^(code/4): fine enough that int8 keeps ~7 bits of every feature's largest weight.
float ScaleOf(int8_t code) { return std::exp2(code / 4.0f); }

int8_t ScaleCode(float max_abs) {
  int code = static_cast<int>(std::ceil(4 * std::log2(max_abs / 127)));
  return static_cast<int8_t>(std::clamp(code, -128, 127));
}

}  // namespace

void LinearModel::Serialize(ByteWriter& w) const {
  std::map<uint64_t, std::map<uint16_t, float>> features;
  for (uint64_t slot : slots_) {
    if (slot == 0) continue;
    std::map<uint16_t, float>& f = features[KeyOf(slot)];
    for (const Weight& x : WeightsOf(KeyOf(slot))) f[x.label] += x.value;
  }
  struct Quantised {
    uint64_t key;
    int8_t scale;
    std::vector<std::pair<uint16_t, int8_t>> weights;
  };
  std::vector<Quantised> out;
  size_t total = 0;
  for (const auto& [key, weights] : features) {
    float max_abs = 0;
    for (const auto& [label, value] : weights) max_abs = std::max(max_abs, std::fabs(value));
    if (!(max_abs > 0)) continue;
    Quantised q{key, ScaleCode(max_abs), {}};
    float scale = ScaleOf(q.scale);
    for (const auto& [label, value] : weights) {
      long v = std::clamp(std::lround(value / scale), -127L, 127L);
      if (v != 0) q.weights.emplace_back(label, static_cast<int8_t>(v));
    }
    total += q.weights.size();
    out.push_back(std::move(q));
  }
  // Like values together: the container's zlib then finds the repeated label sets and counts.
  w.U32(num_labels_);
  w.U8(kKeyBits);
  w.U64(out.size());
  w.U64(total);
  uint64_t previous = 0;
  for (const Quantised& q : out) {
    w.VarU64(q.key - previous);
    previous = q.key;
  }
  for (const Quantised& q : out) w.VarU64(q.weights.size());
  for (const Quantised& q : out) w.U8(static_cast<uint8_t>(q.scale));
  for (const Quantised& q : out) {
    uint16_t label = 0;
    for (const auto& [l, v] : q.weights) {
      w.VarU64(l - label);
      label = l;
    }
  }
  for (const Quantised& q : out) {
    for (const auto& [l, v] : q.weights) w.U8(static_cast<uint8_t>(v));
  }
}

Status LinearModel::Parse(ByteReader& r, uint32_t file_version) {
  if (file_version < 3) return ParseV2(r);
  *this = LinearModel();
  num_labels_ = r.U32();
  uint8_t key_bits = r.U8();
  uint64_t n = r.Count(3);       // at least a gap, a count and a scale each
  uint64_t total = r.Count(2);   // at least a label and a value each
  if (r.failed() || num_labels_ == 0 || num_labels_ > 65535 || key_bits == 0 || key_bits > kKeyBits ||
      total > n * num_labels_) {
    return Status::InvalidInput("malformed linear model header");
  }
  const uint64_t key_mask = (uint64_t{1} << key_bits) - 1;
  std::vector<uint64_t> keys(n);
  uint64_t key = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t gap = r.VarU64();
    if (r.failed() || gap == 0 || gap > key_mask - key) return Status::InvalidInput("malformed linear model keys");
    key += gap;
    keys[i] = key;
  }
  std::vector<uint16_t> counts(n);
  uint64_t sum = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t c = r.VarU64();
    if (r.failed() || c == 0 || c > num_labels_) return Status::InvalidInput("malformed linear model counts");
    counts[i] = static_cast<uint16_t>(c);
    sum += c;
  }
  if (sum != total) return Status::InvalidInput("linear model weight counts disagree");
  std::vector<float> scales(n);
  for (uint64_t i = 0; i < n; ++i) scales[i] = ScaleOf(static_cast<int8_t>(r.U8()));
  std::vector<uint16_t> labels;
  labels.reserve(total);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) {
    uint64_t label = 0;
    for (uint16_t k = 0; k < counts[i]; ++k) {
      uint64_t gap = r.VarU64();
      if ((k > 0 && gap == 0) || gap >= num_labels_ - label) return Status::InvalidInput("malformed linear model labels");
      label += gap;
      labels.push_back(static_cast<uint16_t>(label));
    }
  }
  if (r.failed() || r.remaining() < total) return Status::InvalidInput("truncated linear model");
  packed_.reserve(total + 2 * n);
  slots_.assign(TableSize(n), 0);
  std::vector<Packed> weights;
  for (uint64_t i = 0, first = 0; i < n; first += counts[i], ++i) {
    weights.clear();
    for (uint16_t k = 0; k < counts[i]; ++k) weights.push_back({labels[first + k], static_cast<int8_t>(r.U8())});
    if (!Append(keys[i], scales[i], weights)) return Status::InvalidInput("linear model too large for this reader");
  }
  MakeDenseRows();
  return Status::Ok();
}

// Versions 1 and 2: u64 keys, then {u16 label, i16 weight} pairs with one scale per model.
Status LinearModel::ParseV2(ByteReader& r) {
  *this = LinearModel();
  num_labels_ = r.U32();
  float scale = r.F32();
  uint64_t n = r.Count(10);
  if (r.failed() || num_labels_ == 0 || num_labels_ > 65535 || !(scale > 0)) {
    return Status::InvalidInput("malformed linear model header");
  }
  slots_.assign(TableSize(n), 0);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key = r.U64();
    uint16_t count = r.U16();
    if (r.failed() || key == 0) return Status::InvalidInput("malformed linear model feature");
    std::vector<Packed> weights;
    for (uint16_t k = 0; k < count; ++k) {
      uint16_t label = r.U16();
      int16_t q = r.I16();
      if (r.failed() || label >= num_labels_) return Status::InvalidInput("malformed linear model weight");
      weights.push_back({label, q});
    }
    // Keys are kept in kKeyBits bits: two that agree there (rare) make an old file unreadable here.
    if (!Append(CutKey(key), scale, weights)) {
      return Status::InvalidInput("malformed linear model feature (or two keys alike in their low 40 bits: re-save it)");
    }
  }
  MakeDenseRows();
  return Status::Ok();
}

}  // namespace bron
