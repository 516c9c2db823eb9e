#!/usr/bin/env python3
"""Validate a hand-annotated quote gold file against the articles it points into.

Usage: scripts/check-quotes-gold.py GOLD.jsonl ARTICLES.jsonl

GOLD.jsonl has one line per article: {"id", "split": "dev"|"dev2"|"dev3"|…|"test", "quotes": [...]}, each quote
{"kind", "start", "end", "text", "cue": span|null, "speaker": span+"name"|null}; spans are Unicode
code point offsets into the article's "text" (Python str indices), end exclusive.
ARTICLES.jsonl holds the articles ({"id", "text", ...}); the gold file never stores their text.
Checks: ids exist and are unique, splits and kinds are valid, every span lies inside its article and
its "text" equals article[start:end], spans are non-empty and not padded with whitespace, no quote is
listed twice, fragments have no speaker. Warns (without failing) when the kind looks wrong for the
quote marks in the content (indirect with marks, mixed without). Prints counts; exits 1 with one line
per problem otherwise.
"""
import collections
import json
import re
import sys

KINDS = {"direct", "indirect", "mixed", "fragment"}
SPLIT = re.compile(r"dev([2-9]|[1-9][0-9]+)?|test")
# A quote mark, as opposed to an apostrophe inside or before a word (auto's, zo'n, 's avonds).
QUOTE_MARK = re.compile(r"[\"“”„«»‘’]|,,|''|(?<!\w)'(?!s\b|t\b|n\b)|(?<=[\w.,!?])'(?!\w)")


def load_articles(path):
    articles = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                row = json.loads(line)
                articles[str(row["id"])] = row["text"]
    return articles


def check_span(where, span, text, problems, extra=()):
    if not isinstance(span, dict):
        problems.append(f"{where}: not an object")
        return
    for key in ("start", "end", "text") + tuple(extra):
        if key not in span:
            problems.append(f"{where}: missing '{key}'")
            return
    s, e = span["start"], span["end"]
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        problems.append(f"{where}: span {s}..{e} outside the article (length {len(text)}) or empty")
        return
    if text[s:e] != span["text"]:
        problems.append(f"{where}: text {span['text']!r} != article[{s}:{e}] {text[s:e]!r}")
    if span["text"] != span["text"].strip():
        problems.append(f"{where}: span {span['text']!r} starts or ends with whitespace")


def check(gold_path, articles_path):
    articles = load_articles(articles_path)
    problems, warnings, stats = [], [], collections.Counter()
    seen_ids = set()
    with open(gold_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{gold_path}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                problems.append(f"{where}: not JSON ({err})")
                continue
            aid = str(row.get("id"))
            if aid not in articles:
                problems.append(f"{where}: article id {aid} not in {articles_path}")
                continue
            if aid in seen_ids:
                problems.append(f"{where}: article id {aid} listed twice")
            seen_ids.add(aid)
            if not SPLIT.fullmatch(str(row.get("split"))):
                problems.append(f"{where}: split {row.get('split')!r} is not dev, dev2, dev3, … or test")
            stats["articles " + str(row.get("split"))] += 1
            text = articles[aid]
            keys = set()
            for i, q in enumerate(row.get("quotes", [])):
                qw = f"{where} article {aid} quote {i}"
                if q.get("kind") not in KINDS:
                    problems.append(f"{qw}: kind {q.get('kind')!r} not one of {sorted(KINDS)}")
                check_span(qw + " content", q, text, problems)
                key = (q.get("start"), q.get("end"))
                if key in keys:
                    problems.append(f"{qw}: content span {key} listed twice")
                keys.add(key)
                if q.get("cue") is not None:
                    check_span(qw + " cue", q["cue"], text, problems)
                sp = q.get("speaker")
                if sp is not None:
                    check_span(qw + " speaker", sp, text, problems, extra=("name",))
                    if sp.get("name") is not None and not isinstance(sp.get("name"), str):
                        problems.append(f"{qw}: speaker name must be a string or null")
                marks = bool(QUOTE_MARK.search(q.get("text", "")))
                if q.get("kind") == "indirect" and marks:
                    warnings.append(f"{qw}: indirect content contains a quote mark; mixed? {q['text'][:60]!r}")
                if q.get("kind") == "mixed" and not marks:
                    warnings.append(f"{qw}: mixed content has no quote mark; indirect? {q['text'][:60]!r}")
                if q.get("kind") == "fragment" and sp is not None:
                    problems.append(f"{qw}: a fragment has no speaker")
                stats["quotes"] += 1
                stats["kind " + str(q.get("kind"))] += 1
                if q.get("kind") != "fragment":
                    stats["attributions"] += 1
                    if sp is not None and sp.get("name"):
                        stats["attributions with a named speaker"] += 1
                    elif sp is not None:
                        stats["attributions with an unnamed speaker"] += 1
                    else:
                        stats["attributions without a speaker mention"] += 1
    return problems, warnings, stats


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    problems, warnings, stats = check(argv[1], argv[2])
    for w in warnings:
        print("warning:", w)
    for p in problems:
        print(p)
    for k in sorted(stats):
        print(f"{k}: {stats[k]}")
    if stats["attributions"]:
        print(f"share of attributions with a named speaker: "
              f"{stats['attributions with a named speaker'] / stats['attributions']:.3f}")
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
