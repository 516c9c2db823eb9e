// Lemmatizer: the lemma of a word given its tag. Suffix rules learned from a treebank ("troepen" +
// N|soort|mv => cut 2 => "troep"), with the exceptions the rules get wrong stored whole ("is" => "zijn").
// Immutable after building or loading; safe to share between threads.
#ifndef BRON_TAG_LEMMATIZER_H_
#define BRON_TAG_LEMMATIZER_H_

#include <cstdint>
#include <map>
#include <tuple>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/cache_owner.h"
#include "bron/status.h"
#include "model/model_file.h"

namespace bron {

class Lemmatizer {
 public:
  // `initial`: the form opens its sentence, where a capital may only mark the start.
  std::string Lemmatize(std::string_view form, uint32_t label, bool initial = false) const;

  void Serialize(ByteWriter& w) const;
  // `version`: the model file's format version (1 had no per-tag flags).
  Status Parse(ByteReader& r, uint32_t version);

  // Learns rules and exceptions from (form, label, lemma) triples.
  class Builder {
   public:
    // `weight`: how many examples this one counts for where forms disagree on their lemma.
    void Add(std::string_view form, uint32_t label, std::string_view lemma, int weight = 1, bool initial = false);
    // `labels[label]` is "UPOS\tXPOS": common nouns (NOUN) get their unknown compounds split; verbs
    // (XPOS WW…, Dutch) get their particles ("aangeslagen" => "aan_slaan").
    Lemmatizer Build(const std::vector<std::string>& labels = {}) const;
    // Dutch particle verbs of the treebank ("in_zetten").
    void AddParticleVerb(std::string_view lemma) { particle_verbs_.emplace(lemma); }

   private:
    struct Example {
      std::string form, lemma;
      uint32_t label;
      int weight;
      bool initial;
    };
    std::vector<Example> examples_;
    std::unordered_set<std::string> particle_verbs_;
  };

  // "in" + "zetten" => "in_zetten" when that particle verb is known; empty otherwise.
  std::string ParticleVerb(std::string_view particle, std::string_view verb_lemma) const;

 private:
  struct Rule {
    bool lower = false;  // lower-case the form first
    uint8_t front = 0;   // bytes removed from the start (the "ge" of Dutch participles)
    uint16_t cut = 0;    // bytes removed from the end
    std::string append;
    bool operator<(const Rule& o) const {
      return std::tie(lower, front, cut, append) < std::tie(o.lower, o.front, o.cut, o.append);
    }
  };
  // The rule that turns `form` into `lemma`, and in `*kept` how many bytes of the form it keeps: a
  // rule that keeps little is a one-off ("bent" => "zijn") and is not generalised.
  static Rule Derive(std::string_view form, std::string_view lemma, size_t* kept);
  static bool Apply(const Rule& rule, std::string_view form, std::string* out);
  std::string ByRules(std::string_view form, uint32_t label) const;
  // "vrouwenwijding" => "vrouw_wijding" when "vrouwen" is a known first part and "wijding" a known noun;
  // empty when no split is found.
  // `plain` receives the lemma by rules alone (computed on the way).
  std::string SplitCompound(std::string_view form, uint32_t label, std::string* plain) const;

  // "aangeslagen" => "aan_slaan" when the particle is a known one and the rest a known verb; empty otherwise.
  std::string JoinedParticleVerb(std::string_view form, uint32_t label) const;
  // "Rabo-renners" => "Rabo_renner": parts before hyphens kept, the last part lemmatised.
  std::string HyphenCompound(std::string_view form, uint32_t label) const;
  std::string Plain(std::string_view form, uint32_t label) const;  // without exceptions for the whole form

  // What a label is, learnt from the training data or its tag.
  enum LabelFlag : uint8_t {
    kKeepCase = 1,        // lemmas keep the capitals of the form (proper nouns)
    kHyphenParts = 2,     // a hyphen in the form is an underscore in the lemma (Dutch compounds)
    kVerb = 4,            // may carry a particle
    kParticiple = 8,      // past participle: a particle comes before "ge" ("aangeslagen")
    kFinite = 16,         // finite verb: its particle may stand apart
    kKeepCaseInitial = 32,  // kKeepCase also at the start of a sentence ("American"; not "Smart")
  };
  bool Has(uint32_t label, LabelFlag f) const { return label < label_flags_.size() && (label_flags_[label] & f); }

  static constexpr int kMaxSuffix = 5;
  uint64_t id_ = NewCacheOwnerId();  // names this lemmatizer in the per-thread lemma caches
  std::vector<Rule> rules_;
  std::unordered_map<std::string, uint32_t> suffix_rules_;  // label \x1f suffix => rule
  std::unordered_map<uint32_t, uint32_t> label_rules_;      // label => most frequent rule
  std::unordered_map<std::string, std::string> exceptions_;  // form \x1f label => lemma
  std::unordered_set<uint32_t> noun_labels_;
  std::unordered_set<std::string> heads_;                     // noun lemmas that end compounds
  std::unordered_map<std::string, std::string> first_parts_;  // "vrouwen" => "vrouw"
  std::unordered_set<std::string> particle_verbs_;            // "in_zetten"
  std::vector<uint8_t> label_flags_;                          // LabelFlag bits per label
  std::unordered_set<std::string> particles_;                 // "in", "aan" (from particle_verbs_)
};

}  // namespace bron

#endif  // BRON_TAG_LEMMATIZER_H_
