// JSONL input: one object a line, {"id","title","text","published","url","lang","site"|"publisher","author"}.
#include <simdjson.h>

#include "io/reader.h"

namespace bron {
namespace {

// A string member, or nullopt when absent or null. Integers are accepted for ids.
std::optional<std::string> Member(simdjson::dom::object object, const char* key) {
  simdjson::dom::element value;
  if (object[key].get(value) != simdjson::SUCCESS || value.is_null()) return std::nullopt;
  std::string_view s;
  if (value.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  int64_t i;
  if (value.get_int64().get(i) == simdjson::SUCCESS) return std::to_string(i);
  uint64_t u;
  if (value.get_uint64().get(u) == simdjson::SUCCESS) return std::to_string(u);
  return std::nullopt;
}

Status ParseRecord(simdjson::dom::parser& parser, std::string_view line, const ReaderOptions& options,
                   Document* doc) {
  simdjson::dom::element root;
  auto error = parser.parse(line.data(), line.size(), /*realloc_if_needed=*/true).get(root);
  if (error) return Status::InvalidInput(std::string("invalid JSON: ") + simdjson::error_message(error));
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return Status::InvalidInput("expected a JSON object");
  std::string_view text;
  if (object["text"].get_string().get(text) != simdjson::SUCCESS) {
    return Status::InvalidInput("the object has no \"text\" string");
  }
  doc->text.assign(text);
  // The text itself may hold NUL bytes (\u0000); offsets count from the start of the text.
  Status s = CheckText(&doc->text, options.lenient, 0, doc);
  if (!s.ok()) return Status::InvalidInput("\"text\": " + s.message());
  if (doc->text.find_first_not_of(" \t\r\n") == std::string::npos) return Status::InvalidInput("\"text\" is empty");

  auto id = Member(object, "id");
  doc->id = id ? *id : ContentId(doc->text);
  doc->title = Member(object, "title");
  doc->url = Member(object, "url");
  doc->site = Member(object, "site");
  if (!doc->site) doc->site = Member(object, "publisher");
  doc->author = Member(object, "author");
  doc->published = Member(object, "published");
  if (!doc->published) doc->published = Member(object, "date");
  if (!doc->published) doc->published = options.published;
  auto lang = Member(object, "lang");
  doc->lang = !options.lang.empty() ? options.lang : lang ? *lang : "";
  return Status::Ok();
}

}  // namespace

Status ParseJsonlLine(std::string_view line, const ReaderOptions& options, Document* doc) {
  thread_local simdjson::dom::parser parser;  // keeps its buffers between lines of one thread
  return ParseRecord(parser, line, options, doc);
}

void ParseJsonl(const std::string& name, std::string_view bytes, const ReaderOptions& options,
                const DocumentCallback& on_document, const ErrorCallback& on_error) {
  simdjson::dom::parser parser;
  size_t pos = 0, line_number = 0;
  bool any = false;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    std::string_view line = bytes.substr(pos, end - pos);
    size_t line_offset = pos;
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    any = true;
    Document doc;
    Status s = ParseRecord(parser, line, options, &doc);
    if (!s.ok()) {
      on_error(Status::InvalidInput("line " + std::to_string(line_number) + " (byte " +
                                    std::to_string(line_offset) + "): " + s.message())
                   .WithContext(name));
      continue;
    }
    on_document(std::move(doc));
  }
  if (!any) on_error(Status::InvalidInput("empty input: no JSON lines").WithContext(name));
}

}  // namespace bron
