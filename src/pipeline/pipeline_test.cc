#include "bron/pipeline.h"

#include <gtest/gtest.h>

namespace bron {
namespace {

TEST(Pipeline, AddsTheStagesARequestedStageNeeds) {
  std::unique_ptr<Pipeline> p;
  ASSERT_TRUE(Pipeline::Build({"tokenize"}, PipelineOptions{}, &p).ok());
  std::vector<std::string_view> expected = {"lang", "tokenize"};
  EXPECT_EQ(p->stage_names(), expected);
}

TEST(Pipeline, RejectsUnknownStagesAndLanguages) {
  std::unique_ptr<Pipeline> p;
  Status s = Pipeline::Build({"tokenize", "telepathy"}, PipelineOptions{}, &p);
  EXPECT_EQ(s.code(), Status::Code::kUsage);
  EXPECT_NE(s.message().find("unknown stage 'telepathy'"), std::string::npos);
  PipelineOptions o;
  o.lang = "xx";
  EXPECT_FALSE(Pipeline::Build({"tokenize"}, o, &p).ok());
}

TEST(Pipeline, GivenLanguageWinsOverIdentification) {
  std::unique_ptr<Pipeline> p;
  PipelineOptions o;
  o.lang = "en";
  ASSERT_TRUE(Pipeline::Build({"tokenize"}, o, &p).ok());
  Document doc;
  doc.text = "Dit is duidelijk een Nederlandse zin, maar de gebruiker zegt Engels.";
  ASSERT_TRUE(p->Process(doc).ok());
  EXPECT_EQ(doc.lang, "en");
  EXPECT_FALSE(doc.tokens.empty());
}

TEST(Pipeline, PretokenizedDocumentsKeepTheirTokens) {
  std::unique_ptr<Pipeline> p;
  ASSERT_TRUE(Pipeline::Build({"tokenize"}, PipelineOptions{}, &p).ok());
  Document doc;
  doc.text = "a.b c";
  doc.lang.assign("nl");
  doc.pretokenized = true;
  doc.tokens.push_back({0, 1, 0, Gap::kParagraph});
  doc.tokens.push_back({1, 3, 0, Gap::kNone});
  doc.tokens.push_back({4, 5, 0, Gap::kSpace});
  doc.sentences.push_back({0, 5, 0, 3});
  ASSERT_TRUE(p->Process(doc).ok());
  EXPECT_EQ(doc.tokens.size(), 3u);
}

}  // namespace
}  // namespace bron
