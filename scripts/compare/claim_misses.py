#!/usr/bin/env python3
"""List each wrong figure subject, figure source and quote speaker, with its
sentence, for one development set.

    python3 scripts/compare/claim_misses.py GOLD.jsonl RECORDS.jsonl [--only subject|source|speaker|hedged]

RECORDS.jsonl is `newsfacts dump` output for the set's articles, e.g.

    target/release/newsfacts dump ../shared/corpus/reuters-dev/*.txt > /tmp/r.jsonl

Figures are paired as newsfacts-eval pairs them (equal value, same text
first), quotes by their first five words; names are compared as the
evaluation compares them (case and surrounding punctuation ignored). Each
line gives the article, the field, gold → predicted and the claim's
sentence.
"""

import json
import re
import sys


def norm_name(s):
    if s is None:
        return None
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = " ".join(s.split())
    return re.sub(r"^\W+|\W+$", "", s).lower()


def quote_key(s):
    words = []
    for w in s.split():
        w = "".join(c for c in w if c.isalnum()).lower()
        if w:
            words.append(w)
    return words[:5]


def same_value(a, b):
    return a == b or abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def pair_record(gold_id, records):
    """The record whose id equals the gold id, ends it ("bbc-sport-038" ~
    "sport-038") or has its number."""
    if gold_id in records:
        return records[gold_id]
    for rid, r in records.items():
        if gold_id.endswith("-" + rid) or rid.endswith("-" + gold_id):
            return r
    # "seed-01" ~ "tag-uyghur-01": the articles of one file, by number.
    number = gold_id.rsplit("-", 1)[-1]
    same_number = [r for rid, r in records.items() if rid.rsplit("-", 1)[-1] == number]
    return same_number[0] if len(same_number) == 1 else None


def pair_figures(gold, pred):
    used = [False] * len(pred)
    out = []
    for g in gold:
        cands = [i for i, c in enumerate(pred) if not used[i] and same_value(g["value"], c["value"])]
        pick = next((i for i in cands if " ".join(pred[i]["text"].split()) == " ".join(g["text"].split())), None)
        if pick is None and cands:
            pick = cands[0]
        if pick is not None:
            used[pick] = True
        out.append(pick)
    return out


def main():
    args = sys.argv[1:]
    only = None
    if "--only" in args:
        k = args.index("--only")
        only = args[k + 1]
        del args[k : k + 2]
    gold_path, rec_path = args
    records = {}
    with open(rec_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("id"):
                records[r["id"]] = r
    counts = {}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            r = pair_record(g["id"], records)
            if r is None:
                print("%s: no record" % g["id"])
                continue
            names = {e["id"]: e["name"] for e in r["entities"]}
            figs = [c for c in r["claims"] if c["kind"] != "quote" and c.get("value") is not None]
            quotes = [c for c in r["claims"] if c["kind"] == "quote"]
            for gf, p in zip(g["figures"], pair_figures(g["figures"], figs)):
                if p is None:
                    continue
                c = figs[p]
                pred = {
                    "subject": names.get(c["subject"]) if c["subject"] else None,
                    "source": c["source"]["name"] if c["source"] else None,
                    "hedged": c["hedged"],
                }
                for field in ("subject", "source", "hedged"):
                    if only and field != only or field not in gf:
                        continue
                    want, got = gf[field], pred[field]
                    ok = want == got if field == "hedged" else norm_name(want) == norm_name(got)
                    counts.setdefault(field, [0, 0])[0] += ok
                    counts[field][1] += 1
                    if not ok:
                        print("%-22s %-8s %-14s %s -> %s\n      %s" % (
                            g["id"], field, gf["text"], want, got, c["sentence"][:300]))
            used = [False] * len(quotes)
            for gq in g["quotes"]:
                key = quote_key(gq["text"])
                hit = next((i for i, c in enumerate(quotes) if not used[i] and key and quote_key(c["text"]) == key), None)
                if hit is None:
                    continue
                used[hit] = True
                c = quotes[hit]
                for field, want, got in (
                    ("speaker", gq.get("speaker"), c["speaker"]["name"] if c["speaker"] else None),
                    ("qhedged", gq.get("hedged"), c["hedged"]),
                ):
                    if only and field != only:
                        continue
                    ok = want == got if field == "qhedged" else norm_name(want) == norm_name(got)
                    counts.setdefault(field, [0, 0])[0] += ok
                    counts[field][1] += 1
                    if not ok:
                        print("%-22s %-8s %-14s %s -> %s\n      %s" % (
                            g["id"], field, " ".join(gq["text"].split()[:3]), want, got, c["sentence"][:300]))
    for field, (ok, n) in sorted(counts.items()):
        print("%s: %d of %d right" % (field, ok, n))


if __name__ == "__main__":
    main()
