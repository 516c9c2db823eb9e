// EntityLinker: turns IOB2 entity tags into the document's entities: mentions of one referent grouped
// ("VLADIMIR Poetin" / "Poetin", "Zelensky" / "Zelenski", "Kyrylo Budanov" / "Budanov"), a canonical
// name (aliases, then GeoNames places, else the longest mention), one type by the mentions' votes, and
// roles from the titles before a person's name ("stafchef", "speciale gezant").
// Immutable after construction; thread-safe.
#ifndef BRON_NER_ENTITY_LINKER_H_
#define BRON_NER_ENTITY_LINKER_H_

#include <string>
#include <unordered_set>

#include "bron/document.h"
#include "ner/name_table.h"

namespace bron {

class EntityLinker {
 public:
  // `aliases`: curated names (data/aliases.tsv and $BRON_ALIASES); `places`: per language, from
  // the NER model (may be null).
  EntityLinker(NameTable aliases, const NameTable* places_nl, const NameTable* places_en)
      : aliases_(std::move(aliases)), places_nl_(places_nl), places_en_(places_en) {
    LoadRoles();
  }

  void Link(Document* doc) const;

  // "Zelenski", "Zelensky", "Zelenskyy" => "zelenski": a spelling key that forgives the usual Dutch
  // and English transliterations of Slavic names (oe/u, j/y/i, sj/sh, tsj/ch) and doubled letters.
  static std::string SpellingKey(std::string_view name);

 private:
  void LoadRoles();
  bool IsRole(std::string_view lang, std::string_view word) const;
  void RescueTitledNames(Document* doc) const;
  void SplitTitleHolders(Document* doc) const;

  NameTable aliases_;
  std::unordered_set<std::string> roles_nl_, roles_en_;  // data/<lang>/roles.txt
  const NameTable* places_nl_;  // borrowed from the NER stage's models
  const NameTable* places_en_;
};

}  // namespace bron

#endif  // BRON_NER_ENTITY_LINKER_H_
