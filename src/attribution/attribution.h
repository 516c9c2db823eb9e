// AttributionFinder: who said what, and how sure — the quotes, claims and responses of a Dutch or
// English document (../shared/design/output.md).
//
// Rules over tokens, tags and entities, in this order:
//   1. direct quotes: paired quote marks; the cue and speaker after ("“…”, zei hij"), before ("Hij zei:
//      “…”", "Blom: '…'"), or the speaker of the turn the quote continues; short quotes without a
//      speaker are fragments (scare quotes, titles);
//   2. indirect speech: a reporting verb with its clause ("X zei dat …", "Budanov voegde toe …", "…, zegt
//      hij"), "…, aldus X", "volgens X …", a reporting noun with its clause ("de bewering dat …");
//   3. speakers: the subject noun phrase, resolved to an entity through its mentions, titles and roles,
//      pronouns to the nearest fitting subject before them, or left unresolved (never invented);
//   4. claims: one for each quote, and one for each sentence in the publication's own voice that names an
//      entity, a number or a date, with the certainty its cues give;
//   5. responses: "X heeft de opmerkingen niet bevestigd" attached to the claims it answers.
// Cues are data (data/<lang>/attribution.tsv). Immutable after construction; thread-safe.
#ifndef BRON_ATTRIBUTION_ATTRIBUTION_H_
#define BRON_ATTRIBUTION_ATTRIBUTION_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "attribution/lexicon.h"
#include "attribution/speaker_ranker.h"
#include "bron/document.h"

namespace bron {

class AttributionFinder {
 public:
  // With a `ranker`, the learned model chooses the speakers the text does not name in the quote's own
  // clause; without, the rules do.
  explicit AttributionFinder(std::string_view lang, std::unique_ptr<SpeakerRanker> ranker = nullptr)
      : lang_(lang), lexicon_(lang), ranker_(std::move(ranker)) {}

  // Replaces doc->quotes and doc->claims. Reads tokens (with upos and lemma), sentences, entities and
  // times; works without entities too (speakers then stay unresolved).
  void Find(Document* doc) const;
  // The same, and appends the ranker's decisions with their candidates and features to `trace` (for
  // training: the rules' choices, whether or not a ranker is loaded).
  void Find(Document* doc, std::vector<SpeakerChoice>* trace) const;

 private:
  std::string lang_;
  AttributionLexicon lexicon_;
  std::unique_ptr<SpeakerRanker> ranker_;
};

}  // namespace bron

#endif  // BRON_ATTRIBUTION_ATTRIBUTION_H_
