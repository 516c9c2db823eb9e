// Language resources from data/, compiled into the binary (cmake/embed.cmake).
//
//   auto words = ResourceLines("nl/abbreviations.txt");   // non-empty lines, '#' comments dropped
#ifndef BRON_BASE_RESOURCES_H_
#define BRON_BASE_RESOURCES_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace bron {

struct EmbeddedFile {
  std::string_view path;  // relative to data/, e.g. "nl/abbreviations.txt"
  std::string_view content;
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;

std::optional<std::string_view> FindResource(std::string_view path);

// The lines of a resource with comments ('#' to end of line) and surrounding blanks removed, empty
// lines skipped. A missing resource yields no lines.
std::vector<std::string_view> ResourceLines(std::string_view path);

// The tab-separated fields of each line of a resource, empty fields kept; lines that are empty or
// start with '#' skipped. "word\tcategory\tvalue" => {"word", "category", "value"}.
std::vector<std::vector<std::string_view>> ResourceTsv(std::string_view path);

}  // namespace bron

#endif  // BRON_BASE_RESOURCES_H_
