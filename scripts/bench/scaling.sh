#!/usr/bin/env bash
# extract_batch on 1 thread vs 2 (RAYON_NUM_THREADS), same corpus.
# Usage: scripts/bench/scaling.sh [corpus MB, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
MB="${1:-20}"
cargo build -q --release --example bench_throughput
BIN=target/release/examples/bench_throughput
one=$(RAYON_NUM_THREADS=1 "$BIN" --batch --runs 3 --mb "$MB")
two=$(RAYON_NUM_THREADS=2 "$BIN" --batch --runs 3 --mb "$MB")
echo "1 thread:  $one"
echo "2 threads: $two"
python3 -c "import json,sys; a=json.loads(sys.argv[1]); b=json.loads(sys.argv[2]); print(f'speed-up on 2 threads: {a[\"seconds\"]/b[\"seconds\"]:.2f}x')" "$one" "$two"
