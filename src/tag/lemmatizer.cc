#include "tag/lemmatizer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <tuple>

#include "base/utf8.h"
#include "model/linear_model.h"
#include "text/chars.h"

namespace bron {
namespace {

std::string Key(std::string_view s, uint32_t label) {
  std::string key(s);
  key.push_back('\x1f');
  key += std::to_string(label);
  return key;
}

// Byte offsets where the last 1..kMaxSuffix code points of `s` start, longest first.
std::vector<size_t> SuffixStarts(std::string_view s, int max) {
  std::vector<size_t> starts;
  size_t i = s.size();
  while (i > 0 && static_cast<int>(starts.size()) < max) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    starts.push_back(i);
  }
  std::reverse(starts.begin(), starts.end());
  return starts;
}

}  // namespace

Lemmatizer::Rule Lemmatizer::Derive(std::string_view form, std::string_view lemma, size_t* kept) {
  Rule best;
  size_t best_common = 0;
  bool first = true;
  std::string lowered = Lowercase(form);
  // lower first: a rule learnt on "troepen" then also serves "Troepen"
  for (bool lower : {true, false}) {
    for (uint8_t front : {uint8_t{0}, uint8_t{2}}) {
      std::string_view base = lower ? std::string_view(lowered) : form;
      if (front == 2 && (base.substr(0, 2) != "ge" || lemma.substr(0, 2) == "ge")) continue;
      base.remove_prefix(front);
      size_t common = 0;
      while (common < base.size() && common < lemma.size() && base[common] == lemma[common]) ++common;
      while (common > 0 && common < base.size() && (static_cast<unsigned char>(base[common]) & 0xC0) == 0x80) --common;
      if (first || common > best_common) {
        best.lower = lower;
        best.front = front;
        best.cut = static_cast<uint16_t>(std::min<size_t>(base.size() - common, 65535));
        best.append = std::string(lemma.substr(common));
        best_common = common;
        first = false;
      }
    }
  }
  *kept = best_common;
  return best;
}

bool Lemmatizer::Apply(const Rule& rule, std::string_view form, std::string* out) {
  std::string base = rule.lower ? Lowercase(form) : std::string(form);
  if (rule.front > 0) {
    if (base.size() < rule.front || base.compare(0, 2, "ge") != 0) return false;
    base.erase(0, rule.front);
  }
  if (rule.cut >= base.size()) return false;
  size_t keep = base.size() - rule.cut;
  if (keep < base.size() && (static_cast<unsigned char>(base[keep]) & 0xC0) == 0x80) return false;  // mid code point
  *out = base.substr(0, keep) + rule.append;
  return !out->empty();
}

std::string Lemmatizer::ByRules(std::string_view form, uint32_t label) const {
  std::string lower = Lowercase(form);
  std::string out;
  const bool keep_case = Has(label, kKeepCase);
  auto apply = [&](Rule rule) {
    if (keep_case) rule.lower = false;  // "Salcedo" stays "Salcedo" whatever rule its suffix learnt
    return Apply(rule, form, &out);
  };
  for (size_t start : SuffixStarts(lower, kMaxSuffix)) {  // longest suffix first
    auto it = suffix_rules_.find(Key(std::string_view(lower).substr(start), label));
    if (it != suffix_rules_.end() && apply(rules_[it->second])) return out;
  }
  auto it = label_rules_.find(label);
  if (it != label_rules_.end() && apply(rules_[it->second])) return out;
  return std::string(form);
}

std::string Lemmatizer::SplitCompound(std::string_view form, uint32_t label, std::string* plain) const {
  *plain = ByRules(form, label);
  constexpr size_t kMinPart = 3;
  if (form.size() < 2 * kMinPart + 1 || !noun_labels_.count(label) || first_parts_.empty()) return "";
  if (heads_.count(*plain)) return "";  // a known noun, not a new compound
  std::string lower = Lowercase(form);
  std::string prefix;
  for (size_t p = kMinPart; p + kMinPart <= lower.size(); ++p) {  // longest head first
    if ((static_cast<unsigned char>(lower[p]) & 0xC0) == 0x80) continue;
    prefix.assign(lower, 0, p);
    auto first = first_parts_.find(prefix);
    if (first == first_parts_.end()) continue;
    std::string head = ByRules(std::string_view(lower).substr(p), label);
    if (head.size() >= 4 && heads_.count(head)) return first->second + "_" + head;
  }
  return "";
}

