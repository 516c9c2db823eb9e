// bron eval KIND: score bron against gold data.
#include <algorithm>
#include <chrono>
#include <map>
#include <tuple>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "bron/pipeline.h"
#include "cli/commands.h"
#include "eval/tokenize_eval.h"
#include "text/langid.h"
#include "text/tokenizer.h"
#include "model/model_path.h"
#include "tag/tagger.h"
#include "ner/recognizer.h"
#include "train/corpus.h"

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

struct TaggerEvalFlags {
  std::string gold;
  std::string lang;
  std::string model;
  std::string format = "text";
  size_t errors = 0;
};

// UPOS, XPOS and lemma accuracy on the words of a gold CoNLL-U file (gold tokens).
int RunEvalTagger(const TaggerEvalFlags& flags) {
  std::vector<AnnotatedSentence> gold;
  Status s = ReadConlluCorpus(flags.gold, &gold);
  std::string path = flags.model;
  if (s.ok() && path.empty()) s = FindModel(flags.lang + "-tagger.bron", &path);
  std::unique_ptr<Tagger> tagger;
  if (s.ok()) s = Tagger::Load(path, flags.lang, &tagger);
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  size_t words = 0, upos = 0, xpos = 0, lemma = 0, both = 0, printed = 0;
  auto start = std::chrono::steady_clock::now();
  for (const AnnotatedSentence& sentence : gold) {
    std::vector<std::string_view> views(sentence.words.begin(), sentence.words.end());
    std::vector<uint32_t> labels = tagger->Predict(views);
    std::vector<std::string> lemmas = tagger->Lemmas(views, labels);
    for (size_t i = 0; i < views.size(); ++i) {
      const std::string& label = tagger->labels()[labels[i]];
      size_t tab = label.find('\t');
      bool u = label.substr(0, tab) == sentence.upos[i];
      bool x = label.substr(tab + 1) == sentence.xpos[i];
      upos += u;
      xpos += x;
      both += u && x;
      lemma += lemmas[i] == sentence.lemmas[i];
      ++words;
      if (printed < flags.errors && (!u || lemmas[i] != sentence.lemmas[i])) {
        ++printed;
        std::fprintf(stderr, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", !u ? "UPOS" : "LEMMA", sentence.words[i].c_str(),
                     sentence.upos[i].c_str(), label.substr(0, tab).c_str(), sentence.lemmas[i].c_str(),
                     lemmas[i].c_str(), sentence.xpos[i].c_str());
      }
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto pct = [&](size_t n) { return words ? 100.0 * n / words : 0.0; };
  std::string name = Basename(flags.gold);
  if (flags.format == "json") {
    std::printf("{\"kind\":\"tagger\",\"gold\":\"%s\",\"words\":%zu,\"upos\":%.2f,\"xpos\":%.2f,\"upos_xpos\":%.2f,"
                "\"lemma\":%.2f,\"words_per_second\":%.0f}\n",
                name.c_str(), words, pct(upos), pct(xpos), pct(both), pct(lemma), words / std::max(seconds, 1e-9));
  } else {
    std::printf("%-28s words %6zu  UPOS %6.2f  XPOS %6.2f  UPOS+XPOS %6.2f  lemma %6.2f  (%.0f words/s)\n", name.c_str(),
                words, pct(upos), pct(xpos), pct(both), pct(lemma), words / std::max(seconds, 1e-9));
  }
  return 0;
}

// Entity spans of an IOB2 sequence: (type, begin, end).
std::vector<std::tuple<std::string, size_t, size_t>> Spans(const std::vector<NerTag>& tags) {
  std::vector<std::tuple<std::string, size_t, size_t>> spans;
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == NerTag::kO) continue;
    bool begins = NerIsBegin(tags[i]) || i == 0 || NerType(tags[i - 1]) != NerType(tags[i]);
    if (begins) spans.emplace_back(std::string(NerType(tags[i])), i, i + 1);
    else std::get<2>(spans.back()) = i + 1;
  }
  return spans;
}

