#include "tag/tagger.h"

#include <algorithm>

#include "tag/tagger_features.h"
#include "base/utf8.h"
#include "text/chars.h"

namespace bron {
namespace {

bool IsAllPunctuation(std::string_view word) {
  if (word.empty()) return false;
  const char* p = word.data();
  const char* end = p + word.size();
  while (p < end) {
    if (!Is(DecodeUtf8(p), kPunct)) return false;
  }
  return true;
}

}  // namespace

Tagger::Tagger(std::vector<std::string> labels, LinearModel first, LinearModel second, Lemmatizer lemmatizer,
               WordClusters clusters, NameWords names)
    : labels_(std::move(labels)), first_(std::move(first)), second_(std::move(second)),
      lemmatizer_(std::move(lemmatizer)), clusters_(std::move(clusters)), names_(std::move(names)) {
  for (const std::string& label : labels_) {
    size_t tab = label.find('\t');
    label_upos_.push_back(ParseUpos(label.substr(0, tab)));
    label_xpos_.push_back(tab == std::string::npos ? "" : label.substr(tab + 1));
  }
  std::vector<uint32_t> fine_to_coarse;
  std::vector<std::string> coarse = CoarseLabels(labels_, &fine_to_coarse);
  const std::vector<std::string>& first_labels = first_.num_labels() == labels_.size() ? labels_ : coarse;
  first_pass_kinds_ = VerbKinds(first_labels);
  auto marks = [](const std::vector<std::string>& labels) {
    if (std::find(labels.begin(), labels.end(), "PUNCT\tLET") == labels.end()) return std::vector<bool>();
    std::vector<bool> ok(labels.size());
    for (size_t l = 0; l < labels.size(); ++l) {
      ok[l] = labels[l].size() > 4 && labels[l].compare(labels[l].size() - 4, 4, "\tLET") == 0;
    }
    return ok;
  };
  if (first_.num_labels() != labels_.size()) {  // models since session 7; older ones tag as they did
    punct_labels_ = marks(labels_);
    first_pass_punct_labels_ = marks(first_labels);
  }
}

std::string Tagger::SerializeData() const {
  ByteWriter w;
  w.U64(labels_.size());
  for (const std::string& l : labels_) w.String(l);
  first_.Serialize(w);
  w.U8(second_.num_labels() > 0);
  if (second_.num_labels() > 0) second_.Serialize(w);
  lemmatizer_.Serialize(w);
  clusters_.Serialize(w);
  return std::move(w.bytes());
}

Status Tagger::FromModelFile(const ModelFile& file, std::string_view lang, std::unique_ptr<Tagger>* out) {
  BRON_RETURN_IF_ERROR(file.Expect("tagger", lang));
  auto data = file.sections.find("DATA");
  if (data == file.sections.end()) return Status::InvalidInput("model has no DATA section");
  ByteReader r(data->second);
  uint64_t n = r.Count(4);
  std::vector<std::string> labels;
  for (uint64_t i = 0; i < n && !r.failed(); ++i) labels.emplace_back(r.String());
  if (r.failed() || labels.empty()) return Status::InvalidInput("malformed tagger labels");
  LinearModel first, second;
  BRON_RETURN_IF_ERROR(first.Parse(r, file.version));
  const bool has_second = r.U8();
  if (has_second) {
    BRON_RETURN_IF_ERROR(second.Parse(r, file.version));
    if (second.num_labels() != labels.size()) return Status::InvalidInput("tagger labels and weights disagree");
  }
  std::vector<uint32_t> fine_to_coarse;
  const size_t coarse = CoarseLabels(labels, &fine_to_coarse).size();
  if (first.num_labels() != labels.size() && !(has_second && first.num_labels() == coarse)) {
    return Status::InvalidInput("tagger labels and weights disagree");
  }
  Lemmatizer lemmatizer;
  BRON_RETURN_IF_ERROR(lemmatizer.Parse(r, file.version));
  WordClusters clusters;
  BRON_RETURN_IF_ERROR(clusters.Parse(r));
  if (!r.done()) return Status::InvalidInput("trailing bytes in the tagger DATA section");
  NameWords names;  // optional: models written before it existed have none
  auto name_section = file.sections.find("NAME");
  if (name_section != file.sections.end()) BRON_RETURN_IF_ERROR(names.Parse(name_section->second, file.version));
  auto tagger = std::make_unique<Tagger>(std::move(labels), std::move(first), std::move(second),
                                         std::move(lemmatizer), std::move(clusters), std::move(names));
  auto test = file.sections.find("TEST");
  if (test != file.sections.end()) BRON_RETURN_IF_ERROR(RunSelfTest(*tagger, test->second));
  *out = std::move(tagger);
  return Status::Ok();
}

Status Tagger::Load(const std::string& path, std::string_view lang, std::unique_ptr<Tagger>* out) {
  ModelFile file;
  BRON_RETURN_IF_ERROR(ModelFile::Load(path, &file));
  return FromModelFile(file, lang, out).WithContext(path);
}

std::vector<uint32_t> Tagger::Decode(const LinearModel& model, const std::vector<WordInfo>& info,
                                     const std::vector<uint32_t>* ahead, const std::vector<bool>* punctuation,
                                     const std::vector<bool>* punct_labels) {
  std::vector<uint32_t> tags(info.size());
  std::vector<uint64_t> features;
  std::vector<float> scores(model.num_labels());
  uint32_t prev = kNoTag, prev2 = kNoTag;
  for (size_t i = 0; i < info.size(); ++i) {
    size_t word_only = TaggerFeatures(info, i, prev, prev2, ahead, &features);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model.ScoreCached(info[i].form, features.data(), word_only, features.size(), scores.data());
    uint32_t best = static_cast<uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    if (punctuation && (*punctuation)[i] && punct_labels && best < punct_labels->size() && !(*punct_labels)[best]) {
      for (uint32_t l = 0; l < punct_labels->size() && l < scores.size(); ++l) {
        if ((*punct_labels)[l] && (!(*punct_labels)[best] || scores[l] > scores[best])) best = l;
      }
    }
    tags[i] = best;
    prev2 = prev;
    prev = best;
  }
  return tags;
}

void Tagger::Describe(const std::vector<std::string_view>& words, std::vector<WordInfo>* info) const {
  DescribeSentence(words, &clusters_, info);
  names_.Annotate(info);
}

std::vector<uint32_t> Tagger::Predict(const std::vector<std::string_view>& words) const {
  std::vector<WordInfo> info;
  Describe(words, &info);
  std::vector<bool> punctuation;
  if (!punct_labels_.empty()) {
    for (std::string_view w : words) punctuation.push_back(IsAllPunctuation(w));
  }
  const std::vector<bool>* marks = punctuation.empty() ? nullptr : &punctuation;
  std::vector<uint32_t> tags = Decode(first_, info, nullptr, marks, &first_pass_punct_labels_);
  if (second_.num_labels() > 0) {
    MarkVerbsAhead(tags, first_pass_kinds_, &info);
    tags = Decode(second_, info, &tags, marks, &punct_labels_);
  }
  return tags;
}

std::vector<std::string> Tagger::Lemmas(const std::vector<std::string_view>& words,
                                        const std::vector<uint32_t>& tags) const {
  std::vector<std::string> lemmas(words.size());
  for (size_t i = 0; i < words.size(); ++i) lemmas[i] = lemmatizer_.Lemmatize(words[i], tags[i], i == 0);
  auto is_particle = [&](size_t k) {
    const std::string& x = label_xpos_[tags[k]];
    return x.rfind("VZ|fin", 0) == 0 || x == "BW" || x.rfind("ADJ|vrij", 0) == 0;
  };
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& xpos = label_xpos_[tags[i]];
    if (xpos.rfind("WW|inf", 0) == 0 || xpos.rfind("WW|vd", 0) == 0) {
      // "op te stappen", "bezig houden": the particle just before the verb, or before its "te".
      size_t k = i;
      if (k > 0 && words[k - 1] == "te") --k;
      if (k > 0 && is_particle(k - 1)) {
        std::string particle_verb = lemmatizer_.ParticleVerb(words[k - 1], lemmas[i]);
        if (!particle_verb.empty()) lemmas[i] = particle_verb;
      }
      continue;
    }
    if (xpos.rfind("WW|pv", 0) != 0) continue;
    for (size_t k = i + 1; k < words.size(); ++k) {
      const std::string& x = label_xpos_[tags[k]];
      if (x.rfind("WW|pv", 0) == 0 || x.rfind("VG", 0) == 0) break;  // the next clause
      if (!is_particle(k)) continue;
      // A split particle closes its clause: punctuation, a conjunction, a verb or the end follows it.
      // A VZ|fin particle is one wherever it stands ("zette de deur op een kier").
      bool clause_final = k + 1 == words.size() || label_xpos_[tags[k + 1]].rfind("LET", 0) == 0 ||
                          label_xpos_[tags[k + 1]].rfind("VG", 0) == 0 || label_xpos_[tags[k + 1]].rfind("WW", 0) == 0;
      if (!clause_final && x.rfind("VZ|fin", 0) != 0) continue;
      std::string particle_verb = lemmatizer_.ParticleVerb(words[k], lemmas[i]);
      if (!particle_verb.empty()) {
        lemmas[i] = particle_verb;
        break;
      }
    }
  }
  return lemmas;
}

