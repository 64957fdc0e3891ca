#!/usr/bin/env bash
# The summary table of `cargo bench --bench extract` alone: MB/s end to end
# and of the bare gazetteer scan on the fixture, the bbc-dev and conll-dev
# articles (from ../shared) and one article of 100 KB, 1 MB and 10 MB, with
# the ratio to spaCy when scripts/bench/spacy_speed.sh has cached its speed;
# then construction: the first Extractor::new() of a fresh process (the
# embedded gazetteer and matcher, cold) and adding 1,000,000 synthetic
# entries to the built embedded matcher. The table is printed once per
# allocator: the system's, then mimalloc (the `newsfacts` command's; the bench
# crate's feature `mimalloc`).
# Usage: scripts/bench/summary.sh            # both allocators
#        ALLOCATORS=system scripts/bench/summary.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${NEWSFACTS_SHARED:-$PWD/../shared}
[ -d "$shared" ] || shared=$(git rev-parse --path-format=absolute --git-common-dir)/../../shared
for allocator in ${ALLOCATORS:-system mimalloc}; do
    features=()
    [ "$allocator" = system ] || features=(--features "newsfacts-bench/$allocator")
    NEWSFACTS_SHARED=$shared NEWSFACTS_BENCH_SUMMARY=only cargo bench -q "${features[@]}" --bench extract 2>&1 |
        grep -v '^\(Gnuplot\|$\)'
done
