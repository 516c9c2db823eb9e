#include <cstdio>

#include "io/writer.h"

namespace bron {

Status ParseOutputFormat(std::string_view name, OutputFormat* format) {
  if (name == "json") *format = OutputFormat::kJson;
  else if (name == "jsonl") *format = OutputFormat::kJsonl;
  else if (name == "conllu") *format = OutputFormat::kConllu;
  else if (name == "text") *format = OutputFormat::kText;
  else return Status::Usage("unknown output format '" + std::string(name) + "' (expected json, jsonl, conllu or text)");
  return Status::Ok();
}

void WriteText(const Document& doc, const WriteOptions& options, std::string* out) {
  out->append("== ").append(doc.id).append("  [").append(doc.lang.empty() ? "?" : doc.lang);
  if (doc.published) out->append(", published ").append(*doc.published);
  out->append(", ").append(std::to_string(doc.sentences.size())).append(" sentences, ");
  out->append(std::to_string(doc.tokens.size())).append(" tokens]\n");
  if (doc.title) out->append("   ").append(*doc.title).append("\n");
  for (const Note& n : doc.notes) out->append("   note (").append(n.stage).append("): ").append(n.message).append("\n");
  char number[32];
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    std::snprintf(number, sizeof(number), "%4zu  ", i + 1);
    out->append(number);
    if (options.tokens) {
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        if (t > s.first_token) out->append(" | ");
        out->append(doc.Form(t));
      }
    } else {
      // One line a sentence: line breaks inside it become spaces.
      for (char c : doc.Span(s.start, s.end)) out->push_back(c == '\n' || c == '\r' ? ' ' : c);
    }
    out->push_back('\n');
  }
  if (!doc.entities.empty()) {
    out->append("   entities:\n");
    for (const Entity& e : doc.entities) {
      out->append("     ").append(e.id).append(" ").append(e.type).append("  ").append(e.name);
      if (!e.roles.empty()) {
        out->append(" (");
        for (size_t r = 0; r < e.roles.size(); ++r) out->append(r ? ", " : "").append(e.roles[r]);
        out->append(")");
      }
      out->append("  <=");
      for (const Mention& m : e.mentions) out->append(" \"").append(doc.Span(m.start, m.end)).append("\"");
      out->push_back('\n');
    }
  }
  if (!doc.quantities.empty()) {
    out->append("   quantities:\n");
    char buffer[64];
    for (const Quantity& q : doc.quantities) {
      out->append("     \"").append(doc.Span(q.start, q.end)).append("\"  ");
      if (q.value) {
        std::snprintf(buffer, sizeof(buffer), "%.10g", *q.value);
      } else {
        std::snprintf(buffer, sizeof(buffer), "%.10g-%.10g", q.low.value_or(0), q.high.value_or(0));
      }
      out->append(buffer).append(" ").append(q.kind);
      if (!q.unit.empty()) out->append(" ").append(q.unit);
      if (q.bound != "exact") out->append(" (").append(q.bound).append(")");
      if (!q.counted.empty()) out->append(" of ").append(q.counted);
      out->push_back('\n');
    }
  }
  if (!doc.times.empty()) {
    out->append("   times:\n");
    for (const TimeExpression& e : doc.times) {
      out->append("     \"").append(doc.Span(e.start, e.end)).append("\"  ").append(e.value.value_or("?"));
      out->append(" ").append(e.kind).push_back('\n');
    }
  }
  auto entity = [&](int index) -> std::string {
    return index >= 0 && index < static_cast<int>(doc.entities.size()) ? doc.entities[index].name : "?";
  };
  auto clip = [&](uint32_t start, uint32_t end) {  // at most ~80 bytes, cut at a character
    std::string_view text = doc.Span(start, end);
    if (text.size() <= 80) return std::string(text);
    size_t cut = 80;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "…";
  };
  if (!doc.quotes.empty()) {
    out->append("   quotes:\n");
    for (const Quote& q : doc.quotes) {
      out->append("     ").append(q.kind).append(" \"").append(clip(q.start, q.end)).append("\"");
      if (q.cue) out->append("  cue \"").append(doc.Span(q.cue->start, q.cue->end)).append("\"");
      if (q.speaker) {
        out->append("  speaker \"").append(doc.Span(q.speaker->start, q.speaker->end)).append("\"");
        if (q.speaker_entity >= 0) out->append(" = ").append(entity(q.speaker_entity));
      }
      out->push_back('\n');
    }
  }
  if (!doc.claims.empty()) {
    out->append("   claims (attributed, hedged or answered):\n");
    for (const Claim& c : doc.claims) {
      if (c.quote < 0 && c.certainty == "asserted" && c.responses.empty()) continue;
      out->append("     ").append(c.certainty).append(" \"").append(clip(c.start, c.end)).append("\"");
      if (c.source >= 0) {
        out->append("  source ").append(entity(c.source));
      } else if (c.source_text) {
        out->append("  source \"").append(doc.Span(c.source_text->start, c.source_text->end)).append("\"");
      }
      for (const Response& r : c.responses) out->append("  [").append(r.stance).append(" by ").append(entity(r.by)).append("]");
      out->push_back('\n');
    }
  }
  if (!doc.flags.empty()) {
    out->append("   flags:\n");
    for (const Flag& f : doc.flags) {
      out->append("     ").append(f.kind).append(" \"").append(doc.Span(f.start, f.end)).append("\": ").append(f.note);
      out->push_back('\n');
    }
  }
  out->push_back('\n');
}

void WriteDocument(const Document& doc, const WriteOptions& options, std::string* out) {
  switch (options.format) {
    case OutputFormat::kJson: return WriteJson(doc, options, /*pretty=*/true, out);
    case OutputFormat::kJsonl: return WriteJson(doc, options, /*pretty=*/false, out);
    case OutputFormat::kConllu: return WriteConllu(doc, out, options.flush);
    case OutputFormat::kText: return WriteText(doc, options, out);
  }
}

}  // namespace bron
