#include "extract/events.h"

#include <algorithm>
#include <cstdlib>

#include "base/resources.h"
#include "text/chars.h"

namespace bron {
namespace {

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) parts.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Certainty cues ranked: a stronger doubt wins over a weaker one in the same sentence.
int CertaintyRank(std::string_view c) {
  if (c == "negated") return 5;
  if (c == "conditional") return 4;
  if (c == "possible") return 3;
  if (c == "reported") return 2;
  if (c == "estimated") return 1;
  return 0;
}

bool IsClauseBreak(std::string_view form) {
  static const std::string_view kBreaks[] = {",", ";", ":", "(", ")", "\"", "“", "”", "„", "-", "–", "—"};
  return std::find(std::begin(kBreaks), std::end(kBreaks), form) != std::end(kBreaks);
}

}  // namespace

EventExtractor::EventExtractor(std::string_view lang) : lang_(lang) {
  for (const auto& row : ResourceTsv(std::string(lang) + "/events.tsv")) {
    if (row.size() < 2) continue;
    std::string_view kind = row[0];
    std::string word(row[1]);
    std::string value = row.size() > 2 ? std::string(row[2]) : "";
    if (kind == "verb" || kind == "noun") {
      Trigger t;
      t.type = value;
      for (const std::string& need : Split(row.size() > 3 ? row[3] : "", ' ')) {
        if (need == "actor") t.needs_actor = true;
        else if (need == "target") t.needs_target = true;
        else if (need.rfind("class:", 0) == 0) t.classes = Split(need.substr(6), '/');
        else if (need.rfind("verb:", 0) == 0) t.verbs = Split(need.substr(5), '/');
        else if (need.rfind("no:", 0) == 0) t.forbidden.push_back(need.substr(3));
      }
      (kind == "verb" ? verbs_ : nouns_)[word].push_back(std::move(t));
    } else if (kind == "class") {
      classes_[word].push_back(value);
    } else if (kind == "hedge") {
      hedges_.push_back(Hedge{Split(word, ' '), value, row.size() > 3 && row[3] == "clause"});
    } else if (kind == "negation") {
      negations_[word] = value == "any";
    } else if (kind == "infinitive") {
      infinitives_.insert(word);
    } else if (kind == "agent") {
      agents_.insert(word);
    } else if (kind == "passive") {
      passives_.insert(word);
    } else if (kind == "particle") {
      particles_.insert(word);
    } else if (kind == "boundary") {
      boundaries_.insert(word);
    } else if (kind == "untargeted") {
      untargeted_.insert(word);
    } else if (kind == "target") {
      target_preps_[word].push_back(value);
    }
  }
}

