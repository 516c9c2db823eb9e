#include "eval/attribution_eval.h"
#include "base/file.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "base/utf8.h"
#include "io/reader.h"
#include "text/chars.h"

namespace bron {
namespace {

uint32_t Length(const Pieces& p) {
  uint32_t n = 0;
  for (const auto& [s, e] : p) n += e > s ? e - s : 0;
  return n;
}

uint32_t Overlap(const Pieces& a, const Pieces& b) {
  uint32_t n = 0;
  for (const auto& [as, ae] : a) {
    for (const auto& [bs, be] : b) {
      uint32_t s = std::max(as, bs), e = std::min(ae, be);
      if (e > s) n += e - s;
    }
  }
  return n;
}

std::string Snippet(const std::u32string& text, const Pieces& p) {
  if (p.empty()) return "";
  std::string out;
  uint32_t s = p.front().first, e = std::min<uint32_t>(p.back().second, static_cast<uint32_t>(text.size()));
  for (uint32_t i = s; i < e && i < s + 80; ++i) AppendUtf8(text[i], &out);
  if (e > s + 80) out += "…";
  return out;
}

std::u32string Decode(std::string_view utf8) {
  std::u32string out;
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) out.push_back(DecodeUtf8(p));
  return out;
}


// "Poetin" names the entity "Vladimir Putin" with mentions "VLADIMIR Poetin", "Poetin": the gold name
// matches when it equals the entity's name or one of its mentions, when one ends with the other (a
// surname against a full name), or when a mention is the gold name's acronym.
// "Nationaal Coördinator Terrorismebestrijding en Veiligheid" => "NCTV": the initials of its capitalised words.
std::string Initials(const std::string& name) {
  std::string out;
  bool start = true;
  for (char c : name) {
    if (start && c >= 'A' && c <= 'Z') out.push_back(c);
    start = c == ' ' || c == '-';
  }
  return out;
}

}  // namespace

bool SpeakerNamesMatch(const std::string& gold, const std::vector<std::string>& ours) {
  std::string initials = Initials(gold);
  for (const std::string& name : ours) {
    if (initials.size() >= 2 && name == initials) return true;  // an acronym names the same body
  }
  std::string g = Lowercase(gold);
  for (const std::string& name : ours) {
    std::string o = Lowercase(name);
    if (o == g) return true;
    auto ends_with = [](const std::string& a, const std::string& b) {
      return a.size() > b.size() && a.compare(a.size() - b.size(), b.size(), b) == 0 && a[a.size() - b.size() - 1] == ' ';
    };
    if (ends_with(o, g) || ends_with(g, o)) return true;
  }
  return false;
}

std::vector<std::string> SpeakerNames(const Document& doc, int entity) {
  std::vector<std::string> names;
  if (entity < 0) return names;
  const Entity& e = doc.entities[entity];
  names.push_back(e.name);
  for (const Mention& m : e.mentions) names.emplace_back(doc.Span(m.start, m.end));
  return names;
}

std::vector<std::pair<size_t, size_t>> MatchAttributions(const std::vector<GoldAttribution>& gold,
                                                         const std::vector<SystemAttribution>& system) {
  struct Pair {
    double ratio;
    size_t g, s;
  };
  std::vector<Pair> pairs;
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t s = 0; s < system.size(); ++s) {
      uint32_t shorter = std::min(Length(gold[g].content), Length(system[s].content));
      uint32_t overlap = Overlap(gold[g].content, system[s].content);
      if (shorter > 0 && 2 * overlap >= shorter) pairs.push_back({static_cast<double>(overlap) / shorter, g, s});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.ratio > b.ratio; });
  std::vector<bool> gold_used(gold.size()), system_used(system.size());
  std::vector<std::pair<size_t, size_t>> matches;
  for (const Pair& p : pairs) {
    if (gold_used[p.g] || system_used[p.s]) continue;
    gold_used[p.g] = system_used[p.s] = true;
    matches.emplace_back(p.g, p.s);
  }
  return matches;
}

