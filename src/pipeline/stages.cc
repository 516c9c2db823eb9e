#include "pipeline/stages.h"

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

}  // namespace

std::unique_ptr<Stage> MakeLanguageStage(const PipelineOptions& options) {
  return std::make_unique<LanguageStage>(options.lang);
}

std::unique_ptr<Stage> MakeTokenizeStage(const PipelineOptions& options) {
  return std::make_unique<TokenizeStage>();
}

}  // namespace bron
