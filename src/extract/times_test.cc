#include "extract/times.h"

#include <gtest/gtest.h>

#include "bron/pipeline.h"
#include "tests/test_util.h"
#include "text/tokenizer.h"

namespace bron {
namespace {

// "text=value kind; ..." for the time expressions of `text`, published 2026-02-27 (a Friday).
std::string Times(const std::string& lang, const std::string& text, const char* published = "2026-02-27") {
  static const TimeExtractor nl("nl"), en("en");
  Document doc;
  doc.text = text;
  doc.lang = lang;
  if (published) doc.published = published;
  Tokenizer(lang).Tokenize(&doc);
  (lang == "nl" ? nl : en).Extract(&doc);
  std::string out;
  for (const TimeExpression& e : doc.times) {
    if (!out.empty()) out += "; ";
    out += std::string(doc.Span(e.start, e.end)) + "=" + e.value.value_or("null") + " " + e.kind;
  }
  return out;
}

// The same for text run through the pipeline, tagged: tense and parts of speech take part.
std::string TaggedTimes(const std::string& lang, const std::string& text, const std::string& published) {
  static std::unique_ptr<Pipeline> pipeline = [] {
    std::unique_ptr<Pipeline> p;
    EXPECT_TRUE(Pipeline::Build({"times"}, PipelineOptions{}, &p).ok());
    return p;
  }();
  Document doc;
  doc.text = text;
  doc.lang = lang;
  doc.published = published;
  EXPECT_TRUE(pipeline->Process(doc).ok());
  std::string out;
  for (const TimeExpression& e : doc.times) {
    if (!out.empty()) out += "; ";
    out += std::string(doc.Span(e.start, e.end)) + "=" + e.value.value_or("null") + " " + e.kind;
  }
  return out;
}

struct Case {
  const char* lang;
  const char* text;
  const char* expected;
};

class TimeCases : public ::testing::TestWithParam<Case> {};

TEST_P(TimeCases, Resolves) {
  EXPECT_EQ(Times(GetParam().lang, GetParam().text), GetParam().expected) << GetParam().text;
}

const Case kCases[] = {
    {"nl", "Op 27 februari 2026 begon het.", "27 februari 2026=2026-02-27 date"},
    {"nl", "Op 27-02-2026 begon het.", "27-02-2026=2026-02-27 date"},
    {"nl", "Op 2026-02-27 begon het.", "2026-02-27=2026-02-27 date"},
    {"nl", "Op 3 maart was het koud.", "3 maart=2026-03-03 date"},
    {"nl", "In februari vonden de gesprekken plaats.", "februari=2026-02 date"},
    {"nl", "In 2019 ging het mis.", "2019=2019 date"},
    {"nl", "Sinds 2022 is er oorlog.", "2022=2022 date"},
    {"nl", "Gisteren was het druk.", "Gisteren=2026-02-26 date"},
    {"nl", "Vandaag is het rustig.", "Vandaag=2026-02-27 date"},
    {"nl", "Morgen komt hij.", "Morgen=2026-02-28 date"},
    {"nl", "Vorige week was het koud.", "Vorige week=2026-W08 date"},
    {"nl", "Vorige maand suggereerde hij dat.", "Vorige maand=2026-01 date"},
    {"nl", "Vorig jaar daalde de export.", "Vorig jaar=2025 date"},
    {"nl", "Volgend jaar komt er meer.", "Volgend jaar=2027 date"},
    {"nl", "Volgende maand komt er meer.", "Volgende maand=2026-03 date"},
    {"nl", "Het conflict begon vier jaar geleden.", "vier jaar geleden=2022 date"},
    {"nl", "Dat was drie maanden geleden.", "drie maanden geleden=2025-11 date"},
    {"nl", "Dat was 10 dagen geleden.", "10 dagen geleden=2026-02-17 date"},
    {"nl", "De gesprekken werden donderdag hervat.", "donderdag=2026-02-26 date"},
    {"nl", "Maandag zei hij het.", "Maandag=2026-02-23 date"},
    {"nl", "Het duurde vier jaar.", "vier jaar=P4Y duration"},
    {"nl", "De afgelopen maanden waren zwaar.", ""},
    {"nl", "Het gebeurde in mei 2019.", "mei 2019=2019-05 date"},
    {"en", "On February 27, 2026 it began.", "February 27, 2026=2026-02-27 date"},
    {"en", "Last Thursday the talks resumed.", "Last Thursday=2026-02-26 date"},
    {"en", "Yesterday it rained.", "Yesterday=2026-02-26 date"},
    {"en", "Three years ago it started.", "Three years ago=2023 date"},
    {"en", "Last month prices rose.", "Last month=2026-01 date"},
    {"en", "You may go.", ""},
    {"en", "It happened in March 2019.", "March 2019=2019-03 date"},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.lang << ": " << c.text; }

INSTANTIATE_TEST_SUITE_P(All, TimeCases, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.lang) + "_" + std::to_string(info.index);
                         });

TEST(TimeExtractor, RelativeTimesWithoutPublicationDateAreNull) {
  EXPECT_EQ(Times("nl", "Vorige maand kwam hij.", nullptr), "Vorige maand=null date");
  EXPECT_EQ(Times("nl", "Op 27 februari 2026 kwam hij.", nullptr), "27 februari 2026=2026-02-27 date");
}

// The table of real phrasings (tests/data/time-cases.tsv): every row's times exactly as listed.
TEST(TimeTable, RealPhrasingsFromNews) {
  auto rows = testing::ReadCaseTable("tests/data/time-cases.tsv", 4);  // lang, published, text, expected
  int failed = 0;
  for (const auto& row : rows) {
    std::string got = Times(row[0], row[2], row[1].c_str());
    EXPECT_EQ(got, row[3]) << row[0] << " " << row[1] << ": " << row[2];
    failed += got != row[3];
  }
  EXPECT_GE(rows.size(), 100u);
  EXPECT_EQ(failed, 0) << "of " << rows.size();
}

// Real phrasings whose reading needs the tagger (tests/data/time-cases-tagged.tsv): tense, nouns.
TEST(TimeTable, TaggedPhrasingsFromNews) {
  auto rows = testing::ReadCaseTable("tests/data/time-cases-tagged.tsv", 4);  // lang, published, text, expected
  int failed = 0;
  for (const auto& row : rows) {
    std::string got = TaggedTimes(row[0], row[2], row[1]);
    EXPECT_EQ(got, row[3]) << row[0] << " " << row[1] << ": " << row[2];
    failed += got != row[3];
  }
  EXPECT_GE(rows.size(), 10u);
  EXPECT_EQ(failed, 0) << "of " << rows.size();
}

}  // namespace
}  // namespace bron
