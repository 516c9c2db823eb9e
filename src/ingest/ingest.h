// Ingest: many inputs (files, folders, "-") through the pipeline in parallel, in input order, with
// bounded memory.
//
//   IngestOptions o;  o.jobs = 8;
//   IngestSinks sinks;
//   sinks.format = [&](const Document& d, std::string* out) { WriteDocument(d, w, out); };  // any thread
//   sinks.write = [&](const std::string& s) { fwrite(...); };                             // in input order
//   sinks.problem = [&](const Status& s) { print(s); };          // "a.warc.gz: byte 4096: ...", in order
//   IngestStats stats;
//   Ingest({"news/", "cc.warc.gz"}, *pipeline, o, sinks, &stats);
//
// One thread reads the inputs (a folder: its files by type, recursively, in name order; WARC and ARC
// records one at a time) into a queue of at most 4 × jobs items; oneTBB's parallel_pipeline extracts
// pages, analyses and formats documents on `jobs` threads, and hands the results back in input order.
// A document over the size limit, or whose extraction and analysis run past the time limit, is skipped
// and reported; damaged input is reported with its byte offset and what came before it is kept.
#ifndef BRON_INGEST_INGEST_H_
#define BRON_INGEST_INGEST_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "bron/document.h"
#include "bron/pipeline.h"
#include "bron/status.h"
#include "ingest/fetch.h"
#include "io/reader.h"

namespace bron {

struct IngestOptions {
  int jobs = 0;                                  // threads; 0: one per core
  size_t max_document_bytes = size_t{50} << 20;  // larger pages and texts are skipped
  double max_document_seconds = 30;              // extraction + analysis of one document
  ReaderOptions reader;                          // lang, published, lenient for every input
  bool read_only = false;  // read and check the inputs only: no extraction, analysis or output
  // URLs: a page, or an RSS/Atom feed whose item links are fetched (at most max_feed_items, 0: all).
  FetchOptions fetch;
  size_t max_feed_items = 0;
  // Validators (ETag, Last-Modified) by URL, from earlier runs, for conditional requests; updated with
  // what this run fetched. May be null. Used by the reading thread only.
  std::map<std::string, Validators>* validators = nullptr;
};

struct IngestStats {
  uint64_t read = 0;     // documents and pages read from the inputs
  uint64_t written = 0;  // analysed and written
  uint64_t passed_over = 0;  // WARC records that are not HTML pages (requests, images, redirects, …)
  uint64_t known = 0;        // already stored (IngestSinks::known): not analysed again
  std::map<std::string, uint64_t> skipped;  // reason => count (too large, time limit, no main text)
  std::map<std::string, uint64_t> failed;   // reason => count (damaged input, unreadable file, …)
  uint64_t bytes_done = 0;   // input bytes consumed
  uint64_t bytes_total = 0;  // size of all input files (0 when unknown: standard input)
  uint64_t Skipped() const;
  uint64_t Failed() const;
};

struct IngestSinks {
  std::function<void(const Document&, std::string*)> format;  // called on worker threads
  std::function<void(const std::string&)> write;             // in input order, one thread
  std::function<void(const Status&)> problem;                // in input order, one thread
  std::function<void(const IngestStats&)> progress;          // after each document, one thread
  // Optional, on worker threads, before analysis: true when the document is stored already (the store's
  // content hash); it is then counted in `known` and neither analysed nor written again.
  std::function<bool(const Document&)> known;
};

// Inputs may also be http(s) URLs (a page or a feed; see IngestOptions).
// The files an input names: itself, or for a folder every file of a type bron reads (.html, .htm,
// .warc, .arc, .jsonl, .txt, and their .gz), recursively, sorted by path.
Status ExpandInput(const std::string& input, std::vector<std::string>* files);

// Returns an error only when nothing could be started (the pipeline is unusable); problems with inputs
// and documents go to `sinks.problem` and into `stats`.
Status Ingest(const std::vector<std::string>& inputs, const Pipeline& pipeline, const IngestOptions& options,
              const IngestSinks& sinks, IngestStats* stats);

}  // namespace bron

#endif  // BRON_INGEST_INGEST_H_
