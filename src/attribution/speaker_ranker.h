// SpeakerRanker: a learned choice of who speaks, where the text does not name the speaker in the quote's
// own clause — a quote with no cue that goes on from someone's turn, a pronoun ("zei hij"), a description
// ("de burgemeester", "het bedrijf"). The rules of AttributionFinder propose the candidates (the people and
// bodies named before, and no one) with features; a log-linear model over the candidates of one quote
// (mention ranking) picks one. Trained by `bron train speakers` on the annotated Dutch articles
// (data/eval/quotes-nl.jsonl); docs/models.md.
#ifndef BRON_ATTRIBUTION_SPEAKER_RANKER_H_
#define BRON_ATTRIBUTION_SPEAKER_RANKER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "bron/status.h"
#include "model/model_file.h"

namespace bron {

struct SpeakerCandidate {
  int entity = -1;                     // -1: no one the text names
  std::vector<uint64_t> features;      // hashed
  std::vector<std::string> names;      // feature names, only when tracing for training and inspection
};

// One quote's decision: its candidates and the one the rules chose.
struct SpeakerChoice {
  int quote = -1;  // index into Document::quotes
  std::string kind;  // of the speaker mention: "cont" (no cue), "pron:hij", "desc:person", …
  std::vector<SpeakerCandidate> candidates;
  int rules = 0;   // index of the rules' candidate
};

class SpeakerRanker {
 public:
  static Status Load(const std::string& path, std::string_view lang, std::unique_ptr<SpeakerRanker>* out);
  static Status FromModelFile(const ModelFile& file, std::string_view lang, std::unique_ptr<SpeakerRanker>* out);

  // The index of the best candidate (the first on a tie).
  size_t Choose(const SpeakerChoice& choice) const;
  float Score(const SpeakerCandidate& candidate) const;

  // Trains on choices whose right candidates are marked (`right[i][c]`); choices with none right are
  // skipped. Log-linear over each choice's candidates, L2-regularised, by full-batch AdaGrad: the same data
  // gives the same model.
  struct Options {
    int passes = 1000;  // over all choices; tuned by leaving each dev split out in turn (docs/quality.md)
    float rate = 0.1f;
    float l2 = 1e-2f;
  };
  static SpeakerRanker Train(const std::vector<SpeakerChoice>& choices, const std::vector<std::vector<bool>>& right,
                             const Options& options);

  // Sections of a model file ("SPKR": u64 count, then u64 feature and f32 weight each, sorted).
  void Serialize(ModelFile* file) const;
  size_t size() const { return weights_.size(); }

 private:
  std::unordered_map<uint64_t, float> weights_;
};

}  // namespace bron

#endif  // BRON_ATTRIBUTION_SPEAKER_RANKER_H_
