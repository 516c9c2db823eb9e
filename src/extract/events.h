// EventExtractor: who did what to whom, where and when — attack, talks, demand, propose, accept, reject,
// promise, sanction, aid, deploy and statement events in Dutch and English, from a trigger word (a verb or
// noun lemma of data/<lang>/events.tsv) and the entities, times and quantities of its clause.
//
//   "Kiev heeft dit geweigerd"  => reject, actor Kyiv
//   "Rusland gelanceerd rond 420 drones en 40 raketten" => attack, actor Russia, quantities 420 and 40
//
// Precision over recall: an ambiguous trigger needs more evidence in its clause (a weapon for "lanceren", a
// verb like "plaatsvinden" for "gesprekken", a named actor for "eisen"); questions give no events. The actor
// is the named entity (PER, ORG, LOC) nearest before the trigger that is not inside a prepositional phrase
// (or the agent of a passive, or the subject of the previous clause when the clause starts with its verb);
// the target the first such entity after the actor, or after a preposition of the type ("aanval op").
// Certainty: from the claim that covers the trigger when there are claims, else from negation in the clause
// and hedges in the sentence ("zouden", "naar verluidt", "reportedly"). Needs tokens with UPOS and lemmas
// (tag stage) and entities (ner stage). Immutable after construction; thread-safe.
#ifndef BRON_EXTRACT_EVENTS_H_
#define BRON_EXTRACT_EVENTS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bron/document.h"

namespace bron {

class EventExtractor {
 public:
  explicit EventExtractor(std::string_view lang);

  // Fills doc->events.
  void Extract(Document* doc) const;

 private:
  struct Trigger {
    std::string type;
    std::vector<std::string> classes;      // the clause must hold a noun of one of these classes
    std::vector<std::string> verbs;        // ... and one of these verb lemmas
    std::vector<std::string> forbidden;    // ... and none of these words ("zich voorstellen")
    bool needs_actor = false;
    bool needs_target = false;
  };
  struct Hedge {
    std::vector<std::string> words;  // lower-case forms
    std::string certainty;
    bool clause_only = false;        // modals: "zou", "could" doubt their own clause only
  };
  std::string lang_;
  std::unordered_map<std::string, std::vector<Trigger>> verbs_, nouns_;
  std::unordered_map<std::string, std::vector<std::string>> classes_;  // noun lemma => classes
  std::vector<Hedge> hedges_;
  std::unordered_map<std::string, bool> negations_;  // word => negates also after the trigger
  std::unordered_set<std::string> agents_, passives_, particles_, boundaries_, infinitives_;
  std::unordered_set<std::string> untargeted_;  // event types without a target (talks: all are parties)
  std::unordered_map<std::string, std::vector<std::string>> target_preps_;  // preposition => event types
};

}  // namespace bron

#endif  // BRON_EXTRACT_EVENTS_H_
