#include "model/model_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ner/recognizer.h"
#include "tag/tagger.h"
#include "text/tokenizer.h"

namespace bron {
namespace {

std::string ReadModel(const std::string& name) {
  std::ifstream in(std::string(BRON_SOURCE_DIR) + "/models/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ModelFile, RoundTrip) {
  ModelFile m;
  m.meta = {{"kind", "tagger"}, {"lang", "nl"}};
  m.sections["DATA"] = std::string("\0\1\2payload", 10);
  ModelFile back;
  ASSERT_TRUE(ModelFile::Parse(m.Serialize(), &back).ok());
  EXPECT_EQ(back.meta, m.meta);
  EXPECT_EQ(back.sections, m.sections);
  EXPECT_TRUE(back.Expect("tagger", "nl").ok());
  EXPECT_NE(back.Expect("tagger", "en").message().find("language 'nl', expected 'en'"), std::string::npos);
  EXPECT_NE(back.Expect("ner", "nl").message().find("'tagger' model, expected 'ner'"), std::string::npos);
}

TEST(ModelFile, RejectsDamage) {
  ModelFile m;
  m.meta = {{"kind", "tagger"}};
  m.sections["DATA"] = "some bytes";
  std::string bytes = m.Serialize();
  ModelFile out;
  EXPECT_NE(ModelFile::Parse("not a model", &out).message().find("bad magic"), std::string::npos);
  for (size_t cut : {size_t{10}, size_t{20}, bytes.size() / 2, bytes.size() - 1}) {
    Status s = ModelFile::Parse(bytes.substr(0, cut), &out);
    EXPECT_FALSE(s.ok()) << cut;
  }
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x40;
  EXPECT_FALSE(ModelFile::Parse(flipped, &out).ok());
  std::string newer = bytes;
  newer[8] = 99;  // format version
  EXPECT_NE(ModelFile::Parse(newer, &out).message().find("newer than this bron"), std::string::npos);
  EXPECT_NE(ModelFile::Parse(bytes + "x", &out).message().find("trailing"), std::string::npos);
}

TEST(ModelFile, MissingFileIsAnError) {
  ModelFile out;
  Status s = ModelFile::Load("/nonexistent/nl-tagger.bron", &out);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent/nl-tagger.bron"), std::string::npos);
}

// The committed models load, pass their self-test, and refuse the wrong language.
TEST(CommittedModels, LoadAndRefuseTheWrongLanguage) {
  for (const char* lang : {"nl", "en"}) {
    ModelFile tagger_file;
    ASSERT_TRUE(ModelFile::Parse(ReadModel(std::string(lang) + "-tagger.bron"), &tagger_file).ok()) << lang;
    std::unique_ptr<Tagger> tagger;
    Status s = Tagger::FromModelFile(tagger_file, lang, &tagger);
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_FALSE(Tagger::FromModelFile(tagger_file, std::string(lang) == "nl" ? "en" : "nl", &tagger).ok());
    ModelFile ner_file;
    ASSERT_TRUE(ModelFile::Parse(ReadModel(std::string(lang) + "-ner.bron"), &ner_file).ok()) << lang;
    std::unique_ptr<EntityRecognizer> ner;
    EXPECT_TRUE(EntityRecognizer::FromModelFile(ner_file, lang, &ner).ok());
    EXPECT_FALSE(EntityRecognizer::FromModelFile(tagger_file, lang, &ner).ok());  // a tagger is not a NER model
  }
}

TEST(CommittedModels, TruncatedOrCorruptedModelsFailCleanly) {
  std::string bytes = ReadModel("nl-tagger.bron");
  ASSERT_GT(bytes.size(), 1000u);
  ModelFile out;
  EXPECT_FALSE(ModelFile::Parse(bytes.substr(0, bytes.size() / 3), &out).ok());
  std::string corrupted = bytes;
  corrupted[bytes.size() / 2] ^= 0x01;
  EXPECT_NE(ModelFile::Parse(corrupted, &out).message().find("checksum"), std::string::npos);
}

TEST(CommittedModels, TagAndRecogniseAnExample) {
  ModelFile tf, nf;
  ASSERT_TRUE(ModelFile::Parse(ReadModel("nl-tagger.bron"), &tf).ok());
  ASSERT_TRUE(ModelFile::Parse(ReadModel("nl-ner.bron"), &nf).ok());
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<EntityRecognizer> ner;
  ASSERT_TRUE(Tagger::FromModelFile(tf, "nl", &tagger).ok());
  ASSERT_TRUE(EntityRecognizer::FromModelFile(nf, "nl", &ner).ok());
  Document doc;
  doc.text = "Premier Mark Rutte sprak gisteren in Amsterdam met de troepen.";
  Tokenizer("nl").Tokenize(&doc);
  ASSERT_EQ(doc.tokens.size(), 11u);
  tagger->Tag(&doc);
  ner->Recognize(&doc);
  EXPECT_EQ(doc.tokens[3].upos, Upos::kVerb);
  EXPECT_EQ(doc.strings.Get(doc.tokens[9].lemma), "troep");
  EXPECT_EQ(doc.tokens[1].ner, NerTag::kBPer);
  EXPECT_EQ(doc.tokens[2].ner, NerTag::kIPer);
  EXPECT_EQ(doc.tokens[6].ner, NerTag::kBLoc);
  EXPECT_EQ(doc.tokens[10].upos, Upos::kPunct);
}

}  // namespace
}  // namespace bron
