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
#include "base/file.h"
#include "cli/commands.h"
#include "eval/attribution_eval.h"
#include "eval/numbers_eval.h"
#include "eval/tokenize_eval.h"
#include "io/reader.h"
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
  std::vector<Upos> label_upos;  // a label is "UPOS\tXPOS"
  for (const std::string& label : tagger->labels()) label_upos.push_back(ParseUpos(label.substr(0, label.find('\t'))));
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
      for (uint32_t l : tagger->Predict(words)) upos.push_back(label_upos[l]);
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

struct NumbersEvalFlags {
  std::string gold;
  std::string data;
  std::string split = "all";
  std::string format = "text";
  size_t errors = 0;
};

// Quantities and times against the hand annotation: precision and recall on values (overlapping span, same
// value), per split and over all articles.
int RunEvalNumbers(const NumbersEvalFlags& flags) {
  std::vector<NumberGold> gold;
  Status s = ReadNumberGold(flags.gold, &gold);
  std::unique_ptr<Pipeline> pipeline;
  PipelineOptions options;
  options.lang = "nl";
  if (s.ok()) s = Pipeline::Build({"quantities", "times"}, options, &pipeline);
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  std::map<std::string, const NumberGold*> by_id;
  for (const NumberGold& g : gold) by_id[g.id] = &g;
  std::map<std::string, NumberScores> scores;  // split => scores; "all" over every article
  std::vector<std::string> errors;
  size_t found = 0;
  ReaderOptions reader;
  reader.format = InputFormat::kJsonl;
  reader.lang = "nl";
  Status read = ReadInput(
      flags.data, reader,
      [&](Document&& doc) {
        auto it = by_id.find(doc.id);
        if (it == by_id.end()) return;
        const NumberGold& g = *it->second;
        if (flags.split != "all" && g.split != flags.split) return;
        ++found;
        Status p = pipeline->Process(doc);
        if (!p.ok()) {
          PrintError(doc.id + ": " + p.message());
          return;
        }
        NumberScores one;
        ScoreNumbers(g, doc, &one, flags.errors ? &errors : nullptr);
        for (const std::string& key : {std::string("all"), g.split}) {
          NumberScores& total = scores[key];
          for (auto [sum, add] : {std::pair{&total.quantities, &one.quantities}, std::pair{&total.times, &one.times}}) {
            sum->gold += add->gold, sum->system += add->system, sum->correct += add->correct;
          }
        }
      },
      [](const Status&) {});  // records without text are not in the gold
  if (!read.ok()) {
    PrintError(read.message());
    return 1;
  }
  size_t wanted = 0;
  for (const NumberGold& g : gold) wanted += flags.split == "all" || g.split == flags.split;
  if (found < wanted) {
    PrintError(flags.data + ": " + std::to_string(wanted - found) + " article(s) of " + flags.gold + " not found");
    return 1;
  }
  for (size_t i = 0; i < errors.size() && i < flags.errors; ++i) std::fprintf(stderr, "%s\n", errors[i].c_str());
  auto values = [](const NumberScores& x) {
    Prf v;
    v.gold = x.quantities.gold + x.times.gold;
    v.system = x.quantities.system + x.times.system;
    v.correct = x.quantities.correct + x.times.correct;
    return v;
  };
  if (flags.format == "json") {
    std::string out = "{\"kind\":\"numbers\",\"gold\":\"" + Basename(flags.gold) + "\"";
    for (const auto& [split, x] : scores) {
      char buffer[512];
      Prf v = values(x);
      std::snprintf(buffer, sizeof(buffer),
                    ",\"%s\":{\"values\":{\"precision\":%.2f,\"recall\":%.2f,\"f1\":%.2f,\"gold\":%zu},"
                    "\"quantities\":{\"precision\":%.2f,\"recall\":%.2f,\"gold\":%zu},"
                    "\"times\":{\"precision\":%.2f,\"recall\":%.2f,\"gold\":%zu}}",
                    split.c_str(), v.precision(), v.recall(), v.f1(), v.gold, x.quantities.precision(),
                    x.quantities.recall(), x.quantities.gold, x.times.precision(), x.times.recall(), x.times.gold);
      out += buffer;
    }
    std::printf("%s}\n", out.c_str());
    return 0;
  }
  for (const auto& [split, x] : scores) {
    Prf v = values(x);
    std::printf("%-5s values P %6.2f R %6.2f F1 %6.2f (gold %zu) | quantities P %6.2f R %6.2f (gold %zu) | "
                "times P %6.2f R %6.2f (gold %zu)\n",
                split.c_str(), v.precision(), v.recall(), v.f1(), v.gold, x.quantities.precision(), x.quantities.recall(),
                x.quantities.gold, x.times.precision(), x.times.recall(), x.times.gold);
  }
  return 0;
}

struct QuoteEvalFlags {
  std::string polnear, gold, data, split = "dev", format = "text", speakers;
  size_t errors = 0;
};

