#include "eval/attribution_eval.h"

#include <gtest/gtest.h>

namespace bron {
namespace {

TEST(AttributionEval, ReadsBratRelationsWithPieces) {
  std::vector<GoldAttribution> gold;
  ASSERT_TRUE(ParseBratAttributions("T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tthe plan …\n"
                                    "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
                                    &gold)
                  .ok());
  ASSERT_EQ(gold.size(), 1u);
  EXPECT_EQ(gold[0].content, (Pieces{{11, 20}, {25, 30}}));
  EXPECT_EQ(gold[0].source, (Pieces{{0, 5}}));
  EXPECT_FALSE(ParseBratAttributions("T1\tContent x\tbroken\n", &gold).ok());
}

TEST(AttributionEval, MatchesByHalfTheShorterSpanOneToOne) {
  GoldAttribution a, b;
  a.content = {{0, 100}};
  a.source = {{110, 115}};
  b.content = {{200, 220}};
  SystemAttribution x, y, z;
  x.content = {{40, 100}};   // covers 60 of its own 60: a match for a
  x.source = {{112, 114}};
  y.content = {{0, 30}};     // also inside a, but a is taken
  z.content = {{215, 260}};  // 5 of the shorter 20: too little
  AttributionScore score;
  ScoreAttributions({a, b}, {x, y, z}, std::u32string(300, U'x'), 10, &score);
  EXPECT_EQ(score.matched, 1u);
  EXPECT_EQ(score.gold, 2u);
  EXPECT_EQ(score.system, 3u);
  EXPECT_DOUBLE_EQ(score.Precision(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(score.Recall(), 0.5);
  EXPECT_EQ(score.source_pairs, 1u);
  EXPECT_EQ(score.source_overlaps, 1u);
}

TEST(AttributionEval, ResolvedSpeakersMatchByNameOrSurname) {
  GoldAttribution g;
  g.content = {{0, 10}};
  g.names_speaker = true;
  g.speaker_name = "Hayke Veldman";
  SystemAttribution s;
  s.content = {{0, 10}};
  s.speaker_names = {"VVD-Kamerlid Hayke Veldman", "Veldman"};
  AttributionScore score;
  ScoreAttributions({g}, {s}, std::u32string(20, U'x'), 0, &score);
  EXPECT_EQ(score.speaker_right, 1u);
  g.speaker_name.reset();  // the text never names the speaker: bron must not either
  ScoreAttributions({g}, {s}, std::u32string(20, U'x'), 0, &score);
  EXPECT_EQ(score.speaker_pairs, 2u);
  EXPECT_EQ(score.speaker_right, 1u);
}

}  // namespace
}  // namespace bron
