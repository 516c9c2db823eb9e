// bron ingest [INPUT…]: read files, folders and WARC archives, analyse every document in parallel and
// store them (--db, default bron.db) or write them as bron/1 JSONL (--out), with a progress bar on a
// terminal.
#include <unistd.h>

#include <cerrno>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bron/pipeline.h"
#include "cli/commands.h"
#include "ingest/ingest.h"
#include "io/writer.h"
#include "store/store.h"

namespace bron {
namespace {

struct IngestFlags {
  std::vector<std::string> inputs;
  std::string out;  // JSONL output; empty: none (store only)
  std::string db;   // the store; empty: bron.db unless --out is given
  bool analysed = false;
  int jobs = 0;
  std::string lang = "auto";
  std::string published;
  std::string input_format = "auto";
  bool lenient = false;
  bool read_only = false;
  bool progress = false, no_progress = false;
  std::string stages_list;
  std::string speakers;
  double max_mb = 50;
  double max_seconds = 30;
  double timeout = 30;
  double delay = 1;
  int fetchers = 8;
  size_t max_items = 0;
  std::string http_cache;
};

// The validators file: one "URL<TAB>ETag<TAB>Last-Modified" a line.
std::map<std::string, Validators> LoadValidators(const std::string& path) {
  std::map<std::string, Validators> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    size_t a = line.find('\t'), b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos) continue;
    out[line.substr(0, a)] = Validators{line.substr(a + 1, b - a - 1), line.substr(b + 1)};
  }
  return out;
}

bool SaveValidators(const std::string& path, const std::map<std::string, Validators>& validators) {
  std::ofstream out(path + ".tmp");
  for (const auto& [url, v] : validators) out << url << '\t' << v.etag << '\t' << v.last_modified << '\n';
  out.close();
  return out && std::rename((path + ".tmp").c_str(), path.c_str()) == 0;
}

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof(buf), "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(buf, sizeof(buf), "%ld:%02ld", s / 60, s % 60);
  return buf;
}

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled), start_(Clock::now()), last_(start_) {}

  void Update(const IngestStats& s, bool final = false) {
    if (!enabled_) return;
    auto now = Clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double elapsed = std::chrono::duration<double>(now - start_).count();
    double rate = elapsed > 0 ? s.written / elapsed : 0;
    std::string eta = "?";
    if (s.bytes_total > 0 && s.bytes_done > 0 && s.bytes_done <= s.bytes_total) {
      eta = Duration(elapsed * (static_cast<double>(s.bytes_total) / s.bytes_done - 1));
    }
    std::string bar;
    if (s.bytes_total > 0) {
      int filled = static_cast<int>(20.0 * std::min<uint64_t>(s.bytes_done, s.bytes_total) / s.bytes_total);
      bar = "[" + std::string(filled, '#') + std::string(20 - filled, '.') + "] ";
    }
    std::fprintf(stderr, "\r%s%llu documents  %.0f docs/s  %.1f/%.1f MB  ETA %s  skipped %llu  failed %llu \x1b[K",
                 bar.c_str(), static_cast<unsigned long long>(s.written), rate, s.bytes_done / 1e6,
                 s.bytes_total / 1e6, final ? "0:00" : eta.c_str(), static_cast<unsigned long long>(s.Skipped()),
                 static_cast<unsigned long long>(s.Failed()));
    if (final) std::fprintf(stderr, "\n");
    drawn_ = true;
  }
  // Before an error line: end the bar's line so the message starts on its own.
  void Interrupt() {
    if (enabled_ && drawn_) std::fprintf(stderr, "\r\x1b[K");
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_, drawn_ = false;
  Clock::time_point start_, last_;
};

// What happened to the documents handed to the store.
struct StoreCounts {
  uint64_t stored = 0, revisions = 0, unchanged = 0, failed = 0;
};

void PrintStoreSummary(const std::string& db, const StoreCounts& c) {
  std::fprintf(stderr, "bron ingest: %s: stored %llu new, %llu revisions, %llu already stored%s\n", db.c_str(),
               static_cast<unsigned long long>(c.stored), static_cast<unsigned long long>(c.revisions),
               static_cast<unsigned long long>(c.unchanged),
               c.failed ? (", " + std::to_string(c.failed) + " failed").c_str() : "");
}