void ScoreAttributions(const std::vector<GoldAttribution>& gold, const std::vector<SystemAttribution>& system,
                       const std::u32string& text, size_t max_errors, AttributionScore* score) {
  ++score->documents;
  score->gold += gold.size();
  score->system += system.size();
  std::vector<bool> gold_used(gold.size()), system_used(system.size());
  for (auto [gi, si] : MatchAttributions(gold, system)) {
    gold_used[gi] = system_used[si] = true;
    ++score->matched;
    const GoldAttribution& g = gold[gi];
    const SystemAttribution& s = system[si];
    if (!g.source.empty()) {
      ++score->source_pairs;
      bool overlaps = Overlap(g.source, s.source) > 0;
      score->source_overlaps += overlaps;
      if (!overlaps && score->errors.size() < max_errors) {
        score->errors.push_back("source: gold '" + Snippet(text, g.source) + "', bron '" +
                                (Length(s.source) ? Snippet(text, s.source) : std::string("-")) + "' | " +
                                Snippet(text, g.content));
      }
    }
    if (g.names_speaker) {
      ++score->speaker_pairs;
      bool right = g.speaker_name ? SpeakerNamesMatch(*g.speaker_name, s.speaker_names) : s.speaker_names.empty();
      score->speaker_right += right;
      if (!right && score->errors.size() < max_errors) {
        score->errors.push_back("speaker: gold " + (g.speaker_name ? *g.speaker_name : "null") + ", bron " +
                                (s.speaker_names.empty() ? "null" : s.speaker_names.front()) + " (mention '" + s.speaker_text + "') | " +
                                Snippet(text, g.content));
      }
    }
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (!gold_used[g] && score->errors.size() < max_errors) {
      score->errors.push_back("missed: " + Snippet(text, gold[g].content));
    }
  }
  for (size_t s = 0; s < system.size(); ++s) {
    if (!system_used[s] && score->errors.size() < max_errors) {
      score->errors.push_back("extra " + system[s].kind + ": " + Snippet(text, system[s].content));
    }
  }
}

Status ParseBratAttributions(std::string_view ann, std::vector<GoldAttribution>* out) {
  out->clear();
  std::unordered_map<std::string, Pieces> spans;
  std::vector<std::string> relations;
  size_t line_no = 0;
  for (size_t pos = 0; pos < ann.size();) {
    size_t nl = ann.find('\n', pos);
    std::string_view line = ann.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? ann.size() : nl + 1;
    ++line_no;
    if (line.empty()) continue;
    if (line[0] == 'T') {
      // T12\tContent 115 290;300 310\ttext
      size_t tab1 = line.find('\t');
      size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
      if (tab2 == std::string_view::npos) continue;  // a span whose text runs over lines: its tail
      std::string id(line.substr(0, tab1));
      std::string_view info = line.substr(tab1 + 1, tab2 - tab1 - 1);
      size_t space = info.find(' ');
      if (space == std::string_view::npos) return Status::InvalidInput("line " + std::to_string(line_no) + ": no offsets");
      Pieces pieces;
      std::string offsets(info.substr(space + 1));
      std::replace(offsets.begin(), offsets.end(), ';', ' ');
      std::istringstream in(offsets);
      uint32_t s, e;
      while (in >> s >> e) pieces.emplace_back(s, e);
      if (pieces.empty()) return Status::InvalidInput("line " + std::to_string(line_no) + ": bad offsets");
      spans[id] = std::move(pieces);
    } else if (line[0] == 'E') {
      size_t tab = line.find('\t');
      if (tab != std::string_view::npos) relations.emplace_back(line.substr(tab + 1));
    }
  }
  for (const std::string& relation : relations) {
    GoldAttribution a;
    std::istringstream in(relation);
    std::string part;
    while (in >> part) {
      size_t colon = part.find(':');
      if (colon == std::string::npos) continue;
      std::string role = part.substr(0, colon), id = part.substr(colon + 1);
      auto it = spans.find(id);
      if (it == spans.end()) continue;
      if (role == "Content") a.content = it->second;
      if (role == "Source") a.source = it->second;
    }
    if (!a.content.empty()) out->push_back(std::move(a));
  }
  return Status::Ok();
}

// No blank line between the two offsets.
bool SameParagraph(const Document& doc, uint32_t from, uint32_t to) {
  std::string_view between = doc.Span(from, to);
  size_t nl = between.find('\n');
  while (nl != std::string_view::npos) {
    size_t next = between.find_first_not_of(" \t\r", nl + 1);
    if (next != std::string_view::npos && between[next] == '\n') return false;
    nl = between.find('\n', nl + 1);
  }
  return true;
}

