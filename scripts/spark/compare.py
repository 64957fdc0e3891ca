#!/usr/bin/env python3
"""Check a Spark run's records against the corpus manifest and a single-process dump.

    compare.py --manifest M --spark OUTDIR --single single.jsonl [--cat-out DIR --corpus C]
               [--edge-spark DIR --edge-single FILE]

How records are compared, and why:

* Keyed records: a record whose "id" is a string that the input gave (not
  the reader's positional "stdin:N" fallback). Ids are unique in the corpus, so
  each such record must appear exactly once in each output, and the Spark
  record must equal the single-process one byte for byte, but for the
  positional "stdin:<digits>" an error message cites beside the article's id
  ("stdin:12 (article x): …"), which under Spark counts within the partition.
* Unkeyed records: errors for lines whose id could not be read (id null) and
  articles the reader named after their line ("stdin:N"). Under Spark, N is
  the line within the partition, not within the file, so these cannot be
  matched by key. They are compared as a multiset after replacing every
  "stdin:<digits>" with "stdin:N"; nothing else is normalised.
* Order: Spark keeps each partition's order and the part files' order, so the
  concatenated part files must list records in input order; that is what ties
  an unkeyed error to its input line (the manifest gives the global line).

Prints one line per check and `spark: N passed, M failed`; exits 1 on failure.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter

POSITIONAL = re.compile(rb"stdin:\d+")
POSITIONAL_ID = re.compile(r"^stdin:\d+$")


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, ok, name, detail=""):
        if ok:
            self.passed += 1
            print(f"ok    {name}")
        else:
            self.failed += 1
            print(f"FAIL  {name}" + (f": {detail}" if detail else ""))
        return ok


def read_parts(outdir):
    """Records from a saveAsTextFile directory, in part order, as raw lines."""
    names = sorted(n for n in os.listdir(outdir) if n.startswith("part-"))
    lines = []
    for n in names:
        with open(os.path.join(outdir, n), "rb") as f:
            lines += [ln.rstrip(b"\n") for ln in f]
    return lines


def read_lines(path):
    with open(path, "rb") as f:
        return [ln.rstrip(b"\n") for ln in f]


def key_of(raw):
    """(key or None, parsed record); None for unkeyed records."""
    rec = json.loads(raw)
    rid = rec.get("id")
    if isinstance(rid, str) and not POSITIONAL_ID.match(rid):
        return rid, rec
    return None, rec


def keyed_and_unkeyed(lines):
    keyed, unkeyed, dups = {}, [], []
    for raw in lines:
        k, _ = key_of(raw)
        if k is None:
            unkeyed.append(POSITIONAL.sub(b"stdin:N", raw))
        elif k in keyed:
            dups.append(k)
        else:
            keyed[k] = raw
    return keyed, unkeyed, dups


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--spark", required=True, help="Spark output directory (dump)")
    ap.add_argument("--single", required=True, help="single-process dump output")
    ap.add_argument("--corpus", help="the corpus, for the empty-pipe check")
    ap.add_argument("--cat-out", help="Spark output directory of the `cat` run")
    ap.add_argument("--edge-spark", help="Spark output directory of the edge corpus")
    ap.add_argument("--same-as", action="append", default=[], metavar="DIR",
                    help="another Spark output (e.g. --engine jvm) that must equal --spark byte for byte")
    ap.add_argument("--edge-single", help="single-process output of the edge corpus")
    args = ap.parse_args()
    c = Checks()

    manifest = [json.loads(ln) for ln in open(args.manifest, encoding="utf-8")]
    expected = [m for m in manifest if m["expect"] != "none"]  # blank lines give nothing
    spark = read_parts(args.spark)
    single = read_lines(args.single)

    c.check(len(spark) == len(expected), "spark: one record per non-blank input line",
            f"{len(spark)} records for {len(expected)} lines")
    c.check(len(single) == len(expected), "single: one record per non-blank input line",
            f"{len(single)} records for {len(expected)} lines")

    # Every article that has an id comes back exactly once, as what it should be.
    want_ids = Counter(m["id"] for m in expected if m["id"] is not None)
    s_keyed, s_unkeyed, s_dups = keyed_and_unkeyed(spark)
    c.check(not s_dups, "spark: no id duplicated", f"{s_dups[:5]}")
    lost = [i for i in want_ids if i not in s_keyed]
    extra = [i for i in s_keyed if i not in want_ids]
    c.check(not lost, f"spark: all {len(want_ids)} ids present", f"lost {lost[:5]}")
    c.check(not extra, "spark: no unexpected ids", f"extra {extra[:5]}")
    n_unkeyed = sum(1 for m in expected if m["id"] is None)
    c.check(len(s_unkeyed) == n_unkeyed, f"spark: {n_unkeyed} id-less lines give {n_unkeyed} records",
            f"got {len(s_unkeyed)}")

    # Each awkward line: a record in its place (by order), of the expected
    # kind, and the job did not fail for it.
    if len(spark) == len(expected):
        for m, raw in zip(expected, spark):
            if m["kind"] == "good":
                continue
            rec = json.loads(raw)
            got = "error" if "error" in rec else "record"
            shown = raw[:110].decode("utf-8", "replace")
            ok = got == m["expect"] and (m["id"] is None or rec.get("id") == m["id"])
            c.check(ok, f"line {m['line']} ({m['kind']}) -> {got}: {shown}")
        bad_order = [m["line"] for m, raw in zip(expected, spark)
                     if m["id"] is not None and json.loads(raw).get("id") != m["id"]]
        c.check(not bad_order, "spark: records in input order", f"first at line {bad_order[:1]}")

    # Equal to the single-process dump.
    g_keyed, g_unkeyed, g_dups = keyed_and_unkeyed(single)
    c.check(not g_dups and set(g_keyed) == set(s_keyed), "same ids as the single-process dump")
    def positional(raw):
        return None if raw is None else POSITIONAL.sub(b"stdin:N", raw)

    differ = [k for k in s_keyed if positional(g_keyed.get(k)) != positional(s_keyed[k])]
    c.check(not differ, f"{len(s_keyed)} keyed records byte-identical to the single-process dump",
            f"{len(differ)} differ, e.g. {differ[:3]}")
    c.check(Counter(s_unkeyed) == Counter(g_unkeyed),
            f"{len(s_unkeyed)} unkeyed records equal as a multiset (stdin:N normalised)",
            f"spark-only {list((Counter(s_unkeyed) - Counter(g_unkeyed)).elements())[:2]}")

    for other in args.same_as:
        c.check(read_parts(other) == spark, f"{os.path.basename(other)} equals the main Spark output")

    # The empty pipe returns the input lines (Hadoop drops a trailing \r).
    if args.cat_out and args.corpus:
        cat = read_parts(args.cat_out)
        corpus = [ln.rstrip(b"\r") for ln in read_lines(args.corpus)]
        c.check(cat == corpus, f"cat pipe returns all {len(corpus)} input lines in order")

    if args.edge_spark and args.edge_single:
        edge_checks(c, read_parts(args.edge_spark), read_lines(args.edge_single))

    print(f"spark: {c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


def edge_checks(c, spark, single):
    """What differs from a single-process dump because Spark reads text.

    The edge corpus (gen_corpus.py --edge) has: a good article, an article
    with an invalid UTF-8 byte, a valid JSON line with a bare CR between
    tokens, and another good article.
    """
    ids = [json.loads(r).get("id") for r in spark]
    errs = ["error" in json.loads(r) for r in spark]
    c.check(ids[:1] == ["edge-good-1"] and ids[-1:] == ["edge-good-2"],
            "edge: job succeeds; articles around the odd lines come back")
    # The dump rejects invalid UTF-8; Spark has already decoded it to U+FFFD.
    s = [json.loads(r) for r in single]
    c.check(s[1].get("id") is None and "not UTF-8" in s[1].get("error", ""),
            "edge: single-process dump reports the invalid UTF-8 line as an error")
    c.check(ids[1] == "edge-bad-utf8" and not errs[1],
            "edge: under Spark the invalid UTF-8 line arrives repaired (U+FFFD) and is extracted")
    # Hadoop ends lines at \r as well as \n, so a valid line with a bare CR
    # becomes two invalid halves: two error records instead of one record.
    c.check(s[2].get("id") == "edge-cr" and "error" not in s[2],
            "edge: single-process dump reads the bare-CR line as one article")
    c.check(len(spark) == len(single) + 1 and errs[2] and errs[3],
            "edge: under Spark the bare-CR line splits into two error records")


if __name__ == "__main__":
    sys.exit(main())
