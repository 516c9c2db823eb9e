#include "tag/word_features.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bron {
namespace {

// DescribeSentence keeps the descriptions of words in a cache of the calling thread: what it gives must
// be what DescribeWord computes, whether the word is in the cache, was pushed out, or shares its slot.
void ExpectDescribedAsAlone(const std::vector<std::string_view>& words) {
  std::vector<WordInfo> info;
  DescribeSentence(words, nullptr, &info);
  ASSERT_EQ(info.size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    WordInfo alone;
    DescribeWord(words[i], &alone);
    SCOPED_TRACE(std::string(words[i]));
    EXPECT_EQ(info[i].lower, alone.lower);
    EXPECT_EQ(info[i].form, alone.form);
    EXPECT_EQ(info[i].lower_hash, alone.lower_hash);
    EXPECT_EQ(info[i].shape, alone.shape);
    for (int k = 0; k < 5; ++k) EXPECT_EQ(info[i].suffix[k], alone.suffix[k]);
    for (int k = 0; k < 3; ++k) EXPECT_EQ(info[i].prefix[k], alone.prefix[k]);
    EXPECT_EQ(info[i].capitalized, alone.capitalized);
    EXPECT_EQ(info[i].all_caps, alone.all_caps);
    EXPECT_EQ(info[i].has_digit, alone.has_digit);
    EXPECT_EQ(info[i].has_hyphen, alone.has_hyphen);
    EXPECT_EQ(info[i].participle_like, alone.participle_like);
  }
}

TEST(DescribeSentence, CachedWordsAreDescribedAsAlone) {
  const std::vector<std::string_view> sentence = {"VLADIMIR", "Poetin", "heeft", "Genève", "gebeld", "",
                                                  "2.500", "Rabo-renners", "ÉÉN", "gewerkt", "."};
  ExpectDescribedAsAlone(sentence);
  ExpectDescribedAsAlone(sentence);  // now from the cache
  // Many more words than the cache has slots: every slot is taken over, several times.
  std::vector<std::string> many;
  for (int i = 0; i < 40000; ++i) many.push_back(std::string(i % 2 ? "Woord" : "wóórd").append(std::to_string(i)));
  std::vector<std::string_view> views(many.begin(), many.end());
  ExpectDescribedAsAlone(views);
  ExpectDescribedAsAlone(sentence);
  // Forms too long to keep (a run of text without spaces) are described all the same, each time.
  const std::string run(100000, 'X'), other = std::string(99999, 'x').append("é");
  ExpectDescribedAsAlone({run, other, run, "Poetin"});
  // The same words in other sentences: the facts of the whole sentence are not kept with the word.
  std::vector<WordInfo> a, b;
  DescribeSentence({"zij", "heeft", "gewerkt"}, nullptr, &a);
  DescribeSentence({"zij", "heeft", "gezegd"}, nullptr, &b);
  EXPECT_TRUE(a[0].participle_after);
  EXPECT_TRUE(b[0].participle_after);
  DescribeSentence({"zij", "heeft", "niets"}, nullptr, &b);
  EXPECT_FALSE(b[0].participle_after);
}

}  // namespace
}  // namespace bron
