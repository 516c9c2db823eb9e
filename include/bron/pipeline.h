// Pipeline: the stages that analyse a document, in order.
//
//   std::unique_ptr<Pipeline> p;
//   Status s = Pipeline::Build({"tokenize"}, PipelineOptions{}, &p);   // adds "lang" before it
//   s = p->Process(doc);
//
// Build adds, before each requested stage, the stages that write the layers it reads, and fails
// on an unknown stage name. A Pipeline is immutable once built and safe to share between threads.
#ifndef BRON_PIPELINE_H_
#define BRON_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bron/document.h"
#include "bron/stage.h"
#include "bron/status.h"

namespace bron {

struct PipelineOptions {
  std::string lang = "auto";  // "nl", "en" or "auto": the language of documents that do not say
  // Who chooses the speakers the text does not name in a quote's clause (Dutch): "" the learned model
  // (models/nl-speakers.bron), "rules" the rules alone, else the path of a speaker model.
  std::string speakers;
};

class Pipeline {
 public:
  static Status Build(const std::vector<std::string>& stage_names, const PipelineOptions& options,
                      std::unique_ptr<Pipeline>* out);
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  Status Process(Document& doc) const;
  std::vector<std::string_view> stage_names() const;

  // Every stage bron knows, in the order they run.
  static std::vector<std::string_view> KnownStages();

 private:
  Pipeline() = default;
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace bron

#endif  // BRON_PIPELINE_H_
