// Store::Put: one bron/1 document in one transaction, linked to what is already stored.
//
// Linking is incremental and each step is explainable (docs/store.md):
//   entities   same canonical name and type; else the same transliteration key (Zelenski ~ Zelensky);
//              else a lone surname of exactly one known person. Each spelling is kept with its reason.
//   duplicates SimHash of 4-word shingles within Hamming distance 5 (found through six 11-bit bands).
//   stories    a duplicate joins its original's story; else the story, within three days, that shares at
//              least half of the document's main entities (two or more) and either keywords or a number.
//   ledger     a claim joins the entry whose words it shares (Jaccard >= 0.5 over content words and
//              entities, found through MinHash bands) when they share three content words or more, both or
//              neither is negated, and the entities of one are all in the other; else, in the same story,
//              the entry with the same counted number ("400 drones", also across languages), or the entry
//              about the same entities with a number within 25% (400 vs 420 drones).
#include <openssl/evp.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <cstdio>
#include <map>
#include <set>

#include "link/fingerprint.h"
#include "link/names.h"
#include "store/record.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace bron {
namespace {

// Words enough to say two claims are one: three or more in common that are no entity or negation ("Dat
// klopt niet" in one article and "Klopt niks van" in another are not one claim).
bool Substantial(const std::vector<std::string>& words) {
  return std::count_if(words.begin(), words.end(), [](const std::string& w) {
           return !w.empty() && w[0] != '@' && w[0] != '!';
         }) >= 3;
}

// Two claims with the same words about different named things are two claims ("Lukaku won the award",
// "Kane won the award"): the entities ("@id" words, sorted) of one must all be in the other.
bool EntitiesNested(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> ea, eb;
  for (const std::string& w : a) if (!w.empty() && w[0] == '@') ea.push_back(w);
  for (const std::string& w : b) if (!w.empty() && w[0] == '@') eb.push_back(w);
  std::sort(ea.begin(), ea.end());
  std::sort(eb.begin(), eb.end());
  return std::includes(ea.begin(), ea.end(), eb.begin(), eb.end()) ||
         std::includes(eb.begin(), eb.end(), ea.begin(), ea.end());
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  std::string hex;
  char buf[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(buf, sizeof(buf), "%02x", digest[i]);
    hex += buf;
  }
  return hex;
}

std::optional<std::string> DateOf(const std::optional<std::string>& published) {
  if (!published || published->size() < 10) return std::nullopt;
  return published->substr(0, 10);
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  for (size_t pos = 0; pos < s.size();) {
    size_t space = s.find(' ', pos);
    if (space == std::string::npos) space = s.size();
    if (space > pos) out.push_back(s.substr(pos, space - pos));
    pos = space + 1;
  }
  return out;
}

bool Inside(RecordSpan inner, RecordSpan outer) { return inner.start >= outer.start && inner.end <= outer.end; }

// "420|drones" keys for story matching: numbers that say what they count or measure.
std::string NumberKey(const RecordQuantity& q) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%g|", *q.value);
  return buf + (q.counted.empty() ? q.unit : NameKey(q.counted));
}

// Six bands of 11 bits: two fingerprints within Hamming distance 5 agree on at least one band.
constexpr int kSimHashBands = 6;
constexpr int kSimHashDistance = 5;

}  // namespace

std::string CompressJson(std::string_view json) {
  // 4 bytes of length (little endian), then zlib at its fastest level: bron/1 JSON shrinks about 5×,
  // which halves what every commit writes.
  uLongf bound = compressBound(json.size());
  std::string out(4 + bound, '\0');
  uint32_t n = static_cast<uint32_t>(json.size());
  for (int i = 0; i < 4; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xff);
  compress2(reinterpret_cast<Bytef*>(out.data() + 4), &bound, reinterpret_cast<const Bytef*>(json.data()), json.size(), 1);
  out.resize(4 + bound);
  return out;
}

