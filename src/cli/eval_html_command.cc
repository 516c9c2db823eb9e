// bron eval html: main-text and metadata extraction against trafilatura's evaluation pages.
#include <algorithm>
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "eval/html_eval.h"
#include "eval/shingle_eval.h"

namespace bron {
namespace {

struct EvalHtmlFlags {
  std::string gold;
  std::string reference;
  std::string system;  // with --reference: another extractor's outputs instead of bron's
  std::string pages;
  std::string format = "text";
  size_t errors = 0;
};

// --reference: 4-word shingle P/R/F1 against the reference article text of each page.
int RunShingles(const EvalHtmlFlags& flags) {
  ShingleEvalResult r;
  Status s = EvalShingles(flags.reference, &r, flags.system);
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  std::vector<const PageShingleScore*> worst;
  for (const auto& p : r.pages) worst.push_back(&p);
  auto f1 = [](const PageShingleScore* p) {
    return p->precision + p->recall > 0 ? 2 * p->precision * p->recall / (p->precision + p->recall) : 0;
  };
  std::stable_sort(worst.begin(), worst.end(), [&](auto* a, auto* b) { return f1(a) < f1(b); });
  for (size_t i = 0; i < std::min(flags.errors, worst.size()); ++i) {
    std::fprintf(stderr, "%s: P %.3f R %.3f F1 %.3f%s%s\n", worst[i]->name.c_str(), worst[i]->precision, worst[i]->recall,
                 f1(worst[i]), worst[i]->problem.empty() ? "" : "  ", worst[i]->problem.c_str());
  }
  if (flags.format == "json") {
    std::printf("{\"kind\":\"shingles\",\"pages\":%zu,\"no_text\":%zu,\"precision\":%.3f,\"recall\":%.3f,\"f1\":%.3f}\n",
                r.pages.size(), r.failed, r.precision, r.recall, r.F1());
  } else {
    std::printf("pages %zu (no text %zu)\n", r.pages.size(), r.failed);
    std::printf("main text  P %.3f R %.3f F1 %.3f (4-word shingles, means over pages)\n", r.precision, r.recall, r.F1());
  }
  return 0;
}

int RunEvalHtml(const EvalHtmlFlags& flags) {
  if (!flags.reference.empty()) return RunShingles(flags);
  if (flags.gold.empty()) {
    PrintError("give --gold FILE (snippets) or --reference DIR (pages with their expected article)");
    return 2;
  }
  std::string pages = flags.pages;
  if (pages.empty()) {
    size_t slash = flags.gold.find_last_of('/');
    pages = (slash == std::string::npos ? std::string(".") : flags.gold.substr(0, slash)) + "/html";
  }
  HtmlEvalResult r;
  Status s = EvalHtml(flags.gold, pages, flags.errors, &r);
  for (const std::string& e : r.errors) std::fprintf(stderr, "%s\n", e.c_str());
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  double pages_per_second = r.extract_seconds > 0 ? r.pages / r.extract_seconds : 0;
  if (flags.format == "json") {
    std::printf(
        "{\"kind\":\"html\",\"pages\":%zu,\"missing\":%zu,\"failed\":%zu,"
        "\"main_text\":{\"precision\":%.2f,\"recall\":%.2f,\"f1\":%.2f,\"with_found\":%zu,\"with\":%zu,"
        "\"without_avoided\":%zu,\"without\":%zu},"
        "\"title\":{\"accuracy\":%.2f,\"gold\":%zu},\"author\":{\"accuracy\":%.2f,\"gold\":%zu},"
        "\"date\":{\"accuracy\":%.2f,\"gold\":%zu},\"pages_per_second\":%.1f,\"mb_per_second\":%.2f}\n",
        r.pages, r.missing_pages, r.failed_pages, r.Precision(), r.Recall(), r.F1(), r.with_found, r.with_total,
        r.without_total - r.without_found, r.without_total, r.title.Accuracy(), r.title.total, r.author.Accuracy(),
        r.author.total, r.date.Accuracy(), r.date.total, pages_per_second,
        r.extract_seconds > 0 ? r.html_bytes / r.extract_seconds / 1e6 : 0);
  } else {
    std::printf("pages %zu (missing %zu, no text %zu)\n", r.pages, r.missing_pages, r.failed_pages);
    std::printf("main text  P %6.2f R %6.2f F1 %6.2f | with found %zu/%zu, without avoided %zu/%zu\n", r.Precision(),
                r.Recall(), r.F1(), r.with_found, r.with_total, r.without_total - r.without_found, r.without_total);
    std::printf("metadata   title %6.2f  author %6.2f  date %6.2f  (accuracy over %zu annotated pages)\n",
                r.title.Accuracy(), r.author.Accuracy(), r.date.Accuracy(), r.title.total);
    std::printf("speed      %.0f pages/s, %.1f MB/s of HTML on one core (extraction alone, CPU time)\n", pages_per_second,
                r.extract_seconds > 0 ? r.html_bytes / r.extract_seconds / 1e6 : 0);
  }
  return 0;
}

}  // namespace

CommandRunner AddEvalHtmlCommand(CLI::App& eval) {
  auto flags = std::make_shared<EvalHtmlFlags>();
  CLI::App* cmd = eval.add_subcommand("html", "Main text and metadata of web pages against trafilatura's evaluation set");
  cmd->footer(
      "Snippets: precision, recall and F1 over the 'with' (must be found) and 'without' (must not) snippets\n"
      "of evaldata.json, counted as trafilatura's evaluate.py does; title, author and date: exact matches.\n"
      "With --reference DIR instead: every DIR/NAME/source.html against the article text of DIR/NAME/expected.html,\n"
      "scored with 4-word shingles (precision, recall, F1: means over pages), as article-extraction benchmarks do.\n"
      "Examples:\n"
      "  bron eval html --gold ../shared/data/html/trafilatura-eval/evaldata.json\n"
      "  bron eval html --reference \"$(scripts/fetch-readability-pages)\" --errors 10");
  cmd->add_option("--gold", flags->gold, "evaldata.json");
  cmd->add_option("--reference", flags->reference, "Folder of NAME/source.html + NAME/expected.html (4-word shingles)");
  cmd->add_option("--system", flags->system,
                  "With --reference: score another extractor's outputs (DIR/NAME.html or DIR/NAME.txt) instead of bron's");
  cmd->add_option("--pages", flags->pages, "Folder of the pages (FILE or FILE.gz; default: html/ beside the gold file)");
  cmd->add_option("--errors", flags->errors, "Print up to N missed and included snippets on stderr");
  cmd->add_option("--format", flags->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [flags] { return RunEvalHtml(*flags); };
}

}  // namespace bron
