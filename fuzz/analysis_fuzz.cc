// Fuzzes the whole analysis of a text (every stage: tags, entities, quantities, times, flags, quotes,
// claims): no crash, and every span it reports lies inside the text and on UTF-8 boundaries. The first
// byte picks the language; the rest, made valid UTF-8, is the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "bron/pipeline.h"
#include "fuzz/fuzz_util.h"

namespace {

const bron::Pipeline* Build(const char* lang) {
  std::unique_ptr<bron::Pipeline> p;
  bron::PipelineOptions options;
  options.lang = lang;
  std::vector<std::string> stages;
  for (std::string_view name : bron::Pipeline::KnownStages()) stages.emplace_back(name);
  if (!bron::Pipeline::Build(stages, options, &p).ok()) std::abort();
  return p.release();
}

void CheckSpan(const bron::Document& doc, uint32_t start, uint32_t end) {
  if (start > end || end > doc.text.size()) std::abort();
  auto boundary = [&](uint32_t i) { return i == doc.text.size() || (static_cast<unsigned char>(doc.text[i]) & 0xC0) != 0x80; };
  if (!boundary(start) || !boundary(end)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bron::Pipeline* nl = Build("nl");
  static const bron::Pipeline* en = Build("en");
  if (size < 1 || size > (1 << 14)) return 0;
  bron::Document doc;
  doc.text = bron::RepairUtf8(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  doc.published = "2026-02-27";
  const bron::Pipeline* pipeline = (data[0] & 1) ? en : nl;
  if (!pipeline->Process(doc).ok()) return 0;
  bron::fuzz::CheckDocument(doc);
  for (const bron::Entity& e : doc.entities) {
    for (const bron::Mention& m : e.mentions) CheckSpan(doc, m.start, m.end);
  }
  for (const bron::Quote& q : doc.quotes) {
    CheckSpan(doc, q.start, q.end);
    if (q.cue) CheckSpan(doc, q.cue->start, q.cue->end);
    if (q.speaker) CheckSpan(doc, q.speaker->start, q.speaker->end);
    if (q.speaker_entity >= static_cast<int>(doc.entities.size())) std::abort();
  }
  for (const bron::Claim& c : doc.claims) {
    CheckSpan(doc, c.start, c.end);
    if (c.quote >= static_cast<int>(doc.quotes.size()) || c.source >= static_cast<int>(doc.entities.size())) std::abort();
    for (const bron::Response& r : c.responses) CheckSpan(doc, r.start, r.end);
  }
  for (const bron::Quantity& q : doc.quantities) CheckSpan(doc, q.start, q.end);
  for (const bron::TimeExpression& t : doc.times) CheckSpan(doc, t.start, t.end);
  return 0;
}
