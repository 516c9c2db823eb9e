#include "extract/quantities.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "base/resources.h"
#include "base/utf8.h"
#include "text/chars.h"

namespace bron {
namespace {

bool IsValue(const std::string* value, std::string_view expected) { return value && *value == expected; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Digits split at `sep` into thousands groups: "1", "000", "000".
bool ThousandsGroups(std::string_view s, char sep) {
  size_t first = s.find(sep);
  if (first == 0 || first > 3) return false;
  for (size_t pos = first; pos != std::string_view::npos;) {
    size_t next = s.find(sep, pos + 1);
    size_t len = (next == std::string_view::npos ? s.size() : next) - pos - 1;
    if (len != 3) return false;
    pos = next;
  }
  return true;
}

double ToDouble(std::string s) { return std::strtod(s.c_str(), nullptr); }

// "10.30", "9.45": hours and minutes, as Dutch writes a time of day.
bool IsClockTime(std::string_view s) {
  size_t dot = s.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 2 || s.size() != dot + 3) return false;
  if (!AllDigits(s.substr(0, dot)) || !AllDigits(s.substr(dot + 1))) return false;
  int hours = std::atoi(std::string(s.substr(0, dot)).c_str()), minutes = std::atoi(std::string(s.substr(dot + 1)).c_str());
  return hours <= 24 && minutes < 60;
}

std::string Remove(std::string_view s, char c) {
  std::string out;
  for (char x : s) {
    if (x != c) out.push_back(x);
  }
  return out;
}

}  // namespace

QuantityExtractor::QuantityExtractor(std::string_view lang) : lang_(lang) {
  for (const auto& row : ResourceTsv(std::string(lang) + "/quantities.tsv")) {
    if (row.size() < 2) continue;
    lexicon_[std::string(row[0])].push_back(Entry{std::string(row[1]), row.size() > 2 ? std::string(row[2]) : ""});
  }
}

const std::vector<QuantityExtractor::Entry>* QuantityExtractor::Find(const std::string& lowered) const {
  auto it = lexicon_.find(lowered);
  return it == lexicon_.end() ? nullptr : &it->second;
}

const std::string* QuantityExtractor::Category(const std::string& lowered, std::string_view category) const {
  if (const auto* entries = Find(lowered)) {
    for (const Entry& e : *entries) {
      if (e.category == category) return &e.value;
    }
  }
  return nullptr;
}

std::optional<double> QuantityExtractor::ParseDigits(std::string_view s) const {
  bool negative = !s.empty() && (s[0] == '-' || s[0] == '+');
  if (negative) s.remove_prefix(1);
  negative = negative && s.data()[-1] == '-';
  if (s.empty() || s[0] < '0' || s[0] > '9') return std::nullopt;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == ',')) return std::nullopt;
  }
  if (s.back() == '.' || s.back() == ',') return std::nullopt;
  size_t dots = 0, commas = 0;
  for (char c : s) {
    dots += c == '.';
    commas += c == ',';
  }
  double v;
  if (dots == 0 && commas == 0) {
    v = ToDouble(std::string(s));
  } else if (dots > 0 && commas > 0) {
    // Both: the last separator is the decimal one (1.234,56 / 1,234.56).
    bool comma_decimal = s.rfind(',') > s.rfind('.');
    char thousands = comma_decimal ? '.' : ',';
    size_t decimal_at = comma_decimal ? s.rfind(',') : s.rfind('.');
    if (!ThousandsGroups(s.substr(0, decimal_at), thousands) && s.substr(0, decimal_at).find(thousands) != std::string_view::npos) {
      return std::nullopt;
    }
    std::string whole = Remove(s.substr(0, decimal_at), thousands);
    v = ToDouble(whole + "." + std::string(s.substr(decimal_at + 1)));
  } else {
    char sep = dots ? '.' : ',';
    size_t count = dots + commas;
    bool grouped = ThousandsGroups(s, sep);
    // The language's decimal sign is decimal unless the number is clearly grouped in thousands.
    char decimal = lang_ == "nl" ? ',' : '.';
    if (count > 1) {
      if (!grouped) return std::nullopt;
      v = ToDouble(Remove(s, sep));
    } else if (sep == decimal) {
      v = ToDouble(sep == ',' ? Remove(s, ',').insert(s.find(','), ".") : std::string(s));
    } else if (grouped) {
      v = ToDouble(Remove(s, sep));  // nl 800.000, en 5,000
    } else {
      // The other convention's decimal sign: 3.2 in Dutch, 2,5 in English.
      std::string t(s);
      t[t.find(sep)] = '.';
      v = ToDouble(t);
    }
  }
  return negative ? -v : v;
}

