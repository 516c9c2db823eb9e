// Status: the outcome of an operation that can fail. Library code returns it and never exits or prints;
// only main() turns a Status into a message and an exit code.
//
//   Status s = ReadInput("a.txt", &doc);
//   if (!s.ok()) std::cerr << s.ToString();   // "a.txt: byte 17: invalid UTF-8 ..."
#ifndef BRON_STATUS_H_
#define BRON_STATUS_H_

#include <string>
#include <utility>

namespace bron {

class Status {
 public:
  enum class Code { kOk, kInvalidInput, kIoError, kUsage, kUnsupported, kInternal };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Usage(std::string msg) { return Status(Code::kUsage, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const { return ok() ? "ok" : message_; }

  // Returns a copy whose message starts with `context: ` (e.g. the input's name).
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

#define BRON_RETURN_IF_ERROR(expr)        \
  do {                                    \
    ::bron::Status _bron_status = (expr); \
    if (!_bron_status.ok()) return _bron_status; \
  } while (0)

}  // namespace bron

#endif  // BRON_STATUS_H_
