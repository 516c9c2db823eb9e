#include "extract/events.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "bron/pipeline.h"

namespace bron {
namespace {

// The events of `text`, one a line: "type trigger actor=NAME target=NAME places=A,B time=TEXT q=TEXT|TEXT certainty".
std::vector<std::string> Events(const std::string& lang, const std::string& text) {
  static std::unique_ptr<Pipeline> pipeline = [] {
    std::unique_ptr<Pipeline> p;
    EXPECT_TRUE(Pipeline::Build({"events"}, PipelineOptions{}, &p).ok());
    return p;
  }();
  Document doc;
  doc.text = text;
  doc.lang = lang;
  doc.published = "2026-02-27";
  EXPECT_TRUE(pipeline->Process(doc).ok());
  auto name = [&](int e) { return e < 0 ? std::string("-") : doc.entities[e].name; };
  std::vector<std::string> out;
  for (const Event& ev : doc.events) {
    std::string line = ev.type + " " + std::string(doc.Span(ev.trigger.start, ev.trigger.end)) + " actor=" + name(ev.actor) +
                       " target=" + name(ev.target) + " places=";
    for (size_t i = 0; i < ev.places.size(); ++i) line += (i ? "," : "") + name(ev.places[i]);
    line += " time=" + (ev.time < 0 ? std::string("-") : std::string(doc.Span(doc.times[ev.time].start, doc.times[ev.time].end)));
    line += " q=";
    for (size_t i = 0; i < ev.quantities.size(); ++i) {
      const Quantity& q = doc.quantities[ev.quantities[i]];
      line += (i ? "|" : "") + std::string(doc.Span(q.start, q.end));
    }
    out.push_back(line + " " + ev.certainty);
  }
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string s;
  for (const std::string& l : lines) s += l + "\n";
  return s;
}

// The events that ../shared/design/seed-analysis.md marks as good, on the bundled example.
TEST(EventExtractor, TheExamplesEvents) {
  std::ifstream in(std::string(BRON_SOURCE_DIR) + "/examples/seed.nl.txt");
  ASSERT_TRUE(in);
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::string> events = Events("nl", text.str());
  const char* kExpected[] = {
      "promise beloofd actor=- target=- places=United Kingdom time=- q= reported",
      "deploy vredesmacht actor=- target=- places=United Kingdom time=- q=minstens 5.000 troepen reported",
      "talks gesprekken actor=- target=- places=Abu Dhabi,Geneva time=- q= asserted",
      "talks onderhandelingen actor=- target=- places=Switzerland time=februari q= asserted",
      "reject verworpen actor=Russia target=- places= time=- q= asserted",
      "demand eis actor=Moscow target=Ukraine places=Donetsk time=- q=20 procent asserted",
      "reject geweigerd actor=Kyiv target=- places= time=- q= asserted",
      "propose voorgesteld actor=Kyiv target=- places= time=- q= asserted",
      "attack gelanceerd actor=Russia target=- places= time=donderdag q=rond 420 drones|40 raketten|zes Oekraïense regio’s asserted",
      "aid goedgekeurd actor=European Parliament target=Ukraine places= time=- q=£80 miljard asserted",
  };
  for (const char* want : kExpected) {
    EXPECT_NE(std::find(events.begin(), events.end(), want), events.end()) << want << "\nfound:\n" << Join(events);
  }
  // Nothing else but the talks resumed on Thursday and Witkoff's proposal, both right.
  EXPECT_EQ(events.size(), std::size(kExpected) + 2) << Join(events);
}

// Ordinary sentences from news, some with trigger words used otherwise, give no event.
TEST(EventExtractor, OrdinarySentencesGiveNothing) {
  const std::pair<const char*, const char*> kCases[] = {
      {"nl", "Het bedrijf lanceerde vorige week een nieuwe app voor huurders."},
      {"nl", "Ajax viel in de tweede helft aan, maar scoorde niet."},
      {"nl", "Tijdens de gesprekken zei hij weinig."},
      {"nl", "Ze gaan het gesprek 'open' in."},
      {"nl", "Aan de Universiteit Wageningen stelt 70 procent van de masteropleidingen extra eisen."},
      {"nl", "Privacywaakhond Autoriteit Persoonsgegevens kan zich voorstellen dat huurders vragen hebben."},
      {"nl", "Het CPB is de eerste om daarvoor te waarschuwen."},
      {"nl", "Zou Rusland Oekraïne opnieuw aanvallen met drones?"},
      {"nl", "Het diplomatieke manoeuvreren vindt plaats tegen een achtergrond van escalerend geweld."},
      {"nl", "Tegelijkertijd blijven financiële sancties wegen op het vermogen van Moskou."},
      {"nl", "Het blijft onduidelijk welke vorm deze Amerikaanse veiligheidsgaranties zouden aannemen."},
      {"en", "Pernod said it was seeking acquisitions but refused to comment on specifics."},
      {"en", "The Tokyo stock market fell after the figures were announced."},
      {"en", "Its $17m profit for the quarter was dwarfed by the $204m announced by rival Google."},
      {"en", "The company launched a new phone in London on Monday."},
      {"en", "Chelsea attacked down the left in the second half."},
  };
  for (const auto& [lang, text] : kCases) EXPECT_EQ(Join(Events(lang, text)), "") << text;
}

TEST(EventExtractor, NegationAndHedgesSetTheCertainty) {
  EXPECT_EQ(Join(Events("nl", "Rusland heeft Kiev niet aangevallen met drones.")),
            "attack aangevallen actor=Russia target=Kyiv places= time=- q= negated\n");
  EXPECT_EQ(Join(Events("nl", "Rusland zou Kiev hebben aangevallen met raketten.")),
            "attack aangevallen actor=Russia target=Kyiv places= time=- q= reported\n");
  EXPECT_EQ(Join(Events("en", "Russia reportedly launched 40 missiles at Kyiv on Thursday.")),
            "attack launched actor=Russia target=Kyiv places= time=Thursday q=40 missiles reported\n");
}

// With a claim layer the claim that holds the trigger decides; outside every claim the hedges still do.
TEST(EventExtractor, TheClaimAroundTheTriggerGivesTheCertainty) {
  std::unique_ptr<Pipeline> pipeline;
  ASSERT_TRUE(Pipeline::Build({"events"}, PipelineOptions{}, &pipeline).ok());
  Document doc;
  doc.lang = "nl";
  doc.text = "Rusland heeft Kiev aangevallen met drones. Moskou zou zijn eis hebben gehandhaafd Oekraïne geef Donetsk op.";
  ASSERT_TRUE(pipeline->Process(doc).ok());
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].certainty, "asserted");
  EXPECT_EQ(doc.events[1].certainty, "reported");
  Claim claim;
  claim.start = 0;
  claim.end = static_cast<uint32_t>(doc.text.find('.'));
  claim.certainty = "estimated";
  doc.claims.assign(1, claim);  // replaces what the attribution stage found
  EventExtractor("nl").Extract(&doc);
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].certainty, "estimated");
  EXPECT_EQ(doc.events[1].certainty, "reported");
}

}  // namespace
}  // namespace bron
