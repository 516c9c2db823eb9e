#include "ner/recognizer.h"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "base/resources.h"
#include "base/utf8.h"
#include "text/chars.h"

namespace bron {

std::string LowerForGazetteer(std::string_view word) { return Lowercase(word); }

bool EntityRecognizer::Allowed(int prev, int next) {
  NerTag n = static_cast<NerTag>(next);
  if (n == NerTag::kO || NerIsBegin(n)) return true;
  if (prev == kNerTagCount) return false;  // I- cannot open a sentence
  NerTag p = static_cast<NerTag>(prev);
  return p != NerTag::kO && NerType(p) == NerType(n);
}

std::vector<NerTag> EntityRecognizer::Viterbi(
    const std::vector<std::array<float, kNerTagCount>>& emissions,
    const std::array<std::array<float, kNerTagCount>, kNerTagCount + 1>& transitions) {
  size_t n = emissions.size();
  std::vector<NerTag> best(n);
  if (n == 0) return best;
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  std::vector<std::array<float, kNerTagCount>> score(n);
  std::vector<std::array<int, kNerTagCount>> back(n);
  for (int t = 0; t < kNerTagCount; ++t) {
    score[0][t] = Allowed(kNerTagCount, t) ? emissions[0][t] + transitions[kNerTagCount][t] : kNever;
  }
  for (size_t i = 1; i < n; ++i) {
    for (int t = 0; t < kNerTagCount; ++t) {
      float top = kNever;
      int arg = 0;
      for (int p = 0; p < kNerTagCount; ++p) {
        if (!Allowed(p, t) || score[i - 1][p] == kNever) continue;
        float v = score[i - 1][p] + transitions[p][t];
        if (v > top) {
          top = v;
          arg = p;
        }
      }
      score[i][t] = top == kNever ? kNever : top + emissions[i][t];
      back[i][t] = arg;
    }
  }
  int t = static_cast<int>(std::max_element(score[n - 1].begin(), score[n - 1].end()) - score[n - 1].begin());
  for (size_t i = n; i-- > 0;) {
    best[i] = static_cast<NerTag>(t);
    if (i > 0) t = back[i][t];
  }
  return best;
}

void EntityRecognizer::Prepare(const std::vector<std::string_view>& words, const std::vector<Upos>& upos,
                               NerSentence* out) const {
  DescribeSentence(words, &clusters_, &out->words);
  out->upos = upos;
  out->upos.resize(words.size(), Upos::kNone);
  std::vector<std::string> lowered;
  for (const WordInfo& w : out->words) lowered.push_back(w.lower);
  gazetteer_.Match(lowered, &out->gazetteer);
  out->name_words.resize(lowered.size());
  for (size_t i = 0; i < lowered.size(); ++i) out->name_words[i] = gazetteer_.WordRoles(lowered[i]);
}

std::vector<NerTag> EntityRecognizer::Predict(const NerSentence& s) const {
  std::vector<std::array<float, kNerTagCount>> emissions(s.words.size());
  std::vector<uint64_t> features;
  for (size_t i = 0; i < s.words.size(); ++i) {
    emissions[i].fill(0.0f);
    size_t word_only = NerFeatures(s, i, &features);
    model_.ScoreCached(s.words[i].form, features.data(), word_only, features.size(), emissions[i].data());
  }
  std::array<std::array<float, kNerTagCount>, kNerTagCount + 1> transitions;
  for (int p = 0; p <= kNerTagCount; ++p) {
    transitions[p].fill(0.0f);
    uint64_t f = NerTransitionFeature(p);
    model_.Score(&f, 1, transitions[p].data());
  }
  return Viterbi(emissions, transitions);
}

void EntityRecognizer::PrepareDocument(std::vector<NerSentence>* document) const {
  if (!document_features_) return;
  DocumentCase counts;
  for (const NerSentence& s : *document) counts.Add(s.words);
  for (NerSentence& s : *document) counts.Describe(s.words, &s.doc_case);
}

namespace {

bool IsNameParticle(std::string_view w) {
  return w == "van" || w == "de" || w == "der" || w == "den" || w == "ter" || w == "ten" || w == "te" || w == "op";
}

// The particles of a surname that hold an article: "van de Nadort", "ter Horst".
bool IsArticleParticle(std::string_view w) {
  return w == "de" || w == "der" || w == "den" || w == "ter" || w == "ten";
}

// A token of quote marks only (the tokenizer's kQuote class), or the Dutch opening ",,".
bool IsQuoteMark(std::string_view w) {
  if (w == ",,") return true;
  if (w.empty()) return false;
  for (const char* p = w.data(); p < w.data() + w.size();) {
    if (!Is(DecodeUtf8(p), kQuote)) return false;
  }
  return true;
}

// The spans of one type of the tags of a document, as (sentence, begin, end) triples.
struct TaggedSpan {
  size_t sentence, begin, end;
};
std::vector<TaggedSpan> SpansOf(const std::vector<std::vector<NerTag>>& tags, NerTag begin_tag) {
  std::vector<TaggedSpan> spans;
  for (size_t s = 0; s < tags.size(); ++s) {
    for (size_t i = 0; i < tags[s].size(); ++i) {
      if (tags[s][i] != begin_tag) continue;
      size_t end = i + 1;
      while (end < tags[s].size() && tags[s][end] == static_cast<NerTag>(static_cast<int>(begin_tag) + 1)) ++end;
      spans.push_back({s, i, end});
    }
  }
  return spans;
}

std::string SpanKey(const NerSentence& sentence, const TaggedSpan& span) {
  std::string key;
  for (size_t k = span.begin; k < span.end; ++k) key += sentence.words[k].lower + ' ';
  return key;
}

void Retype(const TaggedSpan& span, NerTag begin_tag, std::vector<std::vector<NerTag>>* tags) {
  (*tags)[span.sentence][span.begin] = begin_tag;
  for (size_t k = span.begin + 1; k < span.end; ++k) {
    (*tags)[span.sentence][k] = static_cast<NerTag>(static_cast<int>(begin_tag) + 1);
  }
}

// Dutch given names, lower-cased: those whose gender news makes plain (data/nl/first-names.tsv,
// data/nl/given-names.tsv) and the common first words of Alpino's person names (data/nl/given-names-alpino.txt).
const std::unordered_set<std::string>& GivenNames() {
  static const std::unordered_set<std::string> names = [] {
    std::unordered_set<std::string> out;
    for (const char* file : {"nl/first-names.tsv", "nl/given-names.tsv"}) {
      for (const auto& fields : ResourceTsv(file)) {
        if (!fields.empty()) out.insert(Lowercase(fields[0]));
      }
    }
    for (std::string_view name : ResourceLines("nl/given-names-alpino.txt")) out.insert(Lowercase(name));
    return out;
  }();
  return names;
}

// A given name of the list, capitalised, then perhaps particles, then a capitalised proper noun or noun is one
// person's name where the model left the given name alone or out and read the surname as nothing or as a
// one-word name of another kind ("Ingrid" + "Bal" as a place, "Arjen de" + "Putter" as MISC). A longer name
// the model read as another kind ("Albert Heijn" ORG) is left alone.
void NameGivenNames(const std::vector<NerSentence>& document, std::vector<std::vector<NerTag>>* all_tags) {
  const auto& given = GivenNames();
  for (size_t s = 0; s < document.size(); ++s) {
    const NerSentence& sentence = document[s];
    std::vector<NerTag>& tags = (*all_tags)[s];
    for (size_t i = 0; i + 1 < tags.size(); ++i) {
      const WordInfo& w = sentence.words[i];
      if (!w.capitalized || w.all_caps || !given.count(w.lower)) continue;
      bool alone = tags[i] == NerTag::kO || (tags[i] == NerTag::kBPer && tags[i + 1] != NerTag::kIPer);
      if (!alone) continue;
      size_t j = i + 1;
      while (j < tags.size() && j < i + 4 && IsNameParticle(sentence.words[j].lower)) ++j;
      if (j >= tags.size() || !sentence.words[j].capitalized || sentence.words[j].all_caps) continue;
      if (sentence.upos[j] != Upos::kPropn && sentence.upos[j] != Upos::kNoun) continue;
      // (Not a compound of a name and a noun: "de Hans van Mierlo-stichting".)
      const std::string& surname = sentence.words[j].lower;
      if (size_t dash = surname.find('-'); dash != std::string::npos && !sentence.words[j].has_digit &&
          surname.size() > dash + 1) {
        continue;
      }
      // The surname: untagged or a one-word name of its own (not the start of a longer one).
      bool one_word = j + 1 >= tags.size() || tags[j + 1] == NerTag::kO || NerIsBegin(tags[j + 1]);
      if (!(tags[j] == NerTag::kO || (NerIsBegin(tags[j]) && one_word))) continue;
      if (tags[j] == NerTag::kBPer && j == i + 1) continue;  // two names side by side, as the model read them
      tags[i] = NerTag::kBPer;
      for (size_t k = i + 1; k <= j; ++k) tags[k] = NerTag::kIPer;
      i = j;
    }
  }
}

// Types the document as a whole shows wrong:
// - a person's name written between quote marks is the title of something, not a person ("'Wegwijs Lokaal'
//   is eigenlijk een drieluik"), and so is every other mention of the same words;
// - a name of two words or more that the model took for an organisation, place or something else, followed
//   by an age of two or three digits in brackets, is a person ("Lion Siek (18) uit Leidschendam");
// - a name the model took for an organisation or something else that opens with a first name of the name
//   lists and ends in the surname of a person of the document is a person too ("zoon Ad Burger" beside "Wil
//   Burger"), where the document reads that surname with another first name as a person.
void RetypeDocumentSpans(const std::vector<NerSentence>& document, std::vector<std::vector<NerTag>>* tags) {
  std::unordered_set<std::string> titles;
  std::unordered_map<std::string, std::unordered_set<std::string>> surnames;  // last word => names it ends
  // Titles: one to four capitalised words alone between quote marks, whatever the model made of them.
  for (size_t s = 0; s < document.size(); ++s) {
    const std::vector<WordInfo>& words = document[s].words;
    for (size_t i = 0; i < words.size(); ++i) {
      if (!IsQuoteMark(words[i].lower)) continue;
      size_t k = i + 1;
      while (k < words.size() && k < i + 6 && words[k].capitalized) ++k;
      // A first name alone between quote marks is a person's pseudonym ("Verhuurder 'Jesper'").
      bool pseudonym = k == i + 2 && document[s].name_words.size() > i + 1 && (document[s].name_words[i + 1] & Gazetteer::kPer);
      if (k > i + 1 && k < i + 6 && k < words.size() && IsQuoteMark(words[k].lower) && !pseudonym) {
        titles.insert(SpanKey(document[s], {s, i + 1, k}));
      }
    }
  }
  std::vector<TaggedSpan> people = SpansOf(*tags, NerTag::kBPer);
  for (const TaggedSpan& span : people) {
    const NerSentence& sentence = document[span.sentence];
    if (titles.count(SpanKey(sentence, span))) {
      Retype(span, NerTag::kBMisc, tags);
    } else if (sentence.words[span.end - 1].capitalized) {
      surnames[sentence.words[span.end - 1].lower].insert(SpanKey(sentence, span));
    }
  }
  for (NerTag begin_tag : {NerTag::kBOrg, NerTag::kBLoc, NerTag::kBMisc}) {
    for (const TaggedSpan& span : SpansOf(*tags, begin_tag)) {
      const std::vector<WordInfo>& words = document[span.sentence].words;
      if (span.end - span.begin < 2 || span.end + 2 >= words.size() || words[span.end].lower != "(" ||
          words[span.end + 2].lower != ")") {
        continue;
      }
      const std::string& age = words[span.end + 1].lower;
      // (Two or three digits: "(1)", "(2)" number the letters of a page, "Amsterdam Parkeervergunning (2)".)
      if (age.size() >= 2 && age.size() <= 3 && age.find_first_not_of("0123456789") == std::string::npos &&
          age[0] != '0' && std::stoi(age) <= 120) {
        Retype(span, NerTag::kBPer, tags);
      }
    }
  }
  for (NerTag begin_tag : {NerTag::kBOrg, NerTag::kBMisc}) {
    for (const TaggedSpan& span : SpansOf(*tags, begin_tag)) {
      const NerSentence& sentence = document[span.sentence];
      if (span.end - span.begin < 2 || titles.count(SpanKey(sentence, span))) continue;
      bool first_name = sentence.name_words.size() > span.begin && (sentence.name_words[span.begin] & Gazetteer::kPer);
      if (!first_name) continue;
      auto named = surnames.find(sentence.words[span.end - 1].lower);
      if (named == surnames.end()) continue;
      // Another person's name: the same words read once as a person are no evidence ("Lee County").
      std::string key = SpanKey(sentence, span);
      if (named->second.size() > 1 || !named->second.count(key)) Retype(span, NerTag::kBPer, tags);
    }
  }
}

}  // namespace

bool IsGivenName(const std::string& lower) { return GivenNames().count(lower) > 0; }

std::vector<std::vector<NerTag>> EntityRecognizer::PredictDocument(const std::vector<NerSentence>& document) const {
  std::vector<std::vector<NerTag>> tags;
  for (const NerSentence& s : document) tags.push_back(Predict(s));
  if (!document_features_) return tags;
  // Votes per word for the types of the names it is part of; a word of a longer name votes twice:
  // "Jan Robeyns" says more about "Robeyns" than another lone "Robeyns".
  std::unordered_map<std::string, std::array<int, 4>> votes;
  struct Span {
    size_t sentence, begin, end;
    int type;
  };
  std::vector<Span> spans;
  auto type_of = [](NerTag t) { return (static_cast<int>(t) - 1) / 2; };  // B-/I- pairs after O
  for (size_t s = 0; s < tags.size(); ++s) {
    for (size_t i = 0; i < tags[s].size();) {
      if (tags[s][i] == NerTag::kO) {
        ++i;
        continue;
      }
      size_t end = i + 1;
      while (end < tags[s].size() && !NerIsBegin(tags[s][end]) && tags[s][end] != NerTag::kO) ++end;
      int type = type_of(tags[s][i]);
      spans.push_back({s, i, end, type});
      for (size_t k = i; k < end; ++k) {
        if (document[s].words[k].capitalized) votes[document[s].words[k].lower][type] += end - i > 1 ? 2 : 1;
      }
      i = end;
    }
  }
  for (const Span& span : spans) {
    if (span.end - span.begin != 1) continue;  // only lone words change their type
    auto it = votes.find(document[span.sentence].words[span.begin].lower);
    if (it == votes.end()) continue;
    const auto& v = it->second;
    int best = static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
    if (best != span.type && v[best] >= 2 && v[best] > v[span.type]) {
      tags[span.sentence][span.begin] = static_cast<NerTag>(1 + 2 * best);
    }
  }
  // A capitalised word left out that is a name elsewhere (and never written in lower case there).
  for (size_t s = 0; s < tags.size(); ++s) {
    for (size_t i = 0; i < tags[s].size(); ++i) {
      const WordInfo& w = document[s].words[i];
      if (tags[s][i] != NerTag::kO || !w.capitalized) continue;
      if (!document[s].doc_case.empty() && (document[s].doc_case[i] & kLowerElsewhere)) continue;
      auto it = votes.find(w.lower);
      if (it == votes.end()) continue;
      const auto& v = it->second;
      int best = static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
      bool next_inside = i + 1 < tags[s].size() && tags[s][i + 1] != NerTag::kO && !NerIsBegin(tags[s][i + 1]);
      if (v[best] >= 2 && !next_inside) tags[s][i] = static_cast<NerTag>(1 + 2 * best);
    }
  }
  // A lone proper noun the model left out that is a country or a city of 200,000 people or more is that
  // place ("Kiev heeft dit geweigerd"): a capital opening a sentence says nothing, and the model, trained
  // not to lean on the name lists, leaves such a word out there when nothing else speaks for it.
  for (size_t s = 0; s < tags.size(); ++s) {
    const NerSentence& sentence = document[s];
    for (size_t i = 0; i < tags[s].size(); ++i) {
      const WordInfo& w = sentence.words[i];
      if (tags[s][i] != NerTag::kO || !w.capitalized || sentence.upos[i] != Upos::kPropn || w.lower.size() < 4) continue;
      if (i + 1 < tags[s].size() && sentence.words[i + 1].capitalized) continue;  // part of a longer name
      auto place = places_.Find(w.lower);
      if (place && place->type == "LOC") tags[s][i] = NerTag::kBLoc;
    }
  }
  // A lone first name of the name lists followed by a capitalised proper noun, perhaps after a Dutch
  // particle, is one person ("Nico Woonink", "Wiebe van Terwisga"): the model alone sometimes cuts the
  // surname off, most of all a surname it has never seen. A particle with an article in it ("van de",
  // "ter") makes a surname after any lone person name ("Ferre van de Nadort") unless the model took it for an
  // organisation. Never an organisation or a place the lists know ("Jansen van de VVD", "Bruls ter Apel").
  // A surname the document itself shows as a person's, after a capitalised particle ("Van Ark" as a person
  // elsewhere), outvotes the lists: "Tamara van Ark van Sociale Zaken" is one person even where the model
  // read "Ark" as an organisation.
  std::unordered_set<std::string> particle_surnames;
  for (size_t s = 0; s < tags.size(); ++s) {
    const NerSentence& sentence = document[s];
    for (size_t i = 0; i + 1 < tags[s].size(); ++i) {
      if (tags[s][i] == NerTag::kBPer && sentence.words[i].capitalized && IsNameParticle(sentence.words[i].lower) &&
          tags[s][i + 1] == NerTag::kIPer && (i + 2 >= tags[s].size() || tags[s][i + 2] != NerTag::kIPer)) {
        particle_surnames.insert(sentence.words[i + 1].lower);
      }
    }
  }
  for (size_t s = 0; s < tags.size(); ++s) {
    const NerSentence& sentence = document[s];
    for (size_t i = 0; i + 1 < tags[s].size(); ++i) {
      if (tags[s][i] != NerTag::kBPer || tags[s][i + 1] == NerTag::kIPer) continue;
      bool first_name = sentence.name_words.size() > i && (sentence.name_words[i] & Gazetteer::kPer);
      size_t j = i + 1;
      bool article = false;
      for (; j < tags[s].size() && j < i + 3 && IsNameParticle(sentence.words[j].lower); ++j) {
        article |= IsArticleParticle(sentence.words[j].lower);
      }
      if (j >= tags[s].size() || !sentence.words[j].capitalized || sentence.upos[j] != Upos::kPropn) continue;
      if (!first_name && (!article || tags[s][j] == NerTag::kBOrg)) continue;
      uint8_t known = sentence.gazetteer.size() > j ? sentence.gazetteer[j] & 0x0F : 0;  // names starting here
      bool shown = j > i + 1 && particle_surnames.count(sentence.words[j].lower);
      if ((known & (Gazetteer::kLoc | Gazetteer::kOrg)) && !(known & Gazetteer::kPer) && !shown) continue;
      if (tags[s][j] != NerTag::kO && !NerIsBegin(tags[s][j])) continue;
      if (j + 1 < tags[s].size() && tags[s][j + 1] != NerTag::kO && !NerIsBegin(tags[s][j + 1])) continue;
      for (size_t k = i + 1; k <= j; ++k) tags[s][k] = NerTag::kIPer;
    }
  }
  // Two person names the model split at a particle with an article in it are one ("Anco Scholte" + "ter" +
  // "Horst"): a longer name than the rule above takes, so only where the model read both sides as people.
  for (size_t s = 0; s < tags.size(); ++s) {
    const NerSentence& sentence = document[s];
    for (size_t i = 0; i + 2 < tags[s].size(); ++i) {
      if (tags[s][i] != NerTag::kIPer || tags[s][i + 1] != NerTag::kO) continue;
      size_t j = i + 1;
      bool article = false;
      for (; j < tags[s].size() && j < i + 3 && IsNameParticle(sentence.words[j].lower); ++j) {
        article |= IsArticleParticle(sentence.words[j].lower);
      }
      if (!article || j >= tags[s].size() || tags[s][j] != NerTag::kBPer) continue;
      for (size_t k = i + 1; k <= j; ++k) tags[s][k] = NerTag::kIPer;
    }
  }
  NameGivenNames(document, &tags);
  RetypeDocumentSpans(document, &tags);
  return tags;
}

void EntityRecognizer::Recognize(Document* doc) const {
  std::vector<std::string_view> words;
  std::vector<Upos> upos;
  std::vector<NerSentence> prepared(doc->sentences.size());
  for (size_t i = 0; i < doc->sentences.size(); ++i) {
    const Sentence& s = doc->sentences[i];
    words.clear();
    upos.clear();
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      words.push_back(doc->Form(t));
      upos.push_back(doc->tokens[t].upos);
    }
    Prepare(words, upos, &prepared[i]);
  }
  PrepareDocument(&prepared);
  std::vector<std::vector<NerTag>> tags = PredictDocument(prepared);
  for (size_t i = 0; i < doc->sentences.size(); ++i) {
    const Sentence& s = doc->sentences[i];
    for (uint32_t t = s.first_token; t < s.end_token; ++t) doc->tokens[t].ner = tags[i][t - s.first_token];
  }
}

