#include "store/record.h"

#include <simdjson.h>

namespace bron {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

std::string Str(object o, const char* key) {
  std::string_view s;
  if (o[key].get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return "";
}

std::optional<std::string> OptStr(object o, const char* key) {
  std::string_view s;
  if (o[key].get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return std::nullopt;
}

RecordSpan Span(object o) {
  RecordSpan span;
  uint64_t v = 0;
  if (o["start"].get_uint64().get(v) == simdjson::SUCCESS) span.start = static_cast<uint32_t>(v);
  if (o["end"].get_uint64().get(v) == simdjson::SUCCESS) span.end = static_cast<uint32_t>(v);
  return span;
}

// The objects of an array member; none when the member is absent (the stage did not run).
std::vector<object> Objects(object o, const char* key) {
  std::vector<object> out;
  simdjson::dom::array array;
  if (o[key].get_array().get(array) != simdjson::SUCCESS) return out;
  for (element e : array) {
    object item;
    if (e.get_object().get(item) == simdjson::SUCCESS) out.push_back(item);
  }
  return out;
}

size_t Count(object o, const char* key) {
  simdjson::dom::array array;
  return o[key].get_array().get(array) == simdjson::SUCCESS ? array.size() : 0;
}

}  // namespace

Status ParseDocumentRecord(std::string_view json, DocumentRecord* out) {
  static thread_local simdjson::dom::parser parser;
  element root;
  auto error = parser.parse(json.data(), json.size()).get(root);
  if (error) return Status::InvalidInput(std::string("invalid JSON: ") + simdjson::error_message(error));
  object doc;
  if (root.get_object().get(doc) != simdjson::SUCCESS) return Status::InvalidInput("a bron/1 document is a JSON object");
  std::string_view text;
  if (doc["text"].get_string().get(text) != simdjson::SUCCESS) return Status::InvalidInput("no \"text\" string");
  *out = DocumentRecord();
  out->text = std::string(text);
  out->id = Str(doc, "id");
  if (out->id.empty()) return Status::InvalidInput("no \"id\" string");
  out->lang = Str(doc, "lang");
  out->title = OptStr(doc, "title");
  out->url = OptStr(doc, "url");
  out->site = OptStr(doc, "site");
  out->author = OptStr(doc, "author");
  out->published = OptStr(doc, "published");
  for (object e : Objects(doc, "entities")) {
    RecordEntity entity{Str(e, "id"), Str(e, "type"), Str(e, "name"), {}, {}};
    for (object m : Objects(e, "mentions")) {
      entity.mentions.push_back(Span(m));
      entity.mention_texts.push_back(Str(m, "text"));
    }
    out->entities.push_back(std::move(entity));
  }
  for (object q : Objects(doc, "quotes")) {
    RecordQuote quote{Str(q, "id"), Str(q, "kind"), Str(q, "text"), Span(q), "", ""};
    object speaker;
    if (q["speaker"].get_object().get(speaker) == simdjson::SUCCESS) {
      quote.speaker_text = Str(speaker, "text");
      quote.speaker_entity = Str(speaker, "entity");
    }
    out->quotes.push_back(std::move(quote));
  }
  for (object c : Objects(doc, "claims")) {
    RecordClaim claim{Str(c, "id"), Str(c, "text"), Str(c, "source"), Str(c, "source_text"),
                      Str(c, "certainty"), Str(c, "quote"), Span(c), {}};
    for (object r : Objects(c, "responses")) claim.responses.push_back({Str(r, "by"), Str(r, "stance"), Str(r, "text")});
    out->claims.push_back(std::move(claim));
  }
  for (object q : Objects(doc, "quantities")) {
    RecordQuantity quantity{Span(q), Str(q, "text"), Str(q, "kind"), Str(q, "unit"), Str(q, "counted"), std::nullopt};
    double v = 0;
    if (q["value"].get_double().get(v) == simdjson::SUCCESS) quantity.value = v;
    out->quantities.push_back(std::move(quantity));
  }
  out->times = Count(doc, "times");
  out->events = Count(doc, "events");
  out->flags = Count(doc, "flags");
  return Status::Ok();
}

}  // namespace bron
