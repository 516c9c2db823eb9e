#include "ingest/gzip.h"

#include <zlib.h>

#include <gtest/gtest.h>

namespace bron {
namespace {

std::string Compress(const std::string& s) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(s.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  z.avail_in = s.size();
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = out.size();
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST(Gzip, MembersInOrder) {
  std::string out;
  ASSERT_TRUE(Gunzip(Compress("one ") + Compress("two"), 1 << 20, &out).ok());
  EXPECT_EQ(out, "one two");
}

TEST(Gzip, DamageKeepsWhatCameBeforeAndNamesTheByte) {
  std::string first = Compress("first"), second = Compress(std::string(5000, 'x'));
  std::string out;
  Status s = Gunzip(first + "garbage", 1 << 20, &out);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(out, "first");
  EXPECT_NE(s.message().find("byte " + std::to_string(first.size())), std::string::npos) << s.message();
  s = Gunzip(first + second.substr(0, second.size() / 2), 1 << 20, &out);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("ends in the middle"), std::string::npos) << s.message();
  EXPECT_EQ(out.substr(0, 5), "first");
  EXPECT_FALSE(Gunzip("plain", 1 << 20, &out).ok());
  EXPECT_FALSE(Gunzip(Compress(std::string(10000, 'a')), 100, &out).ok());  // over the limit
}

}  // namespace
}  // namespace bron
