// The must-have findings of ../shared/examples/seed.expected.json that bron's stages produce so far
// (entities, quantities, times, quotes, claims and responses). Skipped, with a message, where ../shared is absent.
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

// The name of the entity `id` refers to ("E4" => "Kyrylo Budanov"), or "" for null.
std::string EntityName(simdjson::dom::element analysis, simdjson::dom::element id) {
  std::string_view wanted;
  if (id.get(wanted) != simdjson::SUCCESS) return "";
  for (simdjson::dom::element e : simdjson::dom::array(analysis["entities"])) {
    if (std::string_view(e["id"]) == wanted) return std::string(std::string_view(e["name"]));
  }
  return "";
}

std::string_view TextOf(simdjson::dom::element span) {
  std::string_view text;
  if (span.is_null() || span["text"].get(text) != simdjson::SUCCESS) return "";
  return text;
}

TEST_F(SeedExpected, EveryQuoteWithItsKindCueAndResolvedSpeaker) {
  for (simdjson::dom::element want : simdjson::dom::array(expected["quotes"])) {
    std::string_view kind = want["kind"], content = want["content_contains"], speaker = want["speaker"];
    std::string_view cue;
    if (want["cue"].get(cue) != simdjson::SUCCESS) cue = want["cue_contains"];
    bool found = false;
    std::string seen;
    for (simdjson::dom::element q : simdjson::dom::array(out["quotes"])) {
      std::string_view text = q["text"];
      if (text.find(content) == std::string_view::npos) continue;
      std::string name = q["speaker"].is_null() ? "" : EntityName(out, q["speaker"]["entity"]);
      seen += std::string(q["kind"].get_string().value()) + " cue=" + std::string(TextOf(q["cue"])) + " speaker=" + name + "; ";
      found = found || (std::string_view(q["kind"]) == kind && TextOf(q["cue"]).find(cue) != std::string_view::npos &&
                        Lower(name) == Lower(speaker));
    }
    EXPECT_TRUE(found) << "quote \"" << content << "\" (" << kind << ", cue " << cue << ", speaker " << speaker
                       << ") not found; bron has: " << seen;
  }
}

TEST_F(SeedExpected, EveryClaimWithItsCertaintySourceAndCue) {
  for (simdjson::dom::element want : simdjson::dom::array(expected["claims"])) {
    std::string_view contains = want["contains"], source = want["source_text_contains"];
    bool found = false;
    std::string seen;
    for (simdjson::dom::element c : simdjson::dom::array(out["claims"])) {
      std::string_view text = c["text"];
      if (text.find(contains) == std::string_view::npos) continue;
      std::string_view certainty = c["certainty"], source_text;
      if (c["source_text"].get(source_text) != simdjson::SUCCESS) source_text = "";
      seen += std::string(certainty) + " from '" + std::string(source_text) + "'; ";
      bool ok = source_text.find(source) != std::string_view::npos;
      std::string_view want_certainty, want_cue;
      if (want["certainty"].get(want_certainty) == simdjson::SUCCESS) ok = ok && certainty == want_certainty;
      if (want["cue_contains"].get(want_cue) == simdjson::SUCCESS) {
        bool cue = false;
        for (simdjson::dom::element k : simdjson::dom::array(c["cues"])) cue = cue || TextOf(k).find(want_cue) != std::string_view::npos;
        ok = ok && cue;
      }
      found = found || ok;
    }
    EXPECT_TRUE(found) << "claim \"" << contains << "\" not found as expected; bron has: " << seen;
  }
}

TEST_F(SeedExpected, EveryResponseLinkedToAClaim) {
  for (simdjson::dom::element want : simdjson::dom::array(expected["responses"])) {
    std::string_view by = want["by"], stance = want["stance"];
    int linked = 0;
    for (simdjson::dom::element c : simdjson::dom::array(out["claims"])) {
      for (simdjson::dom::element r : simdjson::dom::array(c["responses"])) {
        linked += std::string_view(r["stance"]) == stance && Lower(EntityName(out, r["by"])) == Lower(by);
      }
    }
    EXPECT_GT(linked, 0) << "no claim has the response '" << stance << "' by " << by;
  }
}

}  // namespace
}  // namespace bron
