#include "model/model_file.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "model/linear_model.h"
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

// Version 3 compresses sections (not META, so `strings` still shows it) and reads them back exactly.
TEST(ModelFile, CompressedSectionsRoundTrip) {
  ModelFile m;
  m.meta = {{"kind", "tagger"}, {"command", "bron train tagger"}};
  for (int i = 0; i < 5000; ++i) m.sections["DATA"] += "word" + std::to_string(i % 50) + '\t';
  m.sections["TEST"] = "tiny";
  std::string bytes = m.Serialize();
  EXPECT_LT(bytes.size(), m.sections["DATA"].size() / 4);
  EXPECT_NE(bytes.find("bron train tagger"), std::string::npos);
  ModelFile back;
  ASSERT_TRUE(ModelFile::Parse(bytes, &back).ok());
  EXPECT_EQ(back.version, kModelFormatVersion);
  EXPECT_EQ(back.meta, m.meta);
  EXPECT_EQ(back.sections, m.sections);
  // Every cut and a damaged deflate stream (checksum made to match) give an error, never a crash.
  for (size_t cut = 0; cut < bytes.size(); cut += 7) EXPECT_FALSE(ModelFile::Parse(bytes.substr(0, cut), &back).ok());
  uint64_t meta_length;
  std::memcpy(&meta_length, bytes.data() + 16, 8);
  size_t data_at = 12 + 12 + meta_length + 4;  // magic, version, META section
  ASSERT_EQ(bytes.substr(data_at, 4), "DATA");
  uint64_t data_length;
  std::memcpy(&data_length, bytes.data() + data_at + 4, 8);
  std::string bad = bytes;
  bad[data_at + 12 + 9 + data_length / 2] ^= 0x55;  // inside the deflate stream
  uint32_t crc = static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(bad.data() + data_at + 12), static_cast<uInt>(data_length)));
  std::memcpy(bad.data() + data_at + 12 + data_length, &crc, 4);
  Status s = ModelFile::Parse(bad, &back);
  EXPECT_NE(s.message().find("section 'DATA'"), std::string::npos) << s.message();
}

// A linear model as files of version 3 hold it: cut keys, int8 weights with one scale per feature.
TEST(LinearModel, QuantisedRoundTripWithinTheErrorBound) {
  std::unordered_map<uint64_t, std::vector<LinearModel::Weight>> weights;
  uint64_t seed = 42;
  auto next = [&seed] { return seed = seed * 6364136223846793005ull + 1442695040888963407ull; };
  for (int f = 0; f < 2000; ++f) {
    uint64_t key = FeatureHash(1, "feature" + std::to_string(f));
    int n = 1 + static_cast<int>(next() >> 60);
    std::vector<LinearModel::Weight>& list = weights[key];
    for (int k = 0; k < n; ++k) {
      float v = static_cast<float>(static_cast<int64_t>(next() >> 40) - (int64_t{1} << 23)) / (1 << 20);
      list.push_back({static_cast<uint16_t>((k * 37 + f) % 240), v});
    }
  }
  LinearModel model(240, weights, 0);
  ByteWriter w;
  model.Serialize(w);
  EXPECT_LT(w.bytes().size(), model.num_weights() * 2 + model.num_features() * 5);
  ByteReader r(w.bytes());
  LinearModel back;
  ASSERT_TRUE(back.Parse(r, kModelFormatVersion).ok());
  EXPECT_TRUE(r.done());
  EXPECT_EQ(back.num_features(), model.num_features());
  for (const auto& [key, list] : weights) {
    float max_abs = 0;
    for (const auto& w : list) max_abs = std::max(max_abs, std::fabs(w.value));
    std::vector<float> want(240, 0), got(240, 0);
    for (const auto& w : list) want[w.label] += w.value;
    for (const auto& w : back.WeightsOf(key)) got[w.label] += w.value;
    for (int l = 0; l < 240; ++l) {
      ASSERT_LE(std::fabs(want[l] - got[l]), max_abs * LinearModel::kMaxRelativeError + 1e-7f) << key << " " << l;
    }
    // Scoring goes through the same cut keys.
    float scores[240] = {};
    back.Score(&key, 1, scores);
    for (int l = 0; l < 240; ++l) EXPECT_EQ(scores[l], got[l]);
  }
  uint64_t absent = FeatureHash(2, "never seen");
  EXPECT_TRUE(back.WeightsOf(absent).empty());
  // A truncated model is an error, at every length.
  for (size_t cut = 0; cut < w.bytes().size(); cut += 97) {
    ByteReader cut_reader(std::string_view(w.bytes()).substr(0, cut));
    LinearModel broken;
    EXPECT_FALSE(broken.Parse(cut_reader, kModelFormatVersion).ok()) << cut;
  }
}

