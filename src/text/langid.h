// LanguageIdentifier: tells Dutch from English from other languages by their function words
// (data/langid/<iso>.txt). Meant for news-length text; a few words of a headline may be too few.
//
//   LanguageIdentifier id;
//   id.Identify("De minister zei dat het kabinet ...").lang  => "nl"
//
// Immutable after construction; safe to share between threads.
#ifndef BRON_TEXT_LANGID_H_
#define BRON_TEXT_LANGID_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bron {

struct LanguageGuess {
  std::string lang;   // ISO 639-1 code, or "und" when the text says too little
  double score = 0;   // function-word evidence for the winner
  size_t words = 0;   // words looked at
};

class LanguageIdentifier {
 public:
  LanguageIdentifier();
  LanguageGuess Identify(std::string_view text) const;

 private:
  std::vector<std::string> languages_;
  // word => bit set over languages_
  std::unordered_map<std::string, uint32_t> words_;
};

}  // namespace bron

#endif  // BRON_TEXT_LANGID_H_
