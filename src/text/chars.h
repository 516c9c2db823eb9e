// Character classes for tokenisation, as bit sets. ASCII comes from a table; other code points from
// utf8proc's Unicode categories plus the punctuation that matters for news text.
#ifndef BRON_TEXT_CHARS_H_
#define BRON_TEXT_CHARS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace bron {

enum CharBits : uint32_t {
  kSpace = 1u << 0,          // White_Space, and zero-width space / BOM
  kNewline = 1u << 1,        // \n \r U+0085 U+2028 (also kSpace)
  kParagraphSep = 1u << 2,   // U+2029
  kLetter = 1u << 3,
  kUpper = 1u << 4,          // Lu, Lt
  kLower = 1u << 5,          // Ll
  kDigit = 1u << 6,          // Nd
  kMark = 1u << 7,           // combining marks and format characters that live inside words
  kQuote = 1u << 8,          // every quote mark: " ' ` “ ” „ ‘ ’ ‚ « » ‹ › …
  kApostrophe = 1u << 9,     // ' ’ ‘ ʼ: may be part of a word ('s, zo'n, don't)
  kOpenBracket = 1u << 10,
  kCloseBracket = 1u << 11,
  kDash = 1u << 12,          // - – — ― ‒ −
  kTerminator = 1u << 13,    // . ! ? … ‼ ⁇ ⁈ ⁉ 。 ！ ？
  kCurrency = 1u << 14,      // Sc
  kPunct = 1u << 15,         // any punctuation (P*)
  kSymbol = 1u << 16,        // any symbol (S*)
  kBullet = 1u << 17,        // • · ▪ ● ◦ ‣ ∙ ■ □ ►
  kOtherNumber = 1u << 18,   // No, Nl: ½ ² Ⅳ
};

uint32_t CharClass(char32_t c);

inline bool Is(char32_t c, uint32_t bits) { return (CharClass(c) & bits) != 0; }
inline bool IsAlnum(char32_t c) { return Is(c, kLetter | kDigit | kMark | kOtherNumber); }

// Simple lower case (ASCII and Latin-1 fast, utf8proc otherwise).
char32_t ToLower(char32_t c);

// `s` (valid UTF-8) with every code point lower-cased: "Oekraïne" => "oekraïne".
std::string Lowercase(std::string_view s);

}  // namespace bron

#endif  // BRON_TEXT_CHARS_H_