std::string Lemmatizer::ParticleVerb(std::string_view particle, std::string_view verb_lemma) const {
  if (particle_verbs_.empty()) return "";
  std::string lemma = Lowercase(particle);
  lemma.push_back('_');
  lemma.append(verb_lemma);
  return particle_verbs_.count(lemma) ? lemma : "";
}

std::string Lemmatizer::Plain(std::string_view form, uint32_t label) const {
  if (Has(label, kVerb)) {
    std::string joined = JoinedParticleVerb(form, label);
    if (!joined.empty()) return joined;
  }
  if (Has(label, kHyphenParts)) {
    std::string parts = HyphenCompound(form, label);
    if (!parts.empty()) return parts;
  }
  std::string plain;
  std::string compound = SplitCompound(form, label, &plain);
  return compound.empty() ? plain : compound;
}

std::string Lemmatizer::JoinedParticleVerb(std::string_view form, uint32_t label) const {
  if (particles_.empty()) return "";
  std::string lower = Lowercase(form);
  for (size_t p = std::min<size_t>(lower.size() - std::min<size_t>(lower.size(), 3), 9); p >= 2; --p) {  // longest first
    std::string particle = lower.substr(0, p);
    if (!particles_.count(particle)) continue;
    std::string_view rest = std::string_view(lower).substr(p);
    if (Has(label, kParticiple) && rest.substr(0, 2) != "ge" && rest.substr(0, 2) != "be" &&
        rest.substr(0, 3) != "ver" && rest.substr(0, 3) != "ont" && rest.substr(0, 3) != "her") {
      continue;  // a separable particle comes before the "ge" of the participle: "aan-ge-slagen"
    }
    auto known = exceptions_.find(Key(rest, label));
    std::string verb = known != exceptions_.end() ? known->second : ByRules(rest, label);
    if (verb.find('_') != std::string::npos) continue;
    std::string lemma = particle + "_" + verb;
    if (particle_verbs_.count(lemma)) return lemma;
  }
  return "";
}

std::string Lemmatizer::HyphenCompound(std::string_view form, uint32_t label) const {
  size_t last = form.rfind('-');
  if (last == std::string_view::npos || last == 0 || last + 2 >= form.size() || form.find("--") != std::string_view::npos ||
      form[0] == '-') {
    return "";
  }
  std::string_view head = form.substr(last + 1);
  auto known = exceptions_.find(Key(head, label));
  std::string head_lemma;
  if (known != exceptions_.end()) {
    head_lemma = known->second;
  } else {
    std::string plain;
    std::string compound = SplitCompound(head, label, &plain);
    head_lemma = compound.empty() ? plain : compound;
  }
  if (!Has(label, kKeepCase) && head_lemma.size() == head.size() && Lowercase(head) == Lowercase(head_lemma)) {
    head_lemma = Lowercase(head_lemma);  // "Rabo-Ploeg" => "Rabo_ploeg"
  }
  std::string lemma(form.substr(0, last));
  for (char& c : lemma) {
    if (c == '-') c = '_';
  }
  return lemma + "_" + head_lemma;
}

namespace {

// The lemmas one thread has computed lately with one lemmatizer, one per slot of a direct-mapped
// table: news repeats its words, and a word the exceptions do not hold costs a compound split, particle
// and suffix look-ups. Two lemmatizers per thread: both languages.
class LemmaCache {
 public:
  static constexpr size_t kMaxBytes = 64;  // longer forms are not kept: the table stays small
  struct Slot {
    bool used = false;
    bool initial = false;
    uint32_t label = 0;
    std::string form;
    std::string lemma;
  };

  static LemmaCache& For(uint64_t lemmatizer) {
    thread_local std::array<LemmaCache, 2> caches;
    thread_local size_t next = 0;
    for (LemmaCache& c : caches) {
      if (c.owner_ == lemmatizer) return c;
    }
    LemmaCache& c = caches[next++ % caches.size()];
    c.owner_ = lemmatizer;
    c.slots_.assign(kSlots, Slot());
    return c;
  }
  // The slot of the form with its label and sentence-initial flag: it holds their lemma if it is
  // used for the very same.
  Slot& SlotOf(std::string_view form, uint32_t label, bool initial) {
    return slots_[FeatureHash(label * 2 + initial, form) & (kSlots - 1)];
  }

 private:
  static constexpr size_t kSlots = 1 << 16;
  uint64_t owner_ = 0;
  std::vector<Slot> slots_;
};

}  // namespace

