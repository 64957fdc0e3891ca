#!/usr/bin/env python3
"""Write a deterministic mixed JSON Lines corpus for the output-identity check.

Articles are rebuilt from the paragraphs of every text under the given
directories (the fixture page and the development corpora in ../shared): each
takes a real first line as its title and a seeded random run of real
paragraphs, so every stage sees real names, figures and quotes in new
combinations. A few long articles (up to ~1 MB) exercise the long-text paths.
The corpus is written to a temporary place, never into the repository: the
news texts are not ours to redistribute.

usage: mixed_corpus.py OUT.jsonl MEGABYTES DIR_OR_FILE...
"""

import json
import random
import sys
from pathlib import Path


def paragraphs(paths):
    pool, titles = [], []
    for p in paths:
        p = Path(p)
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for f in files:
            text = f.read_text(encoding="utf-8")
            paras = [x.strip() for x in text.split("\n\n") if x.strip()]
            if not paras:
                continue
            titles.append(paras[0].splitlines()[0][:200])
            pool.extend(paras[1:])
    return titles, pool


def main():
    out, megabytes, *inputs = sys.argv[1:]
    limit = int(float(megabytes) * 1_000_000)
    rng = random.Random(20261130)
    titles, pool = paragraphs(inputs)
    written, n = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while written < limit:
            n += 1
            # Every 500th article is long: the long-article paths matter too.
            k = rng.randint(2000, 6000) if n % 500 == 0 else rng.randint(3, 25)
            text = "\n\n".join(rng.choice(pool) for _ in range(k))
            line = json.dumps(
                {"id": f"mixed-{n}", "title": rng.choice(titles), "text": text},
                ensure_ascii=False,
            )
            f.write(line + "\n")
            written += len(line.encode("utf-8")) + 1
    print(f"{out}: {n} articles, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
