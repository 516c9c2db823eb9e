#include "model/model_path.h"

#include <unistd.h>

#include <cstdlib>
#include <vector>

#include <sys/stat.h>

#ifndef BRON_DEFAULT_MODEL_DIR
#define BRON_DEFAULT_MODEL_DIR "models"
#endif

namespace bron {
namespace {

std::string ExecutableDir() {
  char buffer[4096];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
  if (n <= 0) return "";
  std::string path(buffer, static_cast<size_t>(n));
  return path.substr(0, path.find_last_of('/'));
}

bool IsFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

Status FindModel(const std::string& file, std::string* path) {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("BRON_MODELS"); env && *env) dirs.emplace_back(env);
  std::string exe = ExecutableDir();
  if (!exe.empty()) {
    dirs.push_back(exe + "/models");
    dirs.push_back(exe + "/../models");
  }
  dirs.emplace_back(BRON_DEFAULT_MODEL_DIR);
  std::string tried;
  for (const std::string& dir : dirs) {
    std::string candidate = dir + "/" + file;
    if (IsFile(candidate)) {
      *path = candidate;
      return Status::Ok();
    }
    tried += (tried.empty() ? "" : ", ") + dir;
  }
  return Status::IoError("model " + file + " not found (looked in " + tried + "; set BRON_MODELS to its folder)");
}

}  // namespace bron