bool DecompressJson(std::string_view blob, std::string* json) {
  if (blob.size() < 4) return false;
  uint32_t n = 0;
  for (int i = 0; i < 4; ++i) n |= static_cast<uint32_t>(static_cast<unsigned char>(blob[i])) << (8 * i);
  json->assign(n, '\0');
  uLongf length = n;
  return uncompress(reinterpret_cast<Bytef*>(json->data()), &length, reinterpret_cast<const Bytef*>(blob.data() + 4),
                    blob.size() - 4) == Z_OK && length == n;
}

// The linking steps of Put, over one open transaction.
class StoreWriter {
 public:
  StoreWriter(sql::Database& db, const DocumentRecord& rec) : db_(db), rec_(rec), date_(DateOf(rec.published)) {}

  Status Run(const std::string& json, const std::string& doc_key, const std::string& hash, PutOutcome* outcome,
             int64_t* id) {
    auto& existing = db_.Cached("SELECT id FROM documents WHERE content_hash = ?1");
    existing.Bind(1, hash);
    if (existing.Step()) {
      *id = existing.Int(0);
      existing.Reset();
      *outcome = PutOutcome::kUnchanged;
      return Status::Ok();
    }
    BRON_RETURN_IF_ERROR(existing.status());
    int64_t revision = 1;
    auto& last = db_.Cached("SELECT max(revision) FROM documents WHERE doc_key = ?1");
    last.Bind(1, doc_key);
    if (last.Step() && !last.IsNull(0)) revision = last.Int(0) + 1;
    last.Reset();
    if (revision > 1) {
      BRON_RETURN_IF_ERROR(db_.Cached("UPDATE documents SET latest = 0 WHERE doc_key = ?1").Bind(1, doc_key).Run());
    }
    *outcome = revision > 1 ? PutOutcome::kRevision : PutOutcome::kStored;

    uint64_t simhash = SimHash(rec_.text);
    auto& insert = db_.Cached(
        "INSERT INTO documents(doc_id, doc_key, content_hash, revision, lang, title, url, site, author, published, "
        "text, json, simhash, entities, quotes, claims) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)");
    insert.Bind(1, rec_.id).Bind(2, doc_key).Bind(3, hash).Bind(4, revision).Bind(5, rec_.lang).Bind(6, rec_.title);
    insert.Bind(7, rec_.url).Bind(8, rec_.site).Bind(9, rec_.author).Bind(10, rec_.published).Bind(11, rec_.text);
    insert.BindBlob(12, CompressJson(json)).Bind(13, static_cast<int64_t>(simhash)).Bind(14, rec_.entities.size());
    insert.Bind(15, rec_.quotes.size()).Bind(16, rec_.claims.size());
    BRON_RETURN_IF_ERROR(insert.Run());
    doc_ = db_.LastInsertId();
    *id = doc_;
    BRON_RETURN_IF_ERROR(db_.Cached("INSERT INTO documents_fts(rowid, title, text) VALUES(?1, ?2, ?3)")
                             .Bind(1, doc_).Bind(2, rec_.title.value_or("")).Bind(3, rec_.text).Run());
    BRON_RETURN_IF_ERROR(LinkEntities());
    BRON_RETURN_IF_ERROR(FindDuplicate(simhash));
    BRON_RETURN_IF_ERROR(AssignStory());
    BRON_RETURN_IF_ERROR(StoreQuotes());
    return StoreClaims(doc_key);
  }

 private:
  // Adds `alias` (a spelling) to an entity, with the reason it belongs there the first time.
  Status AddAlias(int64_t entity, const std::string& alias, const std::string& reason) {
    if (alias.empty()) return Status::Ok();
    return db_.Cached("INSERT INTO entity_aliases(entity_id, alias, alias_key, reason) VALUES(?1, ?2, ?3, ?4) "
                      "ON CONFLICT(entity_id, alias) DO UPDATE SET count = count + 1")
        .Bind(1, entity).Bind(2, alias).Bind(3, NameKey(alias)).Bind(4, reason).Run();
  }

