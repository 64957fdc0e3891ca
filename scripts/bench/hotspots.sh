#!/usr/bin/env bash
# Where one long article loses time by the clock: the same text extracted as
# one article of 10 MB and as 100 articles of 100 KB (development texts from
# ../shared, concatenated in a temporary directory as linearity.sh does),
# each sampled by `perf record -e cpu-clock` (a software event: works
# without hardware counters, as on this VM). Prints, per function (self
# time, inlined code counted in the function it is inlined into), the
# milliseconds of each and the difference, largest first. Instructions are
# the same for both (stages.sh); what differs is memory: a binary search
# over a whole-article array, for instance, misses the cache on its last
# steps at 10 MB and not at 100 KB.
# Usage: scripts/bench/hotspots.sh [ROWS]   (default 25; RUNS=n passes, default 4)
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${SHARED:-$PWD/../shared}
[ -d "$shared" ] || shared=$(git rev-parse --path-format=absolute --git-common-dir)/../../shared
rows=${1:-25}
runs=${RUNS:-4}
command -v perf >/dev/null || { echo "hotspots.sh: needs perf (linux-perf)" >&2; exit 1; }
cargo build -q --release --example bench_throughput
bin=target/release/examples/bench_throughput
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$shared"/corpus/bbc-dev/*.txt "$shared"/corpus/conll-dev/*.txt "$shared"/corpus/reuters-dev/*.txt >"$tmp/unit.txt"
python3 - "$tmp/unit.txt" "$tmp" <<'PY'
import json, sys
unit = open(sys.argv[1], encoding="utf-8").read()
def cut(kb):
    want = kb * 1024
    out = (unit * (want // len(unit) + 1))[:want]
    return out[: out.rfind("\n") + 1] or out
small = cut(100)
with open(f"{sys.argv[2]}/small.jsonl", "w") as f:
    for i in range(100):
        f.write(json.dumps({"id": f"s{i}", "text": small}) + "\n")
with open(f"{sys.argv[2]}/big.jsonl", "w") as f:
    f.write(json.dumps({"id": "big", "text": small * 100}) + "\n")
PY
for size in small big; do
    perf record -q -e cpu-clock -F 4000 -o "$tmp/$size.data" \
        "$bin" --runs "$runs" "$tmp/$size.jsonl" >"$tmp/$size.json" 2>/dev/null
    perf report -i "$tmp/$size.data" -n --no-children --sort sym --stdio 2>/dev/null |
        awk '/^ +[0-9.]+%/ {n = $2; $1 = ""; $2 = ""; $3 = ""; sub(/^ +/, ""); print n "\t" $0}' >"$tmp/$size.tsv"
done
python3 - "$tmp" "$rows" <<'PY'
import json, sys
tmp, rows = sys.argv[1], int(sys.argv[2])
def load(size):
    out = {}
    for line in open(f"{tmp}/{size}.tsv"):
        n, sym = line.rstrip("\n").split("\t", 1)
        out[sym] = out.get(sym, 0) + int(n) / 4  # samples at 4 kHz -> ms
    return out, json.load(open(f"{tmp}/{size}.json"))
small, s = load("small")
big, b = load("big")
print(f"100 x 100 KB: {s['mb_per_s']} MB/s; one {b['bytes'] / 1e6:.1f} MB article: {b['mb_per_s']} MB/s (best pass, wall clock)")
print(f"process CPU, all passes, ms: 100 x 100 KB {sum(small.values()):.0f}, one article {sum(big.values()):.0f}")
print(f"{'100 KB ms':>10} {'10 MB ms':>10} {'diff':>8}  function (self time)")
for sym in sorted(set(small) | set(big), key=lambda k: small.get(k, 0) - big.get(k, 0))[:rows]:
    a, c = small.get(sym, 0), big.get(sym, 0)
    print(f"{a:>10.0f} {c:>10.0f} {c - a:>+8.0f}  {sym[:100]}")
PY
