// Shared checks for the fuzz targets: whatever the input, the analysis must hold its invariants.
#ifndef BRON_FUZZ_FUZZ_UTIL_H_
#define BRON_FUZZ_FUZZ_UTIL_H_

#include <cstdlib>
#include <string>

#include "bron/document.h"
#include "io/writer.h"

namespace bron::fuzz {

// Tokens lie inside the text, are non-empty, ordered, and each belongs to the sentence that holds it.
inline void CheckDocument(const Document& doc) {
  uint32_t previous_end = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.start >= t.end || t.end > doc.text.size()) std::abort();
    if (!doc.pretokenized && t.start < previous_end) std::abort();
    previous_end = t.end;
    if (t.sentence >= doc.sentences.size()) std::abort();
    const Sentence& s = doc.sentences[t.sentence];
    if (i < s.first_token || i >= s.end_token || t.start < s.start || t.end > s.end) std::abort();
  }
  uint32_t next = 0;
  for (const Sentence& s : doc.sentences) {
    if (s.first_token != next || s.end_token <= s.first_token) std::abort();
    next = s.end_token;
  }
  if (next != doc.tokens.size()) std::abort();
  WriteOptions o;
  o.tokens = true;
  o.stages = {"lang", "tokenize"};
  std::string out;
  WriteJson(doc, o, false, &out);
  WriteConllu(doc, &out);
  WriteText(doc, o, &out);
}

}  // namespace bron::fuzz

#endif  // BRON_FUZZ_FUZZ_UTIL_H_
