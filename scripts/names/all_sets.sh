#!/usr/bin/env bash
# Mention scores of every development set with the release build
# (build it first: cargo build --release -p newsfacts-cli).
set -euo pipefail
S=${SHARED:-/work/shared}
bin="$(dirname "$0")/../../target/release/newsfacts"
for set in seed bbc-dev bbc-genres-dev reuters-dev conll-dev; do
  if [ "$set" = seed ]; then corpus="$(dirname "$0")/../../fixtures/tag-uyghur.txt"; else corpus="$S/corpus/$set/"; fi
  echo "## $set"
  "$bin" evaluate --gold "$S/gold/$set.jsonl" --corpus "$corpus" --misses 0 | sed -n 4,7p
done
