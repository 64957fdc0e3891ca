#!/usr/bin/env bash
# Memory and cache misses per stage, for one article of each size (made as
# linearity.sh makes them: development texts from ../shared concatenated in
# a temporary directory, never in the repo):
# - heap bytes per byte of text, per stage (valgrind's dhat): allocated in
#   all, and live at the process's heap peak;
# - cache misses per MiB of text, per stage, inclusive (callgrind's cache
#   simulation over the timed run only): D1 (32 KiB, 8-way) and LL. The LL
#   is given explicitly as this machine's L3 (32 MiB, 16-way): valgrind's
#   own detection reads this VM's L3 as 256 MiB direct-mapped, which a 10 MB
#   article's working set fits in. LL_KB=1024 simulates the 1 MiB L2 instead.
# Instructions per MiB are flat with size (stages.sh); these show why the
# clock is not: the misses of a 10 MB article against a 100 KB one.
# Usage: scripts/bench/cache.sh [SIZES_KB...]   (default 100 10000; a 10 MB
# article takes a few minutes under each tool)
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${SHARED:-$PWD/../shared}
[ -d "$shared" ] || shared=$(git rev-parse --path-format=absolute --git-common-dir)/../../shared
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 10000)
ll_kb=${LL_KB:-32768}
cargo build -q --release --example bench_throughput
bin=target/release/examples/bench_throughput
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$shared"/corpus/bbc-dev/*.txt "$shared"/corpus/conll-dev/*.txt "$shared"/corpus/reuters-dev/*.txt >"$tmp/unit.txt"
args=()
for kb in "${sizes[@]}"; do
    python3 - "$tmp/unit.txt" "$tmp/a$kb.txt" "$kb" <<'PY'
