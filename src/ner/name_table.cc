#include "ner/name_table.h"

#include <algorithm>
#include <vector>

#include "ner/recognizer.h"

namespace bron {

void NameTable::Add(std::string_view alias, std::string_view name, std::string_view type) {
  aliases_[LowerForGazetteer(alias)] = CanonicalName{std::string(name), std::string(type)};
}

std::optional<CanonicalName> NameTable::Find(std::string_view mention) const {
  auto it = aliases_.find(LowerForGazetteer(mention));
  if (it == aliases_.end()) return std::nullopt;
  return it->second;
}

Status NameTable::AddTsv(std::string_view tsv, std::string_view source) {
  size_t pos = 0, number = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() : nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      return Status::InvalidInput(std::string(source) + ":" + std::to_string(number) +
                                  ": expected alias<TAB>name<TAB>type");
    }
    std::string_view type = line.substr(t2 + 1);
    if (type != "PER" && type != "ORG" && type != "LOC" && type != "MISC") {
      return Status::InvalidInput(std::string(source) + ":" + std::to_string(number) + ": type must be PER, ORG, LOC or MISC");
    }
    Add(line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1), type);
  }
  return Status::Ok();
}

void NameTable::Serialize(ByteWriter& w) const {
  std::vector<std::pair<std::string, CanonicalName>> sorted(aliases_.begin(), aliases_.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.U64(sorted.size());
  for (const auto& [alias, c] : sorted) {
    w.String(alias);
    w.String(c.name);
    w.String(c.type);
  }
}

Status NameTable::Parse(ByteReader& r) {
  aliases_.clear();
  uint64_t n = r.Count(12);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) {
    std::string alias(r.String());
    CanonicalName c;
    c.name = std::string(r.String());
    c.type = std::string(r.String());
    aliases_[alias] = c;
  }
  if (r.failed()) return Status::InvalidInput("truncated name table");
  return Status::Ok();
}

}  // namespace bron
