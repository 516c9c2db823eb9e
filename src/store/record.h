// DocumentRecord: what the store keeps of one bron/1 document, read back from its JSON. The store reads
// the JSON (not the Document) so that everything that produces bron/1 — `bron ingest`, POST
// /api/documents, a JSONL file from `bron analyze` — is stored the same way. Offsets are code points.
#ifndef BRON_STORE_RECORD_H_
#define BRON_STORE_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bron/status.h"

namespace bron {

struct RecordSpan {
  uint32_t start = 0, end = 0;
};

struct RecordEntity {
  std::string id, type, name;
  std::vector<std::string> mention_texts;
  std::vector<RecordSpan> mentions;
};

struct RecordQuote {
  std::string id, kind, text;
  RecordSpan span;
  std::string speaker_text, speaker_entity;  // entity: a local id ("E4") or empty
};

struct RecordResponse {
  std::string by, stance, text;  // by: a local entity id or empty
};

struct RecordClaim {
  std::string id, text, source, source_text, certainty, quote;
  RecordSpan span;
  std::vector<RecordResponse> responses;
};

struct RecordQuantity {
  RecordSpan span;
  std::string text, kind, unit, counted;
  std::optional<double> value;
};

struct DocumentRecord {
  std::string id, lang, text;
  std::optional<std::string> title, url, site, author, published;
  std::vector<RecordEntity> entities;
  std::vector<RecordQuote> quotes;
  std::vector<RecordClaim> claims;
  std::vector<RecordQuantity> quantities;
  size_t times = 0, events = 0, flags = 0;
};

// Reads a bron/1 document. An error names the field that is missing or of the wrong type.
Status ParseDocumentRecord(std::string_view json, DocumentRecord* out);

}  // namespace bron

#endif  // BRON_STORE_RECORD_H_
