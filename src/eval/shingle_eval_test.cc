#include "eval/shingle_eval.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace bron {
namespace {

TEST(ShingleEval, WordsAndScores) {
  EXPECT_EQ(ShingleWords("Het kabinet, zei Rutte: 'nee!' Caf\xc3\xa9"),
            (std::vector<std::string>{"het", "kabinet", "zei", "rutte", "nee", "caf\xc3\xa9"}));
  double p = 0, r = 0;
  ShingleScore("a b c d e", "a b c d e", 4, &p, &r);
  EXPECT_DOUBLE_EQ(p, 1);
  EXPECT_DOUBLE_EQ(r, 1);
  // Ours has one extra word at the end: 3 shingles of ours, 2 of them shared; the reference has 2.
  ShingleScore("a b c d e f", "a b c d e", 4, &p, &r);
  EXPECT_DOUBLE_EQ(p, 2.0 / 3);
  EXPECT_DOUBLE_EQ(r, 1);
  ShingleScore("", "a b c d", 4, &p, &r);
  EXPECT_EQ(p + r, 0);
  ShingleScore("", "", 4, &p, &r);
  EXPECT_EQ(p + r, 2);
  ShingleScore("x y", "x y", 4, &p, &r);  // shorter than a shingle: one of all its words
  EXPECT_DOUBLE_EQ(p, 1);
  EXPECT_EQ(ShingleWords(TextOfHtml("<div><p>een</p><p>twee<b>drie</b></p><script>x()</script></div>")),
            (std::vector<std::string>{"een", "twee", "drie"}));
}

TEST(ShingleEval, FoldersOfPagesWithTheirExpectedArticle) {
  std::string dir = testing::ScratchPath("shingle-pages");
  mkdir(dir.c_str(), 0755);
  mkdir((dir + "/a").c_str(), 0755);
  std::string body = "<p>De minister zei dinsdag in Den Haag dat het kabinet de plannen voor volgend jaar herziet, "
                     "omdat de kosten hoger uitvallen dan eerder was gedacht.</p>";
  testing::WriteScratch("shingle-pages/a/source.html",
                        "<html><body><nav><a href='/'>Home</a> <a href='/x'>Binnenland</a></nav><article>" + body +
                            "</article><footer>Alle rechten voorbehouden</footer></body></html>");
  testing::WriteScratch("shingle-pages/a/expected.html", "<div>" + body + "</div>");
  ShingleEvalResult r;
  ASSERT_TRUE(EvalShingles(dir, &r).ok());
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_DOUBLE_EQ(r.precision, 1);
  EXPECT_DOUBLE_EQ(r.recall, 1);
  EXPECT_FALSE(EvalShingles(dir + "/a", &r).ok());  // no page folders in it
}

}  // namespace
}  // namespace bron
