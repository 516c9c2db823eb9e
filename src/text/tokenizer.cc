#include "text/tokenizer.h"

#include <algorithm>
#include <vector>

#include "base/resources.h"
#include "base/utf8.h"
#include "text/chars.h"

namespace bron {
namespace {

// A run of non-space text longer than this is cut into pieces, so a hostile 50 MB "word" costs no
// more memory than ordinary text.
constexpr size_t kMaxChunkCodepoints = 4096;
// Sentences are cut after this many tokens: later stages may be superlinear in sentence length.
constexpr uint32_t kMaxSentenceTokens = 1000;

// How a token came out of its chunk; the sentence splitter reads these.
enum TokenFlags : uint8_t {
  kLeading = 1,     // peeled off the front of a chunk: an opening quote or bracket, a bullet
  kTrailing = 2,    // peeled off the back: a closing quote or bracket, final punctuation
  kTerminal = 4,    // . ! ? … and runs of them
  kAbbrev = 8,      // ends in a period that belongs to it
};

struct TokenInfo {
  uint8_t flags = 0;
  Tokenizer::AbbrevKind abbrev = Tokenizer::AbbrevKind::kNone;
};

std::string Lowered(const char32_t* cps, size_t n) {
  std::string out;
  out.reserve(n);
  for (size_t k = 0; k < n; ++k) AppendUtf8(ToLower(cps[k]), &out);
  return out;
}

bool EqualsAsciiLower(const char32_t* cps, size_t n, std::string_view word) {
  if (n != word.size()) return false;
  for (size_t k = 0; k < n; ++k) {
    if (ToLower(cps[k]) != static_cast<char32_t>(word[k])) return false;
  }
  return true;
}

bool StartsWithAsciiLower(const char32_t* cps, size_t n, std::string_view prefix) {
  return n >= prefix.size() && EqualsAsciiLower(cps, prefix.size(), prefix);
}

Tokenizer::AbbrevKind ParseKind(std::string_view tag) {
  if (tag == "title") return Tokenizer::AbbrevKind::kTitle;
  if (tag == "final") return Tokenizer::AbbrevKind::kFinal;
  return Tokenizer::AbbrevKind::kPlain;
}

}  // namespace

struct Tokenizer::Scratch {
  std::u32string cps;             // the current chunk
  std::vector<uint32_t> offsets;  // byte offset of each code point, plus one past the end
  Gap gap = Gap::kParagraph;      // what separates the chunk from the previous one
  std::vector<TokenInfo> info;    // parallel to doc->tokens
  std::vector<std::pair<size_t, size_t>> back;  // trailing pieces, innermost last
  std::vector<uint8_t> back_flags;
  bool quote_open = false;  // a straight quote (" or ') was opened and not yet closed