std::vector<SystemAttribution> SystemAttributions(const Document& doc, bool join_turns) {
  CodepointOffsets cp(doc.text);
  std::vector<SystemAttribution> out;
  const Quote* last = nullptr;
  auto same = [](const std::optional<TextSpan>& a, const std::optional<TextSpan>& b) {
    return a && b && a->start == b->start && a->end == b->end;
  };
  for (size_t qi = 0; qi < doc.quotes.size(); ++qi) {
    const Quote& q = doc.quotes[qi];
    if (q.kind == "fragment") continue;
    if (join_turns && last && q.kind == "direct" && last->kind == "direct" &&
        (same(q.cue, last->cue) || (!q.cue && SameParagraph(doc, last->end, q.start) &&
                                     (same(q.speaker, last->speaker) ||
                                      (q.speaker_entity >= 0 && q.speaker_entity == last->speaker_entity))))) {
      out.back().content.emplace_back(cp(q.start), cp(q.end));
      last = &q;
      continue;
    }
    last = &q;
    SystemAttribution a;
    a.quote = static_cast<int>(qi);
    a.kind = q.kind;
    a.content.emplace_back(cp(q.start), cp(q.end));
    if (q.speaker) {
      a.source.emplace_back(cp(q.speaker->start), cp(q.speaker->end));
      a.speaker_text = std::string(doc.Span(q.speaker->start, q.speaker->end));
    }
    a.speaker_names = SpeakerNames(doc, q.speaker_entity);
    out.push_back(std::move(a));
  }
  return out;
}

Status EvalPolnear(const std::string& dir, const Pipeline& pipeline, size_t max_errors, AttributionScore* score) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path annotations = fs::path(dir) / "attributions", texts = fs::path(dir) / "text";
  if (!fs::is_directory(annotations, ec) || !fs::is_directory(texts, ec)) {
    return Status::IoError(dir + ": expected the folders text/ and attributions/ of PolNeAR");
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(annotations, ec)) {
    if (entry.path().extension() == ".ann") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& ann_path : files) {
    // NAME_1a2b.ann annotates text/NAME.txt
    std::string stem = ann_path.stem().string();
    size_t underscore = stem.find_last_of('_');
    fs::path text_path = texts / ((underscore == std::string::npos ? stem : stem.substr(0, underscore)) + ".txt");
    std::string ann, text;
    if (!ReadFile(ann_path.string(), &ann)) return Status::IoError(ann_path.string() + ": cannot read");
    if (!ReadFile(text_path.string(), &text)) return Status::IoError(text_path.string() + ": cannot read");
    std::vector<GoldAttribution> gold;
    Status s = ParseBratAttributions(ann, &gold);
    if (!s.ok()) return s.WithContext(ann_path.string());
    Document doc;
    doc.id = stem;
    doc.lang = "en";
    Utf8Problem problem;
    if (!CheckUtf8(text, &problem)) return Status::InvalidInput(text_path.string() + ": not UTF-8");
    doc.text = std::move(text);
    BRON_RETURN_IF_ERROR(pipeline.Process(doc).WithContext(text_path.string()));
    ScoreAttributions(gold, SystemAttributions(doc, true), Decode(doc.text), max_errors, score);
  }
  if (files.empty()) return Status::IoError(annotations.string() + ": no .ann files");
  return Status::Ok();
}

