#include "base/resources.h"

namespace bron {

std::optional<std::string_view> FindResource(std::string_view path) {
  for (size_t i = 0; i < kEmbeddedFileCount; ++i) {
    if (kEmbeddedFiles[i].path == path) return kEmbeddedFiles[i].content;
  }
  return std::nullopt;
}

std::vector<std::string_view> ResourceLines(std::string_view path) {
  std::vector<std::string_view> lines;
  auto content = FindResource(path);
  if (!content) return lines;
  std::string_view rest = *content;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    size_t hash = line.find('#');
    // A '#' that starts a line or follows a blank opens a comment; "#hashtag" inside data stays.
    if (hash == 0 || (hash != std::string_view::npos && (line[hash - 1] == ' ' || line[hash - 1] == '\t'))) {
      line = line.substr(0, hash);
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::vector<std::vector<std::string_view>> ResourceTsv(std::string_view path) {
  std::vector<std::vector<std::string_view>> rows;
  auto content = FindResource(path);
  if (!content) return rows;
  std::string_view rest = *content;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields;
    for (size_t pos = 0;;) {
      size_t tab = line.find('\t', pos);
      fields.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace bron
