// CoNLL-U and CoNLL inputs: tokens and sentence breaks are taken as given. The document text is the
// sentences' `# text` where it spells the tokens, else the tokens joined as SpaceAfter says.
#include <charconv>
#include <vector>

#include "base/utf8.h"
#include "io/reader.h"

namespace bron {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    fields.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return fields;
}

bool ParseNumber(std::string_view s, uint32_t* out) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

struct Unit {  // a surface token: a plain word, or a multiword token with its words
  std::string form;
  bool space_after = true;
  std::string misc;                 // of a multiword token
  std::vector<std::string> words;   // the words of a multiword token; empty for a plain word
};

struct PendingSentence {
  std::vector<std::string> comments;
  std::string text;                 // from "# text = "
  std::vector<Unit> units;
  bool new_paragraph = false;
  bool broken = false;
  uint32_t next_id = 1;             // the word id expected next
  uint32_t range_end = 0;           // last word id of the open multiword token
};

// Builds documents sentence by sentence.
class DocumentBuilder {
 public:
  DocumentBuilder(const std::string& name, const ReaderOptions& options, const DocumentCallback& on_document)
      : name_(name), options_(options), on_document_(on_document) {}

  void StartDocument(std::string id) {
    Flush();
    next_id_ = std::move(id);
  }

  void AddSentence(const PendingSentence& s) {
    if (s.units.empty()) return;
    if (!open_) Open();
    Document& d = doc_;
    if (!d.text.empty()) d.text += s.new_paragraph ? "\n\n" : "\n";
    uint32_t base = static_cast<uint32_t>(d.text.size());
    // Where each unit lies in the sentence text.
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    std::string text;
    if (!s.text.empty() && Align(s, &spans)) {
      text = s.text;
    } else {
      spans.clear();
      for (size_t u = 0; u < s.units.size(); ++u) {
        uint32_t start = static_cast<uint32_t>(text.size());
        text += s.units[u].form;
        spans.emplace_back(start, static_cast<uint32_t>(text.size()));
        if (s.units[u].space_after && u + 1 < s.units.size()) text += ' ';
      }
    }
    d.text += text;
    Sentence sentence;
    sentence.first_token = static_cast<uint32_t>(d.tokens.size());
    uint32_t index = static_cast<uint32_t>(d.sentences.size());
    for (size_t u = 0; u < s.units.size(); ++u) {
      const Unit& unit = s.units[u];
      uint32_t start = base + spans[u].first, end = base + spans[u].second;
      Gap gap = u == 0 ? (s.new_paragraph || index == 0 ? Gap::kParagraph : Gap::kNewline)
                       : (start > base + spans[u - 1].second ? Gap::kSpace : Gap::kNone);
      if (unit.words.empty()) {
        d.tokens.push_back({start, end, index, gap});
        continue;
      }
      MultiwordToken mwt;
      mwt.first_token = static_cast<uint32_t>(d.tokens.size());
      mwt.form = unit.form;
      mwt.misc = unit.misc;
      std::string joined;
      for (const std::string& w : unit.words) joined += w;
      uint32_t at = start;
      for (size_t w = 0; w < unit.words.size(); ++w) {
        uint32_t token = static_cast<uint32_t>(d.tokens.size());
        if (joined == unit.form) {  // "didn't" = "did" + "n't": each word has its own span
          d.tokens.push_back({at, at + static_cast<uint32_t>(unit.words[w].size()), index, w == 0 ? gap : Gap::kNone});
          at += static_cast<uint32_t>(unit.words[w].size());
        } else {                    // "du" = "de" + "le": every word spans the whole token
          d.tokens.push_back({start, end, index, w == 0 ? gap : Gap::kNone});
          d.form_overrides[token] = unit.words[w];
        }
      }
      mwt.end_token = static_cast<uint32_t>(d.tokens.size());
      d.multiword_tokens.push_back(std::move(mwt));
    }
    sentence.end_token = static_cast<uint32_t>(d.tokens.size());
    sentence.start = base;
    sentence.end = base + static_cast<uint32_t>(text.size());
    d.sentences.push_back(sentence);
    d.sentence_comments.push_back(s.comments);
  }

  void Flush() {
    if (open_ && !doc_.tokens.empty()) on_document_(std::move(doc_));
    open_ = false;
    doc_ = Document();
  }

 private:
  void Open() {
    open_ = true;
    doc_ = Document();
    doc_.pretokenized = true;
    ++count_;
    std::string stem = name_.substr(name_.find_last_of('/') + 1);
    stem = stem.substr(0, stem.find('.'));
    doc_.id = !next_id_.empty() ? next_id_ : count_ == 1 ? stem : stem + "-" + std::to_string(count_);
    next_id_.clear();
    doc_.lang = options_.lang;
    doc_.published = options_.published;
  }

  static bool Align(const PendingSentence& s, std::vector<std::pair<uint32_t, uint32_t>>* spans) {
    size_t pos = 0;
    const std::string& t = s.text;
    for (const Unit& u : s.units) {
      while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\t')) ++pos;
      if (t.compare(pos, u.form.size(), u.form) != 0) return false;
      spans->emplace_back(static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + u.form.size()));
      pos += u.form.size();
    }
    while (pos < t.size() && t[pos] == ' ') ++pos;
    return pos == t.size();
  }

  const std::string& name_;
  const ReaderOptions& options_;
  const DocumentCallback& on_document_;
  Document doc_;
  bool open_ = false;
  int count_ = 0;
  std::string next_id_;
};

