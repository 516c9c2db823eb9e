// Fetching pages and feeds over HTTP(S) with libcurl, politely: a user agent that names bron, timeouts,
// a size limit, one request at a time per host and at most one every `per_host_delay` seconds, and
// conditional requests (If-None-Match / If-Modified-Since) when the validators of an earlier fetch are
// given. It fetches exactly the URLs asked for (redirects followed, at most 5); it never crawls.
//
//   Fetcher fetcher(FetchOptions{});
//   FetchResult r;
//   Status s = fetcher.Fetch("https://nos.nl/feeds/nieuws", {}, &r);  // r.body, r.content_type, r.etag, …
//
//   std::future<Fetched> a = fetcher.Start(url_a, {}), b = fetcher.Start(url_b, {});  // at once
//   Fetched fa = a.get();   // fa.status, fa.result
//
// Start queues a request for a pool of `parallel` threads. A thread takes the oldest queued request
// whose host is free (nothing in flight there and the delay since the last start passed), so requests to
// different hosts run at the same time while one slow host holds up no other. Thread-safe.
#ifndef BRON_INGEST_FETCH_H_
#define BRON_INGEST_FETCH_H_

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bron/status.h"

namespace bron {

struct FetchOptions {
  std::string user_agent = "bron/0.1 (+https://github.com/bron-news/bron; news analysis; fetches only what its user asks)";
  double timeout_seconds = 30;         // the whole transfer
  double connect_timeout_seconds = 10;
  size_t max_bytes = size_t{50} << 20;  // larger bodies are an error (the transfer stops there)
  double per_host_delay_seconds = 1;    // between the starts of two requests to the same host
  int parallel = 8;                     // requests in flight at once (to different hosts)
};

struct Validators {  // from an earlier fetch of the same URL
  std::string etag, last_modified;
};

struct FetchResult {
  long status = 0;            // HTTP status (304 when not modified)
  bool not_modified = false;  // the conditional request said the resource is unchanged: no body
  std::string body, content_type, final_url;
  Validators validators;      // to store for the next fetch
};

struct Fetched {
  Status status;
  FetchResult result;
};

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options);
  ~Fetcher();  // requests not started yet are dropped (their futures say so); running ones finish
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Queues a request; the future holds its outcome. The status is an error for transport failures
  // (timeouts, refused connections, too large) and HTTP statuses other than 2xx and 304, naming the URL.
  std::future<Fetched> Start(const std::string& url, const Validators& validators);
  // Start(…).get().
  Status Fetch(const std::string& url, const Validators& validators, FetchResult* out);

 private:
  struct Request {
    std::string url, host;
    Validators validators;
    std::promise<Fetched> promise;
  };
  struct Host {
    bool busy = false;
    std::chrono::steady_clock::time_point next_start;
  };
  void Work();
  Status Transfer(const std::string& url, const Validators& validators, FetchResult* out) const;

  FetchOptions options_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Request> queue_;
  std::map<std::string, Host> hosts_;
  std::vector<std::thread> threads_;  // started with the first request
  bool stopping_ = false;
};

bool IsUrl(std::string_view s);

}  // namespace bron

#endif  // BRON_INGEST_FETCH_H_
