// Scoring main-text and metadata extraction against trafilatura's evaluation set (evaldata.json: per URL
// the page file, snippets that must appear in the main text ("with") and must not ("without"), and the
// title, author and date for most pages).
//
//   HtmlEvalResult r;
//   Status s = EvalHtml("evaldata.json", "html/", 0, &r);
//   r.Precision(), r.Recall(), r.F1()   // over snippets, as trafilatura's evaluate.py counts them
//
// A snippet counts as found when it occurs in the extracted text with white space collapsed on both sides.
#ifndef BRON_EVAL_HTML_EVAL_H_
#define BRON_EVAL_HTML_EVAL_H_

#include <string>
#include <vector>

#include "bron/status.h"

namespace bron {

struct FieldScore {
  size_t correct = 0, total = 0;
  double Accuracy() const { return total ? 100.0 * correct / total : 0; }
};

struct HtmlEvalResult {
  size_t pages = 0, missing_pages = 0, failed_pages = 0;
  size_t with_found = 0, with_total = 0;           // true positives of `with_total`
  size_t without_found = 0, without_total = 0;     // false positives of `without_total`
  FieldScore title, author, date;
  double extract_seconds = 0;                      // CPU seconds of ExtractArticle alone, summed over pages
  size_t html_bytes = 0;
  std::vector<std::string> errors;                 // "file: missed with 'snippet'", … (up to the limit)

  double Precision() const {
    size_t tp = with_found, fp = without_found;
    return tp + fp ? 100.0 * tp / (tp + fp) : 0;
  }
  double Recall() const { return with_total ? 100.0 * with_found / with_total : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Reads `gold` (evaldata.json) and the pages in `pages_dir` (FILE or FILE.gz), extracts each, scores it.
// Lists up to `max_errors` misses in `result->errors`.
Status EvalHtml(const std::string& gold, const std::string& pages_dir, size_t max_errors, HtmlEvalResult* result);

}  // namespace bron

#endif  // BRON_EVAL_HTML_EVAL_H_
