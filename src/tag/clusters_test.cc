#include "tag/clusters.h"

#include <gtest/gtest.h>

#include <string>

namespace bron {
namespace {

TEST(WordClusters, FindsWhatWasSetAndNothingElse) {
  WordClusters c;
  EXPECT_EQ(c.Find("troep").fine, WordClusters::kUnknown);  // empty
  c.Set("troep", {1, 2});
  c.Set("krant", {3, 4});
  c.Set("troep", {5, 6});  // set again: the last ids win, still one word
  EXPECT_EQ(c.size(), 2u);
  EXPECT_EQ(c.Find("troep").coarse, 5);
  EXPECT_EQ(c.Find("troep").fine, 6);
  EXPECT_EQ(c.FindHashed(FeatureHash(0, "krant")).fine, 4);
  EXPECT_EQ(c.Find("kranten").coarse, WordClusters::kUnknown);
  EXPECT_EQ(c.Find("").fine, WordClusters::kUnknown);
}

TEST(WordClusters, GrowsAndRoundTripsInAnyInsertionOrder) {
  WordClusters forward, backward;
  const int n = 5000;  // many times the first table
  for (int i = 0; i < n; ++i) {
    forward.Set(std::string("w").append(std::to_string(i)), {static_cast<uint16_t>(i % 100), static_cast<uint16_t>(i)});
  }
  for (int i = n; i-- > 0;) {
    backward.Set(std::string("w").append(std::to_string(i)), {static_cast<uint16_t>(i % 100), static_cast<uint16_t>(i)});
  }
  for (int i = 0; i < n; i += 7) ASSERT_EQ(forward.Find(std::string("w").append(std::to_string(i))).fine, i);
  ByteWriter a, b;
  forward.Serialize(a);
  backward.Serialize(b);
  EXPECT_EQ(a.bytes(), b.bytes());  // sorted by word: the file does not depend on the order of Set
  WordClusters read;
  ByteReader r(a.bytes());
  ASSERT_TRUE(read.Parse(r).ok());
  EXPECT_TRUE(r.done());
  EXPECT_EQ(read.size(), static_cast<size_t>(n));
  for (int i = 0; i < n; i += 13) ASSERT_EQ(read.Find(std::string("w").append(std::to_string(i))).coarse, i % 100);
}

TEST(WordClusters, TruncatedDataIsAnError) {
  WordClusters c;
  c.Set("troep", {1, 2});
  ByteWriter w;
  c.Serialize(w);
  std::string cut = w.bytes().substr(0, w.bytes().size() - 1);
  ByteReader r(cut);
  WordClusters read;
  EXPECT_FALSE(read.Parse(r).ok());
}

}  // namespace
}  // namespace bron
