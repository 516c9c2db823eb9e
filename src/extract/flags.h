// FlagFinder: things a careful reader should know about a text — for now machine-translation damage
// (`mt_artifact`): a full stop before a lower-case word inside a sentence ("25 procent. olie"), a
// conjunction or article with a capital in mid-sentence ("olie En gas"), a wrong article before a
// well-known name ("De Kremlin" for "het Kremlin"). Precise rather than eager. Lexicons in data/<lang>/.
// Immutable after construction; thread-safe.
#ifndef BRON_EXTRACT_FLAGS_H_
#define BRON_EXTRACT_FLAGS_H_

#include <string>
#include <string_view>
#include <unordered_set>

#include "bron/document.h"

namespace bron {

class FlagFinder {
 public:
  explicit FlagFinder(std::string_view lang);
  void Find(Document* doc) const;

 private:
  std::string lang_;
  std::unordered_set<std::string> lowercase_words_;  // never capitalised mid-sentence
  std::unordered_set<std::string> het_names_;        // Dutch names with "het"
};

}  // namespace bron

#endif  // BRON_EXTRACT_FLAGS_H_
