#include "extract/flags.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace bron {
namespace {

std::string Flags(const std::string& text) {
  static const FlagFinder finder("nl");
  Document doc;
  doc.text = text;
  doc.lang = "nl";
  Tokenizer("nl").Tokenize(&doc);
  finder.Find(&doc);
  std::string out;
  for (const Flag& f : doc.flags) out += (out.empty() ? "" : "; ") + std::string(doc.Span(f.start, f.end));
  return out;
}

TEST(FlagFinder, FindsMachineTranslationDamage) {
  EXPECT_EQ(Flags("De Kremlin heeft de opmerkingen niet bevestigd."), "De Kremlin");
  EXPECT_EQ(Flags("Een daling van 25 procent. olie En gas export vorig jaar."), "procent. olie En; En");
  EXPECT_EQ(Flags("Volgens De Witte Huis is het zo."), "De Witte Huis");
}

TEST(FlagFinder, LeavesOrdinaryTextAlone) {
  EXPECT_EQ(Flags("Het Kremlin heeft de opmerkingen niet bevestigd."), "");
  EXPECT_EQ(Flags("Hij zag de film De Tweeling en Het Huis."), "");
  EXPECT_EQ(Flags("Olie en gas werden duurder. Daarna niet meer."), "");
  EXPECT_EQ(Flags("Volgens ir. w. de Vries is het zo."), "");
  EXPECT_EQ(Flags("Premier Jan Van Rompuy sprak."), "");
}

}  // namespace
}  // namespace bron
