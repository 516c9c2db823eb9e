#include "io/reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <openssl/evp.h>

#include "base/utf8.h"
#include "ingest/gzip.h"
#include "ingest/page.h"
#include "ingest/warc_reader.h"

namespace bron {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

InputFormat FormatFromName(std::string_view name) {
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson")) return InputFormat::kJsonl;
  if (EndsWith(name, ".conllu")) return InputFormat::kConllu;
  if (EndsWith(name, ".conll") || EndsWith(name, ".train") || EndsWith(name, ".testa") ||
      EndsWith(name, ".testb") || EndsWith(name, ".bio") || EndsWith(name, ".iob")) {
    return InputFormat::kConll;
  }
  if (EndsWith(name, ".txt") || EndsWith(name, ".text")) return InputFormat::kText;
  if (EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".xhtml")) return InputFormat::kHtml;
  if (EndsWith(name, ".warc") || EndsWith(name, ".arc") || EndsWith(name, ".warc.gz") || EndsWith(name, ".arc.gz")) {
    return InputFormat::kWarc;
  }
  return InputFormat::kAuto;
}

InputFormat FormatFromContent(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) ++i;
  std::string_view rest = bytes.substr(i);
  if (!rest.empty() && rest[0] == '{') return InputFormat::kJsonl;
  if (rest.substr(0, 5) == "WARC/" || rest.substr(0, 11) == "filedesc://") return InputFormat::kWarc;
  if (LooksLikeHtml(rest)) return InputFormat::kHtml;
  if (rest.substr(0, 10) == "-DOCSTART-") return InputFormat::kConll;
  std::string_view line = rest.substr(0, rest.find('\n'));
  if (line.substr(0, 1) == "#" || (!line.empty() && line[0] >= '1' && line[0] <= '9')) {
    size_t tabs = 0;
    for (char c : line) tabs += c == '\t';
    if (tabs == 9 || line.substr(0, 1) == "#") {
      // A CoNLL-U file starts with comments or a token line of ten columns.
      std::string_view probe = rest.substr(0, 4096);
      size_t pos = 0;
      while (pos < probe.size()) {
        size_t nl = probe.find('\n', pos);
        std::string_view l = probe.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        if (!l.empty() && l[0] != '#') {
          size_t t = 0;
          for (char c : l) t += c == '\t';
          return t == 9 ? InputFormat::kConllu : InputFormat::kText;
        }
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
      }
    }
  }
  return InputFormat::kText;
}

// The name of a file without folders and extensions: "examples/seed.nl.txt" => "seed".
std::string Stem(const std::string& name) {
  size_t slash = name.find_last_of('/');
  std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
  size_t dot = base.find('.');
  if (dot != std::string::npos && dot > 0) base = base.substr(0, dot);
  return base;
}

Status ReadAll(const std::string& name, size_t limit, std::string* out) {
  FILE* f = stdin;
  if (name != "-") {
    struct stat st;
    if (stat(name.c_str(), &st) != 0) return Status::IoError(std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return Status::IoError("is a directory (bron analyze reads files; folders come with bron ingest)");
    if (static_cast<size_t>(st.st_size) > limit) {
      return Status::InvalidInput("input of " + std::to_string(st.st_size) + " bytes exceeds the limit of " +
                                  std::to_string(limit) + " bytes");
    }
    f = std::fopen(name.c_str(), "rb");
    if (!f) return Status::IoError(std::strerror(errno));
    out->reserve(static_cast<size_t>(st.st_size));
  }
  char buffer[1 << 16];
  size_t n;
  Status status;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) {
    if (out->size() + n > limit) {
      status = Status::InvalidInput("input exceeds the limit of " + std::to_string(limit) + " bytes");
      break;
    }
    out->append(buffer, n);
  }
  if (status.ok() && std::ferror(f)) status = Status::IoError(std::strerror(errno));
  if (f != stdin) std::fclose(f);
  return status;
}

}  // namespace

Status ParseInputFormat(std::string_view name, InputFormat* format) {
  if (name == "auto") *format = InputFormat::kAuto;
  else if (name == "text") *format = InputFormat::kText;
  else if (name == "jsonl") *format = InputFormat::kJsonl;
  else if (name == "conll") *format = InputFormat::kConll;
  else if (name == "conllu") *format = InputFormat::kConllu;
  else if (name == "html") *format = InputFormat::kHtml;
  else if (name == "warc") *format = InputFormat::kWarc;
  else return Status::Usage("unknown input format '" + std::string(name) + "' (expected text, jsonl, conll, conllu, html, warc or auto)");
  return Status::Ok();
}

