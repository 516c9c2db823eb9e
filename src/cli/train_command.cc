// bron train KIND: train a model from the data in ../shared/data (see docs/models.md).
#include <chrono>
#include <functional>
#include <ctime>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "train/corpus.h"
#include "train/train_tagger.h"
#include "train/train_ner.h"
#include "train/train_speakers.h"
#include "train/clusters_builder.h"
#include "model/model_path.h"
#include "tag/tagger.h"

namespace bron {
namespace {

struct TrainFlags {
  std::string kind;
  std::string lang;
  std::string data = "../shared/data";
  std::string out;
  int epochs = 0;
  int min_count = 0;
  float prune = 0;
  float gazetteer_dropout = -1;
  int seed = 0;
  int runs = 0;
  std::string keep_weights;
  bool full_first_pass = false;
  std::string gold = "data/eval/quotes-nl.jsonl";
  std::string articles;
  bool cross_validate = false;
  size_t changes = 0;
  size_t errors = 0;
  double train_share = 1;
  std::string command_line;
};

std::string Today() {
  std::time_t now = std::time(nullptr);
  char buffer[16];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%d", std::gmtime(&now));
  return buffer;
}

// The speaker ranker: on bron's Dutch quote annotation, every split but the held-out test.
int RunTrainSpeakers(const TrainFlags& flags, const std::function<void(const std::string&)>& log) {
  if (flags.lang != "nl") {
    PrintError("bron train speakers: only Dutch has annotated speakers (--lang nl)");
    return 2;
  }
  std::string articles = flags.articles.empty() ? flags.data + "/news/nl-dpg-2019.jsonl" : flags.articles;
  SpeakerExamples examples;
  Status s = CollectSpeakerExamples(flags.gold, articles, &examples);
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  if (examples.choices.empty()) {
    PrintError(flags.gold + ": no annotated quote matched a choice of the rules in " + articles + "; nothing to train on");
    return 1;
  }
  log(std::to_string(examples.choices.size()) + " choices from " + flags.gold);
  SpeakerRanker::Options options;
  if (flags.epochs > 0) options.passes = flags.epochs;
  if (flags.cross_validate) CrossValidateSpeakers(examples, options, flags.changes, flags.errors, flags.train_share, log);
  SpeakerRanker ranker = SpeakerRanker::Train(examples.choices, examples.right, options);
  ModelFile model;
  model.meta = {{"kind", "speakers"}, {"lang", "nl"}, {"trained_on", flags.gold + " (every split but test) over " + articles},
                {"licence", "bron's own annotation (the articles stay in ../shared)"}, {"command", flags.command_line},
                {"date", Today()}, {"bron", "0.1.0"}};
  ranker.Serialize(&model);
  s = model.Save(flags.out);
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  log("wrote " + flags.out + ": " + std::to_string(ranker.size()) + " weights");
  return 0;
}

int RunTrain(const TrainFlags& flags) {
  auto log = [](const std::string& line) { std::cerr << line << std::endl; };
  if (flags.kind == "speakers") return RunTrainSpeakers(flags, log);
  std::vector<AnnotatedSentence> train;
  std::string trained_on, licence;
  size_t convention_sentences = 0;
  Status s;
  if (flags.kind == "tagger") {
    if (flags.lang == "nl") {
      s = ReadAlpinoCorpus(flags.data + "/alpino-treebank", &train);
      trained_on = "Alpino treebank (alpino-treebank/*.tar.xz, train part, UD dev/test sentences removed)";
      licence = "LGPL-2.1";
    } else {
      s = ReadConlluCorpus(flags.data + "/ud/en_ewt-ud-train.conllu", &train);
      convention_sentences = train.size();  // EWT's lemmas where EWT and GUM disagree
      if (s.ok()) s = ReadConlluCorpus(flags.data + "/ud/en_gum-ud-train.conllu", &train);
      trained_on = "UD English EWT train + GUM train";
      licence = "CC BY-SA 4.0 (EWT); CC BY(-NC)-SA 4.0 (GUM)";
    }
  } else if (flags.kind == "ner") {
    if (flags.lang == "nl") {
      s = ReadConllNerCorpus(flags.data + "/conll2002-nl/ned.train", &train);
      // Not Europeana Newspapers (ner-extra): it lifts ned.testa F1 by one point but leaves unknown foreign
      // names untagged in today's news (docs/quality.md).
      trained_on = "CoNLL-2002 Dutch ned.train; gazetteers: Alpino names, GeoNames cities15000, ISO country names";
      licence = "CoNLL-2002: research use; gazetteers: LGPL-2.1, CC BY 4.0, CC BY-SA 4.0";
    } else {
      s = ReadConllNerCorpus(flags.data + "/conll2003-en/eng.train", &train);
      trained_on = "CoNLL-2003 English eng.train; gazetteers: Alpino names, GeoNames cities15000, ISO country names";
      licence = "CoNLL-2003 (Reuters RCV1): research use; gazetteers: LGPL-2.1, CC BY 4.0, CC BY-SA 4.0";
    }
  } else {
    PrintError("unknown model kind '" + flags.kind + "'");
    return 2;
  }
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  ModelFile model;
  auto start = std::chrono::steady_clock::now();
  std::map<std::string, std::string> meta = {{"trained_on", trained_on}, {"licence", licence},
                                              {"command", flags.command_line}, {"date", Today()}, {"bron", "0.1.0"}};
  if (flags.kind == "tagger") {
    TaggerTrainOptions options;
    options.lang = flags.lang;
    if (flags.epochs > 0) options.epochs = flags.epochs;
    if (flags.min_count > 0) options.min_count = flags.min_count;
    if (flags.prune > 0) options.prune = flags.prune;
    options.meta = meta;
    options.convention_sentences = convention_sentences;
    options.coarse_first_pass = !flags.full_first_pass;
    // Alpino's Dutch name lists as tagger features: Dutch only (measured: docs/quality.md).
    if (flags.lang == "nl") options.name_lists = flags.data + "/gazetteers/alpino_names_nl";
    WordClusters clusters;
    std::unique_ptr<Tagger> kept;
    if (!flags.keep_weights.empty()) {
      s = Tagger::Load(flags.keep_weights, flags.lang, &kept);
      if (s.ok()) clusters = kept->clusters();
      options.keep_weights = kept.get();
    } else {
      s = BuildWordClusters(flags.data, flags.lang, &clusters, log);
    }
    if (s.ok()) s = TrainTagger(train, std::move(clusters), options, log, &model);
  } else {
    std::string tagger_path;
    std::unique_ptr<Tagger> tagger;
    Gazetteer gazetteer;
    NameTable places;
    s = FindModel(flags.lang + "-tagger.bron", &tagger_path);
    if (s.ok()) s = Tagger::Load(tagger_path, flags.lang, &tagger);
    if (s.ok()) s = BuildGazetteer(flags.data + "/gazetteers", &gazetteer, &places, log);
    NerTrainOptions options;
    options.lang = flags.lang;
    if (flags.epochs > 0) options.epochs = flags.epochs;
    if (flags.min_count > 0) options.min_count = flags.min_count;
    // Alpino's Dutch name lists hold nearly every name of CoNLL-2002's training data (train_ner.cc);
    // the English training names are no more in the lists than new ones, and dropout costs there.
    options.gazetteer_dropout = flags.lang == "nl" ? 0.5f : 0.0f;
    if (flags.gazetteer_dropout >= 0) options.gazetteer_dropout = flags.gazetteer_dropout;
    if (flags.seed > 0) options.seed = flags.seed;
    if (flags.runs > 0) options.runs = flags.runs;
    options.meta = meta;
    WordClusters clusters;
    if (s.ok()) s = BuildWordClusters(flags.data, flags.lang, &clusters, log);
    if (s.ok()) s = TrainNer(train, *tagger, std::move(gazetteer), std::move(places), std::move(clusters), options, log, &model);
  }
  if (s.ok()) s = model.Save(flags.out);
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  log("wrote " + flags.out + " in " + std::to_string(static_cast<int>(seconds)) + " s");
  return 0;
}

}  // namespace

CommandRunner AddTrainCommand(CLI::App& app, int argc, char** argv) {
  auto flags = std::make_shared<TrainFlags>();
  for (int i = 1; i < argc; ++i) flags->command_line += (i > 1 ? " " : "bron ") + std::string(argv[i]);
  CLI::App* cmd = app.add_subcommand("train", "Train a model (tagger) from annotated data");
  cmd->footer(
      "Examples:\n"
      "  bron train tagger --lang nl --data ../shared/data --min-count 1 --out models/nl-tagger.bron\n"
      "  bron train tagger --lang en --data ../shared/data --out models/en-tagger.bron\n"
      "  bron train ner --lang nl --data ../shared/data --out models/nl-ner.bron\n"
      "  bron train speakers --lang nl --cross-validate --out models/nl-speakers.bron\n"
      "Data, licences and scores: docs/models.md.");
  cmd->add_option("kind", flags->kind,
                  "What to train: tagger, ner (needs the tagger of its language) or speakers (needs both, Dutch)")
      ->required()
      ->check(CLI::IsMember({"tagger", "ner", "speakers"}));
  cmd->add_option("--lang", flags->lang, "Language: nl or en")->required()->check(CLI::IsMember({"nl", "en"}));
  cmd->add_option("--data", flags->data, "The shared data folder (default ../shared/data)");
  cmd->add_option("--out", flags->out, "Model file to write")->required();
  cmd->add_option("--epochs", flags->epochs, "Training epochs (default 10; speakers: full-batch passes, default 1000)");
  cmd->add_option("--min-count", flags->min_count, "Drop features seen fewer times in training (default 2; smaller models)");
  cmd->add_option("--prune", flags->prune, "Tagger only: drop averaged weights smaller than this (default 0.05; smaller models)");
  cmd->add_option("--gazetteer-dropout", flags->gazetteer_dropout,
                  "NER only: how often a training name's gazetteer features are left out (default nl 0.5, en 0)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--seed", flags->seed, "Tagger and NER: seed of the training order (and NER's dropout; default 1)");
  cmd->add_option("--gold", flags->gold, "Speakers only: bron's quote annotation (default data/eval/quotes-nl.jsonl)");
  cmd->add_option("--articles", flags->articles,
                  "Speakers only: the JSONL articles it annotates (default DATA/news/nl-dpg-2019.jsonl)");
  cmd->add_flag("--cross-validate", flags->cross_validate,
                "Speakers only: first score the rules and the ranker with each split of the annotation held out");
  cmd->add_option("--train-share", flags->train_share,
                  "Speakers only, with --cross-validate: train each held-out ranker on this share of the other choices (a learning curve)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--changes", flags->changes,
                  "Speakers only, with --cross-validate: print up to N choices the ranker gets right and the rules wrong, or the other way");
  cmd->add_option("--errors", flags->errors,
                  "Speakers only, with --cross-validate: print up to N held-out choices the ranker gets wrong, with every candidate's score");
  cmd->add_option("--runs", flags->runs, "NER only: perceptrons to train and average (default 3)");
  cmd->add_option("--keep-weights", flags->keep_weights,
                  "Tagger only: take the tag weights and clusters of this model, build only the lemmatizer (seconds)");
  cmd->add_flag("--full-first-pass", flags->full_first_pass,
               "Tagger only: the first pass tags with every tag, not UPOS and two XPOS fields (slower; models before session 7)");
  return [flags] { return RunTrain(*flags); };
}

}  // namespace bron
