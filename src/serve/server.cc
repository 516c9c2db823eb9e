#include "serve/server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>

#include "io/json_writer.h"
#include "io/reader.h"
#include "io/writer.h"
#include "serve/web_assets.h"
#include "store/store.h"
#include "store/store_json.h"

namespace bron {
namespace {

constexpr int kMaxLimit = 1000;

class HttpError {
 public:
  HttpError(int status, std::string message) : status(status), message(std::move(message)) {}
  int status;
  std::string message;
};

std::string ErrorJson(const std::string& message) {
  std::string out = "{\"error\":";
  JsonWriter::AppendEscaped(message, &out);
  return out + "}";
}

void SendJson(httplib::Response& res, const std::string& json, int status = 200) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(json, "application/json; charset=utf-8");
}

int IntParam(const httplib::Request& req, const char* name, int fallback, int low, int high) {
  if (!req.has_param(name)) return fallback;
  std::string v = req.get_param_value(name);
  if (v.empty() || v.size() > 9 || !std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); })) {
    throw HttpError(400, std::string("parameter '") + name + "' must be a whole number, not '" + v.substr(0, 40) + "'");
  }
  int n = std::stoi(v);
  if (n < low || n > high) {
    throw HttpError(400, std::string("parameter '") + name + "' must be between " + std::to_string(low) + " and " +
                             std::to_string(high));
  }
  return n;
}

std::string TextParam(const httplib::Request& req, const char* name) {
  std::string v = req.has_param(name) ? req.get_param_value(name) : "";
  if (v.size() > 1000) throw HttpError(400, std::string("parameter '") + name + "' is longer than 1000 bytes");
  return v;
}

std::string DateParam(const httplib::Request& req, const char* name) {
  std::string v = TextParam(req, name);
  bool ok = v.empty() || (v.size() == 10 && v[4] == '-' && v[7] == '-' &&
                          std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c) || c == '-'; }));
  if (!ok) throw HttpError(400, std::string("parameter '") + name + "' must be a date YYYY-MM-DD, not '" + v.substr(0, 40) + "'");
  return v;
}

int64_t PathId(const httplib::Request& req) {
  std::string v = req.matches[1];
  if (v.size() > 15) throw HttpError(404, "no such id: " + v.substr(0, 40));
  return std::stoll(v);
}

void Check(const Status& s) {
  if (s.ok()) return;
  if (s.message().find("interrupted") != std::string::npos) {
    throw HttpError(503, "the query ran past the time limit; narrow it (limit, entity, since)");
  }
  throw HttpError(500, s.message());
}

}  // namespace

struct Server::Impl {
  httplib::Server http;
  std::mutex writer_mutex;
  std::unique_ptr<Store> writer;  // opened at start: creates and migrates the store, keeps the WAL files
  std::atomic<uint64_t> generation{0};

  int timeout_seconds = 10;

  // One read-only connection per server thread and store: SQLite connections are not shared. Each
  // request's queries get the request time limit.
  Store& Reader(const std::string& db) {
    thread_local std::map<std::string, std::unique_ptr<Store>> readers;
    auto& slot = readers[db];
    if (!slot) {
      Status s = Store::Open(db, {.read_only = true}, &slot);
      if (!s.ok()) throw HttpError(500, s.message());
    }
    slot->SetDeadline(std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds));
    return *slot;
  }
};

Server::Server(ServeOptions options) : impl_(std::make_unique<Impl>()), options_(std::move(options)) {}

Server::~Server() { Stop(); }