// Puts one bron/1 JSON line into the store and counts the outcome; false (reported) on error.
bool PutLine(Store& store, std::string_view line, const std::string& where, StoreCounts* counts) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.empty()) return true;
  PutOutcome outcome;
  Status s = store.Put(line, &outcome);
  if (!s.ok()) {
    ++counts->failed;
    PrintError(where + ": " + s.message());
    return false;
  }
  (outcome == PutOutcome::kStored ? counts->stored : outcome == PutOutcome::kRevision ? counts->revisions
                                                                                       : counts->unchanged)++;
  return true;
}

// Puts documents into the store in batches (Store::BeginBatch): at most kDocuments a commit, and none waits
// uncommitted longer than kTime, so a reader (bron serve) sees them soon and a kill loses little.
class BatchedPuts {
 public:
  static constexpr size_t kDocuments = 64;
  static constexpr std::chrono::milliseconds kTime{500};
  BatchedPuts(Store& store, const std::string& db, StoreCounts* counts) : store_(store), db_(db), counts_(counts) {}
  ~BatchedPuts() { Commit(); }

  // Stores one line (see PutLine; `where` names it in errors); false when that document failed.
  bool Put(std::string_view line, const std::string& where) {
    if (!open_) {
      start_ = std::chrono::steady_clock::now();
      Status s = store_.BeginBatch();
      if (!s.ok()) PrintError(db_ + ": " + s.message());  // Put then runs its own transaction
      open_ = true;
    }
    bool ok = PutLine(store_, line, where, &batch_);
    ++documents_;
    if (documents_ >= kDocuments || std::chrono::steady_clock::now() >= Deadline()) Commit();
    return ok;
  }
  // When the open batch must be committed.
  std::chrono::steady_clock::time_point Deadline() const {
    return open_ ? start_ + kTime : std::chrono::steady_clock::now() + kTime;
  }
  void Commit() {
    if (!open_) return;
    Status s = store_.CommitBatch();
    if (s.ok()) {
      counts_->stored += batch_.stored, counts_->revisions += batch_.revisions;
      counts_->unchanged += batch_.unchanged, counts_->failed += batch_.failed;
    } else {  // the whole batch is rolled back; a rerun stores it
      PrintError(db_ + ": " + s.message() + " (" + std::to_string(documents_) + " documents not stored)");
      counts_->failed += documents_;
    }
    batch_ = StoreCounts();
    documents_ = 0;
    open_ = false;
  }

 private:
  Store& store_;
  const std::string& db_;
  StoreCounts* counts_;
  StoreCounts batch_;
  size_t documents_ = 0;
  bool open_ = false;
  std::chrono::steady_clock::time_point start_;
};

// Stores documents on a thread of its own, so that the pipeline's in-order stage only hands them over:
// were it to run the transaction itself, oneTBB's other workers would wait (spinning) meanwhile.
class StoreThread {
 public:
  StoreThread(Store& store, std::string db) : store_(store), db_(std::move(db)), thread_([this] { Run(); }) {}
  ~StoreThread() { Finish(); }

  void Push(const std::string& json) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return queue_.size() < kMaxQueued; });
    queue_.push_back(json);
    ready_.notify_one();
  }
  // Stores what is queued and stops; returns the counts.
  const StoreCounts& Finish() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
      ready_.notify_one();
    }
    if (thread_.joinable()) thread_.join();
    return counts_;
  }

 private:
  static constexpr size_t kMaxQueued = 256;  // bounded memory when storing is slower than analysis
  void Run() {
    BatchedPuts puts(store_, db_, &counts_);
    for (;;) {
      std::string json;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        if (!ready_.wait_until(lock, puts.Deadline(), [&] { return done_ || !queue_.empty(); })) {
          lock.unlock();
          puts.Commit();  // nothing came for a while: do not keep the batch open
          continue;
        }
        if (queue_.empty()) break;
        json = std::move(queue_.front());
        queue_.pop_front();
        room_.notify_one();
      }
      puts.Put(json, db_);
    }
    puts.Commit();
  }

  Store& store_;
  std::string db_;
  StoreCounts counts_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::string> queue_;
  bool done_ = false;
  std::thread thread_;
};