std::string Lemmatizer::Lemmatize(std::string_view form, uint32_t label, bool initial) const {
  auto compute = [&] {
    auto it = exceptions_.find(Key(form, label));
    if (it != exceptions_.end()) return it->second;
    std::string lemma = Plain(form, label);
    if (initial && Has(label, kKeepCase) && !Has(label, kKeepCaseInitial)) lemma = Lowercase(lemma);
    return lemma;
  };
  if (form.size() > LemmaCache::kMaxBytes) return compute();  // a run of text with no space: not kept
  LemmaCache::Slot& slot = LemmaCache::For(id_).SlotOf(form, label, initial);
  if (slot.used && slot.label == label && slot.initial == initial && slot.form == form) return slot.lemma;
  std::string lemma = compute();
  slot.used = true;
  slot.label = label;
  slot.initial = initial;
  slot.form.assign(form);
  slot.lemma = lemma;
  return lemma;
}

void Lemmatizer::Builder::Add(std::string_view form, uint32_t label, std::string_view lemma, int weight, bool initial) {
  examples_.push_back({std::string(form), std::string(lemma), label, weight, initial});
}

Lemmatizer Lemmatizer::Builder::Build(const std::vector<std::string>& labels) const {
  Lemmatizer l;
  l.particle_verbs_ = particle_verbs_;
  l.label_flags_.assign(labels.size(), 0);
  for (uint32_t i = 0; i < labels.size(); ++i) {
    if (labels[i].rfind("NOUN\t", 0) == 0) l.noun_labels_.insert(i);
    std::string_view xpos = std::string_view(labels[i]).substr(std::min(labels[i].size(), labels[i].find('\t') + 1));
    if (xpos.substr(0, 2) == "WW") l.label_flags_[i] |= kVerb;
    if (xpos.substr(0, 5) == "WW|vd") l.label_flags_[i] |= kParticiple;
    if (xpos.substr(0, 5) == "WW|pv") l.label_flags_[i] |= kFinite;
  }
  for (const std::string& verb : particle_verbs_) l.particles_.insert(verb.substr(0, verb.rfind('_')));
  // Per label: do capitalised forms keep their capital in the lemma; do hyphens become underscores?
  {
    std::vector<std::pair<int, int>> keeps(labels.size()), initial_keeps(labels.size()), hyphens(labels.size());
    for (const Example& e : examples_) {
      if (e.label >= labels.size() || e.form.empty() || e.lemma.empty()) continue;
      // Capitalised words with lower-case letters ("Mark", not "I" or "NASA"), apart at the sentence start.
      bool capitalised = std::isupper(static_cast<unsigned char>(e.form[0])) &&
                         std::any_of(e.form.begin() + 1, e.form.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
      if (capitalised) {
        auto& counts = e.initial ? initial_keeps[e.label] : keeps[e.label];
        (e.lemma[0] == e.form[0] ? counts.first : counts.second) += e.weight;
      }
      size_t hyphen = e.form.find('-', 1);
      if (hyphen != std::string::npos && hyphen + 1 < e.form.size()) {
        bool parts = e.lemma.find('-') == std::string::npos &&
                     std::count(e.lemma.begin(), e.lemma.end(), '_') >= std::count(e.form.begin(), e.form.end(), '-');
        (parts ? hyphens[e.label].first : hyphens[e.label].second)++;
      }
    }
    for (uint32_t i = 0; i < labels.size(); ++i) {
      if (keeps[i].first > keeps[i].second) l.label_flags_[i] |= kKeepCase;
      if (initial_keeps[i].first > initial_keeps[i].second) l.label_flags_[i] |= kKeepCaseInitial;
      if (hyphens[i].first > hyphens[i].second && hyphens[i].first >= 3) l.label_flags_[i] |= kHyphenParts;
    }
  }
  std::map<Rule, uint32_t> rule_ids;
  std::unordered_map<std::string, std::map<uint32_t, int>> suffix_counts;
  std::unordered_map<uint32_t, std::map<uint32_t, int>> label_counts;
  for (const Example& e : examples_) {
    // Rules are learnt on the last part of a compound or particle verb lemma: "op_groeien" of
    // "groeide" teaches -de => -en; the parts themselves are kept whole as exceptions below.
    std::string_view lemma = e.lemma;
    size_t underscore = lemma.rfind('_');
    std::string joined;
    if (underscore != std::string_view::npos) {
      for (char c : lemma) {
        if (c != '_') joined.push_back(c);
      }
      bool compound = Lowercase(e.form).compare(0, std::min<size_t>(3, joined.size()), joined, 0, 3) == 0;
      lemma = compound ? std::string_view(joined) : lemma.substr(underscore + 1);
    }
    size_t kept = 0;
    Rule r = Derive(e.form, lemma, &kept);
    if (kept < 2 && e.form.size() > 3) continue;  // a one-off ("bent" => "zijn"): an exception, not a rule
    auto [it, added] = rule_ids.emplace(r, static_cast<uint32_t>(l.rules_.size()));
    if (added) l.rules_.push_back(r);
    std::string lower = Lowercase(e.form);
    for (size_t start : SuffixStarts(lower, kMaxSuffix)) {
      suffix_counts[Key(std::string_view(lower).substr(start), e.label)][it->second] += e.weight;
    }
    label_counts[e.label][it->second] += e.weight;
  }
  auto most = [](const std::map<uint32_t, int>& counts) {
    return std::max_element(counts.begin(), counts.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })->first;
  };
  for (const auto& [key, counts] : suffix_counts) l.suffix_rules_[key] = most(counts);
  for (const auto& [label, counts] : label_counts) l.label_rules_[label] = most(counts);
  // Compound parts from the nouns of the treebank: heads (last parts, and simple nouns) and the
  // surface forms of first parts ("vrouwen" of "vrouwenwijding" => "vrouw").
  std::unordered_map<std::string, std::map<std::string, int>> first_counts;
  for (const Example& e : examples_) {
    if (!l.noun_labels_.count(e.label)) continue;
    size_t underscore = e.lemma.rfind('_');
    std::string head = underscore == std::string::npos ? e.lemma : e.lemma.substr(underscore + 1);
    if (head.size() >= 3) l.heads_.insert(head);
    if (underscore == std::string::npos) {
      if (e.lemma.size() >= 3) ++first_counts[e.lemma][e.lemma];
      continue;
    }
    std::string lower = Lowercase(e.form);
    size_t at = lower.rfind(head.substr(0, std::min<size_t>(4, head.size())));
    if (at != std::string::npos && at >= 3) ++first_counts[lower.substr(0, at)][e.lemma.substr(0, underscore)];
  }
  // A language whose lemmas never mark compounds (English) gets no splitting at all.
  size_t nouns = 0, compounds = 0;
  for (const Example& e : examples_) {
    if (!l.noun_labels_.count(e.label)) continue;
    ++nouns;
    compounds += e.lemma.find('_') != std::string::npos;
  }
  if (compounds * 100 < nouns) first_counts.clear();  // under 1%: stray underscores, not compounds
  for (const auto& [surface, counts] : first_counts) {
    l.first_parts_[surface] = std::max_element(counts.begin(), counts.end(),
                                               [](const auto& a, const auto& b) { return a.second < b.second; })->first;
  }
  // Keep whole only what the rules and the compound splitter get wrong, by majority per (form, label),
  // with the votes of the form under every tag of the same UPOS added: a form whose fine tag is
  // mistaken still gets its usual lemma, and corpora that disagree weigh in as a whole.
  std::unordered_map<std::string, std::map<std::string, int>> lemma_counts, pooled;
  auto upos_key = [&](std::string_view form, uint32_t label) {
    std::string key(form);
    key.push_back('\x1f');
    if (label < labels.size()) key += labels[label].substr(0, labels[label].find('\t'));
    return key;
  };
  for (const Example& e : examples_) {
    // A verb whose particle stands elsewhere ("trof … aan" => "aan_treffen") is stored without it:
    // Tagger::Lemmas finds the particle in the sentence, or the verb has none there.
    size_t underscore = e.lemma.rfind('_');
    std::string lemma = e.lemma;
    if (l.Has(e.label, kVerb) && underscore != std::string::npos &&
        Lowercase(e.form).compare(0, underscore, e.lemma, 0, underscore) != 0 &&
        l.particles_.count(e.lemma.substr(0, underscore))) {
      lemma = e.lemma.substr(underscore + 1);
    }
    lemma_counts[Key(e.form, e.label)][lemma] += e.weight;
    pooled[upos_key(e.form, e.label)][lemma] += e.weight;
  }
  for (const auto& [key, counts] : lemma_counts) {
    size_t sep = key.rfind('\x1f');
    uint32_t label = static_cast<uint32_t>(std::stoul(key.substr(sep + 1)));
    std::string_view form = std::string_view(key).substr(0, sep);
    const auto& all = pooled[upos_key(form, label)];
    const std::string* lemma = nullptr;
    int best = -1;
    for (const auto& [candidate, n] : all) {
      auto own = counts.find(candidate);
      int score = 2 * (own == counts.end() ? 0 : own->second) + n;
      if (score > best) {
        best = score;
        lemma = &candidate;
      }
    }
    if (l.Plain(form, label) != *lemma) l.exceptions_[key] = *lemma;
  }
  // Suffix rules that only repeat the label's default add nothing: drop them to keep the model small.
  for (auto it = l.suffix_rules_.begin(); it != l.suffix_rules_.end();) {
    size_t sep = it->first.rfind('\x1f');
    uint32_t label = static_cast<uint32_t>(std::stoul(it->first.substr(sep + 1)));
    bool single_char = SuffixStarts(std::string_view(it->first).substr(0, sep), 2).size() == 1;
    if (single_char && l.label_rules_[label] == it->second) {
      it = l.suffix_rules_.erase(it);
    } else {
      ++it;
    }
  }
  return l;
}

