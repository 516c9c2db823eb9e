#include "ingest/warc_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "ingest/gzip.h"

namespace bron {
namespace {

constexpr size_t kChunk = 1 << 16;
constexpr size_t kMaxHeaderLine = 1 << 16;
constexpr int kMaxHeaderLines = 1000;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool ParseUnsigned(std::string_view s, uint64_t* value) {
  s = TrimView(s);
  if (s.empty() || s.size() > 18) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *value = v;
  return true;
}

std::string Printable(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 40)) out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  return out;
}

// Undoes chunked transfer encoding; false when `in` is not well-formed chunks.
bool Dechunk(std::string_view in, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (true) {
    size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    std::string_view line = TrimView(in.substr(pos, nl - pos));
    line = line.substr(0, line.find(';'));
    if (line.empty() || line.size() > 15) return false;
    uint64_t size = 0;
    for (char c : line) {
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      size = size * 16 + static_cast<uint64_t>(d);
    }
    pos = nl + 1;
    if (size == 0) return true;
    if (size > in.size() - pos) return false;
    out->append(in.substr(pos, size));
    pos += size;
    if (in.substr(pos, 2) == "\r\n") pos += 2;
    else if (in.substr(pos, 1) == "\n") pos += 1;
    else return false;
  }
}

}  // namespace

struct WarcReader::Inflater {
  z_stream z{};
  bool active = false;  // inside a member
  bool ready = false;   // inflateInit2 done
  ~Inflater() {
    if (ready) inflateEnd(&z);
  }
};

WarcReader::WarcReader(std::string name, FILE* file, bool owns, const WarcOptions& options)
    : name_(std::move(name)), file_(file), owns_file_(owns), options_(options), inflater_(new Inflater) {
  raw_.resize(kChunk);
}

WarcReader::~WarcReader() {
  if (owns_file_ && file_) std::fclose(file_);
}

Status WarcReader::Open(const std::string& path, const WarcOptions& options, std::unique_ptr<WarcReader>* out) {
  const std::string display = path == "-" ? "<stdin>" : path;
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return Status::IoError(std::strerror(errno)).WithContext(display);
  out->reset(new WarcReader(display, f, path != "-", options));
  return Status::Ok();
}

std::unique_ptr<WarcReader> WarcReader::FromFile(const std::string& name, FILE* file, const WarcOptions& options) {
  return std::unique_ptr<WarcReader>(new WarcReader(name, file, true, options));
}

std::unique_ptr<WarcReader> WarcReader::FromMemory(const std::string& name, std::string bytes,
                                                   const WarcOptions& options) {
  // The reader owns a copy: fmemopen reads from it without a second copy of the decoded data.
  auto* held = new std::string(std::move(bytes));
  FILE* f = held->empty() ? std::fopen("/dev/null", "rb") : fmemopen(held->data(), held->size(), "rb");
  std::unique_ptr<WarcReader> r(new WarcReader(name, f, true, options));
  r->memory_.reset(held);
  return r;
}

bool WarcReader::Fail(uint64_t offset, const std::string& what) {
  if (status_.ok()) status_ = Status::InvalidInput("byte " + std::to_string(offset) + ": " + what).WithContext(name_);
  eof_ = true;
  return false;
}

uint64_t WarcReader::OffsetHere() const {
  if (!gzip_) return decoded_;
  uint64_t offset = 0;
  for (const auto& [decoded, raw] : members_) {
    if (decoded <= decoded_) offset = raw;
  }
  return offset;
}

