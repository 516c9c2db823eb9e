#include "text/chars.h"

#include <gtest/gtest.h>

namespace bron {
namespace {

TEST(Lowercase, AsciiAndOtherLettersAlike) {
  EXPECT_EQ(Lowercase(""), "");
  EXPECT_EQ(Lowercase("VLADIMIR Poetin, 2.500 DRONES!"), "vladimir poetin, 2.500 drones!");
  EXPECT_EQ(Lowercase("GENÈVE"), "genève");
  EXPECT_EQ(Lowercase("ÉÉN Oekraïne"), "één oekraïne");
  EXPECT_EQ(Lowercase("ΑΘΉΝΑ and МОСКВА"), "αθήνα and москва");
  EXPECT_EQ(Lowercase("“Quote” – €80"), "“quote” – €80");  // no letters: unchanged
}

}  // namespace
}  // namespace bron
