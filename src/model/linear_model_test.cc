#include "model/linear_model.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/hash_bytes.h"
#include "model/model_file.h"

namespace bron {
namespace {

constexpr uint32_t kLabels = 240;

uint64_t Feature(uint64_t id) { return FeatureMix(1, id); }

struct Random {
  uint64_t seed = 42;
  uint64_t Next() { return seed = seed * 6364136223846793005ull + 1442695040888963407ull; }
  float Weight() { return static_cast<float>(static_cast<int64_t>(Next() >> 40) - (int64_t{1} << 23)) / (1 << 20); }
};

// A model as a trainer would leave it: most features vote for a few labels, some (affixes, the bias)
// for most of them, which LinearModel keeps as dense rows. Read back from its file, as at run time.
LinearModel MakeModel(int features, Random& random) {
  std::unordered_map<uint64_t, std::vector<LinearModel::Weight>> weights;
  for (int f = 0; f < features; ++f) {
    const int n = f % 10 == 0 ? 100 + static_cast<int>(random.Next() % 140) : 1 + static_cast<int>(random.Next() % 12);
    std::vector<LinearModel::Weight>& list = weights[Feature(f)];
    for (int k = 0; k < n; ++k) list.push_back({static_cast<uint16_t>((k * 7 + f) % kLabels), random.Weight()});
  }
  ByteWriter w;
  LinearModel(kLabels, weights, 0).Serialize(w);
  ByteReader r(w.bytes());
  LinearModel model;
  EXPECT_TRUE(model.Parse(r, kModelFormatVersion).ok());
  return model;
}

std::vector<float> ScoreOf(const LinearModel& model, const std::vector<uint64_t>& features) {
  std::vector<float> scores(kLabels, 0.0f);
  model.Score(features.data(), features.size(), scores.data());
  return scores;
}

// Dense rows and packed weights give exactly the stored weights, added in the order of the features.
TEST(LinearModel, ScoresAreTheStoredWeightsAddedInOrder) {
  Random random;
  LinearModel model = MakeModel(3000, random);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<uint64_t> features;
    for (int k = 0; k < 40; ++k) features.push_back(Feature(random.Next() % 3300));
    std::vector<float> want(kLabels, 0.0f);
    for (uint64_t f : features) {
      for (const LinearModel::Weight& w : model.WeightsOf(f)) want[w.label] += w.value;
    }
    std::vector<float> got = ScoreOf(model, features);
    ASSERT_EQ(0, std::memcmp(want.data(), got.data(), kLabels * sizeof(float))) << trial;
  }
}

// The per-word cache never changes a score, however full it gets or which words come back.
TEST(LinearModel, ScoreCachedIsScoreBitForBit) {
  Random random;
  LinearModel model = MakeModel(5000, random);
  LinearModel other = MakeModel(5000, random);  // a second model must not see the first one's rows
  const int kWordTypes = 9000;  // more than a cache holds: it starts over on the way
  for (int step = 0; step < 30000; ++step) {
    // Frequent words come back often, rare ones now and then.
    const uint64_t word_id = random.Next() % (step % 3 == 0 ? kWordTypes : 50);
    std::vector<uint64_t> features;
    for (int k = 0; k < 12; ++k) features.push_back(Feature((word_id * 31 + k * 17) % 5000));
    const size_t prefix = features.size();
    for (int k = 0; k < 20; ++k) features.push_back(Feature(random.Next() % 5200));
    const LinearModel& m = step % 2 ? model : other;
    std::vector<float> cached(kLabels, 0.0f);
    m.ScoreCached(FeatureMix(3, word_id + 1), features.data(), prefix, features.size(), cached.data());
    std::vector<float> plain = ScoreOf(m, features);
    ASSERT_EQ(0, std::memcmp(plain.data(), cached.data(), kLabels * sizeof(float))) << step;
  }
}

// A model with nothing in it (a recogniser shell while training) scores nothing, cached or not.
TEST(LinearModel, AnEmptyModelScoresNothing) {
  LinearModel empty;
  std::vector<uint64_t> features = {Feature(1), Feature(2), Feature(3)};
  float scores[4] = {1, 2, 3, 4};
  for (int i = 0; i < 3; ++i) empty.ScoreCached(FeatureMix(3, 7), features.data(), 2, features.size(), scores);
  empty.Score(features.data(), features.size(), scores);
  EXPECT_EQ(scores[0], 1);
  EXPECT_EQ(scores[3], 4);
  EXPECT_TRUE(empty.WeightsOf(Feature(1)).empty());
}

TEST(HashBytes, OrGetAndItems) {
  HashBytes table;
  EXPECT_EQ(table.Get(7), 0);
  EXPECT_TRUE(table.empty());
  for (uint32_t k = 0; k < 10000; ++k) table.Or(k * 2654435761u, static_cast<uint8_t>(1 << (k % 8)));
  table.Or(0, 3);
  table.Or(0, 4);
  table.Or(5, 0);  // no bits: stays absent
  EXPECT_EQ(table.size(), 10000u);  // 0 * 2654435761 is key 0 too
  EXPECT_EQ(table.Get(0), 1 | 3 | 4);
  EXPECT_EQ(table.Get(5), 0);
  for (uint32_t k = 1; k < 10000; ++k) ASSERT_EQ(table.Get(k * 2654435761u), 1 << (k % 8)) << k;
  EXPECT_EQ(table.Get(12345), 0);
  std::vector<std::pair<uint32_t, uint8_t>> items = table.Items();
  EXPECT_EQ(items.size(), table.size());
  HashBytes copy;
  copy.reserve(items.size());
  for (const auto& [key, bits] : items) copy.Or(key, bits);
  EXPECT_EQ(copy.Get(0), table.Get(0));
  EXPECT_EQ(copy.Get(3 * 2654435761u), table.Get(3 * 2654435761u));
}

}  // namespace
}  // namespace bron
