// JSONL input: one object a line, {"id","title","text","published","url","lang","site"|"publisher","author"}.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "io/reader.h"

namespace bron {
namespace {

// A string member, or nullopt when absent or null. Numbers are accepted for ids.
std::optional<std::string> Member(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || it->value.IsNull()) return std::nullopt;
  if (it->value.IsString()) return std::string(it->value.GetString(), it->value.GetStringLength());
  if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
  if (it->value.IsUint64()) return std::to_string(it->value.GetUint64());
  return std::nullopt;
}

Status ParseRecord(std::string_view line, size_t line_offset, const ReaderOptions& options, Document* doc) {
  rapidjson::Document json;
  // Insitu parsing would need a mutable copy; this copies strings once, which is cheap next to analysis.
  json.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
  if (json.HasParseError()) {
    return Status::InvalidInput("column " + std::to_string(json.GetErrorOffset() + 1) + ": " +
                                rapidjson::GetParseError_En(json.GetParseError()));
  }
  if (!json.IsObject()) return Status::InvalidInput("expected a JSON object");
  auto text_it = json.FindMember("text");
  if (text_it == json.MemberEnd() || !text_it->value.IsString()) {
    return Status::InvalidInput("the object has no \"text\" string");
  }
  doc->text.assign(text_it->value.GetString(), text_it->value.GetStringLength());
  // The text itself may hold NUL bytes (\u0000); offsets count from the start of the text.
  Status s = CheckText(&doc->text, options.lenient, 0, doc);
  if (!s.ok()) return Status::InvalidInput("\"text\": " + s.message());
  bool blank = true;
  for (char c : doc->text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      blank = false;
      break;
    }
  }
  if (blank) return Status::InvalidInput("\"text\" is empty");

  auto id = Member(json, "id");
  doc->id = id ? *id : ContentId(doc->text);
  doc->title = Member(json, "title");
  doc->url = Member(json, "url");
  doc->site = Member(json, "site");
  if (!doc->site) doc->site = Member(json, "publisher");
  doc->author = Member(json, "author");
  doc->published = Member(json, "published");
  if (!doc->published) doc->published = Member(json, "date");
  if (!doc->published) doc->published = options.published;
  auto lang = Member(json, "lang");
  doc->lang = !options.lang.empty() ? options.lang : lang ? *lang : "";
  return Status::Ok();
}

}  // namespace

void ParseJsonl(const std::string& name, std::string_view bytes, const ReaderOptions& options,
                const DocumentCallback& on_document, const ErrorCallback& on_error) {
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
    Status s = ParseRecord(line, line_offset, options, &doc);
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
