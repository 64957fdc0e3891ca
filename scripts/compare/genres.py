#!/usr/bin/env python3
"""Print figures and quotes per development set and per genre, newsfacts
beside spaCy and quantulum3, from evaluate --json reports, with newsfacts'
subject, source and speaker accuracy.

    python genres.py OUT_DIR SET...

reads OUT_DIR/SET.{newsfacts,spacy,quantulum}.json (as run_all.sh writes
them) and sums each report's per-article counts by genre. The genre is read
from the gold article id: "bbc-tech-025" is tech, "bbc-business-077"
business, "reuters-17519" wire, "seed-03" seed. With --markdown it prints
one Markdown table for the README.
"""

import json
import os
import sys

SYSTEMS = [("newsfacts", "newsfacts"), ("spacy", "spaCy sm"), ("quantulum", "quantulum3")]

GENRES = ["business", "politics", "tech", "sport", "entertainment"]


def genre_of(article_id):
    for g in GENRES:
        if "-%s-" % g in article_id or article_id.startswith(g + "-"):
            return g
    if article_id.startswith("reuters"):
        return "wire"
    if article_id.startswith("seed") or article_id.startswith("tag-"):
        return "seed"
    return "other"


def add(total, counts):
    for k in ("tp", "fp", "fn"):
        total[k] = total.get(k, 0) + counts[k]


def f1(c):
    tp, fp, fn = c.get("tp", 0), c.get("fp", 0), c.get("fn", 0)
    if tp + fp + fn == 0:
        return None
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def add_accuracy(total, counts):
    if counts:
        total["correct"] = total.get("correct", 0) + counts["correct"]
        total["total"] = total.get("total", 0) + counts["total"]


def accuracy(c):
    return c["correct"] / c["total"] if c.get("total") else None


def groups(report):
    """Per (genre or "all"): summed figure value, figure full and quote
    counts, and (reports that carry them) subject, source and speaker
    accuracy counts."""
    out = {}
    for a in report["per_article"]:
        for key in (genre_of(a["id"]), "all"):
            g = out.setdefault(key, {"figures": {}, "full": {}, "quotes": {}, "n": 0,
                                     "subject": {}, "source": {}, "speaker": {}})
            add(g["figures"], a["figures"])
            add(g["full"], a["figures_full"])
            add(g["quotes"], a["quotes"])
            for k in ("subject", "source", "speaker"):
                add_accuracy(g[k], a.get(k))
            g["n"] += 1
    return out


def fmt(x):
    return "-" if x is None else "%.3f" % x


def main():
    args = sys.argv[1:]
    markdown = "--markdown" in args
    args = [a for a in args if a != "--markdown"]
    out_dir, sets = args[0], args[1:]
    rows = []
    for name in sets:
        reports = {}
        for key, _ in SYSTEMS:
            path = os.path.join(out_dir, "%s.%s.json" % (name, key))
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    reports[key] = groups(json.load(f))
        if "newsfacts" not in reports:
            continue
        order = ["all"] + sorted(k for k in reports["newsfacts"] if k != "all")
        if len(order) == 2:
            order = ["all"]
        for genre in order:
            cells = []
            for key, _ in SYSTEMS:
                g = reports.get(key, {}).get(genre)
                if g is None:
                    cells.append(("-", "-"))
                    continue
                cells.append((fmt(f1(g["figures"])), fmt(f1(g["full"]))))
            nf = reports["newsfacts"][genre]
            quotes = fmt(f1(nf["quotes"]))
            claims = " / ".join(fmt(accuracy(nf[k])) for k in ("subject", "source", "speaker"))
            label = name if genre == "all" else "  " + genre
            rows.append((label, nf["n"], nf["figures"].get("tp", 0) + nf["figures"].get("fn", 0),
                         cells, quotes, claims))
    if markdown:
        print("| set / genre | articles | gold figures | figure value F1, newsfacts / spaCy / quantulum3 "
              "| **figure full-match F1**, newsfacts / spaCy / quantulum3 | quotes F1, newsfacts "
              "| subject / source / speaker accuracy, newsfacts |")
        print("|---|---|---|---|---|---|---|")
        for label, n, gold, cells, quotes, claims in rows:
            label = label.strip() if not label.startswith("  ") else "&nbsp;&nbsp;" + label.strip()
            print("| %s | %d | %d | %s | %s | %s | %s |" % (
                label, n, gold, " / ".join(c[0] for c in cells),
                " / ".join(c[1] for c in cells), quotes, claims))
        return
    print("%-18s %4s %5s   %-23s %-23s %-9s %s" % (
        "set / genre", "arts", "figs", "value F1 (nf/sp/qu)", "full F1 (nf/sp/qu)", "quotes F1",
        "subject / source / speaker (nf)"))
    for label, n, gold, cells, quotes, claims in rows:
        print("%-18s %4d %5d   %-23s %-23s %-9s %s" % (
            label, n, gold, " ".join(c[0] for c in cells), " ".join(c[1] for c in cells), quotes,
            claims))


if __name__ == "__main__":
    main()