std::string_view InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kText: return "text";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kConll: return "conll";
    case InputFormat::kConllu: return "conllu";
    case InputFormat::kHtml: return "html";
    case InputFormat::kWarc: return "warc";
  }
  return "auto";
}

std::string ContentId(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string id = "sha256:";
  for (int i = 0; i < 8; ++i) {
    id.push_back(kHex[digest[i] >> 4]);
    id.push_back(kHex[digest[i] & 15]);
  }
  return id;
}

Status CheckText(std::string* text, bool lenient, size_t base_offset, Document* doc) {
  Utf8Problem problem;
  if (CheckUtf8(*text, &problem)) return Status::Ok();
  if (!lenient) {
    return Status::InvalidInput("byte " + std::to_string(base_offset + problem.offset) + ": " + problem.what +
                                " (use --lenient to replace bad bytes)");
  }
  size_t replaced = 0;
  *text = RepairUtf8(*text, &replaced);
  if (doc) {
    doc->notes.push_back({"read", "replaced " + std::to_string(replaced) +
                                      " invalid UTF-8 sequence(s) or NUL byte(s), the first at byte " +
                                      std::to_string(base_offset + problem.offset)});
  }
  return Status::Ok();
}

void ParseText(const std::string& name, std::string bytes, const ReaderOptions& options,
               const DocumentCallback& on_document, const ErrorCallback& on_error) {
  Document doc;
  size_t skipped = 0;
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {  // a byte order mark is not text
    bytes.erase(0, 3);
    skipped = 3;
  }
  Status s = CheckText(&bytes, options.lenient, skipped, &doc);
  if (!s.ok()) return on_error(s.WithContext(name));
  bool blank = true;
  for (char c : bytes) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      blank = false;
      break;
    }
  }
  if (blank) {
    return on_error(Status::InvalidInput(bytes.empty() ? "empty input (0 bytes)" : "input holds only white space")
                        .WithContext(name));
  }
  doc.text = std::move(bytes);
  doc.id = name == "<stdin>" ? ContentId(doc.text) : Stem(name);
  doc.lang = options.lang;
  doc.published = options.published;
  on_document(std::move(doc));
}

void ParseInput(const std::string& name, std::string bytes, const ReaderOptions& options,
                const DocumentCallback& on_document, const ErrorCallback& on_error) {
  InputFormat format = options.format;
  if (format == InputFormat::kAuto) format = FormatFromName(name);
  if (IsGzip(bytes) && format != InputFormat::kWarc) {
    // A compressed page or dump: WARC keeps its members (their offsets name records); the rest is unpacked.
    std::string plain;
    Status s = Gunzip(bytes, options.max_input_bytes, &plain);
    if (!s.ok()) return on_error(s.WithContext(name));
    if (format == InputFormat::kAuto && FormatFromContent(plain) == InputFormat::kWarc) {
      return ParseWarc(name, std::move(bytes), options, on_document, on_error);
    }
    if (IsGzip(plain)) return on_error(Status::InvalidInput("gzip inside gzip is not read").WithContext(name));
    std::string inner = EndsWith(name, ".gz") ? name.substr(0, name.size() - 3) : name;
    if (format == InputFormat::kAuto) format = FormatFromName(inner);
    if (format == InputFormat::kAuto) format = FormatFromContent(plain);
    ReaderOptions o = options;
    o.format = format;
    return ParseInput(name, std::move(plain), o, on_document, on_error);
  }
  if (format == InputFormat::kAuto) format = FormatFromContent(bytes);
  switch (format) {
    case InputFormat::kHtml: return ParseHtml(name, std::move(bytes), options, on_document, on_error);
    case InputFormat::kWarc: return ParseWarc(name, std::move(bytes), options, on_document, on_error);
    case InputFormat::kJsonl: return ParseJsonl(name, bytes, options, on_document, on_error);
    case InputFormat::kConllu: return ParseConllu(name, bytes, options, on_document, on_error);
    case InputFormat::kConll: return ParseConll(name, bytes, options, on_document, on_error);
    default: return ParseText(name, std::move(bytes), options, on_document, on_error);
  }
}

Status ReadInput(const std::string& name, const ReaderOptions& options, const DocumentCallback& on_document,
                 const ErrorCallback& on_error) {
  const std::string display = name == "-" ? "<stdin>" : name;
  std::string bytes;
  Status s = ReadAll(name, options.max_input_bytes, &bytes);
  if (!s.ok()) return s.WithContext(display);
  ParseInput(display, std::move(bytes), options, on_document, on_error);
  return Status::Ok();
}

}  // namespace bron