import sys
unit = open(sys.argv[1], encoding="utf-8").read()
want = int(sys.argv[3]) * 1024
out = (unit * (want // len(unit) + 1))[:want]
out = out[: out.rfind("\n") + 1] or out
open(sys.argv[2], "w", encoding="utf-8").write(out)
PY
    bytes=$("$bin" --runs 1 "$tmp/a$kb.txt" | python3 -c "import json,sys; print(json.load(sys.stdin)['bytes'])")
    valgrind -q --tool=dhat --num-callers=40 --dhat-out-file="$tmp/dhat$kb" \
        "$bin" --runs 1 "$tmp/a$kb.txt" >/dev/null 2>&1
    valgrind -q --tool=callgrind --cache-sim=yes --D1=32768,8,64 --I1=32768,8,64 \
        --LL=$((ll_kb * 1024)),16,64 --callgrind-out-file="$tmp/cg$kb" \
        --toggle-collect='bench_throughput::timed_runs' "$bin" --runs 1 "$tmp/a$kb.txt" \
        >/dev/null 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
    args+=("$kb KB" "$bytes" "$tmp/dhat$kb" "$tmp/cg$kb")
done
python3 - "$ll_kb" "${args[@]}" <<'PY'
import json, re, subprocess, sys
from collections import defaultdict

# (label, pattern of a frame in the allocation's stack, callgrind function)
STAGES = [
    ("Doc::new", r"text::Doc::with_buffers", "newsfacts::text::Doc::with_buffers"),
    ("gazetteer Matcher::find", r"gazetteer::matcher::Matcher::find", "newsfacts::gazetteer::matcher::Matcher::find"),
    ("names view Words::new", r"names::tokens::Words::new", "newsfacts::names::tokens::Words::new"),
    ("names rules", r"names::find", None),
    ("entities::resolve", r"entities::resolve", "newsfacts::entities::resolve"),
    ("figures::find", r"figures::find", "newsfacts::figures::find"),
    ("claims::build", r"claims::build", "newsfacts::claims::build"),
]
WHOLE = "newsfacts::extractor::Extractor::extract"
NAMES = "newsfacts::names::find"


def heap_by_stage(path):
    """Bytes allocated and live at the heap peak, per stage. An allocation
    counts when made in the timed run, or by Doc::new at all (its buffers
    are kept from the warm-up article and grown in place, and dhat books a
    grown block where it was first allocated)."""
    d = json.load(open(path))
    frames = d["ftbl"]
    out = defaultdict(lambda: [0, 0])
    for pp in d["pps"]:
        names = [frames[i] for i in pp["fs"]]
        timed = any("timed_runs" in n for n in names)
        for label, pattern, _ in STAGES:
            if any(re.search(pattern, n) for n in names):
                if timed or label == "Doc::new":
                    out[label][0] += pp["tb"]
                    out[label][1] += pp["gb"]
                break
    return out


def misses_by_stage(path):
    """Inclusive Ir, D1 and LL misses per function (callgrind_annotate)."""
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", "--auto=no", path],
                          capture_output=True, text=True).stdout
    events, best = None, {}
    cell = r"[\d,]+ \(\s*[\d.]+%\)|\.|\b0\b(?! \()"
    for line in text.splitlines():
        if line.startswith("Events shown:"):
            events = line.split(":")[1].split()
            continue
        m = re.match(r"^((?:\s*(?:[\d,]+ \(\s*[\d.]+%\)|\.|0(?= )))+)\s+(\S.*)$", line)
        if not events or not m:
            continue
        cells = ["0" if c == "." else c.split(" (")[0] for c in re.findall(cell, m.group(1))]
        if len(cells) != len(events):
            continue
        name = m.group(2).split(" [")[0].split(":", 1)[-1]
        values = dict(zip(events, (int(c.replace(",", "")) for c in cells)))
        if name not in best or values["Ir"] > best[name]["Ir"]:
            best[name] = values
    return best


def misses(best, fn):
    v = best.get(fn)
    if not v:
        return None
    return v["Ir"], v["D1mr"] + v["D1mw"], v["DLmr"] + v["DLmw"]


ll_kb = int(sys.argv[1])
rest = sys.argv[2:]
columns = []
for i in range(0, len(rest), 4):
    label, size, dhat, cg = rest[i], int(rest[i + 1]), rest[i + 2], rest[i + 3]
    columns.append((label, size, heap_by_stage(dhat), misses_by_stage(cg)))

print("heap bytes per byte of text (dhat): allocated / live at the heap peak")
print(f"{'stage':<26}" + "".join(f"{c[0]:>20}" for c in columns))
for label, _, _ in STAGES:
    print(f"{label:<26}" + "".join(
        f"{h[label][0] / size:>11.2f} /{h[label][1] / size:>6.2f}" for _, size, h, _ in columns))
print(f"{'all stages':<26}" + "".join(
    f"{sum(v[0] for v in h.values()) / size:>11.2f} /{sum(v[1] for v in h.values()) / size:>6.2f}"
    for _, size, h, _ in columns))
print()
ll = f"{ll_kb // 1024} MiB" if ll_kb >= 1024 else f"{ll_kb} KiB"
print(f"per MiB of text (callgrind, LL {ll}): instructions M / D1 misses k / LL misses k")
print(f"{'stage':<26}" + "".join(f"{c[0]:>26}" for c in columns))
rows = [("whole Extractor::extract", WHOLE)] + [(l, fn) for l, _, fn in STAGES]
for label, fn in rows:
    cells = []
    for _, size, _, best in columns:
        mib = size / 2**20
        if fn is None:  # the rules: names::find less its view
            a, b = misses(best, NAMES), misses(best, STAGES[2][2])
            v = a and b and tuple(x - y for x, y in zip(a, b))
        else:
            v = misses(best, fn)
        cells.append(f"{v[0] / mib / 1e6:>8.0f} {v[1] / mib / 1e3:>8.0f} {v[2] / mib / 1e3:>8.1f}" if v else f"{'-':>26}")
    print(f"{label:<26}" + "".join(f"{c:>26}" for c in cells))
PY