  // One candidate for `sql` bound to (type, key), or 0 when none or several (ambiguous: no merge).
  int64_t Unique(const std::string& sql, const std::string& type, const std::string& key, std::string* name) {
    auto& q = db_.Cached(sql);
    q.Bind(1, type).Bind(2, key);
    int64_t found = 0;
    int n = 0;
    while (q.Step()) {
      found = q.Int(0);
      *name = q.Text(1);
      if (++n > 1) break;
    }
    q.Reset();
    return n == 1 ? found : 0;
  }

  Status LinkEntities() {
    for (const RecordEntity& e : rec_.entities) {
      std::string name = !e.name.empty() ? e.name : (e.mention_texts.empty() ? "" : e.mention_texts.front());
      std::string key = NameKey(name);
      if (key.empty()) continue;
      std::string translit = TransliterationKey(name), last(LastWord(translit)), known;
      std::string reason = "canonical name in document " + rec_.id;
      int64_t entity = Unique("SELECT id, name FROM entities WHERE type = ?1 AND name_key = ?2", e.type, key, &known);
      if (!entity) {
        entity = Unique("SELECT id, name FROM entities WHERE type = ?1 AND translit_key = ?2", e.type, translit, &known);
        if (entity) reason = "spelling of " + known + " (transliteration key '" + translit + "') in document " + rec_.id;
      }
      if (!entity && e.type == "PER" && key.find(' ') == std::string::npos) {
        entity = Unique("SELECT id, name FROM entities WHERE type = ?1 AND last_key = ?2 AND translit_key != last_key",
                        e.type, translit, &known);
        if (entity) reason = "surname of " + known + ", the only person of that name, in document " + rec_.id;
      }
      if (!entity) {
        BRON_RETURN_IF_ERROR(db_.Cached("INSERT INTO entities(type, name, name_key, translit_key, last_key) "
                                        "VALUES(?1, ?2, ?3, ?4, ?5)")
                                 .Bind(1, e.type).Bind(2, name).Bind(3, key).Bind(4, translit).Bind(5, last).Run());
        entity = db_.LastInsertId();
        reason = "first seen in document " + rec_.id;
      }
      BRON_RETURN_IF_ERROR(AddAlias(entity, name, reason));
      std::set<std::string> forms(e.mention_texts.begin(), e.mention_texts.end());
      forms.erase(name);
      for (const std::string& form : forms) {
        BRON_RETURN_IF_ERROR(AddAlias(entity, form, "a mention of " + name + " in document " + rec_.id));
      }
      auto& doc_entity = db_.Cached(
          "INSERT INTO document_entities(document_id, local_id, entity_id, mentions) VALUES(?1, ?2, ?3, ?4) "
          "ON CONFLICT DO NOTHING");
      BRON_RETURN_IF_ERROR(doc_entity.Bind(1, doc_).Bind(2, e.id).Bind(3, entity).Bind(4, e.mentions.size()).Run());
      auto& counts = db_.Cached(
          "UPDATE entities SET documents = documents + 1, mentions = mentions + ?2, "
          "first_seen = CASE WHEN ?3 IS NULL THEN first_seen WHEN first_seen IS NULL OR ?3 < first_seen THEN ?3 "
          "ELSE first_seen END, "
          "last_seen = CASE WHEN ?3 IS NULL THEN last_seen WHEN last_seen IS NULL OR ?3 > last_seen THEN ?3 "
          "ELSE last_seen END WHERE id = ?1");
      BRON_RETURN_IF_ERROR(counts.Bind(1, entity).Bind(2, e.mentions.size()).Bind(3, date_).Run());
      canonical_[e.id] = entity;
      weight_[entity] += static_cast<int>(e.mentions.size());
    }
    return Status::Ok();
  }

