#include "extract/times.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>

#include "base/resources.h"
#include "base/utf8.h"
#include "text/chars.h"

namespace bron {
namespace {

bool IsValue(const std::string* value, std::string_view expected) { return value && *value == expected; }

namespace chr = std::chrono;

std::optional<chr::year_month_day> ParseIsoDate(const std::optional<std::string>& s) {
  if (!s || s->size() < 10) return std::nullopt;
  int y = std::atoi(s->substr(0, 4).c_str()), m = std::atoi(s->substr(5, 2).c_str()), d = std::atoi(s->substr(8, 2).c_str());
  chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)}, chr::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::string Format(int y, int m = 0, int d = 0) {
  char buffer[16];
  if (d) std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", y, m, d);
  else if (m) std::snprintf(buffer, sizeof(buffer), "%04d-%02d", y, m);
  else std::snprintf(buffer, sizeof(buffer), "%04d", y);
  return buffer;
}

std::string Format(chr::year_month_day ymd) {
  return Format(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day())));
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "2026-W08": the ISO week of a day (the Thursday of the week decides its year).
std::string IsoWeek(chr::sys_days day) {
  unsigned wd = chr::weekday{day}.iso_encoding();
  chr::sys_days thursday = day + chr::days{4 - static_cast<int>(wd)};
  chr::year_month_day thursday_ymd{thursday};
  chr::sys_days jan1{chr::year_month_day{thursday_ymd.year(), chr::January, chr::day{1}}};
  int week = static_cast<int>((thursday - jan1).count() / 7) + 1;
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%04d-W%02d", static_cast<int>(thursday_ymd.year()), week);
  return buffer;
}

// "27-02-2026", "27/02/2026", "2026-02-27" => a valid date.
std::optional<chr::year_month_day> NumericDate(std::string_view s) {
  char sep = s.find('-') != std::string_view::npos ? '-' : s.find('/') != std::string_view::npos ? '/' : 0;
  if (!sep) return std::nullopt;
  size_t a = s.find(sep), b = s.find(sep, a + 1);
  if (b == std::string_view::npos || s.find(sep, b + 1) != std::string_view::npos) return std::nullopt;
  std::string_view p1 = s.substr(0, a), p2 = s.substr(a + 1, b - a - 1), p3 = s.substr(b + 1);
  if (!AllDigits(p1) || !AllDigits(p2) || !AllDigits(p3)) return std::nullopt;
  int y, m, d;
  if (p1.size() == 4) {
    y = std::atoi(std::string(p1).c_str()), m = std::atoi(std::string(p2).c_str()), d = std::atoi(std::string(p3).c_str());
  } else if (p3.size() == 4) {
    d = std::atoi(std::string(p1).c_str()), m = std::atoi(std::string(p2).c_str()), y = std::atoi(std::string(p3).c_str());
  } else {
    return std::nullopt;
  }
  chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)}, chr::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

// The tense of a sentence from its finite verbs (XPOS of the tag stage): -1 past (a past finite verb, or a
// perfect: a finite "heeft"/"is"/"has" with a participle, or in Dutch with two infinitives in a row: "heeft
// laten weten", not "zitten te kijken"), +1 present or future, 0 unknown (no tags). A participle after another present verb is a passive
// or a modal ("wordt gehouden", "moet hebben goedgekeurd"), not a past.
int SentenceTense(const Document& doc, const Sentence& sentence) {
  static const std::unordered_set<std::string> kPerfectAuxiliaries = {
      "heb", "hebt", "heeft", "hebben", "ben", "bent", "is", "zijn", "has", "have", "'ve"};
  // After a modal, "hebben"/"zijn" is an infinitive the tagger may read as finite: "moet die voor juli
  // hebben goedgekeurd" is no past.
  static const std::unordered_set<std::string> kModals = {"moet", "moeten", "zal", "zullen", "kan", "kunnen",
                                                          "wil", "willen", "mag", "mogen"};
  bool past = false, present = false, auxiliary = false, participle = false, infinitive = false, modal = false;
  for (uint32_t t = sentence.first_token; t < sentence.end_token && t < doc.tokens.size(); ++t) {
    std::string_view x = doc.tokens[t].xpos ? doc.strings.Get(doc.tokens[t].xpos) : "";
    if (x.empty()) continue;
    bool finite_present = x.rfind("WW|pv|tgw", 0) == 0 || x == "VBZ" || x == "VBP" || x == "MD";
    if (x.rfind("WW|pv|verl", 0) == 0 || x == "VBD") past = true;
    if (finite_present) present = true;
    std::string form = Lowercase(doc.Form(t));
    if (finite_present && kModals.count(form)) modal = true;
    if (finite_present && kPerfectAuxiliaries.count(form) && !(modal && (form == "hebben" || form == "zijn"))) auxiliary = true;
    if (x.rfind("WW|vd", 0) == 0 || x == "VBN") participle = true;
    auto is_infinitive = [&](uint32_t k) {
      if (k >= sentence.end_token || !doc.tokens[k].xpos) return false;
      return doc.strings.Get(doc.tokens[k].xpos).rfind("WW|inf", 0) == 0;
    };
    if (is_infinitive(t) && is_infinitive(t + 1)) infinitive = true;
  }
  if (past || (auxiliary && (participle || infinitive))) return -1;
  return present ? 1 : 0;
}

