#include "ingest/charset.h"

#include <gtest/gtest.h>

namespace bron {
namespace {

TEST(Charset, DeclaredInMetaOrHeader) {
  EXPECT_EQ(DetectCharset("<meta charset=\"ISO-8859-1\"><p>caf\xe9</p>"), "windows-1252");
  EXPECT_EQ(DetectCharset("<meta http-equiv=Content-Type content='text/html; charset=koi8-r'><p>\xc1</p>"), "koi8-r");
  EXPECT_EQ(DetectCharset("<p>\xc1</p>", "text/html; charset=KOI8-R"), "koi8-r");
  EXPECT_EQ(CharsetParameter("text/html; charset=\"UTF-8\""), "utf-8");
}

TEST(Charset, BytesOverruleAWrongOrMissingDeclaration) {
  // Declared Latin-1 but valid UTF-8 with non-ASCII bytes: UTF-8.
  EXPECT_EQ(DetectCharset("<meta charset=latin1><p>caf\xc3\xa9</p>"), "utf-8");
  // Declared UTF-8 but not UTF-8: windows-1252, what browsers fall back to.
  EXPECT_EQ(DetectCharset("<meta charset=utf-8><p>caf\xe9</p>"), "windows-1252");
  EXPECT_EQ(DetectCharset("<p>caf\xe9</p>"), "windows-1252");
  EXPECT_EQ(DetectCharset("\xEF\xBB\xBF<p>x</p>", "text/html; charset=iso-8859-1"), "utf-8");
}

TEST(Charset, ConvertsAndMarksLoss) {
  std::string out;
  bool lossy = true;
  ConvertToUtf8("caf\xe9 \x80", "windows-1252", &out, &lossy);
  EXPECT_EQ(out, "caf\xc3\xa9 \xe2\x82\xac");
  EXPECT_FALSE(lossy);
  ConvertToUtf8("\xc1\xc2", "koi8-r", &out, &lossy);
  EXPECT_EQ(out, "\xd0\xb0\xd0\xb1");  // "аб"
  ConvertToUtf8("ok \xff\xfe end", "utf-8", &out, &lossy);
  EXPECT_TRUE(lossy);
  EXPECT_EQ(out.substr(0, 3), "ok ");
  ConvertToUtf8("\x82\xa0", "shift_jis", &out, &lossy);  // "あ"
  EXPECT_EQ(out, "\xe3\x81\x82");
  ConvertToUtf8("x\x82", "shift_jis", &out, &lossy);  // cut in a two-byte character
  EXPECT_TRUE(lossy);
  EXPECT_EQ(out, "x\xef\xbf\xbd");
  ConvertToUtf8("abc", "no-such-charset", &out, &lossy);
  EXPECT_EQ(out, "abc");
}

}  // namespace
}  // namespace bron
