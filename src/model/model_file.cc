#include "model/model_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <fstream>
#include <sstream>

#include <zlib.h>

namespace bron {
namespace {

constexpr char kMagic[8] = {'B', 'R', 'O', 'N', 'M', 'O', 'D', 'L'};

uint32_t Crc32(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes uInt lengths: feed large payloads in pieces.
  for (size_t pos = 0; pos < bytes.size(); pos += (1u << 30)) {
    size_t n = std::min<size_t>(bytes.size() - pos, 1u << 30);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + pos), static_cast<uInt>(n));
  }
  return static_cast<uint32_t>(crc);
}

// Version 3 section payloads start with a codec byte: 0 stored as is, 1 zlib (u64 size, then the
// deflate stream). META stays stored so that `strings model.bron` still shows what a model is.
constexpr uint8_t kStored = 0, kZlib = 1;
constexpr uint64_t kMaxSection = uint64_t{1} << 31;  // far above any model; bounds what a bad size can allocate

std::string Encode(std::string_view tag, std::string_view raw) {
  ByteWriter w;
  if (tag != "META" && raw.size() > 64) {
    uLongf bound = compressBound(static_cast<uLong>(raw.size()));
    std::string packed(bound, '\0');
    if (compress2(reinterpret_cast<Bytef*>(packed.data()), &bound, reinterpret_cast<const Bytef*>(raw.data()),
                  static_cast<uLong>(raw.size()), Z_BEST_COMPRESSION) == Z_OK &&
        bound + 9 < raw.size()) {
      w.U8(kZlib);
      w.U64(raw.size());
      w.bytes().append(packed.data(), bound);
      return std::move(w.bytes());
    }
  }
  w.U8(kStored);
  w.bytes().append(raw);
  return std::move(w.bytes());
}

Status Decode(std::string_view tag, std::string_view stored, std::string* raw) {
  ByteReader r(stored);
  uint8_t codec = r.U8();
  if (r.failed()) return Status::InvalidInput("empty section '" + std::string(tag) + "'");
  if (codec == kStored) {
    *raw = std::string(stored.substr(1));
    return Status::Ok();
  }
  if (codec != kZlib) {
    return Status::InvalidInput("section '" + std::string(tag) + "' has unknown codec " + std::to_string(codec));
  }
  uint64_t size = r.U64();
  if (r.failed() || size > kMaxSection) {
    return Status::InvalidInput("section '" + std::string(tag) + "' has a bad uncompressed size");
  }
  raw->assign(size, '\0');
  uLongf got = static_cast<uLongf>(size);
  std::string_view packed = stored.substr(9);
  int rc = uncompress(reinterpret_cast<Bytef*>(raw->data()), &got, reinterpret_cast<const Bytef*>(packed.data()),
                      static_cast<uLong>(packed.size()));
  if (rc != Z_OK || got != size) {
    raw->clear();
    return Status::InvalidInput("section '" + std::string(tag) + "' does not decompress (zlib error " +
                                std::to_string(rc) + ")");
  }
  return Status::Ok();
}

void WriteSection(ByteWriter& w, std::string_view tag, std::string_view payload) {
  for (int i = 0; i < 4; ++i) w.U8(static_cast<uint8_t>(i < static_cast<int>(tag.size()) ? tag[i] : ' '));
  w.U64(payload.size());
  w.bytes().append(payload);
  w.U32(Crc32(payload));
}

}  // namespace

void WriteHashBytes(ByteWriter& w, std::vector<std::pair<uint32_t, uint8_t>> table) {
  std::sort(table.begin(), table.end());
  w.U64(table.size());
  uint32_t previous = 0;
  for (const auto& [hash, bits] : table) {
    w.VarU64(hash - previous);
    previous = hash;
  }
  for (const auto& [hash, bits] : table) w.U8(bits);
}

bool ReadHashBytes(ByteReader& r, uint32_t version, std::vector<std::pair<uint32_t, uint8_t>>* table) {
  table->clear();
  if (version < 3) {
    uint64_t n = r.Count(5);
    table->reserve(n);
    for (uint64_t i = 0; i < n && !r.failed(); ++i) {
      uint32_t hash = r.U32();
      table->emplace_back(hash, r.U8());
    }
    return !r.failed();
  }
  uint64_t n = r.Count(2);
  table->resize(n);
  uint64_t hash = 0;
  for (uint64_t i = 0; i < n; ++i) {
    hash += r.VarU64();
    if (r.failed() || hash > UINT32_MAX || (i > 0 && hash == (*table)[i - 1].first)) return false;
    (*table)[i].first = static_cast<uint32_t>(hash);
  }
  for (uint64_t i = 0; i < n; ++i) (*table)[i].second = r.U8();
  return !r.failed();
}

