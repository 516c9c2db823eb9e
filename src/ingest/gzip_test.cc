#include "ingest/gzip.h"

#include <zlib.h>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace bron {
namespace {

TEST(Gzip, MembersInOrder) {
  std::string out;
  ASSERT_TRUE(Gunzip(testing::Gzip("one ") + testing::Gzip("two"), 1 << 20, &out).ok());
  EXPECT_EQ(out, "one two");
}

TEST(Gzip, DamageKeepsWhatCameBeforeAndNamesTheByte) {
  std::string first = testing::Gzip("first"), second = testing::Gzip(std::string(5000, 'x'));
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
  EXPECT_FALSE(Gunzip(testing::Gzip(std::string(10000, 'a')), 100, &out).ok());  // over the limit
}

}  // namespace
}  // namespace bron