// The date `count` units (day/week/month/year) after `from` (before it when count < 0), as precise as the
// unit: a day for days and whole weeks, the ISO week for "anderhalve week", the month, the year.
std::string Shift(chr::year_month_day from, double count, const std::string& unit) {
  int n = static_cast<int>(count);
  int y = static_cast<int>(from.year()), m = static_cast<int>(static_cast<unsigned>(from.month()));
  if (unit == "year") return Format(y + n);
  if (unit == "month") {
    int months = y * 12 + (m - 1) + n;
    return Format(months / 12, months % 12 + 1);
  }
  if (unit == "week" && count != n) return IsoWeek(chr::sys_days{from} + chr::days{static_cast<int>(7 * count)});
  return Format(chr::year_month_day{chr::sys_days{from} + chr::days{unit == "week" ? 7 * n : n}});
}

// The date the text named last, in this sentence or the two before, when it is precise enough to count
// `unit`s from ("in 2025" for years, "op 19 februari" for days); nullopt otherwise.
std::optional<chr::year_month_day> RecentDate(const Document& doc, size_t sentence_index, const std::string& unit) {
  if (doc.times.empty()) return std::nullopt;
  const Sentence& window = doc.sentences[sentence_index < 2 ? 0 : sentence_index - 2];
  const TimeExpression& last = doc.times.back();
  if (window.first_token >= doc.tokens.size() || last.start < doc.tokens[window.first_token].start) return std::nullopt;
  if (last.kind != "date" || !last.value) return std::nullopt;
  const std::string& v = *last.value;
  bool year = v.size() == 4 && AllDigits(v), month = v.size() == 7 && v[4] == '-' && AllDigits(v.substr(5));
  if (auto day = ParseIsoDate(v)) return day;
  if (unit == "year" && (year || month)) return chr::year_month_day{chr::year{std::atoi(v.substr(0, 4).c_str())}, chr::January, chr::day{1}};
  if (unit == "month" && month) {
    return chr::year_month_day{chr::year{std::atoi(v.substr(0, 4).c_str())},
                               chr::month{static_cast<unsigned>(std::atoi(v.substr(5, 2).c_str()))}, chr::day{1}};
  }
  return std::nullopt;
}

// "2019-SU": the season (code, first month; it begins about the 21st) that a relative word points to from
// the publication date: -1 the last one that began before it, +1 the next one to begin after it, 0 the one of
// this year ("dit najaar" in March is the coming autumn; "deze winter" in the first half of the year the one
// that began last December).
std::string Season(std::string_view code, int first_month, int rel, chr::year_month_day published) {
  chr::sys_days pub{published};
  auto begins = [&](int y) { return chr::sys_days{chr::year{y} / first_month / 21}; };
  int y = static_cast<int>(published.year());
  int season_year = y;
  if (rel < 0) {
    season_year = begins(y) < pub ? y : y - 1;
  } else if (rel > 0) {
    season_year = begins(y) > pub ? y : y + 1;
  } else if (first_month == 12 && static_cast<unsigned>(published.month()) <= 6) {
    season_year = y - 1;  // the winter that began last December
  }
  return Format(season_year) + "-" + std::string(code);
}

}  // namespace

TimeExtractor::TimeExtractor(std::string_view lang) : lang_(lang), numbers_(lang) {
  for (const auto& row : ResourceTsv(std::string(lang) + "/times.tsv")) {
    if (row.size() < 2) continue;
    lexicon_[std::string(row[0])].emplace_back(std::string(row[1]), row.size() > 2 ? std::string(row[2]) : "");
  }
}

