// Training the speaker ranker (attribution/speaker_ranker.h) on bron's Dutch quote annotation: every quote
// whose speaker the ranker would choose, matched to a gold attribution that names its speaker, with the
// candidates that name the same person or body marked right.
#ifndef BRON_TRAIN_TRAIN_SPEAKERS_H_
#define BRON_TRAIN_TRAIN_SPEAKERS_H_

#include <functional>
#include <string>
#include <vector>

#include "attribution/speaker_ranker.h"
#include "bron/status.h"

namespace bron {

struct SpeakerExamples {
  std::vector<SpeakerChoice> choices;
  std::vector<std::vector<bool>> right;  // per choice, per candidate
  std::vector<std::string> split;        // per choice: the article's split ("dev", "dev2", …)
  std::vector<std::string> what;         // per choice: its kind, article, quote's start and gold name
  std::vector<std::vector<std::string>> candidates;  // per choice, per candidate: its name and features
};

// The decisions of the rules on the articles of `gold` (JSONL annotation) in `data` (the JSONL news file),
// every split but "test".
Status CollectSpeakerExamples(const std::string& gold, const std::string& data, SpeakerExamples* out);

// Leave one split out: for each split, a ranker trained on the others decides its choices. One line per
// split and a total to `log`: how many the rules and the ranker get right, and how many any candidate could;
// before them up to `max_changes` choices where one is right and the other wrong, with their candidates.
// With `share` under 1, each ranker learns from that share of the other splits' choices only (a fixed hash of
// a choice's index picks it): the learning curve. Up to `max_errors` held-out choices the ranker gets wrong
// are printed with each candidate's score, the chosen one marked ">" and the right ones "+".
void CrossValidateSpeakers(const SpeakerExamples& examples, const SpeakerRanker::Options& options, size_t max_changes,
                           size_t max_errors, double share, const std::function<void(const std::string&)>& log);

}  // namespace bron

#endif  // BRON_TRAIN_TRAIN_SPEAKERS_H_