std::optional<double> QuantityExtractor::ParseFraction(const std::string& w) const {
  if (auto v = Category(w, "fraction")) return ToDouble(*v);
  return std::nullopt;
}

std::optional<double> QuantityExtractor::ParseWord(const std::string& w) const {
  if (w.empty()) return std::nullopt;
  if (auto v = Category(w, "num")) return ToDouble(*v);
  if (lang_ != "nl") return std::nullopt;
  // "een tweetal", "een tiental": a group of that many.
  if (w.size() > 3 && w.compare(w.size() - 3, 3, "tal") == 0 && !Category(w, "noun")) {
    auto v = ParseWord(w.substr(0, w.size() - 3));
    if (v && *v >= 2) return v;
    return std::nullopt;
  }
  // Dutch writes numbers as one word: tweeduizend, honderdvijftig, eenentwintig, tweeëntwintig.
  for (const char* scale : {"duizend", "honderd"}) {
    size_t at = w.find(scale);
    if (at == std::string::npos) continue;
    double multiplier = scale[0] == 'd' ? 1000 : 100;
    std::string left = w.substr(0, at), right = w.substr(at + std::string_view(scale).size());
    double l = 1, r = 0;
    if (!left.empty()) {
      auto lv = ParseWord(left);
      if (!lv) return std::nullopt;
      l = *lv;
    }
    if (!right.empty()) {
      auto rv = ParseWord(right);
      if (!rv) return std::nullopt;
      r = *rv;
    }
    return l * multiplier + r;
  }
  for (std::string_view joint : {"en", "ën"}) {
    size_t at = w.find(joint);
    while (at != std::string::npos && at > 0) {
      auto unit = Category(w.substr(0, at), "num");
      auto tens = Category(w.substr(at + joint.size()), "num");
      if (unit && tens && ToDouble(*unit) < 10 && ToDouble(*tens) >= 20 && ToDouble(*tens) < 100) {
        return ToDouble(*unit) + ToDouble(*tens);
      }
      at = w.find(joint, at + 1);
    }
  }
  return std::nullopt;
}

bool QuantityExtractor::DateAhead(const Document& doc, const Sentence& sentence, uint32_t number, uint32_t after) const {
  auto lower = [&](uint32_t t) { return t < sentence.end_token ? Lowercase(doc.Form(t)) : std::string(); };
  if (number <= sentence.first_token || !Category(lower(number - 1), "ahead")) return false;
  if (number >= sentence.first_token + 2) {
    uint32_t before = number - 2;
    std::string b = lower(before);
    // "verspreid over drie dagen", "104.000 euro over tien jaar": a span, not a date.
    if (Category(b, "spread") || Category(b, "currency") || Category(b, "percent") || ParseDigits(b)) return false;
    // "De Hoogste Tijd, over 100 jaar vrouwenkiesrecht", "een boek over tien jaar oorlog": what it is about;
    // not after a word that says when ("uiterlijk over zes weken uitspraak", "uiterlijk" a noun or not).
    if (Category(b, "when")) return true;
    Upos u = doc.tokens[before].upos;
    bool noun_after = after < sentence.end_token && doc.tokens[after].upos == Upos::kNoun;
    if (noun_after && (u == Upos::kNoun || u == Upos::kPropn || u == Upos::kPunct)) return false;
  }
  return true;
}

