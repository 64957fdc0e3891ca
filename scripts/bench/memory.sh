#!/usr/bin/env bash
# Peak RSS (/usr/bin/time -v) of: building an extractor with the embedded
# gazetteers; building one with a 1,000,000-entry synthetic gazetteer; and
# `dump` over JSON Lines streams of two sizes (flat RSS = bounded memory).
# Usage: scripts/bench/memory.sh [stream MB, default 500]
set -euo pipefail
cd "$(dirname "$0")/../.."
MB="${1:-500}"  # 500 MB takes ~10 s at 50 MB/s
[[ -x /usr/bin/time ]] || { apt-get update -qq && apt-get install -y -qq time; }
cargo build -q --release --example bench_build --example bench_throughput --example dump
EX=target/release/examples
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
peak() { grep "Maximum resident" "$1" | awk '{printf "%.0f MB", $NF/1024}'; }
wall() { grep "Elapsed (wall" "$1" | awk '{print $NF}'; }

/usr/bin/time -v "$EX/bench_build" > "$TMP/out" 2> "$TMP/time"
echo "embedded build: $(cat "$TMP/out"); peak RSS $(peak "$TMP/time")"

"$EX/bench_build" --write 1000000 "$TMP/gaz1m.tsv"
/usr/bin/time -v "$EX/bench_build" "$TMP/gaz1m.tsv" > "$TMP/out" 2> "$TMP/time"
echo "1M-entry build: $(cat "$TMP/out"); peak RSS $(peak "$TMP/time")"
rm -f "$TMP/gaz1m.tsv"

for size in $((MB / 10)) "$MB"; do
  "$EX/bench_throughput" --write-jsonl "$size" > "$TMP/stream.jsonl"
  /usr/bin/time -v "$EX/dump" --jsonl - < "$TMP/stream.jsonl" > /dev/null 2> "$TMP/time"
  echo "dump over a ${size} MB JSONL stream: peak RSS $(peak "$TMP/time"), wall $(wall "$TMP/time")"
  rm -f "$TMP/stream.jsonl"
done
