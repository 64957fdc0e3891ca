#!/usr/bin/env python3
"""Print a side-by-side table of evaluate --json reports.

    python table.py OUT_DIR SET...

reads OUT_DIR/SET.{newsfacts,spacy,quantulum}.json.
"""

import json
import os
import sys

SYSTEMS = [("newsfacts", "newsfacts"), ("spacy", "spaCy sm"), ("quantulum", "quantulum3")]


def prf(s):
    return "%.3f %.3f %.3f" % (s["precision"], s["recall"], s["f1"])


def acc(a):
    return "%.3f" % a["accuracy"] if a["total"] else "-"


def rows(report, system):
    m, e, f, q = report["mentions"], report["entities"], report["figures"], report["quotes"]
    no_entities = system == "quantulum"
    no_quotes = system != "newsfacts"
    out = []
    for label, s in [("mentions overall", m["overall"]), ("  person", m["person"]),
                     ("  organization", m["organization"]), ("  place", m["place"]),
                     ("entities overall", e["overall"])]:
        out.append((label, "n/a" if no_entities else prf(s)))
    out.append(("figures value", prf(f["value"])))
    out.append(("figures full match", prf(f["full"])))
    for k in ("kind", "unit", "qualifier", "year", "source"):
        out.append(("  %s accuracy" % k, acc(f[k])))
    out.append(("quotes", "n/a" if no_quotes else prf(q["quotes"])))
    out.append(("  speaker accuracy", "n/a" if no_quotes else acc(q["speaker"])))
    return out


def main():
    out_dir, sets = sys.argv[1], sys.argv[2:]
    for name in sets:
        reports = {}
        for key, _ in SYSTEMS:
            path = os.path.join(out_dir, "%s.%s.json" % (name, key))
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    reports[key] = json.load(f)
        print("== %s ==   (P R F1; accuracies among value pairs)" % name)
        header = "%-22s" % "" + "".join("%-20s" % label for key, label in SYSTEMS if key in reports)
        print(header)
        table = {key: rows(r, key) for key, r in reports.items()}
        first = next(iter(table.values()))
        for i, (label, _) in enumerate(first):
            print("%-22s" % label + "".join("%-20s" % table[k][i][1] for k, _ in SYSTEMS if k in table))
        print()


if __name__ == "__main__":
    main()
