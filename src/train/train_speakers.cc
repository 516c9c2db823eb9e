#include "train/train_speakers.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "attribution/attribution.h"
#include "bron/pipeline.h"
#include "eval/attribution_eval.h"

namespace bron {

Status CollectSpeakerExamples(const std::string& gold_path, const std::string& data_path, SpeakerExamples* out) {
  // What attribution reads; the attribution itself runs here, to trace its choices.
  std::unique_ptr<Pipeline> pipeline;
  PipelineOptions options;
  options.lang = "nl";
  BRON_RETURN_IF_ERROR(Pipeline::Build({"ner", "quantities", "times"}, options, &pipeline));
  AttributionFinder finder("nl");
  return ForEachGoldArticle(
      gold_path, data_path, "train",
      [&](Document& doc, const std::vector<GoldAttribution>& gold, std::string_view split) {
        BRON_RETURN_IF_ERROR(pipeline->Process(doc));
        std::vector<SpeakerChoice> trace;
        finder.Find(&doc, &trace);
        std::vector<SystemAttribution> system = SystemAttributions(doc);
        std::map<int, const GoldAttribution*> gold_of_quote;
        for (auto [g, s] : MatchAttributions(gold, system)) {
          if (gold[g].names_speaker) gold_of_quote[system[s].quote] = &gold[g];
        }
        for (SpeakerChoice& choice : trace) {
          auto it = gold_of_quote.find(choice.quote);
          if (it == gold_of_quote.end()) continue;
          const GoldAttribution& g = *it->second;
          std::vector<bool> right;
          for (const SpeakerCandidate& c : choice.candidates) {
            right.push_back(g.speaker_name ? SpeakerNamesMatch(*g.speaker_name, SpeakerNames(doc, c.entity))
                                           : c.entity < 0);
          }
          // For --changes: the kind, article and start of the quote, the gold name, each candidate's features.
          const Quote& q = doc.quotes[choice.quote];
          std::string what = choice.kind + " " + doc.id + " " + std::string(doc.Span(q.start, std::min(q.start + 50, q.end)));
          what += " | gold " + (g.speaker_name ? *g.speaker_name : std::string("null"));
          std::vector<std::string> candidates;
          for (const SpeakerCandidate& c : choice.candidates) {
            std::string line = (c.entity < 0 ? std::string("null") : doc.entities[c.entity].name) + ":";
            for (const std::string& n : c.names) line += " " + n;
            candidates.push_back(std::move(line));
          }
          out->what.push_back(std::move(what));
          out->candidates.push_back(std::move(candidates));
          out->choices.push_back(std::move(choice));
          out->right.push_back(std::move(right));
          out->split.emplace_back(split);
        }
        return Status::Ok();
      });
}

void CrossValidateSpeakers(const SpeakerExamples& examples, const SpeakerRanker::Options& options, size_t max_changes,
                           size_t max_errors, double share, const std::function<void(const std::string&)>& log) {
  size_t shown = 0, errors = 0;
  std::vector<std::string> splits;
  for (const std::string& s : examples.split) {
    if (std::find(splits.begin(), splits.end(), s) == splits.end()) splits.push_back(s);
  }
  size_t total = 0, rules = 0, ranker = 0, reachable = 0;
  for (const std::string& held : splits) {
    SpeakerExamples train;
    for (size_t i = 0; i < examples.choices.size(); ++i) {
      if (examples.split[i] == held) continue;
      if (share < 1 && (i * 2654435761u) % 1000 >= share * 1000) continue;
      train.choices.push_back(examples.choices[i]);
      train.right.push_back(examples.right[i]);
    }
    SpeakerRanker model = SpeakerRanker::Train(train.choices, train.right, options);
    size_t n = 0, r = 0, m = 0, any = 0;
    for (size_t i = 0; i < examples.choices.size(); ++i) {
      if (examples.split[i] != held) continue;
      const std::vector<bool>& right = examples.right[i];
      ++n;
      r += right[examples.choices[i].rules];
      any += std::find(right.begin(), right.end(), true) != right.end();
      size_t chosen = model.Choose(examples.choices[i]);
      m += right[chosen];
      if (right[chosen] != right[examples.choices[i].rules] && shown < max_changes) {
        ++shown;
        std::string shown_change = std::string(right[chosen] ? "gained" : "lost") + " (" + held + "): " + examples.what[i];
        for (const std::string& line : examples.candidates[i]) shown_change += "\n    " + line;
        log(shown_change);
      }
      if (!right[chosen] && errors < max_errors) {
        ++errors;
        // Each candidate after its mark (">" chosen, "+" right) and score.
        std::string shown_error = "wrong (" + held + "): " + examples.what[i];
        for (size_t c = 0; c < right.size(); ++c) {
          char mark[32];
          std::snprintf(mark, sizeof mark, "\n  %c%c %7.3f    ", c == chosen ? '>' : ' ', right[c] ? '+' : ' ',
                        model.Score(examples.choices[i].candidates[c]));
          shown_error += mark + examples.candidates[i][c];
        }
        log(shown_error);
      }
    }
    char line[160];
    std::snprintf(line, sizeof line, "%-6s %4zu choices: rules %4zu, ranker %4zu, reachable %4zu", held.c_str(), n, r, m, any);
    log(line);
    total += n, rules += r, ranker += m, reachable += any;
  }
  char line[160];
  std::snprintf(line, sizeof line, "all    %4zu choices: rules %4zu, ranker %4zu, reachable %4zu", total, rules, ranker, reachable);
  log(line);
}

}  // namespace bron