// --analysed: the inputs are bron/1 JSONL (from bron analyze --format jsonl): store them as they are.
int ImportAnalysed(const IngestFlags& flags, const std::string& db) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(db, {}, &store);
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  StoreCounts counts;
  BatchedPuts puts(*store, db, &counts);
  bool ok = true;
  std::vector<std::string> inputs = flags.inputs;
  if (inputs.empty()) inputs.push_back("-");
  for (const std::string& input : inputs) {
    std::ifstream file;
    if (input != "-") {
      file.open(input, std::ios::binary);
      if (!file) {
        PrintError(input + ": " + std::strerror(errno));
        ok = false;
        continue;
      }
    }
    std::istream& in = input == "-" ? std::cin : file;
    std::string line;
    for (uint64_t n = 1; std::getline(in, line); ++n) {
      ok &= puts.Put(line, (input == "-" ? "standard input" : input) + ": line " + std::to_string(n));
    }
  }
  puts.Commit();
  if (!flags.no_progress) PrintStoreSummary(db, counts);
  return ok ? 0 : 1;
}

// The peak resident memory of this process in MB (VmHWM), or -1. Not getrusage: after exec its maximum
// includes the parent's (a test harness holding large inputs).
long PeakMegabytes() {
  FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return -1;
  char line[256];
  long kb = -1;
  while (std::fgets(line, sizeof(line), f)) {
    if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1) break;
  }
  std::fclose(f);
  return kb < 0 ? -1 : (kb + 1023) / 1024;
}

void PrintSummary(const IngestStats& s, double seconds) {
  std::fprintf(stderr, "bron ingest: read %llu, written %llu, skipped %llu, failed %llu in %.1f s",
               static_cast<unsigned long long>(s.read), static_cast<unsigned long long>(s.written),
               static_cast<unsigned long long>(s.Skipped()), static_cast<unsigned long long>(s.Failed()), seconds);
  if (long mb = PeakMegabytes(); mb >= 0) std::fprintf(stderr, ", peak memory %ld MB", mb);
  if (s.passed_over) std::fprintf(stderr, "; %llu WARC records not written (not HTML pages, or --read-only)", static_cast<unsigned long long>(s.passed_over));
  std::fprintf(stderr, "\n");
  for (const auto& [reason, n] : s.skipped) std::fprintf(stderr, "  skipped %llu: %s\n", static_cast<unsigned long long>(n), reason.c_str());
  for (const auto& [reason, n] : s.failed) std::fprintf(stderr, "  failed  %llu: %s\n", static_cast<unsigned long long>(n), reason.c_str());
}

