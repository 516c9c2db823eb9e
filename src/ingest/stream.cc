#include "ingest/stream.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace bron {
namespace {

constexpr size_t kChunk = 1 << 16;

bool GzipMagic(const char* p) { return p[0] == '\x1f' && p[1] == '\x8b'; }

}  // namespace

struct LineStream::Inflater {
  z_stream z{};
  bool ready = false;
  ~Inflater() {
    if (ready) inflateEnd(&z);
  }
};

LineStream::LineStream(std::string name, FILE* file) : name_(std::move(name)), file_(file), inflater_(new Inflater) {
  raw_.resize(kChunk);
}

LineStream::~LineStream() = default;

bool LineStream::Fail(uint64_t offset, const std::string& what) {
  if (status_.ok()) status_ = Status::InvalidInput("byte " + std::to_string(offset) + ": " + what).WithContext(name_);
  eof_ = true;
  return false;
}

bool LineStream::Fill() {
  if (eof_ || !file_) return false;
  if (pos_ > 0 && (pos_ == buffer_.size() || pos_ > (1u << 20))) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  auto read_raw = [&]() -> size_t {
    if (raw_pos_ > 0) {
      std::memmove(raw_.data(), raw_.data() + raw_pos_, raw_end_ - raw_pos_);
      raw_end_ -= raw_pos_;
      raw_pos_ = 0;
    }
    size_t n = std::fread(raw_.data() + raw_end_, 1, raw_.size() - raw_end_, file_);
    raw_end_ += n;
    return n;
  };
  auto read_error = [&] { return std::ferror(file_) ? Fail(raw_offset_, std::string("read error: ") + std::strerror(errno)) : false; };
  if (!started_) {
    started_ = true;
    while (raw_end_ < 2 && read_raw() > 0) {
    }
    gzip_ = raw_end_ >= 2 && GzipMagic(raw_.data());
  }
  if (!gzip_) {
    if (raw_pos_ == raw_end_ && read_raw() == 0) {
      if (read_error()) return false;
      eof_ = true;
      return false;
    }
    buffer_.append(raw_.data() + raw_pos_, raw_end_ - raw_pos_);
    raw_offset_ += raw_end_ - raw_pos_;
    raw_pos_ = raw_end_;
    return true;
  }
  z_stream& z = inflater_->z;
  char out[kChunk];
  while (true) {
    if (!in_member_) {  // a member starts here, or the data ends
      if (raw_end_ - raw_pos_ < 2) read_raw();
      if (raw_end_ == raw_pos_) {
        if (std::ferror(file_)) return read_error();
        eof_ = true;
        return false;
      }
      if (raw_end_ - raw_pos_ < 2 || !GzipMagic(raw_.data() + raw_pos_)) {
        return Fail(raw_offset_, "data after a gzip member is not gzip (garbage appended, or a damaged file)");
      }
      int r = inflater_->ready ? inflateReset(&z) : inflateInit2(&z, 16 + 15);
      if (r != Z_OK) return Fail(raw_offset_, "zlib could not be initialised");
      inflater_->ready = true;
      in_member_ = true;
    }
    if (raw_pos_ == raw_end_ && read_raw() == 0) {
      if (std::ferror(file_)) return read_error();
      return Fail(raw_offset_, "the gzip data ends in the middle of a member (the file is cut)");
    }
    z.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
    z.avail_in = static_cast<uInt>(raw_end_ - raw_pos_);
    z.next_out = reinterpret_cast<Bytef*>(out);
    z.avail_out = sizeof(out);
    int r = inflate(&z, Z_NO_FLUSH);
    size_t used = (raw_end_ - raw_pos_) - z.avail_in;
    raw_pos_ += used;
    raw_offset_ += used;
    size_t produced = sizeof(out) - z.avail_out;
    buffer_.append(out, produced);
    if (r == Z_STREAM_END) in_member_ = false;
    else if (r != Z_OK && r != Z_BUF_ERROR) {
      return Fail(raw_offset_, std::string("corrupt gzip data (") + (z.msg ? z.msg : "zlib error") + ")");
    }
    if (produced > 0) return true;
  }
}

bool LineStream::Next(std::string* line, size_t max, LineInfo* info) {
  line->clear();
  *info = LineInfo();
  info->offset = decoded_;
  uint64_t dropped = 0;  // bytes of an over-long line let go of
  size_t checked = 0;    // bytes after pos_ searched for a line break already
  while (true) {
    size_t nl = buffer_.find('\n', pos_ + checked);
    if (nl != std::string::npos || eof_) {
      size_t end = nl != std::string::npos ? nl : buffer_.size();
      if (nl == std::string::npos && end == pos_ && dropped == 0) return false;  // the end
      bool cr = end > pos_ && buffer_[end - 1] == '\r';
      info->number = ++lines_;
      info->length = dropped + (end - pos_) - (cr ? 1 : 0);
      if (info->length > max) info->too_long = true;  // whole in the buffer, but over the limit all the same
      if (!info->too_long) line->assign(buffer_, pos_, end - pos_ - (cr ? 1 : 0));
      size_t consumed = end - pos_ + (nl != std::string::npos ? 1 : 0);
      pos_ += consumed;
      decoded_ += consumed;
      return true;
    }
    checked = buffer_.size() - pos_;
    if (checked > max) {  // too long to hold: counted, not kept
      info->too_long = true;
      dropped += checked;
      decoded_ += checked;
      pos_ = buffer_.size();
      checked = 0;
    }
    if (!Fill() && !status_.ok()) return false;
  }
}

namespace {

struct Replay {
  std::string head;
  size_t pos = 0;
  FILE* rest;
};

ssize_t ReplayRead(void* cookie, char* buffer, size_t size) {
  auto* r = static_cast<Replay*>(cookie);
  if (r->pos < r->head.size()) {
    size_t n = std::min(size, r->head.size() - r->pos);
    std::memcpy(buffer, r->head.data() + r->pos, n);
    r->pos += n;
    if (r->pos == r->head.size()) std::string().swap(r->head);  // no longer needed
    return static_cast<ssize_t>(n);
  }
  size_t n = std::fread(buffer, 1, size, r->rest);
  if (n == 0 && std::ferror(r->rest)) return -1;
  return static_cast<ssize_t>(n);
}

int ReplayClose(void* cookie) {
  delete static_cast<Replay*>(cookie);
  return 0;
}

}  // namespace

FILE* ReplayThenRead(std::string head, FILE* rest) {
  auto* r = new Replay{std::move(head), 0, rest};
  cookie_io_functions_t io{ReplayRead, nullptr, nullptr, ReplayClose};
  FILE* f = fopencookie(r, "rb", io);
  if (!f) delete r;
  return f;
}

Status ReadUpTo(FILE* file, size_t max, std::string* out) {
  char buffer[kChunk];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    if (out->size() + n > max) return Status::InvalidInput("input exceeds the limit of " + std::to_string(max) + " bytes");
    out->append(buffer, n);
  }
  if (std::ferror(file)) return Status::IoError(std::strerror(errno));
  return Status::Ok();
}

}  // namespace bron
