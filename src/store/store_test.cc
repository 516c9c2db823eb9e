#include "store/store.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "store/store_test_util.h"
#include "tests/test_util.h"

namespace bron {
namespace {

using testing::DocBuilder;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::ScratchPath(std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db");
    std::remove(path_.c_str());
    ASSERT_TRUE(Store::Open(path_, {}, &store_).ok());
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }
  StoreStats Stats() {
    StoreStats s;
    EXPECT_TRUE(store_->Stats(&s).ok());
    return s;
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

const char kDutch[] =
    "VLADIMIR Poetin is naar verluidt bereid 400 drones aan Iran te leveren, zei een assistent van Zelenski. "
    "Het Kremlin heeft de opmerkingen niet bevestigd.";
const char kDutchLater[] =
    "Poetin is naar verluidt bereid 420 drones aan Iran te leveren, meldt een assistent van Zelenski. "
    "Het Kremlin ontkent.";

DocBuilder DutchReport() {
  DocBuilder b("nl1", kDutch);
  b.Url("https://nos.example/1").Site("nos.example").Title("Poetin bereid drones te leveren");
  int putin = b.Entity("PER", "Vladimir Putin", {"VLADIMIR Poetin"});
  b.Entity("LOC", "Iran", {"Iran"});
  int zelensky = b.Entity("PER", "Volodymyr Zelenski", {"Zelenski"});
  int kremlin = b.Entity("ORG", "Kremlin", {"Kremlin"});
  int claim = b.Claim("VLADIMIR Poetin is naar verluidt bereid 400 drones aan Iran te leveren", zelensky);
  b.Response(claim, kremlin, "not_confirmed", "Het Kremlin heeft de opmerkingen niet bevestigd");
  b.Quantity("400 drones", 400, "drones");
  b.Quote("VLADIMIR Poetin is naar verluidt bereid 400 drones aan Iran te leveren", zelensky);
  (void)putin;
  return b;
}

TEST_F(StoreTest, SameDocumentTwiceIsStoredOnce) {
  std::string json = DutchReport().Json();
  PutOutcome outcome;
  int64_t first = 0, second = 0;
  ASSERT_TRUE(store_->Put(json, &outcome, &first).ok());
  EXPECT_EQ(outcome, PutOutcome::kStored);
  ASSERT_TRUE(store_->Put(json, &outcome, &second).ok());
  EXPECT_EQ(outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(first, second);
  StoreStats s = Stats();
  EXPECT_EQ(s.documents, 1);
  EXPECT_EQ(s.claims, 1);
  EXPECT_EQ(s.quotes, 1);
  EXPECT_EQ(s.entities, 4);
  EXPECT_EQ(s.stories, 1);
  EXPECT_EQ(s.ledger, 1);
  std::string stored;
  bool found = false;
  ASSERT_TRUE(store_->DocumentJson(first, &stored, &found).ok());
  EXPECT_TRUE(found);
  EXPECT_EQ(stored, json);
}

TEST_F(StoreTest, NewTextUnderTheSameUrlIsARevision) {
  ASSERT_TRUE(store_->Put(DutchReport().Json()).ok());
  DocBuilder updated("nl1", std::string(kDutch) + " Later meer.");
  updated.Url("https://nos.example/1");
  PutOutcome outcome;
  ASSERT_TRUE(store_->Put(updated.Json(), &outcome).ok());
  EXPECT_EQ(outcome, PutOutcome::kRevision);
  StoreStats s = Stats();
  EXPECT_EQ(s.documents, 1);
  EXPECT_EQ(s.revisions, 1);
  std::vector<DocumentSummary> docs;
  ASSERT_TRUE(store_->Documents({}, &docs).ok());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].revision, 2);
}

TEST_F(StoreTest, EntitiesAreOneAcrossLanguagesAndSpellings) {
  ASSERT_TRUE(store_->Put(DutchReport().Json()).ok());
  DocBuilder english("en1", "Vladimir Putin met Volodymyr Zelensky's envoy in Geneva.", "2026-02-28");
  english.Lang("en").Url("https://bbc.example/1");
  english.Entity("PER", "Vladimir Putin", {"Vladimir Putin"});
  english.Entity("PER", "Volodymyr Zelensky", {"Volodymyr Zelensky"});
  ASSERT_TRUE(store_->Put(english.Json()).ok());
  std::vector<EntitySummary> putin;
  ASSERT_TRUE(store_->ExplainEntity("Poetin", &putin).ok());
  ASSERT_EQ(putin.size(), 1u);
  EXPECT_EQ(putin[0].name, "Vladimir Putin");
  EXPECT_EQ(putin[0].documents, 2);
  bool dutch_form = false;
  for (const EntityAlias& a : putin[0].aliases) dutch_form |= a.text == "VLADIMIR Poetin";
  EXPECT_TRUE(dutch_form);
  std::vector<EntitySummary> zelensky;
  ASSERT_TRUE(store_->ExplainEntity("Zelensky", &zelensky).ok());
  ASSERT_EQ(zelensky.size(), 1u);
  EXPECT_EQ(zelensky[0].documents, 2);
  bool transliteration = false;
  for (const EntityAlias& a : zelensky[0].aliases) transliteration |= a.reason.find("transliteration") != std::string::npos;
  EXPECT_TRUE(transliteration);
}

TEST_F(StoreTest, LedgerClustersTheSameClaimWithItsSourcesStancesAndNumberDrift) {
  ASSERT_TRUE(store_->Put(DutchReport().Json()).ok());
  DocBuilder later("nl2", kDutchLater, "2026-02-28");
  later.Url("https://ad.example/2").Site("ad.example");
  later.Entity("PER", "Vladimir Putin", {"Poetin"});
  later.Entity("LOC", "Iran", {"Iran"});
  int zelensky = later.Entity("PER", "Volodymyr Zelenski", {"Zelenski"});
  int kremlin = later.Entity("ORG", "Kremlin", {"Kremlin"});
  int claim = later.Claim("Poetin is naar verluidt bereid 420 drones aan Iran te leveren", zelensky);
  later.Response(claim, kremlin, "denied", "Het Kremlin ontkent");
  later.Quantity("420 drones", 420, "drones");
  ASSERT_TRUE(store_->Put(later.Json()).ok());
  // An unrelated claim stays apart.
  DocBuilder other("nl3", "Het kabinet wil de belasting op tabak verhogen, zegt de minister.", "2026-02-28");
  other.Url("https://nos.example/3").Site("nos.example");
  other.Claim("Het kabinet wil de belasting op tabak verhogen", -1);
  ASSERT_TRUE(store_->Put(other.Json()).ok());

  std::vector<LedgerEntry> entries;
  LedgerQuery q;
  q.entity = "Poetin";
  ASSERT_TRUE(store_->Ledger(q, &entries).ok());
  ASSERT_EQ(entries.size(), 1u);
  const LedgerEntry& e = entries[0];
  EXPECT_EQ(e.claims, 2);
  EXPECT_EQ(e.documents, 2);
  EXPECT_EQ(e.sources_count, 2);
  EXPECT_EQ(e.first_seen.value_or(""), "2026-02-27");
  EXPECT_EQ(e.last_seen.value_or(""), "2026-02-28");
  EXPECT_EQ(e.not_confirmed, 1);
  EXPECT_EQ(e.denied, 1);
  ASSERT_EQ(e.numbers.size(), 2u);
  EXPECT_EQ(e.numbers[0].value, 400);
  EXPECT_EQ(e.numbers[1].value, 420);
  ASSERT_EQ(e.sources.size(), 2u);
  EXPECT_EQ(e.sources[0].source, "Volodymyr Zelenski");  // the canonical entity: its first spelling
  EXPECT_EQ(Stats().ledger, 2);

  std::vector<LedgerEntry> since;
  q = LedgerQuery();
  q.since = "2026-03-01";
  ASSERT_TRUE(store_->Ledger(q, &since).ok());
  EXPECT_TRUE(since.empty());
}

TEST_F(StoreTest, TheSameWordsAboutDifferentPeopleAreTwoLedgerEntries) {
  // GUM news: "Lukaku won the Budweiser Man of the Match award" and the same of Kane, a week later.
  DocBuilder first("en1", "Lukaku won the Budweiser Man of the Match award after the game.", "2018-06-18");
  first.Entity("PER", "Romelu Lukaku", {"Lukaku"});
  first.Claim("Lukaku won the Budweiser Man of the Match award", -1, "asserted");
  ASSERT_TRUE(store_->Put(first.Json()).ok());
  DocBuilder second("en2", "Harry Kane won the Budweiser Man of the Match award after the game.", "2018-06-24");
  second.Entity("PER", "Harry Kane", {"Harry Kane"});
  second.Claim("Harry Kane won the Budweiser Man of the Match award", -1, "asserted");
  ASSERT_TRUE(store_->Put(second.Json()).ok());
  EXPECT_EQ(Stats().ledger, 2);
  // The same claim with one more named thing still joins its entry.
  DocBuilder third("en3", "In Sochi, Lukaku won the Budweiser Man of the Match award after the game.", "2018-06-18");
  third.Entity("PER", "Romelu Lukaku", {"Lukaku"});
  third.Entity("LOC", "Sochi", {"Sochi"});
  third.Claim("In Sochi, Lukaku won the Budweiser Man of the Match award", -1, "asserted");
  ASSERT_TRUE(store_->Put(third.Json()).ok());
  EXPECT_EQ(Stats().ledger, 2);
}

TEST_F(StoreTest, ShortAndOppositeClaimsAreNotOneLedgerEntry) {
  // DPG news: "Dat klopt niet" and "Dat klopt" in unrelated articles were one entry by their one word.
  const char* texts[] = {"Dat klopt niet, zegt hij.", "Dat klopt, zegt zij.",
                         "De minister zegt dat de belasting op tabak niet omhoog gaat.",
                         "De minister zegt dat de belasting op tabak omhoog gaat."};
  const char* claims[] = {"Dat klopt niet", "Dat klopt", "de belasting op tabak niet omhoog gaat",
                          "de belasting op tabak omhoog gaat"};
  for (int i = 0; i < 4; ++i) {
    DocBuilder doc("d" + std::to_string(i), texts[i], "2019-03-0" + std::to_string(i + 1));
    doc.Claim(claims[i], -1, "asserted");
    ASSERT_TRUE(store_->Put(doc.Json()).ok());
  }
  EXPECT_EQ(Stats().ledger, 4);
  // The same claim again, in other words, still joins.
  DocBuilder again("d5", "De minister zegt dat de belasting op de tabak omhoog gaat.", "2019-03-06");
  again.Claim("de belasting op de tabak omhoog gaat", -1, "asserted");
  ASSERT_TRUE(store_->Put(again.Json()).ok());
  EXPECT_EQ(Stats().ledger, 4);
}

TEST_F(StoreTest, ABatchCommitsItsGoodDocumentsAndABadOneFailsAlone) {
  ASSERT_TRUE(store_->BeginBatch().ok());
  ASSERT_TRUE(store_->Put(DutchReport().Json()).ok());
  EXPECT_FALSE(store_->Put("{\"id\": ").ok());
  DocBuilder other("nl3", "Het kabinet wil de belasting op tabak verhogen, zegt de minister.", "2026-02-28");
  ASSERT_TRUE(store_->Put(other.Json()).ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  EXPECT_FALSE(store_->InBatch());
  EXPECT_EQ(Stats().documents, 2);
}

TEST_F(StoreTest, AnUncommittedBatchIsLostWholeAndARerunStoresIt) {
  ASSERT_TRUE(store_->BeginBatch().ok());
  ASSERT_TRUE(store_->Put(DutchReport().Json()).ok());
  store_.reset();  // as a kill would: the open transaction never commits
  ASSERT_TRUE(Store::Open(path_, {}, &store_).ok());
  EXPECT_EQ(Stats().documents, 0);
  EXPECT_EQ(Stats().entities, 0);
  PutOutcome outcome;
  ASSERT_TRUE(store_->Put(DutchReport().Json(), &outcome).ok());
  EXPECT_EQ(outcome, PutOutcome::kStored);
  EXPECT_EQ(Stats().documents, 1);
}

TEST_F(StoreTest, ReprintsAreNearDuplicatesInOneStory) {
  std::string wire =
      "Een Russische aanval met honderden drones heeft in de nacht van donderdag op vrijdag grote schade "
      "aangericht aan de energie-infrastructuur in het westen van Oekraïne. Volgens de luchtmacht werden "
      "rond 420 drones en 39 raketten gelanceerd, waarvan het merendeel werd neergeschoten boven Lviv.";
  DocBuilder a("a", wire);
  a.Url("https://a.example/1").Site("a.example");
  a.Entity("LOC", "Ukraine", {"Oekraïne"});
  a.Entity("LOC", "Lviv", {"Lviv"});
  DocBuilder b("b", wire + " (ANP)");
  b.Url("https://b.example/9").Site("b.example");
  b.Entity("LOC", "Ukraine", {"Oekraïne"});
  b.Entity("LOC", "Lviv", {"Lviv"});
  int64_t ida = 0, idb = 0;
  ASSERT_TRUE(store_->Put(a.Json(), nullptr, &ida).ok());
  ASSERT_TRUE(store_->Put(b.Json(), nullptr, &idb).ok());
  std::vector<DocumentSummary> docs;
  ASSERT_TRUE(store_->Documents({}, &docs).ok());
  ASSERT_EQ(docs.size(), 2u);
  for (const DocumentSummary& d : docs) {
    EXPECT_EQ(d.duplicate_of, d.id == idb ? ida : 0);
  }
  EXPECT_EQ(docs[0].story, docs[1].story);
  StoreStats s = Stats();
  EXPECT_EQ(s.stories, 1);
  EXPECT_EQ(s.duplicates, 1);
}

TEST_F(StoreTest, FullTextSearchFindsDocumentsClaimsAndQuotes) {
  ASSERT_TRUE(store_->Put(DutchReport().Json()).ok());
  std::vector<SearchHit> hits;
  ASSERT_TRUE(store_->Search("drones leveren", 10, &hits).ok());
  std::set<std::string> kinds;
  for (const SearchHit& h : hits) kinds.insert(h.kind);
  EXPECT_EQ(kinds, (std::set<std::string>{"document", "claim", "quote"}));
  hits.clear();
  ASSERT_TRUE(store_->Search("\"unbalanced AND (", 10, &hits).ok());  // operators are words, never errors
  EXPECT_TRUE(hits.empty());
  DocumentQuery q;
  q.q = "Kremlin";
  std::vector<DocumentSummary> docs;
  ASSERT_TRUE(store_->Documents(q, &docs).ok());
  EXPECT_EQ(docs.size(), 1u);
}

TEST_F(StoreTest, ReopeningKeepsTheSchemaAndTheData) {
  ASSERT_TRUE(store_->Put(DutchReport().Json()).ok());
  store_.reset();
  ASSERT_TRUE(Store::Open(path_, {.read_only = true}, &store_).ok());
  EXPECT_EQ(Stats().documents, 1);
  std::unique_ptr<Store> missing;
  Status s = Store::Open(path_ + ".absent", {.read_only = true}, &missing);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no store"), std::string::npos);
}

TEST_F(StoreTest, QueriesPastTheDeadlineAreInterrupted) {
  for (int i = 0; i < 200; ++i) {  // enough rows that listing them takes thousands of SQLite steps
    DocBuilder b("d" + std::to_string(i), "Bericht " + std::to_string(i) + " over de gemeenteraad van Utrecht.");
    ASSERT_TRUE(store_->Put(b.Json()).ok());
  }
  DocumentQuery all;
  all.limit = 1000;
  std::vector<DocumentSummary> docs;
  store_->SetDeadline(std::chrono::steady_clock::now() - std::chrono::seconds(1));
  Status s = store_->Documents(all, &docs);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("interrupted"), std::string::npos) << s.message();
  store_->SetDeadline(std::chrono::steady_clock::time_point::max());
  docs.clear();
  EXPECT_TRUE(store_->Documents(all, &docs).ok());
  EXPECT_EQ(docs.size(), 200u);
}

TEST_F(StoreTest, BadJsonIsAnErrorNamingTheProblem) {
  Status s = store_->Put("{\"id\": 3");
  EXPECT_FALSE(s.ok());
  s = store_->Put("{\"id\": \"x\"}");
  EXPECT_NE(s.message().find("text"), std::string::npos);
  EXPECT_EQ(Stats().documents, 0);
}

}  // namespace
}  // namespace bron
