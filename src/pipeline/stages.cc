#include "pipeline/stages.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "model/model_path.h"
#include "base/resources.h"
#include "attribution/attribution.h"
#include "extract/events.h"
#include "extract/flags.h"
#include "extract/quantities.h"
#include "extract/times.h"
#include "ner/entity_linker.h"
#include "ner/recognizer.h"
#include "tag/tagger.h"
#include "text/langid.h"
#include "text/tokenizer.h"

namespace bron {
namespace {

bool Supported(std::string_view lang) { return lang == "nl" || lang == "en"; }

class LanguageStage : public Stage {
 public:
  explicit LanguageStage(std::string lang) : lang_(std::move(lang)) {}
  std::string_view name() const override { return "lang"; }

  Status Process(Document& doc) const override {
    if (doc.lang.empty() || doc.lang == "auto") {
      if (lang_ != "auto") {
        doc.lang = lang_;
      } else {
        LanguageGuess guess = identifier_.Identify(doc.text);
        doc.lang = guess.lang;
      }
    }
    if (!Supported(doc.lang)) {
      doc.notes.push_back({"lang", "language '" + doc.lang +
                                       "' is not supported: only tokens and sentences were produced"});
    }
    return Status::Ok();
  }

 private:
  std::string lang_;
  LanguageIdentifier identifier_;
};

class TokenizeStage : public Stage {
 public:
  TokenizeStage() : nl_("nl"), en_("en"), neutral_("") {}
  std::string_view name() const override { return "tokenize"; }

  Status Process(Document& doc) const override {
    if (doc.pretokenized) return Status::Ok();
    const Tokenizer& t = doc.lang == "nl" ? nl_ : doc.lang == "en" ? en_ : neutral_;
    t.Tokenize(&doc);
    return Status::Ok();
  }

 private:
  Tokenizer nl_, en_, neutral_;
};

class TagStage : public Stage {
 public:
  std::string_view name() const override { return "tag"; }
  Status Process(Document& doc) const override {
    const Tagger* tagger = doc.lang == "nl" ? nl_.get() : doc.lang == "en" ? en_.get() : nullptr;
    if (tagger) tagger->Tag(&doc);
    return Status::Ok();
  }
  Status Load(const std::string& lang) {
    std::string path;
    BRON_RETURN_IF_ERROR(FindModel(lang + "-tagger.bron", &path));
    return Tagger::Load(path, lang, lang == "nl" ? &nl_ : &en_);
  }

 private:
  std::unique_ptr<Tagger> nl_, en_;
};

class NerStage : public Stage {
 public:
  std::string_view name() const override { return "ner"; }
  Status Process(Document& doc) const override {
    const EntityRecognizer* r = doc.lang == "nl" ? nl_.get() : doc.lang == "en" ? en_.get() : nullptr;
    if (r) {
      r->Recognize(&doc);
      linker_->Link(&doc);
    }
    return Status::Ok();
  }
  // Curated aliases: data/aliases.tsv, then the file named by $BRON_ALIASES.
  Status MakeLinker() {
    NameTable aliases;
    BRON_RETURN_IF_ERROR(aliases.AddTsv(FindResource("aliases.tsv").value_or(""), "data/aliases.tsv"));
    if (const char* extra = std::getenv("BRON_ALIASES"); extra && *extra) {
      std::ifstream in(extra);
      if (!in) return Status::IoError(std::string(extra) + ": cannot read the alias file named by BRON_ALIASES");
      std::ostringstream text;
      text << in.rdbuf();
      BRON_RETURN_IF_ERROR(aliases.AddTsv(text.str(), extra));
    }
    linker_ = std::make_unique<EntityLinker>(std::move(aliases), nl_ ? &nl_->places() : nullptr,
                                             en_ ? &en_->places() : nullptr);
    return Status::Ok();
  }
  Status Load(const std::string& lang) {
    std::string path;
    BRON_RETURN_IF_ERROR(FindModel(lang + "-ner.bron", &path));
    return EntityRecognizer::Load(path, lang, lang == "nl" ? &nl_ : &en_);
  }

