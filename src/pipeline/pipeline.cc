#include "bron/pipeline.h"

#include <algorithm>
#include <set>

#include "pipeline/stages.h"

namespace bron {
namespace {

struct StageEntry {
  std::string_view name;
  std::vector<std::string_view> reads;   // layers, e.g. {"text", "lang"}
  std::vector<std::string_view> writes;  // layers, e.g. {"tokens", "sentences"}
  Status (*make)(const PipelineOptions&, std::unique_ptr<Stage>*);
};

// Every stage, in the order of the data flow. Later stages register here.
const StageEntry kStages[] = {
    {"lang", {"text"}, {"lang"}, MakeLanguageStage},
    {"tokenize", {"text", "lang"}, {"tokens", "sentences"}, MakeTokenizeStage},
    {"tag", {"tokens", "sentences", "lang"}, {"upos", "xpos", "lemma"}, MakeTagStage},
    {"ner", {"tokens", "sentences", "lang", "upos"}, {"ner", "entities"}, MakeNerStage},
    {"quantities", {"tokens", "sentences", "lang", "upos"}, {"quantities"}, MakeQuantitiesStage},
    {"times", {"tokens", "sentences", "lang", "upos"}, {"times"}, MakeTimesStage},
    {"flags", {"tokens", "sentences", "lang"}, {"flags"}, MakeFlagsStage},
    {"attribution", {"tokens", "sentences", "lang", "upos", "entities", "quantities", "times"}, {"quotes", "claims"},
     MakeAttributionStage},
    {"events", {"tokens", "sentences", "lang", "upos", "entities", "quantities", "times", "claims"}, {"events"},
     MakeEventsStage},
};

const StageEntry* FindStage(std::string_view name) {
  for (const StageEntry& e : kStages) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string_view> Pipeline::KnownStages() {
  std::vector<std::string_view> names;
  for (const StageEntry& e : kStages) names.push_back(e.name);
  return names;
}

Status Pipeline::Build(const std::vector<std::string>& stage_names, const PipelineOptions& options,
                       std::unique_ptr<Pipeline>* out) {
  if (options.lang != "auto" && options.lang != "nl" && options.lang != "en") {
    return Status::Usage("unknown language '" + options.lang + "' (expected nl, en or auto)");
  }
  std::set<std::string_view> wanted;
  for (const std::string& name : stage_names) {
    if (!FindStage(name)) {
      std::string known;
      for (std::string_view k : KnownStages()) known += (known.empty() ? "" : ", ") + std::string(k);
      return Status::Usage("unknown stage '" + name + "' (known stages: " + known + ")");
    }
    wanted.insert(name);
  }
  // Add the producers of every layer a wanted stage reads, until nothing changes.
  const size_t n = std::size(kStages);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < n; ++i) {
      if (!wanted.count(kStages[i].name)) continue;
      for (std::string_view layer : kStages[i].reads) {
        for (size_t j = 0; j < i; ++j) {
          const auto& w = kStages[j].writes;
          if (std::find(w.begin(), w.end(), layer) != w.end() && wanted.insert(kStages[j].name).second) {
            changed = true;
          }
        }
      }
    }
  }
  // Check the order: every layer read is the input text or written by an earlier stage.
  std::unique_ptr<Pipeline> pipeline(new Pipeline());
  std::set<std::string_view> written = {"text"};
  for (const StageEntry& e : kStages) {
    if (!wanted.count(e.name)) continue;
    for (std::string_view layer : e.reads) {
      if (!written.count(layer)) {
        return Status::Internal("stage '" + std::string(e.name) + "' reads '" + std::string(layer) +
                                "', which no earlier stage writes");
      }
    }
    written.insert(e.writes.begin(), e.writes.end());
    std::unique_ptr<Stage> stage;
    BRON_RETURN_IF_ERROR(e.make(options, &stage));
    pipeline->stages_.push_back(std::move(stage));
  }
  *out = std::move(pipeline);
  return Status::Ok();
}

Status Pipeline::Process(Document& doc) const {
  for (const auto& stage : stages_) {
    Status s = stage->Process(doc);
    if (!s.ok()) return s.WithContext(std::string(stage->name()));
  }
  return Status::Ok();
}

std::vector<std::string_view> Pipeline::stage_names() const {
  std::vector<std::string_view> names;
  for (const auto& s : stages_) names.push_back(s->name());
  return names;
}

}  // namespace bron