void Tagger::Tag(Document* doc) const {
  std::vector<std::string_view> words;
  for (const Sentence& s : doc->sentences) {
    words.clear();
    for (uint32_t t = s.first_token; t < s.end_token; ++t) words.push_back(doc->Form(t));
    std::vector<uint32_t> tags = Predict(words);
    std::vector<std::string> lemmas = Lemmas(words, tags);
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      Token& token = doc->tokens[t];
      uint32_t label = tags[t - s.first_token];
      token.upos = label_upos_[label];
      token.xpos = doc->strings.Intern(label_xpos_[label]);
      token.lemma = doc->strings.Intern(lemmas[t - s.first_token]);
    }
  }
}

std::string SerializeSelfTest(const Tagger& tagger, const std::vector<std::vector<std::string>>& sentences) {
  ByteWriter w;
  w.U64(sentences.size());
  for (const auto& sentence : sentences) {
    std::vector<std::string_view> words(sentence.begin(), sentence.end());
    std::vector<uint32_t> tags = tagger.Predict(words);
    w.U64(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      w.String(words[i]);
      w.U32(tags[i]);
      w.String(tagger.lemmatizer().Lemmatize(words[i], tags[i]));
    }
  }
  return std::move(w.bytes());
}

Status RunSelfTest(const Tagger& tagger, std::string_view test) {
  ByteReader r(test);
  uint64_t n = r.Count(8);
  for (uint64_t s = 0; s < n && !r.failed(); ++s) {
    uint64_t m = r.Count(12);
    std::vector<std::string> words;
    std::vector<uint32_t> expected;
    std::vector<std::string> lemmas;
    for (uint64_t i = 0; i < m && !r.failed(); ++i) {
      words.emplace_back(r.String());
      expected.push_back(r.U32());
      lemmas.emplace_back(r.String());
    }
    std::vector<std::string_view> views(words.begin(), words.end());
    if (!r.failed() && tagger.Predict(views) != expected) {
      return Status::InvalidInput("self-test failed: the model tags its stored sample differently (damaged file or "
                                  "a bron that reads it differently)");
    }
    for (size_t i = 0; i < words.size() && !r.failed(); ++i) {
      if (tagger.lemmatizer().Lemmatize(words[i], expected[i]) != lemmas[i]) {
        return Status::InvalidInput("self-test failed: lemma of '" + words[i] + "' differs from the stored sample");
      }
    }
  }
  if (r.failed() || !r.done()) return Status::InvalidInput("malformed TEST section");
  return Status::Ok();
}

}  // namespace bron