void EventExtractor::Extract(Document* doc) const {
  doc->events.clear();
  const auto& tokens = doc->tokens;
  const size_t n = tokens.size();
  auto lower = [&](uint32_t t) { return Lowercase(doc->Form(t)); };
  // Lemmas with separable parts joined ("voor_stellen" => "voorstellen"); the form where there is none.
  std::vector<std::string> lemma(n), head(n), form(n);
  for (uint32_t t = 0; t < n; ++t) {
    form[t] = lower(t);
    std::string l = Lowercase(tokens[t].lemma ? doc->strings.Get(tokens[t].lemma) : doc->Form(t));
    size_t last = l.rfind('_');
    head[t] = last == std::string::npos ? l : l.substr(last + 1);
    l.erase(std::remove(l.begin(), l.end(), '_'), l.end());
    lemma[t] = l;
  }
  auto has_class = [&](uint32_t t, const std::string& cls) {
    for (const std::string* key : {&lemma[t], &form[t], &head[t]}) {
      auto it = classes_.find(*key);
      if (it != classes_.end() && std::find(it->second.begin(), it->second.end(), cls) != it->second.end()) return true;
    }
    return false;
  };
  // The named participant (PER, ORG, LOC) each token belongs to, and where its mention starts.
  std::vector<int> entity_of(n, -1);
  std::vector<uint32_t> mention_start(n, 0);
  for (size_t e = 0; e < doc->entities.size(); ++e) {
    const std::string& type = doc->entities[e].type;
    if (type != "PER" && type != "ORG" && type != "LOC") continue;
    for (const Mention& m : doc->entities[e].mentions) {
      for (uint32_t t = m.first_token; t < m.end_token && t < n; ++t) {
        entity_of[t] = static_cast<int>(e);
        mention_start[t] = m.first_token;
      }
    }
  }
  auto finite = [&](uint32_t t) {
    if (tokens[t].upos != Upos::kVerb && tokens[t].upos != Upos::kAux) return false;
    std::string_view x = tokens[t].xpos ? doc->strings.Get(tokens[t].xpos) : "";
    if (lang_ == "nl") return x.find("|pv|") != std::string_view::npos;
    return x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
  };

  for (const Sentence& sentence : doc->sentences) {
    uint32_t s0 = sentence.first_token, s1 = std::min<uint32_t>(sentence.end_token, n);
    if (s0 >= s1) continue;
    // A question asserts nothing.
    bool question = false;
    for (uint32_t t = s1; t > s0 && tokens[t - 1].upos == Upos::kPunct && !question; --t) question = doc->Form(t - 1) == "?";
    if (question) continue;
    // Clauses: split at commas, colons, quote marks and brackets, before subordinating conjunctions and
    // words like "maar".
    std::vector<std::pair<uint32_t, uint32_t>> clauses;
    uint32_t begin = s0;
    for (uint32_t t = s0; t < s1; ++t) {
      bool breaks = IsClauseBreak(doc->Form(t));
      bool starts = tokens[t].upos == Upos::kSconj || boundaries_.count(lower(t));
      if (breaks || (starts && t > begin)) {
        if (t > begin) clauses.emplace_back(begin, t);
        begin = breaks ? t + 1 : t;
      }
    }
    if (begin < s1) clauses.emplace_back(begin, s1);

    // Certainty from the hedges of the sentence; conditional cues ("als", "if") only where the sentence starts.
    std::string hedge = "asserted";
    std::vector<std::pair<uint32_t, std::string>> clause_hedges;  // (token, certainty) of modals
    for (uint32_t t = s0; t < s1; ++t) {
      for (const auto& [words, certainty, clause_only] : hedges_) {
        if (t + words.size() > s1) continue;
        bool match = true;
        for (size_t k = 0; k < words.size() && match; ++k) match = lower(t + static_cast<uint32_t>(k)) == words[k];
        if (!match) continue;
        uint32_t first_word = s0;
        while (first_word < s1 && tokens[first_word].upos == Upos::kPunct) ++first_word;
        if (certainty == "conditional" && t != first_word && !clause_only) continue;  // "Als ze accuraat zijn, ..."
        if (clause_only) clause_hedges.emplace_back(t, certainty);
        else if (CertaintyRank(certainty) > CertaintyRank(hedge)) hedge = certainty;
      }
    }

    // Inside a prepositional phrase: "in Abu Dhabi", "tussen Poetin en Zelenski", "van de president Zelensky".
    auto in_pp = [&](uint32_t first, uint32_t clause_begin) {
      for (int hops = 0; hops < 4; ++hops) {
        uint32_t t = first;
        while (t > clause_begin) {
          Upos u = tokens[t - 1].upos;
          if (u == Upos::kDet || u == Upos::kAdj || u == Upos::kNum || u == Upos::kNoun) {
            --t;
          } else {
            break;
          }
        }
        if (t == clause_begin) return false;
        uint32_t before = t - 1;
        if (tokens[before].upos == Upos::kAdp) return !particles_.count(lower(before));
        // A conjunct shares the fate of the entity before the conjunction.
        if (tokens[before].upos == Upos::kCconj && before > clause_begin && entity_of[before - 1] >= 0) {
          first = mention_start[before - 1];
          continue;
        }
        return false;
      }
      return false;
    };

    // A noun inside a prepositional phrase: "in de onderhandelingen" (names before it end the search).
    auto noun_in_pp = [&](uint32_t t, uint32_t clause_begin) {
      while (t > clause_begin && entity_of[t - 1] < 0 &&
             (tokens[t - 1].upos == Upos::kDet || tokens[t - 1].upos == Upos::kAdj || tokens[t - 1].upos == Upos::kNum)) {
        --t;
      }
      return t > clause_begin && entity_of[t - 1] < 0 && tokens[t - 1].upos == Upos::kAdp && !particles_.count(lower(t - 1));
    };

    int previous_actor = -1;
    for (const auto& clause : clauses) {
      const uint32_t c0 = clause.first, c1 = clause.second;  // plain names: lambdas below capture them
      // The named participants of the clause, outside prepositional phrases, in order.
      std::vector<std::pair<uint32_t, int>> free;  // (first token, entity)
      for (uint32_t t = c0; t < c1; ++t) {
        if (entity_of[t] < 0 || (t > c0 && entity_of[t - 1] == entity_of[t] && mention_start[t] == mention_start[t - 1])) continue;
        if (!in_pp(mention_start[t], c0)) free.emplace_back(t, entity_of[t]);
      }
      // The subject: a free entity beside a finite verb ("Rusland heeft", "heeft het Europees Parlement").
      // The subject: a free entity just before a finite verb ("Rusland heeft", "Hillary waarschuwde"), else
      // one just after it ("heeft het Europees Parlement", "verklaart Chris Buijink"), else the nearest before.
      // Subjects of an earlier main verb are not the trigger's: "Budanov voegde toe Rusland heeft verworpen".
      auto subject_of = [&](uint32_t trigger) {
        uint32_t floor = c0;
        for (uint32_t k = c0; k < trigger; ++k) {
          if (tokens[k].upos == Upos::kVerb && finite(k)) floor = k + 1;
        }
        int nearest = -1, before_verb = -1, after_verb = -1;
        for (const auto& [first, e] : free) {
          if (first > trigger + 1) break;
          if (first < floor) continue;
          if (first < trigger) nearest = e;
          uint32_t after = first;
          while (after < c1 && entity_of[after] == e) ++after;
          uint32_t before = first;
          while (before > c0 && tokens[before - 1].upos == Upos::kDet) --before;
          if (after < c1 && after <= trigger && finite(after) && before_verb < 0) before_verb = e;
          // Dutch puts the subject after the finite verb when something else comes first (V2); English not.
          if (lang_ == "nl" && before > c0 && before - 1 <= trigger && finite(before - 1) && after_verb < 0) after_verb = e;
        }
        return before_verb >= 0 ? before_verb : after_verb >= 0 ? after_verb : nearest;
      };
      // "maar heeft ... voorgesteld": a conjunction and then the verb, so the subject of the clause before.
      bool starts_with_verb = c0 + 1 < c1 && (tokens[c0].upos == Upos::kCconj || boundaries_.count(lower(c0))) &&
                              (tokens[c0 + 1].upos == Upos::kAux || tokens[c0 + 1].upos == Upos::kVerb);
      std::string clause_hedge = hedge;
      for (const auto& [at, certainty] : clause_hedges) {
        if (at >= c0 && at < c1 && CertaintyRank(certainty) > CertaintyRank(clause_hedge)) clause_hedge = certainty;
      }
      int clause_actor = -1;
      std::vector<std::string> types_done;
      for (uint32_t t = c0; t < c1; ++t) {
        const std::vector<Trigger>* rows = nullptr;
        if (tokens[t].upos == Upos::kVerb) {
          auto it = verbs_.find(lemma[t]);
          if (it != verbs_.end()) rows = &it->second;
        } else if (tokens[t].upos == Upos::kNoun) {
          auto it = nouns_.find(lemma[t]);
          if (it == nouns_.end()) it = nouns_.find(form[t]);  // vredesmacht, lemmatised "vrede_macht"
          if (it == nouns_.end()) it = nouns_.find(head[t]);
          if (it != nouns_.end()) rows = &it->second;
        }
        if (!rows) continue;
        if (tokens[t].upos == Upos::kVerb && t > c0) {
          Upos before = tokens[t - 1].upos;
          // "extra eisen": a noun tagged as a verb; "te beloven", "to attack": wanted or planned, not done.
          if (before == Upos::kDet || before == Upos::kAdj || infinitives_.count(lower(t - 1))) continue;
        }
        // Negation before the trigger in its clause, or "niet"/"not" after it ("valt niet aan").
        bool negated = false;
        for (uint32_t k = c0; k < c1; ++k) {
          auto it = negations_.find(lower(k));
          if (it != negations_.end() && (k < t || it->second)) negated = true;
        }
        // The actor: the agent of a passive ("werd geopperd door ... Witkoff"; the verb nearest before the
        // trigger is the passive auxiliary), else the subject; a passive without an agent has no actor.
        bool passive = false;
        for (uint32_t k = t; k > c0; --k) {
          Upos u = tokens[k - 1].upos;
          if (u != Upos::kVerb && u != Upos::kAux) continue;
          passive = u == Upos::kAux && passives_.count(lemma[k - 1]) && tokens[t].upos == Upos::kVerb;
          break;
        }
        int actor = -1;
        if (passive) {
          for (uint32_t k = c0; k + 1 < c1 && actor < 0; ++k) {
            if (!agents_.count(lower(k))) continue;
            for (uint32_t j = k + 1; j < c1 && j < k + 6 && actor < 0; ++j) actor = entity_of[j];
          }
        }
        if (actor < 0 && !passive) actor = subject_of(t);
        if (actor < 0 && starts_with_verb) actor = previous_actor;
        for (const Trigger& trigger : *rows) {
          if (std::find(types_done.begin(), types_done.end(), trigger.type) != types_done.end()) break;
          if (trigger.needs_actor && actor < 0) continue;
          bool ok = trigger.classes.empty();
          for (uint32_t k = c0; k < c1 && !ok; ++k) {
            if (k == t || tokens[k].upos != Upos::kNoun) continue;
            for (const std::string& cls : trigger.classes) ok = ok || has_class(k, cls);
          }
          if (!ok) continue;
          ok = trigger.verbs.empty();
          for (const std::string& verb : trigger.verbs) {
            std::vector<std::string> parts = Split(verb, '+');  // "vinden+plaats": both words
            bool all = true;
            for (size_t i = 0; i < parts.size(); ++i) {
              bool found = false;
              for (uint32_t k = c0; k < c1 && !found; ++k) {
                bool verb = tokens[k].upos == Upos::kVerb || tokens[k].upos == Upos::kAux;
                found = k != t && lemma[k] == parts[i] && (i > 0 || verb);  // "vinden+plaats": a verb, then any word
              }
              all = all && found;
            }
            ok = ok || all;
          }
          for (const std::string& word : trigger.forbidden) {
            for (uint32_t k = c0; k < c1 && ok; ++k) ok = lower(k) != word;
          }
          if (!ok) continue;
          // "in de onderhandelingen", "tijdens de gesprekken": talks mentioned, not said to take place.
          if (!trigger.verbs.empty() && tokens[t].upos == Upos::kNoun && noun_in_pp(t, c0)) continue;

          Event ev;
          ev.type = trigger.type;
          ev.trigger = {tokens[t].start, tokens[t].end};
          ev.actor = actor;
          // The target: the next free participant after the actor, else one after a preposition of the type.
          bool past_actor = actor < 0;
          for (const auto& [first, e] : free) {
            if (e == actor) {
              past_actor = true;
              continue;
            }
            if (past_actor && ev.target < 0 && !(passive && first < t) && !untargeted_.count(ev.type)) ev.target = e;
          }
          if (passive && actor >= 0 && !untargeted_.count(ev.type)) {
            for (const auto& [first, e] : free) {
              if (first < t && e != actor && ev.target < 0) ev.target = e;
            }
          }
          if (ev.target < 0 && !untargeted_.count(ev.type)) {
            for (uint32_t k = c0; k + 1 < c1 && ev.target < 0; ++k) {
              auto it = target_preps_.find(lower(k));
              if (it == target_preps_.end() || std::find(it->second.begin(), it->second.end(), ev.type) == it->second.end()) continue;
              for (uint32_t j = k + 1; j < c1 && j < k + 5 && ev.target < 0; ++j) {
                if (entity_of[j] >= 0 && entity_of[j] != actor) ev.target = entity_of[j];
              }
            }
          }
          if (trigger.needs_target && ev.target < 0) continue;
          // Places: the clause's locations other than the participants.
          for (uint32_t k = c0; k < c1; ++k) {
            int e = entity_of[k];
            if (e < 0 || e == ev.actor || e == ev.target || doc->entities[e].type != "LOC") continue;
            if (std::find(ev.places.begin(), ev.places.end(), e) == ev.places.end()) ev.places.push_back(e);
          }
          // Time: one in the clause, else the nearest in the sentence.
          uint32_t c_start = tokens[c0].start, c_end = tokens[c1 - 1].end;
          uint32_t best_distance = UINT32_MAX;
          for (size_t i = 0; i < doc->times.size(); ++i) {
            const TimeExpression& x = doc->times[i];
            if (x.start < sentence.start || x.end > sentence.end || x.kind != "date") continue;
            uint32_t distance = x.start >= c_start && x.end <= c_end ? 0
                                : x.start > ev.trigger.start ? x.start - ev.trigger.start : ev.trigger.start - x.start;
            if (distance < best_distance) best_distance = distance, ev.time = static_cast<int>(i);
          }
          // Quantities: those of the clause; for attacks and deployments also the sentence's counts of
          // weapons and troops ("waarbij minstens 5.000 troepen").
          for (size_t i = 0; i < doc->quantities.size(); ++i) {
            const Quantity& q = doc->quantities[i];
            bool in_clause = q.start >= c_start && q.end <= c_end;
            bool of_kind = false;
            if (!in_clause && q.start >= sentence.start && q.end <= sentence.end && !q.counted.empty() &&
                (ev.type == "attack" || ev.type == "deploy")) {
              for (uint32_t k = s0; k < s1; ++k) {
                if (tokens[k].end == q.end) of_kind = has_class(k, "weapon") || has_class(k, "military");
              }
            }
            if (in_clause || of_kind) ev.quantities.push_back(static_cast<int>(i));
          }
          // A noun alone ("unable to stop all attacks") is no event: it needs a participant, place or time.
          if (tokens[t].upos == Upos::kNoun && ev.actor < 0 && ev.target < 0 && ev.places.empty() && ev.time < 0) continue;
          // Certainty: the claim that holds the trigger, else negation and hedges.
          ev.certainty = negated ? "negated" : clause_hedge;
          // An infinitive trigger ("moet de club beloven", "kan de EU eisen") is wanted, needed or possible.
          std::string_view xpos = tokens[t].xpos ? doc->strings.Get(tokens[t].xpos) : "";
          bool infinitive = xpos.rfind("WW|inf", 0) == 0 || xpos == "VB";
          if (infinitive && CertaintyRank("possible") > CertaintyRank(ev.certainty)) ev.certainty = "possible";
          for (const Claim& claim : doc->claims) {
            if (claim.start <= ev.trigger.start && ev.trigger.end <= claim.end) {
              ev.certainty = claim.certainty;
              break;
            }
          }
          types_done.push_back(ev.type);
          doc->events.push_back(std::move(ev));
          break;
        }
        if (clause_actor < 0) clause_actor = actor;
      }
      if (clause_actor < 0 && !free.empty()) clause_actor = free.front().second;
      previous_actor = clause_actor;
    }
  }
}

}  // namespace bron
