#include "text/langid.h"

#include <gtest/gtest.h>

namespace bron {
namespace {

TEST(LanguageIdentifier, TellsDutchEnglishAndOthers) {
  LanguageIdentifier id;
  EXPECT_EQ(id.Identify("VLADIMIR Poetin is naar verluidt bereid een deal over Oekraïne te aanvaarden, aldus een "
                        "senior assistent van president Zelensky.").lang, "nl");
  EXPECT_EQ(id.Identify("Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three "
                        "months to December, from $639m year-earlier.").lang, "en");
  EXPECT_EQ(id.Identify("Die Regierung hat beschlossen, dass die Steuern nicht erhöht werden und das ist gut.").lang, "de");
  EXPECT_EQ(id.Identify("Le gouvernement a décidé que les impôts ne seront pas augmentés pour les familles.").lang, "fr");
}

TEST(LanguageIdentifier, TooLittleTextIsUndetermined) {
  LanguageIdentifier id;
  EXPECT_EQ(id.Identify("").lang, "und");
  EXPECT_EQ(id.Identify("12345 !!! ???").lang, "und");
  EXPECT_EQ(id.Identify("Zelensky").lang, "und");
}

}  // namespace
}  // namespace bron
