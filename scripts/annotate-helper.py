#!/usr/bin/env python3
"""Turn hand annotations written as strings into the offset-based quote gold file, then validate it.

Usage: scripts/annotate-helper.py ANNOTATIONS.ann ARTICLES.jsonl OUT.jsonl [--show ID]
   e.g. scripts/annotate-helper.py data/eval/quotes-nl.ann ../shared/data/news/nl-dpg-2019.jsonl \
            data/eval/quotes-nl.jsonl
        scripts/annotate-helper.py data/eval/quotes-nl.ann ../shared/data/news/nl-dpg-2019.jsonl - --show 10593549
        (--show prints one article with its annotations marked, for review; "-" writes no file)

The annotation file (the annotator's source; docs/annotation-guidelines.md says what to mark):
    # comment
    @ ARTICLE_ID dev|dev2|dev3|...|test   starts an article (an article with no quotes is allowed)
    KIND CONTENT | CUE | SPEAKER | NAME    one quote; KIND is D(irect) I(ndirect) M(ixed) F(ragment)
  CONTENT  the content as it stands in the article, or "BEGIN ~~ END" for a long span (from BEGIN to the
           first END after it). It is searched from the start of the previous quote's content onward,
           so write quotes in text order.
  CUE, SPEAKER  the cue and the speaker mention as written, or "-" for none. The occurrence nearest to the
           content (speaker: nearest to the cue when there is one) is taken, preferring one outside the
           content; a leading "<" takes the nearest one before the content, ">" the nearest after it, "@"
           the nearest one even inside the content (`Hij gaf naar eigen zeggen …`).
  NAME     the speaker's resolved name (fullest name in the article), "-" for null, "=" for the mention.
  Any CONTENT, CUE or SPEAKER may end in "#N" to take the N-th occurrence in the whole article instead.
Errors name the annotation file line. The result is checked by scripts/check-quotes-gold.py.
"""
import importlib.util
import json
import os
import re
import sys

KINDS = {"D": "direct", "I": "indirect", "M": "mixed", "F": "fragment"}
# dev: tuned on; dev2, dev3, …: later rounds annotated before bron was run on them; test: held out, never looked at.
SPLIT = re.compile(r"dev([2-9]|[1-9][0-9]+)?|test")


class AnnotationError(Exception):
    pass


def occurrences(text, needle):
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def split_occurrence(field):
    if "#" in field:
        head, _, n = field.rpartition("#")
        if n.isdigit():
            return head, int(n)
    return field, None


def nth(text, needle, n):
    occ = occurrences(text, needle)
    if not 1 <= n <= len(occ):
        raise AnnotationError(f"{needle!r}#{n}: only {len(occ)} occurrence(s)")
    return occ[n - 1]


def find_content(text, field, cursor):
    field, n = split_occurrence(field)
    begin, sep, end = field.partition(" ~~ ")
    if n is not None:
        s = nth(text, begin, n)
    else:
        s = text.find(begin, cursor)
        if s < 0:
            raise AnnotationError(f"content {begin!r} not found after offset {cursor}"
                                  f" ({len(occurrences(text, begin))} occurrence(s) in the article)")
    if not sep:
        return s, s + len(begin)
    e = text.find(end, s + len(begin))
    if e < 0:
        raise AnnotationError(f"content end {end!r} not found after {begin!r}")
    return s, e + len(end)


def is_whole_word(text, s, e):
    before = s == 0 or not (text[s - 1].isalnum() and text[s].isalnum())
    after = e == len(text) or not (text[e].isalnum() and text[e - 1].isalnum())
    return before and after


def find_near(text, field, anchor, content):
    """The occurrence of field nearest to anchor (start, end), preferring one outside content."""
    field, n = split_occurrence(field)
    side = None
    if field[:1] in "<>@" and len(field) > 1:
        side, field = field[0], field[1:]
    if n is not None:
        s = nth(text, field, n)
        return s, s + len(field)
    occ = occurrences(text, field)
    # A whole word wins over a piece of one ('ze' is not the start of 'zegt').
    whole = [s for s in occ if is_whole_word(text, s, s + len(field))]
    occ = whole or occ
    if side == "<":
        occ = [s for s in occ if s + len(field) <= content[0]]
    elif side == ">":
        occ = [s for s in occ if s >= content[1]]
    if not occ:
        raise AnnotationError(f"{field!r} not found" + (f" on side {side}" if side else ""))

    def gap(s):
        e = s + len(field)
        return max(anchor[0] - e, s - anchor[1], 0)

    def inside(s):
        return s < content[1] and s + len(field) > content[0]

    outside = [] if side == "@" else [s for s in occ if not inside(s) and gap(s) <= 300]
    best = min(outside or occ, key=gap)
    return best, best + len(field)


