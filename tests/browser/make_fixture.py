#!/usr/bin/env python3
"""Writes fixture.jsonl: three bron/1 documents with entities, quotes, claims, responses, quantities and
times, for the browser test (the analysis stages that find quotes and claims may not have run). Offsets are
code points, as in bron/1. Run: tests/browser/make_fixture.py > tests/browser/fixture.jsonl"""
import json


def doc(id_, lang, site, published, title, text, entities, quotes=(), claims=(), quantities=(), times=()):
    def span(s, nth=0):
        pos = -1
        for _ in range(nth + 1):
            pos = text.index(s, pos + 1)
        return {"start": pos, "end": pos + len(s), "text": s}

    out = {"schema": "bron/1", "id": id_, "lang": lang, "title": title, "url": f"https://{site}/{id_}",
           "site": site, "author": None, "published": published, "text": text,
           "sentences": [{"start": 0, "end": len(text)}], "entities": [], "quotes": [], "claims": [],
           "quantities": [], "times": [], "events": [], "flags": []}
    for i, (type_, name, forms) in enumerate(entities):
        mentions = []
        for f in forms:
            start = 0
            while (pos := text.find(f, start)) >= 0:
                mentions.append({"start": pos, "end": pos + len(f), "text": f})
                start = pos + 1
        out["entities"].append({"id": f"E{i + 1}", "type": type_, "name": name, "mentions": mentions, "roles": []})
    for i, (kind, content, cue, speaker, entity) in enumerate(quotes):
        out["quotes"].append({"id": f"Q{i + 1}", "kind": kind, **span(content), "cue": span(cue),
                              "speaker": {**span(speaker), "entity": entity}})
    for i, (content, source, certainty, quote, responses) in enumerate(claims):
        out["claims"].append({"id": f"C{i + 1}", **span(content), "source": source, "source_text": None,
                              "certainty": certainty, "cues": [], "quote": quote,
                              "responses": [{"by": by, "stance": st, **span(t)} for by, st, t in responses]})
    for i, (s, value, counted) in enumerate(quantities):
        out["quantities"].append({"id": f"N{i + 1}", **span(s), "value": value, "low": None, "high": None,
                                  "bound": "exact", "kind": "count", "unit": None, "counted": counted})
    for i, (s, value) in enumerate(times):
        out["times"].append({"id": f"T{i + 1}", **span(s), "value": value, "kind": "date"})
    return out


nl1 = ("Poetin zegt dat Rusland klaar is om drones aan Iran te leveren.\n\n"
       "„We zijn bereid 400 drones te leveren”, zei Poetin donderdag in Moskou. "
       "Het Kremlin heeft de opmerkingen niet bevestigd.")
nl2 = ("Rusland wil drones aan Iran leveren, zegt Poetin.\n\n"
       "„We zijn bereid 420 drones te leveren”, zei Poetin vrijdag. Het Kremlin ontkent dat er een deal is.")
en1 = ("Vladimir Putin said Russia is ready to supply 400 drones to Iran, "
       "according to an aide of Volodymyr Zelensky. The Kremlin has not confirmed the remarks.")
docs = [
    doc("nl1", "nl", "nos.example", "2026-02-27", "Poetin bereid drones aan Iran te leveren", nl1,
        [("PER", "Vladimir Putin", ["Poetin"]), ("LOC", "Iran", ["Iran"]), ("ORG", "Kremlin", ["Kremlin"]),
         ("LOC", "Moscow", ["Moskou"]), ("LOC", "Russia", ["Rusland"])],
        quotes=[("direct", "We zijn bereid 400 drones te leveren", "zei", "Poetin", "E1")],
        claims=[("We zijn bereid 400 drones te leveren", "E1", "asserted", "Q1",
                 [("E3", "not_confirmed", "Het Kremlin heeft de opmerkingen niet bevestigd")])],
        quantities=[("400 drones", 400, "drones")], times=[("donderdag", "2026-02-26")]),
    doc("nl2", "nl", "ad.example", "2026-02-28", "Poetin: 420 drones voor Iran", nl2,
        [("PER", "Vladimir Putin", ["Poetin"]), ("LOC", "Iran", ["Iran"]), ("ORG", "Kremlin", ["Kremlin"]),
         ("LOC", "Russia", ["Rusland"])],
        quotes=[("direct", "We zijn bereid 420 drones te leveren", "zei", "Poetin", "E1")],
        claims=[("We zijn bereid 420 drones te leveren", "E1", "asserted", "Q1",
                 [("E3", "denied", "Het Kremlin ontkent dat er een deal is")])],
        quantities=[("420 drones", 420, "drones")], times=[("vrijdag", "2026-02-27")]),
    doc("en1", "en", "bbc.example", "2026-02-28", "Putin ready to supply drones to Iran", en1,
        [("PER", "Vladimir Putin", ["Vladimir Putin"]), ("LOC", "Russia", ["Russia"]), ("LOC", "Iran", ["Iran"]),
         ("PER", "Volodymyr Zelensky", ["Volodymyr Zelensky"]), ("ORG", "Kremlin", ["Kremlin"])],
        claims=[("Russia is ready to supply 400 drones to Iran", "E4", "reported", None,
                 [("E5", "not_confirmed", "The Kremlin has not confirmed the remarks")])],
        quantities=[("400 drones", 400, "drones")]),
]
for d in docs:
    print(json.dumps(d, ensure_ascii=False))
