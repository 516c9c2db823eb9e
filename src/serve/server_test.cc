#include "serve/server.h"

#include <httplib.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "store/store.h"
#include "store/store_test_util.h"
#include "tests/test_util.h"

namespace bron {
namespace {

using testing::DocBuilder;

class ServerTest : public ::testing::Test {
 protected:
  static std::string Db() { return testing::ScratchPath("server.db"); }
  static void SetUpTestSuite() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((Db() + suffix).c_str());
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(Db(), {}, &store).ok());
    DocBuilder a("nl1", "Poetin is naar verluidt bereid 400 drones te leveren, zei Zelenski. Het Kremlin ontkent.");
    a.Url("https://nos.example/1").Site("nos.example").Title("Drones");
    int putin = a.Entity("PER", "Vladimir Putin", {"Poetin"});
    int zelensky = a.Entity("PER", "Volodymyr Zelenski", {"Zelenski"});
    int kremlin = a.Entity("ORG", "Kremlin", {"Kremlin"});
    int claim = a.Claim("Poetin is naar verluidt bereid 400 drones te leveren", zelensky);
    a.Response(claim, kremlin, "denied", "Het Kremlin ontkent");
    a.Quantity("400 drones", 400, "drones");
    (void)putin;
    ASSERT_TRUE(store->Put(a.Json()).ok());
  }
  void SetUp() override {
    ServeOptions o;
    o.db = Db();
    o.port = 0;
    o.threads = 4;
    o.token = token_;
    o.max_body_bytes = 4096;
    server_ = std::make_unique<Server>(o);
    ASSERT_TRUE(server_->Start().ok());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  void TearDown() override { server_->Stop(); }

  std::string token_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, ApiAnswersEveryRouteInJson) {
  auto stats = client_->Get("/api/stats");
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
  EXPECT_NE(stats->body.find("\"documents\":1"), std::string::npos) << stats->body;
  EXPECT_NE(stats->body.find("\"claims\":1"), std::string::npos);
  EXPECT_EQ(stats->get_header_value("Content-Type").rfind("application/json", 0), 0u);

  auto ledger = client_->Get("/api/ledger?entity=Poetin");
  ASSERT_TRUE(ledger);
  EXPECT_EQ(ledger->status, 200);
  EXPECT_NE(ledger->body.find("400 drones"), std::string::npos) << ledger->body;
  EXPECT_NE(ledger->body.find("\"denied_by\":[\"Kremlin\"]"), std::string::npos) << ledger->body;
  EXPECT_EQ(client_->Get("/api/ledger?entity=Nobody")->body, "[]");

  auto docs = client_->Get("/api/documents?q=drones&since=2026-01-01");
  ASSERT_TRUE(docs);
  EXPECT_NE(docs->body.find("\"doc_id\":\"nl1\""), std::string::npos) << docs->body;
  auto doc = client_->Get("/api/documents/1");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->status, 200);
  EXPECT_EQ(doc->body.rfind("{\"schema\":\"bron/1\"", 0), 0u) << doc->body.substr(0, 80);

  auto entities = client_->Get("/api/entities");
  EXPECT_NE(entities->body.find("Vladimir Putin"), std::string::npos);
  auto entity = client_->Get("/api/entities/1");
  EXPECT_EQ(entity->status, 200);
  EXPECT_NE(entity->body.find("\"timeline\":[{\"date\":\"2026-02-27\""), std::string::npos) << entity->body;
  auto stories = client_->Get("/api/stories");
  EXPECT_NE(stories->body.find("\"title\":\"Drones\""), std::string::npos) << stories->body;
  auto story = client_->Get("/api/stories/1");
  EXPECT_EQ(story->status, 200);
  EXPECT_NE(story->body.find("\"ledger\":[{"), std::string::npos);
  auto search = client_->Get("/api/search?q=Kremlin");
  EXPECT_NE(search->body.find("\"kind\":\"document\""), std::string::npos);
  auto page = client_->Get("/");
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<html"), std::string::npos);
}

TEST_F(ServerTest, BadRequestsGetJsonErrors) {
  struct Case {
    const char* path;
    int status;
    const char* says;
  } cases[] = {
      {"/api/documents/999", 404, "no document 999"},
      {"/api/documents/99999999999999999999", 404, "no such id"},
      {"/api/entities/0", 404, "no entity"},
      {"/api/stories/77", 404, "no story"},
      {"/api/ledger?limit=0", 400, "between 1 and 1000"},
      {"/api/ledger?limit=-3", 400, "whole number"},
      {"/api/documents?since=yesterday", 400, "YYYY-MM-DD"},
      {"/api/search?q=%22%28%29AND", 200, "["},
      {"/api/nothing", 404, "no such route"},
  };
  for (const Case& c : cases) {
    auto r = client_->Get(c.path);
    ASSERT_TRUE(r) << c.path;
    EXPECT_EQ(r->status, c.status) << c.path << " " << r->body;
    EXPECT_NE(r->body.find(c.says), std::string::npos) << c.path << " " << r->body;
    if (c.status >= 400) {
      EXPECT_EQ(r->body.rfind("{\"error\":", 0), 0u) << r->body;
    }
  }
  auto post = client_->Post("/api/documents", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 403);
  EXPECT_NE(post->body.find("read-only"), std::string::npos);
}

class WritableServerTest : public ServerTest {
 protected:
  WritableServerTest() { token_ = "s3cret"; }
};

TEST_F(WritableServerTest, PostNeedsTheTokenAndStoresOnce) {
  DocBuilder b("posted", "Het kabinet wil de belasting op tabak verhogen, zegt de minister.");
  b.Url("https://ad.example/posted");
  b.Claim("Het kabinet wil de belasting op tabak verhogen", -1);
  std::string body = b.Json();
  auto no_token = client_->Post("/api/documents", body, "application/json");
  EXPECT_EQ(no_token->status, 401);
  httplib::Headers auth = {{"Authorization", "Bearer s3cret"}};
  auto first = client_->Post("/api/documents", auth, body, "application/json");
  EXPECT_EQ(first->status, 201) << first->body;
  EXPECT_NE(first->body.find("\"outcome\":\"stored\""), std::string::npos);
  auto second = client_->Post("/api/documents", auth, body, "application/json");
  EXPECT_EQ(second->status, 200);
  EXPECT_NE(second->body.find("\"outcome\":\"unchanged\""), std::string::npos);
  auto found = client_->Get("/api/search?q=tabak");
  EXPECT_NE(found->body.find("\"kind\":\"claim\""), std::string::npos) << found->body;
  auto bad = client_->Post("/api/documents", auth, "{\"schema\":\"bron/1\",\"id\":3", "application/json");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("invalid JSON"), std::string::npos) << bad->body;
  auto huge = client_->Post("/api/documents", auth, std::string(10000, 'x'), "application/json");
  EXPECT_EQ(huge->status, 413);
}

TEST_F(ServerTest, KeepsServingUnderConcurrentLoad) {
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&] {
      httplib::Client c("127.0.0.1", server_->port());
      for (int i = 0; i < 50; ++i) {
        auto r = c.Get(i % 2 ? "/api/ledger" : "/api/stats");
        (r && r->status == 200 ? ok : failed)++;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(ok, 400);
  EXPECT_EQ(failed, 0);
}

}  // namespace
}  // namespace bron