  Status FindDuplicate(uint64_t simhash) {
    bool long_enough = rec_.text.size() >= 120;  // shorter texts collide by chance
    for (int b = 0; b < kSimHashBands; ++b) {
      int64_t band = (int64_t{b} << 16) | static_cast<int64_t>((simhash >> (11 * b)) & 0x7ff);
      if (long_enough && !duplicate_of_) {
        auto& q = db_.Cached(
            "SELECT d.id, d.simhash, coalesce(d.duplicate_of, d.id), d.story_id FROM simhash_bands s "
            "JOIN documents d ON d.id = s.document_id WHERE s.band = ?1 AND d.latest = 1 LIMIT 500");
        q.Bind(1, band);
        while (q.Step()) {
          if (q.Int(0) != doc_ && HammingDistance(static_cast<uint64_t>(q.Int(1)), simhash) <= kSimHashDistance) {
            duplicate_of_ = q.Int(2);
            story_ = q.Int(3);
            break;
          }
        }
        q.Reset();
        BRON_RETURN_IF_ERROR(q.status());
      }
      if (long_enough) {
        BRON_RETURN_IF_ERROR(db_.Cached("INSERT OR IGNORE INTO simhash_bands(band, document_id) VALUES(?1, ?2)")
                                 .Bind(1, band).Bind(2, doc_).Run());
      }
    }
    if (duplicate_of_) {
      BRON_RETURN_IF_ERROR(db_.Cached("UPDATE documents SET duplicate_of = ?2 WHERE id = ?1")
                               .Bind(1, doc_).Bind(2, duplicate_of_).Run());
    }
    return Status::Ok();
  }

  Status AssignStory() {
    std::vector<std::string> keywords = Keywords(rec_.text, 40);
    std::sort(keywords.begin(), keywords.end());
    std::set<std::string> numbers;
    for (const RecordQuantity& q : rec_.quantities) {
      if (q.value && (!q.counted.empty() || !q.unit.empty())) numbers.insert(NumberKey(q));
    }
    // The document's main entities: the eight mentioned most, leaving out those in more than 5% of all
    // documents ("The Netherlands", "Dutch"): they would tie unrelated reports together.
    int64_t total = 0;
    auto& count = db_.Cached("SELECT max(id) FROM documents");
    if (count.Step()) total = count.Int(0);
    count.Reset();
    std::vector<std::pair<int, int64_t>> ranked;
    for (const auto& [entity, weight] : weight_) {
      auto& df = db_.Cached("SELECT documents FROM entities WHERE id = ?1");
      df.Bind(1, entity);
      bool common = df.Step() && df.Int(0) > 10 && df.Int(0) * 20 > total;
      df.Reset();
      if (!common) ranked.push_back({-weight, entity});
    }
    std::sort(ranked.begin(), ranked.end());
    if (ranked.size() > 8) ranked.resize(8);
    std::string why;
    if (!story_ && ranked.size() >= 2) {
      std::string in;
      for (const auto& [w, entity] : ranked) in += (in.empty() ? "" : ",") + std::to_string(entity);
      sql::Statement q;
      BRON_RETURN_IF_ERROR(db_.Prepare(
          "SELECT se.story_id, count(*), s.keywords, (SELECT count(*) FROM story_entities x WHERE x.story_id = "
          "se.story_id) FROM story_entities se JOIN stories s ON s.id = se.story_id WHERE se.entity_id IN (" + in +
          ") AND (?1 IS NULL OR ((s.last_seen IS NULL OR s.last_seen >= date(?1, '-3 days')) AND "
          "(s.first_seen IS NULL OR s.first_seen <= date(?1, '+3 days')))) GROUP BY se.story_id "
          "HAVING count(*) >= 2 ORDER BY count(*) DESC, se.story_id DESC LIMIT 20", &q));
      q.Bind(1, date_);
      double best = 0;
      while (q.Step()) {
        double shared = static_cast<double>(q.Int(1));
        double overlap = shared / static_cast<double>(std::min<int64_t>(ranked.size(), q.Int(3)));
        if (overlap < 0.5) continue;
        std::vector<std::string> story_words = Split(q.Text(2));
        double text = Jaccard(keywords, story_words);
        bool shared_number = false;
        for (const std::string& n : numbers) {
          auto& has = db_.Cached("SELECT 1 FROM story_numbers WHERE story_id = ?1 AND number = ?2");
          has.Bind(1, q.Int(0)).Bind(2, n);
          shared_number = has.Step();
          has.Reset();
          if (shared_number) break;
        }
        if (text < 0.12 && !shared_number) continue;
        double score = overlap + text + (shared_number ? 0.5 : 0);
        if (score > best) {
          best = score;
          story_ = q.Int(0);
        }
      }
      BRON_RETURN_IF_ERROR(q.status());
    }
    if (!story_) {
      std::string title = rec_.title.value_or(rec_.text.substr(0, 100));
      BRON_RETURN_IF_ERROR(db_.Cached("INSERT INTO stories(title, keywords, first_seen, last_seen) VALUES(?1,?2,?3,?3)")
                               .Bind(1, title).Bind(2, Join(keywords)).Bind(3, date_).Run());
      story_ = db_.LastInsertId();
    }
    auto& update = db_.Cached(
        "UPDATE stories SET documents = documents + 1, duplicates = duplicates + ?2, "
        "first_seen = CASE WHEN ?3 IS NULL THEN first_seen WHEN first_seen IS NULL OR ?3 < first_seen THEN ?3 "
        "ELSE first_seen END, "
        "last_seen = CASE WHEN ?3 IS NULL THEN last_seen WHEN last_seen IS NULL OR ?3 > last_seen THEN ?3 "
        "ELSE last_seen END WHERE id = ?1");
    BRON_RETURN_IF_ERROR(update.Bind(1, story_).Bind(2, duplicate_of_ ? 1 : 0).Bind(3, date_).Run());
    BRON_RETURN_IF_ERROR(db_.Cached("UPDATE documents SET story_id = ?2 WHERE id = ?1").Bind(1, doc_).Bind(2, story_).Run());
    for (const auto& [entity, weight] : weight_) {
      BRON_RETURN_IF_ERROR(db_.Cached("INSERT INTO story_entities(story_id, entity_id, weight) VALUES(?1, ?2, ?3) "
                                      "ON CONFLICT DO UPDATE SET weight = weight + ?3")
                               .Bind(1, story_).Bind(2, entity).Bind(3, weight).Run());
    }
    for (const std::string& n : numbers) {
      BRON_RETURN_IF_ERROR(db_.Cached("INSERT OR IGNORE INTO story_numbers(story_id, number) VALUES(?1, ?2)")
                               .Bind(1, story_).Bind(2, n).Run());
    }
    return Status::Ok();
  }

