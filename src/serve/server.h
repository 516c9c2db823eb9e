// Server: bron's HTTP JSON API and web UI over a store (cpp-httplib, a thread pool).
//
//   ServeOptions o;  o.db = "bron.db";  o.port = 0;   // 0: any free port
//   Server server(o);
//   server.Start();            // binds, serves on a thread of its own
//   server.port();  …  server.Stop();
//
// Read-only unless `token` is set: then POST /api/documents with "Authorization: Bearer <token>" stores
// a document (bron/1 JSON as it is, or {"id","text",…} analysed by `pipeline`). Every error is a 4xx/5xx
// with {"error": "..."}; bodies are capped (max_body_bytes), reads and writes time out, list sizes are
// capped at 1000. The routes: docs/store.md.
#ifndef BRON_SERVE_SERVER_H_
#define BRON_SERVE_SERVER_H_

#include <memory>
#include <string>
#include <thread>

#include "bron/pipeline.h"
#include "bron/status.h"

namespace bron {

struct ServeOptions {
  std::string db = "bron.db";
  std::string bind = "127.0.0.1";
  int port = 8080;
  int threads = 32;  // each open (kept-alive) connection holds one
  std::string token;                   // empty: read-only
  const Pipeline* pipeline = nullptr;  // for POSTed plain documents; may be null (then only bron/1 JSON)
  size_t max_body_bytes = size_t{8} << 20;
  int timeout_seconds = 10;
};

class Server {
 public:
  explicit Server(ServeOptions options);
  ~Server();
  Status Start();  // returns once the port is bound
  void Stop();
  void Wait();     // until Stop() (or the listener fails)
  int port() const { return port_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  ServeOptions options_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace bron

#endif  // BRON_SERVE_SERVER_H_
