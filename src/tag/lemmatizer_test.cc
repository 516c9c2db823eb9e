#include "tag/lemmatizer.h"

#include <gtest/gtest.h>

namespace bron {
namespace {

// Labels as the tagger trainer gives them: "UPOS\tXPOS".
const std::vector<std::string> kLabels = {
    "NOUN\tN|soort|mv|basis",     // 0
    "VERB\tWW|vd|vrij|zonder",    // 1
    "VERB\tWW|pv|verl|ev",        // 2
    "PROPN\tN|eigen|ev|basis",    // 3
    "ADJ\tADJ|prenom|basis|met-e",  // 4
    "NOUN\tN|soort|ev|basis",     // 5
};

// A tiny treebank: enough examples for each rule to be learnt, none of the forms asked about below.
Lemmatizer Build(int weight_of_second = 1) {
  Lemmatizer::Builder b;
  for (auto [form, lemma] : {std::pair{"troepen", "troep"}, {"boeken", "boek"}, {"renners", "renner"},
                             {"ploegen", "ploeg"}, {"kranten", "krant"}}) {
    b.Add(form, 0, lemma);
  }
  for (auto [form, lemma] : {std::pair{"ploeg", "ploeg"}, {"renner", "renner"}, {"krant", "krant"}}) {
    b.Add(form, 5, lemma);
  }
  for (auto [form, lemma] : {std::pair{"SER-adviezen", "SER_advies"}, {"CDU-congressen", "CDU_congres"},
                             {"radio-uitzendingen", "radio_uitzending"}, {"Rai-gebouwen", "Rai_gebouw"}}) {
    b.Add(form, 0, lemma);
  }
  for (auto [form, lemma] : {std::pair{"geslagen", "slaan"}, {"gewerkt", "werken"}, {"gemaakt", "maken"},
                             {"aangeslagen", "aan_slaan"}, {"opgegroeid", "op_groeien"}}) {
    b.Add(form, 1, lemma);
  }
  for (auto [form, lemma] : {std::pair{"werkte", "werken"}, {"maakte", "maken"}, {"trof", "aan_treffen"},
                             {"trof", "aan_treffen"}, {"trof", "treffen"}}) {
    b.Add(form, 2, lemma);
  }
  for (const char* name : {"Salcedo", "Kaagman", "Rutte", "Oranje"}) b.Add(name, 3, name);
  b.Add("Amerikaanse", 4, "Amerikaans", 1, false);
  b.Add("Mooie", 4, "mooi", 1, true);
  b.Add("mooie", 4, "mooi");
  b.Add("goede", 4, "goed");
  // Two corpora that disagree: the first (weighted) sets the convention.
  b.Add("kranten", 0, "krant", weight_of_second);
  for (const char* v : {"aan_slaan", "op_groeien", "aan_treffen", "mee_werken"}) b.AddParticleVerb(v);
  return b.Build(kLabels);
}

TEST(Lemmatizer, SuffixRulesGeneraliseToUnseenForms) {
  Lemmatizer l = Build();
  EXPECT_EQ(l.Lemmatize("stoelen", 0), "stoel");
  EXPECT_EQ(l.Lemmatize("gemerkt", 1), "merken");
}

TEST(Lemmatizer, JoinedParticleVerbsGetTheirParticle) {
  Lemmatizer l = Build();
  // "mee" + "ge" + "werkt": a known particle verb, its rest lemmatised as a participle.
  EXPECT_EQ(l.Lemmatize("meegewerkt", 1), "mee_werken");
  // No "ge" after the particle: not a separable particle verb.
  EXPECT_EQ(l.ParticleVerb("aan", "treffen"), "aan_treffen");
  EXPECT_EQ(l.ParticleVerb("uit", "treffen"), "");
}

TEST(Lemmatizer, SplitParticleIsLeftToTheSentence) {
  Lemmatizer l = Build();
  // "trof" was mostly "aan_treffen" with its particle elsewhere: alone it is "treffen"; Tagger::Lemmas
  // joins the particle when the sentence has one.
  EXPECT_EQ(l.Lemmatize("trof", 2), "treffen");
}

TEST(Lemmatizer, HyphenatedCompoundsKeepTheirFirstPartsAsWritten) {
  Lemmatizer l = Build();
  EXPECT_EQ(l.Lemmatize("Rabo-renners", 0), "Rabo_renner");
  EXPECT_EQ(l.Lemmatize("FARC-kranten", 0), "FARC_krant");
}

TEST(Lemmatizer, ProperNounsKeepTheirCapitals) {
  Lemmatizer l = Build();
  EXPECT_EQ(l.Lemmatize("Davenport", 3), "Davenport");
  // An adjective keeps a capital inside a sentence ("Amerikaanse"), not at its start ("Mooie").
  EXPECT_EQ(l.Lemmatize("Franse", 4), "Frans");
  EXPECT_EQ(l.Lemmatize("Goede", 4, /*initial=*/true), "goed");
}

TEST(Lemmatizer, SurvivesASerialisationRoundTrip) {
  Lemmatizer l = Build();
  ByteWriter w;
  l.Serialize(w);
  Lemmatizer back;
  ByteReader r(w.bytes());
  ASSERT_TRUE(back.Parse(r, kModelFormatVersion).ok());
  EXPECT_TRUE(r.done());
  for (auto [form, label] : {std::pair{"meegewerkt", 1u}, {"Rabo-renners", 0u}, {"Davenport", 3u}, {"trof", 2u}}) {
    EXPECT_EQ(back.Lemmatize(form, label), l.Lemmatize(form, label)) << form;
  }
}

// Lemmatize keeps the lemmas it computed in a cache of the calling thread: it must answer for the
// lemmatizer asked, and the same from the cache as without it.
TEST(Lemmatizer, CachedLemmasBelongToTheirLemmatizer) {
  Lemmatizer::Builder one, other;
  one.Add("huizen", 0, "huis");
  other.Add("huizen", 0, "huizen");
  Lemmatizer a = one.Build(kLabels), b = other.Build(kLabels);
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(a.Lemmatize("huizen", 0), "huis");
    EXPECT_EQ(b.Lemmatize("huizen", 0), "huizen");
  }
  // A lemmatizer read over an old one answers as the one it was written from.
  ByteWriter w;
  b.Serialize(w);
  ByteReader r(w.bytes());
  ASSERT_TRUE(a.Parse(r, kModelFormatVersion).ok());
  EXPECT_EQ(a.Lemmatize("huizen", 0), "huizen");
}

TEST(Lemmatizer, CachedLemmasAreTheComputedOnes) {
  Lemmatizer l = Build();
  // The first answers, computed before the cache holds anything; then more words than the cache keeps.
  const std::string stoelen = l.Lemmatize("stoelen", 0);
  const std::string opening = l.Lemmatize("Goede", 4, true), inside = l.Lemmatize("Goede", 4, false);
  for (int round = 0; round < 2; ++round) {  // from the cache, then after it has been filled and emptied
    EXPECT_EQ(l.Lemmatize("stoelen", 0), stoelen);
    EXPECT_EQ(l.Lemmatize("Goede", 4, true), opening);  // where the sentence starts is part of the key
    EXPECT_EQ(l.Lemmatize("Goede", 4, false), inside);
    for (int i = 0; i < 70000; ++i) l.Lemmatize(std::string("stoelen").append(std::to_string(i)), i % 6);
  }
  EXPECT_EQ(stoelen, "stoel");
  // A form too long to keep is lemmatised all the same, every time.
  const std::string long_form = std::string(5000, 'k').append("stoelen");
  const std::string long_lemma = l.Lemmatize(long_form, 0);
  EXPECT_EQ(long_lemma, std::string(5000, 'k').append("stoel"));
  EXPECT_EQ(l.Lemmatize(long_form, 0), long_lemma);
  EXPECT_EQ(opening, "goed");
  EXPECT_NE(inside, opening);
}

}  // namespace
}  // namespace bron