int RunIngest(const IngestFlags& flags) {
  // --read-only only reads the inputs: no store unless one is named.
  std::string db = !flags.db.empty() ? flags.db : (flags.out.empty() && !flags.read_only ? "bron.db" : "");
  if (flags.analysed) {
    if (db.empty()) {
      PrintError("--analysed stores bron/1 JSONL: give --db (or leave out --out)");
      return 2;
    }
    return ImportAnalysed(flags, db);
  }
  IngestOptions options;
  options.jobs = flags.jobs;
  options.max_document_bytes = static_cast<size_t>(flags.max_mb * 1e6);
  options.max_document_seconds = flags.max_seconds;
  options.reader.lenient = flags.lenient;
  options.read_only = flags.read_only;
  options.fetch.timeout_seconds = flags.timeout;
  options.fetch.connect_timeout_seconds = std::min(10.0, flags.timeout);
  options.fetch.per_host_delay_seconds = flags.delay;
  options.fetch.parallel = flags.fetchers;
  options.fetch.max_bytes = options.max_document_bytes;
  options.max_feed_items = flags.max_items;
  std::map<std::string, Validators> validators;
  if (!flags.http_cache.empty()) {
    validators = LoadValidators(flags.http_cache);
    options.validators = &validators;
  }
  if (flags.lang != "auto") options.reader.lang = flags.lang;
  if (!flags.published.empty()) options.reader.published = flags.published;
  Status s = ParseInputFormat(flags.input_format, &options.reader.format);
  if (s.ok() && flags.jobs < 0) s = Status::Usage("--jobs must be 0 (one per core) or more");
  if (s.ok() && (flags.fetchers < 1 || flags.fetchers > 64)) s = Status::Usage("--fetchers must be from 1 to 64");
  if (s.ok() && (flags.max_mb <= 0 || flags.max_seconds <= 0 || flags.timeout <= 0 || flags.delay < 0)) {
    s = Status::Usage("--max-mb, --max-seconds and --timeout must be positive, --delay not negative");
  }
  if (s.ok() && !flags.published.empty() &&
      !(flags.published.size() == 10 && flags.published[4] == '-' && flags.published[7] == '-')) {
    s = Status::Usage("--published expects a date as YYYY-MM-DD, not '" + flags.published + "'");
  }
  std::unique_ptr<Pipeline> pipeline;
  if (s.ok()) s = BuildPipeline(flags.stages_list, flags.lang, &pipeline, flags.speakers);
  if (!s.ok()) {
    PrintError(s.message());
    return s.code() == Status::Code::kUsage ? 2 : 1;
  }
  std::unique_ptr<Store> store;
  if (!db.empty()) {
    s = Store::Open(db, {}, &store);
    if (!s.ok()) {
      PrintError(s.message());
      return 1;
    }
  }
  StoreCounts counts;
  std::unique_ptr<StoreThread> store_thread;
  if (store) store_thread = std::make_unique<StoreThread>(*store, db);
  std::atomic<bool> lookups_ok{true};
  FILE* out = flags.out.empty() ? nullptr : stdout;
  if (!flags.out.empty() && flags.out != "-") {
    out = std::fopen(flags.out.c_str(), "wb");
    if (!out) {
      PrintError(flags.out + ": " + std::strerror(errno));
      return 1;
    }
  }
  WriteOptions writer;
  writer.format = OutputFormat::kJsonl;
  writer.stages = pipeline->stage_names();
  bool show = flags.progress || (!flags.no_progress && isatty(STDERR_FILENO));
  ProgressBar bar(show);
  bool output_ok = true;
  IngestSinks sinks;
  sinks.format = [&writer](const Document& doc, std::string* text) { WriteDocument(doc, writer, text); };
  sinks.write = [&](const std::string& text) {
    if (store_thread) store_thread->Push(text);
    if (out && output_ok && std::fwrite(text.data(), 1, text.size(), out) != text.size()) {
      bar.Interrupt();
      PrintError(std::string("writing the output failed: ") + std::strerror(errno));
      output_ok = false;
    }
  };
  sinks.problem = [&](const Status& problem) {
    bar.Interrupt();
    PrintError(problem.message());
  };
  sinks.progress = [&](const IngestStats& stats) { bar.Update(stats); };
  if (store && flags.out.empty()) {
    // A rerun (after a kill, or of the same input) skips what is stored before analysing it. Each worker
    // thread asks through a read-only connection of its own.
    sinks.known = [&db, &lookups_ok](const Document& doc) {
      thread_local std::unique_ptr<Store> reader;
      thread_local std::string reader_db;
      if (!lookups_ok) return false;
      if (!reader || reader_db != db) {
        reader.reset();
        if (!Store::Open(db, {.read_only = true}, &reader).ok()) {
          lookups_ok = false;
          return false;
        }
        reader_db = db;
      }
      bool found = false;
      return reader->Contains(Store::ContentHash(doc.url, doc.id, doc.title, doc.text), &found).ok() && found;
    };
  }
  std::vector<std::string> inputs = flags.inputs;
  if (inputs.empty()) inputs.push_back("-");
  IngestStats stats;
  auto start = std::chrono::steady_clock::now();
  s = Ingest(inputs, *pipeline, options, sinks, &stats);
  if (store_thread) counts = store_thread->Finish();
  counts.unchanged += stats.known;
  bar.Update(stats, true);
  if (!s.ok()) PrintError(s.message());
  if (out && (out == stdout ? std::fflush(out) : std::fclose(out)) != 0 && output_ok) {
    PrintError(std::string("writing the output failed: ") + std::strerror(errno));
    output_ok = false;
  }
  if (!flags.http_cache.empty() && !SaveValidators(flags.http_cache, validators)) {
    PrintError(flags.http_cache + ": cannot write the HTTP cache validators");
  }
  if (show) PrintSummary(stats, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (store && !flags.no_progress) PrintStoreSummary(db, counts);
  // Pages without an article (index pages, empty pages) are a normal part of a crawl, not an error.
  uint64_t bad = stats.Failed();
  for (const auto& [reason, n] : stats.skipped) bad += reason == "no main text" ? 0 : n;
  return !s.ok() || bad > 0 || !output_ok || counts.failed > 0 ? 1 : 0;
}

}  // namespace

