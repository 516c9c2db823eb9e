// The web UI's files (web/*.html, *.css, *.js), compiled into the binary by cmake/embed.cmake.
#ifndef BRON_SERVE_WEB_ASSETS_H_
#define BRON_SERVE_WEB_ASSETS_H_

#include <cstddef>
#include <string_view>

namespace bron {

struct WebAsset {
  std::string_view name;  // "index.html", "app.js", "app.css"
  std::string_view content;
};
extern const WebAsset kWebAssets[];
extern const size_t kWebAssetCount;

}  // namespace bron

#endif  // BRON_SERVE_WEB_ASSETS_H_
