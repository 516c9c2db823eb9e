// The store's schema as a list of migrations: migration i takes a store from version i to i + 1 and runs
// in one transaction with the PRAGMA user_version bump, so a store is always at a whole version.
#include <string>
#include <vector>

#include "store/sqlite.h"
#include "store/store.h"

namespace bron {
namespace {

const std::vector<std::string>& Migrations() {
  static const std::vector<std::string> kMigrations = {
      // 0 -> 1: documents, entities, quotes, claims, stories, the ledger, full-text indexes.
      R"sql(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,                -- the bron/1 id
  doc_key TEXT NOT NULL,               -- the URL, else "id:" + doc_id: revisions share it
  content_hash TEXT NOT NULL UNIQUE,   -- SHA-256 of doc_key, title and text
  revision INTEGER NOT NULL DEFAULT 1,
  latest INTEGER NOT NULL DEFAULT 1,   -- 0 once a newer revision of doc_key is stored
  lang TEXT, title TEXT, url TEXT, site TEXT, author TEXT, published TEXT,
  text TEXT NOT NULL,
  json BLOB NOT NULL,                  -- the full bron/1 analysis, compressed (CompressJson)
  simhash INTEGER NOT NULL,
  duplicate_of INTEGER REFERENCES documents(id),
  story_id INTEGER,
  entities INTEGER NOT NULL DEFAULT 0, quotes INTEGER NOT NULL DEFAULT 0, claims INTEGER NOT NULL DEFAULT 0,
  stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
CREATE INDEX documents_key ON documents(doc_key, revision);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_story ON documents(story_id);
CREATE INDEX documents_latest ON documents(latest, duplicate_of);  -- bron stats counts from indexes only
CREATE INDEX documents_site ON documents(site);
CREATE TABLE simhash_bands(band INTEGER NOT NULL, document_id INTEGER NOT NULL, PRIMARY KEY(band, document_id)) WITHOUT ROWID;

CREATE TABLE entities(
  id INTEGER PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL,
  name_key TEXT NOT NULL, translit_key TEXT NOT NULL, last_key TEXT NOT NULL,
  documents INTEGER NOT NULL DEFAULT 0, mentions INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT, last_seen TEXT);
CREATE UNIQUE INDEX entities_name ON entities(type, name_key);
CREATE INDEX entities_translit ON entities(type, translit_key);
CREATE INDEX entities_last ON entities(type, last_key);
CREATE INDEX entities_rank ON entities(documents DESC);
CREATE TABLE entity_aliases(
  entity_id INTEGER NOT NULL, alias TEXT NOT NULL, alias_key TEXT NOT NULL,
  reason TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY(entity_id, alias)) WITHOUT ROWID;
CREATE INDEX entity_aliases_key ON entity_aliases(alias_key);
CREATE TABLE document_entities(
  document_id INTEGER NOT NULL, local_id TEXT NOT NULL, entity_id INTEGER NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY(document_id, local_id)) WITHOUT ROWID;
CREATE INDEX document_entities_entity ON document_entities(entity_id, document_id);

CREATE TABLE quotes(
  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, local_id TEXT NOT NULL, kind TEXT, start INTEGER, "end" INTEGER,
  text TEXT NOT NULL, speaker_text TEXT, speaker_entity INTEGER);
CREATE INDEX quotes_document ON quotes(document_id);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);

CREATE TABLE claims(
  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, local_id TEXT NOT NULL, start INTEGER, "end" INTEGER,
  text TEXT NOT NULL, source_entity INTEGER, source_text TEXT, certainty TEXT,
  ledger_id INTEGER NOT NULL, link_reason TEXT NOT NULL);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_ledger ON claims(ledger_id);
CREATE TABLE responses(claim_id INTEGER NOT NULL, by_entity INTEGER, stance TEXT NOT NULL, text TEXT);
CREATE INDEX responses_claim ON responses(claim_id);
CREATE TABLE claim_numbers(claim_id INTEGER NOT NULL, ledger_id INTEGER NOT NULL, value REAL NOT NULL,
  unit TEXT NOT NULL, counted TEXT NOT NULL, text TEXT);
CREATE INDEX claim_numbers_ledger ON claim_numbers(ledger_id);

CREATE TABLE stories(
  id INTEGER PRIMARY KEY, title TEXT NOT NULL, keywords TEXT NOT NULL,
  first_seen TEXT, last_seen TEXT, documents INTEGER NOT NULL DEFAULT 0, duplicates INTEGER NOT NULL DEFAULT 0);
CREATE INDEX stories_rank ON stories(documents DESC);
CREATE TABLE story_entities(story_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, weight INTEGER NOT NULL,
  PRIMARY KEY(entity_id, story_id)) WITHOUT ROWID;
CREATE INDEX story_entities_story ON story_entities(story_id);
CREATE TABLE story_numbers(story_id INTEGER NOT NULL, number TEXT NOT NULL, PRIMARY KEY(story_id, number)) WITHOUT ROWID;

CREATE TABLE ledger(
  id INTEGER PRIMARY KEY, text TEXT NOT NULL, words TEXT NOT NULL, story_id INTEGER, certainty TEXT,
  first_seen TEXT, last_seen TEXT,
  claims INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0, sources INTEGER NOT NULL DEFAULT 0,
  confirmed INTEGER NOT NULL DEFAULT 0, denied INTEGER NOT NULL DEFAULT 0,
  not_confirmed INTEGER NOT NULL DEFAULT 0, disputed INTEGER NOT NULL DEFAULT 0);
CREATE INDEX ledger_rank ON ledger(documents DESC, claims DESC, id);
CREATE INDEX ledger_story ON ledger(story_id);
CREATE TABLE ledger_keys(key TEXT NOT NULL, ledger_id INTEGER NOT NULL, PRIMARY KEY(key, ledger_id)) WITHOUT ROWID;
CREATE TABLE ledger_entities(entity_id INTEGER NOT NULL, ledger_id INTEGER NOT NULL,
  PRIMARY KEY(entity_id, ledger_id)) WITHOUT ROWID;
CREATE INDEX ledger_entities_ledger ON ledger_entities(ledger_id);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
-- Merge index segments less eagerly: each document is its own transaction, hence its own segment.
INSERT INTO documents_fts(documents_fts, rank) VALUES('automerge', 8);
)sql",
  };
  return kMigrations;
}

}  // namespace

int Store::SchemaVersion() { return static_cast<int>(Migrations().size()); }

Status Store::Migrate() {
  sql::Statement version;
  BRON_RETURN_IF_ERROR(db_->Prepare("PRAGMA user_version", &version));
  int current = version.Step() ? static_cast<int>(version.Int(0)) : 0;
  version = sql::Statement();
  const auto& migrations = Migrations();
  if (current > static_cast<int>(migrations.size())) {
    return Status::Unsupported(db_->path() + ": the store has schema version " + std::to_string(current) +
                               ", newer than this bron (" + std::to_string(migrations.size()) + "): update bron");
  }
  for (int v = current; v < static_cast<int>(migrations.size()); ++v) {
    BRON_RETURN_IF_ERROR(sql::Transaction(*db_, [&] {
      // Another process may have migrated since we looked: read the version again inside the lock.
      sql::Statement again;
      BRON_RETURN_IF_ERROR(db_->Prepare("PRAGMA user_version", &again));
      if (again.Step() && again.Int(0) > v) return Status::Ok();
      again = sql::Statement();
      BRON_RETURN_IF_ERROR(db_->Exec(migrations[v]));
      return db_->Exec("PRAGMA user_version = " + std::to_string(v + 1));
    }));
  }
  return Status::Ok();
}

}  // namespace bron