// Quotes against PolNeAR (English) or bron's own Dutch annotation; content overlap F1 and speakers.
int RunEvalQuotes(const QuoteEvalFlags& flags) {
  if (flags.polnear.empty() == flags.gold.empty()) {
    PrintError("bron eval quotes: give either --polnear DIR or --gold FILE --data FILE");
    return 2;
  }
  std::unique_ptr<Pipeline> pipeline;
  PipelineOptions options;
  options.lang = flags.polnear.empty() ? "nl" : "en";
  options.speakers = flags.speakers;
  Status s = Pipeline::Build({"attribution"}, options, &pipeline);
  AttributionScore score;
  auto start = std::chrono::steady_clock::now();
  if (s.ok()) {
    s = flags.polnear.empty() ? EvalQuotesJsonl(flags.gold, flags.data, flags.split, *pipeline, flags.errors, &score)
                              : EvalPolnear(flags.polnear, *pipeline, flags.errors, &score);
  }
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const std::string& e : score.errors) std::fprintf(stderr, "%s\n", e.c_str());
  std::string name = flags.polnear.empty() ? Basename(flags.gold) + " (" + flags.split + ")" : Basename(flags.polnear);
  if (flags.format == "json") {
    std::printf("{\"kind\":\"quotes\",\"gold\":\"%s\",\"documents\":%zu,\"gold_quotes\":%zu,\"system_quotes\":%zu,"
                "\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"source_overlap\":%.4f,\"speaker_accuracy\":%.4f,"
                "\"speaker_pairs\":%zu}\n",
                name.c_str(), score.documents, score.gold, score.system, score.Precision(), score.Recall(), score.F1(),
                score.SourceOverlap(), score.SpeakerAccuracy(), score.speaker_pairs);
    return 0;
  }
  std::printf("%s: %zu documents, %zu gold and %zu bron quotes (%.1f s)\n", name.c_str(), score.documents, score.gold,
              score.system, seconds);
  std::printf("  content  P %.3f  R %.3f  F1 %.3f  (overlap of at least half the shorter span)\n", score.Precision(),
              score.Recall(), score.F1());
  if (score.source_pairs) {
    std::printf("  speaker mention overlaps the gold source in %.3f of %zu matched pairs\n", score.SourceOverlap(),
                score.source_pairs);
  }
  if (score.speaker_pairs) {
    std::printf("  resolved speaker right in %.3f of %zu matched pairs\n", score.SpeakerAccuracy(), score.speaker_pairs);
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
  auto quote_flags = std::make_shared<QuoteEvalFlags>();
  CLI::App* quotes = cmd->add_subcommand("quotes", "Quotes and speakers against attribution gold (content overlap F1)");
  quotes->footer(
      "A bron quote matches a gold attribution when their contents overlap by at least half of the shorter.\n"
      "Examples:\n"
      "  bron eval quotes --polnear ../shared/data/polnear/dev\n"
      "  bron eval quotes --gold data/eval/quotes-nl.jsonl --data ../shared/data/news/nl-dpg-2019.jsonl --split dev");
  quotes->add_option("--polnear", quote_flags->polnear, "A PolNeAR folder with text/ and attributions/ (English)");
  quotes->add_option("--gold", quote_flags->gold, "bron's quote annotation (JSONL, docs/annotation-guidelines.md)");
  quotes->add_option("--data", quote_flags->data, "The JSONL articles the annotation refers to");
  quotes->add_option("--split", quote_flags->split, "dev, dev2, dev3 … (later rounds of dev articles), test or all")
      ->check(CLI::Validator(
          [](const std::string& split) {
            // dev, devN for N ≥ 2 (no leading zero), test, all.
            std::string_view n = std::string_view(split).substr(std::min<size_t>(3, split.size()));
            bool round = split.starts_with("dev") && !n.empty() && n[0] != '0' &&
                         n.find_first_not_of("0123456789") == std::string_view::npos && n != "1";
            return split == "dev" || split == "test" || split == "all" || round
                       ? std::string()
                       : "expected dev, dev2, dev3 …, test or all, not " + split;
          },
          "SPLIT"));
  AddSpeakersOption(quotes, &quote_flags->speakers);
  quotes->add_option("--errors", quote_flags->errors, "Print up to N misses and extras on stderr");
  quotes->add_option("--format", quote_flags->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  auto numbers_flags = std::make_shared<NumbersEvalFlags>();
  CLI::App* numbers = cmd->add_subcommand("numbers", "Quantities and times against a hand annotation (P/R on values)");
  numbers->footer(
      "A found quantity or time is correct when its span overlaps an annotated one with the same value.\n"
      "Example:\n  bron eval numbers --gold data/eval/numbers-nl.jsonl --data ../shared/data/news/nl-dpg-2019.jsonl");
  numbers->add_option("--gold", numbers_flags->gold, "Hand annotation (JSONL, scripts/numbers-gold)")->required();
  numbers->add_option("--data", numbers_flags->data, "The articles (JSONL with id, text, published)")->required();
  numbers->add_option("--split", numbers_flags->split, "dev, test or all")->check(CLI::IsMember({"dev", "test", "all"}));
  numbers->add_option("--errors", numbers_flags->errors, "Print up to N misses and false finds on stderr");
  numbers->add_option("--format", numbers_flags->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [flags, tagger_flags, ner_flags, quote_flags, numbers_flags, tok, tag, ner, quotes, numbers] {
    if (quotes->parsed()) return RunEvalQuotes(*quote_flags);
    if (numbers->parsed()) return RunEvalNumbers(*numbers_flags);
    if (ner->parsed()) return RunEvalNer(*ner_flags);
    if (tag->parsed()) return RunEvalTagger(*tagger_flags);
    return RunEvalTokenize(*flags);
  };
}

}  // namespace bron
