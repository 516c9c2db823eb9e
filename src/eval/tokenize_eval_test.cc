#include "eval/tokenize_eval.h"

#include <gtest/gtest.h>

namespace bron {
namespace {

TEST(TokenizeEval, RebuildsParagraphsAndSplitsSpelledMultiwordTokens) {
  std::string conllu =
      "# newdoc id = d\n# newpar\n# text = I didn't.\n"
      "1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
      "2\tdid\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
      "# text = Yes.\n1\tYes\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
      "# newpar\n# text = New.\n1\tNew\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  GoldTokenization gold;
  ASSERT_TRUE(BuildGold(conllu, &gold).ok());
  EXPECT_EQ(gold.text, "I didn't. Yes.\n\nNew.");
  ASSERT_EQ(gold.spans.tokens.size(), 8u);
  EXPECT_EQ(gold.spans.tokens[1], ByteSpan(2, 5));   // did
  EXPECT_EQ(gold.spans.tokens[2], ByteSpan(5, 8));   // n't
  EXPECT_EQ(gold.spans.sentences.size(), 3u);
  EXPECT_EQ(gold.unaligned, 0u);
}

TEST(TokenizeEval, ParagraphsFromLassyStyleSentIds) {
  std::string conllu =
      "# sent_id = wiki-1.p.1.s.1\n# text = A.\n1\tA.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
      "# sent_id = wiki-1.p.1.s.2\n# text = B.\n1\tB.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
      "# sent_id = wiki-1.p.2.s.1\n# text = C.\n1\tC.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  GoldTokenization gold;
  ASSERT_TRUE(BuildGold(conllu, &gold).ok());
  EXPECT_EQ(gold.text, "A. B.\n\nC.");
}

TEST(TokenizeEval, ScoresSpansOfNonSpaceCharacters) {
  std::string text = "ab cd";
  SpanSet gold{{{0, 2}, {3, 5}}, {{0, 5}}};
  SpanSet system{{{0, 1}, {1, 2}, {3, 5}}, {{0, 2}, {3, 5}}};
  TokenizeScores s = Score(text, gold, system);
  EXPECT_EQ(s.tokens.correct, 1u);
  EXPECT_EQ(s.tokens.system, 3u);
  EXPECT_EQ(s.tokens.gold, 2u);
  EXPECT_NEAR(s.tokens.f1(), 40.0, 1e-9);
  EXPECT_EQ(s.sentences.correct, 0u);
}

TEST(TokenizeEval, AlignsAnotherTokenisersOutput) {
  std::string text = "Hij zei: ja. Goed zo.";
  size_t unaligned = 0;
  SpanSet s = AlignTokenized(text, "Hij zei : ja .\nGoed zo .\n", &unaligned);
  EXPECT_EQ(unaligned, 0u);
  ASSERT_EQ(s.tokens.size(), 8u);
  EXPECT_EQ(s.tokens[2], ByteSpan(7, 8));
  ASSERT_EQ(s.sentences.size(), 2u);
  EXPECT_EQ(s.sentences[1], ByteSpan(13, 21));
  AlignTokenized(text, "Hij ZEI : ja .\n", &unaligned);
  EXPECT_EQ(unaligned, 1u);
}

}  // namespace
}  // namespace bron