def span(text, s, e):
    return {"start": s, "end": e, "text": text[s:e]}


def build(ann_path, articles):
    rows, row, cursor = [], None, 0
    with open(ann_path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                if line.startswith("@"):
                    parts = line[1:].split()
                    if len(parts) != 2 or not SPLIT.fullmatch(parts[1]):
                        raise AnnotationError("expected '@ ID dev|dev2|dev3|...|test'")
                    if parts[0] not in articles:
                        raise AnnotationError(f"article {parts[0]} not found")
                    row = {"id": int(parts[0]) if parts[0].isdigit() else parts[0], "split": parts[1], "quotes": []}
                    rows.append(row)
                    cursor = 0
                    continue
                if row is None:
                    raise AnnotationError("quote before the first '@ ID split' line")
                kind_letter, _, rest = line.partition(" ")
                if kind_letter not in KINDS:
                    raise AnnotationError(f"kind {kind_letter!r} is not one of {' '.join(KINDS)}")
                fields = [x.strip() for x in rest.split(" | ")]
                if len(fields) != 4:
                    raise AnnotationError(f"expected 4 fields separated by ' | ', got {len(fields)}")
                content_f, cue_f, speaker_f, name_f = fields
                text = articles[str(row["id"])]
                cs, ce = find_content(text, content_f, cursor)
                cursor = cs
                quote = {"kind": KINDS[kind_letter], **span(text, cs, ce), "cue": None, "speaker": None}
                anchor = (cs, ce)
                if cue_f != "-":
                    quote["cue"] = span(text, *find_near(text, cue_f, anchor, (cs, ce)))
                    anchor = (quote["cue"]["start"], quote["cue"]["end"])
                if speaker_f != "-":
                    ss, se = find_near(text, speaker_f, anchor, (cs, ce))
                    name = None if name_f == "-" else text[ss:se] if name_f == "=" else name_f
                    quote["speaker"] = {**span(text, ss, se), "name": name}
                elif name_f != "-":
                    raise AnnotationError("a name without a speaker mention")
                row["quotes"].append(quote)
            except AnnotationError as err:
                raise SystemExit(f"{ann_path}:{n}: {err}\n  {line}")
    for r in rows:
        r["quotes"].sort(key=lambda q: (q["start"], q["end"]))
    return rows


def show(row, text):
    marks = []
    for i, q in enumerate(row["quotes"]):
        marks += [(q["start"], f"[{i}{q['kind'][0].upper()} "), (q["end"], f" {i}]")]
        if q["cue"]:
            marks += [(q["cue"]["start"], "<cue "), (q["cue"]["end"], ">")]
        if q["speaker"]:
            marks += [(q["speaker"]["start"], "<spk "), (q["speaker"]["end"], f"={q['speaker']['name']}>")]
    out, last = [], 0
    for pos, mark in sorted(marks, key=lambda m: m[0]):
        out += [text[last:pos], mark]
        last = pos
    out.append(text[last:])
    print("".join(out))


def main(argv):
    args = [a for a in argv[1:] if a != "--show"]
    show_id = None
    if "--show" in argv:
        show_id = argv[argv.index("--show") + 1]
        args.remove(show_id)
    if len(args) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    ann_path, articles_path, out_path = args
    articles = {}
    with open(articles_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                articles[str(a["id"])] = a["text"]
    rows = build(ann_path, articles)
    if show_id:
        for r in rows:
            if str(r["id"]) == show_id:
                show(r, articles[show_id])
    if out_path == "-":
        return 0
    with open(out_path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    spec = importlib.util.spec_from_file_location(
        "check_quotes_gold", os.path.join(os.path.dirname(os.path.abspath(__file__)), "check-quotes-gold.py"))
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    return checker.main(["check-quotes-gold.py", out_path, articles_path])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
