// Writers: a Document as bron/1 JSON (docs: ../shared/design/output.md), CoNLL-U, or readable text.
// Each appends to `out`; spans are turned from byte offsets into code point offsets on the way.
#ifndef BRON_IO_WRITER_H_
#define BRON_IO_WRITER_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "bron/document.h"
#include "bron/status.h"

namespace bron {

enum class OutputFormat { kJson, kJsonl, kConllu, kText };

Status ParseOutputFormat(std::string_view name, OutputFormat* format);

// Called by writers of long outputs whenever `buffer` has grown past a megabyte, so that a huge
// document is written out sentence by sentence instead of held whole; the callee empties it.
using FlushFunction = std::function<void(std::string& buffer)>;

struct WriteOptions {
  OutputFormat format = OutputFormat::kJson;
  bool tokens = false;                     // include the token layer in JSON and text
  std::vector<std::string_view> stages;    // the stages that ran: their layers are written
  FlushFunction flush;                     // optional
};

void WriteDocument(const Document& doc, const WriteOptions& options, std::string* out);

void WriteJson(const Document& doc, const WriteOptions& options, bool pretty, std::string* out);
void WriteConllu(const Document& doc, std::string* out, const FlushFunction& flush = nullptr);
void WriteText(const Document& doc, const WriteOptions& options, std::string* out);

}  // namespace bron

#endif  // BRON_IO_WRITER_H_
