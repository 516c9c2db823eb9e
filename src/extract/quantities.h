// QuantityExtractor: the numbers a Dutch or English text states, normalised — value (Dutch 800.000 and
// 2,5 and English 1,000,000 and 3.2; number words; fractions; scales like miljard/bn), bound (ruim,
// rond, tot, tientallen), kind and unit (money in ISO 4217, percent, durations, measures), ranges
// (tussen 24 en 65, 10-15) and the noun counted. Years, dates, times of day and numbers inside words
// are not quantities. Lexicons: data/<lang>/quantities.tsv. Immutable after construction; thread-safe.
//
//   "rond 420 drones" => {value 420, bound approx, kind count, counted "drones"}
//   "£80 miljard"     => {value 8e10, kind money, unit GBP}
#ifndef BRON_EXTRACT_QUANTITIES_H_
#define BRON_EXTRACT_QUANTITIES_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bron/document.h"

namespace bron {

class QuantityExtractor {
 public:
  explicit QuantityExtractor(std::string_view lang);

  // Fills doc->quantities (tokens needed; UPOS, when there, finds the counted noun).
  void Extract(Document* doc) const;

  // The value of a number written in digits, in the conventions of the language (and the other one
  // when unambiguous); nullopt when `s` is not a plain number. Exposed for tests.
  std::optional<double> ParseDigits(std::string_view s) const;
  // The value of a number word ("eenentwintig", "tweeduizend", "twenty"); nullopt otherwise.
  std::optional<double> ParseWord(const std::string& lowered) const;
  // The value of a fraction word ("anderhalve", "half"); nullopt otherwise.
  std::optional<double> ParseFraction(const std::string& lowered) const;
  // Whether the count at token `number`, with its unit ending before `after`, is a date that far after
  // publication ("over twee weken") rather than a span or a topic ("verspreid over drie dagen", "een boek
  // over tien jaar oorlog"). Shared with the times stage so that one phrase is one or the other.
  bool DateAhead(const Document& doc, const Sentence& sentence, uint32_t number, uint32_t after) const;

 private:
  struct Entry {
    std::string category, value;
  };
  const std::vector<Entry>* Find(const std::string& lowered) const;
  const std::string* Category(const std::string& lowered, std::string_view category) const;

  std::string lang_;
  std::unordered_map<std::string, std::vector<Entry>> lexicon_;
};

}  // namespace bron

#endif  // BRON_EXTRACT_QUANTITIES_H_
