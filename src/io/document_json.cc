// The bron/1 JSON of a Document (../shared/design/output.md): spans as code point offsets.
#include <algorithm>

#include "base/utf8.h"
#include "io/json_writer.h"
#include "io/writer.h"

namespace bron {

void WriteJson(const Document& doc, const WriteOptions& options, bool pretty, std::string* out) {
  CodepointOffsets cp(doc.text);
  auto ran = [&](std::string_view stage) {
    return std::find(options.stages.begin(), options.stages.end(), stage) != options.stages.end();
  };
  JsonWriter w(out, pretty);
  auto span_fields = [&](const TextSpan& s) {  // inside an object the caller opens and closes
    w.Key("start");
    w.Uint(cp(s.start));
    w.Key("end");
    w.Uint(cp(s.end));
    w.Key("text");
    w.String(doc.Span(s.start, s.end));
  };
  w.StartObject();
  w.Key("schema");
  w.String("bron/1");
  w.Key("id");
  w.String(doc.id);
  w.Key("lang");
  if (doc.lang.empty()) w.Null(); else w.String(doc.lang);
  w.Key("title");
  w.OptionalString(doc.title);
  w.Key("url");
  w.OptionalString(doc.url);
  w.Key("site");
  w.OptionalString(doc.site);
  w.Key("author");
  w.OptionalString(doc.author);
  w.Key("published");
  w.OptionalString(doc.published);
  w.Key("text");
  w.String(doc.text);

  bool tokenized = ran("tokenize") || doc.pretokenized;
  if (tokenized) {
    w.Key("sentences");
    w.StartArray();
    for (const Sentence& s : doc.sentences) {
      w.StartObject();
      w.Key("start");
      w.Uint(cp(s.start));
      w.Key("end");
      w.Uint(cp(s.end));
      w.EndObject();
    }
    w.EndArray();
  }
  if (tokenized && options.tokens) {
    w.Key("tokens");
    w.StartArray();
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      const Token& t = doc.tokens[i];
      w.StartObject();
      w.Key("start");
      w.Uint(cp(t.start));
      w.Key("end");
      w.Uint(cp(t.end));
      w.Key("sent");
      w.Uint(t.sentence);
      if (t.upos != Upos::kNone) {
        w.Key("upos");
        w.String(UposName(t.upos));
        w.Key("xpos");
        w.String(doc.strings.Get(t.xpos));
        w.Key("lemma");
        w.String(doc.strings.Get(t.lemma));
      }
      if (ran("ner")) {
        w.Key("ner");
        w.String(NerTagName(t.ner));
      }
      auto form = doc.form_overrides.find(static_cast<uint32_t>(i));
      if (form != doc.form_overrides.end()) {  // a word of a multiword token: its own form
        w.Key("form");
        w.String(form->second);
      }
      w.EndObject();
    }
    w.EndArray();
  }
  if (ran("ner")) {
    w.Key("entities");
    w.StartArray();
    for (const Entity& e : doc.entities) {
      w.StartObject();
      w.Key("id");
      w.String(e.id);
      w.Key("type");
      w.String(e.type);
      w.Key("name");
      w.String(e.name);
      w.Key("mentions");
      w.StartArray();
      for (const Mention& m : e.mentions) {
        w.StartObject();
        span_fields({m.start, m.end});
        w.EndObject();
      }
      w.EndArray();
      w.Key("roles");
      w.StartArray();
      for (const std::string& r : e.roles) w.String(r);
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  if (ran("quantities")) {
    w.Key("quantities");
    w.StartArray();
    for (size_t i = 0; i < doc.quantities.size(); ++i) {
      const Quantity& q = doc.quantities[i];
      auto number = [&](const std::optional<double>& v) {
        if (v) w.Double(*v); else w.Null();
      };
      w.StartObject();
      w.Key("id");
      w.String("N" + std::to_string(i + 1));
      span_fields({q.start, q.end});
      w.Key("value");
      number(q.value);
      w.Key("low");
      number(q.low);
      w.Key("high");
      number(q.high);
      w.Key("bound");
      w.String(q.bound);
      w.Key("kind");
      w.String(q.kind);
      w.Key("unit");
      if (q.unit.empty()) w.Null(); else w.String(q.unit);
      w.Key("counted");
      if (q.counted.empty()) w.Null(); else w.String(q.counted);
      w.EndObject();
    }
    w.EndArray();
  }
  if (ran("times")) {
    w.Key("times");
    w.StartArray();
    for (size_t i = 0; i < doc.times.size(); ++i) {
      const TimeExpression& e = doc.times[i];
      w.StartObject();
      w.Key("id");
      w.String("T" + std::to_string(i + 1));
      span_fields({e.start, e.end});
      w.Key("value");
      w.OptionalString(e.value);
      w.Key("kind");
      w.String(e.kind);
      w.EndObject();
    }
    w.EndArray();
  }
  auto entity_id = [&](int index) {
    if (index < 0 || index >= static_cast<int>(doc.entities.size())) {
      w.Null();
    } else {
      w.String(doc.entities[index].id);
    }
  };
  if (ran("attribution")) {
    w.Key("quotes");
    w.StartArray();
    for (size_t i = 0; i < doc.quotes.size(); ++i) {
      const Quote& q = doc.quotes[i];
      w.StartObject();
      w.Key("id");
      w.String("Q" + std::to_string(i + 1));
      w.Key("kind");
      w.String(q.kind);
      span_fields({q.start, q.end});
      w.Key("cue");
      if (q.cue) {
        w.StartObject();
        span_fields(*q.cue);
        w.EndObject();
      } else {
        w.Null();
      }
      w.Key("speaker");
      if (q.speaker) {
        w.StartObject();
        span_fields(*q.speaker);
        w.Key("entity");
        entity_id(q.speaker_entity);
        w.EndObject();
      } else {
        w.Null();
      }
      w.EndObject();
    }
    w.EndArray();
    w.Key("claims");
    w.StartArray();
    for (size_t i = 0; i < doc.claims.size(); ++i) {
      const Claim& c = doc.claims[i];
      w.StartObject();
      w.Key("id");
      w.String("C" + std::to_string(i + 1));
      span_fields({c.start, c.end});
      w.Key("source");
      entity_id(c.source);
      w.Key("source_text");
      if (c.source_text) w.String(doc.Span(c.source_text->start, c.source_text->end)); else w.Null();
      w.Key("certainty");
      w.String(c.certainty);
      w.Key("cues");
      w.StartArray();
      for (const TextSpan& cue : c.cues) {
        w.StartObject();
        span_fields(cue);
        w.EndObject();
      }
      w.EndArray();
      w.Key("quote");
      if (c.quote >= 0) w.String("Q" + std::to_string(c.quote + 1)); else w.Null();
      w.Key("responses");
      w.StartArray();
      for (const Response& r : c.responses) {
        w.StartObject();
        w.Key("by");
        entity_id(r.by);
        w.Key("stance");
        w.String(r.stance);
        span_fields({r.start, r.end});
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  if (ran("events")) {
    w.Key("events");
    w.StartArray();
    for (size_t i = 0; i < doc.events.size(); ++i) {
      const Event& e = doc.events[i];
      w.StartObject();
      w.Key("id");
      w.String("V" + std::to_string(i + 1));
      w.Key("type");
      w.String(e.type);
      w.Key("trigger");
      w.StartObject();
      span_fields(e.trigger);
      w.EndObject();
      w.Key("actor");
      entity_id(e.actor);
      w.Key("target");
      entity_id(e.target);
      w.Key("place");
      w.StartArray();
      for (int p : e.places) entity_id(p);
      w.EndArray();
      w.Key("time");
      if (e.time >= 0) w.String("T" + std::to_string(e.time + 1)); else w.Null();
      w.Key("quantities");
      w.StartArray();
      for (int q : e.quantities) w.String("N" + std::to_string(q + 1));
      w.EndArray();
      w.Key("certainty");
      w.String(e.certainty);
      w.EndObject();
    }
    w.EndArray();
  }
  if (ran("flags")) {
    w.Key("flags");
    w.StartArray();
    for (const Flag& f : doc.flags) {
      w.StartObject();
      w.Key("kind");
      w.String(f.kind);
      span_fields({f.start, f.end});
      w.Key("note");
      w.String(f.note);
      w.EndObject();
    }
    w.EndArray();
  }
  if (!doc.notes.empty()) {
    w.Key("notes");
    w.StartArray();
    for (const Note& n : doc.notes) {
      w.StartObject();
      w.Key("stage");
      w.String(n.stage);
      w.Key("message");
      w.String(n.message);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  out->push_back('\n');
}

}  // namespace bron