std::string ModelFile::Serialize() const {
  ByteWriter w;
  w.bytes().append(kMagic, sizeof(kMagic));
  w.U32(kModelFormatVersion);
  ByteWriter meta_bytes;
  meta_bytes.U32(static_cast<uint32_t>(meta.size()));
  for (const auto& [k, v] : meta) {
    meta_bytes.String(k);
    meta_bytes.String(v);
  }
  WriteSection(w, "META", Encode("META", meta_bytes.bytes()));
  for (const auto& [tag, payload] : sections) WriteSection(w, tag, Encode(tag, payload));
  WriteSection(w, "END ", "");
  return std::move(w.bytes());
}

Status ModelFile::Parse(std::string_view bytes, ModelFile* out) {
  *out = ModelFile();
  if (bytes.size() < sizeof(kMagic) + 4 || bytes.substr(0, sizeof(kMagic)) != std::string_view(kMagic, 8)) {
    return Status::InvalidInput("not a bron model file (bad magic)");
  }
  ByteReader r(bytes.substr(sizeof(kMagic)));
  uint32_t version = r.U32();
  if (version > kModelFormatVersion) {
    return Status::Unsupported("model format version " + std::to_string(version) + " is newer than this bron (" +
                               std::to_string(kModelFormatVersion) + "): upgrade bron");
  }
  if (version == 0) return Status::InvalidInput("model format version 0 is invalid");
  out->version = version;
  size_t offset = sizeof(kMagic) + 4;
  bool ended = false;
  while (!ended) {
    std::string tag(4, ' ');
    for (char& c : tag) c = static_cast<char>(r.U8());
    uint64_t length = r.U64();
    if (r.failed()) return Status::InvalidInput("truncated at byte " + std::to_string(offset) + " (section header)");
    size_t payload_at = offset + 12;
    if (length > bytes.size() - payload_at || bytes.size() - payload_at - length < 4) {
      return Status::InvalidInput("truncated in section '" + tag + "' at byte " + std::to_string(offset));
    }
    std::string_view payload = bytes.substr(payload_at, length);
    ByteReader crc_reader(bytes.substr(payload_at + length, 4));
    if (crc_reader.U32() != Crc32(payload)) {
      return Status::InvalidInput("checksum mismatch in section '" + tag + "' at byte " + std::to_string(offset));
    }
    std::string decoded;
    if (version >= 3 && tag != "END ") {
      Status st = Decode(tag, payload, &decoded);
      if (!st.ok()) return Status::InvalidInput(st.message() + " at byte " + std::to_string(offset));
      payload = decoded;
    }
    r = ByteReader(bytes.substr(payload_at + length + 4));
    offset = payload_at + length + 4;
    if (tag == "END ") {
      ended = true;
    } else if (tag == "META") {
      ByteReader m(payload);
      uint32_t n = m.U32();
      for (uint32_t i = 0; i < n && !m.failed(); ++i) {
        std::string k(m.String());
        out->meta[k] = std::string(m.String());
      }
      if (m.failed()) return Status::InvalidInput("malformed META section");
    } else {
      out->sections[tag] = std::string(payload);
    }
  }
  if (offset != bytes.size()) return Status::InvalidInput("trailing bytes after the END section");
  return Status::Ok();
}

Status ModelFile::Load(const std::string& path, ModelFile* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open model file: " + std::strerror(errno));
  std::ostringstream s;
  s << in.rdbuf();
  std::string bytes = s.str();
  Status st = Parse(bytes, out);
  return st.WithContext(path);
}

Status ModelFile::Save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  std::string bytes = Serialize();
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return Status::IoError(path + ": cannot write model file");
  return Status::Ok();
}

Status ModelFile::Expect(std::string_view kind, std::string_view lang) const {
  auto k = meta.find("kind");
  auto l = meta.find("lang");
  if (k == meta.end() || k->second != kind) {
    return Status::InvalidInput("is a '" + (k == meta.end() ? std::string("?") : k->second) + "' model, expected '" +
                                std::string(kind) + "'");
  }
  if (l == meta.end() || l->second != lang) {
    return Status::InvalidInput("is a model for language '" + (l == meta.end() ? std::string("?") : l->second) +
                                "', expected '" + std::string(lang) + "'");
  }
  return Status::Ok();
}

}  // namespace bron
