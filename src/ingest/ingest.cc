#include "ingest/ingest.h"

#include <dirent.h>
#include <sys/stat.h>

#include <oneapi/tbb/concurrent_queue.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <future>
#include <memory>
#include <thread>

#include "ingest/feed.h"
#include "ingest/gzip.h"
#include "ingest/page.h"
#include "ingest/stream.h"
#include "ingest/warc_reader.h"

namespace bron {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool KnownType(std::string_view name) {
  if (EndsWith(name, ".gz")) name.remove_suffix(3);
  for (std::string_view ext : {".html", ".htm", ".xhtml", ".warc", ".arc", ".jsonl", ".ndjson", ".txt", ".text"}) {
    if (EndsWith(name, ext)) return true;
  }
  return false;
}

bool IsWarcName(std::string_view name) {
  return EndsWith(name, ".warc") || EndsWith(name, ".arc") || EndsWith(name, ".warc.gz") || EndsWith(name, ".arc.gz");
}

bool IsJsonlName(std::string_view name) {
  if (EndsWith(name, ".gz")) name.remove_suffix(3);
  return EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson");
}

// The format of standard input from its first bytes (gzip undone); kAuto leaves it to ParseInput.
InputFormat SniffFormat(std::string_view head) {
  if (head.substr(0, 5) == "WARC/" || head.substr(0, 11) == "filedesc://") return InputFormat::kWarc;
  if (head.substr(0, 3) == "\xef\xbb\xbf") head.remove_prefix(3);
  size_t i = head.find_first_not_of(" \t\r\n");
  if (i != std::string_view::npos && head[i] == '{') return InputFormat::kJsonl;
  if (LooksLikeHtml(head)) return InputFormat::kHtml;
  return InputFormat::kAuto;
}

bool IsHtmlName(std::string_view name) {
  if (EndsWith(name, ".gz")) name.remove_suffix(3);
  return EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".xhtml");
}

Status Walk(const std::string& dir, int depth, std::vector<std::string>* files) {
  if (depth > 64) return Status::InvalidInput("folders nested more than 64 deep").WithContext(dir);
  DIR* d = opendir(dir.c_str());
  if (!d) return Status::IoError(std::strerror(errno)).WithContext(dir);
  std::vector<std::string> entries;
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] == '.') continue;  // hidden files, "." and ".."
    entries.push_back(dir + (dir.back() == '/' ? "" : "/") + e->d_name);
  }
  closedir(d);
  std::sort(entries.begin(), entries.end());
  for (const std::string& path : entries) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      BRON_RETURN_IF_ERROR(Walk(path, depth + 1, files));
    } else if (S_ISREG(st.st_mode) && KnownType(path)) {
      files->push_back(path);
    }
  }
  return Status::Ok();
}

// One unit of work: what the reader thread found, and what the workers made of it.
struct Item {
  enum class Kind { kDocument, kPage, kRecord, kJsonLine, kProblem, kNothing, kEnd } kind = Kind::kEnd;
  std::string source;  // "file" or "file: byte N", for messages
  std::string line;    // kJsonLine: the record, parsed by a worker
  Document doc;
  WebPage page;
  WarcRecord record;
  Status problem;       // kProblem: what went wrong reading
  std::string problem_class;  // its reason in the summary
  uint64_t bytes_done = 0;    // input bytes consumed when the item was read
  // Filled by the workers:
  std::string output;
  std::string skip_reason;  // skipped, with a message in `problem`
  bool passed_over = false;
  bool counts_as_read = true;
  bool known = false;  // stored already: not analysed
};

using Queue = tbb::concurrent_bounded_queue<Item*>;

class Reader {
 public:
  Reader(const IngestOptions& options, Queue* queue, std::atomic<bool>* cancel)
      : options_(options), queue_(queue), cancel_(cancel), fetcher_(options.fetch) {}