CommandRunner AddIngestCommand(CLI::App& app) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Read pages, WARC archives, JSONL and text at scale, analyse them in parallel, store them (or write bron/1 JSONL)");
  cmd->footer(
      "Inputs: files (.html/.htm, .warc/.arc, .jsonl, .txt, each also .gz), folders (recursively, by file type),\n"
      "'-' (standard input) and http(s) URLs: a page, or an RSS/Atom feed whose items are fetched (only those;\n"
      "user agent bron/0.1, --timeout, --delay per host, --max-mb, conditional requests with --http-cache; up to\n"
      "--fetchers requests at once to different hosts, one at a time per host). Only HTML responses of a WARC\n"
      "become documents; WARC-Target-URI and WARC-Date are kept as url and (when the page has none) published.\n"
      "Output is in input order whatever --jobs and --fetchers.\n"
      "Documents go into the store (--db, default bron.db: SQLite), one transaction each: a killed run loses\n"
      "nothing stored and a rerun adds only what is missing; the same document twice is stored once, a new\n"
      "text under a known URL as its next revision. With --out (and no --db) JSONL is written instead.\n"
      "Examples:\n"
      "  bron ingest ../shared/data/news/nl-dpg-2019.jsonl          # into bron.db\n"
      "  bron ingest --db news.db --jobs 4 pages/\n"
      "  bron analyze --format jsonl a.txt | bron ingest --analysed -   # store an earlier analysis\n"
      "  bron ingest --out news.jsonl ../shared/data/news/\n"
      "  bron ingest --jobs 8 --out cc.jsonl CC-NEWS-20240501.warc.gz\n"
      "  bron ingest --stages tokenize --progress pages/ > pages.jsonl\n"
      "  bron ingest --max-items 20 --http-cache feeds.tsv --out today.jsonl https://feeds.nos.nl/nosnieuwsalgemeen\n"
      "Exit status: 0 all read, 1 some inputs were damaged or documents skipped for a limit (the rest was\n"
      "written; every problem names the file and byte offset), 2 usage error.");
  cmd->add_option("inputs", flags->inputs, "Files and folders; '-' or nothing reads standard input");
  cmd->add_option("--db", flags->db, "The store (SQLite) to add the documents to (default bron.db unless --out is given)");
  cmd->add_option("--out,-o", flags->out, "Write bron/1 JSONL here ('-': standard output), instead of the store unless --db is given");
  cmd->add_flag("--analysed", flags->analysed, "The inputs are bron/1 JSONL from bron analyze: store them without analysing again");
  cmd->add_option("--jobs,-j", flags->jobs, "Threads (default 0: one per core)");
  cmd->add_option("--lang", flags->lang, "Language of the documents: nl, en or auto")->check(CLI::IsMember({"nl", "en", "auto"}));
  cmd->add_option("--published", flags->published, "Publication date (YYYY-MM-DD) for documents that carry none");
  cmd->add_option("--input", flags->input_format, "Input format of files whose name does not say: auto, html, warc, jsonl, text")
      ->check(CLI::IsMember({"auto", "html", "warc", "jsonl", "text", "conll", "conllu"}));
  cmd->add_flag("--lenient", flags->lenient, "Replace invalid UTF-8 and NUL bytes in text and JSONL input instead of failing");
  cmd->add_option("--timeout", flags->timeout, "URLs: seconds for one request (default 30)");
  cmd->add_option("--delay", flags->delay, "URLs: seconds between two requests to the same host (default 1)");
  cmd->add_option("--fetchers", flags->fetchers,
                  "URLs: requests at once, to different hosts (default 8; one at a time per host)");
  cmd->add_option("--max-items", flags->max_items, "Feeds: fetch at most this many items of each feed (default 0: all)");
  cmd->add_option("--http-cache", flags->http_cache,
                  "URLs: file of ETag/Last-Modified validators, read and updated, for conditional requests");
  cmd->add_flag("--read-only", flags->read_only,
                "Only read the inputs and report damage (every WARC record is read, none is extracted or written)");
  cmd->add_flag("--progress", flags->progress, "Show progress and a summary on stderr even when it is not a terminal");
  cmd->add_flag("--no-progress", flags->no_progress, "No progress bar or summary, even on a terminal");
  cmd->add_option("--max-mb", flags->max_mb, "Skip (and report) documents and pages larger than this (default 50)");
  cmd->add_option("--max-seconds", flags->max_seconds, "Skip (and report) documents that take longer (default 30)");
  AddStagesOption(cmd, &flags->stages_list);
  AddSpeakersOption(cmd, &flags->speakers);
  return [flags] { return RunIngest(*flags); };
}

}  // namespace bron
