#include "link/names.h"

#include <gtest/gtest.h>

#include "link/fingerprint.h"

namespace bron {
namespace {

TEST(NameKeys, FoldCaseDiacriticsAndPunctuation) {
  EXPECT_EQ(NameKey("VLADIMIR Poetin"), "vladimir poetin");
  EXPECT_EQ(NameKey("  Genève "), "geneve");
  EXPECT_EQ(NameKey("Jean-Claude Juncker"), "jean claude juncker");
}

TEST(NameKeys, TransliterationsMeet) {
  EXPECT_EQ(TransliterationKey("Zelenski"), TransliterationKey("Zelensky"));
  EXPECT_EQ(TransliterationKey("Poetin"), TransliterationKey("Putin"));
  EXPECT_EQ(TransliterationKey("Volodymyr Zelenski"), TransliterationKey("Wolodymyr Selenskyj"));
  EXPECT_EQ(TransliterationKey("Navalni"), TransliterationKey("Navalny"));
  EXPECT_NE(TransliterationKey("Putin"), TransliterationKey("Peskov"));
  EXPECT_EQ(LastWord("vladimir putin"), "putin");
}

TEST(Fingerprints, NearCopiesAreCloseAndOtherTextsFar) {
  std::string a = "Een Russische aanval met honderden drones heeft in de nacht grote schade aangericht aan de "
                  "energie-infrastructuur in het westen van Oekraïne, meldt de luchtmacht.";
  std::string b = a + " (ANP)";
  std::string c = "Het kabinet wil de belasting op tabak en alcohol volgend jaar flink verhogen, zegt de minister "
                  "van Financiën in een interview met de krant.";
  EXPECT_LE(HammingDistance(SimHash(a), SimHash(b)), 5);
  EXPECT_GT(HammingDistance(SimHash(a), SimHash(c)), 10);
  auto wa = ContentWords("Poetin is bereid 400 drones te leveren");
  auto wb = ContentWords("Poetin is bereid 420 drones te leveren");
  EXPECT_GE(Jaccard(wa, wb), 0.5);
  EXPECT_LT(Jaccard(wa, ContentWords(c)), 0.1);
  // Equal sets share every band key; the keys differ between unrelated sets.
  EXPECT_EQ(MinHashBandKeys(MinHash(wa)), MinHashBandKeys(MinHash(wa)));
  EXPECT_NE(MinHashBandKeys(MinHash(wa))[0], MinHashBandKeys(MinHash(ContentWords(c)))[0]);
}

}  // namespace
}  // namespace bron