  void Run(const std::vector<std::string>& inputs) {
    for (size_t i = 0; i < inputs.size(); ++i) {
      const std::string& input = inputs[i];
      if (cancel_->load()) break;
      if (IsUrl(input)) {  // with the URLs after it: fetched side by side
        size_t end = i;
        while (end < inputs.size() && IsUrl(inputs[end])) ++end;
        ReadUrls(std::vector<std::string>(inputs.begin() + static_cast<long>(i), inputs.begin() + static_cast<long>(end)));
        i = end - 1;
        continue;
      }
      std::vector<std::string> files;
      Status s = ExpandInput(input, &files);
      if (!s.ok()) {
        Problem(input, s, "unreadable input");
        continue;
      }
      for (const std::string& file : files) {
        if (cancel_->load()) break;
        ReadFile(file);
      }
    }
    auto* end = new Item;
    end->kind = Item::Kind::kEnd;
    queue_->push(end);
  }

 private:
  void Push(Item* item) {
    item->bytes_done = bytes_done_;
    queue_->push(item);
  }

  void Problem(const std::string& source, const Status& s, const std::string& reason) {
    auto* item = new Item;
    item->kind = Item::Kind::kProblem;
    item->source = source;
    item->problem = s;
    item->problem_class = reason;
    item->counts_as_read = false;
    Push(item);
  }

  void ReadFile(const std::string& file) {
    const std::string display = file == "-" ? "<stdin>" : file;
    uint64_t size = 0;
    if (file != "-") {
      struct stat st;
      if (stat(file.c_str(), &st) != 0) return Problem(display, Status::IoError(std::strerror(errno)).WithContext(display), "unreadable input");
      size = static_cast<uint64_t>(st.st_size);
    }
    uint64_t start = bytes_done_;
    if (file == "-") return ReadStdin(start);
    bool warc = IsWarcName(file) || (options_.reader.format == InputFormat::kWarc);
    if (!warc && options_.reader.format == InputFormat::kAuto && !KnownType(file)) warc = SniffWarc(file);
    bool html = IsHtmlName(file) || options_.reader.format == InputFormat::kHtml;
    bool jsonl = options_.reader.format == InputFormat::kJsonl ||
                 (options_.reader.format == InputFormat::kAuto && IsJsonlName(file));
    if (warc) {
      std::unique_ptr<WarcReader> reader;
      Status s = WarcReader::Open(file, WarcOptionsFor(), &reader);
      if (!s.ok()) return Problem(display, s, "unreadable input");
      ReadWarc(reader.get(), display, start);
    } else if (html || jsonl) {
      if (html && size > options_.max_document_bytes) return TooLarge(display, size);
      FILE* f = std::fopen(file.c_str(), "rb");
      if (!f) return Problem(display, Status::IoError(std::strerror(errno)).WithContext(display), "unreadable input");
      if (html) ReadHtml(f, display);
      else ReadJsonl(f, display, start);
      std::fclose(f);
    } else {
      ReadDocuments(file, display);
    }
    bytes_done_ = start + size;
  }

  // Standard input as a stream whatever its size: its first 64 KiB tell the format and are then given
  // back to the reader chosen (WARC and JSONL, gzip or not, are read a record at a time).
  void ReadStdin(uint64_t start) {
    const std::string display = "<stdin>";
    std::string head(1 << 16, '\0');
    size_t n = 0;
    while (n < head.size()) {
      size_t got = std::fread(head.data() + n, 1, head.size() - n, stdin);
      if (got == 0) break;
      n += got;
    }
    head.resize(n);
    std::string plain = head;
    if (IsGzip(head)) Gunzip(head, 1 << 20, &plain);  // a prefix: the error for the cut member is expected
    InputFormat format = options_.reader.format == InputFormat::kAuto ? SniffFormat(plain) : options_.reader.format;
    FILE* f = ReplayThenRead(std::move(head), stdin);
    if (!f) return Problem(display, Status::IoError("standard input could not be read").WithContext(display), "unreadable input");
    if (format == InputFormat::kWarc) {
      std::unique_ptr<WarcReader> reader = WarcReader::FromFile(display, f, WarcOptionsFor());  // closes f
      return ReadWarc(reader.get(), display, start);
    }
    if (format == InputFormat::kJsonl) {
      ReadJsonl(f, display, start);
    } else if (format == InputFormat::kHtml) {
      ReadHtml(f, display);
    } else {  // text, CoNLL: one document or a few, read whole as before
      std::string bytes;
      Status s = ReadUpTo(f, options_.reader.max_input_bytes, &bytes);
      if (!s.ok()) {
        Problem(display, s.WithContext(display), "unreadable input");
      } else {
        ParseInput(display, std::move(bytes), options_.reader, [&](Document&& doc) { PushDocument(display, std::move(doc)); },
                   [&](const Status& e) { Problem(display, e, "invalid document"); });
      }
    }
    std::fclose(f);
  }

