#include "store/store_json.h"

namespace bron {
namespace {

void Int(JsonWriter& w, const char* key, int64_t v) {
  w.Key(key);
  w.Uint(static_cast<uint64_t>(v < 0 ? 0 : v));
}

void Str(JsonWriter& w, const char* key, const std::string& v) {
  w.Key(key);
  w.String(v);
}

void Opt(JsonWriter& w, const char* key, const std::optional<std::string>& v) {
  w.Key(key);
  w.OptionalString(v);
}

void IdOrNull(JsonWriter& w, const char* key, int64_t v) {
  w.Key(key);
  if (v) w.Uint(static_cast<uint64_t>(v)); else w.Null();
}

void Strings(JsonWriter& w, const char* key, const std::vector<std::string>& v) {
  w.Key(key);
  w.StartArray();
  for (const std::string& s : v) w.String(s);
  w.EndArray();
}

}  // namespace

void WriteStatsJson(const StoreStats& s, JsonWriter& w) {
  w.StartObject();
  Int(w, "documents", s.documents);
  Int(w, "revisions", s.revisions);
  Int(w, "duplicates", s.duplicates);
  Int(w, "entities", s.entities);
  Int(w, "quotes", s.quotes);
  Int(w, "claims", s.claims);
  Int(w, "stories", s.stories);
  Int(w, "ledger", s.ledger);
  Int(w, "sources", s.sources);
  w.EndObject();
}

void WriteDocumentSummaryJson(const DocumentSummary& d, JsonWriter& w) {
  w.StartObject();
  Int(w, "id", d.id);
  Str(w, "doc_id", d.doc_id);
  Str(w, "lang", d.lang);
  Opt(w, "title", d.title);
  Opt(w, "url", d.url);
  Opt(w, "site", d.site);
  Opt(w, "published", d.published);
  IdOrNull(w, "story", d.story);
  IdOrNull(w, "duplicate_of", d.duplicate_of);
  Int(w, "revision", d.revision);
  Str(w, "snippet", d.snippet);
  w.EndObject();
}

void WriteSearchHitJson(const SearchHit& h, JsonWriter& w) {
  w.StartObject();
  Str(w, "kind", h.kind);
  Int(w, "document", h.document);
  Str(w, "doc_id", h.doc_id);
  Str(w, "local_id", h.local_id);
  Opt(w, "title", h.title);
  Opt(w, "published", h.published);
  Str(w, "snippet", h.snippet);
  w.EndObject();
}

void WriteEntitySummaryJson(const EntitySummary& e, JsonWriter& w) {
  w.StartObject();
  Int(w, "id", e.id);
  Str(w, "type", e.type);
  Str(w, "name", e.name);
  Int(w, "documents", e.documents);
  Int(w, "mentions", e.mentions);
  Int(w, "claims", e.claims);
  Opt(w, "first_seen", e.first_seen);
  Opt(w, "last_seen", e.last_seen);
  w.Key("aliases");
  w.StartArray();
  for (const EntityAlias& a : e.aliases) {
    w.StartObject();
    Str(w, "text", a.text);
    Int(w, "count", a.count);
    Str(w, "reason", a.reason);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteLedgerEntryJson(const LedgerEntry& e, JsonWriter& w) {
  w.StartObject();
  Int(w, "id", e.id);
  Str(w, "text", e.text);
  IdOrNull(w, "story", e.story);
  Str(w, "certainty", e.certainty);
  Opt(w, "first_seen", e.first_seen);
  Opt(w, "last_seen", e.last_seen);
  Int(w, "claims", e.claims);
  Int(w, "repeats", e.claims > 0 ? e.claims - 1 : 0);
  Int(w, "documents", e.documents);
  Int(w, "sources_count", e.sources_count);
  Int(w, "confirmed", e.confirmed);
  Int(w, "denied", e.denied);
  Int(w, "not_confirmed", e.not_confirmed);
  Int(w, "disputed", e.disputed);
  Strings(w, "entities", e.entities);
  Strings(w, "corroborated_by", e.corroborated_by);
  Strings(w, "denied_by", e.denied_by);
  Strings(w, "not_confirmed_by", e.not_confirmed_by);
  w.Key("numbers");
  w.StartArray();
  for (const LedgerNumber& n : e.numbers) {
    w.StartObject();
    w.Key("value");
    w.Double(n.value);
    Str(w, "unit", n.unit);
    Str(w, "counted", n.counted);
    Int(w, "reports", n.reports);
    w.EndObject();
  }
  w.EndArray();
  // Number drift: one counted thing reported with more than one value.
  w.Key("drift");
  bool drift = false;
  for (size_t i = 1; i < e.numbers.size(); ++i) {
    const LedgerNumber &a = e.numbers[i - 1], &b = e.numbers[i];
    drift |= a.counted == b.counted && a.unit == b.unit && a.value != b.value;
  }
  w.Bool(drift);
  w.Key("sources");
  w.StartArray();
  for (const LedgerSource& s : e.sources) {
    w.StartObject();
    Int(w, "document", s.document);
    Str(w, "doc_id", s.doc_id);
    Str(w, "claim", s.claim_id);
    Str(w, "text", s.text);
    Str(w, "certainty", s.certainty);
    Str(w, "source", s.source);
    Opt(w, "title", s.title);
    Opt(w, "site", s.site);
    Opt(w, "published", s.published);
    Opt(w, "url", s.url);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteEntityDetailJson(const EntityDetail& e, JsonWriter& w) {
  w.StartObject();
  w.Key("entity");
  WriteEntitySummaryJson(e.entity, w);
  w.Key("timeline");
  w.StartArray();
  for (const TimelinePoint& p : e.timeline) {
    w.StartObject();
    Str(w, "date", p.date);
    Int(w, "documents", p.documents);
    Int(w, "claims", p.claims);
    w.EndObject();
  }
  w.EndArray();
  w.Key("documents");
  WriteArrayJson(e.documents, WriteDocumentSummaryJson, w);
  w.Key("ledger");
  WriteArrayJson(e.ledger, WriteLedgerEntryJson, w);
  w.EndObject();
}

void WriteStorySummaryJson(const StorySummary& s, JsonWriter& w) {
  w.StartObject();
  Int(w, "id", s.id);
  Str(w, "title", s.title);
  Opt(w, "first_seen", s.first_seen);
  Opt(w, "last_seen", s.last_seen);
  Int(w, "documents", s.documents);
  Int(w, "duplicates", s.duplicates);
  Int(w, "claims", s.claims);
  Strings(w, "entities", s.entities);
  w.EndObject();
}

void WriteStoryDetailJson(const StoryDetail& s, JsonWriter& w) {
  w.StartObject();
  w.Key("story");
  WriteStorySummaryJson(s.story, w);
  w.Key("documents");
  WriteArrayJson(s.documents, WriteDocumentSummaryJson, w);
  w.Key("ledger");
  WriteArrayJson(s.ledger, WriteLedgerEntryJson, w);
  w.EndObject();
}

}  // namespace bron