bool WarcReader::Fill() {
  if (eof_ || !file_) return false;
  if (pos_ > 0 && (pos_ >= buffer_.size() || pos_ > (1u << 20))) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  auto read_raw = [&]() -> bool {  // more compressed (or plain) bytes into raw_
    if (raw_pos_ > 0) {
      std::memmove(raw_.data(), raw_.data() + raw_pos_, raw_end_ - raw_pos_);
      raw_end_ -= raw_pos_;
      raw_pos_ = 0;
    }
    size_t n = std::fread(raw_.data() + raw_end_, 1, raw_.size() - raw_end_, file_);
    if (n == 0 && std::ferror(file_)) {
      Fail(raw_offset_, std::string("read error: ") + std::strerror(errno));
      return false;
    }
    raw_end_ += n;
    return n > 0;
  };
  if (!started_) {
    started_ = true;
    while (raw_end_ < 2 && read_raw()) {
    }
    gzip_ = raw_end_ >= 2 && raw_[0] == '\x1f' && raw_[1] == '\x8b';
    if (!status_.ok()) return false;
  }
  if (!gzip_) {
    if (raw_pos_ == raw_end_ && !read_raw()) {
      eof_ = status_.ok();
      return false;
    }
    buffer_.append(raw_.data() + raw_pos_, raw_end_ - raw_pos_);
    raw_offset_ += raw_end_ - raw_pos_;
    raw_pos_ = raw_end_;
    return true;
  }
  Inflater& in = *inflater_;
  char out[kChunk];
  while (true) {
    if (raw_pos_ == raw_end_ && !read_raw()) {
      if (!status_.ok()) return false;
      if (in.active) return Fail(raw_offset_, "the gzip data ends in the middle of a member (the file is cut)");
      eof_ = true;
      return false;
    }
    if (!in.active) {
      if (raw_end_ - raw_pos_ < 2 && read_raw()) continue;
      if (raw_end_ - raw_pos_ < 2 || raw_[raw_pos_] != '\x1f' || raw_[raw_pos_ + 1] != '\x8b') {
        return Fail(raw_offset_, "data after a gzip member is not gzip (garbage appended, or a damaged file)");
      }
      int r = in.ready ? inflateReset(&in.z) : inflateInit2(&in.z, 16 + 15);
      if (r != Z_OK) return Fail(raw_offset_, "zlib could not be initialised");
      in.ready = true;
      in.active = true;
      members_.emplace_back(decoded_ + (buffer_.size() - pos_), raw_offset_);
    }
    in.z.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
    in.z.avail_in = static_cast<uInt>(raw_end_ - raw_pos_);
    in.z.next_out = reinterpret_cast<Bytef*>(out);
    in.z.avail_out = sizeof(out);
    int r = inflate(&in.z, Z_NO_FLUSH);
    size_t consumed = (raw_end_ - raw_pos_) - in.z.avail_in;
    size_t produced = sizeof(out) - in.z.avail_out;
    if (r != Z_OK && r != Z_STREAM_END && r != Z_BUF_ERROR) {
      return Fail(raw_offset_ + consumed, std::string("corrupt gzip data (") + (in.z.msg ? in.z.msg : "zlib error") + ")");
    }
    raw_pos_ += consumed;
    raw_offset_ += consumed;
    buffer_.append(out, produced);
    if (r == Z_STREAM_END) in.active = false;
    // Members that start before what is still unconsumed, but one, are no longer needed for offsets.
    while (members_.size() > 1 && members_[1].first <= decoded_) members_.erase(members_.begin());
    if (produced > 0) return true;
  }
}

bool WarcReader::ReadLine(std::string* line, size_t max) {
  size_t scanned = pos_;
  while (true) {
    size_t nl = buffer_.find('\n', scanned);
    if (nl != std::string::npos) {
      line->assign(buffer_, pos_, nl - pos_);
      decoded_ += nl + 1 - pos_;
      pos_ = nl + 1;
      return true;
    }
    if (buffer_.size() - pos_ > max) return Fail(OffsetHere(), "a header line longer than " + std::to_string(max) + " bytes");
    size_t keep = buffer_.size() - pos_;
    if (!Fill()) {
      if (!status_.ok()) return false;
      if (buffer_.size() > pos_) {  // a last line without a newline
        line->assign(buffer_, pos_, std::string::npos);
        decoded_ += buffer_.size() - pos_;
        pos_ = buffer_.size();
        return true;
      }
      return false;
    }
    scanned = pos_ + keep;
  }
}

bool WarcReader::ReadBytes(uint64_t n, std::string* out) {
  while (n > 0) {
    if (pos_ == buffer_.size() && !Fill()) return false;
    size_t take = static_cast<size_t>(std::min<uint64_t>(n, buffer_.size() - pos_));
    if (out) out->append(buffer_, pos_, take);
    pos_ += take;
    decoded_ += take;
    n -= take;
  }
  return true;
}

