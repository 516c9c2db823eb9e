// Golden files: the analysis of real articles, compared exactly. Regenerate after an intended
// change with `make golden` and read the diff before committing it.
#include <rapidjson/document.h>

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
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_STREQ(d["schema"].GetString(), "bron/1");
  EXPECT_STREQ(d["id"].GetString(), "seed");
  EXPECT_STREQ(d["lang"].GetString(), "nl");
  EXPECT_STREQ(d["published"].GetString(), "2026-02-27");
  std::string text = d["text"].GetString();
  EXPECT_EQ(text, ReadFile(SourcePath("examples/seed.nl.txt")));
  size_t sentences = d["sentences"].Size();
  EXPECT_TRUE(sentences == 22 || sentences == 23) << sentences;
  // Code point offsets: decode to UTF-32 and check every span lies inside and sentences follow each other.
  std::u32string u32;
  for (const char* p = text.data(); p < text.data() + text.size();) u32.push_back(DecodeUtf8(p));
  uint32_t previous_end = 0;
  for (auto& s : d["sentences"].GetArray()) {
    uint32_t start = s["start"].GetUint(), end = s["end"].GetUint();
    EXPECT_LE(previous_end, start);
    EXPECT_LT(start, end);
    EXPECT_LE(end, u32.size());
    previous_end = end;
  }
  // Every token lies in its sentence; "Oekraïne" (non-ASCII) is found at its code point offsets.
  bool found = false;
  for (auto& t : d["tokens"].GetArray()) {
    uint32_t start = t["start"].GetUint(), end = t["end"].GetUint(), sent = t["sent"].GetUint();
    const auto& s = d["sentences"][sent];
    EXPECT_LE(s["start"].GetUint(), start);
    EXPECT_LE(end, s["end"].GetUint());
    found |= u32.substr(start, end - start) == U"Oekraïne";
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace bron