// Version 2 files (u64 keys, int16 weights) are still read.
TEST(LinearModel, ReadsVersion2) {
  ByteWriter w;
  w.U32(3);      // labels
  w.F32(0.5f);   // scale
  w.U64(1);      // features
  w.U64(12345);  // key
  w.U16(2);
  w.U16(0);
  w.I16(4);
  w.U16(2);
  w.I16(-6);
  ByteReader r(w.bytes());
  LinearModel m;
  ASSERT_TRUE(m.Parse(r, 2).ok());
  float scores[3] = {};
  uint64_t f = 12345;
  m.Score(&f, 1, scores);
  EXPECT_EQ(scores[0], 2.0f);
  EXPECT_EQ(scores[1], 0.0f);
  EXPECT_EQ(scores[2], -3.0f);
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
  Status cut = ModelFile::Parse(bytes.substr(0, bytes.size() - 5), &out);
  EXPECT_NE(cut.message().find("truncated"), std::string::npos) << cut.message();
}

// `text` tokenised, tagged and recognised with the committed Dutch models.
Document TagAndRecognise(const std::string& text) {
  ModelFile tf, nf;
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<EntityRecognizer> ner;
  Document doc;
  doc.text = text;
  if (!ModelFile::Parse(ReadModel("nl-tagger.bron"), &tf).ok() || !ModelFile::Parse(ReadModel("nl-ner.bron"), &nf).ok() ||
      !Tagger::FromModelFile(tf, "nl", &tagger).ok() || !EntityRecognizer::FromModelFile(nf, "nl", &ner).ok()) {
    ADD_FAILURE() << "the committed Dutch models do not load";
    return doc;
  }
  Tokenizer("nl").Tokenize(&doc);
  tagger->Tag(&doc);
  ner->Recognize(&doc);
  return doc;
}

TEST(CommittedModels, TagAndRecogniseAnExample) {
  Document doc = TagAndRecognise("Premier Mark Rutte sprak gisteren in Amsterdam met de troepen.");
  ASSERT_EQ(doc.tokens.size(), 11u);
  EXPECT_EQ(doc.tokens[3].upos, Upos::kVerb);
  EXPECT_EQ(doc.strings.Get(doc.tokens[9].lemma), "troep");
  EXPECT_EQ(doc.tokens[1].ner, NerTag::kBPer);
  EXPECT_EQ(doc.tokens[2].ner, NerTag::kIPer);
  EXPECT_EQ(doc.tokens[6].ner, NerTag::kBLoc);
  EXPECT_EQ(doc.tokens[10].upos, Upos::kPunct);
}

// A first name of the name lists and the capitalised proper noun after it are one person, whatever the
// model makes of an unseen surname (EntityRecognizer::PredictDocument).
TEST(CommittedModels, FirstNameAndSurnameAreOnePerson) {
  Document doc = TagAndRecognise(
      "Dat zegt Nico Woonink maandag. Volgens Wiebe van Terwisga is het goed. Ze kwamen bij de jurist Ferre van de "
      "Nadort.");
  ASSERT_EQ(doc.tokens.size(), 24u);
  EXPECT_EQ(doc.tokens[2].ner, NerTag::kBPer);
  EXPECT_EQ(doc.tokens[3].ner, NerTag::kIPer);
  EXPECT_EQ(doc.tokens[4].ner, NerTag::kO);
  EXPECT_EQ(doc.tokens[7].ner, NerTag::kBPer);
  EXPECT_EQ(doc.tokens[8].ner, NerTag::kIPer);
  EXPECT_EQ(doc.tokens[9].ner, NerTag::kIPer);
  // "Ferre" is no first name of the lists, but "van de" makes "Nadort" a surname.
  EXPECT_EQ(doc.tokens[19].ner, NerTag::kBPer);
  for (size_t t = 20; t <= 22; ++t) EXPECT_EQ(doc.tokens[t].ner, NerTag::kIPer) << t;
}

// A proper noun the model leaves out that is a country or a large city is that place, wherever it stands;
// an organisation after "van de" is no surname.
TEST(CommittedModels, KnownPlacesAndPartiesAfterAName) {
  Document doc = TagAndRecognise("Kiev heeft dit geweigerd. Dat zei Jansen van de VVD gisteren.");
  ASSERT_EQ(doc.tokens.size(), 13u);
  EXPECT_EQ(doc.tokens[0].ner, NerTag::kBLoc);
  EXPECT_EQ(doc.tokens[7].ner, NerTag::kBPer);  // Jansen
  EXPECT_EQ(doc.tokens[8].ner, NerTag::kO);     // van
  EXPECT_EQ(doc.tokens[10].ner, NerTag::kBOrg);  // VVD
}

}  // namespace
}  // namespace bron