  WarcOptions WarcOptionsFor() const {
    WarcOptions warc;
    warc.max_record_bytes = options_.max_document_bytes;
    return warc;
  }

  void TooLarge(const std::string& display, uint64_t size, bool more = false) {
    auto* item = new Item;
    item->kind = Item::Kind::kProblem;
    item->source = display;
    item->skip_reason = "too large";
    item->problem = Status::InvalidInput("page of " + std::string(more ? "more than " : "") + std::to_string(size) +
                                         " bytes exceeds the limit of " + std::to_string(options_.max_document_bytes) +
                                         " bytes; skipped")
                        .WithContext(display);
    Push(item);
  }

  void PushDocument(const std::string& display, Document&& doc) {
    auto* item = new Item;
    item->kind = Item::Kind::kDocument;
    item->source = display;
    item->doc = std::move(doc);
    Push(item);
  }

  bool SniffWarc(const std::string& file) {
    if (file == "-") return false;  // standard input cannot be read twice: sniffed by ReadStdin
    std::ifstream in(file, std::ios::binary);
    char head[512] = {};
    in.read(head, sizeof(head));
    std::string bytes(head, static_cast<size_t>(in.gcount()));
    if (IsGzip(bytes)) {
      std::string plain;
      Gunzip(bytes, 1 << 20, &plain);  // a prefix: the error for the cut member is expected
      bytes = plain;
    }
    return bytes.compare(0, 5, "WARC/") == 0 || bytes.compare(0, 11, "filedesc://") == 0;
  }

  void ReadWarc(WarcReader* reader, const std::string& display, uint64_t start) {
    auto* item = new Item;
    while (reader->Next(&item->record)) {
      if (cancel_->load()) break;
      bytes_done_ = start + reader->position();
      item->kind = Item::Kind::kRecord;
      item->source = display + ": byte " + std::to_string(item->record.offset);
      Push(item);
      item = new Item;
    }
    delete item;
    if (!reader->status().ok()) Problem(display, reader->status(), "damaged input");
  }

  // One page, read whole (it is one document: the size limit bounds it).
  void ReadHtml(FILE* f, const std::string& display) {
    std::string bytes;
    Status s = ReadUpTo(f, options_.max_document_bytes, &bytes);
    if (!s.ok() && s.code() != Status::Code::kIoError) return TooLarge(display, bytes.size(), true);
    if (!s.ok()) return Problem(display, s.WithContext(display), "unreadable input");
    if (IsGzip(bytes)) {
      std::string plain;
      s = Gunzip(bytes, options_.max_document_bytes, &plain);
      if (!s.ok()) return Problem(display, s.WithContext(display), "damaged input");
      bytes = std::move(plain);
    }
    auto* item = new Item;
    item->kind = Item::Kind::kPage;
    item->source = display;
    item->page.source = display;
    if (display != "<stdin>") {
      std::string base = display.substr(display.find_last_of('/') == std::string::npos ? 0 : display.find_last_of('/') + 1);
      for (std::string_view ext : {".gz", ".html", ".htm", ".xhtml"}) {
        if (EndsWith(base, ext)) base.resize(base.size() - ext.size());
      }
      item->page.id = base;
    }
    item->page.bytes = std::move(bytes);
    Push(item);
  }

  // JSONL, plain or gzip, a line at a time: memory does not grow with the file, and a line over the size
  // limit is passed over without being held.
  void ReadJsonl(FILE* f, const std::string& display, uint64_t start) {
    LineStream in(display, f);
    std::string line;
    LineInfo info;
    bool any = false;
    while (!cancel_->load() && in.Next(&line, options_.max_document_bytes, &info)) {
      bytes_done_ = start + in.position();
      if (!info.too_long && line.find_first_not_of(" \t") == std::string::npos) continue;
      any = true;
      std::string where = display + ": line " + std::to_string(info.number) + " (byte " + std::to_string(info.offset) +
                          (in.gzip() ? " of the decompressed data)" : ")");
      auto* item = new Item;
      item->source = where;
      if (info.too_long) {
        item->kind = Item::Kind::kProblem;
        item->skip_reason = "too large";
        item->problem = Status::InvalidInput("record of " + std::to_string(info.length) + " bytes exceeds the limit; skipped")
                            .WithContext(where);
      } else {
        item->kind = Item::Kind::kJsonLine;
        item->line = std::move(line);
      }
      Push(item);
    }
    if (!in.status().ok()) Problem(display, in.status(), "damaged input");
    else if (!any) Problem(display, Status::InvalidInput("empty input: no JSON lines").WithContext(display), "invalid document");
  }

