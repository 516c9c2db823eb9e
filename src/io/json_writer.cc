#include <algorithm>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "base/utf8.h"
#include "io/writer.h"

namespace bron {
namespace {

template <typename Writer>
void OptionalString(Writer& w, const char* key, const std::optional<std::string>& value) {
  w.Key(key);
  if (value) {
    w.String(value->data(), static_cast<rapidjson::SizeType>(value->size()));
  } else {
    w.Null();
  }
}

template <typename Writer>
void Write(const Document& doc, const WriteOptions& options, Writer& w) {
  CodepointOffsets cp(doc.text);
  auto ran = [&](std::string_view stage) {
    return std::find(options.stages.begin(), options.stages.end(), stage) != options.stages.end();
  };
  w.StartObject();
  w.Key("schema");
  w.String("bron/1");
  w.Key("id");
  w.String(doc.id.data(), static_cast<rapidjson::SizeType>(doc.id.size()));
  w.Key("lang");
  if (doc.lang.empty()) w.Null(); else w.String(doc.lang.data(), static_cast<rapidjson::SizeType>(doc.lang.size()));
  OptionalString(w, "title", doc.title);
  OptionalString(w, "url", doc.url);
  OptionalString(w, "site", doc.site);
  OptionalString(w, "author", doc.author);
  OptionalString(w, "published", doc.published);
  w.Key("text");
  w.String(doc.text.data(), static_cast<rapidjson::SizeType>(doc.text.size()));

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
      auto form = doc.form_overrides.find(static_cast<uint32_t>(i));
      if (form != doc.form_overrides.end()) {  // a word of a multiword token: its own form
        w.Key("form");
        w.String(form->second.data(), static_cast<rapidjson::SizeType>(form->second.size()));
      }
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
      w.String(n.stage.data(), static_cast<rapidjson::SizeType>(n.stage.size()));
      w.Key("message");
      w.String(n.message.data(), static_cast<rapidjson::SizeType>(n.message.size()));
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

void WriteJson(const Document& doc, const WriteOptions& options, bool pretty, std::string* out) {
  rapidjson::StringBuffer buffer;
  if (pretty) {
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    Write(doc, options, w);
  } else {
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    Write(doc, options, w);
  }
  out->append(buffer.GetString(), buffer.GetSize());
  out->push_back('\n');
}

}  // namespace bron
