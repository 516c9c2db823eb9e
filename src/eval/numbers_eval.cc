#include "eval/numbers_eval.h"

#include <simdjson.h>

#include <cmath>
#include <fstream>
#include <sstream>

namespace bron {
namespace {

bool SameValue(std::optional<double> a, std::optional<double> b) {
  if (!a || !b) return !a && !b;
  return std::fabs(*a - *b) <= 1e-4 * std::max(1.0, std::fabs(*b));  // 0.3333 = 1/3, 0.6667 = 2/3
}

std::optional<double> OptionalNumber(simdjson::dom::element e) {
  double d;
  if (e.get_double().get(d) == simdjson::SUCCESS) return d;
  return std::nullopt;
}

// Code point offset of every byte offset of `text` (and of its end): the characters that start before it.
std::vector<uint32_t> CodepointOffsets(const std::string& text) {
  std::vector<uint32_t> at(text.size() + 1);
  uint32_t cp = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    at[i] = cp;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++cp;
  }
  at[text.size()] = cp;
  return at;
}

}  // namespace

Status ReadNumberGold(const std::string& path, std::vector<NumberGold>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot read the gold file");
  simdjson::dom::parser parser;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    std::string where = path + ":" + std::to_string(number);
    simdjson::dom::element doc;
    if (parser.parse(line).get(doc) != simdjson::SUCCESS) return Status::InvalidInput(where + ": not valid JSON");
    NumberGold gold;
    int64_t id;
    std::string_view s;
    if (doc["id"].get_int64().get(id) == simdjson::SUCCESS) gold.id = std::to_string(id);
    else if (doc["id"].get_string().get(s) == simdjson::SUCCESS) gold.id = std::string(s);
    else return Status::InvalidInput(where + ": \"id\" is missing");
    if (doc["split"].get_string().get(s) == simdjson::SUCCESS) gold.split = std::string(s);
    for (const char* layer : {"quantities", "times"}) {
      simdjson::dom::array items;
      if (doc[layer].get_array().get(items) != simdjson::SUCCESS) {
        return Status::InvalidInput(where + ": \"" + layer + "\" is not an array");
      }
      for (simdjson::dom::element item : items) {
        GoldNumber g;
        int64_t start, end;
        if (item["start"].get_int64().get(start) != simdjson::SUCCESS || item["end"].get_int64().get(end) != simdjson::SUCCESS ||
            start < 0 || end < start) {
          return Status::InvalidInput(where + ": an item of \"" + layer + "\" has no valid start and end");
        }
        g.start = static_cast<uint32_t>(start);
        g.end = static_cast<uint32_t>(end);
        if (item["text"].get_string().get(s) == simdjson::SUCCESS) g.text = std::string(s);
        if (std::string_view(layer) == "quantities") {
          g.value = OptionalNumber(item["value"]);
          g.low = OptionalNumber(item["low"]);
          g.high = OptionalNumber(item["high"]);
          gold.quantities.push_back(std::move(g));
        } else {
          if (item["value"].get_string().get(s) == simdjson::SUCCESS) g.time_value = std::string(s);
          gold.times.push_back(std::move(g));
        }
      }
    }
    out->push_back(std::move(gold));
  }
  return Status::Ok();
}

void ScoreNumbers(const NumberGold& gold, const Document& doc, NumberScores* scores, std::vector<std::string>* errors) {
  std::vector<uint32_t> cp = CodepointOffsets(doc.text);
  auto overlaps = [&](uint32_t byte_start, uint32_t byte_end, const GoldNumber& g) {
    return cp[byte_start] < g.end && g.start < cp[byte_end];
  };
  auto note = [&](const char* what, const char* layer, std::string_view text, const std::string& value) {
    if (errors) errors->push_back(gold.id + " " + layer + " " + what + " \"" + std::string(text) + "\" = " + value);
  };
  auto number = [](std::optional<double> v) {
    if (!v) return std::string("null");
    std::ostringstream s;
    s << *v;
    return s.str();
  };

  std::vector<bool> used(gold.quantities.size());
  for (const Quantity& q : doc.quantities) {
    ++scores->quantities.system;
    bool hit = false;
    for (size_t i = 0; i < gold.quantities.size() && !hit; ++i) {
      const GoldNumber& g = gold.quantities[i];
      if (used[i] || !overlaps(q.start, q.end, g)) continue;
      hit = q.value ? SameValue(q.value, g.value) : (SameValue(q.low, g.low) && SameValue(q.high, g.high) && !g.value);
      if (hit) used[i] = true;
    }
    if (hit) ++scores->quantities.correct;
    else note("false", "quantity", doc.Span(q.start, q.end), q.value ? number(q.value) : number(q.low) + "-" + number(q.high));
  }
  for (size_t i = 0; i < gold.quantities.size(); ++i) {
    ++scores->quantities.gold;
    const GoldNumber& g = gold.quantities[i];
    if (!used[i]) note("missed", "quantity", g.text, g.value ? number(g.value) : number(g.low) + "-" + number(g.high));
  }

  std::vector<bool> used_times(gold.times.size());
  for (const TimeExpression& t : doc.times) {
    if (t.kind != "date") continue;
    ++scores->times.system;
    bool hit = false;
    for (size_t i = 0; i < gold.times.size() && !hit; ++i) {
      const GoldNumber& g = gold.times[i];
      if (used_times[i] || !overlaps(t.start, t.end, g)) continue;
      hit = t.value && *t.value == g.time_value;
      if (hit) used_times[i] = true;
    }
    if (hit) ++scores->times.correct;
    else note("false", "time", doc.Span(t.start, t.end), t.value.value_or("null"));
  }
  for (size_t i = 0; i < gold.times.size(); ++i) {
    ++scores->times.gold;
    if (!used_times[i]) note("missed", "time", gold.times[i].text, gold.times[i].time_value);
  }
}

}  // namespace bron
