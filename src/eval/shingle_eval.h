// Main text against reference article text, scored with 4-word shingles as the article-extraction
// benchmarks do: per page, precision = shingles shared with the reference / our shingles and recall =
// shared / the reference's (as multisets of lower-cased word 4-grams); the means over pages, F1 of the
// means.
//
//   ShingleEvalResult r;
//   Status s = EvalShingles("~/.cache/bron/readability-pages/test-pages", &r);  // NAME/source.html, NAME/expected.html
//   r.precision, r.recall, r.F1()
#ifndef BRON_EVAL_SHINGLE_EVAL_H_
#define BRON_EVAL_SHINGLE_EVAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "bron/status.h"

namespace bron {

struct PageShingleScore {
  std::string name;
  double precision = 0, recall = 0;
  std::string problem;  // extraction failed: why
};

struct ShingleEvalResult {
  std::vector<PageShingleScore> pages;  // by name
  size_t failed = 0;                    // pages where bron found no text (scored 0)
  double precision = 0, recall = 0;     // means over pages, 0..1
  double F1() const { return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0; }
};

// Lower-cased words: runs of letters and digits (any byte of a multi-byte UTF-8 character counts as one).
std::vector<std::string> ShingleWords(std::string_view text);

// Precision and recall of `ours` against `reference` with n-word shingles. Texts shorter than n words
// are one shingle; both empty scores 1, one empty 0.
void ShingleScore(std::string_view ours, std::string_view reference, int n, double* precision, double* recall);

// The text of an HTML fragment (an expected.html), words of adjacent elements kept apart.
std::string TextOfHtml(std::string_view html);

// Every folder of `dir` with a source.html and an expected.html: bron's main text of the source against
// the text of the expected article. With `system` (another extractor's output, SYSTEM/NAME.html or
// SYSTEM/NAME.txt) that output is scored instead of bron's; a missing one scores 0.
Status EvalShingles(const std::string& dir, ShingleEvalResult* result, const std::string& system = "");

}  // namespace bron

#endif  // BRON_EVAL_SHINGLE_EVAL_H_
