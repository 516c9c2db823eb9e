// The must-have findings of ../shared/examples/seed.expected.json that bron's stages produce so far
// (entities). Skipped, with a message, where ../shared is absent.
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "ner/recognizer.h"
#include "tests/test_util.h"

namespace bron {
namespace {

using testing::RunBron;
using testing::SharedPath;
using testing::SourcePath;

std::string Lower(std::string_view s) { return LowerForGazetteer(s); }

// Analyses the example once per test and parses it beside ../shared/examples/seed.expected.json.
class SeedExpected : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string expected_path = SharedPath("examples/seed.expected.json");
    if (expected_path.empty()) GTEST_SKIP() << "../shared/examples/seed.expected.json is absent: nothing to compare";
    auto r = RunBron("analyze --lang nl --published 2026-02-27 --format jsonl " + SourcePath("examples/seed.nl.txt"));
    ASSERT_EQ(r.status, 0) << r.err;
    output_ = r.out;
    ASSERT_EQ(out_parser_.parse(output_).get(out), simdjson::SUCCESS);
    ASSERT_EQ(expected_parser_.load(expected_path).get(expected), simdjson::SUCCESS);
  }
  simdjson::dom::element out, expected;

 private:
  std::string output_;
  simdjson::dom::parser out_parser_, expected_parser_;
};

bool Contains(std::string_view a, std::string_view b) {
  return a.find(b) != std::string_view::npos || b.find(a) != std::string_view::npos;
}

TEST_F(SeedExpected, EveryEntityWithItsTypeNameAndMentions) {
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

TEST_F(SeedExpected, EveryQuantityWithItsValueBoundKindUnitAndCountedNoun) {
  for (simdjson::dom::element want : simdjson::dom::array(expected["quantities"])) {
    std::string_view contains = want["contains"];
    double tolerance = want["tolerance"].is_double() ? double(want["tolerance"]) : 1e-9;
    bool found = false;
    std::string seen;
    for (simdjson::dom::element q : simdjson::dom::array(out["quantities"])) {
      std::string_view text = q["text"];
      if (text.find(contains) == std::string_view::npos) continue;
      seen += std::string(text) + "; ";
      bool ok = !q["value"].is_null() && std::abs(double(q["value"]) - double(want["value"])) <= tolerance * std::max(1.0, std::abs(double(want["value"])));
      for (const char* key : {"bound", "kind", "unit"}) {
        std::string_view expected_value;
        if (want[key].get(expected_value) == simdjson::SUCCESS) {
          std::string_view ours;
          ok = ok && q[key].get(ours) == simdjson::SUCCESS && ours == expected_value;
        }
      }
      std::string_view counted;
      if (want["counted_contains"].get(counted) == simdjson::SUCCESS) {
        std::string_view ours;
        ok = ok && q["counted"].get(ours) == simdjson::SUCCESS && ours.find(counted) != std::string_view::npos;
      }
      found = found || ok;
    }
    EXPECT_TRUE(found) << "quantity \"" << contains << "\" not found as expected; bron has: " << seen;
  }
}

TEST_F(SeedExpected, EveryTimeResolvedAgainstThePublicationDate) {
  for (simdjson::dom::element want : simdjson::dom::array(expected["times"])) {
    std::string_view contains = want["contains"], value = want["value"];
    bool found = false;
    for (simdjson::dom::element t : simdjson::dom::array(out["times"])) {
      std::string_view text = t["text"], ours;
      found = found || (Lower(text).find(Lower(contains)) != std::string::npos &&
                        t["value"].get(ours) == simdjson::SUCCESS && ours == value);
    }
    EXPECT_TRUE(found) << "time \"" << contains << "\" = " << value << " not found";
  }
}

}  // namespace
}  // namespace bron
