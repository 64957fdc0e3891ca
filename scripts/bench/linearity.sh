#!/usr/bin/env bash
# One article of 100 KB, 1 MB and 10 MB (development texts from ../shared,
# concatenated into one plain-text article in a temporary directory, never
# into the repo): MB/s must stay flat as the article grows. Beside the best
# run's MB/s: the process's minor page faults and peak RSS (/usr/bin/time),
# which show memory faulted in again on every pass (the clock is noisy on a
# loaded machine; the faults are not), and its user and system CPU seconds
# (construction and all passes: system time is where faults would show;
# since the Doc buffers are kept per thread, the 10 MB gap is user time, see
# hotspots.sh for where).
# Usage: scripts/bench/linearity.sh [SIZES_KB...]   (default 100 1000 10000)
# RUNS=n sets the passes per size (default 3; 2 for 10 MB and more).
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${SHARED:-$PWD/../shared}
[ -d "$shared" ] || shared=$(git rev-parse --path-format=absolute --git-common-dir)/../../shared
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
cargo build -q --release --example bench_throughput
bin=target/release/examples/bench_throughput
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$shared"/corpus/bbc-dev/*.txt "$shared"/corpus/conll-dev/*.txt "$shared"/corpus/reuters-dev/*.txt >"$tmp/unit.txt"
[[ -x /usr/bin/time ]] || { apt-get update -qq && apt-get install -y -qq time; }
printf '%-10s %12s %6s %10s %14s %10s %7s %7s\n' size bytes runs MB/s minor-faults peak-RSS user-s sys-s
for kb in "${sizes[@]}"; do
    python3 - "$tmp/unit.txt" "$tmp/article.txt" "$kb" <<'PY'
import sys
unit = open(sys.argv[1], encoding="utf-8").read()
want = int(sys.argv[3]) * 1024
out = (unit * (want // len(unit) + 1))[:want]
out = out[: out.rfind("\n") + 1] or out
open(sys.argv[2], "w", encoding="utf-8").write(out)
PY
    runs=${RUNS:-3}
    [ -z "${RUNS:-}" ] && [ "$kb" -ge 10000 ] && runs=2
    /usr/bin/time -v "$bin" --runs "$runs" "$tmp/article.txt" >"$tmp/out" 2>"$tmp/time"
    faults=$(awk -F': ' '/Minor/ {print $2}' "$tmp/time")
    rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f MB", $2 / 1024}' "$tmp/time")
    user=$(awk -F': ' '/User time/ {print $2}' "$tmp/time")
    sys=$(awk -F': ' '/System time/ {print $2}' "$tmp/time")
    python3 -c "import json,sys; r=json.load(open(sys.argv[2])); print(f'{sys.argv[1]+\" KB\":<10} {r[\"bytes\"]:>12} {sys.argv[3]:>6} {r[\"mb_per_s\"]:>10} {sys.argv[4]:>14} {sys.argv[5]:>10} {sys.argv[6]:>7} {sys.argv[7]:>7}')" \
        "$kb" "$tmp/out" "$runs" "$faults" "$rss" "$user" "$sys"
done
