#!/usr/bin/env python3
"""Adds claims to analysed bron/1 JSONL so that the store and the ledger can be measured before the
attribution stage exists: every sentence with a reporting cue becomes a claim (source: the first person
named in it), a following sentence that denies or does not confirm becomes its response. With --copies N
each document is written N times under new ids, URLs, sites and dates (reprints: what the ledger clusters).

Usage: bench/synth-claims.py --copies 3 < analysed.jsonl > claims.jsonl"""
import argparse
import json
import re
import sys

CUE = re.compile(r"\b(zei|zegt|aldus|volgens|meldt|stelt|said|says|according to|told)\b", re.I)
DENY = re.compile(r"\b(ontkent|ontkende|denied|denies)\b", re.I)
UNCONFIRMED = re.compile(r"(niet bevestigd|not confirmed|declined to comment)", re.I)


def add_claims(doc):
    text = doc["text"]
    sentences = doc.get("sentences", [])
    people = [(m["start"], m["end"], e["id"]) for e in doc.get("entities", []) if e["type"] == "PER" for m in e["mentions"]]
    claims = []
    for i, s in enumerate(sentences):
        sentence = text[s["start"]:s["end"]]
        if not CUE.search(sentence) or len(sentence) < 30:
            continue
        source = next((e for a, b, e in people if a >= s["start"] and b <= s["end"]), None)
        responses = []
        if i + 1 < len(sentences):
            nxt = sentences[i + 1]
            follow = text[nxt["start"]:nxt["end"]]
            stance = "denied" if DENY.search(follow) else "not_confirmed" if UNCONFIRMED.search(follow) else None
            if stance:
                responses.append({"by": None, "stance": stance, "start": nxt["start"], "end": nxt["end"], "text": follow})
        claims.append({"id": f"C{len(claims) + 1}", "start": s["start"], "end": s["end"], "text": sentence,
                       "source": source, "source_text": None, "certainty": "reported", "cues": [], "quote": None,
                       "responses": responses})
    doc["claims"] = claims
    doc.setdefault("quotes", [])
    return doc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=1)
    args = ap.parse_args()
    docs = [add_claims(json.loads(line)) for line in sys.stdin if line.strip()]
    for copy in range(args.copies):
        for d in docs:
            out = dict(d)
            if copy:
                out["id"] = f"{d['id']}-copy{copy}"
                out["url"] = f"https://copy{copy}.example/{d['id']}"
                out["site"] = f"copy{copy}.example"
                if d.get("published") and len(d["published"]) >= 10:
                    y, m, day = d["published"][:10].split("-")
                    out["published"] = f"{y}-{m}-{min(28, int(day) + copy):02d}"
            print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
