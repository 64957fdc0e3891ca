#!/usr/bin/env bash
# extract_batch on 1 thread vs 2 (RAYON_NUM_THREADS), same corpus.
# Prints the wall-clock speed-up, and (Linux) the speed-up on an idle machine
# estimated from the workers' schedstat: per run, each worker's time running or
# blocked (elapsed minus its wait for a CPU), the longest of them; and the
# CPU time the same work costs on 2 threads against 1 (contention shows there).
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
python3 - "$one" "$two" <<'PY'
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"speed-up on 2 threads (wall clock, best run): {a['seconds'] / b['seconds']:.2f}x")
if "idle_seconds" in a and "idle_seconds" in b:
    print(f"speed-up on 2 threads (idle machine, from schedstat): {a['idle_seconds'] / b['idle_seconds']:.2f}x")
    print(f"CPU time, 2 threads / 1 thread: {b['worker_cpu_seconds'] / a['worker_cpu_seconds']:.3f}")
PY
