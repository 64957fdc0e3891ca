#!/usr/bin/env bash
# Compare newsfacts with spaCy (entities, figures) and quantulum3 (figures) on
# the seed and every development set in ../shared/gold, all scored by the same
# code (newsfacts-cli/examples/evaluate.rs, the newsfacts-eval crate).
#
#   bash scripts/compare/run_all.sh
#
# Makes a virtualenv at scripts/compare/.venv (git-ignored) on first run,
# writes articles, records and reports to target/compare/, and prints a
# side-by-side table. The dev set is read from $SHARED (default ../shared
# beside the clone) and skipped when absent.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${SHARED:-$root/../shared}"
out="$root/target/compare"
venv="$here/.venv"
mkdir -p "$out"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --upgrade pip
fi
"$venv/bin/pip" install -q -r "$here/requirements.txt"

cd "$root"
cargo build -q --release --example evaluate
evaluate="$root/target/release/examples/evaluate"

sets=("seed:$root/fixtures/seed.jsonl")
for dev in bbc-dev bbc-genres-dev reuters-dev conll-dev; do
    if [ -f "$shared/gold/$dev.jsonl" ]; then
        sets+=("$dev:$shared/gold/$dev.jsonl")
    else
        echo "run_all: $shared/gold/$dev.jsonl not found; skipped" >&2
    fi
done

for entry in "${sets[@]}"; do
    name="${entry%%:*}"
    gold="${entry#*:}"
    # newsfacts itself, and the articles exactly as it reads them.
    "$evaluate" --gold "$gold" --export-articles "$out/$name.articles.jsonl" --json \
        > "$out/$name.newsfacts.json"
    "$evaluate" --gold "$gold" --misses 10 > "$out/$name.newsfacts.txt"
    for peer in spacy quantulum; do
        (cd "$here" && "$venv/bin/python" "run_$peer.py" "$out/$name.articles.jsonl") \
            > "$out/$name.$peer.records.jsonl"
        "$evaluate" --gold "$gold" --pred "$out/$name.$peer.records.jsonl" --json \
            > "$out/$name.$peer.json"
        "$evaluate" --gold "$gold" --pred "$out/$name.$peer.records.jsonl" --misses 10 \
            > "$out/$name.$peer.txt"
    done
done

"$venv/bin/python" "$here/table.py" "$out" "${sets[@]%%:*}"
echo
# Figures and quotes per set and per genre (the genre is in the article id).
"$venv/bin/python" "$here/genres.py" "$out" "${sets[@]%%:*}"
echo
echo "reports and records: $out"
