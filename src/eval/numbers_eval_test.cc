#include "eval/numbers_eval.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace bron {
namespace {

// "Ruim 300 Oekraïners, tussen 24 en 65 jaar, kwamen gisteren": byte offsets differ from code points after "ï".
TEST(NumbersEval, MatchesOnOverlapAndValueInCodePoints) {
  Document doc;
  doc.text = "Ruim 300 Oekraïners, tussen 24 en 65 jaar, kwamen gisteren.";
  auto byte_span = [&](std::string_view s) {
    uint32_t start = static_cast<uint32_t>(doc.text.find(s));
    return std::pair<uint32_t, uint32_t>{start, start + static_cast<uint32_t>(s.size())};
  };
  Quantity q1;  // right
  std::tie(q1.start, q1.end) = byte_span("Ruim 300 Oekraïners");
  q1.value = 300;
  Quantity q2;  // a range, right
  std::tie(q2.start, q2.end) = byte_span("tussen 24 en 65 jaar");
  q2.low = 24, q2.high = 65;
  doc.quantities = {q1, q2};
  TimeExpression t1;  // wrong value
  std::tie(t1.start, t1.end) = byte_span("gisteren");
  t1.value = "2019-03-01";
  TimeExpression t2;  // a duration: not scored
  std::tie(t2.start, t2.end) = byte_span("65 jaar");
  t2.value = "P65Y";
  t2.kind = "duration";
  doc.times = {t1, t2};

  NumberGold gold;
  gold.id = "a";
  GoldNumber g1;  // code points: "ï" is one
  g1.start = 5, g1.end = 8, g1.value = 300, g1.text = "300";
  GoldNumber g2;
  g2.start = 28, g2.end = 35, g2.low = 24, g2.high = 65, g2.text = "24 en 65";
  GoldNumber g3;  // missed
  g3.start = 0, g3.end = 4, g3.value = 7, g3.text = "Ruim";
  gold.quantities = {g1, g2, g3};
  GoldNumber g4;
  g4.start = 50, g4.end = 58, g4.time_value = "2019-02-28", g4.text = "gisteren";
  gold.times = {g4};

  NumberScores scores;
  std::vector<std::string> errors;
  ScoreNumbers(gold, doc, &scores, &errors);
  EXPECT_EQ(scores.quantities.system, 2u);
  EXPECT_EQ(scores.quantities.correct, 2u);
  EXPECT_EQ(scores.quantities.gold, 3u);
  EXPECT_EQ(scores.times.system, 1u);
  EXPECT_EQ(scores.times.correct, 0u);
  EXPECT_EQ(scores.times.gold, 1u);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0], "a quantity missed \"Ruim\" = 7");
}

TEST(NumbersEval, BadGoldNamesFileAndLine) {
  std::string path = ::testing::TempDir() + "/numbers-bad.jsonl";
  std::ofstream(path) << "{\"id\": 1, \"split\": \"dev\", \"quantities\": [], \"times\": []}\n{\"id\": 2, \"quantities\": 3}\n";
  std::vector<NumberGold> gold;
  Status s = ReadNumberGold(path, &gold);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path + ":2"), std::string::npos) << s.message();
  EXPECT_FALSE(ReadNumberGold(path + ".missing", &gold).ok());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace bron
