#include "io/reader.h"

#include <gtest/gtest.h>

#include <vector>

namespace bron {
namespace {

struct Collected {
  std::vector<Document> docs;
  std::vector<std::string> errors;
};

template <typename Parse>
Collected Collect(Parse parse) {
  Collected c;
  parse([&](Document&& d) { c.docs.push_back(std::move(d)); },
        [&](const Status& s) { c.errors.push_back(s.message()); });
  return c;
}

TEST(Reader, TextKeepsBytesAndDropsAByteOrderMark) {
  ReaderOptions o;
  auto c = Collect([&](auto on_doc, auto on_err) { ParseText("dir/a.nl.txt", "\xEF\xBB\xBFHallo.\r\n", o, on_doc, on_err); });
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Hallo.\r\n");
  EXPECT_EQ(c.docs[0].id, "a");
  EXPECT_TRUE(c.errors.empty());
}

TEST(Reader, JsonlFieldsAndDefaults) {
  ReaderOptions o;
  o.published = "2026-01-01";
  auto c = Collect([&](auto on_doc, auto on_err) {
    ParseJsonl("x.jsonl",
               "{\"id\":12,\"text\":\"Een.\",\"publisher\":\"Trouw\",\"url\":\"https://t.nl/a\",\"lang\":\"nl\"}\n"
               "\n"
               "{\"text\":\"Two.\",\"published\":\"2019-03-01\",\"title\":null}\r\n",
               o, on_doc, on_err);
  });
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "12");
  EXPECT_EQ(*c.docs[0].site, "Trouw");
  EXPECT_EQ(*c.docs[0].url, "https://t.nl/a");
  EXPECT_EQ(c.docs[0].lang, "nl");
  EXPECT_EQ(*c.docs[0].published, "2026-01-01");
  EXPECT_EQ(c.docs[1].id, ContentId("Two."));
  EXPECT_EQ(*c.docs[1].published, "2019-03-01");
  EXPECT_FALSE(c.docs[1].title.has_value());
}

TEST(Reader, JsonlNulInTextIsAnErrorUnlessLenient) {
  ReaderOptions o;
  std::string line = "{\"text\":\"a\\u0000b\"}\n";
  auto c = Collect([&](auto on_doc, auto on_err) { ParseJsonl("x.jsonl", line, o, on_doc, on_err); });
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].find("line 1 (byte 0): \"text\": byte 1: NUL byte"), std::string::npos) << c.errors[0];
  o.lenient = true;
  c = Collect([&](auto on_doc, auto on_err) { ParseJsonl("x.jsonl", line, o, on_doc, on_err); });
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "a b");
}

TEST(Reader, ConlluNewdocStartsDocumentsAndTextComesFromTheComment) {
  ReaderOptions o;
  std::string input =
      "# newdoc id = d1\n# text = Ja, goed.\n"
      "1\tJa\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t,\t_\t_\t_\t_\t_\t_\t_\t_\n3\tgoed\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
      "4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
      "# newdoc id = d2\n"
      "1\tZonder\t_\t_\t_\t_\t_\t_\t_\t_\n2\ttekst\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t!\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  auto c = Collect([&](auto on_doc, auto on_err) { ParseConllu("f.conllu", input, o, on_doc, on_err); });
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "d1");
  EXPECT_EQ(c.docs[0].text, "Ja, goed.");
  EXPECT_EQ(c.docs[0].tokens.size(), 4u);
  EXPECT_TRUE(c.docs[0].pretokenized);
  EXPECT_EQ(c.docs[1].id, "d2");
  EXPECT_EQ(c.docs[1].text, "Zonder tekst!");
  EXPECT_EQ(c.docs[1].Form(2), "!");
}

TEST(Reader, ConlluRejectsOutOfSequenceIds) {
  ReaderOptions o;
  std::string input = "1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n3\tB\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
                      "1\tC\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  auto c = Collect([&](auto on_doc, auto on_err) { ParseConllu("f.conllu", input, o, on_doc, on_err); });
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].find("f.conllu: line 2: word id 3 out of sequence (expected 2)"), std::string::npos);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "C");
}

TEST(Reader, ConlluMultiwordTokenThatDoesNotSpellItsWords) {
  ReaderOptions o;
  std::string input = "1-2\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n1\tde\t_\t_\t_\t_\t_\t_\t_\t_\n2\tle\t_\t_\t_\t_\t_\t_\t_\t_\n"
                      "3\tpain\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  auto c = Collect([&](auto on_doc, auto on_err) { ParseConllu("f.conllu", input, o, on_doc, on_err); });
  ASSERT_EQ(c.docs.size(), 1u);
  const Document& d = c.docs[0];
  EXPECT_EQ(d.text, "du pain");
  EXPECT_EQ(d.Form(0), "de");
  EXPECT_EQ(d.Form(1), "le");
  EXPECT_EQ(d.Span(d.tokens[1].start, d.tokens[1].end), "du");
  ASSERT_EQ(d.multiword_tokens.size(), 1u);
}

TEST(Reader, AutoDetectsFormats) {
  ReaderOptions o;
  auto c = Collect([&](auto on_doc, auto on_err) {
    ParseInput("stdin", "{\"text\":\"Hallo daar.\"}\n", o, on_doc, on_err);
    ParseInput("stdin", "# sent_id = 1\n1\tHa\t_\t_\t_\t_\t_\t_\t_\t_\n\n", o, on_doc, on_err);
    ParseInput("stdin", "-DOCSTART- O\n\nHa O\n\n", o, on_doc, on_err);
    ParseInput("stdin", "# Een kop\nGewone tekst.", o, on_doc, on_err);
  });
  ASSERT_EQ(c.docs.size(), 4u) << (c.errors.empty() ? "" : c.errors[0]);
  EXPECT_EQ(c.docs[0].text, "Hallo daar.");
  EXPECT_TRUE(c.docs[1].pretokenized);
  EXPECT_TRUE(c.docs[2].pretokenized);
  EXPECT_EQ(c.docs[3].text, "# Een kop\nGewone tekst.");
}

}  // namespace
}  // namespace bron
