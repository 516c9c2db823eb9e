// Name keys for linking one entity across documents and languages.
//
//   NameKey("VLADIMIR Poetin")          => "vladimir poetin"   (case and diacritics folded)
//   TransliterationKey("Poetin")        => "putin"             (Dutch and English spellings of Cyrillic
//   TransliterationKey("Putin")         => "putin"              names meet: oe/u, sj/sh, tsj/ch, j/y, -i/-y)
//   LastWord("vladimir putin")          => "putin"
#ifndef BRON_LINK_NAMES_H_
#define BRON_LINK_NAMES_H_

#include <string>
#include <string_view>

namespace bron {

// Lower case, diacritics removed, runs of spaces, hyphens and dots made one space, trimmed.
std::string NameKey(std::string_view name);

// NameKey with the spelling differences of Dutch, English and German transliterations undone, so that
// Zelenski/Zelensky/Selenskyj, Poetin/Putin and Sjojgoe/Shoigu give the same key.
std::string TransliterationKey(std::string_view name);

// The last space-separated word of a key ("" for an empty key).
std::string_view LastWord(std::string_view key);

}  // namespace bron

#endif  // BRON_LINK_NAMES_H_