bool WarcReader::Next(WarcRecord* record) {
  *record = WarcRecord();
  if (!status_.ok()) return false;
  std::string line;
  uint64_t offset;
  while (true) {
    offset = OffsetHere();
    if (pos_ == buffer_.size() && !Fill()) return false;
    offset = OffsetHere();
    if (!ReadLine(&line, kMaxHeaderLine)) return false;
    if (!TrimView(line).empty()) break;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.compare(0, 5, "WARC/") == 0) return ReadWarcRecord(line, offset, record);
  if (arc_ || line.compare(0, 11, "filedesc://") == 0) return ReadArcRecord(line, offset, record);
  return Fail(offset, "expected a WARC record (\"WARC/1.0\") or an ARC header, found \"" + Printable(line) + "\"");
}

bool WarcReader::ReadWarcRecord(const std::string& first_line, uint64_t offset, WarcRecord* record) {
  record->offset = offset;
  bool has_length = false;
  std::string line;
  for (int i = 0;; ++i) {
    if (i > kMaxHeaderLines) return Fail(offset, "more than 1000 WARC header lines");
    if (!ReadLine(&line, kMaxHeaderLine)) {
      if (status_.ok()) Fail(offset, "the record ends inside its headers (the file is cut)");
      return false;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;  // tolerated: some writers wrap or garble a header
    std::string key = Lower(TrimView(std::string_view(line).substr(0, colon)));
    std::string_view value = TrimView(std::string_view(line).substr(colon + 1));
    if (key == "warc-type") record->type = Lower(value);
    else if (key == "warc-target-uri") record->target_uri = value;
    else if (key == "warc-date") record->date = value;
    else if (key == "content-type") record->content_type = value;
    else if (key == "content-length") {
      if (!ParseUnsigned(value, &record->length)) return Fail(offset, "Content-Length \"" + Printable(value) + "\" is not a number");
      has_length = true;
    }
  }
  if (!has_length) return Fail(offset, "the WARC record has no Content-Length");
  if (record->target_uri.size() >= 2 && record->target_uri.front() == '<' && record->target_uri.back() == '>') {
    record->target_uri = record->target_uri.substr(1, record->target_uri.size() - 2);  // WARC 1.0 draft style
  }
  record->too_large = record->length > options_.max_record_bytes;
  if (!record->too_large) record->block.reserve(static_cast<size_t>(record->length));
  if (!ReadBytes(record->length, record->too_large ? nullptr : &record->block)) {
    if (status_.ok()) {
      Fail(offset, "the record is cut short: Content-Length " + std::to_string(record->length) + " but only " +
                       std::to_string(record->block.size()) + " bytes follow");
    }
    return false;
  }
  return true;
}

bool WarcReader::ReadArcRecord(const std::string& first_line, uint64_t offset, WarcRecord* record) {
  arc_ = true;
  record->offset = offset;
  // "URL IP DATE MIME LENGTH" (v1); URLs may hold spaces, so fields are taken from the right.
  std::vector<std::string_view> fields;
  std::string_view rest = first_line;
  while (!rest.empty()) {
    size_t sp = rest.find(' ');
    if (sp != 0) fields.push_back(rest.substr(0, sp));
    if (sp == std::string_view::npos) break;
    rest.remove_prefix(sp + 1);
  }
  if (fields.size() < 5 || !ParseUnsigned(fields.back(), &record->length)) {
    return Fail(offset, "expected an ARC header \"URL IP DATE MIME LENGTH\", found \"" + Printable(first_line) + "\"");
  }
  size_t n = fields.size();
  record->content_type = fields[n - 2];
  record->date = fields[n - 3];
  std::string url;
  for (size_t i = 0; i + 4 < n; ++i) {
    if (i > 0) url += ' ';
    url += fields[i];
  }
  record->target_uri = url;
  record->type = url.compare(0, 11, "filedesc://") == 0 ? "arc-filedesc" : "arc";
  record->too_large = record->length > options_.max_record_bytes;
  if (!ReadBytes(record->length, record->too_large ? nullptr : &record->block)) {
    if (status_.ok()) {
      Fail(offset, "the ARC record is cut short: length " + std::to_string(record->length) + " but only " +
                       std::to_string(record->block.size()) + " bytes follow");
    }
    return false;
  }
  return true;
}

std::string WarcDateToIso(std::string_view date) {
  auto digits = [&](size_t from, size_t n) {
    if (date.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(date[i]))) return false;
    }
    return true;
  };
  if (digits(0, 4) && date.size() >= 10 && date[4] == '-' && digits(5, 2) && date[7] == '-' && digits(8, 2)) {
    return std::string(date.substr(0, 10));
  }
  if (digits(0, 8)) {
    return std::string(date.substr(0, 4)) + "-" + std::string(date.substr(4, 2)) + "-" + std::string(date.substr(6, 2));
  }
  return "";
}

