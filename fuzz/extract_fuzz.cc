// Fuzzes the quantity, time and event extractors with arbitrary (repaired) UTF-8 in both languages. The
// tag and ner stages need models, so each token gets a tag chosen by its bytes and capitalised tokens become
// entities: that drives the event coder through its clause, subject and target logic on any input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "base/utf8.h"
#include "extract/events.h"
#include "extract/quantities.h"
#include "extract/times.h"
#include "fuzz/fuzz_util.h"
#include "text/chars.h"
#include "text/tokenizer.h"

namespace {

template <typename T>
void CheckSpans(const bron::Document& doc, const std::vector<T>& items) {
  for (const T& x : items) {
    if (x.start > x.end || x.end > doc.text.size()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bron::Tokenizer nl("nl"), en("en");
  static const bron::QuantityExtractor nl_quantities("nl"), en_quantities("en");
  static const bron::TimeExtractor nl_times("nl"), en_times("en");
  static const bron::EventExtractor nl_events("nl"), en_events("en");
  if (size > (1 << 16)) return 0;
  for (int lang = 0; lang < 2; ++lang) {
    bron::Document doc;
    doc.text = bron::RepairUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
    doc.lang = lang ? "en" : "nl";
    if (size % 2) doc.published = "2026-02-27";
    (lang ? en : nl).Tokenize(&doc);
    static constexpr bron::Upos kTags[] = {bron::Upos::kNoun, bron::Upos::kVerb, bron::Upos::kAux, bron::Upos::kAdp,
                                           bron::Upos::kDet, bron::Upos::kAdj, bron::Upos::kPropn, bron::Upos::kSconj,
                                           bron::Upos::kCconj, bron::Upos::kPunct, bron::Upos::kNum};
    for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
      std::string_view form = doc.Form(t);
      doc.tokens[t].upos = kTags[(form.size() + static_cast<unsigned char>(form[0])) % std::size(kTags)];
      doc.tokens[t].lemma = doc.strings.Intern(bron::Lowercase(form));
      doc.tokens[t].xpos = doc.strings.Intern(form.size() % 3 ? "WW|pv|tgw|ev" : "VBD");
      if (static_cast<unsigned char>(form[0]) >= 'A' && static_cast<unsigned char>(form[0]) <= 'Z') {
        bron::Entity e;
        e.id = "E" + std::to_string(doc.entities.size() + 1);
        e.type = form.size() % 2 ? "LOC" : "PER";
        e.name = std::string(form);
        e.mentions.push_back({doc.tokens[t].start, doc.tokens[t].end, t, t + 1});
        doc.entities.push_back(std::move(e));
      }
    }
    (lang ? en_quantities : nl_quantities).Extract(&doc);
    (lang ? en_times : nl_times).Extract(&doc);
    (lang ? en_events : nl_events).Extract(&doc);
    CheckSpans(doc, doc.quantities);
    CheckSpans(doc, doc.times);
    for (const bron::Event& ev : doc.events) {
      if (ev.trigger.start >= ev.trigger.end || ev.trigger.end > doc.text.size()) std::abort();
      int entities = static_cast<int>(doc.entities.size());
      if (ev.actor >= entities || ev.target >= entities || ev.time >= static_cast<int>(doc.times.size())) std::abort();
      for (int p : ev.places) {
        if (p < 0 || p >= entities) std::abort();
      }
      for (int q : ev.quantities) {
        if (q < 0 || q >= static_cast<int>(doc.quantities.size())) std::abort();
      }
    }
    bron::fuzz::CheckDocument(doc);
  }
  return 0;
}
