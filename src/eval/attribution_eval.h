// Scoring quotes against gold attributions, as issue 4 defines it: a system quote matches a gold
// attribution when their content spans overlap by at least half of the shorter (one to one, best overlap
// first); precision, recall and F1 over contents; among matched pairs, how often the speaker mention
// overlaps the gold source, and (where the gold names the speaker) how often the resolved entity is the
// one named. Spans are code point offsets, possibly in pieces (brat's discontinuous spans).
//
// Gold comes from PolNeAR (brat standoff: text/NAME.txt beside attributions/NAME_xxxx.ann) or from bron's
// own Dutch annotation (data/eval/quotes-nl.jsonl over the articles of a JSONL file; docs/annotation-guidelines.md).
#ifndef BRON_EVAL_ATTRIBUTION_EVAL_H_
#define BRON_EVAL_ATTRIBUTION_EVAL_H_

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bron/pipeline.h"
#include "bron/status.h"

namespace bron {

using Pieces = std::vector<std::pair<uint32_t, uint32_t>>;  // code point [start, end) ranges

struct GoldAttribution {
  Pieces content, source;
  std::string kind;                         // direct, indirect, … where the gold says (bron's annotation)
  bool names_speaker = false;               // the gold gives the speaker's name (or null): check resolution
  std::optional<std::string> speaker_name;  // null: the text never names the speaker
};

struct SystemAttribution {
  Pieces content, source;
  std::string kind;
  std::vector<std::string> speaker_names;  // the resolved entity's name and mention texts; empty if none
  std::string speaker_text;                // the speaker mention, for error messages
  int quote = -1;                          // its (first) quote in Document::quotes
};

struct AttributionScore {
  size_t documents = 0, gold = 0, system = 0, matched = 0;
  size_t source_pairs = 0, source_overlaps = 0;  // matched pairs with a gold source; of those, overlapping
  size_t speaker_pairs = 0, speaker_right = 0;   // matched pairs whose gold names the speaker; resolved right
  std::vector<std::string> errors;               // "missed: …", "extra: …" up to the limit

  double Precision() const { return system ? static_cast<double>(matched) / system : 0; }
  double Recall() const { return gold ? static_cast<double>(matched) / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double SourceOverlap() const { return source_pairs ? static_cast<double>(source_overlaps) / source_pairs : 0; }
  double SpeakerAccuracy() const { return speaker_pairs ? static_cast<double>(speaker_right) / speaker_pairs : 0; }
};

// The one-to-one matches of system to gold attributions, best overlap first: (gold, system) index pairs.
std::vector<std::pair<size_t, size_t>> MatchAttributions(const std::vector<GoldAttribution>& gold,
                                                         const std::vector<SystemAttribution>& system);

// Whether a resolved speaker's names (its entity's name and mention texts) name the gold speaker: the
// same name, one ending the other ("Rutte", "Mark Rutte"), or its initials ("NCTV").
bool SpeakerNamesMatch(const std::string& gold, const std::vector<std::string>& names);

// The names SystemAttribution::speaker_names holds for an entity.
std::vector<std::string> SpeakerNames(const Document& doc, int entity);

// Matches and counts one document. `text` is only used to quote errors (up to `max_errors`).
void ScoreAttributions(const std::vector<GoldAttribution>& gold, const std::vector<SystemAttribution>& system,
                       const std::u32string& text, size_t max_errors, AttributionScore* score);

// The attributions of a brat .ann file (PolNeAR): each "E" relation with its Content and Source spans.
Status ParseBratAttributions(std::string_view ann, std::vector<GoldAttribution>* out);

// The quotes of an analysed document as SystemAttributions (fragments left out: they are not speech).
// With `join_turns`, the quotes of one speaker's turn are one attribution in pieces, as PolNeAR annotates
// them: a quote split by its cue ("“A,” he said, “B.”") and the cue-less quotes that continue it.
std::vector<SystemAttribution> SystemAttributions(const Document& doc, bool join_turns = false);

// PolNeAR: every article of `dir` (text/ and attributions/) analysed by `pipeline` as English.
Status EvalPolnear(const std::string& dir, const Pipeline& pipeline, size_t max_errors, AttributionScore* score);

// The articles of bron's annotation `gold` (those of `split`, or "all", or every split but "test" for
// "train") found in `data`, each with its gold attributions and split, unanalysed, in file order.
using GoldArticleFn = std::function<Status(Document& doc, const std::vector<GoldAttribution>& gold, std::string_view split)>;
Status ForEachGoldArticle(const std::string& gold, const std::string& data, const std::string& split,
                          const GoldArticleFn& fn);

// bron's annotation: the articles of `gold` (JSONL, one article a line with its quotes) found in `data` (the
// JSONL news file they come from), those of `split` ("dev", "test" or "all").
Status EvalQuotesJsonl(const std::string& gold, const std::string& data, const std::string& split,
                       const Pipeline& pipeline, size_t max_errors, AttributionScore* score);

}  // namespace bron

#endif  // BRON_EVAL_ATTRIBUTION_EVAL_H_