Status ForEachGoldArticle(const std::string& gold_path, const std::string& data_path, const std::string& split,
                          const GoldArticleFn& fn) {
  std::string gold_text, data_text;
  if (!ReadFile(gold_path, &gold_text)) return Status::IoError(gold_path + ": cannot read the gold file");
  if (!ReadFile(data_path, &data_text)) return Status::IoError(data_path + ": cannot read the articles");
  // The articles, by id.
  std::unordered_map<std::string, std::string> lines;
  for (size_t pos = 0; pos < data_text.size();) {
    size_t nl = data_text.find('\n', pos);
    std::string_view line(data_text.data() + pos, (nl == std::string::npos ? data_text.size() : nl) - pos);
    pos = nl == std::string::npos ? data_text.size() : nl + 1;
    size_t key = line.find("\"id\":");
    if (key == std::string_view::npos) continue;
    size_t start = key + 5;
    while (start < line.size() && (line[start] == ' ' || line[start] == '"')) ++start;
    size_t end = start;
    while (end < line.size() && line[end] != ',' && line[end] != '"') ++end;
    lines.emplace(std::string(line.substr(start, end - start)), std::string(line));
  }
  simdjson::dom::parser parser;
  size_t line_no = 0;
  for (size_t pos = 0; pos < gold_text.size();) {
    size_t nl = gold_text.find('\n', pos);
    std::string line = gold_text.substr(pos, (nl == std::string::npos ? gold_text.size() : nl) - pos);
    pos = nl == std::string::npos ? gold_text.size() : nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = gold_path + ":" + std::to_string(line_no);
    simdjson::dom::element record;
    if (parser.parse(line).get(record) != simdjson::SUCCESS) return Status::InvalidInput(where + ": not JSON");
    std::string id;
    simdjson::dom::element id_element = record["id"];
    if (id_element.is_string()) {
      id = std::string(std::string_view(id_element));
    } else if (id_element.is_int64()) {
      id = std::to_string(int64_t(id_element));
    } else {
      return Status::InvalidInput(where + ": no id");
    }
    std::string_view article_split;
    if (record["split"].get(article_split) != simdjson::SUCCESS) article_split = "dev";
    if (split == "train" ? article_split == "test" : split != "all" && article_split != split) continue;
    auto it = lines.find(id);
    if (it == lines.end()) return Status::InvalidInput(where + ": article " + id + " is not in " + data_path);
    Document doc;
    ReaderOptions options;
    BRON_RETURN_IF_ERROR(ParseJsonlLine(it->second, options, &doc).WithContext(data_path + ": article " + id));
    if (doc.lang.empty() || doc.lang == "auto") doc.lang = "nl";
    std::vector<GoldAttribution> gold;
    simdjson::dom::array quotes;
    if (record["quotes"].get(quotes) != simdjson::SUCCESS) return Status::InvalidInput(where + ": no quotes array");
    for (simdjson::dom::element q : quotes) {
      std::string_view kind;
      if (q["kind"].get(kind) != simdjson::SUCCESS) kind = "direct";
      if (kind == "fragment") continue;
      int64_t start, end;
      if (q["start"].get(start) != simdjson::SUCCESS || q["end"].get(end) != simdjson::SUCCESS || start < 0 || end < start) {
        return Status::InvalidInput(where + ": a quote without valid start and end");
      }
      GoldAttribution a;
      a.kind = std::string(kind);
      a.content.emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(end));
      simdjson::dom::element speaker = q["speaker"];
      a.names_speaker = true;
      if (speaker.is_object()) {
        int64_t ss, se;
        if (speaker["start"].get(ss) == simdjson::SUCCESS && speaker["end"].get(se) == simdjson::SUCCESS && ss >= 0 && se >= ss) {
          a.source.emplace_back(static_cast<uint32_t>(ss), static_cast<uint32_t>(se));
        }
        std::string_view name;
        if (speaker["name"].get(name) == simdjson::SUCCESS) a.speaker_name = std::string(name);
      }
      gold.push_back(std::move(a));
    }
    BRON_RETURN_IF_ERROR(fn(doc, gold, article_split).WithContext(data_path + ": article " + id));
  }
  return Status::Ok();
}

Status EvalQuotesJsonl(const std::string& gold_path, const std::string& data_path, const std::string& split,
                       const Pipeline& pipeline, size_t max_errors, AttributionScore* score) {
  size_t articles = 0;
  BRON_RETURN_IF_ERROR(ForEachGoldArticle(gold_path, data_path, split,
                                          [&](Document& doc, const std::vector<GoldAttribution>& gold, std::string_view) {
                                            BRON_RETURN_IF_ERROR(pipeline.Process(doc));
                                            ScoreAttributions(gold, SystemAttributions(doc), Decode(doc.text), max_errors,
                                                              score);
                                            ++articles;
                                            return Status::Ok();
                                          }));
  // A misspelt split would otherwise score as an empty run.
  if (articles == 0) return Status::InvalidInput(gold_path + ": no article of split " + split);
  return Status::Ok();
}

}  // namespace bron
