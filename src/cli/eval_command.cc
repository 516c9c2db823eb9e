// bron eval KIND: score bron against gold data.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "bron/pipeline.h"
#include "cli/commands.h"
#include "eval/tokenize_eval.h"
#include "text/langid.h"
#include "text/tokenizer.h"

namespace bron {
namespace {

struct EvalFlags {
  std::string gold;
  std::string lang = "auto";
  std::string system_file;
  std::string system_name;
  std::string write_text;
  std::string format = "text";
  size_t errors = 0;
};

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

std::string Basename(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

int RunEvalTokenize(const EvalFlags& flags) {
  std::string conllu;
  if (!ReadFile(flags.gold, &conllu)) {
    PrintError(flags.gold + ": cannot read the gold file");
    return 1;
  }
  GoldTokenization gold;
  Status s = BuildGold(conllu, &gold);
  if (!s.ok()) {
    PrintError(s.WithContext(flags.gold).message());
    return 1;
  }
  if (!flags.write_text.empty()) {
    std::ofstream out(flags.write_text, std::ios::binary);
    out << gold.text << "\n";
    if (!out) {
      PrintError(flags.write_text + ": cannot write");
      return 1;
    }
  }
  SpanSet system;
  std::string name = flags.system_name;
  size_t unaligned = 0;
  double seconds = 0;
  if (!flags.system_file.empty()) {
    std::string output;
    if (!ReadFile(flags.system_file, &output)) {
      PrintError(flags.system_file + ": cannot read the system output");
      return 1;
    }
    system = AlignTokenized(gold.text, output, &unaligned);
    if (name.empty()) name = Basename(flags.system_file);
  } else {
    if (name.empty()) name = "bron";
    std::string lang = flags.lang == "auto" ? LanguageIdentifier().Identify(gold.text).lang : flags.lang;
    Tokenizer tokenizer(lang);
    Document doc;
    doc.text = gold.text;
    doc.lang = lang;
    auto start = std::chrono::steady_clock::now();
    tokenizer.Tokenize(&doc);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const Token& t : doc.tokens) system.tokens.emplace_back(t.start, t.end);
    for (const Sentence& x : doc.sentences) system.sentences.emplace_back(x.start, x.end);
  }
  TokenizeScores scores = Score(gold.text, gold.spans, system);
  if (flags.errors > 0) {
    for (const std::string& line : ListDifferences(gold.text, gold.spans.sentences, system.sentences, flags.errors)) {
      std::fprintf(stderr, "sentence %s\n", line.c_str());
    }
    for (const std::string& line : ListDifferences(gold.text, gold.spans.tokens, system.tokens, flags.errors)) {
      std::fprintf(stderr, "token    %s\n", line.c_str());
    }
  }
  std::string gold_name = Basename(flags.gold);
  if (flags.format == "json") {
    std::printf(
        "{\"kind\":\"tokenize\",\"gold\":\"%s\",\"system\":\"%s\","
        "\"tokens\":{\"precision\":%.2f,\"recall\":%.2f,\"f1\":%.2f,\"gold\":%zu},"
        "\"sentences\":{\"precision\":%.2f,\"recall\":%.2f,\"f1\":%.2f,\"gold\":%zu},"
        "\"unaligned\":%zu,\"seconds\":%.4f}\n",
        gold_name.c_str(), name.c_str(), scores.tokens.precision(), scores.tokens.recall(), scores.tokens.f1(),
        scores.tokens.gold, scores.sentences.precision(), scores.sentences.recall(), scores.sentences.f1(),
        scores.sentences.gold, unaligned, seconds);
  } else {
    std::printf("%-28s %-6s tokens P %6.2f R %6.2f F1 %6.2f | sentences P %6.2f R %6.2f F1 %6.2f",
                gold_name.c_str(), name.c_str(), scores.tokens.precision(), scores.tokens.recall(),
                scores.tokens.f1(), scores.sentences.precision(), scores.sentences.recall(),
                scores.sentences.f1());
    if (unaligned) std::printf(" (%zu tokens not found in the text)", unaligned);
    std::printf("\n");
  }
  return 0;
}

}  // namespace

CommandRunner AddEvalCommand(CLI::App& app) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* cmd = app.add_subcommand("eval", "Score bron against gold data");
  cmd->require_subcommand(1);
  CLI::App* tok = cmd->add_subcommand("tokenize", "Tokens and sentences against UD CoNLL-U gold (span F1)");
  tok->footer(
      "The raw text is rebuilt from the gold sentences (a paragraph's sentences joined by a space,\n"
      "paragraphs by a blank line); tokens and sentences are scored as spans of non-space characters.\n"
      "Examples:\n"
      "  bron eval tokenize --gold ../shared/data/ud/nl_alpino-ud-dev.conllu --lang nl\n"
      "  bron eval tokenize --gold dev.conllu --write-text dev.txt   # then run another tokeniser on dev.txt\n"
      "  bron eval tokenize --gold dev.conllu --system dev.ucto.txt --system-name ucto");
  tok->add_option("--gold", flags->gold, "Gold CoNLL-U file")->required();
  tok->add_option("--lang", flags->lang, "Language: nl, en or auto")->check(CLI::IsMember({"nl", "en", "auto"}));
  tok->add_option("--system", flags->system_file,
                  "Score this output of another tokeniser instead (a sentence a line, tokens split by spaces)");
  tok->add_option("--system-name", flags->system_name, "Name to print for the system");
  tok->add_option("--write-text", flags->write_text, "Also write the rebuilt raw text to this file");
  tok->add_option("--errors", flags->errors, "Print up to N missed and N extra sentences and tokens on stderr");
  tok->add_option("--format", flags->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [flags] { return RunEvalTokenize(*flags); };
}

}  // namespace bron
