#include "ner/ner_features.h"

#include <gtest/gtest.h>

namespace bron {
namespace {

std::vector<WordInfo> Describe(const std::vector<std::string_view>& words) {
  std::vector<WordInfo> info;
  DescribeSentence(words, nullptr, &info);
  return info;
}

TEST(DocumentCase, ANameCapitalisedElsewhereIsMarkedWhereItOpensASentence) {
  auto a = Describe({"Robeyns", "won", "."});
  auto b = Describe({"Coach", "Jan", "Robeyns", "zei", "dat", "."});
  auto c = Describe({"Het", "won", "de", "prijs", "."});
  DocumentCase doc;
  for (const auto* s : {&a, &b, &c}) doc.Add(*s);
  std::vector<uint8_t> bits;
  doc.Describe(a, &bits);
  EXPECT_TRUE(bits[0] & kCapitalisedInside);  // "Robeyns" inside sentence b
  EXPECT_TRUE(bits[1] & kLowerElsewhere);     // "won" in sentence c
  doc.Describe(b, &bits);
  EXPECT_FALSE(bits[2] & kCapitalisedInside);  // its own capital does not count
  EXPECT_TRUE(bits[2] & kSeenElsewhere);
  doc.Describe(c, &bits);
  EXPECT_FALSE(bits[0] & kCapitalisedInside);  // "Het" is nowhere else capitalised inside a sentence
}

TEST(DocumentCase, HeadlineCapitalsSayNothing) {
  auto a = Describe({"BRUSSEL", "KIEST", "NIEUWE", "BURGEMEESTER"});
  auto b = Describe({"De", "burgemeester", "kiest", "."});
  DocumentCase doc;
  doc.Add(a);
  doc.Add(b);
  std::vector<uint8_t> bits;
  doc.Describe(b, &bits);
  EXPECT_FALSE(bits[1] & kCapitalisedInside);
  EXPECT_TRUE(bits[1] & kSeenElsewhere);
}

}  // namespace
}  // namespace bron
