#include "ingest/html_extract.h"

#include <gtest/gtest.h>

namespace bron {
namespace {

ExtractOptions At(const std::string& url) {
  ExtractOptions o;
  o.url = url;
  return o;
}

const char kPage[] = R"(<!DOCTYPE html>
<html lang="nl"><head>
<meta charset="utf-8">
<title>Kabinet valt over stikstof | De Krant</title>
<meta property="og:site_name" content="De Krant">
<meta name="author" content="Door Jan Jansen">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Kabinet valt over stikstof","datePublished":"2024-05-01T10:00:00+02:00",
 "author":[{"@type":"Person","name":"Anna de Vries"},{"@type":"Person","name":"Piet Bos"}]}</script>
<style>p { color: red }</style>
</head><body>
<div id="cookie-banner">Wij gebruiken cookies om je ervaring te verbeteren. Akkoord?</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/binnenland">Binnenland</a></li></ul></nav>
<header class="site-header"><a href="/">De Krant</a></header>
<main>
<article>
<h1>Kabinet valt over stikstof</h1>
<div class="share-buttons"><a href="#">Deel op Facebook</a> <a href="#">Deel op X</a></div>
<p>Het kabinet is gevallen na een conflict over het stikstofbeleid, zo meldden ingewijden woensdag aan de krant.</p>
<p>Premier De Vries bood <em>vanavond</em> het ontslag aan bij de koning, die zich beraadt.<br>Nieuwe verkiezingen volgen in het najaar.</p>
<div class="advertisement">Advertentie: koop nu een auto</div>
<blockquote>"Dit is een zwarte dag," zei een minister, die anoniem wilde blijven.</blockquote>
<ul class="related-articles"><li><a href="/a">Eerder: coalitie in crisis</a></li><li><a href="/b">Stikstof uitgelegd</a></li></ul>
</article>
<section class="comments"><h2>Reacties</h2><p>Eindelijk! Dat werd tijd, schreef een lezer die het er niet mee eens was.</p></section>
</main>
<aside>Meest gelezen: tien tips voor de tuin</aside>
<footer>Copyright De Krant 2024</footer>
<script>var x = "Het kabinet";</script>
</body></html>)";

