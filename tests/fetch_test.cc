// End-to-end tests of `bron ingest URL`: pages and RSS/Atom feeds from a local HTTP server (127.0.0.1
// only, started by the test): user agent, feed order, --max-items, timeouts, per-host delay, errors, and
// conditional requests with --http-cache.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>

#include "tests/test_util.h"

namespace bron {
namespace {

using testing::ReadFile;
using testing::RunBron;
using testing::ScratchPath;

std::string Page(const std::string& what) {
  return "<html><head><title>" + what + "</title></head><body><nav><a href='/'>Home</a></nav><article><p>This is the "
         "story about " + what + ", told with enough words to be an article of its own.</p></article></body></html>";
}

class LocalServer {
 public:
  LocalServer() {
    server_.Get("/feed.xml", [this](const httplib::Request& req, httplib::Response& res) {
      Count(req);
      res.set_content(R"(<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
<item><title>A</title><link>/a</link><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate></item>
<item><title>B</title><link>http://127.0.0.1:)" + std::to_string(port_) + R"(/b</link></item>
<item><title>C</title><link>/c</link></item></channel></rss>)",
                      "application/rss+xml");
    });
    server_.Get("/atom", [this](const httplib::Request& req, httplib::Response& res) {
      Count(req);
      res.set_content(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/c"/></entry></feed>)",
                      "application/atom+xml");
    });
    for (const char* path : {"/a", "/b", "/c"}) {
      server_.Get(path, [this, path](const httplib::Request& req, httplib::Response& res) {
        Count(req);
        res.set_content(Page(std::string("page ") + (path + 1)), "text/html; charset=utf-8");
      });
    }
    server_.Get("/etag", [this](const httplib::Request& req, httplib::Response& res) {
      Count(req);
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"v1\"");
      res.set_content(Page("a page that does not change"), "text/html");
    });
    server_.Get("/slow", [this](const httplib::Request& req, httplib::Response& res) {
      Count(req);
      std::this_thread::sleep_for(std::chrono::seconds(3));
      res.set_content(Page("slow"), "text/html");
    });
    // A page that takes 0.3 s; the server counts the requests in flight, in all and per Host header.
    server_.Get(R"(/sleep/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      Count(req);
      std::string host = req.get_header_value("Host");
      {
        std::lock_guard<std::mutex> lock(mutex_);
        max_in_flight_ = std::max(max_in_flight_, ++in_flight_);
        max_per_host_ = std::max(max_per_host_, ++per_host_[host]);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      {
        std::lock_guard<std::mutex> lock(mutex_);
        --in_flight_;
        --per_host_[host];
      }
      res.set_content(Page("sleeper " + req.matches[1].str()), "text/html");
    });
    // Items on two hosts (127.0.0.1 and localhost: one server, two hosts to the fetcher).
    server_.Get("/two-hosts.xml", [this](const httplib::Request& req, httplib::Response& res) {
      Count(req);
      std::string items;
      for (int i = 1; i <= 4; ++i) {
        items += "<item><link>" + std::string(i % 2 ? Url("") : OtherHostUrl("")) + "/sleep/" + std::to_string(i) +
                 "</link></item>";
      }
      res.set_content("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>" + items + "</channel></rss>",
                      "application/rss+xml");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~LocalServer() {
    server_.stop();
    thread_.join();
  }
  std::string Url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  std::string OtherHostUrl(const std::string& path) const { return "http://localhost:" + std::to_string(port_) + path; }
  int max_in_flight() {
    std::lock_guard<std::mutex> lock(mutex_);
    return max_in_flight_;
  }
  int max_per_host() {
    std::lock_guard<std::mutex> lock(mutex_);
    return max_per_host_;
  }
  int requests() const { return requests_; }
  std::string user_agent() {
    std::lock_guard<std::mutex> lock(mutex_);
    return user_agent_;
  }

 private:
  void Count(const httplib::Request& req) {
    ++requests_;
    std::lock_guard<std::mutex> lock(mutex_);
    user_agent_ = req.get_header_value("User-Agent");
  }
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<int> requests_{0};
  std::mutex mutex_;
  std::string user_agent_;
  int in_flight_ = 0, max_in_flight_ = 0, max_per_host_ = 0;
  std::map<std::string, int> per_host_;
};

size_t Lines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

TEST(Fetch, FeedItemsInFeedOrderWithAClearUserAgent) {
  LocalServer server;
  auto r = RunBron("ingest --out - --stages tokenize --delay 0 " + server.Url("/feed.xml"));
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(Lines(r.out), 3u);
  EXPECT_LT(r.out.find("page a"), r.out.find("page b"));
  EXPECT_LT(r.out.find("page b"), r.out.find("page c"));
  EXPECT_NE(r.out.find("\"url\":\"" + server.Url("/a") + "\""), std::string::npos);
  EXPECT_NE(r.out.find("\"published\":\"2024-05-01\""), std::string::npos);  // from the feed: the page has none
  EXPECT_EQ(r.out.find("Home"), std::string::npos);
  EXPECT_EQ(server.user_agent().substr(0, 5), "bron/");
  EXPECT_EQ(server.requests(), 4);
}

TEST(Fetch, NeverMoreThanAskedFor) {
  LocalServer server;
  auto r = RunBron("ingest --out - --stages tokenize --delay 0 --max-items 1 " + server.Url("/feed.xml") + " " +
                   server.Url("/atom"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 2u);
  EXPECT_EQ(server.requests(), 4);  // two feeds, one item of each
  r = RunBron("ingest --out - --stages tokenize " + server.Url("/b"));  // a page URL: that page only
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 1u);
  EXPECT_EQ(server.requests(), 5);
}

TEST(Fetch, PoliteDelayPerHost) {
  LocalServer server;
  auto start = std::chrono::steady_clock::now();
  auto r = RunBron("ingest --out - --stages tokenize --delay 0.3 " + server.Url("/feed.xml"));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_GE(seconds, 0.9);  // four requests to one host, 0.3 s apart
}

// Two hosts are fetched side by side, one request at a time each, and the output keeps the input order.
TEST(Fetch, HostsAreFetchedAtOnceOneRequestPerHost) {
  LocalServer server;
  std::string urls = server.Url("/sleep/1") + " " + server.OtherHostUrl("/sleep/2") + " " + server.Url("/sleep/3") + " " +
                     server.OtherHostUrl("/sleep/4");
  auto start = std::chrono::steady_clock::now();
  auto r = RunBron("ingest --out - --stages tokenize --delay 0 " + urls);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(Lines(r.out), 4u);
  for (int i = 1; i < 4; ++i) {
    EXPECT_LT(r.out.find("sleeper " + std::to_string(i)), r.out.find("sleeper " + std::to_string(i + 1)));
  }
  EXPECT_EQ(server.max_in_flight(), 2);  // the two hosts at once (0.6 s in all here, not 1.2 s)
  EXPECT_EQ(server.max_per_host(), 1);   // polite: never two at once to one host
  EXPECT_LT(seconds, 3.0);

  // The items of a feed too; --max-items still bounds what is asked for.
  LocalServer feeds;
  start = std::chrono::steady_clock::now();
  r = RunBron("ingest --out - --stages tokenize --delay 0 --max-items 3 " + feeds.Url("/two-hosts.xml"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 3u);
  EXPECT_EQ(feeds.requests(), 4);  // the feed and three items
  EXPECT_EQ(feeds.max_in_flight(), 2);
  EXPECT_EQ(feeds.max_per_host(), 1);
  EXPECT_LT(r.out.find("sleeper 1"), r.out.find("sleeper 2"));
  EXPECT_LT(r.out.find("sleeper 2"), r.out.find("sleeper 3"));

  // --fetchers 1: one request at a time in all.
  LocalServer one;
  r = RunBron("ingest --out - --stages tokenize --delay 0 --fetchers 1 " + one.Url("/sleep/1") + " " +
              one.OtherHostUrl("/sleep/2"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(one.max_in_flight(), 1);
}

TEST(Fetch, TimeoutsAndErrorsNameTheUrl) {
  LocalServer server;
  auto start = std::chrono::steady_clock::now();
  auto r = RunBron("ingest --out - --stages tokenize --timeout 0.5 " + server.Url("/slow") + " " + server.Url("/a"));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(server.Url("/slow") + ": timed out"), std::string::npos) << r.err;
  EXPECT_LT(seconds, 2.5);
  EXPECT_EQ(Lines(r.out), 1u);  // the next input is still read
  r = RunBron("ingest --out - --stages tokenize " + server.Url("/missing"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(server.Url("/missing") + ": HTTP status 404"), std::string::npos) << r.err;
  r = RunBron("ingest --out - --stages tokenize --timeout 2 http://127.0.0.1:1/closed");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("http://127.0.0.1:1/closed: "), std::string::npos) << r.err;
}

TEST(Fetch, ConditionalRequestsWithTheHttpCache) {
  LocalServer server;
  std::string cache = ScratchPath("http-cache.tsv");
  std::remove(cache.c_str());
  auto r = RunBron("ingest --out - --stages tokenize --http-cache " + cache + " " + server.Url("/etag"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 1u);
  EXPECT_NE(ReadFile(cache).find("\"v1\""), std::string::npos);
  r = RunBron("ingest --out - --stages tokenize --http-cache " + cache + " " + server.Url("/etag"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 0u);  // 304 Not Modified: nothing new
  EXPECT_EQ(server.requests(), 2);
}

}  // namespace
}  // namespace bron
