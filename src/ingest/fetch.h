// Fetching pages and feeds over HTTP(S) with libcurl, politely: a user agent that names bron, timeouts,
// a size limit, at most one request per host every `per_host_delay` seconds, and conditional requests
// (If-None-Match / If-Modified-Since) when the validators of an earlier fetch are given. It fetches
// exactly the URL asked for (redirects followed, at most 5); it never crawls.
//
//   Fetcher fetcher(FetchOptions{});
//   FetchResult r;
//   Status s = fetcher.Fetch("https://nos.nl/feeds/nieuws", {}, &r);  // r.body, r.content_type, r.etag, …
//
// Thread-safe: the per-host schedule is shared under a mutex; each call uses its own curl handle.
#ifndef BRON_INGEST_FETCH_H_
#define BRON_INGEST_FETCH_H_

#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "bron/status.h"

namespace bron {

struct FetchOptions {
  std::string user_agent = "bron/0.1 (+https://github.com/bron-news/bron; news analysis; fetches only what its user asks)";
  double timeout_seconds = 30;         // the whole transfer
  double connect_timeout_seconds = 10;
  size_t max_bytes = size_t{50} << 20;  // larger bodies are an error (the transfer stops there)
  double per_host_delay_seconds = 1;    // between two requests to the same host
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

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options);
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // An error for transport failures (timeouts, refused connections, too large) and HTTP statuses other
  // than 2xx and 304, naming the URL.
  Status Fetch(const std::string& url, const Validators& validators, FetchResult* out);

 private:
  void WaitForHost(const std::string& host);
  FetchOptions options_;
  std::mutex mutex_;
  std::map<std::string, std::chrono::steady_clock::time_point> next_allowed_;
};

bool IsUrl(std::string_view s);

}  // namespace bron

#endif  // BRON_INGEST_FETCH_H_