Status Server::Start() {
  BRON_RETURN_IF_ERROR(Store::Open(options_.db, {}, &impl_->writer));
  impl_->timeout_seconds = options_.timeout_seconds;
  httplib::Server& http = impl_->http;
  const ServeOptions& o = options_;
  Impl* impl = impl_.get();
  int threads = std::max(1, o.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(o.max_body_bytes);
  http.set_read_timeout(o.timeout_seconds, 0);
  http.set_write_timeout(o.timeout_seconds, 0);
  // A kept-alive connection holds a pool thread until it closes: cap both so that many clients take turns.
  http.set_keep_alive_max_count(100);
  http.set_keep_alive_timeout(2);

  // Wraps a handler: HttpError and anything thrown become a JSON error response.
  auto handle = [](auto body) {
    return [body](const httplib::Request& req, httplib::Response& res) {
      try {
        body(req, res);
      } catch (const HttpError& e) {
        SendJson(res, ErrorJson(e.message), e.status);
      } catch (const std::exception& e) {
        SendJson(res, ErrorJson(std::string("internal error: ") + e.what()), 500);
      }
    };
  };
  auto json = [](auto write) {
    std::string out;
    JsonWriter w(&out, false);
    write(w);
    return out;
  };
  const std::string db = o.db;

  http.Get("/api/stats", handle([=](const httplib::Request&, httplib::Response& res) {
    StoreStats s;
    Check(impl->Reader(db).Stats(&s));
    SendJson(res, json([&](JsonWriter& w) { WriteStatsJson(s, w); }));
  }));
  http.Get("/api/documents", handle([=](const httplib::Request& req, httplib::Response& res) {
    DocumentQuery q;
    q.q = TextParam(req, "q");
    q.entity = TextParam(req, "entity");
    q.since = DateParam(req, "since");
    q.story = IntParam(req, "story", 0, 0, 1 << 30);
    q.limit = IntParam(req, "limit", 50, 1, kMaxLimit);
    q.offset = IntParam(req, "offset", 0, 0, 1 << 30);
    std::vector<DocumentSummary> docs;
    Check(impl->Reader(db).Documents(q, &docs));
    SendJson(res, json([&](JsonWriter& w) { WriteArrayJson(docs, WriteDocumentSummaryJson, w); }));
  }));
  http.Get(R"(/api/documents/(\d+))", handle([=](const httplib::Request& req, httplib::Response& res) {
    std::string doc;
    bool found = false;
    Check(impl->Reader(db).DocumentJson(PathId(req), &doc, &found));
    if (!found) throw HttpError(404, "no document " + std::string(req.matches[1]));
    SendJson(res, doc);
  }));
  http.Get("/api/search", handle([=](const httplib::Request& req, httplib::Response& res) {
    std::vector<SearchHit> hits;
    Check(impl->Reader(db).Search(TextParam(req, "q"), IntParam(req, "limit", 20, 1, kMaxLimit), &hits));
    SendJson(res, json([&](JsonWriter& w) { WriteArrayJson(hits, WriteSearchHitJson, w); }));
  }));
  http.Get("/api/ledger", handle([=](const httplib::Request& req, httplib::Response& res) {
    LedgerQuery q;
    q.entity = TextParam(req, "entity");
    q.story = IntParam(req, "story", 0, 0, 1 << 30);
    q.since = DateParam(req, "since");
    q.certainty = TextParam(req, "certainty");
    q.limit = IntParam(req, "limit", 50, 1, kMaxLimit);
    q.offset = IntParam(req, "offset", 0, 0, 1 << 30);
    std::vector<LedgerEntry> entries;
    Check(impl->Reader(db).Ledger(q, &entries));
    SendJson(res, json([&](JsonWriter& w) { WriteArrayJson(entries, WriteLedgerEntryJson, w); }));
  }));
  http.Get("/api/entities", handle([=](const httplib::Request& req, httplib::Response& res) {
    std::vector<EntitySummary> entities;
    Check(impl->Reader(db).Entities(TextParam(req, "q"), IntParam(req, "limit", 50, 1, kMaxLimit), &entities));
    SendJson(res, json([&](JsonWriter& w) { WriteArrayJson(entities, WriteEntitySummaryJson, w); }));
  }));
  http.Get(R"(/api/entities/(\d+))", handle([=](const httplib::Request& req, httplib::Response& res) {
    EntityDetail detail;
    bool found = false;
    Check(impl->Reader(db).Entity(PathId(req), &detail, &found));
    if (!found) throw HttpError(404, "no entity " + std::string(req.matches[1]));
    SendJson(res, json([&](JsonWriter& w) { WriteEntityDetailJson(detail, w); }));
  }));
  http.Get("/api/stories", handle([=](const httplib::Request& req, httplib::Response& res) {
    std::vector<StorySummary> stories;
    Check(impl->Reader(db).Stories(IntParam(req, "limit", 50, 1, kMaxLimit), &stories));
    SendJson(res, json([&](JsonWriter& w) { WriteArrayJson(stories, WriteStorySummaryJson, w); }));
  }));
  http.Get(R"(/api/stories/(\d+))", handle([=](const httplib::Request& req, httplib::Response& res) {
    StoryDetail detail;
    bool found = false;
    Check(impl->Reader(db).Story(PathId(req), &detail, &found));
    if (!found) throw HttpError(404, "no story " + std::string(req.matches[1]));
    SendJson(res, json([&](JsonWriter& w) { WriteStoryDetailJson(detail, w); }));
  }));
  const std::string token = o.token;
  const Pipeline* pipeline = o.pipeline;
  http.Post("/api/documents", handle([=](const httplib::Request& req, httplib::Response& res) {
    if (token.empty()) throw HttpError(403, "this server is read-only (start bron serve with --token to accept documents)");
    if (req.get_header_value("Authorization") != "Bearer " + token) {
      throw HttpError(401, "a valid 'Authorization: Bearer <token>' header is required");
    }
    std::string bron_json;
    if (req.body.find("\"schema\":\"bron/1\"") != std::string::npos ||
        req.body.find("\"schema\": \"bron/1\"") != std::string::npos) {
      bron_json = req.body;
    } else {
      if (!pipeline) throw HttpError(400, "send a bron/1 document (this server does not analyse)");
      Document doc;
      Status s = ParseJsonlLine(req.body, ReaderOptions(), &doc);
      if (!s.ok()) throw HttpError(400, "request body: " + s.message());
      s = pipeline->Process(doc);
      if (!s.ok()) throw HttpError(422, "analysis failed: " + s.message());
      WriteOptions w;
      w.stages = pipeline->stage_names();
      WriteJson(doc, w, false, &bron_json);
    }
    PutOutcome outcome;
    int64_t id = 0;
    Status s;
    {
      std::lock_guard<std::mutex> lock(impl->writer_mutex);
      s = impl->writer->Put(bron_json, &outcome, &id);
    }
    if (!s.ok()) throw HttpError(s.code() == Status::Code::kInvalidInput ? 400 : 500, s.message());
    const char* name = outcome == PutOutcome::kStored ? "stored" : outcome == PutOutcome::kRevision ? "revision" : "unchanged";
    SendJson(res, "{\"id\":" + std::to_string(id) + ",\"outcome\":\"" + name + "\"}",
             outcome == PutOutcome::kUnchanged ? 200 : 201);
  }));
  // The web UI: one page and its script and style, compiled into the binary.
  for (size_t i = 0; i < kWebAssetCount; ++i) {
    const WebAsset& asset = kWebAssets[i];
    std::string path = asset.name == "index.html" ? "/" : "/" + std::string(asset.name);
    std::string type = asset.name.ends_with(".js") ? "text/javascript; charset=utf-8"
                       : asset.name.ends_with(".css") ? "text/css; charset=utf-8"
                                                      : "text/html; charset=utf-8";
    http.Get(path, [asset, type](const httplib::Request&, httplib::Response& res) {
      res.set_content(asset.content.data(), asset.content.size(), type.c_str());
    });
  }
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler already said what went wrong
    std::string message = res.status == 404   ? "no such route: " + req.method + " " + req.path.substr(0, 200)
                          : res.status == 413 ? "request body too large"
                          : res.status == 405 ? "method not allowed"
                                              : "bad request";
    SendJson(res, ErrorJson(message), res.status);
  });
  if (o.port == 0) {
    port_ = http.bind_to_any_port(o.bind);
    if (port_ <= 0) return Status::IoError("cannot listen on " + o.bind);
  } else {
    if (!http.bind_to_port(o.bind, o.port)) {
      return Status::IoError("cannot listen on " + o.bind + ":" + std::to_string(o.port) + " (in use, or not an address here)");
    }
    port_ = o.port;
  }
  thread_ = std::thread([impl] { impl->http.listen_after_bind(); });
  return Status::Ok();
}

void Server::Stop() {
  impl_->http.stop();
  if (thread_.joinable()) thread_.join();
}

void Server::Wait() {
  if (thread_.joinable()) thread_.join();
}

}  // namespace bron