void QuantityExtractor::Extract(Document* doc) const {
  doc->quantities.clear();
  const auto& tokens = doc->tokens;
  for (const Sentence& sentence : doc->sentences) {
    uint32_t end = sentence.end_token;
    auto lower = [&](uint32_t t) { return t < end ? Lowercase(doc->Form(t)) : std::string(); };
    auto is_noun = [&](uint32_t t) { return t < end && tokens[t].upos == Upos::kNoun; };
    // The number starting at token t: value, first token after it, and what kind of number it is.
    struct Number {
      double value = 0;
      uint32_t next = 0;
      bool fraction = false, vague = false, word = false;
      std::optional<double> low, high;  // a range inside one token: 10-15
      std::string unit_kind, unit;      // a unit written onto the number: 430km, 21-jarige
    };
    // "drie ton" after which comes no noun, "van" or "aan" ("120 ton cocaïne", "twee ton van het CO2"), or
    // in a sentence about money ("verdiend", "betalen", "subsidie") and not about weight ("weegt").
    auto ton_is_money = [&](uint32_t after) {
      bool money = false, weight = false;
      for (uint32_t k = sentence.first_token; k < end; ++k) {
        std::string x = lower(k);
        if (Category(x, "weight-cue")) weight = true;
        if (Category(x, "money-cue")) money = true;
        for (size_t len = 4; len < x.size() && !money; ++len) money = Category(x.substr(0, len) + "*", "money-cue") != nullptr;
      }
      if (weight) return false;
      if (money) return true;
      std::string x = lower(after);
      return !is_noun(after) && x != "van" && x != "aan";
    };
    auto money_before = [&](uint32_t t) {
      return t > sentence.first_token && Category(lower(t - 1), "currency") && tokens[t].gap == Gap::kNone;
    };
    auto number_at = [&](uint32_t t) -> std::optional<Number> {
      if (t >= end) return std::nullopt;
      std::string w = lower(t);
      std::string_view form = doc->Form(t);
      Number n;
      n.next = t + 1;
      if (auto v = ParseDigits(form)) {
        n.value = *v;
      } else if (size_t dash = form.find('-'); dash != std::string_view::npos && dash > 0 &&
                                               form.find('-', dash + 1) == std::string_view::npos) {
        auto a = ParseDigits(form.substr(0, dash)), b = ParseDigits(form.substr(dash + 1));
        if (a && Category(Lowercase(form.substr(dash + 1)), "age")) {  // 21-jarige: an age in years
          n.value = *a;
          n.unit_kind = "duration", n.unit = "year";
          return n;
        }
        if (!a || !b || *a >= *b) return std::nullopt;
        n.low = a;
        n.high = b;
        n.value = *a;
      } else if (auto v = Category(w, "fraction")) {
        n.value = ToDouble(*v);
        n.fraction = true;
        n.word = true;
      } else if (auto v = Category(w, "group"); v && t > sentence.first_token && Category(lower(t - 1), "group-of")) {
        n.value = ToDouble(*v);  // met z'n vijven
        n.word = true;
      } else if (auto v = Category(w, "vague")) {
        n.value = ToDouble(*v);
        n.vague = true;
        n.word = true;
      } else if ((w == "a" || w == "an") && (Category(lower(t + 1), "fraction") || Category(lower(t + 1), "scale"))) {
        n.value = 1;  // "a third", "a million": the article as a number
        n.word = true;
      } else if (auto v = ParseWord(w)) {
        n.value = *v;
        n.word = true;
        // English number phrases: "two hundred", "twenty - one".
        while (n.next < end) {
          std::string x = lower(n.next);
          if ((x == "hundred" || x == "thousand") && n.value < 1000) {
            n.value *= x == "hundred" ? 100 : 1000;
            ++n.next;
          } else if (n.value > 1 && n.value < 20 && (Category(x, "fraction") ||
                     (x == "-" && Category(lower(n.next + 1), "fraction")))) {
            // "two-thirds", "twee derde": a count of parts.
            if (x == "-") ++n.next;
            n.value *= ToDouble(*Category(lower(n.next), "fraction"));
            n.fraction = true;
            ++n.next;
            break;
          } else if (x == "-" && n.value >= 20 && n.value < 100) {
            auto unit = ParseWord(lower(n.next + 1));
            if (!unit || *unit >= 10) break;
            n.value += *unit;
            n.next += 2;
          } else {
            break;
          }
        }
      } else {
        // 1.2bn, 3m, 40k: digits with a scale glued on.
        size_t digits = 0;
        while (digits < form.size() && (std::isdigit(static_cast<unsigned char>(form[digits])) || form[digits] == '.' || form[digits] == ',')) ++digits;
        if (digits == 0 || digits == form.size()) return std::nullopt;
        auto glued = ParseDigits(form.substr(0, digits));
        std::string suffix = Lowercase(form.substr(digits));
        if (!glued) return std::nullopt;
        n.value = *glued;
        // 21-jarige, 66-jarig: an age in years.
        if (suffix.size() > 1 && suffix[0] == '-' && Category(suffix.substr(1), "age")) {
          n.unit_kind = "duration", n.unit = "year";
          return n;
        }
        // 430km, 35mm; 10,000m is a distance, but £5m and 2.5m people are millions.
        auto unit = Category(suffix, "unit");
        bool metres = suffix == "m" && *glued >= 100 && *glued == std::floor(*glued) && !money_before(t);
        if (unit || metres) {
          std::string u = metres ? "measure/m" : *unit;
          n.unit_kind = u.substr(0, u.find('/')), n.unit = u.substr(u.find('/') + 1);
          return n;
        }
        auto scale = Category(suffix, "scale");
        if (!scale && suffix != "k") return std::nullopt;
        n.value = *glued * (scale ? ToDouble(*scale) : 1000);
      }
      return n;
    };

    for (uint32_t t = sentence.first_token; t < end; ++t) {
      uint32_t start_token = t;
      std::string currency;
      const char* first_char = doc->Form(t).data();
      if (auto c = Category(lower(t), "currency"); c && !Is(DecodeUtf8(first_char), kLetter)) {  // £ € $
        std::string_view next_form = t + 1 < end ? doc->Form(t + 1) : std::string_view();
        if (!next_form.empty() && next_form[0] >= '0' && next_form[0] <= '9') {
          currency = *c;
          ++t;
        }
      }
      std::optional<Number> n = number_at(t);
      if (!n) continue;
      std::string w = lower(t);
      if (Category(w + " " + lower(n->next), "idiom")) continue;  // op één lijn
      // "even na half twee", "kwart over drie": a time of day.
      if (n->value <= 12 && t > sentence.first_token &&
          (Category(lower(t - 1), "clock") ||
           (t >= sentence.first_token + 2 && Category(lower(t - 2) + " " + lower(t - 1), "clock")))) {
        continue;
      }
      // "één van de puzzelstukjes", "één van hen": a pronoun (guidelines: in "één van de vier" only "vier" counts).
      if (n->word && n->value == 1 && Category(lower(n->next), "of") && Category(lower(n->next + 1), "pronoun-after-of")) {
        continue;
      }
      // "een" and "one" are articles and pronouns far more often than numbers.
      if (n->word && n->value == 1 && w != "één") {
        std::string next = lower(n->next);
        if (!Category(next, "scale") && !Category(next, "percent") && !Category(next, "unit") && !Category(next, "fraction")) continue;
        if (auto f = Category(next, "fraction")) {  // "een kwart"
          n->value = ToDouble(*f);
          n->fraction = true;
          ++n->next;
        }
      }
      // Parts (half, kwart, third) are also nouns and ordinals: "the second half", "quarter-final", "half
      // januari", "for the quarter". They count as fractions before "of"/"van" or a scale, never after an
      // ordinal; "helft" (lexicon value "article") also after an article: "de helft".
      bool article_before = false;
      if (Category(w, "part")) {
        std::string before = t > sentence.first_token ? lower(t - 1) : "";
        if (Category(before, "ordinal")) continue;
        article_before = !before.empty() && Category(before, "article") && IsValue(Category(w, "part"), "article");
        std::string after = lower(n->next);
        // "de vijfde van de zes" is an ordinal; "de kwart miljoen klanten" an amount.
        if (lang_ == "nl" && !article_before && Category(before, "article") && !Category(after, "scale")) continue;
        if (!article_before && !Category(after, "of") && !Category(after, "scale")) continue;
      }
      // Compounds of a number and a word: "six-kilometre race", "28-year-old"; "12-member", "two-time" are
      // not amounts.
      if (n->next + 1 < end && lower(n->next) == "-" && tokens[n->next].gap == Gap::kNone &&
          tokens[n->next + 1].gap == Gap::kNone && !number_at(n->next + 1)) {
        std::string x = lower(n->next + 1);
        if (Category(x, "age") || (x == "year" && lower(n->next + 2) == "-" && lower(n->next + 3) == "old")) {
          n->unit_kind = "duration", n->unit = "year";
          n->next += x == "year" ? 4 : 2;
        } else if (auto u = Category(x, "unit")) {
          n->unit_kind = u->substr(0, u->find('/')), n->unit = u->substr(u->find('/') + 1);
          n->next += 2;
        } else {
          t = n->next + 1;
          continue;
        }
      }
      // "aged 18": an age.
      if (t > sentence.first_token && Category(lower(t - 1), "age") && n->unit.empty()) {
        n->unit_kind = "duration", n->unit = "year";
      }
      // "de jaren zestig", "de jaren 60 en 70" are decades, times.
      if (n->word && t > sentence.first_token && Category(lower(t - 1), "decades")) continue;
      if (!n->word && n->value < 100 && std::fmod(n->value, 10) == 0 && t >= sentence.first_token + 3 &&
          Category(lower(t - 1), "and") && Category(lower(t - 3), "decades")) {
        continue;
      }
      // Labels, not amounts: "nr. 5", "artikel 3".
      if (t > sentence.first_token && Category(lower(t - 1), "label")) continue;
      Quantity q;
      uint32_t next = n->next;
      double value = n->value;
      bool scaled = false;
      // Scales: "2,5 miljoen", "£80 miljard", "5 duizend".
      // "hundreds of thousands", "tens of millions": vague amounts of a scale.
      while (n->vague && next + 1 < end && Category(lower(next), "of") && Category(lower(next + 1), "vague")) {
        value *= ToDouble(*Category(lower(next + 1), "vague"));
        next += 2;
      }
      while (next < end && n->unit.empty()) {
        std::string x = lower(next);
        static const std::string kThousand = "1000", kHundred = "100";
        const std::string* scale = Category(x, "scale");
        if (!scale && !n->word && (x == "duizend" || x == "honderd" || x == "thousand" || x == "hundred")) {
          scale = x == "duizend" || x == "thousand" ? &kThousand : &kHundred;
        }
        if (!scale) break;
        value *= ToDouble(*scale);
        scaled = true;
        if (n->low) {
          n->low = *n->low * ToDouble(*scale);
          n->high = *n->high * ToDouble(*scale);
        }
        ++next;
      }
      // Ranges across tokens: "tussen 24 en 65", "10 tot 15", "between 5 and 10".
      std::optional<double> low = n->low, high = n->high;
      // "tussen 24 en 65", "tussen de 40 en 65 jaar".
      uint32_t before_number = start_token;
      if (before_number > sentence.first_token + 1 && Category(lower(before_number - 1), "article") &&
          Category(lower(before_number - 2), "between")) {
        --before_number;
      }
      bool opened_between = before_number > sentence.first_token && Category(lower(before_number - 1), "between");
      if (!low && next + 1 < end) {
        std::string x = lower(next);
        bool joins = (opened_between && Category(x, "and")) || (!opened_between && Category(x, "to"));
        uint32_t second_at = next + 1;
        if (!opened_between && x == "tot" && lower(next + 1) == "en" && lower(next + 2) == "met") second_at = next + 3;
        if (joins) {
          if (auto second = number_at(second_at); second && !second->fraction && second->value > n->value) {
            low = value;
            high = second->value;
            next = second->next;
            while (next < end && Category(lower(next), "scale")) {
              double scale = ToDouble(*Category(lower(next), "scale"));
              high = *high * scale;
              if (!scaled) low = *low * scale;  // "2 tot 3 miljoen": both ends in millions
              ++next;
            }
          }
        }
      }
      // What follows: percent, currency word, a unit.
      std::string kind = n->fraction && !scaled ? "fraction" : "count", unit;  // anderhalf miljoen: a count
      if (!currency.empty()) {
        kind = "money";
        unit = currency;
      }
      if (!n->unit.empty()) {
        kind = n->unit_kind;
        unit = n->unit;
      } else if (next < end) {
        std::string x = lower(next), two = next + 1 < end ? x + " " + lower(next + 1) : "";
        if (auto p = Category(two, "percent")) {
          kind = "percent", unit = *p, next += 2;
        } else if (auto p = Category(x, "percent")) {
          kind = "percent", unit = *p, ++next;
        } else if (auto c = Category(two, "currency"); c && currency.empty()) {  // Canadese dollar
          kind = "money", unit = *c, next += 2;
        } else if (auto c = Category(x, "currency"); c && currency.empty()) {
          kind = "money", unit = *c, ++next;
        } else if (auto u = Category(two, "unit")) {
          kind = u->substr(0, u->find('/')), unit = u->substr(u->find('/') + 1), next += 2;
        } else if (auto u = Category(x, "unit")) {
          kind = u->substr(0, u->find('/')), unit = u->substr(u->find('/') + 1), ++next;
        }
      }
      // "een kwartier": a unit worth 15 minutes.
      if (next > t + 1 && kind == "duration") {
        if (auto times = Category(lower(next - 1), "unit-times")) {
          value *= ToDouble(*times);
          if (low) low = *low * ToDouble(*times), high = *high * ToDouble(*times);
        }
      }
      // Dutch "drie ton" is 300,000 euro far more often than 3 tonnes (ton_is_money).
      if (kind == "measure" && unit == "t" && !scaled && lower(next - 1) == "ton" && ton_is_money(next)) {
        value *= 100000;
        if (low) low = *low * 100000, high = *high * 100000;
        kind = "money", unit = "EUR";
      }
      // "over twee weken" is a date (times.cc).
      if (kind == "duration" && n->unit.empty() && !low && unit != "hour" && unit != "minute" && unit != "second" &&
          DateAhead(*doc, sentence, start_token, next)) {
        continue;
      }
      // "twee weken geleden", "vijf jaar later" are dates, not amounts; "vijf uur 's ochtends", "om vijf uur"
      // are times of day.
      // Not "twee jaar later dan gepland" (a difference) nor "de zeven jaar daarvoor" (a span).
      if (kind == "duration" && n->unit.empty() && next < end && Category(lower(next), "ago") && lower(next + 1) != "dan" &&
          !(start_token > sentence.first_token && Category(lower(start_token - 1), "article"))) {
        continue;
      }
      bool at_before = (start_token > sentence.first_token && Category(lower(start_token - 1), "at")) ||
                       (start_token >= sentence.first_token + 2 &&
                        Category(lower(start_token - 2) + " " + lower(start_token - 1), "at"));  // iets na zes uur
      if (unit == "hour" && ((next < end && Category(lower(next), "daypart")) || at_before)) {
        continue;
      }
      // 25 kilometer per uur: a rate.
      if (kind == "measure" && next + 1 < end && Category(lower(next), "per")) {
        if (auto per = Category(lower(next + 1), "unit"); per && per->rfind("duration/", 0) == 0) {
          std::string per_unit = per->substr(9);
          unit += "/" + (per_unit == "hour" ? std::string("h") : per_unit);
          next += 2;
        }
      }
      // Years and times of day are not quantities: 2019, 14.30 uur; in Dutch 10.30 is a time, not 10.3.
      if (lang_ == "nl" && kind == "count" && IsClockTime(doc->Form(t))) continue;
      bool plain_integer = AllDigits(doc->Form(t)) && !n->low && currency.empty();
      // After "sinds"/"since" it is a year even before a noun the tagger misread ("Sinds 2015 kalft de winst").
      bool year_before = start_token > sentence.first_token && Category(lower(start_token - 1), "year-prep");
      if (plain_integer && kind == "count" && value >= 1000 && value <= 2100 && (!is_noun(next) || year_before)) {
        continue;
      }
      if (unit == "hour" && doc->Form(t).find_first_of(".:") != std::string_view::npos) continue;
      // The bound before the number: "meer dan", "ruim", "rond", "tot".
      std::string bound = n->vague ? "vague" : "exact";
      uint32_t first = start_token;
      if (opened_between && low) first = before_number - 1;
      uint32_t probe = article_before ? first - 1 : first;  // "ruim de helft": the bound is before the article
      if (!(opened_between && low) && probe > sentence.first_token) {
        std::string one = lower(probe - 1);
        std::string two = probe >= sentence.first_token + 2 ? lower(probe - 2) + " " + one : "";
        std::string three = probe >= sentence.first_token + 3 && !two.empty() ? lower(probe - 3) + " " + two : "";
        if (auto b3 = Category(three, "bound"); b3 && !three.empty()) {  // "tot en met"
          bound = *b3;
          first = probe - 3;
        } else if (auto b = Category(two, "bound"); b && !two.empty()) {
          bound = *b;
          first = probe - 2;
        } else if (auto b1 = Category(one, "bound")) {
          bound = *b1;
          first = probe - 1;
        }
      }
      if (low) bound = "range";
      // What is counted: the noun after the number, past its adjectives ("800.000 Oekraïense troepen").
      uint32_t last = next;  // one past the last token of the quantity
      if (kind == "count" || kind == "fraction") {
        uint32_t k = next;
        while (k < end && k < next + 3 && tokens[k].upos == Upos::kAdj) ++k;
        // "thousands of jobs", "tientallen van hen": a vague amount counts the noun after "of".
        if (n->vague && k == next && Category(lower(k), "of")) {
          uint32_t j = k + 1;
          while (j < end && j < k + 4 && tokens[j].upos == Upos::kAdj) ++j;
          if (is_noun(j)) k = j;
        }
        if (is_noun(k) && Category(lower(k), "currency") && k > next) {  // "hundreds of millions of dollars"
          kind = "money", unit = *Category(lower(k), "currency");
          last = k + 1;
        } else if (is_noun(k)) {
          q.counted = std::string(doc->Form(k));
          last = k + 1;
        }
      }
      // A bare number is a label or a date, not an amount: "cirkel 1", "bus 12", "28 februari", "1960-2000".
      bool bare = kind == "count" && q.counted.empty() && bound == "exact" && !n->word;
      if (bare && t > sentence.first_token &&
          (tokens[t - 1].upos == Upos::kNoun || tokens[t - 1].upos == Upos::kPropn)) {
        continue;
      }
      if (bare && t > sentence.first_token && Category(lower(t - 1), "month")) continue;
      if (kind == "count" && q.counted.empty() && Category(lower(next), "month")) continue;  // "tot en met 31 juli"
      if (low && *low >= 1000 && *high <= 2100 && kind == "count" && q.counted.empty()) continue;
      // 3-1, 2-4, 8-9 with nothing counted are scores and dates, not ranges.
      if (n->low && kind == "count" && q.counted.empty()) continue;
      q.start = tokens[first].start;
      q.end = tokens[last - 1].end;
      if (low) {
        q.low = low;
        q.high = high;
      } else {
        q.value = value;
      }
      q.bound = bound;
      q.kind = kind;
      q.unit = unit;
      doc->quantities.push_back(std::move(q));
      t = last - 1;
    }
  }
}

}  // namespace bron
