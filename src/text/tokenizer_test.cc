#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bron {
namespace {

// Tokens joined by " | ", sentences by " || ".
std::string Tokenize(const std::string& lang, const std::string& text) {
  Tokenizer tokenizer(lang);
  Document doc;
  doc.text = text;
  tokenizer.Tokenize(&doc);
  std::string out;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    if (s > 0) out += " || ";
    for (uint32_t t = doc.sentences[s].first_token; t < doc.sentences[s].end_token; ++t) {
      if (t > doc.sentences[s].first_token) out += " | ";
      out += doc.Form(t);
    }
  }
  return out;
}

struct Case {
  const char* lang;
  const char* text;
  const char* expected;
};

class TokenizerCases : public ::testing::TestWithParam<Case> {};

TEST_P(TokenizerCases, Splits) {
  const Case& c = GetParam();
  EXPECT_EQ(Tokenize(c.lang, c.text), c.expected) << "text: " << c.text;
}

const Case kCases[] = {
    // Abbreviations keep their period and do not end sentences.
    {"nl", "Dit is o.a. bekend.", "Dit | is | o.a. | bekend | ."},
    {"nl", "Zie bijv. de bijlage, d.w.z. het rapport.", "Zie | bijv. | de | bijlage | , | d.w.z. | het | rapport | ."},
    {"nl", "Dhr. Jansen en mevr. De Vries kwamen.", "Dhr. | Jansen | en | mevr. | De | Vries | kwamen | ."},
    {"nl", "Prof. Blom zei het.", "Prof. | Blom | zei | het | ."},
    {"nl", "Het kost ca. 5 euro, nr. 3 op de lijst.", "Het | kost | ca. | 5 | euro | , | nr. | 3 | op | de | lijst | ."},
    {"nl", "Appels, peren enz. Daarna kwam de rest.", "Appels | , | peren | enz. || Daarna | kwam | de | rest | ."},
    {"en", "Mr. Smith met Dr. Jones.", "Mr. | Smith | met | Dr. | Jones | ."},
    {"en", "He lives in the U.S. The weather is fine.", "He | lives | in | the | U.S. || The | weather | is | fine | ."},
    {"en", "Fruit, e.g. apples, etc. are fine.", "Fruit | , | e.g. | apples | , | etc. | are | fine | ."},
    {"en", "J. K. Rowling wrote it.", "J. | K. | Rowling | wrote | it | ."},
    // Numbers in both conventions, money, percentages, dates, times, ordinals.
    {"nl", "Er waren 800.000 troepen en 2,5 miljoen euro.", "Er | waren | 800.000 | troepen | en | 2,5 | miljoen | euro | ."},
    {"en", "About 1,000,000 people and 3.2 percent.", "About | 1,000,000 | people | and | 3.2 | percent | ."},
    {"nl", "Een pakket van £80 miljard en € 3,50.", "Een | pakket | van | £ | 80 | miljard | en | € | 3,50 | ."},
    {"en", "It cost $1.2bn last year.", "It | cost | $ | 1.2bn | last | year | ."},
    {"nl", "Een daling van 25 procent of 25%.", "Een | daling | van | 25 | procent | of | 25% | ."},
    {"en", "A 25% rise.", "A | 25 | % | rise | ."},
    {"nl", "Op 27-02-2026 om 14.30 uur.", "Op | 27-02-2026 | om | 14.30 | uur | ."},
    {"nl", "De laatste was Ko Rijkers (Trouw,16 maart).", "De | laatste | was | Ko | Rijkers | ( | Trouw | , | 16 | maart | ) | ."},
    {"nl", "Hij werd 1e en zij 2de.", "Hij | werd | 1e | en | zij | 2de | ."},
    {"en", "The 21st century.", "The | 21st | century | ."},
    {"nl", "In 2019. Daarna niet meer.", "In | 2019 | . || Daarna | niet | meer | ."},
    // Elisions and clitics.
    {"nl", "'s Morgens zag ik m'n vriend en zo'n hond.", "'s | Morgens | zag | ik | m'n | vriend | en | zo'n | hond | ."},
    {"nl", "Hij woont in 's-Hertogenbosch sinds '90.", "Hij | woont | in | 's-Hertogenbosch | sinds | '90 | ."},
    {"nl", "Dat is 't beste, auto's en regio’s.", "Dat | is | 't | beste | , | auto's | en | regio’s | ."},
    {"en", "I don't think it's John's car, can't you see?", "I | do | n't | think | it | 's | John | 's | car | , | ca | n't | you | see | ?"},
    {"en", "We're sure they'll say I'm right and we've won.", "We | 're | sure | they | 'll | say | I | 'm | right | and | we | 've | won | ."},
    {"en", "I cannot go, I'm gonna stay.", "I | can | not | go | , | I | 'm | gon | na | stay | ."},
    // Compounds stay whole.
    {"nl", "EU-brandstofimportbeperkingen in Groot-Brittannië.", "EU-brandstofimportbeperkingen | in | Groot-Brittannië | ."},
    {"nl", "Noord- en Zuid-Holland.", "Noord- | en | Zuid-Holland | ."},
    // URLs, e-mail, hashtags, mentions.
    {"nl", "Kijk op https://www.nu.nl/artikel?id=5. Mail info@bron.nl.", "Kijk | op | https://www.nu.nl/artikel?id=5 | . || Mail | info@bron.nl | ."},
    {"en", "See www.example.com, #news and @bron!", "See | www.example.com | , | #news | and | @bron | !"},
    {"en", "Read (en.wikipedia.org/wiki/Foo_(bar)).", "Read | ( | en.wikipedia.org/wiki/Foo_(bar) | ) | ."},
    // Quotes of every kind; apostrophe versus quote.
    {"nl", "“Tijdens de gesprekken”, zei hij.", "“ | Tijdens | de | gesprekken | ” | , | zei | hij | ."},
    {"nl", "Een ‘coalitie van bereidwilligen’ heeft beloofd.", "Een | ‘ | coalitie | van | bereidwilligen | ’ | heeft | beloofd | ."},
    {"nl", "„Ja”, zei ze. «Nee» zei hij.", "„ | Ja | ” | , | zei | ze | . || « | Nee | » | zei | hij | ."},
    {"nl", "Hij zei: 'Ik kom.' Daarna ging hij.", "Hij | zei | : | ' | Ik | kom | . | ' || Daarna | ging | hij | ."},
    {"en", "\"Stop!\" he said. \"Now.\" She left.", "\" | Stop | ! | \" | he | said | . || \" | Now | . | \" || She | left | ."},
    {"nl", ",,Mijn basisniveau is omhoog gegaan.''", ",, | Mijn | basisniveau | is | omhoog | gegaan | . | ''"},
    {"en", "The students' books.", "The | students | ' | books | ."},
    // Sentence ends inside quotes: one sentence with its quote.
    {"nl", "“Het is klaar.”, zei hij. Toen ging hij.", "“ | Het | is | klaar | . | ” | , | zei | hij | . || Toen | ging | hij | ."},
    {"nl", "“Het is klaar!” zei hij.", "“ | Het | is | klaar | ! | ” | zei | hij | ."},
    // Dashes, ellipses, bullets.
    {"nl", "GENUA - Het was – zoals altijd — druk...", "GENUA | - | Het | was | – | zoals | altijd | — | druk | ..."},
    {"nl", "Wacht… Nee. Toch wel…", "Wacht | … || Nee | . || Toch | wel | …"},
    {"nl", "Lijst:\n• eerste punt\n• tweede punt", "Lijst | : || • | eerste | punt || • | tweede | punt"},
    {"en", "Wait... what?! No!!!", "Wait | ... | what | ?! || No | !!!"},
    {"en", "Great :) see you :-(", "Great | :) | see | you | :-("},
    // Headlines without a full stop, paragraph breaks.
    {"nl", "Poetin bereid tot deal\nVLADIMIR Poetin is bereid.", "Poetin | bereid | tot | deal || VLADIMIR | Poetin | is | bereid | ."},
    {"nl", "Eerste alinea zonder punt\n\nTweede alinea", "Eerste | alinea | zonder | punt || Tweede | alinea"},
    {"en", "A line that wraps\nand continues here.", "A | line | that | wraps | and | continues | here | ."},
    {"nl", "GENUA - De haven is dicht. VLADIMIR Poetin zweeg.", "GENUA | - | De | haven | is | dicht | . || VLADIMIR | Poetin | zweeg | ."},
    // Machine-translation damage: a full stop before a lower-case word does not end the sentence.
    {"nl", "een daling van 25 procent. olie En gas export vorig jaar.", "een | daling | van | 25 | procent | . | olie | En | gas | export | vorig | jaar | ."},
    // Missing spaces after punctuation.
    {"nl", "Hij kwam gisteren.De dag erna niet.", "Hij | kwam | gisteren | . || De | dag | erna | niet | ."},
    {"nl", "ja,nee en 2,5 en nu.nl", "ja | , | nee | en | 2,5 | en | nu.nl"},
    // Brackets and other punctuation.
    {"nl", "(zie bijv. blz. 5) en [1].", "( | zie | bijv. | blz. | 5 | ) | en | [ | 1 | ] | ."},
    {"en", "Why? Because.", "Why | ? || Because | ."},
    {"en", "He asked why? and left.", "He | asked | why | ? | and | left | ."},
    // English web text opens sentences in lower case; Dutch does not (see the MT-damage case).
    {"en", "are you kidding? why would you want one?", "are | you | kidding | ? || why | would | you | want | one | ?"},
    {"en", "call them. they know.", "call | them | . || they | know | ."},
    // English splits hyphenated words as UD does, but not prefixes, numbers or codes.
    {"en", "A 15-year term for al-Qaeda, a non-profit e-mail.", "A | 15 | - | year | term | for | al | - | Qaeda | , | a | non-profit | e-mail | ."},
    {"en", "Call 713-853-3989 and/or mail <bob@x.com>.", "Call | 713-853-3989 | and | / | or | mail | < | bob@x.com | > | ."},
    {"nl", "Zie ook en/of t/m.", "Zie | ook | en/of | t/m | ."},
    // Old Dutch quotes glued to words, and straight quotes on their own.
    {"nl", "Hij zei:,,Ja'' en gisteren,,,maar", "Hij | zei | : | ,, | Ja | '' | en | gisteren | , | ,, | maar"},
    {"nl", "Dat was mijn geluk. \" \" Het succes.", "Dat | was | mijn | geluk | . | \" || \" | Het | succes | ."},
    {"nl", "Zo was het. '' Daarna niet.", "Zo | was | het | . | '' || Daarna | niet | ."},
    {"nl", "Rond 330 v. Chr. Bijna 1000 jaar.", "Rond | 330 | v. | Chr. || Bijna | 1000 | jaar | ."},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.lang << ": " << c.text; }

