// Tokenizer: rule-based tokenisation and sentence splitting for Dutch and English news (and a
// language-neutral fallback). Unicode-aware, linear in the input, no regular expressions.
//
//   Tokenizer nl("nl");
//   nl.Tokenize(&doc);   // "Hij zei: “Ja.” O.a. 800.000 m'n." =>
//                        //   Hij | zei | : | “ | Ja | . | ” | O.a. | 800.000 | m'n | .
//
// Language resources (abbreviations, elisions) are data files in data/<lang>/. A Tokenizer is
// immutable after construction and safe to share between threads.
#ifndef BRON_TEXT_TOKENIZER_H_
#define BRON_TEXT_TOKENIZER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "bron/document.h"

namespace bron {

class Tokenizer {
 public:
  // `lang` is "nl", "en" or anything else (language-neutral rules, no abbreviation list).
  explicit Tokenizer(std::string_view lang);
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Replaces doc->tokens and doc->sentences with those found in doc->text (valid UTF-8).
  void Tokenize(Document* doc) const;

  // What a token ending in '.' is when the period stays attached to it.
  enum class AbbrevKind : uint8_t {
    kNone,     // not an abbreviation: the period is a token of its own
    kPlain,    // "bijv.", "o.a.", "approx.": a sentence never ends after it
    kTitle,    // "dhr.", "Dr.": a name follows; never ends a sentence
    kFinal,    // "enz.", "etc.": may end a sentence when a capital follows
    kPattern,  // "U.S.", "d.w.z." by shape: ends a sentence before a frequent sentence opener
    kInitial,  // "J." in "J. Smith"
  };
  // Classifies `word` (without its final period), e.g. "bijv" => kPlain. Exposed for tests.
  AbbrevKind ClassifyAbbreviation(std::u32string_view word) const;

 private:
  struct Scratch;
  void SplitChunk(Scratch& s, Document* doc) const;
  void SplitCore(Scratch& s, size_t i, size_t j, bool url, Document* doc) const;
  bool SplitsHyphen(const std::u32string& cps, size_t word_start, size_t hyphen, size_t end) const;
  void Segment(Scratch& s, Document* doc) const;
  bool KeepsLeadingApostrophe(const Scratch& s, size_t i, size_t j) const;
  bool IsSentenceOpener(std::string_view lowered) const;

  std::string lang_;
  bool english_ = false;
  std::unordered_map<std::string, AbbrevKind> abbreviations_;  // lower-cased, without final '.'
  std::unordered_set<std::string> elisions_;                   // "s", "t", "n" of 's, 't, 'n
  std::unordered_set<std::string> openers_;                    // frequent sentence openers, lower-cased
  std::unordered_set<std::string> lowercase_openers_;          // English "i", "why": open sentences uncapitalised
  std::unordered_set<std::string> emoticons_;
  std::unordered_set<std::string> hyphen_prefixes_;            // English "non", "co": keep "non-profit" whole
};

}  // namespace bron

#endif  // BRON_TEXT_TOKENIZER_H_
