// Readers: turn an input (a file, or "-" for stdin) into Documents.
//
//   ReadInput("news.jsonl", options,
//             [&](Document&& d) { ... },              // each document, in input order
//             [&](const Status& e) { ... });          // each problem ("news.jsonl:17: ...")
//
// A broken record (a JSONL line, a CoNLL-U sentence) is reported through `on_error` and skipped;
// the rest of the input is still read. The returned Status is an error only when the input could
// not be read at all (missing file, a directory, too large).
#ifndef BRON_IO_READER_H_
#define BRON_IO_READER_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "bron/document.h"
#include "bron/status.h"

namespace bron {

enum class InputFormat { kAuto, kText, kJsonl, kConll, kConllu, kHtml, kWarc };

Status ParseInputFormat(std::string_view name, InputFormat* format);
std::string_view InputFormatName(InputFormat format);

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  bool lenient = false;              // replace invalid UTF-8 and NUL bytes instead of failing
  std::string lang;                  // set on every document when not empty (overrides the input's)
  std::optional<std::string> published;  // for documents that do not carry a date
  size_t max_input_bytes = size_t{2} << 30;  // inputs larger than this are refused
  size_t max_page_bytes = size_t{50} << 20;  // HTML pages (files, WARC records) larger than this are skipped
};

using DocumentCallback = std::function<void(Document&&)>;
using ErrorCallback = std::function<void(const Status&)>;

Status ReadInput(const std::string& name, const ReaderOptions& options, const DocumentCallback& on_document,
                 const ErrorCallback& on_error);

// The same on bytes already in memory; `name` is used in messages and ids. For tests and fuzzers.
void ParseInput(const std::string& name, std::string bytes, const ReaderOptions& options,
                const DocumentCallback& on_document, const ErrorCallback& on_error);

// Individual formats (bytes in memory). Exposed for tests and fuzzers.
void ParseText(const std::string& name, std::string bytes, const ReaderOptions& options,
               const DocumentCallback& on_document, const ErrorCallback& on_error);
void ParseJsonl(const std::string& name, std::string_view bytes, const ReaderOptions& options,
                const DocumentCallback& on_document, const ErrorCallback& on_error);
// One JSONL record (a line without its line break) into `doc`; an error says what is wrong with it.
Status ParseJsonlLine(std::string_view line, const ReaderOptions& options, Document* doc);
void ParseConllu(const std::string& name, std::string_view bytes, const ReaderOptions& options,
                 const DocumentCallback& on_document, const ErrorCallback& on_error);
void ParseConll(const std::string& name, std::string_view bytes, const ReaderOptions& options,
                const DocumentCallback& on_document, const ErrorCallback& on_error);

// "sha256:" + the first 16 hex digits of the SHA-256 of `text`.
std::string ContentId(std::string_view text);

// Checks `text` as UTF-8 text. With `lenient` repairs it (and adds a note to `doc`); otherwise
// returns an error naming the byte offset (counted from `base_offset`).
Status CheckText(std::string* text, bool lenient, size_t base_offset, Document* doc);

}  // namespace bron

#endif  // BRON_IO_READER_H_
