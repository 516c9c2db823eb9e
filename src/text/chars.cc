#include "text/chars.h"

#include <array>

#include <utf8proc.h>

#include "base/utf8.h"

namespace bron {
namespace {

uint32_t ClassifySlow(char32_t c) {
  switch (c) {
    case '\n': case '\r': case 0x0B: case 0x0C: case 0x85: case 0x2028:
      return kSpace | kNewline;
    case 0x2029:
      return kSpace | kNewline | kParagraphSep;
    case 0x200B: case 0xFEFF:
      return kSpace;
    case '"': case '`': case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x201A: case 0x201B:
    case 0xAB: case 0xBB: case 0x2039: case 0x203A: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
    case 0xB4:
      return kQuote | kPunct;
    case '\'': case 0x2019: case 0x2018: case 0x2BC:
      return kQuote | kApostrophe | kPunct;
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return kDash | kPunct;
    case '.': case '!': case '?': case 0x2026: case 0x203C: case 0x2047: case 0x2048: case 0x2049:
    case 0x3002: case 0xFF01: case 0xFF1F:
      return kTerminator | kPunct;
    case 0x2022: case 0xB7: case 0x25AA: case 0x25CF: case 0x25E6: case 0x2023: case 0x2219:
    case 0x25A0: case 0x25A1: case 0x25BA:
      return kBullet | kPunct;
    default:
      break;
  }
  if (c < 0x80) {
    if (c == ' ' || c == '\t') return kSpace;
    if (c >= '0' && c <= '9') return kDigit;
    if (c >= 'A' && c <= 'Z') return kLetter | kUpper;
    if (c >= 'a' && c <= 'z') return kLetter | kLower;
    if (c == '(' || c == '[' || c == '{') return kOpenBracket | kPunct;
    if (c == ')' || c == ']' || c == '}') return kCloseBracket | kPunct;
    if (c == '$') return kCurrency | kSymbol;
    if (c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '|' || c == '~') return kSymbol;
    if (c < 0x20 || c == 0x7F) return kSpace;  // other control characters separate like blanks
    return kPunct;                              // ! # % & * , / : ; ? @ \ _
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return kLetter | kUpper;
    case UTF8PROC_CATEGORY_LL: return kLetter | kLower;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return kLetter;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
      return kMark;
    case UTF8PROC_CATEGORY_ND: return kDigit;
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return kOtherNumber;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC: return kSpace;
    case UTF8PROC_CATEGORY_ZL: return kSpace | kNewline;
    case UTF8PROC_CATEGORY_ZP: return kSpace | kNewline | kParagraphSep;
    case UTF8PROC_CATEGORY_PS: return kOpenBracket | kPunct;
    case UTF8PROC_CATEGORY_PE: return kCloseBracket | kPunct;
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: return kQuote | kPunct;
    case UTF8PROC_CATEGORY_PD: return kDash | kPunct;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PO: return kPunct;
    case UTF8PROC_CATEGORY_SC: return kCurrency | kSymbol;
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO: return kSymbol;
    default: return kSymbol;  // unassigned, private use: kept whole, never joined to words
  }
}

struct Table {
  std::array<uint32_t, 0x250> bits;  // Basic Latin through IPA: the bulk of news text
  Table() {
    for (char32_t c = 0; c < bits.size(); ++c) bits[c] = ClassifySlow(c);
  }
};

const Table& SharedTable() {
  static const Table table;
  return table;
}

}  // namespace

uint32_t CharClass(char32_t c) {
  if (c < 0x250) return SharedTable().bits[c];
  return ClassifySlow(c);
}

std::string Lowercase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* end = s.data() + s.size();
  while (p < end) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x80) {  // most of the text: no decoding, no table
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++p;
      continue;
    }
    AppendUtf8(ToLower(DecodeUtf8(p)), &out);
  }
  return out;
}

char32_t ToLower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
}

}  // namespace bron
