// TimeExtractor: dates and durations in Dutch and English text, normalised to ISO 8601 against the
// document's publication date — absolute (27 februari 2026, 27-02-2026, 2026-02-27, February 27, in
// februari, in 2019), relative (gisteren, vorige week, vorige maand, vorig jaar, vier jaar geleden,
// donderdag => the most recent Thursday before publication, last Thursday) and durations (P4Y).
// A relative expression without a publication date gets value null. Lexicons: data/<lang>/times.tsv.
// Immutable after construction; thread-safe.
#ifndef BRON_EXTRACT_TIMES_H_
#define BRON_EXTRACT_TIMES_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "bron/document.h"
#include "extract/quantities.h"

namespace bron {

class TimeExtractor {
 public:
  explicit TimeExtractor(std::string_view lang);
  void Extract(Document* doc) const;

 private:
  // The value of a word in a category of the lexicon ("month": "juni" => "6"), or null.
  const std::string* Lookup(const std::string& lowered, std::string_view category) const;

  std::string lang_;
  std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> lexicon_;
  QuantityExtractor numbers_;  // for "vier jaar geleden", "27-02-2026"
};

}  // namespace bron

#endif  // BRON_EXTRACT_TIMES_H_