void Lemmatizer::Serialize(ByteWriter& w) const {
  w.U64(rules_.size());
  for (const Rule& r : rules_) {
    w.U8(r.lower);
    w.U8(r.front);
    w.U16(r.cut);
    w.String(r.append);
  }
  auto sorted = [](const auto& map) {
    std::vector<std::pair<std::string, typename std::decay_t<decltype(map)>::mapped_type>> v(map.begin(), map.end());
    std::sort(v.begin(), v.end());
    return v;
  };
  w.U64(suffix_rules_.size());
  for (const auto& [k, v] : sorted(suffix_rules_)) {
    w.String(k);
    w.U32(v);
  }
  std::vector<std::pair<uint32_t, uint32_t>> labels(label_rules_.begin(), label_rules_.end());
  std::sort(labels.begin(), labels.end());
  w.U64(labels.size());
  for (const auto& [k, v] : labels) {
    w.U32(k);
    w.U32(v);
  }
  w.U64(exceptions_.size());
  for (const auto& [k, v] : sorted(exceptions_)) {
    w.String(k);
    w.String(v);
  }
  std::vector<uint32_t> nouns(noun_labels_.begin(), noun_labels_.end());
  std::sort(nouns.begin(), nouns.end());
  w.U64(nouns.size());
  for (uint32_t n : nouns) w.U32(n);
  std::vector<std::string> heads(heads_.begin(), heads_.end());
  std::sort(heads.begin(), heads.end());
  w.U64(heads.size());
  for (const std::string& h : heads) w.String(h);
  w.U64(first_parts_.size());
  for (const auto& [k, v] : sorted(first_parts_)) {
    w.String(k);
    w.String(v);
  }
  std::vector<std::string> particle_verbs(particle_verbs_.begin(), particle_verbs_.end());
  std::sort(particle_verbs.begin(), particle_verbs.end());
  w.U64(particle_verbs.size());
  for (const std::string& p : particle_verbs) w.String(p);
  w.String(std::string_view(reinterpret_cast<const char*>(label_flags_.data()), label_flags_.size()));
}

