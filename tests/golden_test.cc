// Golden files: the analysis of real articles, compared exactly. Regenerate after an intended
// change with `make golden` and read the diff before committing it.
#include <simdjson.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "base/utf8.h"
#include "tests/test_util.h"

namespace bron {
namespace {

using testing::ReadFile;
using testing::RunBron;
using testing::SourcePath;

struct Golden {
  const char* input;
  const char* args;
  const char* expected;
};

const Golden kGoldens[] = {
    {"examples/seed.nl.txt", "analyze --lang nl --published 2026-02-27", "tests/golden/seed.nl.json"},
    {"examples/seed.nl.txt", "analyze --lang nl --format conllu", "tests/golden/seed.nl.conllu"},
};

TEST(Golden, OutputsMatch) {
  bool update = std::getenv("BRON_UPDATE_GOLDEN") != nullptr;
  for (const Golden& g : kGoldens) {
    auto r = RunBron(std::string(g.args) + " " + SourcePath(g.input));
    ASSERT_EQ(r.status, 0) << r.err;
    if (update) {
      std::ofstream(SourcePath(g.expected), std::ios::binary) << r.out;
      continue;
    }
    EXPECT_EQ(r.out, ReadFile(SourcePath(g.expected))) << "golden file " << g.expected
                                                       << " differs; if intended, run make golden";
  }
}

// The seed article: 22 or 23 sentences (the design allows a split at "25 procent. olie"), a valid
// bron/1 document whose spans are code point offsets into its text.
TEST(Golden, SeedIsAValidBron1Document) {
  auto r = RunBron("analyze --lang nl --published 2026-02-27 --tokens " + SourcePath("examples/seed.nl.txt"));
  ASSERT_EQ(r.status, 0) << r.err;
  simdjson::dom::parser parser;
  simdjson::dom::element d;
  ASSERT_EQ(parser.parse(r.out).get(d), simdjson::SUCCESS);
  EXPECT_EQ(std::string_view(d["schema"]), "bron/1");
  EXPECT_EQ(std::string_view(d["id"]), "seed");
  EXPECT_EQ(std::string_view(d["lang"]), "nl");
  EXPECT_EQ(std::string_view(d["published"]), "2026-02-27");
  std::string text{std::string_view(d["text"])};
  EXPECT_EQ(text, ReadFile(SourcePath("examples/seed.nl.txt")));
  simdjson::dom::array sentence_array = d["sentences"];
  size_t sentences = sentence_array.size();
  EXPECT_TRUE(sentences == 22 || sentences == 23) << sentences;
  // Code point offsets: decode to UTF-32 and check every span lies inside and sentences follow each other.
  std::u32string u32;
  for (const char* p = text.data(); p < text.data() + text.size();) u32.push_back(DecodeUtf8(p));
  uint32_t previous_end = 0;
  for (simdjson::dom::element s : sentence_array) {
    uint32_t start = uint32_t(uint64_t(s["start"])), end = uint32_t(uint64_t(s["end"]));
    EXPECT_LE(previous_end, start);
    EXPECT_LT(start, end);
    EXPECT_LE(end, u32.size());
    previous_end = end;
  }
  // Every token lies in its sentence; "Oekraïne" (non-ASCII) is found at its code point offsets.
  bool found = false;
  for (simdjson::dom::element t : simdjson::dom::array(d["tokens"])) {
    uint32_t start = uint32_t(uint64_t(t["start"])), end = uint32_t(uint64_t(t["end"]));
    simdjson::dom::element s = sentence_array.at(uint64_t(t["sent"]));
    EXPECT_LE(uint64_t(s["start"]), start);
    EXPECT_LE(end, uint64_t(s["end"]));
    found |= u32.substr(start, end - start) == U"Oekraïne";
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace bron
