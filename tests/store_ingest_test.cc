// End-to-end tests of `bron ingest --db`: a run killed with SIGKILL mid-way and rerun stores every
// document exactly once; the same input twice is stored once; bron/1 JSONL is stored as it is.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include <gtest/gtest.h>

#include "store/sqlite.h"
#include "store/store.h"
#include "tests/test_util.h"

namespace bron {
namespace {

using testing::RunBron;
using testing::ScratchPath;
using testing::WriteScratch;

std::string SyntheticNews(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    std::string text;
    for (int s = 0; s < 12; ++s) {
      text += "De gemeente Utrecht meldt dat er in week " + std::to_string(i) + " precies " + std::to_string(i * 7 + s) +
              " nieuwe woningen zijn opgeleverd, zei wethouder Jansen donderdag. ";
    }
    out += "{\"id\":\"n" + std::to_string(i) + "\",\"published\":\"2026-02-27\",\"lang\":\"nl\",\"text\":\"" + text + "\"}\n";
  }
  return out;
}

void RemoveStore(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
}

int64_t Count(const std::string& db, const std::string& query) {
  std::unique_ptr<sql::Database> conn;
  if (!sql::Database::Open(db, true, &conn).ok()) return -1;
  sql::Statement q;
  if (!conn->Prepare(query, &q).ok() || !q.Step()) return -1;
  return q.Int(0);
}

TEST(StoreIngest, KilledMidRunThenRerunLosesAndDuplicatesNothing) {
  constexpr int kDocuments = 400;
  std::string input = WriteScratch("kill.jsonl", SyntheticNews(kDocuments));
  std::string db = ScratchPath("kill.db");
  RemoveStore(db);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    freopen("/dev/null", "w", stderr);
    execl(BRON_BINARY, BRON_BINARY, "ingest", "--jobs", "1", "--no-progress", "--db", db.c_str(), input.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it once some documents are stored, in the middle of whatever it is doing.
  int64_t before = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    before = Count(db, "SELECT count(*) FROM documents");
    if (before >= 20) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "bron ingest ended before it could be killed";
  int64_t stored = Count(db, "SELECT count(*) FROM documents");
  EXPECT_GE(stored, 20);
  EXPECT_LT(stored, kDocuments) << "the run was not killed mid-way";
  EXPECT_EQ(Count(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"), 0);

  auto rerun = RunBron("ingest --jobs 2 --db " + db + " " + input);
  EXPECT_EQ(rerun.status, 0) << rerun.err;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), kDocuments);
  EXPECT_EQ(Count(db, "SELECT count(DISTINCT doc_id) FROM documents"), kDocuments);
  // Every stored document has all its rows: each names Utrecht and Jansen.
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                      "(SELECT 1 FROM document_entities e WHERE e.document_id = d.id)"), 0);
  EXPECT_EQ(Count(db, "SELECT sum(documents) FROM stories"), kDocuments);

  auto again = RunBron("ingest --db " + db + " " + input);
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("stored 0 new, 0 revisions, 400 already stored"), std::string::npos) << again.err;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), kDocuments);
  RemoveStore(db);
}

TEST(StoreIngest, AnalysedJsonlIsStoredAsItIsAndBadLinesAreNamed) {
  std::string db = ScratchPath("analysed.db");
  RemoveStore(db);
  auto analysed = RunBron("analyze --format jsonl --stages ner -", "{\"id\":\"a\",\"text\":\"Mark Rutte sprak in Den Haag.\"}\n");
  ASSERT_EQ(analysed.status, 0) << analysed.err;
  std::string input = WriteScratch("analysed.jsonl", analysed.out + "{\"id\": 1}\n");
  auto r = RunBron("ingest --analysed --db " + db + " " + input);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("line 2"), std::string::npos) << r.err;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), 1);
  auto stats = RunBron("stats --format json --db " + db);
  EXPECT_EQ(stats.status, 0) << stats.err;
  EXPECT_NE(stats.out.find("\"documents\":1"), std::string::npos) << stats.out;
  RemoveStore(db);
}

}  // namespace
}  // namespace bron

namespace bron {
namespace {

// The reading commands over the browser test's fixture: three reports of one claim in two languages.
TEST(StoreCommands, TablesAndJsonOverTheFixture) {
  std::string db = ScratchPath("commands.db");
  RemoveStore(db);
  auto stored = RunBron("ingest --analysed --db " + db + " " + testing::SourcePath("tests/browser/fixture.jsonl"));
  ASSERT_EQ(stored.status, 0) << stored.err;
  auto ledger = RunBron("ledger --db " + db);
  EXPECT_EQ(ledger.status, 0) << ledger.err;
  EXPECT_NE(ledger.out.find("3 claims in 3 reports from 3 sources"), std::string::npos) << ledger.out;
  EXPECT_NE(ledger.out.find("400 drones (2×) → 420 drones (1×)"), std::string::npos) << ledger.out;
  EXPECT_NE(ledger.out.find("denied by: Kremlin"), std::string::npos);
  auto json = RunBron("ledger --format json --entity Poetin --db " + db);
  EXPECT_EQ(json.out.rfind("[{\"id\":1,", 0), 0u) << json.out;
  EXPECT_NE(json.out.find("\"drift\":true"), std::string::npos);
  auto explain = RunBron("entities --explain Poetin --db " + db);
  EXPECT_NE(explain.out.find("Vladimir Putin"), std::string::npos) << explain.out;
  EXPECT_NE(explain.out.find("a mention of Vladimir Putin in document nl1"), std::string::npos) << explain.out;
  auto stories = RunBron("stories --format json --db " + db);
  EXPECT_NE(stories.out.find("\"documents\":3"), std::string::npos) << stories.out;
  auto search = RunBron("search drones --db " + db);
  EXPECT_NE(search.out.find("claim"), std::string::npos) << search.out;
  auto stats = RunBron("stats --db " + db);
  EXPECT_NE(stats.out.find("claims"), std::string::npos);
  auto bad_date = RunBron("ledger --since yesterday --db " + db);
  EXPECT_EQ(bad_date.status, 2);
  EXPECT_NE(bad_date.err.find("YYYY-MM-DD"), std::string::npos) << bad_date.err;
  auto missing = RunBron("stats --db " + db + ".absent");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find(".absent: no store here"), std::string::npos) << missing.err;
  RemoveStore(db);
}

}  // namespace
}  // namespace bron