  void Emit(Document* doc, size_t from, size_t to, uint8_t flags,
            AbbrevKind abbrev = AbbrevKind::kNone) {
    Token t;
    t.start = offsets[from];
    t.end = offsets[to];
    t.gap = gap;
    gap = Gap::kNone;
    doc->tokens.push_back(t);
    info.push_back({flags, abbrev});
  }
};

Tokenizer::Tokenizer(std::string_view lang) : lang_(lang), english_(lang == "en") {
  if (lang != "nl" && lang != "en") return;  // language-neutral: no lists
  std::string dir(lang);
  for (std::string_view line : ResourceLines(dir + "/abbreviations.txt")) {
    size_t tab = line.find_first_of("\t ");
    std::string_view word = line.substr(0, tab);
    std::string_view tag = tab == std::string_view::npos ? "" : line.substr(line.find_last_of("\t ") + 1);
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    const char* p = word.data();
    std::u32string cps;
    while (p < word.data() + word.size()) cps.push_back(DecodeUtf8(p));
    abbreviations_[Lowered(cps.data(), cps.size())] = ParseKind(tag);
  }
  for (std::string_view line : ResourceLines(dir + "/elisions.txt")) elisions_.emplace(line);
  for (std::string_view line : ResourceLines(dir + "/sentence-openers.txt")) openers_.emplace(line);
  for (std::string_view line : ResourceLines("emoticons.txt")) emoticons_.emplace(line);
  for (std::string_view line : ResourceLines(dir + "/lowercase-openers.txt")) lowercase_openers_.emplace(line);
  for (std::string_view line : ResourceLines(dir + "/hyphen-prefixes.txt")) hyphen_prefixes_.emplace(line);
}

Tokenizer::AbbrevKind Tokenizer::ClassifyAbbreviation(std::u32string_view w) const {
  if (w.empty()) return AbbrevKind::kNone;
  if (!abbreviations_.empty()) {
    auto it = abbreviations_.find(Lowered(w.data(), w.size()));
    if (it != abbreviations_.end()) return it->second;
  }
  if (w.size() == 1) return Is(w[0], kUpper) ? AbbrevKind::kInitial : AbbrevKind::kNone;
  // Single letters joined by periods: U.S, e.g, d.w.z, o.a
  if (w.size() >= 3 && w.size() % 2 == 1) {
    for (size_t k = 0; k < w.size(); ++k) {
      bool ok = (k % 2 == 0) ? Is(w[k], kLetter) : w[k] == '.';
      if (!ok) return AbbrevKind::kNone;
    }
    return AbbrevKind::kPattern;
  }
  return AbbrevKind::kNone;
}

bool Tokenizer::IsSentenceOpener(std::string_view lowered) const {
  return openers_.count(std::string(lowered)) > 0;
}

// An apostrophe at the front of a chunk that belongs to the word: 's, 't, 'n (Dutch elisions),
// 's-Hertogenbosch, '30 and '90s (years), 'em and 'cause (English).
bool Tokenizer::KeepsLeadingApostrophe(const Scratch& s, size_t i, size_t j) const {
  const char32_t* w = s.cps.data() + i + 1;
  size_t n = j - i - 1;
  while (n > 0 && !IsAlnum(w[n - 1]) && w[n - 1] != '-') --n;  // trailing punctuation, not yet peeled
  if (n == 0) return false;
  if (n >= 2 && Is(w[0], kDigit) && Is(w[1], kDigit) && (n == 2 || !Is(w[2], kDigit))) return true;
  size_t word = 0;
  while (word < n && Is(w[word], kLetter)) ++word;
  if (word == 0) return false;
  if (word < n && w[word] != '-') return false;
  return elisions_.count(Lowered(w, word)) > 0;
}

void Tokenizer::Tokenize(Document* doc) const {
  doc->tokens.clear();
  doc->sentences.clear();
  Scratch s;
  s.info.reserve(doc->text.size() / 5);
  doc->tokens.reserve(doc->text.size() / 5);

  const char* begin = doc->text.data();
  const char* end = begin + doc->text.size();
  const char* p = begin;
  int newlines = 2;  // the start of the text counts as a paragraph break
  while (p < end) {
    const char* q = p;
    char32_t c = DecodeUtf8(q);
    uint32_t cls = CharClass(c);
    if (cls & kSpace) {
      if (cls & kParagraphSep) newlines = 2;
      if (cls & kNewline) {
        if (c == '\r' && q < end && *q == '\n') ++q;
        ++newlines;
      }
      p = q;
      continue;
    }
    s.gap = newlines >= 2 ? Gap::kParagraph : newlines == 1 ? Gap::kNewline : Gap::kSpace;
    newlines = 0;
    s.cps.clear();
    s.offsets.clear();
    while (p < end && s.cps.size() < kMaxChunkCodepoints) {
      q = p;
      c = DecodeUtf8(q);
      if (CharClass(c) & kSpace) break;
      s.cps.push_back(c);
      s.offsets.push_back(static_cast<uint32_t>(p - begin));
      p = q;
    }
    s.offsets.push_back(static_cast<uint32_t>(p - begin));
    SplitChunk(s, doc);
  }
  Segment(s, doc);
}

void Tokenizer::SplitChunk(Scratch& s, Document* doc) const {
  const std::u32string& cp = s.cps;
  size_t i = 0, j = cp.size();
  if (j == 0) return;

  // Emoticons (":-)") are words of their own, before any punctuation is peeled.
  if (j <= 4 && !emoticons_.empty()) {
    std::string raw;
    for (char32_t c : cp) AppendUtf8(c, &raw);
    if (emoticons_.count(raw)) {
      s.Emit(doc, 0, j, 0);
      return;
    }
  }

  auto run_of = [&](size_t k, size_t limit, int dir) {
    size_t n = 1;
    if (dir > 0) {
      while (k + n < limit && cp[k + n] == cp[k]) ++n;
    } else {
      while (k >= n + limit && cp[k - n] == cp[k]) ++n;
    }
    return n;
  };

  // A chunk of quote marks alone ("houden. '' Veertig"): closing when the mark only closes ('' ” »)
  // or a straight quote is open, else opening.
  bool only_quotes = true;
  for (char32_t c : cp) only_quotes = only_quotes && (CharClass(c) & kQuote);
  if (only_quotes) {
    char32_t c = cp[0];
    bool closing = (c == '\'' && j == 2) || c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x203A;
    if (!closing && (c == '"' || c == '\'')) {
      // After a full stop or comma a straight quote closes; after a closing quote it opens.
      const TokenInfo* prev = s.info.empty() ? nullptr : &s.info.back();
      std::string_view prev_text = doc->tokens.empty() ? std::string_view()
                                   : doc->Span(doc->tokens.back().start, doc->tokens.back().end);
      if (prev && (prev->flags & kTerminal)) closing = true;
      else if (prev_text == ",") closing = true;
      else if (prev && (prev->flags & kTrailing) && !prev_text.empty() && (prev_text[0] == '"' || prev_text[0] == '\'')) closing = false;
      else closing = s.quote_open;
    }
    if (s.gap == Gap::kParagraph) closing = false;
    if (c == '"' || c == '\'') s.quote_open = !closing;
    s.Emit(doc, 0, j, closing ? kTrailing : kLeading);
    return;
  }
  if (s.gap == Gap::kParagraph) s.quote_open = false;

  // Peel the front: opening quotes and brackets, bullets, dashes, leading ellipses.
  while (i < j) {
    char32_t c = cp[i];
    uint32_t cls = CharClass(c);
    if ((cls & kApostrophe) && KeepsLeadingApostrophe(s, i, j)) break;
    bool peel = false;
    if (cls & (kQuote | kOpenBracket | kBullet)) peel = true;
    else if (c == 0xBF || c == 0xA1 || c == '*') peel = true;  // ¿ ¡ *
    else if (cls & kDash) peel = c != '-' || i + 1 == j || !(IsAlnum(cp[i + 1]) || cp[i + 1] == '.');
    else if (c == 0x2026 || (c == '.' && i + 1 < j && cp[i + 1] == '.')) peel = true;
    else if ((c == '<' || c == ',') && i + 1 < j && cp[i + 1] == c) peel = true;  // << and ,, (old Dutch quote)
    else if (c == '<' && std::find(cp.begin() + i + 1, cp.begin() + j, U'>') != cp.begin() + j) {
      peel = true;  // <name@example.com>
    }
    if (!peel) break;
    size_t n = (cls & (kOpenBracket | kBullet)) ? 1 : run_of(i, j, +1);
    if (c == '"' || c == '\'') s.quote_open = true;
    s.Emit(doc, i, i + n, kLeading);
    i += n;
  }
  if (i == j) return;

  const char32_t* w = cp.data() + i;
  size_t wn = j - i;
  bool url = StartsWithAsciiLower(w, wn, "http://") || StartsWithAsciiLower(w, wn, "https://") ||
             StartsWithAsciiLower(w, wn, "ftp://") || StartsWithAsciiLower(w, wn, "www.");
  if (!url) {
    // host.tld/path: a period followed by two letters or more before the first slash.
    size_t slash = 0;
    while (slash < wn && w[slash] != '/') ++slash;
    for (size_t k = 1; k + 2 < slash && !url; ++k) {
      url = w[k] == '.' && IsAlnum(w[k - 1]) && Is(w[k + 1], kLower) && Is(w[k + 2], kLower);
    }
    url = url && slash + 1 < wn;
  }
  bool email = false;
  if (!url) {
    for (size_t k = 1; k + 3 < wn; ++k) {
      if (w[k] == '@' && IsAlnum(w[k - 1])) {
        for (size_t m = k + 2; m + 1 < wn; ++m) email |= w[m] == '.' && IsAlnum(w[m + 1]);
        break;
      }
    }
  }

  // Peel the back: closing quotes and brackets, final punctuation. A period stays when it ends an
  // abbreviation.
  s.back.clear();
  s.back_flags.clear();
  AbbrevKind abbrev = AbbrevKind::kNone;
  while (j > i) {
    char32_t c = cp[j - 1];
    uint32_t cls = CharClass(c);
    size_t n = 0;
    uint8_t flags = kTrailing;
    if (c == '.') {
      size_t dots = run_of(j - 1, i, -1);
      if (dots >= 2) {
        n = dots;
        flags |= kTerminal;
      } else if (!url && !email && j - 1 > i &&
                 (abbrev = ClassifyAbbreviation(std::u32string_view(cp.data() + i, j - 1 - i))) !=
                     AbbrevKind::kNone) {
        break;
      } else {
        n = 1;
        flags |= kTerminal;
      }
    } else if (cls & kTerminator) {
      n = 1;  // "?!" and "!!!" are one token
      while (j - n > i && (CharClass(cp[j - n - 1]) & kTerminator) && cp[j - n - 1] != '.') ++n;
      flags |= kTerminal;
    } else if (cls & kQuote) {
      n = run_of(j - 1, i, -1);
      if (c == '"' || c == '\'') s.quote_open = false;
    } else if (cls & kCloseBracket) {
      {
        // Keep a bracket the word opened itself: leerling(en), en.wikipedia.org/wiki/Foo_(bar)
        int depth = 0;
        for (size_t k = i; k < j; ++k) depth += (CharClass(cp[k]) & kOpenBracket) ? 1 : (CharClass(cp[k]) & kCloseBracket) ? -1 : 0;
        if (depth >= 0) break;
      }
      n = 1;
    } else if (c == ',' || c == ';' || c == ':' || c == '*') {
      if (c == ':' && url) break;
      n = run_of(j - 1, i, -1);
    } else if (cls & kDash) {
      // "Noord-" in "Noord- en Zuid-Holland" keeps its hyphen.
      if (c == '-' && j - 1 > i && IsAlnum(cp[j - 2])) break;
      n = run_of(j - 1, i, -1);
    } else if (c == '>' && j - 1 > i && cp[j - 2] == '>') {
      n = run_of(j - 1, i, -1);
    } else if (c == '>' && i > 0 && cp[i - 1] == '<') {
      n = 1;
    } else {
      break;
    }
    s.back.emplace_back(j - n, j);
    s.back_flags.push_back(flags);
    j -= n;
  }

  if (i < j) {
    if (abbrev != AbbrevKind::kNone) {
      // The word with its period (j already excludes nothing: the period was not peeled).
      SplitCore(s, i, j, false, doc);
      s.info.back().flags |= kAbbrev;
      s.info.back().abbrev = abbrev;
    } else {
      SplitCore(s, i, j, url || email, doc);
    }
  }
  for (size_t k = s.back.size(); k-- > 0;) {
    s.Emit(doc, s.back[k].first, s.back[k].second, s.back_flags[k]);
  }
}

// Splits what is left of a chunk once its outer punctuation is gone: currency signs, English
// clitics, and punctuation glued between words ("gisteren.De", "ja,nee").
// English (UD) splits hyphenated words: "15-year" => 15 - year, "al-Qaeda" => al - Qaeda; but not
// after a prefix ("non-profit", "e-mail"), nor between digits (phone numbers, scores), nor in file
// names and codes.
bool Tokenizer::SplitsHyphen(const std::u32string& cp, size_t word_start, size_t k, size_t end) const {
  if (!english_ || k == word_start || k + 1 >= end) return false;
  bool left_digit = Is(cp[k - 1], kDigit), right_digit = Is(cp[k + 1], kDigit);
  if (!IsAlnum(cp[k - 1]) || !IsAlnum(cp[k + 1]) || (left_digit && right_digit)) return false;
  size_t start = k;
  while (start > word_start && cp[start - 1] != '-') --start;
  if (Is(cp[k - 1], kLetter) && hyphen_prefixes_.count(Lowered(cp.data() + start, k - start))) return false;
  return true;
}

void Tokenizer::SplitCore(Scratch& s, size_t i, size_t j, bool url, Document* doc) const {
  const std::u32string& cp = s.cps;
  if (url) {
    s.Emit(doc, i, j, 0);
    return;
  }
  // £80, €3,50, $1.2bn: the sign is a token of its own.
  if (j - i >= 2 && Is(cp[i], kCurrency) && Is(cp[i + 1], kDigit)) {
    s.Emit(doc, i, i + 1, 0);
    ++i;
  }
  size_t tail = j;  // [tail, j) is split off at the end
  if (english_) {
    const char32_t* w = cp.data() + i;
    size_t n = j - i;
    auto ends_with = [&](std::string_view suffix) {
      if (n <= suffix.size()) return false;
      for (size_t k = 0; k < suffix.size(); ++k) {
        char32_t c = ToLower(w[n - suffix.size() + k]);
        char32_t want = static_cast<char32_t>(suffix[k]);
        if (want == '\'' ? !Is(c, kApostrophe) : c != want) return false;
      }
      return Is(w[n - suffix.size() - 1], kLetter);
    };
    if (ends_with("n't")) tail = j - 3;
    else if (ends_with("'s") || ends_with("'m") || ends_with("'d")) tail = j - 2;
    else if (ends_with("'re") || ends_with("'ve") || ends_with("'ll")) tail = j - 3;
    else if (EqualsAsciiLower(w, n, "cannot")) tail = j - 3;
    else if (EqualsAsciiLower(w, n, "gonna") || EqualsAsciiLower(w, n, "wanna") ||
             EqualsAsciiLower(w, n, "gotta")) tail = j - 2;
    else if (n >= 2 && w[n - 1] == '%' && Is(w[n - 2], kDigit)) tail = j - 1;
  }

  // Punctuation glued between letters. Digits keep theirs (2,5 / 800.000 / 14.30).
  bool code = false;  // file names, paths, codes: "ld2d-#69366-1.DOC"
  for (size_t k = i; k < tail; ++k) code |= cp[k] == '/' || cp[k] == '#' || cp[k] == '@' || cp[k] == '_';
  size_t start = i;
  for (size_t k = i + 1; k + 1 < tail; ++k) {
    char32_t c = cp[k];
    bool letters = Is(cp[k - 1], kLetter) && Is(cp[k + 1], kLetter);
    size_t n = 0;
    if (c == ',' && cp[k + 1] == ',' && !Is(cp[k - 1], kDigit)) {
      // ",," glued to words is the old Dutch opening quote: "zei:,,Ja" / "gisteren,,,maar"
      n = 1;
      while (k + n < tail && cp[k + n] == ',') ++n;
      if (n == 3) {
        if (start < k) s.Emit(doc, start, k, 0);
        s.Emit(doc, k, k + 1, 0);
        start = k + 1;
        ++k;
        n = 2;
      }
    } else if (c == ':' && (cp[k + 1] == ',' || Is(cp[k + 1], kQuote)) && Is(cp[k - 1], kLetter)) {
      n = 1;
    } else if ((c == ',' || c == ';') && (letters || (Is(cp[k - 1], kLetter) && Is(cp[k + 1], kDigit) && !code))) {
      n = 1;  // "gisteren,maar", and a missing space before a number: "(Trouw,16 maart)"
    } else if (english_ && c == '/' && letters && !url) {
      n = 1;
    } else if (c == '-' && !code && SplitsHyphen(cp, i, k, tail)) {
      n = 1;
    } else if (c == '.' && k >= i + 2 && Is(cp[k - 1], kLower) && Is(cp[k - 2], kLower) &&
               Is(cp[k + 1], kUpper) && k + 2 < tail && Is(cp[k + 2], kLower)) {
      // "gisteren.De": a missing space after a full stop; not "nu.nl" nor "U.S".
      bool dotted = false;
      for (size_t m = i; m < tail; ++m) dotted |= (m != k && cp[m] == '.') || cp[m] == '@' || cp[m] == '/';
      if (!dotted) n = 1;
    } else if ((c == 0x2026 || (c == '.' && cp[k + 1] == '.')) && Is(cp[k - 1], kLetter)) {
      n = c == '.' ? 0 : 1;
      if (c == '.') while (k + n < tail && cp[k + n] == '.') ++n;
      if (k + n >= tail || !Is(cp[k + n], kLetter)) n = 0;
    }
    if (n == 0) continue;
    if (start < k) s.Emit(doc, start, k, 0);
    uint8_t flags = (c == '.' || c == 0x2026) ? kTerminal : (c == ',' && n == 2) ? kLeading : 0;
    s.Emit(doc, k, k + n, flags);
    start = k + n;
    k += n - 1;
  }
  if (start < tail) s.Emit(doc, start, tail, 0);
  if (tail < j) s.Emit(doc, tail, j, 0);
}

void Tokenizer::Segment(Scratch& s, Document* doc) const {
  std::vector<Token>& tokens = doc->tokens;
  const std::string& text = doc->text;
  auto first_char = [&](size_t k) {
    const char* p = text.data() + tokens[k].start;
    return DecodeUtf8(p);
  };
  auto starts_sentence_like = [&](size_t k) {
    char32_t c = first_char(k);
    uint32_t cls = CharClass(c);
    if (cls & (kUpper | kDigit | kBullet)) return true;
    if (s.info[k].flags & kLeading) {
      // An opening quote or bracket: look at what it opens.
      if (k + 1 < tokens.size() && tokens[k + 1].gap == Gap::kNone) {
        uint32_t next = CharClass(first_char(k + 1));
        return (next & (kUpper | kDigit)) != 0 || (s.info[k + 1].flags & kLeading);
      }
      return true;
    }
    return (cls & kLetter) && !(cls & kLower);  // scripts without case
  };
  auto lowered = [&](size_t k) {
    std::string out;
    const char* p = text.data() + tokens[k].start;
    const char* e = text.data() + tokens[k].end;
    while (p < e) AppendUtf8(ToLower(DecodeUtf8(p)), &out);
    return out;
  };

  uint32_t sentence_start = 0;
  auto close = [&](uint32_t end_token) {
    if (end_token <= sentence_start) return;
    Sentence sent;
    sent.first_token = sentence_start;
    sent.end_token = end_token;
    sent.start = tokens[sentence_start].start;
    sent.end = tokens[end_token - 1].end;
    uint32_t index = static_cast<uint32_t>(doc->sentences.size());
    for (uint32_t k = sentence_start; k < end_token; ++k) tokens[k].sentence = index;
    doc->sentences.push_back(sent);
    sentence_start = end_token;
  };

  for (uint32_t k = 1; k < tokens.size(); ++k) {
    bool boundary = false;
    Gap gap = tokens[k].gap;
    // The last token before k that is not a closing quote or bracket.
    uint32_t m = k - 1;
    while (m > sentence_start && (s.info[m].flags & kTrailing) && !(s.info[m].flags & kTerminal)) --m;
    const TokenInfo& last = s.info[m];
    bool after_terminal = (last.flags & kTerminal) && !(s.info[k].flags & kTrailing);
    if (gap == Gap::kParagraph) {
      boundary = true;
    } else if (gap == Gap::kNewline) {
      char32_t c = first_char(k);
      char32_t prev = text[tokens[k - 1].end - 1];
      bool continues = (CharClass(c) & kLower) || prev == ',' || prev == ';' || prev == '-' ||
                       prev == '(' || prev == '&';
      boundary = after_terminal || !continues;
    } else if (after_terminal) {
      // Lower case opens a sentence only right after . ? ! (not after a quote or an ellipsis).
      std::string_view terminal = doc->Span(tokens[m].start, tokens[m].end);
      bool plain_stop = m == k - 1 && terminal.find("..") == std::string_view::npos && terminal != "\u2026";
      boundary = starts_sentence_like(k) ||
                 (plain_stop && !lowercase_openers_.empty() && lowercase_openers_.count(lowered(k)) > 0);
    } else if ((last.flags & kAbbrev) && m == k - 1) {
      if (starts_sentence_like(k)) {
        switch (last.abbrev) {
          case AbbrevKind::kFinal: boundary = true; break;
          case AbbrevKind::kPattern: boundary = IsSentenceOpener(lowered(k)); break;
          default: break;
        }
      }
    }
    if (!boundary && k - sentence_start >= kMaxSentenceTokens) boundary = true;
    if (boundary) close(k);
  }
  close(static_cast<uint32_t>(tokens.size()));
}

}  // namespace bron
