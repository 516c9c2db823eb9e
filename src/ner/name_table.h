// NameTable: canonical names by alias, matched case-insensitively on a whole mention
// ("Moskou" => Moscow, LOC). The place names come with the NER model (built by `bron train ner` from
// GeoNames and the country lists); curated aliases for people and organisations come from
// data/aliases.tsv and the file named by $BRON_ALIASES.
#ifndef BRON_NER_NAME_TABLE_H_
#define BRON_NER_NAME_TABLE_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "bron/status.h"
#include "model/model_file.h"

namespace bron {

struct CanonicalName {
  std::string name;
  std::string type;  // PER, ORG, LOC, MISC
};

class NameTable {
 public:
  // Adds or replaces an alias (lower-cased here).
  void Add(std::string_view alias, std::string_view name, std::string_view type);
  std::optional<CanonicalName> Find(std::string_view mention) const;
  size_t size() const { return aliases_.size(); }

  // Lines "alias<TAB>name<TAB>type"; '#' comments and blank lines skipped.
  Status AddTsv(std::string_view tsv, std::string_view source);

  void Serialize(ByteWriter& w) const;
  Status Parse(ByteReader& r);

 private:
  std::unordered_map<std::string, CanonicalName> aliases_;
};

}  // namespace bron

#endif  // BRON_NER_NAME_TABLE_H_