INSTANTIATE_TEST_SUITE_P(All, TokenizerCases, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.lang) + "_" + std::to_string(info.index);
                         });

TEST(Tokenizer, OffsetsPointIntoTheText) {
  Tokenizer t("nl");
  Document doc;
  doc.text = "  “Één” — zei hij.\n\nNóg één.";
  t.Tokenize(&doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  for (const Token& tok : doc.tokens) {
    EXPECT_LT(tok.start, tok.end);
    EXPECT_LE(tok.end, doc.text.size());
  }
  EXPECT_EQ(doc.Form(1), "Één");
  EXPECT_EQ(doc.tokens[0].gap, Gap::kParagraph);
  EXPECT_EQ(doc.tokens[2].gap, Gap::kNone);
  EXPECT_EQ(doc.Span(doc.sentences[1].start, doc.sentences[1].end), "Nóg één.");
}

TEST(Tokenizer, EmptyAndBlankTextGiveNothing) {
  Tokenizer t("en");
  Document doc;
  doc.text = " \n\t ";
  t.Tokenize(&doc);
  EXPECT_TRUE(doc.tokens.empty());
  EXPECT_TRUE(doc.sentences.empty());
}

TEST(Tokenizer, HugeRunIsCutIntoBoundedTokens) {
  Tokenizer t("nl");
  Document doc;
  doc.text = std::string(100000, 'a');
  t.Tokenize(&doc);
  ASSERT_GT(doc.tokens.size(), 1u);
  size_t covered = 0;
  for (const Token& tok : doc.tokens) {
    EXPECT_LE(tok.end - tok.start, 4096u);
    covered += tok.end - tok.start;
  }
  EXPECT_EQ(covered, doc.text.size());
}

TEST(Tokenizer, LongSentencesAreCut) {
  Tokenizer t("nl");
  Document doc;
  for (int i = 0; i < 2500; ++i) doc.text += "woord ";
  t.Tokenize(&doc);
  EXPECT_EQ(doc.sentences.size(), 3u);
}

TEST(Tokenizer, ClassifiesAbbreviations) {
  Tokenizer nl("nl");
  EXPECT_EQ(nl.ClassifyAbbreviation(U"bijv"), Tokenizer::AbbrevKind::kPlain);
  EXPECT_EQ(nl.ClassifyAbbreviation(U"Dhr"), Tokenizer::AbbrevKind::kTitle);
  EXPECT_EQ(nl.ClassifyAbbreviation(U"enz"), Tokenizer::AbbrevKind::kFinal);
  EXPECT_EQ(nl.ClassifyAbbreviation(U"U.S"), Tokenizer::AbbrevKind::kPattern);
  EXPECT_EQ(nl.ClassifyAbbreviation(U"J"), Tokenizer::AbbrevKind::kInitial);
  EXPECT_EQ(nl.ClassifyAbbreviation(U"jaar"), Tokenizer::AbbrevKind::kNone);
  EXPECT_EQ(nl.ClassifyAbbreviation(U"zo"), Tokenizer::AbbrevKind::kNone);
}

}  // namespace
}  // namespace bron