  void ReadDocuments(const std::string& file, const std::string& display) {
    ReaderOptions o = options_.reader;
    Status s = ReadInput(
        file, o,
        [&](Document&& doc) { PushDocument(display, std::move(doc)); },
        [&](const Status& e) { Problem(display, e, "invalid document"); });
    if (!s.ok()) Problem(display, s, "unreadable input");
  }

  Validators Known(const std::string& url) const {
    if (!options_.validators) return {};
    auto it = options_.validators->find(url);
    return it == options_.validators->end() ? Validators() : it->second;
  }

  // The outcome of fetching `url`: false (and reported) on failure or when unchanged.
  bool Accept(const std::string& url, Fetched&& fetched, FetchResult* result) {
    if (!fetched.status.ok()) {
      Problem(url, fetched.status, "fetch failed");
      return false;
    }
    *result = std::move(fetched.result);
    if (options_.validators && (!result->validators.etag.empty() || !result->validators.last_modified.empty())) {
      (*options_.validators)[url] = result->validators;
    }
    if (result->not_modified) {
      auto* item = new Item;
      item->kind = Item::Kind::kNothing;
      item->passed_over = true;
      item->counts_as_read = false;
      Push(item);
      return false;
    }
    return true;
  }

  void PushPage(const std::string& url, FetchResult&& result, const std::optional<std::string>& date) {
    auto* item = new Item;
    item->kind = Item::Kind::kPage;
    item->source = url;
    item->page.source = url;
    item->page.url = result.final_url.empty() ? url : result.final_url;
    item->page.content_type = result.content_type;
    item->page.date = date.value_or("");
    item->page.bytes = std::move(result.body);
    Push(item);
  }

  static bool IsFeed(const FetchResult& result) {
    std::string type = result.content_type;
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return type.find("rss") != std::string::npos || type.find("atom") != std::string::npos ||
           (type.find("xml") != std::string::npos && type.find("xhtml") == std::string::npos) ||
           (type.find("html") == std::string::npos && LooksLikeFeed(result.body) && !LooksLikeHtml(result.body));
  }

  // A URL to fetch: an input (a page or a feed) or an item of a feed (a page).
  struct Pending {
    std::string url;
    bool input = true;
    std::optional<std::string> date;  // a feed item's
    bool started = false;
    std::future<Fetched> fetched;
  };

  // Consecutive URL inputs. Their fetches (and those of the feeds' items) run ahead of the output, at
  // most 2 × FetchOptions::parallel pages queued, in flight or done, spread over hosts by the Fetcher;
  // results are taken in input order. A feed's items are asked for only once the feed is read, and at
  // most max_feed_items of them.
  void ReadUrls(const std::vector<std::string>& urls) {
    std::deque<Pending> pending;
    for (const std::string& url : urls) pending.push_back(Pending{url, true, std::nullopt, false, {}});
    const size_t ahead = 2 * static_cast<size_t>(std::max(1, options_.fetch.parallel));
    size_t running = 0;
    while (!pending.empty() && !cancel_->load()) {
      for (Pending& p : pending) {
        if (running >= ahead) break;
        if (p.started) continue;
        p.fetched = fetcher_.Start(p.url, Known(p.url));
        p.started = true;
        ++running;
      }
      Pending p = std::move(pending.front());
      pending.pop_front();
      --running;
      FetchResult result;
      if (!Accept(p.url, p.fetched.get(), &result)) continue;
      if (!p.input || !IsFeed(result)) {
        PushPage(p.url, std::move(result), p.date);
        continue;
      }
      std::vector<FeedItem> items;
      Status s = ParseFeed(result.body, result.final_url.empty() ? p.url : result.final_url, &items);
      if (!s.ok()) {
        Problem(p.url, s.WithContext(p.url), "fetch failed");
        continue;
      }
      if (options_.max_feed_items > 0 && items.size() > options_.max_feed_items) items.resize(options_.max_feed_items);
      for (size_t i = items.size(); i-- > 0;) {
        pending.push_front(Pending{items[i].url, false, items[i].published, false, {}});
      }
    }
  }