  std::optional<int64_t> Canonical(const std::string& local) const {
    auto it = canonical_.find(local);
    if (it == canonical_.end()) return std::nullopt;
    return it->second;
  }

  Status StoreQuotes() {
    for (const RecordQuote& q : rec_.quotes) {
      auto& insert = db_.Cached(
          "INSERT INTO quotes(document_id, local_id, kind, start, \"end\", text, speaker_text, speaker_entity) "
          "VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
      insert.Bind(1, doc_).Bind(2, q.id).Bind(3, q.kind).Bind(4, int64_t{q.span.start}).Bind(5, int64_t{q.span.end});
      insert.Bind(6, q.text).Bind(7, q.speaker_text).Bind(8, Canonical(q.speaker_entity));
      BRON_RETURN_IF_ERROR(insert.Run());
      BRON_RETURN_IF_ERROR(db_.Cached("INSERT INTO quotes_fts(rowid, text) VALUES(?1, ?2)")
                               .Bind(1, db_.LastInsertId()).Bind(2, q.text).Run());
    }
    return Status::Ok();
  }

  // The ledger entry a claim joins (0: a new one), and why.
  Status MatchClaim(const std::vector<std::string>& words, const std::vector<std::string>& keys,
                    const std::string& entity_key, const std::vector<std::string>& number_keys,
                    const std::vector<double>& values, int64_t* entry,
                    std::string* reason) {
    std::set<int64_t> candidates;
    for (const std::string& key : keys) {
      auto& q = db_.Cached("SELECT ledger_id FROM ledger_keys WHERE key = ?1 ORDER BY ledger_id DESC LIMIT 50");
      q.Bind(1, key);
      while (q.Step()) candidates.insert(q.Int(0));
      BRON_RETURN_IF_ERROR(q.status());
    }
    double best = 0;
    for (int64_t c : candidates) {
      auto& q = db_.Cached("SELECT words FROM ledger WHERE id = ?1");
      q.Bind(1, c);
      if (!q.Step()) continue;
      std::vector<std::string> entry_words = Split(q.Text(0));
      q.Reset();
      double j = Jaccard(words, entry_words);
      bool same_polarity = std::binary_search(words.begin(), words.end(), std::string("!not")) ==
                           std::binary_search(entry_words.begin(), entry_words.end(), std::string("!not"));
      std::vector<std::string> shared;
      std::set_intersection(words.begin(), words.end(), entry_words.begin(), entry_words.end(),
                            std::back_inserter(shared));
      if (j >= 0.5 && j > best && same_polarity && EntitiesNested(words, entry_words) && Substantial(shared)) {
        best = j;
        *entry = c;
        char buf[96];
        std::snprintf(buf, sizeof(buf), "same words (Jaccard %.2f)", j);
        *reason = buf;
      }
    }
    if (*entry) return Status::Ok();
    // The same story and the same counted number ("400 drones"): one claim reported in two languages.
    for (const std::string& key : number_keys) {
      auto& n = db_.Cached("SELECT ledger_id FROM ledger_keys WHERE key = ?1 ORDER BY ledger_id LIMIT 1");
      n.Bind(1, key);
      int64_t candidate = n.Step() ? n.Int(0) : 0;
      n.Reset();
      if (!candidate) continue;
      // …and some words or entities in common, so that two claims with one figure stay apart.
      auto& w = db_.Cached("SELECT words FROM ledger WHERE id = ?1");
      w.Bind(1, candidate);
      double j = w.Step() ? Jaccard(words, Split(w.Text(0))) : 0;
      w.Reset();
      if (j >= 0.2) {
        *entry = candidate;
        char buf[64];
        std::snprintf(buf, sizeof(buf), ", Jaccard %.2f)", j);
        *reason = "same story, the same number (" + key.substr(key.find(':') + 1) + buf;
        return Status::Ok();
      }
    }
    if (entity_key.empty() || values.empty()) return Status::Ok();
    auto& q = db_.Cached("SELECT ledger_id FROM ledger_keys WHERE key = ?1 ORDER BY ledger_id LIMIT 20");
    q.Bind(1, entity_key);
    std::vector<int64_t> same_entities;
    while (q.Step()) same_entities.push_back(q.Int(0));
    BRON_RETURN_IF_ERROR(q.status());
    for (int64_t c : same_entities) {
      for (double v : values) {
        auto& n = db_.Cached("SELECT value FROM claim_numbers WHERE ledger_id = ?1 AND abs(value - ?2) <= 0.25 * abs(?2) LIMIT 1");
        n.Bind(1, c).Bind(2, v);
        if (n.Step()) {
          *entry = c;
          *reason = "same story, same entities, a number within 25%";
          n.Reset();
          return Status::Ok();
        }
      }
    }
    return Status::Ok();
  }

  Status StoreClaims(const std::string& doc_key) {
    for (const RecordClaim& c : rec_.claims) {
      std::vector<std::string> words = ContentWords(c.text);
      std::set<int64_t> entities;
      if (auto source = Canonical(c.source)) entities.insert(*source);
      for (const RecordEntity& e : rec_.entities) {
        for (RecordSpan m : e.mentions) {
          if (Inside(m, c.span)) {
            if (auto id = Canonical(e.id)) entities.insert(*id), words.push_back("@" + std::to_string(*id));
            break;
          }
        }
      }
      std::sort(words.begin(), words.end());
      words.erase(std::unique(words.begin(), words.end()), words.end());
      std::vector<std::string> keys = MinHashBandKeys(MinHash(words));
      std::string entity_key;
      if (entities.size() >= 2) {
        entity_key = "s" + std::to_string(story_) + ":";
        for (int64_t e : entities) entity_key += std::to_string(e) + ",";
      }
      std::vector<const RecordQuantity*> numbers;
      std::vector<double> values;
      std::vector<std::string> number_keys;
      for (const RecordQuantity& q : rec_.quantities) {
        if (!q.value || !Inside(q.span, c.span)) continue;
        numbers.push_back(&q);
        values.push_back(*q.value);
        // Figures that identify a claim: counts, sums, percentages and measures of 10 or more, of a named thing.
        bool telling = q.kind != "fraction" && q.kind != "ordinal" && q.kind != "duration" && std::fabs(*q.value) >= 10;
        if (telling && !q.counted.empty()) number_keys.push_back("n" + std::to_string(story_) + ":" + NumberKey(q));
      }
      int64_t entry = 0;
      std::string reason = "new entry";
      BRON_RETURN_IF_ERROR(MatchClaim(words, keys, entity_key, number_keys, values, &entry, &reason));
      if (!entry) {
        BRON_RETURN_IF_ERROR(db_.Cached("INSERT INTO ledger(text, words, story_id, certainty, first_seen, last_seen) "
                                        "VALUES(?1, ?2, ?3, ?4, ?5, ?5)")
                                 .Bind(1, c.text).Bind(2, Join(words)).Bind(3, story_).Bind(4, c.certainty)
                                 .Bind(5, date_).Run());
        entry = db_.LastInsertId();
      }
      // Counted before this claim is added: is this report (or this site) new to the entry?
      auto& seen_doc = db_.Cached("SELECT 1 FROM claims c JOIN documents d ON d.id = c.document_id "
                                  "WHERE c.ledger_id = ?1 AND d.doc_key = ?2 LIMIT 1");
      seen_doc.Bind(1, entry).Bind(2, doc_key);
      bool new_doc = !seen_doc.Step();
      seen_doc.Reset();
      bool new_source = new_doc;
      if (rec_.site && !rec_.site->empty()) {
        auto& seen_site = db_.Cached("SELECT 1 FROM claims c JOIN documents d ON d.id = c.document_id "
                                     "WHERE c.ledger_id = ?1 AND d.site = ?2 LIMIT 1");
        seen_site.Bind(1, entry).Bind(2, *rec_.site);
        new_source = !seen_site.Step();
        seen_site.Reset();
      }
      auto& insert = db_.Cached(
          "INSERT INTO claims(document_id, local_id, start, \"end\", text, source_entity, source_text, certainty, "
          "ledger_id, link_reason) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
      insert.Bind(1, doc_).Bind(2, c.id).Bind(3, int64_t{c.span.start}).Bind(4, int64_t{c.span.end}).Bind(5, c.text);
      insert.Bind(6, Canonical(c.source)).Bind(7, c.source_text).Bind(8, c.certainty).Bind(9, entry).Bind(10, reason);
      BRON_RETURN_IF_ERROR(insert.Run());
      int64_t claim = db_.LastInsertId();
      BRON_RETURN_IF_ERROR(db_.Cached("INSERT INTO claims_fts(rowid, text) VALUES(?1, ?2)").Bind(1, claim).Bind(2, c.text).Run());
      std::map<std::string, int64_t> stances;
      for (const RecordResponse& r : c.responses) {
        ++stances[r.stance];
        BRON_RETURN_IF_ERROR(db_.Cached("INSERT INTO responses(claim_id, by_entity, stance, text) VALUES(?1,?2,?3,?4)")
                                 .Bind(1, claim).Bind(2, Canonical(r.by)).Bind(3, r.stance).Bind(4, r.text).Run());
      }
      for (const RecordQuantity* q : numbers) {
        BRON_RETURN_IF_ERROR(db_.Cached("INSERT INTO claim_numbers(claim_id, ledger_id, value, unit, counted, text) "
                                        "VALUES(?1,?2,?3,?4,?5,?6)")
                                 .Bind(1, claim).Bind(2, entry).Bind(3, *q->value).Bind(4, q->unit)
                                 .Bind(5, q->counted).Bind(6, q->text).Run());
      }
      auto& update = db_.Cached(
          "UPDATE ledger SET claims = claims + 1, documents = documents + ?2, sources = sources + ?3, "
          "confirmed = confirmed + ?4, denied = denied + ?5, not_confirmed = not_confirmed + ?6, "
          "disputed = disputed + ?7, "
          "first_seen = CASE WHEN ?8 IS NULL THEN first_seen WHEN first_seen IS NULL OR ?8 < first_seen THEN ?8 "
          "ELSE first_seen END, "
          "last_seen = CASE WHEN ?8 IS NULL THEN last_seen WHEN last_seen IS NULL OR ?8 > last_seen THEN ?8 "
          "ELSE last_seen END WHERE id = ?1");
      update.Bind(1, entry).Bind(2, new_doc ? 1 : 0).Bind(3, new_source ? 1 : 0).Bind(4, stances["confirmed"]);
      update.Bind(5, stances["denied"]).Bind(6, stances["not_confirmed"]).Bind(7, stances["disputed"]).Bind(8, date_);
      BRON_RETURN_IF_ERROR(update.Run());
      if (!entity_key.empty()) keys.push_back(entity_key);
      keys.insert(keys.end(), number_keys.begin(), number_keys.end());
      for (const std::string& key : keys) {
        BRON_RETURN_IF_ERROR(db_.Cached("INSERT OR IGNORE INTO ledger_keys(key, ledger_id) VALUES(?1, ?2)")
                                 .Bind(1, key).Bind(2, entry).Run());
      }
      for (int64_t e : entities) {
        BRON_RETURN_IF_ERROR(db_.Cached("INSERT OR IGNORE INTO ledger_entities(entity_id, ledger_id) VALUES(?1, ?2)")
                                 .Bind(1, e).Bind(2, entry).Run());
      }
    }
    return Status::Ok();
  }

  sql::Database& db_;
  const DocumentRecord& rec_;
  std::optional<std::string> date_;
  int64_t doc_ = 0, duplicate_of_ = 0, story_ = 0;
  std::map<std::string, int64_t> canonical_;  // local entity id => canonical entity
  std::map<int64_t, int> weight_;             // canonical entity => mentions in this document
};

std::string Store::ContentHash(const std::optional<std::string>& url, const std::string& id,
                               const std::optional<std::string>& title, std::string_view text) {
  std::string key = url && !url->empty() ? *url : "id:" + id;
  return Sha256Hex(key + '\0' + title.value_or("") + '\0' + std::string(text));
}

Status Store::Contains(const std::string& content_hash, bool* found) {
  auto& q = db_->Cached("SELECT 1 FROM documents WHERE content_hash = ?1");
  q.Bind(1, content_hash);
  *found = q.Step();
  q.Reset();
  return q.status();
}

Status Store::Put(std::string_view bron_json, PutOutcome* outcome, int64_t* id) {
  DocumentRecord rec;
  BRON_RETURN_IF_ERROR(ParseDocumentRecord(bron_json, &rec));
  std::string doc_key = rec.url && !rec.url->empty() ? *rec.url : "id:" + rec.id;
  std::string hash = ContentHash(rec.url, rec.id, rec.title, rec.text);
  PutOutcome ignored_outcome;
  int64_t ignored_id;
  std::string json(bron_json);
  auto write = [&] {
    StoreWriter writer(*db_, rec);
    return writer.Run(json, doc_key, hash, outcome ? outcome : &ignored_outcome, id ? id : &ignored_id);
  };
  if (!in_batch_) return sql::Transaction(*db_, write).WithContext("document " + rec.id);
  BRON_RETURN_IF_ERROR(db_->Exec("SAVEPOINT document"));
  Status s = write();
  if (!s.ok()) db_->Exec("ROLLBACK TO document");
  db_->Exec("RELEASE document");
  return s.WithContext("document " + rec.id);
}

Status Store::BeginBatch() {
  if (in_batch_) return Status::Ok();
  BRON_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  in_batch_ = true;
  return Status::Ok();
}

Status Store::CommitBatch() {
  if (!in_batch_) return Status::Ok();
  in_batch_ = false;
  Status s = db_->Exec("COMMIT");
  if (!s.ok()) db_->Exec("ROLLBACK");
  return s;
}

}  // namespace bron
