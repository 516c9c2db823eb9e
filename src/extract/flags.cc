#include "extract/flags.h"

#include "base/resources.h"
#include "base/utf8.h"
#include "text/chars.h"

namespace bron {
namespace {

bool StartsUpper(std::string_view s) {
  const char* p = s.data();
  return !s.empty() && Is(DecodeUtf8(p), kUpper);
}

bool StartsLower(std::string_view s) {
  const char* p = s.data();
  return !s.empty() && Is(DecodeUtf8(p), kLower);
}

}  // namespace

FlagFinder::FlagFinder(std::string_view lang) : lang_(lang) {
  for (std::string_view w : ResourceLines(std::string(lang) + "/lowercase-words.txt")) lowercase_words_.emplace(w);
  for (std::string_view w : ResourceLines(std::string(lang) + "/het-names.txt")) het_names_.emplace(w);
}

void FlagFinder::Find(Document* doc) const {
  doc->flags.clear();
  const auto& tokens = doc->tokens;
  auto flag = [&](uint32_t first, uint32_t last, std::string note) {
    Flag f;
    f.kind = "mt_artifact";
    f.start = tokens[first].start;
    f.end = tokens[last].end;
    f.note = std::move(note);
    doc->flags.push_back(std::move(f));
  };
  for (const Sentence& s : doc->sentences) {
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      std::string_view form = doc->Form(t);
      // "25 procent. olie": a full stop, then a lower-case word, in one sentence.
      auto plain_lower = [&](uint32_t k) {  // a lower-case word, not a byline like "t.holman"
        std::string_view w = doc->Form(k);
        return StartsLower(w) && w.find('.') == std::string_view::npos && w.size() >= 3;
      };
      if (form == "." && t > s.first_token && doc->Form(t - 1).size() > 1 && t + 2 < s.end_token && plain_lower(t + 1) &&
          tokens[t + 1].gap != Gap::kNone &&
          (plain_lower(t + 2) || lowercase_words_.count(Lowercase(doc->Form(t + 2))))) {
        flag(t - 1, std::min(t + 2, s.end_token - 1), "sentence broken mid-phrase: a full stop before a lower-case word");
      }
      // "olie En gas": a conjunction or article with a capital after a lower-case word.
      if (t > s.first_token + 1 && StartsUpper(form) && StartsLower(doc->Form(t - 1)) &&
          lowercase_words_.count(Lowercase(form)) && t + 1 < s.end_token && StartsLower(doc->Form(t + 1))) {
        flag(t, t, "'" + std::string(form) + "' capitalised in mid-sentence");
      }
      // "De Kremlin": the wrong article before a well-known name that takes "het".
      if (lang_ == "nl" && Lowercase(form) == "de" && t + 1 < s.end_token) {
        std::string one = Lowercase(doc->Form(t + 1));
        std::string two = t + 2 < s.end_token ? one + " " + Lowercase(doc->Form(t + 2)) : "";
        bool proper = StartsUpper(doc->Form(t + 1));
        if (proper && (het_names_.count(two) || het_names_.count(one))) {
          uint32_t last = het_names_.count(two) ? t + 2 : t + 1;
          flag(t, last, "wrong article: '" + std::string(doc->Span(tokens[t].start, tokens[last].end)) +
                            "' should be 'het " + std::string(doc->Span(tokens[t + 1].start, tokens[last].end)) + "'");
        }
      }
    }
  }
}

}  // namespace bron
