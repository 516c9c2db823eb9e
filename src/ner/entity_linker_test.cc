#include "ner/entity_linker.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace bron {
namespace {

TEST(EntityLinker, SpellingKeyForgivesTransliterations) {
  EXPECT_EQ(EntityLinker::SpellingKey("Zelenski"), EntityLinker::SpellingKey("Zelensky"));
  EXPECT_EQ(EntityLinker::SpellingKey("Zelenskyy"), EntityLinker::SpellingKey("Zelensky"));
  EXPECT_EQ(EntityLinker::SpellingKey("Poetin"), EntityLinker::SpellingKey("Putin"));
  EXPECT_EQ(EntityLinker::SpellingKey("Tsjaikovski"), EntityLinker::SpellingKey("Chaikovsky"));
  EXPECT_NE(EntityLinker::SpellingKey("Budanov"), EntityLinker::SpellingKey("Putin"));
}

// Tags a tokenised document by hand: `tags` holds one IOB2 tag per token ("O", "B-PER", ...).
Document Tagged(const std::string& text, const std::vector<std::string>& tags, const std::vector<Upos>& upos) {
  Document doc;
  doc.text = text;
  doc.lang = "nl";
  Tokenizer("nl").Tokenize(&doc);
  EXPECT_EQ(doc.tokens.size(), tags.size());
  for (size_t i = 0; i < doc.tokens.size() && i < tags.size(); ++i) {
    doc.tokens[i].ner = ParseNerTag(tags[i]);
    doc.tokens[i].upos = i < upos.size() ? upos[i] : Upos::kPropn;
  }
  return doc;
}

TEST(EntityLinker, GroupsMentionsNamesThemAndFindsRoles) {
  NameTable aliases;
  ASSERT_TRUE(aliases.AddTsv("Poetin\tVladimir Putin\tPER\nKiev\tKyiv\tLOC\n", "test").ok());
  EntityLinker linker(std::move(aliases), nullptr, nullptr);
  //                 0     1      2      3       4   5       6    7      8    9   10  11
  Document doc = Tagged("De stafchef Kyrylo Budanov zei dat Poetin Kiev wil . Budanov zweeg .",
                        {"O", "O", "B-MISC", "I-MISC", "O", "O", "B-PER", "B-LOC", "O", "O", "O", "O", "O"},
                        {Upos::kDet, Upos::kNoun, Upos::kPropn, Upos::kPropn, Upos::kVerb, Upos::kSconj,
                         Upos::kPropn, Upos::kPropn, Upos::kVerb, Upos::kPunct, Upos::kPropn, Upos::kVerb,
                         Upos::kPunct});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 3u);
  const Entity& budanov = doc.entities[0];
  EXPECT_EQ(budanov.name, "Kyrylo Budanov");
  EXPECT_EQ(budanov.type, "PER");  // a name after a title is a person, whatever the tagger said
  ASSERT_EQ(budanov.mentions.size(), 2u);  // the untagged "Budanov" later is the same person
  EXPECT_EQ(doc.Span(budanov.mentions[1].start, budanov.mentions[1].end), "Budanov");
  ASSERT_EQ(budanov.roles.size(), 1u);
  EXPECT_EQ(budanov.roles[0], "stafchef");
  EXPECT_EQ(doc.entities[1].name, "Vladimir Putin");
  EXPECT_EQ(doc.entities[2].name, "Kyiv");
  EXPECT_EQ(doc.entities[2].type, "LOC");
}