 private:
  std::unique_ptr<EntityRecognizer> nl_, en_;
  std::unique_ptr<EntityLinker> linker_;
};

// A stage that runs one extractor of the document's language (nl or en) over it.
template <typename Extractor, void (Extractor::*kRun)(Document*) const>
class PerLanguageStage : public Stage {
 public:
  explicit PerLanguageStage(std::string_view name) : name_(name), nl_("nl"), en_("en") {}
  std::string_view name() const override { return name_; }
  Status Process(Document& doc) const override {
    if (doc.lang == "nl") (nl_.*kRun)(&doc);
    if (doc.lang == "en") (en_.*kRun)(&doc);
    return Status::Ok();
  }

 private:
  std::string_view name_;
  Extractor nl_, en_;
};

}  // namespace

// Attribution with the learned speaker choice where a model is trained for the language (Dutch:
// nl-speakers.bron); English keeps the rules.
class AttributionStage : public Stage {
 public:
  std::string_view name() const override { return "attribution"; }
  Status Process(Document& doc) const override {
    if (doc.lang == "nl") nl_->Find(&doc);
    if (doc.lang == "en") en_->Find(&doc);
    return Status::Ok();
  }
  Status Load(const std::string& speakers) {
    std::string path = speakers;
    std::unique_ptr<SpeakerRanker> ranker;
    if (path.empty()) BRON_RETURN_IF_ERROR(FindModel("nl-speakers.bron", &path));
    if (path != "rules") BRON_RETURN_IF_ERROR(SpeakerRanker::Load(path, "nl", &ranker));
    nl_ = std::make_unique<AttributionFinder>("nl", std::move(ranker));
    en_ = std::make_unique<AttributionFinder>("en");
    return Status::Ok();
  }

 private:
  std::unique_ptr<AttributionFinder> nl_, en_;
};

Status MakeAttributionStage(const PipelineOptions& options, std::unique_ptr<Stage>* out) {
  auto stage = std::make_unique<AttributionStage>();
  BRON_RETURN_IF_ERROR(stage->Load(options.speakers));
  *out = std::move(stage);
  return Status::Ok();
}

Status MakeEventsStage(const PipelineOptions& options, std::unique_ptr<Stage>* out) {
  *out = std::make_unique<PerLanguageStage<EventExtractor, &EventExtractor::Extract>>("events");
  return Status::Ok();
}

Status MakeFlagsStage(const PipelineOptions& options, std::unique_ptr<Stage>* out) {
  *out = std::make_unique<PerLanguageStage<FlagFinder, &FlagFinder::Find>>("flags");
  return Status::Ok();
}

Status MakeTimesStage(const PipelineOptions& options, std::unique_ptr<Stage>* out) {
  *out = std::make_unique<PerLanguageStage<TimeExtractor, &TimeExtractor::Extract>>("times");
  return Status::Ok();
}

Status MakeQuantitiesStage(const PipelineOptions& options, std::unique_ptr<Stage>* out) {
  *out = std::make_unique<PerLanguageStage<QuantityExtractor, &QuantityExtractor::Extract>>("quantities");
  return Status::Ok();
}

Status MakeNerStage(const PipelineOptions& options, std::unique_ptr<Stage>* out) {
  auto stage = std::make_unique<NerStage>();
  for (const char* lang : {"nl", "en"}) {
    if (options.lang == "auto" || options.lang == lang) BRON_RETURN_IF_ERROR(stage->Load(lang));
  }
  BRON_RETURN_IF_ERROR(stage->MakeLinker());
  *out = std::move(stage);
  return Status::Ok();
}

Status MakeLanguageStage(const PipelineOptions& options, std::unique_ptr<Stage>* out) {
  *out = std::make_unique<LanguageStage>(options.lang);
  return Status::Ok();
}

Status MakeTokenizeStage(const PipelineOptions& options, std::unique_ptr<Stage>* out) {
  *out = std::make_unique<TokenizeStage>();
  return Status::Ok();
}

Status MakeTagStage(const PipelineOptions& options, std::unique_ptr<Stage>* out) {
  auto stage = std::make_unique<TagStage>();
  for (const char* lang : {"nl", "en"}) {
    if (options.lang == "auto" || options.lang == lang) BRON_RETURN_IF_ERROR(stage->Load(lang));
  }
  *out = std::move(stage);
  return Status::Ok();
}

}  // namespace bron
