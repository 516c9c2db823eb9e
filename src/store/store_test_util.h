// Builds bron/1 documents by hand for the tests of the store, the links and the API: entities, claims,
// quotes and quantities placed on substrings of the text.
#ifndef BRON_STORE_STORE_TEST_UTIL_H_
#define BRON_STORE_STORE_TEST_UTIL_H_

#include <string>

#include "bron/document.h"
#include "io/writer.h"

namespace bron::testing {

class DocBuilder {
 public:
  DocBuilder(std::string id, std::string text, std::string published = "2026-02-27") {
    doc_.id = std::move(id);
    doc_.lang = "nl";
    doc_.text = std::move(text);
    doc_.published = std::move(published);
  }
  DocBuilder& Url(std::string url) { doc_.url = std::move(url); return *this; }
  DocBuilder& Site(std::string site) { doc_.site = std::move(site); return *this; }
  DocBuilder& Title(std::string title) { doc_.title = std::move(title); return *this; }
  DocBuilder& Lang(std::string lang) { doc_.lang = std::move(lang); return *this; }

  // An entity with a mention at each occurrence of each form; returns its index.
  int Entity(const std::string& type, const std::string& name, std::initializer_list<std::string> forms) {
    bron::Entity e;
    e.id = "E" + std::to_string(doc_.entities.size() + 1);
    e.type = type;
    e.name = name;
    for (const std::string& form : forms) {
      for (size_t pos = doc_.text.find(form); pos != std::string::npos; pos = doc_.text.find(form, pos + 1)) {
        e.mentions.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + form.size()), 0, 0});
      }
    }
    doc_.entities.push_back(e);
    return static_cast<int>(doc_.entities.size() - 1);
  }
  // A claim over the first occurrence of `span`; returns its index.
  int Claim(const std::string& span, int source, const std::string& certainty = "reported") {
    bron::Claim c;
    TextSpan s = Find(span);
    c.start = s.start;
    c.end = s.end;
    c.source = source;
    c.certainty = certainty;
    doc_.claims.push_back(c);
    return static_cast<int>(doc_.claims.size() - 1);
  }
  DocBuilder& Response(int claim, int by, const std::string& stance, const std::string& span) {
    TextSpan s = Find(span);
    doc_.claims[claim].responses.push_back({by, stance, s.start, s.end});
    return *this;
  }
  DocBuilder& Quote(const std::string& span, int speaker) {
    bron::Quote q;
    TextSpan s = Find(span);
    q.start = s.start;
    q.end = s.end;
    q.speaker_entity = speaker;
    doc_.quotes.push_back(q);
    return *this;
  }
  DocBuilder& Quantity(const std::string& span, double value, const std::string& counted) {
    bron::Quantity q;
    TextSpan s = Find(span);
    q.start = s.start;
    q.end = s.end;
    q.value = value;
    q.counted = counted;
    doc_.quantities.push_back(q);
    return *this;
  }
  std::string Json() const {
    WriteOptions o;
    o.stages = {"tokenize", "ner", "quantities", "times", "attribution", "events", "flags"};
    std::string out;
    WriteJson(doc_, o, false, &out);
    return out;
  }
  const Document& doc() const { return doc_; }

 private:
  TextSpan Find(const std::string& span) const {
    size_t pos = doc_.text.find(span);
    if (pos == std::string::npos) pos = 0;
    return {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + span.size())};
  }
  Document doc_;
};

}  // namespace bron::testing

#endif  // BRON_STORE_STORE_TEST_UTIL_H_