TEST(EntityLinker, ACapitalisedTitleOpeningASentenceIsNoPartOfTheName) {
  EntityLinker linker(NameTable(), nullptr, nullptr);
  //                 0    1    2      3  4         5    6    7   8
  Document doc = Tagged("Umut Ural zwijgt . Advocaat Ural zegt dat .",
                        {"B-PER", "I-PER", "O", "O", "B-PER", "I-PER", "O", "O", "O"},
                        {Upos::kPropn, Upos::kPropn, Upos::kVerb, Upos::kPunct, Upos::kNoun, Upos::kPropn,
                         Upos::kVerb, Upos::kSconj, Upos::kPunct});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 1u);  // one person, named by the full name
  EXPECT_EQ(doc.entities[0].name, "Umut Ural");
  ASSERT_EQ(doc.entities[0].mentions.size(), 2u);
  EXPECT_EQ(doc.Span(doc.entities[0].mentions[1].start, doc.entities[0].mentions[1].end), "Ural");
  ASSERT_EQ(doc.entities[0].roles.size(), 1u);  // the title is kept as the role, in lower case
  EXPECT_EQ(doc.entities[0].roles[0], "advocaat");
}

TEST(EntityLinker, ATitleBeforeOrAfterAnUntaggedNameMakesItAPerson) {
  EntityLinker linker(NameTable(), nullptr, nullptr);
  //                 0     1         2  3        4   5  6    7  8     9
  Document doc = Tagged("Anis Boumanjal , advocaat van de club , zegt .",
                        {"O", "O", "O", "O", "O", "O", "O", "O", "O", "O"},
                        {Upos::kPropn, Upos::kPropn, Upos::kPunct, Upos::kNoun, Upos::kAdp, Upos::kDet, Upos::kNoun,
                         Upos::kPunct, Upos::kVerb, Upos::kPunct});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].name, "Anis Boumanjal");
  EXPECT_EQ(doc.entities[0].type, "PER");
  //                     0         1    2   3         4
  doc = Tagged("advocaat Wiebe van Terwisga zwijgt", {"O", "O", "O", "O", "O"},
               {Upos::kNoun, Upos::kPropn, Upos::kAdp, Upos::kPropn, Upos::kVerb});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].name, "Wiebe van Terwisga");
  //                     0         1    2         3  4      5
  doc = Tagged("advocaten Lian Mannheims en Thomas Felix", {"O", "O", "O", "O", "B-PER", "I-PER"},
               {Upos::kNoun, Upos::kPropn, Upos::kPropn, Upos::kCconj, Upos::kPropn, Upos::kPropn});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);  // a plural title too
  EXPECT_EQ(doc.entities[0].name, "Lian Mannheims");
  // A name the recogniser typed as a place is a person after a plural title too.
  doc = Tagged("advocaten Lian Mannheims en Thomas Felix", {"O", "B-LOC", "I-LOC", "O", "B-PER", "I-PER"},
               {Upos::kNoun, Upos::kPropn, Upos::kPropn, Upos::kCconj, Upos::kPropn, Upos::kPropn});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].type, "PER");
  // A capitalised word for a body before a name: an organisation, whatever the name was read as.
  doc = Tagged("Voetbalvereniging UNO keurt geweld af", {"O", "B-MISC", "O", "O", "O"},
               {Upos::kNoun, Upos::kPropn, Upos::kVerb, Upos::kNoun, Upos::kAdp});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].name, "Voetbalvereniging UNO");
  EXPECT_EQ(doc.entities[0].type, "ORG");
  // A name said to be based somewhere is a company, and so are its other mentions.
  //                 0          1   2           3  4   5      6       7 8        9
  doc = Tagged("recycler Re-Match bouwt . Re-Match , gevestigd in Herning , zegt", {"O", "B-LOC", "O", "O", "O", "O",
               "O", "O", "B-LOC", "O", "O"},
               {Upos::kNoun, Upos::kPropn, Upos::kVerb, Upos::kPunct, Upos::kAdj, Upos::kPunct, Upos::kVerb,
                Upos::kAdp, Upos::kPropn, Upos::kPunct, Upos::kVerb});
  linker.Link(&doc);
  ASSERT_GE(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].name, "Re-Match");
  EXPECT_EQ(doc.entities[0].type, "ORG");
  EXPECT_EQ(doc.entities[0].mentions.size(), 2u);
  // Without a title nothing is invented.
  doc = Tagged("Den Haag , stad van de regering", {"O", "O", "O", "O", "O", "O", "O"},
               {Upos::kPropn, Upos::kPropn, Upos::kPunct, Upos::kNoun, Upos::kAdp, Upos::kDet, Upos::kNoun});
  linker.Link(&doc);
  EXPECT_TRUE(doc.entities.empty());
}

