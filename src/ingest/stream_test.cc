#include "ingest/stream.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace bron {
namespace {

// Every line of `bytes` (read through fmemopen), "(too long N)" for the skipped ones; the status at the end.
std::vector<std::string> Lines(std::string bytes, size_t max, Status* status, bool* gzip = nullptr) {
  FILE* f = fmemopen(bytes.data(), bytes.size(), "rb");
  LineStream in("x.jsonl.gz", f);
  std::vector<std::string> lines;
  std::string line;
  LineInfo info;
  while (in.Next(&line, max, &info)) {
    lines.push_back(info.too_long ? "(too long " + std::to_string(info.length) + ")" : line);
    EXPECT_EQ(info.number, lines.size());
  }
  *status = in.status();
  if (gzip) *gzip = in.gzip();
  std::fclose(f);
  return lines;
}

using V = std::vector<std::string>;

TEST(LineStream, PlainLinesWithAnyLineBreak) {
  Status s;
  bool gzip = true;
  EXPECT_EQ(Lines("a\r\nbb\n\nccc", 100, &s, &gzip), (V{"a", "bb", "", "ccc"}));
  EXPECT_TRUE(s.ok());
  EXPECT_FALSE(gzip);
  EXPECT_TRUE(Lines("", 100, &s).empty());
  EXPECT_EQ(Lines("x", 100, &s), V{"x"});
}

TEST(LineStream, GzipMembersInChunksAndOverLongLinesAreNotHeld) {
  std::string big(300000, 'y');  // several 64 KiB chunks, over the limit of 1000
  std::string plain = "one\n" + big + "\ntwo\n";
  Status s;
  bool gzip = false;
  std::string gz = testing::Gzip(plain.substr(0, 10)) + testing::Gzip("") + testing::Gzip(plain.substr(10));
  EXPECT_EQ(Lines(gz, 1000, &s, &gzip), (V{"one", "(too long 300000)", "two"}));
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(gzip);
  // The offsets are those of the decompressed data.
  FILE* f = fmemopen(gz.data(), gz.size(), "rb");
  LineStream in("x", f);
  std::string line;
  LineInfo info;
  ASSERT_TRUE(in.Next(&line, 1 << 20, &info));
  ASSERT_TRUE(in.Next(&line, 1 << 20, &info));
  ASSERT_TRUE(in.Next(&line, 1 << 20, &info));
  EXPECT_EQ(line, "two");
  EXPECT_EQ(info.offset, 4u + 300001u);
  EXPECT_LE(in.position(), gz.size());
  std::fclose(f);
}

// Found by fuzz/stream_fuzz.cc: a line over the limit that arrived in one chunk was given whole.
TEST(LineStream, ALineOverTheLimitIsFlaggedWhereverItEnds) {
  Status s;
  EXPECT_EQ(Lines("short\n" + std::string(150, '0') + "\nlast", 100, &s), (V{"short", "(too long 150)", "last"}));
  EXPECT_EQ(Lines(testing::Gzip(std::string(150, '0') + "\r\n"), 100, &s), (V{"(too long 150)"}));
  EXPECT_EQ(Lines(std::string(100, '0') + "\r\n", 100, &s), V{std::string(100, '0')});
}

TEST(LineStream, DamageEndsTheStreamNamingTheByte) {
  std::string first = testing::Gzip("a\nb\n"), second = testing::Gzip("c\n" + std::string(50000, 'z') + "\n");
  Status s;
  // Cut in the middle of the second member: what came before is kept.
  V lines = Lines(first + second.substr(0, second.size() / 2), 1 << 20, &s);
  ASSERT_GE(lines.size(), 2u);  // and "c" when its bytes were decoded before the cut
  EXPECT_EQ(lines[0], "a");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("x.jsonl.gz: byte " + std::to_string(first.size() + second.size() / 2) +
                             ": the gzip data ends in the middle of a member"),
            std::string::npos)
      << s.message();
  // Garbage after a member.
  lines = Lines(first + "garbage", 1 << 20, &s);
  EXPECT_EQ(lines, (V{"a", "b"}));
  EXPECT_NE(s.message().find("byte " + std::to_string(first.size()) + ": data after a gzip member is not gzip"),
            std::string::npos)
      << s.message();
  // A corrupt byte in the deflate data.
  std::string bad = first;
  bad[12] = static_cast<char>(bad[12] ^ 0x55);
  Lines(bad, 1 << 20, &s);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("x.jsonl.gz: byte "), std::string::npos) << s.message();
}

TEST(LineStream, ReplayGivesTheHeadBackBeforeTheRest) {
  std::string rest = "world\n";
  FILE* r = fmemopen(rest.data(), rest.size(), "rb");
  FILE* f = ReplayThenRead("hello ", r);
  ASSERT_NE(f, nullptr);
  std::string all;
  ASSERT_TRUE(ReadUpTo(f, 100, &all).ok());
  EXPECT_EQ(all, "hello world\n");
  std::fclose(f);
  std::fclose(r);  // not closed by the replay
  std::string more(200, 'x');
  FILE* m = fmemopen(more.data(), more.size(), "rb");
  std::string out;
  EXPECT_FALSE(ReadUpTo(m, 100, &out).ok());
  std::fclose(m);
}

}  // namespace
}  // namespace bron
