#!/usr/bin/env python3
"""Generate a JSON Lines test corpus for the Spark run from real article text.

Articles are rebuilt from the paragraphs of the listing page
fixtures/tag-uyghur.txt: each generated article takes one real title and a
random run of real paragraphs drawn from all articles, so the extractor sees
real sentences, names and figures in new combinations. The seed makes the
output byte-for-byte reproducible.

A few deliberately bad or awkward lines are sprinkled in at fixed, seeded
positions (invalid JSON, missing text, wrong field types, an over-long article,
NUL bytes, non-object JSON, a blank line, an article without id). Invalid
UTF-8 is left out on purpose: Spark decodes text files as UTF-8 before any
worker sees them; --edge writes a separate small corpus for that.

Writes the corpus and a manifest with one JSON object per corpus line:
{"line": N, "id": ID-or-null, "expect": "record"|"error"|"none", "kind": K}
where "none" is a blank line (the dump skips it and writes nothing).

Only the standard library is used, so this runs with any python3.
"""

import argparse
import json
import random
import re
import sys
from pathlib import Path

# The dump refuses articles over this many bytes (DEFAULT_MAX_ARTICLE_BYTES in
# src/extractor.rs); the over-long line goes just past it.
MAX_ARTICLE_BYTES = 16 << 20


def read_listing(path):
    """Split the listing page into (title, [paragraph]) articles.

    A bullet line starts an article; its indented, blank-separated lines are
    the paragraphs. The first paragraph repeats the title and is dropped.
    """
    articles = []
    title, paras = None, []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("•"):
            if title is not None:
                articles.append((title, paras))
            title, paras = line.lstrip("•").strip(), []
        elif title is not None and line and line != title:
            paras.append(line)
    if title is not None:
        articles.append((title, paras))
    return [(t, p) for t, p in articles if p]


def good_article(rng, articles, pool, n):
    title, own = rng.choice(articles)
    # Mostly the article's own lead, then paragraphs from anywhere, so titles
    # and text stay plausible while every article is a new combination.
    k = rng.randint(3, 10)
    paras = own[:1] + [rng.choice(pool) for _ in range(k)]
    obj = {"id": f"a{n:06d}", "title": title}
    # Both body field names the reader accepts.
    obj["text" if n % 5 else "body"] = "\n\n".join(paras)
    if n % 7 == 0:
        obj["byline"] = "Staff reporter"
    return obj


def bad_lines(rng, articles, pool):
    """(kind, line, expected id or None, expect) for the awkward cases."""
    text = "\n\n".join(pool[:4])
    long_text = (text + "\n\n") * (MAX_ARTICLE_BYTES // (len(text.encode()) + 2) + 2)
    dumps = lambda o: json.dumps(o, ensure_ascii=False)  # noqa: E731
    return [
        ("invalid-json", '{"id": "bad-json", "text": "unterminated', None, "error"),
        ("truncated", dumps({"id": "bad-trunc", "text": text})[:-20], None, "error"),
        ("missing-text", dumps({"id": "bad-no-text", "title": "No body"}), "bad-no-text", "error"),
        # A readable id with a wrong-typed field: the error names the article.
        ("text-number", dumps({"id": "bad-text-type", "text": 42}), "bad-text-type", "error"),
        ("title-number", dumps({"id": "bad-title-type", "title": 7, "text": text}), "bad-title-type",
         "error"),
        ("id-array", dumps({"id": ["x"], "text": text}), None, "error"),
        ("not-object", "[1, 2, 3]", None, "error"),
        ("json-null", "null", None, "error"),
        ("raw-nul", '{"id": "bad-nul", "text": "a\x00b"}', None, "error"),
        # Valid JSON: escaped NUL inside the text must not trip the extractor.
        ("escaped-nul", dumps({"id": "nul-escaped", "text": "Kabul\u0000 said 500 people.\n\n" + text}),
         "nul-escaped", "record"),
        ("over-long", dumps({"id": "bad-too-long", "text": long_text}), "bad-too-long", "error"),
        # A line separator inside a string: Python's splitlines would cut here.
        ("u2028", dumps({"id": "u2028", "text": "One.\u2028Two said 12 people.\n\n" + text}),
         "u2028", "record"),
        ("bom", "\ufeff" + dumps({"id": "bom", "text": text}), "bom", "record"),
        ("crlf", dumps({"id": "crlf", "text": text}) + "\r", "crlf", "record"),
        ("numeric-id", dumps({"id": 987654321, "text": text}), "987654321", "record"),
        # No id: the reader names it after its line, which under Spark is the
        # line within the partition. The test treats it like id-less errors.
        ("no-id", dumps({"title": "Untitled", "text": text}), None, "record"),
        ("blank", "", None, "none"),
        ("spaces", "   \t ", None, "none"),
    ]


def write_edge(path, text):
    """Lines that Spark's text reader changes before any worker sees them.

    An invalid UTF-8 byte (Spark decodes text as UTF-8, replacing it) and a
    valid JSON line with a bare CR between tokens (Hadoop ends lines at CR).
    compare.py's edge checks state what each run makes of them.
    """
    body = json.dumps(text, ensure_ascii=False).encode("utf-8")
    lines = [
        b'{"id": "edge-good-1", "text": ' + body + b"}",
        b'{"id": "edge-bad-utf8", "text": "Caf\xe9 owners said 30 people came.\\n\\n' + body[1:] + b"}",
        b'{"id": "edge-cr",\r"text": ' + body + b"}",
        b'{"id": "edge-good-2", "text": ' + body + b"}",
    ]
    with open(path, "wb") as out:
        out.write(b"\n".join(lines) + b"\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", default="fixtures/tag-uyghur.txt")
    ap.add_argument("--articles", type=int, default=20000, help="good articles")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--no-bad", action="store_true", help="only good articles")
    ap.add_argument("--out", required=True, help="corpus .jsonl to write")
    ap.add_argument("--manifest", help="manifest .jsonl to write")
    ap.add_argument("--edge", action="store_true",
                    help="write the small edge corpus (invalid UTF-8, bare CR) instead")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    articles = read_listing(args.source)
    pool = [p for _, ps in articles for p in ps]
    if not pool:
        sys.exit(f"gen_corpus: no paragraphs in {args.source}")
    if args.edge:
        write_edge(args.out, "\n\n".join(pool[:3]))
        return

    lines = [("good", json.dumps(good_article(rng, articles, pool, n), ensure_ascii=False),
              f"a{n:06d}", "record") for n in range(args.articles)]
    if not args.no_bad:
        for bad in bad_lines(rng, articles, pool):
            lines.insert(rng.randrange(len(lines) + 1), bad)

    out_bytes = 0
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        for _, line, _, _ in lines:
            data = line + "\n"
            out.write(data)
            out_bytes += len(data.encode("utf-8"))
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as man:
            for n, (kind, _, id_, expect) in enumerate(lines, 1):
                man.write(json.dumps({"line": n, "id": id_, "expect": expect, "kind": kind}) + "\n")
    print(f"gen_corpus: {len(lines)} lines, {out_bytes / 1e6:.1f} MB, "
          f"{len(pool)} paragraphs from {len(articles)} articles -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
