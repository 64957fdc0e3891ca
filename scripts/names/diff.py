#!/usr/bin/env python3
"""Mention misses and false positives of a development set, by kind, with
their sentence and the rule that fired.

usage: scripts/names/diff.py SET [--all]   (SET: bbc-genres-dev, conll-dev, ...)

Runs the release `newsfacts dump` over ../shared/corpus/SET and compares the
person/organization/place mentions of each article with ../shared/gold/SET.jsonl
as multisets of (type, text), like the scorer. A predicted mention whose text
is in the gold under another type is a "wrong type"; the rest are "spurious";
a gold mention not predicted with its type is "missed" (printed with the
first sentence that holds its text). Nothing is written.
"""
import collections, json, os, subprocess, sys

SHARED = os.environ.get("SHARED", "/work/shared")
KINDS = ("person", "organization", "place")


def context(text, start, width=50):
    """The text around `start` on one line."""
    if start is None or start < 0:
        return ""
    snippet = text[max(0, start - width):start + width]
    return snippet.replace("\n", " | ")


def main():
    name = sys.argv[1]
    gold = {}
    for line in open(f"{SHARED}/gold/{name}.jsonl"):
        g = json.loads(line)
        gold[g["id"]] = g
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if name == "seed":
        files = [f"{root}/fixtures/tag-uyghur.txt"]
    else:
        corpus = f"{SHARED}/corpus/{name}"
        files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".txt"))
    out = subprocess.run([f"{root}/target/release/newsfacts", "dump", *files],
                         capture_output=True, text=True).stdout
    texts = {}
    for f in files:
        texts[f] = open(f).read()
    records = [json.loads(l) for l in out.splitlines() if l.strip()]
    for k, rec in enumerate(records):
        rec["_path"] = files[min(k, len(files) - 1)]
    rows = collections.defaultdict(list)
    for rec in records:
        gid = next((k for k in gold if k == rec["id"] or k.endswith(rec["id"]) or gold[k]["title"].strip() == (rec.get("title") or "").strip()), None)
        if gid is None:
            continue
        g = gold[gid]
        path = rec["_path"]
        want = collections.Counter((m["type"], m["text"]) for m in g["mentions"] if m["type"] in KINDS)
        got = []
        for e in rec["entities"]:
            if e["type"] not in KINDS:
                continue
            for m in e["mentions"]:
                got.append((m["start"], e["type"], m["text"], m["rule"]))
        got.sort()
        left = want.copy()
        gold_texts = {t: k for (k, t) in want}
        for start, kind, text, rule in got:
            if left[(kind, text)] > 0:
                left[(kind, text)] -= 1
                continue
            if (kind, text) in want:
                label = "extra occurrence"
            elif text in gold_texts:
                label = f"wrong type (gold {gold_texts[text]})"
            else:
                label = "spurious"
            rows[(label, kind)].append((gid, text, rule, context(texts[path], start)))
        for (kind, text), c in left.items():
            for _ in range(c):
                at = texts[path].find(text)
                rows[("missed", kind)].append((gid, text, "", context(texts[path], at) if at >= 0 else ""))
    for (label, kind), items in sorted(rows.items()):
        print(f"== {label} {kind}: {len(items)}")
        for gid, text, rule, ctx in items:
            print(f"  {gid:24} {text!r:30} {rule:28} {ctx}")
    

if __name__ == "__main__":
    main()