Status Lemmatizer::Parse(ByteReader& r, uint32_t version) {
  *this = Lemmatizer();
  uint64_t n = r.Count(8);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) {
    Rule rule;
    rule.lower = r.U8() != 0;
    rule.front = r.U8();
    rule.cut = r.U16();
    rule.append = std::string(r.String());
    rules_.push_back(rule);
  }
  n = r.Count(8);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) {
    std::string k(r.String());
    uint32_t v = r.U32();
    if (v >= rules_.size()) return Status::InvalidInput("lemmatizer rule out of range");
    suffix_rules_[k] = v;
  }
  n = r.Count(8);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) {
    uint32_t k = r.U32(), v = r.U32();
    if (v >= rules_.size()) return Status::InvalidInput("lemmatizer rule out of range");
    label_rules_[k] = v;
  }
  n = r.Count(8);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) {
    std::string k(r.String());
    exceptions_[k] = std::string(r.String());
  }
  n = r.Count(4);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) noun_labels_.insert(r.U32());
  n = r.Count(4);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) heads_.emplace(r.String());
  n = r.Count(8);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) {
    std::string k(r.String());
    first_parts_[k] = std::string(r.String());
  }
  n = r.Count(4);
  for (uint64_t i = 0; i < n && !r.failed(); ++i) particle_verbs_.emplace(r.String());
  if (version >= 2) {
    std::string_view flags = r.String();
    label_flags_.assign(flags.begin(), flags.end());
  }
  for (const std::string& verb : particle_verbs_) particles_.insert(verb.substr(0, verb.rfind('_')));
  if (r.failed()) return Status::InvalidInput("truncated lemmatizer tables");
  return Status::Ok();
}

}  // namespace bron
