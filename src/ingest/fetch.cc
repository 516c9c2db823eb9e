#include "ingest/fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <thread>

#include "ingest/html_extract.h"

namespace bron {
namespace {

struct Sink {
  std::string* body;
  size_t max_bytes;
  bool too_large = false;
  FetchResult* result;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Sink*>(user);
  size_t n = size * count;
  if (t->body->size() + n > t->max_bytes) {
    t->too_large = true;
    return 0;  // stops the transfer
  }
  t->body->append(data, n);
  return n;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Sink*>(user);
  std::string line(data, size * count);
  size_t colon = line.find(':');
  if (line.compare(0, 5, "HTTP/") == 0) t->result->validators = Validators();  // a redirect's headers: reset
  if (colon != std::string::npos) {
    std::string key = Lower(line.substr(0, colon));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) value.pop_back();
    if (key == "etag") t->result->validators.etag = value;
    else if (key == "last-modified") t->result->validators.last_modified = value;
  }
  return size * count;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

bool IsUrl(std::string_view s) { return s.substr(0, 7) == "http://" || s.substr(0, 8) == "https://"; }

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Fetcher::~Fetcher() {
  std::deque<Request> dropped;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    dropped.swap(queue_);
  }
  changed_.notify_all();
  for (Request& r : dropped) r.promise.set_value({Status::Internal("not fetched: stopped").WithContext(r.url), {}});
  for (std::thread& t : threads_) t.join();
}

std::future<Fetched> Fetcher::Start(const std::string& url, const Validators& validators) {
  Request r{url, HostOf(url), validators, {}};
  std::future<Fetched> future = r.promise.get_future();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(r));
    if (threads_.empty()) {
      for (int i = 0; i < std::max(1, options_.parallel); ++i) threads_.emplace_back([this] { Work(); });
    }
  }
  changed_.notify_all();
  return future;
}

Status Fetcher::Fetch(const std::string& url, const Validators& validators, FetchResult* out) {
  Fetched f = Start(url, validators).get();
  *out = std::move(f.result);
  return f.status;
}

// A pool thread: the oldest request whose host is free, fetched; then the host is free again.
void Fetcher::Work() {
  using Clock = std::chrono::steady_clock;
  auto delay = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options_.per_host_delay_seconds));
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    if (stopping_) return;
    auto now = Clock::now();
    std::optional<Clock::time_point> wake;  // the earliest start allowed for a waiting request
    auto it = queue_.begin();
    for (; it != queue_.end(); ++it) {
      Host& h = hosts_[it->host];
      if (h.busy) continue;
      if (h.next_start <= now) break;
      if (!wake || h.next_start < *wake) wake = h.next_start;
    }
    if (it == queue_.end()) {
      if (wake) changed_.wait_until(lock, *wake);
      else changed_.wait(lock);
      continue;
    }
    Request r = std::move(*it);
    queue_.erase(it);
    Host& host = hosts_[r.host];
    host.busy = true;
    host.next_start = now + delay;
    lock.unlock();
    Fetched f;
    f.status = Transfer(r.url, r.validators, &f.result);
    lock.lock();
    hosts_[r.host].busy = false;
    changed_.notify_all();
    r.promise.set_value(std::move(f));
  }
}

Status Fetcher::Transfer(const std::string& url, const Validators& validators, FetchResult* out) const {
  *out = FetchResult();
  if (!IsUrl(url)) return Status::InvalidInput("not an http(s) URL").WithContext(url);
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Status::Internal("libcurl could not be initialised").WithContext(url);
  CURL* c = curl.get();
  Sink transfer{&out->body, options_.max_bytes, false, out};
  char error[CURL_ERROR_SIZE] = {};
  std::unique_ptr<curl_slist, ListDeleter> headers;
  curl_slist* list = nullptr;
  if (!validators.etag.empty()) list = curl_slist_append(list, ("If-None-Match: " + validators.etag).c_str());
  if (!validators.last_modified.empty()) {
    list = curl_slist_append(list, ("If-Modified-Since: " + validators.last_modified).c_str());
  }
  headers.reset(list);
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // timeouts without signals: safe in threads
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_seconds * 1000));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout_seconds * 1000));
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode (gzip, deflate, …)
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_bytes));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  if (list) curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
  CURLcode code = curl_easy_perform(c);
  if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    return Status::InvalidInput("the response exceeds the limit of " + std::to_string(options_.max_bytes) + " bytes")
        .WithContext(url);
  }
  if (code != CURLE_OK) {
    std::string what = error[0] ? error : curl_easy_strerror(code);
    if (code == CURLE_OPERATION_TIMEDOUT) what = "timed out (" + what + ")";
    return Status::IoError(what).WithContext(url);
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out->status);
  char* type = nullptr;
  curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
  if (type) out->content_type = type;
  char* final_url = nullptr;
  curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &final_url);
  out->final_url = final_url ? final_url : url;
  if (out->status == 304) {
    out->not_modified = true;
    out->body.clear();
    return Status::Ok();
  }
  if (out->status < 200 || out->status >= 300) {
    return Status::IoError("HTTP status " + std::to_string(out->status)).WithContext(url);
  }
  return Status::Ok();
}

}  // namespace bron
