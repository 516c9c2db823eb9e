// bron analyze [INPUT…]: analyse documents and print them.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bron/pipeline.h"
#include "cli/commands.h"
#include "io/reader.h"
#include "io/writer.h"

namespace bron {
namespace {

struct AnalyzeFlags {
  std::vector<std::string> inputs;
  std::string lang = "auto";
  std::string published;
  std::string input_format = "auto";
  std::string format = "json";
  bool tokens = false;
  bool lenient = false;
  std::string stages_list;
  std::string speakers;
};

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

int RunAnalyze(const AnalyzeFlags& flags) {
  ReaderOptions reader;
  WriteOptions writer;
  Status s = ParseInputFormat(flags.input_format, &reader.format);
  if (s.ok()) s = ParseOutputFormat(flags.format, &writer.format);
  if (s.ok() && !flags.published.empty() && !IsIsoDate(flags.published)) {
    s = Status::Usage("--published expects a date as YYYY-MM-DD, not '" + flags.published + "'");
  }
  std::unique_ptr<Pipeline> pipeline;
  if (s.ok()) s = BuildPipeline(flags.stages_list, flags.lang, &pipeline, flags.speakers);
  if (!s.ok()) {
    PrintError(s.message());
    return s.code() == Status::Code::kUsage ? 2 : 1;
  }
  reader.lenient = flags.lenient;
  if (flags.lang != "auto") reader.lang = flags.lang;
  if (!flags.published.empty()) reader.published = flags.published;
  writer.tokens = flags.tokens;
  writer.stages = pipeline->stage_names();

  std::vector<std::string> inputs = flags.inputs;
  if (inputs.empty()) inputs.push_back("-");
  size_t failed_inputs = 0, documents = 0;
  bool output_ok = true;
  std::string out;
  auto write = [&](std::string& buffer) {
    if (output_ok && std::fwrite(buffer.data(), 1, buffer.size(), stdout) != buffer.size()) {
      PrintError(std::string("writing the output failed: ") + std::strerror(errno));
      output_ok = false;
    }
    buffer.clear();
  };
  writer.flush = write;
  for (const std::string& input : inputs) {
    bool failed = false;
    auto on_error = [&](const Status& e) {
      PrintError(e.message());
      failed = true;
    };
    auto on_document = [&](Document&& doc) {
      Status ps = pipeline->Process(doc);
      if (!ps.ok()) return on_error(ps.WithContext(input + ": document " + doc.id));
      for (const Note& n : doc.notes) {
        std::fprintf(stderr, "bron: %s: document %s: %s\n", input.c_str(), doc.id.c_str(), n.message.c_str());
      }
      out.clear();
      WriteDocument(doc, writer, &out);
      write(out);
      ++documents;
    };
    Status rs = ReadInput(input, reader, on_document, on_error);
    if (!rs.ok()) on_error(rs);
    failed_inputs += failed;
  }
  if (std::fflush(stdout) != 0 && output_ok) {
    PrintError(std::string("writing the output failed: ") + std::strerror(errno));
    output_ok = false;
  }
  if (failed_inputs > 0) {
    std::fprintf(stderr, "bron: %zu of %zu input(s) had errors; %zu document(s) analysed\n", failed_inputs,
                 inputs.size(), documents);
  }
  return failed_inputs > 0 || !output_ok ? 1 : 0;
}

}  // namespace

CommandRunner AddAnalyzeCommand(CLI::App& app) {
  auto flags = std::make_shared<AnalyzeFlags>();
  CLI::App* cmd = app.add_subcommand("analyze", "Analyse documents and print them (bron/1 JSON, CoNLL-U or text)");
  cmd->footer(
      "Examples:\n"
      "  bron analyze --lang nl --published 2026-02-27 examples/seed.nl.txt\n"
      "  bron analyze --format text article.txt\n"
      "  bron analyze --input conllu --format conllu nl_alpino-ud-dev.conllu\n"
      "  cat news.jsonl | bron analyze --format jsonl -\n"
      "Exit status: 0 all inputs analysed, 1 some inputs had errors (the rest were analysed), 2 usage error.");
  cmd->add_option("inputs", flags->inputs, "Files to analyse; '-' or nothing reads standard input");
  cmd->add_option("--lang", flags->lang, "Language of the documents: nl, en or auto (identified per document)")
      ->check(CLI::IsMember({"nl", "en", "auto"}));
  cmd->add_option("--published", flags->published, "Publication date (YYYY-MM-DD) for documents that carry none");
  cmd->add_option("--input", flags->input_format, "Input format: text, jsonl, conll, conllu, html (a page: its main text), warc (WARC or ARC, gzip or not) or auto")
      ->check(CLI::IsMember({"text", "jsonl", "conll", "conllu", "html", "warc", "auto"}));
  cmd->add_option("--format", flags->format, "Output format: json (pretty), jsonl, conllu or text (for people)")
      ->check(CLI::IsMember({"json", "jsonl", "conllu", "text"}));
  cmd->add_flag("--tokens", flags->tokens, "Include tokens in JSON and text output (always in CoNLL-U)");
  cmd->add_flag("--lenient", flags->lenient, "Replace invalid UTF-8 and NUL bytes with U+FFFD instead of failing");
  AddStagesOption(cmd, &flags->stages_list);
  AddSpeakersOption(cmd, &flags->speakers);
  return [flags] { return RunAnalyze(*flags); };
}

}  // namespace bron
