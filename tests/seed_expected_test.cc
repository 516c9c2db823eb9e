// The must-have findings of ../shared/examples/seed.expected.json that bron's stages produce so far
// (entities). Skipped, with a message, where ../shared is absent.
#include <simdjson.h>

#include <algorithm>
#include <string>

#include "ner/recognizer.h"
#include "tests/test_util.h"

namespace bron {
namespace {

using testing::RunBron;
using testing::SharedPath;
using testing::SourcePath;

std::string Lower(std::string_view s) { return LowerForGazetteer(s); }

bool Contains(std::string_view a, std::string_view b) {
  return a.find(b) != std::string_view::npos || b.find(a) != std::string_view::npos;
}

TEST(SeedExpected, EveryEntityWithItsTypeNameAndMentions) {
  std::string expected_path = SharedPath("examples/seed.expected.json");
  if (expected_path.empty()) GTEST_SKIP() << "../shared/examples/seed.expected.json is absent: nothing to compare";
  auto r = RunBron("analyze --lang nl --published 2026-02-27 --format jsonl " + SourcePath("examples/seed.nl.txt"));
  ASSERT_EQ(r.status, 0) << r.err;
  simdjson::dom::parser out_parser, expected_parser;
  simdjson::dom::element out, expected;
  ASSERT_EQ(out_parser.parse(r.out).get(out), simdjson::SUCCESS);
  ASSERT_EQ(expected_parser.load(expected_path).get(expected), simdjson::SUCCESS);
  simdjson::dom::array ours = out["entities"];
  for (simdjson::dom::element want : simdjson::dom::array(expected["entities"])) {
    std::string_view type = want["type"];
    std::string name = want["name"].is_null() ? "" : std::string(std::string_view(want["name"]));
    bool found = false;
    std::string candidates;
    for (simdjson::dom::element e : ours) {
      std::string_view our_type = e["type"], our_name = e["name"];
      candidates += std::string(our_name) + "/" + std::string(our_type) + "; ";
      if (our_type != type || (!name.empty() && Lower(our_name) != Lower(name))) continue;
      // Every expected mention is matched (by containment) by one of this entity's mentions.
      bool all = true;
      for (simdjson::dom::element m : simdjson::dom::array(want["mentions"])) {
        bool hit = false;
        for (simdjson::dom::element o : simdjson::dom::array(e["mentions"])) {
          hit = hit || Contains(std::string_view(o["text"]), std::string_view(m));
        }
        all = all && hit;
      }
      found = found || all;
    }
    EXPECT_TRUE(found) << "missing entity " << name << " (" << type << "); bron found: " << candidates;
  }
}

}  // namespace
}  // namespace bron
