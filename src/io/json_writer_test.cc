#include "io/json_writer.h"

#include <gtest/gtest.h>

#include "io/writer.h"

namespace bron {
namespace {

TEST(JsonWriter, EscapesAndNests) {
  std::string out;
  JsonWriter w(&out, false);
  w.StartObject();
  w.Key("s");
  w.String(std::string("a\"b\\c\n\t\x01é", 10));
  w.Key("list");
  w.StartArray();
  w.Uint(1);
  w.Null();
  w.Bool(true);
  w.StartObject();
  w.EndObject();
  w.EndArray();
  w.Key("none");
  w.OptionalString(std::nullopt);
  w.EndObject();
  EXPECT_EQ(out, "{\"s\":\"a\\\"b\\\\c\\n\\t\\u0001é\",\"list\":[1,null,true,{}],\"none\":null}");
}

TEST(JsonWriter, Pretty) {
  std::string out;
  JsonWriter w(&out, true);
  w.StartObject();
  w.Key("a");
  w.StartArray();
  w.Uint(1);
  w.Uint(2);
  w.EndArray();
  w.Key("e");
  w.StartArray();
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(out, "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"e\": []\n}");
}

TEST(DocumentJson, SpansAreCodePointOffsets) {
  Document doc;
  doc.id = "x";
  doc.lang = "nl";
  doc.text = "Één “zin”.";
  doc.tokens = {{0, 5, 0, Gap::kParagraph}};
  doc.sentences = {{0, static_cast<uint32_t>(doc.text.size()), 0, 1}};
  WriteOptions o;
  o.stages = {"tokenize"};
  o.tokens = true;
  std::string out;
  WriteJson(doc, o, false, &out);
  EXPECT_NE(out.find("\"sentences\":[{\"start\":0,\"end\":10}]"), std::string::npos) << out;
  EXPECT_NE(out.find("\"tokens\":[{\"start\":0,\"end\":3,\"sent\":0}]"), std::string::npos) << out;
  EXPECT_NE(out.find("\"published\":null"), std::string::npos);
}

}  // namespace
}  // namespace bron