const std::string* TimeExtractor::Lookup(const std::string& lowered, std::string_view category) const {
  auto it = lexicon_.find(lowered);
  if (it == lexicon_.end()) return nullptr;
  for (const auto& [c, v] : it->second) {
    if (c == category) return &v;
  }
  return nullptr;
}

void TimeExtractor::Extract(Document* doc) const {
  doc->times.clear();
  auto published = ParseIsoDate(doc->published);
  const auto& tokens = doc->tokens;
  std::optional<chr::sys_days> last_weekday;  // the day the last weekday named, for "vrijdag en zaterdag"
  std::optional<uint32_t> last_weekday_token;
  std::vector<std::string> lowered;
  for (size_t sentence_index = 0; sentence_index < doc->sentences.size(); ++sentence_index) {
    const Sentence& sentence = doc->sentences[sentence_index];
    uint32_t end = sentence.end_token;
    // Every rule looks at the lower-case forms around it: lowered once per sentence.
    lowered.clear();
    for (uint32_t t = sentence.first_token; t < end; ++t) lowered.push_back(Lowercase(doc->Form(t)));
    auto lower = [&](uint32_t t) -> const std::string& {
      static const std::string kNone;
      return t >= sentence.first_token && t < end ? lowered[t - sentence.first_token] : kNone;
    };
    auto add = [&](uint32_t first, uint32_t last, std::optional<std::string> value, const char* kind) {
      TimeExpression e;
      e.start = tokens[first].start;
      e.end = tokens[last - 1].end;
      e.value = std::move(value);
      e.kind = kind;
      doc->times.push_back(std::move(e));
    };
    // "(11 november) vorig jaar", "(in June) last year": the year relative to publication, or nullopt.
    auto relative_year = [&](uint32_t at) -> std::optional<int> {
      auto rel = Lookup(lower(at), "rel");
      if (!rel || at + 1 >= end || !IsValue(Lookup(lower(at + 1), "unit"), "year")) return std::nullopt;
      return std::atoi(rel->c_str());
    };
    // A day of the month right after a weekday ("donderdag 18 april", "Tuesday, September 22"): the date
    // says which day it is, so the weekday is not resolved on its own.
    auto date_follows = [&](uint32_t at) {
      if (at < end && doc->Form(at) == ",") ++at;
      if (at + 1 >= end) return false;
      bool day_month = AllDigits(doc->Form(at)) && doc->Form(at).size() <= 2 && Lookup(lower(at + 1), "month");
      bool month_day = Lookup(lower(at), "month") && AllDigits(doc->Form(at + 1)) && doc->Form(at + 1).size() <= 2;
      bool day_of_weekend = AllDigits(doc->Form(at)) && doc->Form(at).size() <= 2 && Lookup(lower(at + 1), "joins");  // zaterdag 21 en zondag 22 september
      return day_month || month_day || day_of_weekend;
    };
    auto is_year = [&](uint32_t at) {
      if (at >= end || !AllDigits(doc->Form(at)) || doc->Form(at).size() != 4) return false;
      int y = std::atoi(std::string(doc->Form(at)).c_str());
      return y >= 1800 && y <= 2100;
    };
    const int tense = SentenceTense(*doc, sentence);
    // A news verb in the present tense reports what was said or done before publication: "zegt minister
    // Hoekstra maandag in de Financial Times", "meldt Het Parool donderdag".
    bool reported = false;
    for (uint32_t k = sentence.first_token; k < end && !reported; ++k) {
      std::string_view x = tokens[k].xpos ? doc->strings.Get(tokens[k].xpos) : "";
      reported = x.rfind("WW|pv|tgw", 0) == 0 && Lookup(lower(k), "report");
    }
    // "te" with an infinitive after `at`: the weekday may belong to what is planned ("zegt vrijdag naar het
    // Malieveld te gaan").
    auto plan_after = [&](uint32_t at) {
      for (uint32_t k = at + 1; k + 1 < end; ++k) {
        if (lower(k) == "te" && tokens[k + 1].xpos && doc->strings.Get(tokens[k + 1].xpos).rfind("WW|inf", 0) == 0) return true;
      }
      return false;
    };
    // A weekday that names no day: a habit ("elke zondag", "vergaderen op maandag", "op woensdag en
    // donderdag") or a surname after a first name ("Jolanda Zondag": Dutch writes weekdays in lower case
    // inside a sentence).
    std::optional<uint32_t> last_habit_token;
    auto weekday_is_date = [&](uint32_t first, uint32_t at) {
      bool habit = first == at && at > sentence.first_token &&
                   ((tense > 0 && lower(at - 1) == "op") ||
                    (last_habit_token && *last_habit_token + 2 == at && Lookup(lower(at - 1), "coord")));
      if (habit) {
        last_habit_token = at;
        return false;
      }
      uint32_t before = first;  // "op een vroege zondagochtend": past an adjective
      if (before > sentence.first_token + 1 && tokens[before - 1].upos == Upos::kAdj) --before;
      if (before > sentence.first_token && Lookup(lower(before - 1), "every")) return false;
      if (before > sentence.first_token + 1 && Lookup(lower(before - 2) + " " + lower(before - 1), "every")) return false;
      auto upper = [&](uint32_t k) {
        const char* p = doc->Form(k).data();
        return Is(DecodeUtf8(p), kUpper);
      };
      bool after_name = first == at && at > sentence.first_token && upper(at - 1);
      bool capital = upper(at);
      return !(capital && after_name);
    };
    for (uint32_t t = sentence.first_token; t < end; ++t) {
      std::string w = lower(t);
      std::string_view form = doc->Form(t);
      // A year after a preposition or a word like "jaar", "editie", "en" (after a year): "tegen 2029",
      // "uit 2011", "tussen 2014 en 2015", "het jaar 2004"; not when a noun follows ("2948 zaken").
      if (is_year(t) && t > sentence.first_token && Lookup(lower(t - 1), "yearprep") &&
          !(t + 1 < end && tokens[t + 1].upos == Upos::kNoun && !Lookup(lower(t + 1), "month"))) {
        add(t, t + 1, std::string(form), "date");
        continue;
      }
      // de jaren 90, de jaren '80, jaren 60-muziek: a decade, "199" (the 1900s up from 20, "jaren 00" and "jaren 10"
      // the 2000s).
      if (Lookup(w, "decades") && t + 1 < end) {
        std::string_view next = doc->Form(t + 1);
        if (!next.empty() && next[0] == '\'') next.remove_prefix(1);
        if (size_t dash = next.find('-'); dash != std::string_view::npos && dash > 0) next = next.substr(0, dash);
        if (next.size() == 2 && AllDigits(next) && next[1] == '0') {
          uint32_t first = t > sentence.first_token && Lookup(lower(t - 1), "article") ? t - 1 : t;
          add(first, t + 2, (next[0] <= '1' ? "20" : "19") + std::string(1, next[0]), "date");
          ++t;
          // "de jaren 60 en 70": the second decade too.
          std::string_view other = t + 2 < end ? doc->Form(t + 2) : std::string_view();
          if (Lookup(lower(t + 1), "joins") && other.size() == 2 && AllDigits(other) && other[1] == '0') {
            add(t + 2, t + 3, (other[0] <= '1' ? "20" : "19") + std::string(1, other[0]), "date");
            t += 2;
          }
          continue;
        }
      }
      // de jaren zestig, the 1960s: a decade, "196".
      if (Lookup(w, "decades") && t + 1 < end) {
        if (auto tens = Lookup(lower(t + 1), "decade")) {
          uint32_t first = t > sentence.first_token && Lookup(lower(t - 1), "article") ? t - 1 : t;
          add(first, t + 2, "19" + *tens, "date");
          ++t;
          continue;
        }
      }
      if (form.size() == 5 && form[4] == 's' && is_year(t) == false && AllDigits(form.substr(0, 4)) && form[3] == '0') {
        add(t, t + 1, std::string(form.substr(0, 3)), "date");  // the 1960s
        continue;
      }
      // "17 tot en met 19 juli", "zaterdag 21 en zondag 22 september": the first day takes the month after.
      if (AllDigits(form) && form.size() <= 2 && !Lookup(lower(t + 1), "month")) {
        uint32_t k = t + 1;
        while (k < end && k < t + 5 && (Lookup(lower(k), "joins") || Lookup(lower(k), "weekday"))) ++k;
        if (k > t + 1 && k + 1 < end && AllDigits(doc->Form(k)) && doc->Form(k).size() <= 2) {
          if (auto month = Lookup(lower(k + 1), "month")) {
            int d = std::atoi(std::string(form).c_str()), m = std::atoi(month->c_str());
            std::optional<int> y;
            if (is_year(k + 2)) y = std::atoi(std::string(doc->Form(k + 2)).c_str());
            else if (published) y = static_cast<int>(published->year());
            if (d >= 1 && d <= 31) {
              add(t, t + 1, y ? std::optional<std::string>(Format(*y, m, d)) : std::nullopt, "date");
              continue;
            }
          }
        }
      }
      // 27-02-2026, 2026-02-27
      if (auto date = NumericDate(form)) {
        add(t, t + 1, Format(*date), "date");
        continue;
      }
      // 27 februari (2026) / February 27(, 2026)
      if (AllDigits(form) && form.size() <= 2 && t + 1 < end) {
        if (auto month = Lookup(lower(t + 1), "month")) {
          int d = std::atoi(std::string(form).c_str()), m = std::atoi(month->c_str());
          uint32_t last = t + 2;
          std::optional<int> y;
          if (last < end && AllDigits(doc->Form(last)) && doc->Form(last).size() == 4) {
            y = std::atoi(std::string(doc->Form(last)).c_str());
            ++last;
          } else if (auto r = relative_year(last); r && published) {
            y = static_cast<int>(published->year()) + *r;
            last += 2;
          } else if (published) {
            y = static_cast<int>(published->year());
          }
          add(t, last, y ? std::optional<std::string>(Format(*y, m, d)) : std::nullopt, "date");
          t = last - 1;
          continue;
        }
      }
      if (auto month = Lookup(w, "month")) {
        // "May" and "mei" are also ordinary words: a month name needs a capital in English, and a day,
        // a year or "in" beside it unless it is unambiguous.
        int m = std::atoi(month->c_str());
        uint32_t last = t + 1;
        std::optional<int> d, y;
        if (last < end && AllDigits(doc->Form(last)) && doc->Form(last).size() <= 2) {  // February 27
          d = std::atoi(std::string(doc->Form(last)).c_str());
          ++last;
          if (last + 1 < end && doc->Form(last) == "," && AllDigits(doc->Form(last + 1)) && doc->Form(last + 1).size() == 4) ++last;
        }
        if (last < end && AllDigits(doc->Form(last)) && doc->Form(last).size() == 4) {
          y = std::atoi(std::string(doc->Form(last)).c_str());
          ++last;
        }
        bool ambiguous = w == "mei" || w == "may" || w == "march" || (lang_ == "en" && !Is(static_cast<unsigned char>(form[0]), kUpper));
        if (ambiguous && !d && !y && !(t > sentence.first_token && Lookup(lower(t - 1), "in"))) continue;
        if (auto r = relative_year(last); r && !y && published) {
          y = static_cast<int>(published->year()) + *r;
          last += 2;
        } else if (auto r = lower(last) == "van" ? relative_year(last + 1) : std::nullopt; r && !y && published) {
          y = static_cast<int>(published->year()) + *r;  // "februari van dit jaar": one date
          last += 3;
        }
        if (!y && published) {
          y = static_cast<int>(published->year());
          // "het akkoord uit december" in a sentence in the past: the last December before publication; not
          // when the month belongs to what was planned ("beloofde voor half april het rapport te openen").
          if (tense < 0 && m > static_cast<int>(static_cast<unsigned>(published->month())) && !plan_after(t)) --*y;
        }
        add(t, last, y ? std::optional<std::string>(d ? Format(*y, m, *d) : Format(*y, m)) : std::nullopt, "date");
        t = last - 1;
        continue;
      }
      // in 2019, sinds 2022
      if ((Lookup(w, "in") || Lookup(w, "since")) && t + 1 < end && AllDigits(doc->Form(t + 1)) &&
          doc->Form(t + 1).size() == 4) {
        int y = std::atoi(std::string(doc->Form(t + 1)).c_str());
        if (y >= 1000 && y <= 2100) {
          add(t + 1, t + 2, Format(y), "date");
          ++t;
          continue;
        }
      }
      // gisteren, vandaag, yesterday; not "tot op de dag van vandaag" (to this day).
      bool idiom = t >= sentence.first_token + 2 && Lookup(lower(t - 2) + " " + lower(t - 1), "not-a-day");
      if (auto offset = Lookup(w, "day"); offset && !idiom) {
        std::optional<std::string> value;
        if (published) value = Format(chr::year_month_day{chr::sys_days{*published} + chr::days{std::atoi(offset->c_str())}});
        add(t, t + 1, value, "date");
        continue;
      }
      // donderdag, last Thursday: the most recent such day before publication.
      uint32_t first = t;
      bool last_word = IsValue(Lookup(w, "rel"), "-1");
      bool next_word = IsValue(Lookup(w, "rel"), "1");  // komende vrijdag, next Friday
      if ((last_word || next_word) && t + 1 < end && Lookup(lower(t + 1), "weekday")) ++t, w = lower(t);
      if (auto wd = Lookup(w, "weekday"); wd && (date_follows(t + 1) || !weekday_is_date(first, t))) {
        continue;
      } else if (wd) {
        std::optional<std::string> value;
        if (published) {
          chr::sys_days pub{*published};
          int day = std::atoi(wd->c_str());
          unsigned pub_wd = chr::weekday{pub}.iso_encoding();
          int back = (static_cast<int>(pub_wd) - day + 7) % 7;
          if (back == 0 && last_word) back = 7;
          // In a sentence in the present or future tense a bare weekday is the coming one ("vormen zondag");
          // "sinds maandag", "de stemming van dinsdag" and a reporting verb look back whatever the tense.
          int ahead = (day - static_cast<int>(pub_wd) + 7) % 7;
          if (next_word && ahead == 0) ahead = 7;
          // "de verkiezingen van woensdag", "Het Parool van woensdag": an event already named, so a past one.
          bool of_event = first == t && first > sentence.first_token + 1 && lower(first - 1) == "van" &&
                          (tokens[first - 2].upos == Upos::kNoun || tokens[first - 2].upos == Upos::kPropn) &&
                          !(t + 1 < end && Lookup(lower(t + 1), "coord"));
          bool since = first > sentence.first_token && Lookup(lower(first - 1), "since");
          since = since || of_event || (reported && !plan_after(t));
          bool forward = next_word || (!last_word && !since && tense > 0);
          chr::sys_days date = forward ? pub + chr::days{ahead} : pub - chr::days{back};
          // "afgelopen vrijdag en zaterdag", "van maandag op dinsdag": the day after the weekday just named.
          if (!last_word && !next_word && last_weekday && *last_weekday_token + 2 == first &&
              Lookup(lower(first - 1), "coord")) {
            int gap = (day - static_cast<int>(chr::weekday{*last_weekday}.iso_encoding()) + 7) % 7;
            date = *last_weekday + chr::days{gap == 0 ? 7 : gap};
          }
          last_weekday = date;
          value = Format(chr::year_month_day{date});
        }
        last_weekday_token = t;
        add(first, t + 1, value, "date");
        continue;
      }
      t = first;
      // komende zomer, afgelopen winter, deze lente; zomer 2018, de zomer van 2018.
      if (auto rel = Lookup(w, "rel"); rel && t + 1 < end && Lookup(lower(t + 1), "season")) {
        std::string season = *Lookup(lower(t + 1), "season");
        std::optional<std::string> value;
        int r = std::atoi(rel->c_str());
        if (r == 0 && tense < 0) r = -1;  // "trok deze zomer 28 miljoen uit", written in spring: last summer
        if (published) value = Season(season.substr(0, 2), std::atoi(season.c_str() + 3), r, *published);
        add(t, t + 2, value, "date");
        ++t;
        continue;
      }
      if (auto season = Lookup(w, "season")) {
        uint32_t at = t + 1 < end && lower(t + 1) == "van" ? t + 2 : t + 1;
        if (is_year(at)) {
          add(t, at + 1, std::string(doc->Form(at)) + "-" + season->substr(0, 2), "date");
          t = at;
          continue;
        }
      }
      // vorige maand, vorig jaar, deze week, next year
      static const std::unordered_set<std::string> kPlural = {"dagen", "weken", "maanden", "jaren", "days", "weeks", "months", "years"};
      if (auto rel = Lookup(w, "rel"); rel && t + 1 < end && !kPlural.count(lower(t + 1))) {  // "afgelopen maanden" is a span
        if (auto unit = Lookup(lower(t + 1), "unit"); unit && (*unit == "week" || *unit == "month" || *unit == "year")) {
          int r = std::atoi(rel->c_str());
          std::optional<std::string> value;
          // "vorige week maandag", "volgende week dinsdag": that day of that week, one date.
          if (auto wd = *unit == "week" ? Lookup(lower(t + 2), "weekday") : nullptr) {
            if (published) {
              chr::sys_days pub{*published};
              chr::sys_days monday = pub - chr::days{chr::weekday{pub}.iso_encoding() - 1} + chr::days{7 * r};
              value = Format(chr::year_month_day{monday + chr::days{std::atoi(wd->c_str()) - 1}});
            }
            add(t, t + 3, value, "date");
            t += 2;
            continue;
          }
          if (published) {
            int y = static_cast<int>(published->year()), m = static_cast<int>(static_cast<unsigned>(published->month()));
            if (*unit == "year" && t + 2 < end && Lookup(lower(t + 2), "month") && !AllDigits(lower(t + 3))) {
              // "volgend jaar april": that month of that year, one date.
              value = Format(y + r, std::atoi(Lookup(lower(t + 2), "month")->c_str()));
              add(t, t + 3, value, "date");
              t += 2;
              continue;
            } else if (*unit == "year") {
              value = Format(y + r);
            } else if (*unit == "month") {
              int months = y * 12 + (m - 1) + r;
              value = Format(months / 12, months % 12 + 1);
            } else {
              value = IsoWeek(chr::sys_days{*published} + chr::days{7 * r});
            }
          }
          add(t, t + 2, value, "date");
          ++t;
          continue;
        }
      }
      // vier jaar geleden, three years ago; vier jaar (a duration)
      std::optional<double> count = numbers_.ParseDigits(form);
      if (!count) count = numbers_.ParseWord(w);
      if (!count) count = numbers_.ParseFraction(w);  // anderhalve week geleden
      if (count && t + 1 < end) {
        if (auto unit = Lookup(lower(t + 1), "unit")) {
          int n = static_cast<int>(*count);
          bool ahead = *unit != "hour" && *unit != "minute" && numbers_.DateAhead(*doc, sentence, t, t + 2);
          if (ahead) {  // over twee weken: that long after publication
            add(t - 1, t + 2, published ? std::optional<std::string>(Shift(*published, *count, *unit)) : std::nullopt, "date");
            ++t;
          } else if (auto later = Lookup(lower(t + 2), "later");
                     later && *unit != "hour" && *unit != "minute" && lower(t + 3) != "dan" &&
                     !(t > sentence.first_token && Lookup(lower(t - 1), "article"))) {  // "de zeven jaar daarvoor": a span
            // "in 2025 ... vijf jaar later", "in 2017 ... een jaar eerder": that long after (before) the date
            // named in this or the last two sentences; not "twee jaar later dan gepland".
            if (auto anchor = RecentDate(*doc, sentence_index, *unit)) {
              add(t, t + 3, Shift(*anchor, *count * std::atoi(later->c_str()), *unit), "date");
            }
            t += 2;
          } else if (t + 2 < end && Lookup(lower(t + 2), "ago")) {
            std::optional<std::string> value;
            if (published) {
              int y = static_cast<int>(published->year()), m = static_cast<int>(static_cast<unsigned>(published->month()));
              if (*unit == "year") value = Format(y - n);
              else if (*unit == "month") value = Format((y * 12 + m - 1 - n) / 12, (y * 12 + m - 1 - n) % 12 + 1);
              else if (*unit == "week" && *count != n) value = IsoWeek(chr::sys_days{*published} - chr::days{static_cast<int>(7 * *count)});
              else if (*unit == "week") value = Format(chr::year_month_day{chr::sys_days{*published} - chr::days{7 * n}});
              else if (*unit == "day") value = Format(chr::year_month_day{chr::sys_days{*published} - chr::days{n}});
            }
            add(t, t + 3, value, "date");
            t += 2;
          } else if (*unit == "hour" && (form.find_first_of(".:") != std::string_view::npos ||
                                         (t > sentence.first_token && (Lookup(lower(t - 1), "at") ||
                                                                       Lookup(lower(t - 1), "weekday"))))) {
            ++t;  // om 20.00 uur, dinsdag 12 uur: a time of day, not a duration
          } else if (*count == n && n > 0) {
            const char* letter = *unit == "year" ? "Y" : *unit == "month" ? "M" : *unit == "week" ? "W" : *unit == "day" ? "D" : "H";
            add(t, t + 2, std::string(*unit == "hour" ? "PT" : "P") + std::to_string(n) + letter, "duration");
            ++t;
          }
        }
      }
    }
  }
}

}  // namespace bron