TEST(HtmlExtract, ArticleTextWithoutBoilerplate) {
  Article a;
  ASSERT_TRUE(ExtractArticle(kPage, At("https://www.dekrant.nl/binnenland/kabinet"), &a).ok());
  EXPECT_NE(a.text.find("Het kabinet is gevallen na een conflict"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("Premier De Vries bood vanavond het ontslag aan"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("beraadt.\nNieuwe verkiezingen"), std::string::npos) << a.text;  // <br> is a line break
  EXPECT_NE(a.text.find("zwarte dag"), std::string::npos);
  for (const char* boilerplate : {"cookies", "Binnenland", "Deel op", "Advertentie", "Eerder: coalitie", "Reacties",
                                  "Eindelijk", "Meest gelezen", "Copyright", "var x", "color: red"}) {
    EXPECT_EQ(a.text.find(boilerplate), std::string::npos) << boilerplate << " in:\n" << a.text;
  }
  EXPECT_NE(a.text.find("ingewijden woensdag aan de krant.\n\nPremier"), std::string::npos);  // paragraphs
}

TEST(HtmlExtract, ALeadBeforeTheBodyIsKept) {
  Article a;
  ASSERT_TRUE(ExtractArticle(R"(<body><div class="page-hero"><h1>Kop</h1>
<div class="hero__lead"><p>De lead vat het stuk samen: de dijk houdt het, zeggen de ingenieurs.</p></div></div>
<div class="sidebar-teaser"><p>Iets anders dat hier niet hoort, met een link.</p></div>
<div class="article-body"><p>Het eigenlijke stuk begint hier, met veel meer tekst, komma's, en zinnen die het verhaal vertellen.</p>
<p>Een tweede alinea met nog meer uitleg over de dijk, het water, en de mensen die erachter wonen.</p></div></body>)",
                             {}, &a)
                  .ok());
  EXPECT_EQ(a.text.find("De lead vat het stuk samen"), 0u) << a.text;
  EXPECT_NE(a.text.find("Het eigenlijke stuk"), std::string::npos);
  EXPECT_EQ(a.text.find("Iets anders"), std::string::npos);
}

TEST(HtmlExtract, MetadataFromJsonLdMetaAndUrl) {
  Article a;
  ASSERT_TRUE(ExtractArticle(kPage, At("https://www.dekrant.nl/binnenland/kabinet"), &a).ok());
  EXPECT_EQ(a.title.value_or(""), "Kabinet valt over stikstof");
  EXPECT_EQ(a.published.value_or(""), "2024-05-01");
  EXPECT_EQ(a.author.value_or(""), "Anna de Vries; Piet Bos");
  EXPECT_EQ(a.site.value_or(""), "De Krant");
  EXPECT_EQ(a.lang.value_or(""), "nl");
  EXPECT_EQ(a.url.value_or(""), "https://www.dekrant.nl/binnenland/kabinet");

  // Without JSON-LD and meta tags: <title> cleaned of the site, the URL's date, the host as site.
  std::string bare = "<html><head><title>Storm raast over het land - NU.nl</title></head><body>"
                     "<p>De storm heeft in het hele land schade aangericht, met omgewaaide bomen en daken.</p>"
                     "<p>Door Kees Klaassen</p></body></html>";
  ASSERT_TRUE(ExtractArticle(bare, At("https://www.nu.nl/2023/11/02/storm.html"), &a).ok());
  EXPECT_EQ(a.title.value_or(""), "Storm raast over het land");
  EXPECT_EQ(a.published.value_or(""), "2023-11-02");
  EXPECT_EQ(a.site.value_or(""), "nu.nl");
  EXPECT_FALSE(a.author.has_value());

  // A @graph whose article names its author by reference (Yoast style).
  ASSERT_TRUE(ExtractArticle(R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"Article","@id":"#a","headline":"Kop","author":{"@id":"https://x.nl/#/person/1"},"datePublished":"2021-02-03"},
      {"@type":"Person","@id":"https://x.nl/#/person/1","name":"Els de Boer"}]}</script>
      <p>Een alinea die lang genoeg is om als tekst van het artikel te gelden, met komma's, enzovoort.</p>)",
                             {}, &a)
                  .ok());
  EXPECT_EQ(a.author.value_or(""), "Els de Boer");
  EXPECT_EQ(a.published.value_or(""), "2021-02-03");

  // Values escaped twice by a CMS come out decoded.
  ASSERT_TRUE(ExtractArticle("<meta property='og:title' content='Olive &amp;#038; Herb &amp;#x263A; &amp;#0;'>"
                             "<p>Bake the bread for twenty minutes, then let it rest before you cut it.</p>",
                             {}, &a)
                  .ok());
  EXPECT_EQ(a.title.value_or(""), "Olive & Herb \xe2\x98\xba &#0;");
}

TEST(HtmlExtract, CharsetsAreDecoded) {
  Article a;
  ASSERT_TRUE(ExtractArticle("<p>Schon im Mit\xc2\xadtel\xc2\xad\xc2\xa0" "al\xe2\x80\x8b" "ter war der Wein bekannt, "
                             "weithin gelobt und getrunken.</p>",
                             {}, &a)
                  .ok());
  EXPECT_NE(a.text.find("Schon im Mittel alter war"), std::string::npos) << a.text;
  std::string latin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 na\xefve "
                       "r\xe9sum\xe9 \x80 5 \xe2 la carte, een zin die lang genoeg is om tekst te zijn.</p></body></html>";
  ASSERT_TRUE(ExtractArticle(latin1, {}, &a).ok());
  EXPECT_NE(a.text.find("Caf\xc3\xa9 na\xc3\xafve r\xc3\xa9sum\xc3\xa9 \xe2\x82\xac 5"), std::string::npos) << a.text;
  EXPECT_EQ(a.charset, "windows-1252");
  // A page that says UTF-8 but is not: still text, bad bytes decoded as windows-1252.
  std::string lying = "<meta charset=utf-8><p>Dit is een \xe9\xe9n zin van een pagina met een verkeerde tekenset.</p>";
  ASSERT_TRUE(ExtractArticle(lying, {}, &a).ok());
  EXPECT_NE(a.text.find("\xc3\xa9\xc3\xa9n zin"), std::string::npos) << a.text;
}

