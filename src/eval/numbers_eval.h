// Scoring quantities and times against a hand annotation (data/eval/numbers-nl.jsonl, made by
// scripts/numbers-gold; rules in docs/annotation-guidelines.md). A system item is correct when its span
// overlaps a gold item's and its value is the same (a range: the same low and high; a time: the same ISO
// value); each gold item is matched once. Only times of kind "date" are scored: durations are quantities.
#ifndef BRON_EVAL_NUMBERS_EVAL_H_
#define BRON_EVAL_NUMBERS_EVAL_H_

#include <optional>
#include <string>
#include <vector>

#include "bron/document.h"
#include "bron/status.h"
#include "eval/tokenize_eval.h"

namespace bron {

struct GoldNumber {
  uint32_t start = 0, end = 0;  // code point offsets into the article's text
  std::string text;
  std::optional<double> value, low, high;  // quantities
  std::string time_value;                  // times
};

struct NumberGold {
  std::string id;
  std::string split;  // dev | test
  std::vector<GoldNumber> quantities, times;
};

// Reads the gold JSONL; an error names the file and line.
Status ReadNumberGold(const std::string& path, std::vector<NumberGold>* out);

struct NumberScores {
  Prf quantities, times;
};

// Adds the scores of one analysed document (quantities and times stages run) against its gold to `scores`;
// appends misses and false finds, for people, to `errors` when it is not null.
void ScoreNumbers(const NumberGold& gold, const Document& doc, NumberScores* scores, std::vector<std::string>* errors);

}  // namespace bron

#endif  // BRON_EVAL_NUMBERS_EVAL_H_