// Calls `fn(line, line_number, byte_offset)` for every line, repaired or rejected as UTF-8.
template <typename Fn>
void ForEachLine(const std::string& name, std::string_view bytes, const ReaderOptions& options,
                 const ErrorCallback& on_error, Fn fn) {
  size_t pos = 0, number = 0;
  std::string repaired;
  while (pos <= bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    std::string_view line = bytes.substr(pos, end - pos);
    size_t offset = pos;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    Utf8Problem problem;
    bool bad = false;
    if (!CheckUtf8(line, &problem)) {
      if (options.lenient) {
        repaired = RepairUtf8(line);
        line = repaired;
      } else {
        on_error(Status::InvalidInput("line " + std::to_string(number) + " (byte " +
                                      std::to_string(offset + problem.offset) + "): " + problem.what +
                                      "; its sentence is skipped (use --lenient to replace bad bytes)")
                     .WithContext(name));
        bad = true;
      }
    }
    fn(line, number, bad);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
}

}  // namespace

void ParseConllu(const std::string& name, std::string_view bytes, const ReaderOptions& options,
                 const DocumentCallback& on_document, const ErrorCallback& on_error) {
  DocumentBuilder builder(name, options, on_document);
  PendingSentence s;
  bool paragraph = false;
  auto finish = [&] {
    if (!s.broken && !s.units.empty() && s.range_end >= s.next_id) {
      on_error(Status::InvalidInput("sentence ending before line: multiword token without all its words")
                   .WithContext(name));
    } else if (!s.broken) {
      s.new_paragraph = paragraph;
      if (!s.units.empty()) paragraph = false;
      builder.AddSentence(s);
    }
    s = PendingSentence();
  };
  auto fail = [&](size_t number, const std::string& what) {
    if (!s.broken) {
      on_error(Status::InvalidInput("line " + std::to_string(number) + ": " + what + "; its sentence is skipped")
                   .WithContext(name));
    }
    s.broken = true;
  };
  ForEachLine(name, bytes, options, on_error, [&](std::string_view line, size_t number, bool bad) {
    if (bad) {
      s.broken = true;
      return;
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      finish();
      return;
    }
    if (line[0] == '#') {
      if (line.substr(0, 8) == "# newdoc") {
        if (!s.units.empty() || s.broken) finish();
        size_t eq = line.find("id =");
        std::string id = eq == std::string_view::npos ? "" : std::string(line.substr(eq + 4));
        while (!id.empty() && id.front() == ' ') id.erase(0, 1);
        builder.StartDocument(id);
        paragraph = true;
        return;
      }
      if (line.substr(0, 8) == "# newpar") paragraph = true;
      if (line.substr(0, 9) == "# text = ") s.text = std::string(line.substr(9));
      if (!s.units.empty()) return fail(number, "comment line inside a sentence");
      s.comments.emplace_back(line);
      return;
    }
    if (s.broken) return;
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 10) {
      return fail(number, "expected 10 tab-separated columns, found " + std::to_string(f.size()));
    }
    std::string_view id = f[0];
    if (id.find('.') != std::string_view::npos) return;  // empty node of enhanced dependencies
    if (f[1].empty()) return fail(number, "empty FORM");
    bool space_after = f[9].find("SpaceAfter=No") == std::string_view::npos;
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      uint32_t first, last;
      if (!ParseNumber(id.substr(0, dash), &first) || !ParseNumber(id.substr(dash + 1), &last) || last <= first) {
        return fail(number, "malformed multiword token id '" + std::string(id) + "'");
      }
      if (first != s.next_id || s.range_end >= s.next_id) {
        return fail(number, "multiword token " + std::string(id) + " out of sequence");
      }
      Unit u;
      u.form = std::string(f[1]);
      u.space_after = space_after;
      u.misc = std::string(f[9]);
      s.units.push_back(std::move(u));
      s.range_end = last;
      return;
    }
    uint32_t n;
    if (!ParseNumber(id, &n)) return fail(number, "malformed word id '" + std::string(id) + "'");
    if (n != s.next_id) {
      return fail(number, "word id " + std::to_string(n) + " out of sequence (expected " +
                              std::to_string(s.next_id) + ")");
    }
    ++s.next_id;
    if (n <= s.range_end) {
      s.units.back().words.emplace_back(f[1]);
      return;
    }
    Unit u;
    u.form = std::string(f[1]);
    u.space_after = space_after;
    s.units.push_back(std::move(u));
  });
  finish();
  builder.Flush();
}

void ParseConll(const std::string& name, std::string_view bytes, const ReaderOptions& options,
                const DocumentCallback& on_document, const ErrorCallback& on_error) {
  DocumentBuilder builder(name, options, on_document);
  PendingSentence s;
  auto finish = [&] {
    if (!s.broken) builder.AddSentence(s);
    s = PendingSentence();
  };
  ForEachLine(name, bytes, options, on_error, [&](std::string_view line, size_t number, bool bad) {
    if (bad) {
      s.broken = true;
      return;
    }
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string_view::npos) return finish();
    std::string_view form = line.substr(start, line.find_first_of(" \t", start) - start);
    if (form == "-DOCSTART-") {
      finish();
      builder.StartDocument("");
      return;
    }
    Unit u;
    u.form = std::string(form);
    s.units.push_back(std::move(u));
  });
  finish();
  builder.Flush();
}

}  // namespace bron