  const IngestOptions& options_;
  Queue* queue_;
  std::atomic<bool>* cancel_;
  uint64_t bytes_done_ = 0;
  Fetcher fetcher_;
};

// What a worker does with one item: extract, analyse, format. Never throws, never prints.
void Work(Item* item, const Pipeline& pipeline, const IngestOptions& options, const IngestSinks& sinks) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.max_document_seconds));
  auto skip = [&](const std::string& reason, const Status& s) {
    item->skip_reason = reason;
    item->problem = s;
  };
  if (item->kind == Item::Kind::kNothing) return;
  if (item->kind == Item::Kind::kJsonLine) {
    Status s = ParseJsonlLine(item->line, options.reader, &item->doc);
    item->line = std::string();
    if (!s.ok()) {
      item->kind = Item::Kind::kProblem;
      item->problem = s.WithContext(item->source);
      item->problem_class = "invalid document";
      item->counts_as_read = false;
      return;
    }
    item->kind = Item::Kind::kDocument;
  }
  if (options.read_only) {
    item->passed_over = item->kind == Item::Kind::kRecord;  // every record counts, none is written
    item->counts_as_read = item->kind != Item::Kind::kProblem;
    return;
  }
  if (item->kind == Item::Kind::kRecord) {
    std::string why;
    Status s = RecordToPage(item->record, item->source, &item->page, &why);
    if (!s.ok()) return skip("damaged record", s.WithContext(item->source));
    if (item->record.too_large) return skip("too large", Status::InvalidInput(why + "; skipped").WithContext(item->source));
    if (!why.empty()) {
      item->passed_over = true;
      item->counts_as_read = false;
      return;
    }
    item->record = WarcRecord();  // the page holds what is needed
    item->kind = Item::Kind::kPage;
  }
  if (item->kind == Item::Kind::kPage) {
    if (item->page.bytes.size() > options.max_document_bytes) {
      return skip("too large", Status::InvalidInput("page of " + std::to_string(item->page.bytes.size()) +
                                                    " bytes exceeds the limit; skipped")
                                   .WithContext(item->source));
    }
    ExtractOptions extract;
    extract.deadline = deadline;
    std::string url = item->page.url;
    Status s = PageToDocument(std::move(item->page), options.reader, extract, &item->doc);
    if (!s.ok()) {
      std::string where = item->source + (url.empty() ? "" : " (" + url + ")");
      if (s.message().find("time limit") != std::string::npos) {
        char limit[32];
        std::snprintf(limit, sizeof(limit), "%g", options.max_document_seconds);
        return skip("time limit", Status::InvalidInput(s.message() + " (" + limit + " s); skipped").WithContext(where));
      }
      return skip("no main text", s.WithContext(where));
    }
    item->kind = Item::Kind::kDocument;
  }
  if (item->kind != Item::Kind::kDocument) return;
  if (item->doc.text.size() > options.max_document_bytes) {
    return skip("too large", Status::InvalidInput("document " + item->doc.id + " of " + std::to_string(item->doc.text.size()) +
                                                  " bytes exceeds the limit; skipped")
                                 .WithContext(item->source));
  }
  if (sinks.known && sinks.known(item->doc)) {
    item->known = true;
    item->doc = Document();
    return;
  }
  Status s = pipeline.Process(item->doc);
  if (!s.ok()) return skip("analysis failed", s.WithContext(item->source + ": document " + item->doc.id));
  if (Clock::now() > deadline) {
    char limit[32];
    std::snprintf(limit, sizeof(limit), "%g", options.max_document_seconds);
    return skip("time limit", Status::InvalidInput("document " + item->doc.id + " exceeded the time limit of " + limit +
                                                   " s; skipped")
                                  .WithContext(item->source));
  }
  sinks.format(item->doc, &item->output);
  item->doc = Document();  // the output is what is kept until it is written
}

}  // namespace

