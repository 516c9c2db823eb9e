// Scoring tokenisation and sentence splitting against UD gold, as the CoNLL 2018 shared task does:
// the raw text is rebuilt from the gold sentences (sentences of a paragraph joined by a space,
// paragraphs by a blank line) and tokens and sentences are compared as spans of non-space characters.
//
//   GoldTokenization gold;  BuildGold(conllu_bytes, &gold);
//   SpanSet mine = ...;     Score(gold.text, gold.spans, mine)  => {tokens: P/R/F1, sentences: P/R/F1}
#ifndef BRON_EVAL_TOKENIZE_EVAL_H_
#define BRON_EVAL_TOKENIZE_EVAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bron/status.h"

namespace bron {

using ByteSpan = std::pair<uint32_t, uint32_t>;

struct SpanSet {
  std::vector<ByteSpan> tokens;
  std::vector<ByteSpan> sentences;
};

struct GoldTokenization {
  std::string text;
  SpanSet spans;
  size_t unaligned = 0;  // gold forms not found in their sentence's text (skipped)
};

// Gold tokens are UD words where a multiword token's words spell it ("did" + "n't" = "didn't"),
// else the multiword token. Paragraphs come from "# newpar" lines where the file has them, else from
// sent_ids of the form "<doc>.p.<n>.s.<m>" (Lassy, Alpino), else each document is one paragraph.
Status BuildGold(std::string_view conllu, GoldTokenization* gold);

struct Prf {
  size_t gold = 0, system = 0, correct = 0;
  double precision() const { return system ? 100.0 * correct / system : 0.0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct TokenizeScores {
  Prf tokens, sentences;
};

TokenizeScores Score(const std::string& text, const SpanSet& gold, const SpanSet& system);

// Up to `limit` differences, for people: "token  missed  |Hij zei: [“Ja]” ...|". `what` is
// "tokens" or "sentences".
std::vector<std::string> ListDifferences(const std::string& text, const std::vector<ByteSpan>& gold,
                                         const std::vector<ByteSpan>& system, size_t limit);

// Reads another tokeniser's output (one sentence a line, tokens separated by spaces) and finds its
// tokens in `text`. Tokens that cannot be found are counted in `*unaligned` and left out.
SpanSet AlignTokenized(const std::string& text, std::string_view output, size_t* unaligned);

}  // namespace bron

#endif  // BRON_EVAL_TOKENIZE_EVAL_H_
