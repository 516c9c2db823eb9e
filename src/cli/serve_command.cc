// bron serve: the JSON API and web UI over a store, until SIGINT or SIGTERM.
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "cli/commands.h"
#include "serve/server.h"

namespace bron {
namespace {

struct ServeFlags {
  ServeOptions options;
  std::string lang = "auto";
};

int RunServe(ServeFlags& flags) {
  if (flags.options.token.empty()) {
    if (const char* token = std::getenv("BRON_TOKEN")) flags.options.token = token;
  }
  std::unique_ptr<Pipeline> pipeline;
  if (!flags.options.token.empty()) {
    Status s = BuildPipeline("", flags.lang, &pipeline);
    if (!s.ok()) {
      PrintError(s.message());
      return 2;
    }
    flags.options.pipeline = pipeline.get();
  }
  // Block the stop signals in every thread the server starts; this thread waits for them.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  Server server(flags.options);
  Status s = server.Start();
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  std::fprintf(stderr, "bron serve: %s on http://%s:%d/ (API: /api/stats, /api/ledger, …; %s). Ctrl-C stops.\n",
               flags.options.db.c_str(), flags.options.bind.c_str(), server.port(),
               flags.options.token.empty() ? "read-only" : "POST /api/documents with the token");
  int signal = 0;
  sigwait(&stop, &signal);
  server.Stop();
  return 0;
}

}  // namespace

CommandRunner AddServeCommand(CLI::App& app) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* cmd = app.add_subcommand("serve", "The HTTP JSON API and the web UI over a store");
  cmd->footer(
      "Routes: / (the web UI), /api/stats, /api/documents?q=&entity=&since=&story=, /api/documents/{id} (bron/1),\n"
      "/api/ledger?entity=&story=&since=&certainty=, /api/entities?q=, /api/entities/{id}, /api/stories,\n"
      "/api/stories/{id}, /api/search?q=; lists take limit (<= 1000) and offset. Read-only unless --token (or\n"
      "BRON_TOKEN) is set: then POST /api/documents with 'Authorization: Bearer TOKEN' stores a bron/1 document\n"
      "or analyses and stores {\"id\",\"text\",…}.\n"
      "Examples:\n  bron serve\n  bron serve --db news.db --bind 0.0.0.0 --port 9000\n"
      "  BRON_TOKEN=secret bron serve --db news.db");
  cmd->add_option("--db", flags->options.db, "The store (default bron.db; created if absent)");
  cmd->add_option("--bind", flags->options.bind, "Address to listen on (default 127.0.0.1: this machine only)");
  cmd->add_option("--port", flags->options.port, "Port (default 8080; 0: any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", flags->options.threads, "Worker threads, one per open connection (default 32)")->check(CLI::Range(1, 256));
  cmd->add_option("--token", flags->options.token, "Accept POST /api/documents with this bearer token (default: read-only)");
  cmd->add_option("--lang", flags->lang, "Language of POSTed plain documents: nl, en or auto")
      ->check(CLI::IsMember({"nl", "en", "auto"}));
  cmd->add_option("--max-mb", flags->options.max_body_bytes, "Largest request body in bytes (default 8 MiB)");
  return [flags] { return RunServe(*flags); };
}

}  // namespace bron
