// Store: every analysed document in one SQLite file, linked across documents as it arrives.
//
//   std::unique_ptr<Store> store;
//   Store::Open("bron.db", {}, &store);
//   store->Put(bron1_json, &outcome);        // one transaction: the document, its entities, quotes,
//                                            // claims, its story and ledger entries, or nothing
//   store->Ledger({.entity = "Vladimir Putin"}, &entries);
//
// WAL mode; the schema is versioned (PRAGMA user_version) and migrated on open. A document is known by
// a content hash (its URL or id, title and text): storing it again changes nothing; a new text under
// the same URL is stored as the next revision. Linking (canonical entities, near-duplicates, stories, the
// claim ledger) is incremental — each Put updates the aggregates — so queries only read. The schema and
// the algorithms: docs/store.md.
#ifndef BRON_STORE_STORE_H_
#define BRON_STORE_STORE_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bron/status.h"

namespace bron {

namespace sql {
class Database;
}

struct StoreOptions {
  bool read_only = false;
};

enum class PutOutcome { kStored, kRevision, kUnchanged };

struct StoreStats {  // revisions: older versions kept beside the latest; duplicates: near-copies
  int64_t documents = 0, revisions = 0, duplicates = 0, entities = 0, quotes = 0, claims = 0, stories = 0,
          ledger = 0, sources = 0;
};

struct DocumentQuery {
  std::string q;       // full-text (FTS5) words, all required
  std::string entity;  // entity id or name
  std::string since;   // YYYY-MM-DD
  int64_t story = 0;
  int limit = 50, offset = 0;
};

struct DocumentSummary {
  int64_t id = 0;
  std::string doc_id, lang, snippet;
  std::optional<std::string> title, url, site, published;
  int64_t story = 0, duplicate_of = 0, revision = 1;
};

struct SearchHit {
  std::string kind;  // document | claim | quote
  int64_t document = 0;
  std::string doc_id, local_id, snippet;
  std::optional<std::string> title, published;
};

struct EntityAlias {
  std::string text, reason;
  int64_t count = 0;
};

struct EntitySummary {
  int64_t id = 0;
  std::string type, name;
  int64_t documents = 0, mentions = 0, claims = 0;
  std::optional<std::string> first_seen, last_seen;
  std::vector<EntityAlias> aliases;  // the most frequent spellings
};

struct TimelinePoint {
  std::string date;
  int64_t documents = 0, claims = 0;
};

struct LedgerQuery {
  std::string entity;  // id or name
  int64_t story = 0;
  std::string since, certainty;
  int limit = 50, offset = 0;
};

struct LedgerSource {  // one claim of a ledger entry: where it was said
  int64_t document = 0;
  std::string doc_id, claim_id, text, certainty, source;
  std::optional<std::string> title, site, published, url;
};

struct LedgerNumber {  // how a number of the entry was reported
  double value = 0;
  std::string unit, counted;
  int64_t reports = 0;
};

struct LedgerEntry {
  int64_t id = 0, story = 0;
  std::string text, certainty;
  std::optional<std::string> first_seen, last_seen;
  int64_t claims = 0, documents = 0, sources_count = 0, confirmed = 0, denied = 0, not_confirmed = 0,
          disputed = 0;
  std::vector<std::string> entities;  // canonical names
  std::vector<std::string> corroborated_by, denied_by, not_confirmed_by;
  std::vector<LedgerNumber> numbers;  // more than one value for a counted thing: the number drifted
  std::vector<LedgerSource> sources;
};

struct StorySummary {
  int64_t id = 0;
  std::string title;
  std::optional<std::string> first_seen, last_seen;
  int64_t documents = 0, duplicates = 0, claims = 0;
  std::vector<std::string> entities;  // the most shared
};

struct EntityDetail {
  EntitySummary entity;
  std::vector<TimelinePoint> timeline;
  std::vector<DocumentSummary> documents;
  std::vector<LedgerEntry> ledger;
};

struct StoryDetail {
  StorySummary story;
  std::vector<DocumentSummary> documents;
  std::vector<LedgerEntry> ledger;
};

// The stored form of a document's bron/1 JSON (zlib, with its length), and back.
std::string CompressJson(std::string_view json);
bool DecompressJson(std::string_view blob, std::string* json);

class Store {
 public:
  ~Store();
  static Status Open(const std::string& path, const StoreOptions& options, std::unique_ptr<Store>* out);
  static int SchemaVersion();  // the version this build writes

  // The content hash a document is known by: SHA-256 of its URL (else "id:" + id), title and text.
  static std::string ContentHash(const std::optional<std::string>& url, const std::string& id,
                                 const std::optional<std::string>& title, std::string_view text);
  // Whether a document with this content hash is stored.
  Status Contains(const std::string& content_hash, bool* found);

  // Stores one bron/1 document (its JSON) in one transaction — or, inside a batch, in a savepoint of its own.
  Status Put(std::string_view bron_json, PutOutcome* outcome = nullptr, int64_t* id = nullptr);

  // Group commit: the Puts between BeginBatch and CommitBatch share one transaction, each document all or
  // nothing in its savepoint. A crash loses the open batch whole (a rerun stores it again: ingest is
  // idempotent), never part of a document; and the store commits far less often (each commit writes the
  // pages it touched to the WAL, and FTS5 a new segment).
  Status BeginBatch();
  Status CommitBatch();
  bool InBatch() const { return in_batch_; }

  Status Stats(StoreStats* out);
  Status Documents(const DocumentQuery& query, std::vector<DocumentSummary>* out);
  Status DocumentJson(int64_t id, std::string* json, bool* found);
  Status Search(const std::string& text, int limit, std::vector<SearchHit>* out);
  Status Entities(const std::string& name_filter, int limit, std::vector<EntitySummary>* out);
  Status Entity(int64_t id, EntityDetail* out, bool* found);
  // The entities a name resolves to, each with every spelling seen and why it was merged.
  Status ExplainEntity(const std::string& name, std::vector<EntitySummary>* out);
  Status Stories(int limit, std::vector<StorySummary>* out);
  Status Story(int64_t id, StoryDetail* out, bool* found);
  Status Ledger(const LedgerQuery& query, std::vector<LedgerEntry>* out);

  // Queries running past `deadline` are interrupted and fail ("interrupted"); the server sets one per
  // request. time_point::max() (the default) means none.
  void SetDeadline(std::chrono::steady_clock::time_point deadline) { deadline_ = deadline; }

 private:
  Store() = default;
  Status Migrate();
  Status ResolveEntities(const std::string& entity, std::vector<int64_t>* ids);
  Status FillLedgerEntry(LedgerEntry* entry, int max_sources);
  Status LoadEntitySummary(int64_t id, EntitySummary* out, int max_aliases);
  Status DocumentRows(const std::string& where_sql, const std::vector<std::string>& binds, int limit, int offset,
                      std::vector<DocumentSummary>* out);

  std::unique_ptr<sql::Database> db_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  bool in_batch_ = false;
  friend class StoreWriter;
};

}  // namespace bron

#endif  // BRON_STORE_STORE_H_
