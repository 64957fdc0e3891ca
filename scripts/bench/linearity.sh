#!/usr/bin/env bash
# One article of 100 KB, 1 MB and 10 MB (development texts from ../shared,
# concatenated into one plain-text article in a temporary directory, never
# into the repo): MB/s must stay flat as the article grows.
# Usage: scripts/bench/linearity.sh [SIZES_KB...]   (default 100 1000 10000)
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
printf '%-10s %12s %10s\n' size bytes MB/s
for kb in "${sizes[@]}"; do
    python3 - "$tmp/unit.txt" "$tmp/article.txt" "$kb" <<'PY'
import sys
unit = open(sys.argv[1], encoding="utf-8").read()
want = int(sys.argv[3]) * 1024
out = (unit * (want // len(unit) + 1))[:want]
out = out[: out.rfind("\n") + 1] or out
open(sys.argv[2], "w", encoding="utf-8").write(out)
PY
    runs=3
    [ "$kb" -ge 10000 ] && runs=1
    "$bin" --runs "$runs" "$tmp/article.txt" |
        python3 -c "import json,sys; r=json.load(sys.stdin); print(f'{sys.argv[1]+\" KB\":<10} {r[\"bytes\"]:>12} {r[\"mb_per_s\"]:>10}')" "$kb"
done
