// The stages of the text layer: language identification and tokenisation.
#ifndef BRON_PIPELINE_STAGES_H_
#define BRON_PIPELINE_STAGES_H_

#include <memory>

#include "bron/pipeline.h"
#include "bron/stage.h"

namespace bron {

// "lang": sets Document::lang when it is empty or "auto" (to the PipelineOptions language, or by
// identification when that is "auto"). Languages other than nl and en get a note: only tokens and
// sentences are produced for them.
std::unique_ptr<Stage> MakeLanguageStage(const PipelineOptions& options);

// "tokenize": tokens and sentences from the text, with the rules of the document's language.
// Pre-tokenised documents (CoNLL, CoNLL-U) keep theirs.
std::unique_ptr<Stage> MakeTokenizeStage(const PipelineOptions& options);

}  // namespace bron

#endif  // BRON_PIPELINE_STAGES_H_
