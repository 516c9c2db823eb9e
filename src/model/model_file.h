// ModelFile: bron's container for trained models (docs/model-format.md).
//
//   "BRONMODL" | u32 format version | sections... | "END " section
//   section = u32 tag (four ASCII letters) | u64 length | payload | u32 CRC-32 of the payload
//
// All integers little-endian. Readers reject other magic, newer format versions, bad checksums and
// truncation with an error naming the file; they never trust a length they have not checked.
#ifndef BRON_MODEL_MODEL_FILE_H_
#define BRON_MODEL_MODEL_FILE_H_

#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bron/status.h"

namespace bron {

// 2: the tagger's lemmatizer stores what each tag is (keeps capitals, joins hyphenated parts, verb kinds).
// 3: sections may be zlib-compressed; linear models store 40-bit keys as varint gaps and int8 weights
//    with one scale per feature (LinearModel::Serialize). Versions 1 and 2 are still read.
constexpr uint32_t kModelFormatVersion = 3;

// Appends little-endian values to a byte string.
class ByteWriter {
 public:
  void U8(uint8_t v) { bytes_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { Raw(&v, 2); }
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  void F32(float v) { Raw(&v, 4); }
  void I16(int16_t v) { Raw(&v, 2); }
  // LEB128: 7 bits a byte, low bits first; small numbers take one byte.
  void VarU64(uint64_t v) {
    while (v >= 0x80) {
      U8(static_cast<uint8_t>(v | 0x80));
      v >>= 7;
    }
    U8(static_cast<uint8_t>(v));
  }
  void String(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    bytes_.append(s);
  }
  const std::string& bytes() const { return bytes_; }
  std::string& bytes() { return bytes_; }

 private:
  void Raw(const void* p, size_t n) { bytes_.append(static_cast<const char*>(p), n); }  // x86/ARM: little-endian
  std::string bytes_;
};

// Reads little-endian values; any read past the end sets an error and returns zeros.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  uint8_t U8() { uint8_t v = 0; Raw(&v, 1); return v; }
  uint16_t U16() { uint16_t v = 0; Raw(&v, 2); return v; }
  uint32_t U32() { uint32_t v = 0; Raw(&v, 4); return v; }
  uint64_t U64() { uint64_t v = 0; Raw(&v, 8); return v; }
  float F32() { float v = 0; Raw(&v, 4); return v; }
  int16_t I16() { int16_t v = 0; Raw(&v, 2); return v; }
  uint64_t VarU64() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = U8();
      if (failed_) return 0;
      v |= uint64_t{b & 0x7Fu} << shift;
      if (!(b & 0x80)) return v;
    }
    failed_ = true;  // more than ten bytes: not a varint we wrote
    return 0;
  }
  std::string_view String() {
    uint32_t n = U32();
    if (failed_ || n > bytes_.size() - pos_) {
      failed_ = true;
      return {};
    }
    std::string_view s = bytes_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  // A count of items of `item_size` bytes each that must still fit in the input.
  uint64_t Count(size_t item_size) {
    uint64_t n = U64();
    if (failed_ || (item_size > 0 && n > (bytes_.size() - pos_) / item_size)) {
      failed_ = true;
      return 0;
    }
    return n;
  }
  bool failed() const { return failed_; }
  bool done() const { return pos_ == bytes_.size(); }
  size_t remaining() const { return bytes_.size() - pos_; }

 private:
  void Raw(void* p, size_t n) {
    if (failed_ || n > bytes_.size() - pos_) {
      failed_ = true;
      return;
    }
    std::memcpy(p, bytes_.data() + pos_, n);
    pos_ += n;
  }
  std::string_view bytes_;
  size_t pos_ = 0;
  bool failed_ = false;
};

// Tables of u32 hashes with one byte each (gazetteers, name words). Version 3 writes the sorted hashes as
// varint gaps and then the bytes, which zlib packs far better than {u32, u8} records; earlier versions
// wrote the records. Reading returns false on malformed input.
void WriteHashBytes(ByteWriter& w, std::vector<std::pair<uint32_t, uint8_t>> table);
bool ReadHashBytes(ByteReader& r, uint32_t version, std::vector<std::pair<uint32_t, uint8_t>>* table);

struct ModelFile {
  // META: what the model is, for people and for checks ("kind", "lang", "trained_on", "command", "date").
  std::map<std::string, std::string> meta;
  // Other sections by tag ("DATA", "TEST", ...).
  std::map<std::string, std::string> sections;
  uint32_t version = kModelFormatVersion;  // as read; files are always written in the current version

  std::string Serialize() const;
  static Status Parse(std::string_view bytes, ModelFile* out);
  static Status Load(const std::string& path, ModelFile* out);
  Status Save(const std::string& path) const;

  // Checks that the model is of `kind` for `lang`, with a clear error otherwise.
  Status Expect(std::string_view kind, std::string_view lang) const;
};

}  // namespace bron

#endif  // BRON_MODEL_MODEL_FILE_H_
