#!/usr/bin/env python3
"""List the mention misses (fn) and false positives (fp) of one development set,
with context, grouped by type.

    python3 scripts/misses/misses.py GOLD.jsonl DUMP.jsonl CORPUS_DIR [--type T] [--kind fn|fp] [--width N]

DUMP.jsonl is `newsfacts dump CORPUS_DIR/*.txt` output. Mentions are matched
per article as the scorer matches them (multiset of normalised text per type),
so a miss is listed at every occurrence in the text that no predicted mention
of that type covers exactly, with what was predicted there instead.
"""
import argparse
import collections
import json
import os
import re


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("dump")
    ap.add_argument("corpus")
    ap.add_argument("--type", default=None)
    ap.add_argument("--kind", default=None)
    ap.add_argument("--width", type=int, default=50)
    ap.add_argument("--summary", action="store_true", help="counts only")
    a = ap.parse_args()
    gold = {}
    for line in open(a.gold):
        g = json.loads(line)
        gold[g["id"]] = g
    rows = collections.Counter()
    fp_rules = collections.Counter()
    for line in open(a.dump):
        r = json.loads(line)
        g = gold.get(r["id"])
        if g is None:
            continue
        path = os.path.join(a.corpus, r["id"] + ".txt")
        text = open(path).read() if os.path.exists(path) else ""
        pred = collections.defaultdict(list)  # type -> [(text, start, end, rule)]
        spans = []
        for e in r["entities"]:
            for m in e["mentions"]:
                pred[e["type"]].append((norm(m["text"]), m["start"], m["end"], m.get("rule", "")))
                spans.append((m["start"], m["end"], e["type"], m.get("rule", "")))
        for kind in ("person", "organization", "place"):
            if a.type and kind != a.type:
                continue
            gl = collections.Counter(norm(m["text"]) for m in g["mentions"] if m["type"] == kind)
            pl = collections.Counter(p[0] for p in pred[kind])
            for t, n in (gl - pl).items():
                rows[("fn", kind)] += n
                if a.kind in (None, "fn") and not a.summary:
                    covered = {(p[1], p[2]) for p in pred[kind] if p[0] == t}
                    shown = 0
                    for mt in re.finditer(re.escape(t), text):
                        s, e_ = mt.start(), mt.end()
                        if (s, e_) in covered:
                            continue
                        other = [f"{sp[2]}:{text[sp[0]:sp[1]]}({sp[3]})" for sp in spans if sp[0] < e_ and sp[1] > s]
                        ctx = text[max(0, s - a.width):s] + "[[" + t + "]]" + text[e_:e_ + a.width]
                        print(f"fn {kind:12} {r['id']} x{n} {t!r} -> {' '.join(other) or '-'} | {ctx!r}")
                        shown += 1
                        if shown >= n:
                            break
                    if shown == 0:
                        print(f"fn {kind:12} {r['id']} x{n} {t!r} (not found in text)")
            for t, n in (pl - gl).items():
                rows[("fp", kind)] += n
                for p in pred[kind]:
                    if p[0] == t:
                        fp_rules[(kind, p[3].split(":")[0] + ":" + p[3].split(":")[1] if ":" in p[3] else p[3])] += 0
                if a.kind in (None, "fp") and not a.summary:
                    occ = [p for p in pred[kind] if p[0] == t][:n]
                    for p in occ:
                        s, e_ = p[1], p[2]
                        gother = [m["type"] for m in g["mentions"] if norm(m["text"]) == t]
                        ctx = text[max(0, s - a.width):s] + "[[" + text[s:e_] + "]]" + text[e_:e_ + a.width]
                        print(f"fp {kind:12} {r['id']} {t!r} {p[3]} gold:{','.join(sorted(set(gother))) or '-'} | {ctx!r}")
    for k, v in sorted(rows.items()):
        print(f"# {k[0]} {k[1]}: {v}")


if __name__ == "__main__":
    main()
