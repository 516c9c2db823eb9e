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

#include <string>
#include <string_view>

#include "attribution/lexicon.h"
#include "bron/document.h"

namespace bron {

class AttributionFinder {
 public:
  explicit AttributionFinder(std::string_view lang) : lang_(lang), lexicon_(lang) {}

  // Replaces doc->quotes and doc->claims. Reads tokens (with upos and lemma), sentences, entities and
  // times; works without entities too (speakers then stay unresolved).
  void Find(Document* doc) const;

 private:
  std::string lang_;
  AttributionLexicon lexicon_;
};

}  // namespace bron

#endif  // BRON_ATTRIBUTION_ATTRIBUTION_H_