Status RecordToPage(const WarcRecord& record, const std::string& source, WebPage* page, std::string* skip_reason) {
  skip_reason->clear();
  *page = WebPage();
  page->source = source;
  page->url = record.target_uri;
  page->date = WarcDateToIso(record.date);
  std::string_view block = record.block;
  bool http = record.type == "response" || (record.type == "arc" && block.substr(0, 5) == "HTTP/");
  if (record.too_large) {
    *skip_reason = "record of " + std::to_string(record.length) + " bytes exceeds the page size limit";
    return Status::Ok();
  }
  if (!http) {
    std::string type = Lower(record.content_type);
    if ((record.type == "resource" || record.type == "arc") && type.find("html") != std::string::npos) {
      page->bytes.assign(block);
      page->content_type = record.content_type;
      return Status::Ok();
    }
    *skip_reason = record.type.empty() ? "no WARC-Type" : "a " + record.type + " record";
    return Status::Ok();
  }
  size_t end = block.find("\r\n\r\n");
  size_t body_start = end == std::string_view::npos ? std::string_view::npos : end + 4;
  size_t lf = block.find("\n\n");
  if (lf != std::string_view::npos && (end == std::string_view::npos || lf < end)) body_start = lf + 2;
  if (body_start == std::string_view::npos) return Status::InvalidInput("the HTTP headers of the response do not end");
  std::string_view head = block.substr(0, body_start);
  std::string_view body = block.substr(body_start);
  size_t line_end = head.find('\n');
  std::string_view status_line = TrimView(head.substr(0, line_end));
  if (status_line.substr(0, 5) != "HTTP/") return Status::InvalidInput("the response does not start with an HTTP status line");
  size_t sp = status_line.find(' ');
  uint64_t code = 0;
  if (sp == std::string_view::npos || !ParseUnsigned(status_line.substr(sp + 1, 3), &code)) {
    return Status::InvalidInput("bad HTTP status line \"" + Printable(status_line) + "\"");
  }
  if (code < 200 || code >= 300) {
    *skip_reason = "HTTP status " + std::to_string(code);
    return Status::Ok();
  }
  std::string content_type, transfer, encoding;
  size_t pos = line_end == std::string_view::npos ? head.size() : line_end + 1;
  while (pos < head.size()) {
    size_t nl = head.find('\n', pos);
    std::string_view line = head.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? head.size() : nl + 1;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = Lower(TrimView(line.substr(0, colon)));
    std::string_view value = TrimView(line.substr(colon + 1));
    if (key == "content-type") content_type = value;
    else if (key == "transfer-encoding") transfer = Lower(value);
    else if (key == "content-encoding") encoding = Lower(value);
  }
  std::string lower_type = Lower(content_type);
  if (!content_type.empty() && lower_type.find("html") == std::string::npos) {
    *skip_reason = "not HTML (" + Printable(content_type) + ")";
    return Status::Ok();
  }
  std::string decoded;
  if (transfer.find("chunked") != std::string::npos && Dechunk(body, &decoded)) {
    page->bytes = std::move(decoded);
  } else {
    page->bytes.assign(body);  // not chunked after all (as some crawlers store it): the body as it is
  }
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    if (encoding != "deflate" && !IsGzip(page->bytes)) {
      // Already decoded by the crawler though the header says otherwise: keep it.
    } else {
      Status s = Gunzip(page->bytes, size_t{100} << 20, &decoded, encoding == "deflate");
      if (!s.ok()) return Status::InvalidInput("Content-Encoding " + encoding + ": " + s.message());
      page->bytes = std::move(decoded);
    }
  } else if (!encoding.empty() && encoding != "identity") {
    *skip_reason = "Content-Encoding " + encoding + " is not supported";
    return Status::Ok();
  }
  if (content_type.empty() && !LooksLikeHtml(page->bytes)) {
    *skip_reason = "not HTML (no Content-Type and no HTML start)";
    return Status::Ok();
  }
  page->content_type = content_type;
  return Status::Ok();
}

}  // namespace bron
