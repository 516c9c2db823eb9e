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
Status MakeLanguageStage(const PipelineOptions& options, std::unique_ptr<Stage>* out);

// "tokenize": tokens and sentences from the text, with the rules of the document's language.
// Pre-tokenised documents (CoNLL, CoNLL-U) keep theirs.
Status MakeTokenizeStage(const PipelineOptions& options, std::unique_ptr<Stage>* out);

// "tag": UPOS, XPOS and lemma of every token of Dutch and English documents, from the models
// <lang>-tagger.bron (model/model_path.h). Fails to build when a needed model is missing or damaged.
Status MakeTagStage(const PipelineOptions& options, std::unique_ptr<Stage>* out);

// "ner": IOB2 entity tags of every token of Dutch and English documents (models <lang>-ner.bron),
// and the document's entities with canonical names (ner/entity_linker.h).
Status MakeNerStage(const PipelineOptions& options, std::unique_ptr<Stage>* out);

// "quantities": the numbers of Dutch and English documents, normalised (extract/quantities.h).
Status MakeQuantitiesStage(const PipelineOptions& options, std::unique_ptr<Stage>* out);

// "times": dates and durations, resolved against the publication date (extract/times.h).
Status MakeTimesStage(const PipelineOptions& options, std::unique_ptr<Stage>* out);

// "flags": machine-translation damage and other warnings about the text (extract/flags.h).
Status MakeFlagsStage(const PipelineOptions& options, std::unique_ptr<Stage>* out);

// "attribution": quotes with their speakers, claims with their certainty and the responses to them
// (attribution/attribution.h).
Status MakeAttributionStage(const PipelineOptions& options, std::unique_ptr<Stage>* out);

// "events": attacks, talks, demands, proposals ... with actor, target, places, time and quantities
// (extract/events.h).
Status MakeEventsStage(const PipelineOptions& options, std::unique_ptr<Stage>* out);

}  // namespace bron

#endif  // BRON_PIPELINE_STAGES_H_
