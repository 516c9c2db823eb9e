#include "extract/quantities.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "bron/pipeline.h"
#include "tests/test_util.h"

namespace bron {
namespace {

// The quantities of `text`, one a line: "text|value|bound|kind|unit|counted" (value "low-high" for ranges).
std::string Quantities(const std::string& lang, const std::string& text) {
  static std::unique_ptr<Pipeline> pipeline = [] {
    std::unique_ptr<Pipeline> p;
    EXPECT_TRUE(Pipeline::Build({"quantities"}, PipelineOptions{}, &p).ok());
    return p;
  }();
  Document doc;
  doc.text = text;
  doc.lang = lang;
  EXPECT_TRUE(pipeline->Process(doc).ok());
  std::string out;
  char number[64];
  for (const Quantity& q : doc.quantities) {
    if (q.value) std::snprintf(number, sizeof(number), "%.12g", *q.value);
    else std::snprintf(number, sizeof(number), "%.12g-%.12g", q.low.value_or(0), q.high.value_or(0));
    if (!out.empty()) out += "; ";
    out += std::string(doc.Span(q.start, q.end)) + "|" + number + "|" + q.bound + "|" + q.kind + "|" + q.unit + "|" + q.counted;
  }
  return out;
}

struct Case {
  const char* lang;
  const char* text;
  const char* expected;
};

class QuantityCases : public ::testing::TestWithParam<Case> {};

TEST_P(QuantityCases, Extracts) {
  const Case& c = GetParam();
  EXPECT_EQ(Quantities(c.lang, c.text), c.expected) << c.text;
}

const Case kCases[] = {
    // Dutch digits in both conventions, scales, money.
    {"nl", "Er waren 800.000 troepen.", "800.000 troepen|800000|exact|count||troepen"},
    {"nl", "Het kost 2,5 miljoen euro.", "2,5 miljoen euro|2500000|exact|money|EUR|"},
    {"nl", "Een pakket van £80 miljard.", "£80 miljard|80000000000|exact|money|GBP|"},
    {"nl", "Dat kost € 3,50 per stuk.", "€ 3,50|3.5|exact|money|EUR|"},
    {"nl", "Ze kregen 1,4 mld. steun.", "1,4 mld. steun|1400000000|exact|count||steun"},
    {"nl", "De groei was 3.2 procent.", "3.2 procent|3.2|exact|percent|%|"},
    {"nl", "Een daling van 25 procent.", "25 procent|25|exact|percent|%|"},
    {"nl", "Het steeg 2 procentpunten.", "2 procentpunten|2|exact|percent|pp|"},
    // Words, fractions, vague amounts, bounds.
    {"nl", "Er kwamen eenentwintig mensen.", "eenentwintig mensen|21|exact|count||mensen"},
    {"nl", "Er kwamen tweeduizend mensen.", "tweeduizend mensen|2000|exact|count||mensen"},
    {"nl", "Minstens tweederde is vernietigd.", "Minstens tweederde|0.666666667|min|fraction||"},
    {"nl", "Er zouden tientallen burgers gewond zijn.", "tientallen burgers|10|vague|count||burgers"},
    {"nl", "Rusland lanceerde rond 420 drones.", "rond 420 drones|420|approx|count||drones"},
    {"nl", "Het duurde meer dan zes uur.", "meer dan zes uur|6|min|duration|hour|"},
    {"nl", "Er waren ruim 300 deelnemers.", "ruim 300 deelnemers|300|min|count||deelnemers"},
    {"nl", "Er kwamen bijna 50 mensen.", "bijna 50 mensen|50|max|count||mensen"},
    {"nl", "Ze kregen zo'n 40 klachten.", "zo'n 40 klachten|40|approx|count||klachten"},
    {"nl", "Het gaat om een kwart van de kosten.", "een kwart|0.25|exact|fraction||"},
    {"nl", "Het duurde anderhalf uur.", "anderhalf uur|1.5|exact|duration|hour|"},
    // Ranges.
    {"nl", "Mensen tussen 24 en 65 jaar doen mee.", "tussen 24 en 65 jaar|24-65|range|duration|year|"},
    {"nl", "Er komen 10 tot 15 agenten.", "10 tot 15 agenten|10-15|range|count||agenten"},
    {"nl", "Er komen 10-15 agenten.", "10-15 agenten|10-15|range|count||agenten"},
    // Never a quantity: years, dates, times, labels, articles.
    {"nl", "In 2019 ging het mis.", ""},
    {"nl", "Op 27-02-2026 om 14.30 uur begon het.", ""},
    {"nl", "Zie artikel 3 en nr. 5.", ""},
    {"nl", "Een man liep een rondje.", ""},
    // English.
    {"en", "About 1,000,000 people came.", "About 1,000,000 people|1000000|approx|count||people"},
    {"en", "It cost $1.2bn last year.", "$1.2bn|1200000000|exact|money|USD|"},
    {"en", "Profits jumped 76% to $1.13bn.", "76%|76|exact|percent|%|; $1.13bn|1130000000|exact|money|USD|"},
    {"en", "At least 5,000 troops were sent.", "At least 5,000 troops|5000|min|count||troops"},
    {"en", "Nearly two million people voted.", "Nearly two million people|2000000|max|count||people"},
    {"en", "Dozens of people were hurt.", "Dozens of people|12|vague|count||people"},
    {"en", "Between 5 and 10 percent agreed.", "Between 5 and 10 percent|5-10|range|percent|%|"},
    {"en", "The talks lasted six hours.", "six hours|6|exact|duration|hour|"},
    {"en", "Twenty-one people came.", "Twenty-one people|21|exact|count||people"},
    {"en", "In 1996 he was elected.", ""},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.lang << ": " << c.text; }

INSTANTIATE_TEST_SUITE_P(All, QuantityCases, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.lang) + "_" + std::to_string(info.index);
                         });

TEST(QuantityExtractor, DigitConventions) {
  QuantityExtractor nl("nl"), en("en");
  EXPECT_EQ(*nl.ParseDigits("800.000"), 800000);
  EXPECT_EQ(*nl.ParseDigits("2,5"), 2.5);
  EXPECT_EQ(*nl.ParseDigits("1.234,56"), 1234.56);
  EXPECT_EQ(*en.ParseDigits("1,234.56"), 1234.56);
  EXPECT_EQ(*en.ParseDigits("5,000"), 5000);
  EXPECT_EQ(*en.ParseDigits("3.2"), 3.2);
  EXPECT_FALSE(nl.ParseDigits("1.2.3").has_value());
  EXPECT_FALSE(nl.ParseDigits("27-02-2026").has_value());
  EXPECT_FALSE(nl.ParseDigits("14:30").has_value());
  EXPECT_EQ(*nl.ParseWord("tweeëntwintig"), 22);
  EXPECT_EQ(*nl.ParseWord("honderdvijftig"), 150);
  EXPECT_FALSE(nl.ParseWord("dertigers").has_value());
}

// The table of real phrasings (tests/data/quantity-cases.tsv): every row's quantities exactly as listed.
TEST(QuantityTable, RealPhrasingsFromNews) {
  auto rows = testing::ReadCaseTable("tests/data/quantity-cases.tsv", 3);
  int failed = 0;
  for (const auto& row : rows) {
    std::string got = Quantities(row[0], row[1]);
    EXPECT_EQ(got, row[2]) << row[0] << ": " << row[1];
    failed += got != row[2];
  }
  EXPECT_GE(rows.size(), 300u);
  EXPECT_EQ(failed, 0) << "of " << rows.size();
}

}  // namespace
}  // namespace bron
