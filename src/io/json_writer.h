// JsonWriter: streams JSON into a string, compact or indented, escaping as RFC 8259 requires. It keeps
// no document in memory: the analysis is written straight from the Document.
//
//   JsonWriter w(&out, /*pretty=*/false);
//   w.StartObject(); w.Key("id"); w.String("seed"); w.EndObject();   // {"id":"seed"}
#ifndef BRON_IO_JSON_WRITER_H_
#define BRON_IO_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bron {

class JsonWriter {
 public:
  JsonWriter(std::string* out, bool pretty) : out_(out), pretty_(pretty) {}

  void StartObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void StartArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  void String(std::string_view value);
  void OptionalString(const std::optional<std::string>& value);
  void Uint(uint64_t value);
  void Double(double value);
  void Bool(bool value);
  void Null();

  // Appends `s` as a JSON string literal (with quotes) to `out`.
  static void AppendEscaped(std::string_view s, std::string* out);

 private:
  void Open(char bracket);
  void Close(char bracket);
  void BeforeValue();
  void Newline();

  std::string* out_;  // borrowed: the caller's buffer
  bool pretty_;
  std::vector<bool> has_items_;  // per open container: something was written in it
  bool after_key_ = false;
};

}  // namespace bron

#endif  // BRON_IO_JSON_WRITER_H_
