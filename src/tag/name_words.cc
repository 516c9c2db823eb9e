#include "tag/name_words.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "model/linear_model.h"
#include "model/model_file.h"
#include "text/chars.h"

namespace bron {

uint32_t NameWords::Key(std::string_view lower) {
  uint64_t h = FeatureHash(77, lower);
  return static_cast<uint32_t>(h ^ (h >> 32));
}

Status NameWords::AddAlpinoLists(const std::string& dir) {
  const std::pair<const char*, uint8_t> files[] = {{"per.txt", kPer}, {"geo.txt", kLoc}, {"org.txt", kOrg}, {"misc.txt", kMisc}};
  for (const auto& [file, type] : files) {
    std::ifstream in(dir + "/" + file);
    if (!in) return Status::IoError(dir + "/" + file + ": cannot open");
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> tokens;
      std::istringstream words(line);
      for (std::string w; words >> w;) tokens.push_back(w);
      for (size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        if (t.empty() || !std::isupper(static_cast<unsigned char>(t[0]))) continue;
        uint8_t position = tokens.size() == 1 ? kAlone : i == 0 ? kFirst : i + 1 == tokens.size() ? kLast : kInside;
        bits_.Or(Key(Lowercase(t)), type | position);
      }
    }
  }
  return Status::Ok();
}

void NameWords::Annotate(std::vector<WordInfo>* words) const {
  if (bits_.empty()) return;
  for (WordInfo& w : *words) {
    w.name_bits = bits_.Get(Key(w.lower));
    w.has_name_words = true;
  }
}

std::string NameWords::Serialize() const {
  ByteWriter w;
  WriteHashBytes(w, bits_.Items());
  return std::move(w.bytes());
}

Status NameWords::Parse(std::string_view bytes, uint32_t version) {
  bits_.clear();
  ByteReader r(bytes);
  std::vector<std::pair<uint32_t, uint8_t>> table;
  if (!ReadHashBytes(r, version, &table) || !r.done()) return Status::InvalidInput("malformed name words (NAME section)");
  bits_.reserve(table.size());
  for (const auto& [key, bits] : table) bits_.Or(key, bits);
  return Status::Ok();
}

}  // namespace bron
