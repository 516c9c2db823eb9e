// Helpers for tests that run the bron binary or need scratch files.
#ifndef BRON_TESTS_TEST_UTIL_H_
#define BRON_TESTS_TEST_UTIL_H_

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <zlib.h>

namespace bron::testing {

inline std::string ScratchPath(const std::string& name) {
  return ::testing::TempDir() + "bron_" + std::to_string(::getpid()) + "_" + name;
}

inline std::string WriteScratch(const std::string& name, const std::string& content) {
  std::string path = ScratchPath(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct RunResult {
  int status = -1;
  std::string out, err;
};

// Runs `bron ARGS` with `input` on stdin.
inline RunResult RunBron(const std::string& args, const std::string& input = "") {
  std::string in = WriteScratch("stdin", input);
  std::string out = ScratchPath("stdout"), err = ScratchPath("stderr");
  std::string command = std::string(BRON_BINARY) + " " + args + " <" + in + " >" + out + " 2>" + err;
  int raw = std::system(command.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

// Runs `bron ARGS | FILTER` (FILTER a shell command reading bron's stdout).
inline RunResult RunBronPiped(const std::string& args, const std::string& filter) {
  std::string out = ScratchPath("stdout"), err = ScratchPath("stderr"), status = ScratchPath("status");
  std::string command = "{ " + std::string(BRON_BINARY) + " " + args + " </dev/null 2>" + err + "; echo $? >" + status +
                        "; } | " + filter + " >" + out;
  std::system(command.c_str());
  RunResult r;
  r.status = std::atoi(ReadFile(status).c_str());
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

// One gzip member holding `s` (for tests of readers of compressed input).
inline std::string Gzip(const std::string& s) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(s.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  z.avail_in = s.size();
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = out.size();
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string SourcePath(const std::string& relative) { return std::string(BRON_SOURCE_DIR) + "/" + relative; }

// The rows of a tab-separated table in the project ("tests/data/quantity-cases.tsv"), '#' lines and empty
// lines skipped, each row split into exactly `fields` fields (the last keeps any further tabs). A row with
// fewer fields fails the test that reads it, naming the file and line.
inline std::vector<std::vector<std::string>> ReadCaseTable(const std::string& relative, size_t fields) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(std::string(BRON_SOURCE_DIR) + "/" + relative);
  EXPECT_TRUE(in) << relative << " is missing";
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> row;
    size_t start = 0;
    while (row.size() + 1 < fields) {
      size_t tab = line.find('\t', start);
      if (tab == std::string::npos) break;
      row.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    row.push_back(line.substr(start));
    EXPECT_EQ(row.size(), fields) << relative << ":" << number << ": expected " << fields << " tab-separated fields";
    if (row.size() == fields) rows.push_back(std::move(row));
  }
  return rows;
}

// ../shared next to the project, or "" when it is absent (as on a user's machine).
inline std::string SharedPath(const std::string& relative) {
  std::string path = std::string(BRON_SOURCE_DIR) + "/../shared/" + relative;
  std::ifstream probe(path);
  return probe ? path : "";
}

}  // namespace bron::testing

#endif  // BRON_TESTS_TEST_UTIL_H_