TEST(HtmlExtract, HostileAndEmptyPages) {
  Article a;
  EXPECT_FALSE(ExtractArticle("", {}, &a).ok());
  EXPECT_FALSE(ExtractArticle("<html><body><script>only()</script></body></html>", {}, &a).ok());
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>(i * 37 % 256));
  ExtractArticle(binary, {}, &a);  // whatever it says, it must not crash
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += "<p>Diep verstopte tekst van een pagina die heel diep genest is, om de parser te testen.</p>";
  ExtractArticle(deep, {}, &a);  // no stack overflow
  std::string page = "<p>" + std::string(1000, 'x') + "</p>";
  ExtractOptions past;
  past.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "<div><p>Een alinea met wat tekst erin, nummer " + std::to_string(i) + ".</p></div>";
  Status s = ExtractArticle(big, past, &a);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("time limit"), std::string::npos);
}

// A huge page whose parsing alone takes seconds stops at the deadline, in the parser, not after it.
TEST(HtmlExtract, TheDeadlineInterruptsParsing) {
  std::string huge = "<html><body>";
  for (int i = 0; huge.size() < (size_t{30} << 20); ++i) {
    huge += "<div class=\"c" + std::to_string(i % 50) + "\"><p>Een alinea met wat tekst, nummer " + std::to_string(i) +
            ".</p><b><i>verkeerd genest</b></i></div>";
  }
  Article a;
  ExtractOptions soon;
  auto start = std::chrono::steady_clock::now();
  soon.deadline = start + std::chrono::milliseconds(20);
  Status s = ExtractArticle(huge, soon, &a);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("time limit passed while parsing (at byte "), std::string::npos) << s.message();
  EXPECT_LT(seconds, 1.0);  // a whole parse of 30 MB takes seconds
  EXPECT_TRUE(a.text.empty());

  // The same page parses whole without a deadline, and a <meta charset> cannot undo the UTF-8 decoding.
  ASSERT_TRUE(ExtractArticle("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xc3\xa9 op de hoek, "
                             "een lange alinea met genoeg woorden om als hoofdtekst te tellen, en nog wat meer.</p>"
                             "</body></html>",
                             {}, &a)
                  .ok());
  EXPECT_NE(a.text.find("Caf\xc3\xa9"), std::string::npos) << a.text;
}

TEST(HtmlExtract, Dates) {
  EXPECT_EQ(ParseDate("2019-08-02T10:00:00Z").value_or(""), "2019-08-02");
  EXPECT_EQ(ParseDate("02.08.2019, 10:00 Uhr").value_or(""), "2019-08-02");
  EXPECT_EQ(ParseDate("August 2, 2019").value_or(""), "2019-08-02");
  EXPECT_EQ(ParseDate("2. August 2019").value_or(""), "2019-08-02");
  EXPECT_EQ(ParseDate("vrijdag 2 augustus 2019").value_or(""), "2019-08-02");
  EXPECT_EQ(ParseDate("12 m\xc3\xa4rz 2020").value_or(""), "2020-03-12");
  EXPECT_EQ(ParseDate("20190802").value_or(""), "2019-08-02");
  EXPECT_EQ(ParseDate("Posted on May 1st, 2019").value_or(""), "2019-05-01");
  EXPECT_FALSE(ParseDate("call 0800-1234").has_value());
  EXPECT_FALSE(ParseDate("2019-13-45").has_value());
  EXPECT_EQ(DateFromUrl("https://x.nl/2012/05/31/title/").value_or(""), "2012-05-31");
  EXPECT_EQ(DateFromUrl("https://x.nl/news/2019-08-02-title").value_or(""), "2019-08-02");
  EXPECT_FALSE(DateFromUrl("https://2012.nl/05/31").has_value());
  EXPECT_EQ(HostOf("https://www.NU.nl:443/a?b"), "nu.nl");
  EXPECT_EQ(HostOf("no url"), "");
}

}  // namespace
}  // namespace bron