std::string EntityRecognizer::SerializeData() const {
  ByteWriter w;
  model_.Serialize(w);
  gazetteer_.Serialize(w);
  places_.Serialize(w);
  clusters_.Serialize(w);
  w.U8(document_features_);
  return std::move(w.bytes());
}

Status EntityRecognizer::FromModelFile(const ModelFile& file, std::string_view lang,
                                       std::unique_ptr<EntityRecognizer>* out) {
  BRON_RETURN_IF_ERROR(file.Expect("ner", lang));
  auto data = file.sections.find("DATA");
  if (data == file.sections.end()) return Status::InvalidInput("model has no DATA section");
  ByteReader r(data->second);
  LinearModel model;
  BRON_RETURN_IF_ERROR(model.Parse(r, file.version));
  if (model.num_labels() != kNerTagCount) return Status::InvalidInput("NER model with a wrong label count");
  Gazetteer gazetteer;
  BRON_RETURN_IF_ERROR(gazetteer.Parse(r, file.version));
  NameTable places;
  BRON_RETURN_IF_ERROR(places.Parse(r));
  WordClusters clusters;
  BRON_RETURN_IF_ERROR(clusters.Parse(r));
  bool document_features = file.version >= 2 && r.U8() != 0;
  if (r.failed()) return Status::InvalidInput("truncated NER DATA section");
  if (!r.done()) return Status::InvalidInput("trailing bytes in the NER DATA section");
  *out = std::make_unique<EntityRecognizer>(std::move(model), std::move(gazetteer), std::move(places),
                                            std::move(clusters), document_features);
  return Status::Ok();
}

Status EntityRecognizer::Load(const std::string& path, std::string_view lang, std::unique_ptr<EntityRecognizer>* out) {
  ModelFile file;
  BRON_RETURN_IF_ERROR(ModelFile::Load(path, &file));
  return FromModelFile(file, lang, out).WithContext(path);
}

}  // namespace bron
