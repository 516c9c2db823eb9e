// Store: opening (pragmas, migrations) and the read side — every query the CLI and the API ask.
#include "store/store.h"

#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "link/names.h"
#include "store/sqlite.h"

namespace bron {
namespace {

// User text as an FTS5 query: each word quoted (so that no word is read as an operator), all required.
std::string FtsQuery(const std::string& text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    out += (out.empty() ? "\"" : " \"") + word + "\"";
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') flush();
    else if (c == '"') word += "\"\"";
    else word += c;
  }
  flush();
  return out;
}

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

Store::~Store() = default;

Status Store::Open(const std::string& path, const StoreOptions& options, std::unique_ptr<Store>* out) {
  struct stat st;
  if (options.read_only && stat(path.c_str(), &st) != 0) {
    return Status::IoError(path + ": no store here (create one with: bron ingest --db " + path + " INPUT…)");
  }
  auto store = std::unique_ptr<Store>(new Store());
  BRON_RETURN_IF_ERROR(sql::Database::Open(path, options.read_only, &store->db_));
  if (!options.read_only) {
    // WAL: readers (bron serve) never block the writer; synchronous=NORMAL keeps every committed document
    // through a crash of the process (only a power loss may drop the last few, never half of one).
    BRON_RETURN_IF_ERROR(store->db_->Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 8000;"));
    BRON_RETURN_IF_ERROR(store->Migrate());
  } else {
    sql::Statement v;
    BRON_RETURN_IF_ERROR(store->db_->Prepare("PRAGMA user_version", &v));
    int version = v.Step() ? static_cast<int>(v.Int(0)) : 0;
    if (version != SchemaVersion()) {
      return Status::Unsupported(path + ": store schema version " + std::to_string(version) + ", this bron reads " +
                                 std::to_string(SchemaVersion()) + " (open it once with bron ingest to migrate)");
    }
  }
  BRON_RETURN_IF_ERROR(store->db_->Exec("PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;"));
  // Every ~1000 virtual-machine steps SQLite asks whether to go on: not past the deadline.
  sqlite3_progress_handler(
      store->db_->handle(), 1000,
      [](void* self) { return std::chrono::steady_clock::now() > static_cast<Store*>(self)->deadline_ ? 1 : 0; },
      store.get());
  *out = std::move(store);
  return Status::Ok();
}

Status Store::Stats(StoreStats* out) {
  sql::Statement q;
  BRON_RETURN_IF_ERROR(db_->Prepare(
      "SELECT (SELECT count(*) FROM documents WHERE latest = 1), (SELECT count(*) FROM documents), "
      "(SELECT count(*) FROM documents WHERE latest = 1 AND duplicate_of IS NOT NULL), "
      "(SELECT count(*) FROM entities), (SELECT count(*) FROM quotes), (SELECT count(*) FROM claims), "
      "(SELECT count(*) FROM stories), (SELECT count(*) FROM ledger), "
      "(SELECT count(DISTINCT site) FROM documents WHERE site IS NOT NULL)", &q));
  if (!q.Step()) return q.status().ok() ? db_->Error("stats") : q.status();
  *out = StoreStats{q.Int(0), q.Int(1) - q.Int(0), q.Int(2), q.Int(3), q.Int(4), q.Int(5), q.Int(6), q.Int(7), q.Int(8)};
  return Status::Ok();
}

Status Store::DocumentRows(const std::string& where_sql, const std::vector<std::string>& binds, int limit, int offset,
                           std::vector<DocumentSummary>* out) {
  sql::Statement q;
  BRON_RETURN_IF_ERROR(db_->Prepare(
      "SELECT d.id, d.doc_id, d.lang, substr(d.text, 1, 240), d.title, d.url, d.site, d.published, "
      "coalesce(d.story_id, 0), coalesce(d.duplicate_of, 0), d.revision FROM documents d WHERE d.latest = 1 " +
          where_sql + " ORDER BY d.published DESC, d.id DESC LIMIT ?1 OFFSET ?2", &q));
  q.Bind(1, limit).Bind(2, offset);
  for (size_t i = 0; i < binds.size(); ++i) q.Bind(static_cast<int>(i + 3), binds[i]);
  while (q.Step()) {
    DocumentSummary d;
    d.id = q.Int(0);
    d.doc_id = q.Text(1);
    d.lang = q.Text(2);
    d.snippet = q.Text(3);
    d.title = q.OptText(4);
    d.url = q.OptText(5);
    d.site = q.OptText(6);
    d.published = q.OptText(7);
    d.story = q.Int(8);
    d.duplicate_of = q.Int(9);
    d.revision = q.Int(10);
    out->push_back(std::move(d));
  }
  return q.status();
}

Status Store::ResolveEntities(const std::string& entity, std::vector<int64_t>* ids) {
  if (AllDigits(entity)) {
    ids->push_back(std::stoll(entity));
    return Status::Ok();
  }
  auto& q = db_->Cached(
      "SELECT id FROM entities WHERE name_key = ?1 UNION SELECT entity_id FROM entity_aliases WHERE alias_key = ?1 "
      "UNION SELECT id FROM entities WHERE translit_key = ?2 "
      "UNION SELECT id FROM entities WHERE type = 'PER' AND last_key = ?2 AND instr(?2, ' ') = 0");
  q.Bind(1, NameKey(entity)).Bind(2, TransliterationKey(entity));
  while (q.Step()) ids->push_back(q.Int(0));
  return q.status();
}

Status Store::Documents(const DocumentQuery& query, std::vector<DocumentSummary>* out) {
  std::string where;
  std::vector<std::string> binds;
  if (!query.q.empty()) {
    binds.push_back(FtsQuery(query.q));
    where += " AND d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?" + std::to_string(binds.size() + 2) + ")";
  }
  if (!query.entity.empty()) {
    std::vector<int64_t> ids;
    BRON_RETURN_IF_ERROR(ResolveEntities(query.entity, &ids));
    if (ids.empty()) return Status::Ok();
    std::string list;
    for (int64_t id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    where += " AND d.id IN (SELECT document_id FROM document_entities WHERE entity_id IN (" + list + "))";
  }
  if (!query.since.empty()) {
    binds.push_back(query.since);
    where += " AND d.published >= ?" + std::to_string(binds.size() + 2);
  }
  if (query.story) where += " AND d.story_id = " + std::to_string(query.story);
  return DocumentRows(where, binds, query.limit, query.offset, out);
}

Status Store::DocumentJson(int64_t id, std::string* json, bool* found) {
  auto& q = db_->Cached("SELECT json FROM documents WHERE id = ?1");
  q.Bind(1, id);
  *found = q.Step();
  bool ok = !*found || DecompressJson(q.Blob(0), json);
  q.Reset();
  if (!ok) return db_->Error("document " + std::to_string(id) + ": its stored JSON is damaged");
  return q.status();
}

Status Store::Search(const std::string& text, int limit, std::vector<SearchHit>* out) {
  std::string match = FtsQuery(text);
  if (match.empty()) return Status::Ok();
  struct Part {
    const char* kind;
    std::string sql;
  };
  const Part parts[] = {
      {"document", "SELECT d.id, d.doc_id, '', snippet(documents_fts, 1, '[', ']', '…', 16), d.title, d.published "
                   "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid WHERE documents_fts MATCH ?1 "
                   "AND d.latest = 1 ORDER BY rank LIMIT ?2"},
      {"claim", "SELECT d.id, d.doc_id, c.local_id, snippet(claims_fts, 0, '[', ']', '…', 24), d.title, d.published "
                "FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid JOIN documents d ON d.id = c.document_id "
                "WHERE claims_fts MATCH ?1 ORDER BY rank LIMIT ?2"},
      {"quote", "SELECT d.id, d.doc_id, x.local_id, snippet(quotes_fts, 0, '[', ']', '…', 24), d.title, d.published "
                "FROM quotes_fts JOIN quotes x ON x.id = quotes_fts.rowid JOIN documents d ON d.id = x.document_id "
                "WHERE quotes_fts MATCH ?1 ORDER BY rank LIMIT ?2"},
  };
  for (const Part& part : parts) {
    auto& q = db_->Cached(part.sql);
    q.Bind(1, match).Bind(2, limit);
    while (q.Step()) {
      out->push_back(SearchHit{part.kind, q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.OptText(4), q.OptText(5)});
    }
    BRON_RETURN_IF_ERROR(q.status());
  }
  return Status::Ok();
}

Status Store::LoadEntitySummary(int64_t id, EntitySummary* out, int max_aliases) {
  auto& q = db_->Cached(
      "SELECT id, type, name, documents, mentions, first_seen, last_seen, "
      "(SELECT count(*) FROM ledger_entities WHERE entity_id = ?1) FROM entities WHERE id = ?1");
  q.Bind(1, id);
  if (!q.Step()) return q.status().ok() ? Status::InvalidInput("no entity " + std::to_string(id)) : q.status();
  *out = EntitySummary{q.Int(0), q.Text(1), q.Text(2), q.Int(3), q.Int(4), q.Int(7), q.OptText(5), q.OptText(6), {}};
  q.Reset();
  auto& a = db_->Cached("SELECT alias, reason, count FROM entity_aliases WHERE entity_id = ?1 ORDER BY count DESC, alias LIMIT ?2");
  a.Bind(1, id).Bind(2, max_aliases);
  while (a.Step()) out->aliases.push_back({a.Text(0), a.Text(1), a.Int(2)});
  return a.status();
}

Status Store::Entities(const std::string& name_filter, int limit, std::vector<EntitySummary>* out) {
  std::vector<int64_t> ids;
  if (!name_filter.empty()) {
    BRON_RETURN_IF_ERROR(ResolveEntities(name_filter, &ids));
  } else {
    auto& q = db_->Cached("SELECT id FROM entities ORDER BY documents DESC, mentions DESC, id LIMIT ?1");
    q.Bind(1, limit);
    while (q.Step()) ids.push_back(q.Int(0));
    BRON_RETURN_IF_ERROR(q.status());
  }
  for (int64_t id : ids) {
    EntitySummary e;
    BRON_RETURN_IF_ERROR(LoadEntitySummary(id, &e, 8));
    out->push_back(std::move(e));
  }
  return Status::Ok();
}

Status Store::ExplainEntity(const std::string& name, std::vector<EntitySummary>* out) {
  std::vector<int64_t> ids;
  BRON_RETURN_IF_ERROR(ResolveEntities(name, &ids));
  for (int64_t id : ids) {
    EntitySummary e;
    BRON_RETURN_IF_ERROR(LoadEntitySummary(id, &e, 1000));
    out->push_back(std::move(e));
  }
  return Status::Ok();
}

Status Store::Entity(int64_t id, EntityDetail* out, bool* found) {
  *found = false;
  auto& exists = db_->Cached("SELECT 1 FROM entities WHERE id = ?1");
  exists.Bind(1, id);
  if (!exists.Step()) return exists.status();
  exists.Reset();
  *found = true;
  BRON_RETURN_IF_ERROR(LoadEntitySummary(id, &out->entity, 50));
  // The timeline: per publication day, documents that mention it and claims it is part of.
  sql::Statement t;
  BRON_RETURN_IF_ERROR(db_->Prepare(
      "SELECT day, sum(docs), sum(claims) FROM ("
      " SELECT substr(d.published, 1, 10) AS day, 1 AS docs, 0 AS claims FROM document_entities de"
      " JOIN documents d ON d.id = de.document_id WHERE de.entity_id = ?1 AND d.published IS NOT NULL"
      " UNION ALL SELECT substr(d.published, 1, 10), 0, 1 FROM ledger_entities le JOIN claims c ON c.ledger_id = le.ledger_id"
      " JOIN documents d ON d.id = c.document_id WHERE le.entity_id = ?1 AND d.published IS NOT NULL)"
      " GROUP BY day ORDER BY day", &t));
  t.Bind(1, id);
  while (t.Step()) out->timeline.push_back({t.Text(0), t.Int(1), t.Int(2)});
  BRON_RETURN_IF_ERROR(t.status());
  DocumentQuery dq;
  dq.entity = std::to_string(id);
  dq.limit = 100;
  BRON_RETURN_IF_ERROR(Documents(dq, &out->documents));
  LedgerQuery lq;
  lq.entity = std::to_string(id);
  lq.limit = 100;
  return Ledger(lq, &out->ledger);
}

Status Store::Stories(int limit, std::vector<StorySummary>* out) {
  sql::Statement q;
  BRON_RETURN_IF_ERROR(db_->Prepare(
      "SELECT id, title, first_seen, last_seen, documents, duplicates, "
      "(SELECT count(*) FROM ledger WHERE story_id = s.id) FROM stories s "
      "ORDER BY documents DESC, last_seen DESC, id LIMIT ?1", &q));
  q.Bind(1, limit);
  while (q.Step()) {
    out->push_back(StorySummary{q.Int(0), q.Text(1), q.OptText(2), q.OptText(3), q.Int(4), q.Int(5), q.Int(6), {}});
  }
  BRON_RETURN_IF_ERROR(q.status());
  for (StorySummary& s : *out) {
    auto& e = db_->Cached("SELECT e.name FROM story_entities se JOIN entities e ON e.id = se.entity_id "
                          "WHERE se.story_id = ?1 ORDER BY se.weight DESC, e.id LIMIT 6");
    e.Bind(1, s.id);
    while (e.Step()) s.entities.push_back(e.Text(0));
    BRON_RETURN_IF_ERROR(e.status());
  }
  return Status::Ok();
}

Status Store::Story(int64_t id, StoryDetail* out, bool* found) {
  std::vector<StorySummary> all;
  sql::Statement q;
  BRON_RETURN_IF_ERROR(db_->Prepare(
      "SELECT id, title, first_seen, last_seen, documents, duplicates, "
      "(SELECT count(*) FROM ledger WHERE story_id = s.id) FROM stories s WHERE id = ?1", &q));
  q.Bind(1, id);
  *found = q.Step();
  if (!*found) return q.status();
  out->story = StorySummary{q.Int(0), q.Text(1), q.OptText(2), q.OptText(3), q.Int(4), q.Int(5), q.Int(6), {}};
  auto& e = db_->Cached("SELECT e.name FROM story_entities se JOIN entities e ON e.id = se.entity_id "
                        "WHERE se.story_id = ?1 ORDER BY se.weight DESC, e.id LIMIT 6");
  e.Bind(1, id);
  while (e.Step()) out->story.entities.push_back(e.Text(0));
  DocumentQuery dq;
  dq.story = id;
  dq.limit = 200;
  BRON_RETURN_IF_ERROR(Documents(dq, &out->documents));
  LedgerQuery lq;
  lq.story = id;
  lq.limit = 200;
  return Ledger(lq, &out->ledger);
}

Status Store::FillLedgerEntry(LedgerEntry* entry, int max_sources) {
  auto& e = db_->Cached("SELECT e.name FROM ledger_entities le JOIN entities e ON e.id = le.entity_id "
                        "WHERE le.ledger_id = ?1 ORDER BY e.documents DESC LIMIT 8");
  e.Bind(1, entry->id);
  while (e.Step()) entry->entities.push_back(e.Text(0));
  BRON_RETURN_IF_ERROR(e.status());
  auto& r = db_->Cached("SELECT DISTINCT r.stance, coalesce(e.name, '') FROM claims c JOIN responses r ON r.claim_id = c.id "
                        "LEFT JOIN entities e ON e.id = r.by_entity WHERE c.ledger_id = ?1");
  r.Bind(1, entry->id);
  while (r.Step()) {
    std::string stance = r.Text(0), by = r.Text(1).empty() ? "(unnamed)" : r.Text(1);
    if (stance == "confirmed") entry->corroborated_by.push_back(by);
    else if (stance == "denied" || stance == "disputed") entry->denied_by.push_back(by);
    else if (stance == "not_confirmed") entry->not_confirmed_by.push_back(by);
  }
  BRON_RETURN_IF_ERROR(r.status());
  auto& n = db_->Cached("SELECT value, unit, counted, count(DISTINCT claim_id) FROM claim_numbers WHERE ledger_id = ?1 "
                        "GROUP BY value, unit, counted ORDER BY counted, unit, value");
  n.Bind(1, entry->id);
  while (n.Step()) entry->numbers.push_back({n.Double(0), n.Text(1), n.Text(2), n.Int(3)});
  BRON_RETURN_IF_ERROR(n.status());
  auto& s = db_->Cached(
      "SELECT d.id, d.doc_id, c.local_id, c.text, coalesce(c.certainty, ''), coalesce(e.name, c.source_text, ''), "
      "d.title, d.site, d.published, d.url FROM claims c JOIN documents d ON d.id = c.document_id "
      "LEFT JOIN entities e ON e.id = c.source_entity WHERE c.ledger_id = ?1 ORDER BY d.published, c.id LIMIT ?2");
  s.Bind(1, entry->id).Bind(2, max_sources);
  while (s.Step()) {
    entry->sources.push_back(LedgerSource{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5),
                                          s.OptText(6), s.OptText(7), s.OptText(8), s.OptText(9)});
  }
  return s.status();
}

Status Store::Ledger(const LedgerQuery& query, std::vector<LedgerEntry>* out) {
  std::string where = "WHERE 1 = 1";
  std::vector<std::string> binds;
  if (!query.entity.empty()) {
    std::vector<int64_t> ids;
    BRON_RETURN_IF_ERROR(ResolveEntities(query.entity, &ids));
    if (ids.empty()) return Status::Ok();
    std::string list;
    for (int64_t id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    where += " AND l.id IN (SELECT ledger_id FROM ledger_entities WHERE entity_id IN (" + list + "))";
  }
  if (query.story) where += " AND l.story_id = " + std::to_string(query.story);
  if (!query.since.empty()) {
    binds.push_back(query.since);
    where += " AND l.last_seen >= ?" + std::to_string(binds.size() + 2);
  }
  if (!query.certainty.empty()) {
    binds.push_back(query.certainty);
    where += " AND EXISTS (SELECT 1 FROM claims c WHERE c.ledger_id = l.id AND c.certainty = ?" +
             std::to_string(binds.size() + 2) + ")";
  }
  sql::Statement q;
  BRON_RETURN_IF_ERROR(db_->Prepare(
      "SELECT l.id, coalesce(l.story_id, 0), l.text, coalesce(l.certainty, ''), l.first_seen, l.last_seen, l.claims, "
      "l.documents, l.sources, l.confirmed, l.denied, l.not_confirmed, l.disputed FROM ledger l " + where +
          " ORDER BY l.documents DESC, l.claims DESC, l.id LIMIT ?1 OFFSET ?2", &q));
  q.Bind(1, query.limit).Bind(2, query.offset);
  for (size_t i = 0; i < binds.size(); ++i) q.Bind(static_cast<int>(i + 3), binds[i]);
  while (q.Step()) {
    LedgerEntry e;
    e.id = q.Int(0);
    e.story = q.Int(1);
    e.text = q.Text(2);
    e.certainty = q.Text(3);
    e.first_seen = q.OptText(4);
    e.last_seen = q.OptText(5);
    e.claims = q.Int(6);
    e.documents = q.Int(7);
    e.sources_count = q.Int(8);
    e.confirmed = q.Int(9);
    e.denied = q.Int(10);
    e.not_confirmed = q.Int(11);
    e.disputed = q.Int(12);
    out->push_back(std::move(e));
  }
  BRON_RETURN_IF_ERROR(q.status());
  for (LedgerEntry& e : *out) BRON_RETURN_IF_ERROR(FillLedgerEntry(&e, 20));
  return Status::Ok();
}

}  // namespace bron