uint64_t IngestStats::Skipped() const {
  uint64_t n = 0;
  for (const auto& [reason, count] : skipped) n += count;
  return n;
}

uint64_t IngestStats::Failed() const {
  uint64_t n = 0;
  for (const auto& [reason, count] : failed) n += count;
  return n;
}

Status ExpandInput(const std::string& input, std::vector<std::string>* files) {
  files->clear();
  if (input == "-") {
    files->push_back(input);
    return Status::Ok();
  }
  struct stat st;
  if (stat(input.c_str(), &st) != 0) return Status::IoError(std::strerror(errno)).WithContext(input);
  if (S_ISDIR(st.st_mode)) {
    BRON_RETURN_IF_ERROR(Walk(input, 0, files));
    if (files->empty()) return Status::InvalidInput("the folder holds no file bron reads (.html, .warc, .jsonl, .txt …)").WithContext(input);
    return Status::Ok();
  }
  files->push_back(input);
  return Status::Ok();
}

Status Ingest(const std::vector<std::string>& inputs, const Pipeline& pipeline, const IngestOptions& options,
              const IngestSinks& sinks, IngestStats* stats) {
  *stats = IngestStats();
  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (const std::string& input : inputs) {
    std::vector<std::string> files;
    if (IsUrl(input) || !ExpandInput(input, &files).ok()) continue;
    for (const std::string& f : files) {
      struct stat st;
      if (f != "-" && stat(f.c_str(), &st) == 0) stats->bytes_total += static_cast<uint64_t>(st.st_size);
    }
  }
  Queue queue;
  queue.set_capacity(4 * jobs);
  std::atomic<bool> cancel{false};
  Reader reader(options, &queue, &cancel);
  std::thread reading([&] { reader.Run(inputs); });
  tbb::task_arena arena(jobs);
  // Documents in flight: results are written in input order, so a long article holds back every one read
  // after it; with room for several per worker the other workers go on meanwhile. The price: up to this
  // many analysed documents per worker wait in memory (each at most max_document_bytes of text).
  constexpr int kInFlightPerJob = 8;
  Status result;
  try {
  arena.execute([&] {
    tbb::parallel_pipeline(
        static_cast<size_t>(kInFlightPerJob * jobs),
        tbb::make_filter<void, Item*>(tbb::filter_mode::serial_in_order,
                                      [&](tbb::flow_control& fc) -> Item* {
                                        Item* item = nullptr;
                                        queue.pop(item);
                                        if (item->kind == Item::Kind::kEnd) {
                                          delete item;
                                          fc.stop();
                                          return nullptr;
                                        }
                                        return item;
                                      }) &
            tbb::make_filter<Item*, Item*>(tbb::filter_mode::parallel,
                                           [&](Item* item) {
                                             Work(item, pipeline, options, sinks);
                                             return item;
                                           }) &
            tbb::make_filter<Item*, void>(tbb::filter_mode::serial_in_order, [&](Item* item) {
              std::unique_ptr<Item> owned(item);
              stats->bytes_done = std::max(stats->bytes_done, item->bytes_done);
              if (item->counts_as_read) ++stats->read;
              if (item->passed_over) ++stats->passed_over;
              if (item->kind == Item::Kind::kProblem && item->skip_reason.empty()) {
                ++stats->failed[item->problem_class];
                sinks.problem(item->problem);
              } else if (!item->skip_reason.empty()) {
                std::string reason = item->skip_reason;
                if (reason == "damaged record") ++stats->failed[reason];
                else ++stats->skipped[reason];
                sinks.problem(item->problem);
              } else if (item->known) {
                ++stats->known;
              } else if (!item->passed_over && !options.read_only) {
                sinks.write(item->output);
                ++stats->written;
              }
              if (sinks.progress) sinks.progress(*stats);
            }));
  });
  } catch (const std::exception& e) {  // a sink threw (out of memory): stop the reader and report
    cancel = true;
    Item* item = nullptr;
    do {
      queue.pop(item);
      bool end = item->kind == Item::Kind::kEnd;
      delete item;
      if (end) break;
    } while (true);
    result = Status::Internal(std::string("ingest stopped: ") + e.what());
  }
  reading.join();
  if (result.ok()) stats->bytes_done = std::max(stats->bytes_done, stats->bytes_total);
  return result;
}

}  // namespace bron