TEST(EntityLinker, TheHolderOfATitleIsNoPartOfTheMinistry) {
  EntityLinker linker(NameTable(), nullptr, nullptr);
  //                 0        1   2            3     4     5    6
  Document doc = Tagged("minister van Buitenlandse Zaken Heiko Maas zei",
                        {"O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"},
                        {Upos::kNoun, Upos::kAdp, Upos::kAdj, Upos::kNoun, Upos::kPropn, Upos::kPropn, Upos::kVerb});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].name, "Buitenlandse Zaken");
  EXPECT_EQ(doc.entities[1].name, "Heiko Maas");
  EXPECT_EQ(doc.entities[1].type, "PER");
}

TEST(EntityLinker, ALoneFirstNameOfOnePersonIsThatPerson) {
  EntityLinker linker(NameTable(), nullptr, nullptr);
  //                 0    1     2      3 4    5      6
  Document doc = Tagged("John Bronk sluit . John zwijgt .", {"B-PER", "I-PER", "O", "O", "B-PER", "O", "O"},
                        {Upos::kPropn, Upos::kPropn, Upos::kVerb, Upos::kPunct, Upos::kPropn, Upos::kVerb,
                         Upos::kPunct});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].mentions.size(), 2u);
  // Two Johns: "John" stays apart.
  //                 0    1     2   3    4     5 6    7
  doc = Tagged("John Bronk en John Smith . John zwijgt", {"B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-PER", "O"},
               {Upos::kPropn, Upos::kPropn, Upos::kCconj, Upos::kPropn, Upos::kPropn, Upos::kPunct, Upos::kPropn,
                Upos::kVerb});
  linker.Link(&doc);
  EXPECT_EQ(doc.entities.size(), 3u);
}

TEST(EntityLinker, AGivenNameBeforeAPartnersFullNameSharesTheSurname) {
  EntityLinker linker(NameTable(), nullptr, nullptr);
  //                 0     1  2   3    4  5      6     7
  Document doc = Tagged("Broer en zus John en Janice Bronk vechten",
                        {"O", "O", "O", "B-PER", "O", "B-PER", "I-PER", "O"},
                        {Upos::kNoun, Upos::kCconj, Upos::kNoun, Upos::kPropn, Upos::kCconj, Upos::kPropn,
                         Upos::kPropn, Upos::kVerb});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].name, "John Bronk");
  EXPECT_EQ(doc.entities[1].name, "Janice Bronk");
  // A surname alone before "en" is no given name: "Rutte en Hugo de Jonge" stay who they are.
  doc = Tagged("Rutte en Hugo de Jonge zwijgen", {"B-PER", "O", "B-PER", "I-PER", "I-PER", "O"},
               {Upos::kPropn, Upos::kCconj, Upos::kPropn, Upos::kPropn, Upos::kPropn, Upos::kVerb});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].name, "Rutte");
}

TEST(EntityLinker, AnAcronymInBracketsNamesTheWordsBeforeIt) {
  EntityLinker linker(NameTable(), nullptr, nullptr);
  //                 0  1             2           3     4           5 6    7 8      9    10  11   12    13
  Document doc = Tagged("De Samenwerkende Actiegroepen tegen Laagvliegen ( SATL ) eisen . SATL stapt naar Brussel",
                        {"O", "O", "O", "O", "B-PER", "O", "B-PER", "O", "O", "O", "B-PER", "O", "O", "B-LOC"},
                        {Upos::kDet, Upos::kAdj, Upos::kNoun, Upos::kAdp, Upos::kNoun, Upos::kPunct, Upos::kPropn,
                         Upos::kPunct, Upos::kVerb, Upos::kPunct, Upos::kPropn, Upos::kVerb, Upos::kAdp, Upos::kPropn});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].name, "Samenwerkende Actiegroepen tegen Laagvliegen");
  EXPECT_EQ(doc.entities[0].type, "ORG");
  EXPECT_EQ(doc.entities[0].mentions.size(), 3u);  // the name and both acronyms
  // Initials that do not spell the acronym define nothing.
  //                 0    1        2 3   4 5     6
  doc = Tagged("Jan Smit ( VVD ) zegt nee", {"B-PER", "I-PER", "O", "B-ORG", "O", "O", "O"},
               {Upos::kPropn, Upos::kPropn, Upos::kPunct, Upos::kPropn, Upos::kPunct, Upos::kVerb, Upos::kAdv});
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].type, "PER");
}

