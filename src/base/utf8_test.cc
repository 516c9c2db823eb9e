#include "base/utf8.h"

#include <gtest/gtest.h>

namespace bron {
namespace {

TEST(Utf8, AcceptsValidText) {
  Utf8Problem p;
  EXPECT_TRUE(CheckUtf8("", &p));
  EXPECT_TRUE(CheckUtf8("Oekraïne “quote” € 😀 and a long ASCII run of more than sixteen bytes", &p));
}

TEST(Utf8, ReportsTheFirstBadByte) {
  struct Case {
    std::string text;
    size_t offset;
    std::string what;
  } cases[] = {
      {"abc\xC3\x28", 3, "invalid"},                   // bad continuation
      {"abcdefghijklmnopqrstu\xFF", 21, "invalid"},     // after the ASCII fast path
      {"ab\xC0\xAF", 2, "invalid"},                    // overlong
      {"\xED\xA0\x80", 0, "invalid"},                  // surrogate
      {"\xF4\x90\x80\x80", 0, "invalid"},              // beyond U+10FFFF
      {"end\xE2\x82", 3, "truncated"},                 // cut off at the end
      {std::string("a\0b", 3), 1, "NUL"},
  };
  for (const Case& c : cases) {
    Utf8Problem p;
    ASSERT_FALSE(CheckUtf8(c.text, &p)) << c.offset;
    EXPECT_EQ(p.offset, c.offset);
    EXPECT_NE(std::string(p.what).find(c.what), std::string::npos) << p.what;
  }
}

TEST(Utf8, RepairReplacesBadSequencesAndNul) {
  size_t replaced = 0;
  EXPECT_EQ(RepairUtf8(std::string("a\xC3\x28z\0!", 6), &replaced), "a\xEF\xBF\xBD(z !");
  EXPECT_EQ(replaced, 2u);
  Utf8Problem p;
  EXPECT_TRUE(CheckUtf8(RepairUtf8("\xF0\x9F\x98"), &p));
}

TEST(Utf8, CodepointOffsets) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "é€😀a";  // 2 + 3 + 4 + 1 bytes, 4 code points
  CodepointOffsets cp(text);
  EXPECT_EQ(cp(0), 0u);
  EXPECT_EQ(cp(2), 1u);
  EXPECT_EQ(cp(5), 2u);
  EXPECT_EQ(cp(10), 4u);
  EXPECT_EQ(cp(static_cast<uint32_t>(text.size())), 200u);
  EXPECT_EQ(CountCodepoints(text), 200u);
}

}  // namespace
}  // namespace bron