// Exact-span precision, recall and F1 (as conlleval) with gold tokens.
int RunEvalNer(const TaggerEvalFlags& flags) {
  std::vector<AnnotatedSentence> gold;
  Status s = flags.gold.size() > 7 && flags.gold.substr(flags.gold.size() - 7) == ".conllu"
                 ? ReadConlluCorpus(flags.gold, &gold)
                 : ReadConllNerCorpus(flags.gold, &gold);
  std::string tagger_path, ner_path = flags.model;
  if (s.ok()) s = FindModel(flags.lang + "-tagger.bron", &tagger_path);
  if (s.ok() && ner_path.empty()) s = FindModel(flags.lang + "-ner.bron", &ner_path);
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<EntityRecognizer> recognizer;
  if (s.ok()) s = Tagger::Load(tagger_path, flags.lang, &tagger);
  if (s.ok()) s = EntityRecognizer::Load(ner_path, flags.lang, &recognizer);
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  std::map<std::string, Prf> by_type;
  Prf all;
  size_t tokens = 0;
  auto start = std::chrono::steady_clock::now();
  // Sentences are prepared a document at a time: the recogniser may look at the rest of the document.
  std::vector<std::vector<NerTag>> predictions(gold.size());
  for (size_t begin = 0; begin < gold.size();) {
    size_t end = begin;
    while (end < gold.size() && gold[end].document == gold[begin].document) ++end;
    std::vector<NerSentence> document;
    for (size_t k = begin; k < end; ++k) {
      std::vector<std::string_view> words(gold[k].words.begin(), gold[k].words.end());
      std::vector<Upos> upos;
      for (uint32_t l : tagger->Predict(words)) {
        upos.push_back(ParseUpos(tagger->labels()[l].substr(0, tagger->labels()[l].find('\t'))));
      }
      document.emplace_back();
      recognizer->Prepare(words, upos, &document.back());
    }
    recognizer->PrepareDocument(&document);
    std::vector<std::vector<NerTag>> tags = recognizer->PredictDocument(document);
    std::move(tags.begin(), tags.end(), predictions.begin() + begin);
    begin = end;
  }
  for (size_t k = 0; k < gold.size(); ++k) {
    const AnnotatedSentence& sentence = gold[k];
    const std::vector<NerTag>& predicted = predictions[k];
    if (flags.errors > 0) {  // the whole sentence as word, gold, system (for conlleval-style reading)
      for (size_t i = 0; i < predicted.size(); ++i) {
        std::fprintf(stderr, "%s %s %s\n", sentence.words[i].c_str(), sentence.ner[i].c_str(),
                     std::string(NerTagName(predicted[i])).c_str());
      }
      std::fprintf(stderr, "\n");
    }
    std::vector<NerTag> truth;
    for (const std::string& t : sentence.ner) truth.push_back(ParseNerTag(t));
    auto g = Spans(truth), p = Spans(predicted);
    for (auto& x : g) {
      ++by_type[std::get<0>(x)].gold;
      ++all.gold;
    }
    for (auto& x : p) {
      ++by_type[std::get<0>(x)].system;
      ++all.system;
      if (std::find(g.begin(), g.end(), x) != g.end()) {
        ++by_type[std::get<0>(x)].correct;
        ++all.correct;
      }
    }
    tokens += sentence.words.size();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string name = Basename(flags.gold);
  if (flags.format == "json") {
    std::printf("{\"kind\":\"ner\",\"gold\":\"%s\",\"precision\":%.2f,\"recall\":%.2f,\"f1\":%.2f,\"entities\":%zu,"
                "\"tokens_per_second\":%.0f}\n",
                name.c_str(), all.precision(), all.recall(), all.f1(), all.gold, tokens / std::max(seconds, 1e-9));
    return 0;
  }
  std::printf("%-20s entities %5zu  P %6.2f  R %6.2f  F1 %6.2f  (tagger + NER: %.0f tokens/s)\n", name.c_str(), all.gold,
              all.precision(), all.recall(), all.f1(), tokens / std::max(seconds, 1e-9));
  for (const auto& [type, prf] : by_type) {
    std::printf("  %-5s gold %5zu  P %6.2f  R %6.2f  F1 %6.2f\n", type.c_str(), prf.gold, prf.precision(), prf.recall(),
                prf.f1());
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
  auto tagger_flags = std::make_shared<TaggerEvalFlags>();
  CLI::App* tag = cmd->add_subcommand("tagger", "UPOS, XPOS and lemma accuracy against CoNLL-U gold (gold tokens)");
  tag->footer("Example:\n  bron eval tagger --lang nl --gold ../shared/data/ud/nl_alpino-ud-dev.conllu");
  tag->add_option("--gold", tagger_flags->gold, "Gold CoNLL-U file")->required();
  tag->add_option("--lang", tagger_flags->lang, "Language: nl or en")->required()->check(CLI::IsMember({"nl", "en"}));
  tag->add_option("--model", tagger_flags->model, "Model file (default: the installed <lang>-tagger.bron)");
  tag->add_option("--format", tagger_flags->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  tag->add_option("--errors", tagger_flags->errors,
                  "Print up to N wrong words on stderr: UPOS|LEMMA, word, gold and system UPOS, gold and system lemma, gold XPOS");
  auto ner_flags = std::make_shared<TaggerEvalFlags>();
  CLI::App* ner = cmd->add_subcommand("ner", "Named-entity exact-span F1 against CoNLL gold (gold tokens)");
  ner->footer("Example:\n  bron eval ner --lang nl --gold ../shared/data/conll2002-nl/ned.testa");
  ner->add_option("--gold", ner_flags->gold, "Gold CoNLL (word ... IOB) or CoNLL-U with NER= in MISC")->required();
  ner->add_option("--lang", ner_flags->lang, "Language: nl or en")->required()->check(CLI::IsMember({"nl", "en"}));
  ner->add_option("--model", ner_flags->model, "NER model file (default: the installed <lang>-ner.bron)");
  ner->add_option("--format", ner_flags->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  ner->add_option("--errors", ner_flags->errors, "Any N > 0: print every sentence as word, gold tag, system tag on stderr");
  return [flags, tagger_flags, ner_flags, tok, tag, ner] {
    if (ner->parsed()) return RunEvalNer(*ner_flags);
    if (tag->parsed()) return RunEvalTagger(*tagger_flags);
    return RunEvalTokenize(*flags);
  };
}

}  // namespace bron