TEST(EntityLinker, AnAcronymMayTakeLettersFromInsideItsWords) {
  EntityLinker linker(NameTable(), nullptr, nullptr);
  auto upos = [](const std::string& text) {  // capitalised words are proper nouns, the rest nouns
    std::vector<Upos> out;
    Document d;
    d.text = text;
    Tokenizer("nl").Tokenize(&d);
    for (uint32_t t = 0; t < d.tokens.size(); ++t) {
      std::string_view w = d.Form(t);
      out.push_back(w == "(" || w == ")" || w == "-" || w == "." ? Upos::kPunct
                    : w[0] >= 'A' && w[0] <= 'Z'                  ? Upos::kPropn
                                                                  : Upos::kNoun);
    }
    return out;
  };
  // The long form in brackets after the acronym, the D of AIVD inside "Veiligheidsdienst" and the acronym
  // used before it is defined: one organisation, named in full.
  std::string text = "De AIVD waarschuwt . Directeur van de Algemene Inlichtingen- en Veiligheidsdienst ( AIVD ) is Schoof .";
  //                   0  1    2          3 4         5   6  7        8             9  10                 11 12  13 14 15   16
  Document doc = Tagged(text, {"O", "B-ORG", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG",
                               "O", "O", "B-PER", "O"}, upos(text));
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].name, "Algemene Inlichtingen- en Veiligheidsdienst");
  EXPECT_EQ(doc.entities[0].mentions.size(), 3u);
  // The acronym first, its long form in brackets after it.
  text = "De IND ( Immigratie- en Naturalisatiedienst ) wijst het af .";
  doc = Tagged(text, {"O", "B-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"}, upos(text));
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].name, "Immigratie- en Naturalisatiedienst");
  // No brackets: an organisation's name the acronym abbreviates elsewhere, with the capitalised word before it.
  text = "Een film van de Nederlandse Voedsel- en Warenautoriteit . De NVWA controleert .";
  doc = Tagged(text, {"O", "O", "O", "O", "B-MISC", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"}, upos(text));
  linker.Link(&doc);
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].name, "Nederlandse Voedsel- en Warenautoriteit");
  // Not what only some of the words spell, nor a person with the party in brackets after the name.
  text = "Het Europees Parlement en de EU . Chris van Dam ( CDA ) en Forum voor Democratie tegen de VVD .";
  doc = Tagged(text, {"O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "B-PER", "I-PER", "I-PER", "O", "B-ORG", "O", "O",
                      "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "O"}, upos(text));
  linker.Link(&doc);
  std::vector<std::string> names;
  for (const Entity& e : doc.entities) names.push_back(e.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Europees Parlement", "EU", "Chris van Dam", "CDA", "Forum voor Democratie",
                                             "VVD"}));
}

TEST(NameTable, RejectsMalformedLines) {
  NameTable t;
  EXPECT_FALSE(t.AddTsv("Kiev\tKyiv\n", "x.tsv").ok());
  EXPECT_NE(t.AddTsv("Kiev\tKyiv\tCITY\n", "x.tsv").message().find("x.tsv:1: type must be"), std::string::npos);
  EXPECT_TRUE(t.AddTsv("# comment\n\nKiev\tKyiv\tLOC\n", "x.tsv").ok());
  ASSERT_TRUE(t.Find("KIEV").has_value());
  EXPECT_EQ(t.Find("kiev")->name, "Kyiv");
}

}  // namespace
}  // namespace bron
