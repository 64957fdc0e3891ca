#!/usr/bin/env bash
# Instructions per MiB of text, per stage (callgrind: counts instructions, so
# the numbers repeat on a loaded machine, unlike wall-clock MB/s).
# Usage: scripts/bench/stages.sh [bench_throughput input args]   (default --mb 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--mb 1)
cargo build -q --release --example bench_throughput --example bench_build
out=$(mktemp)
trap 'rm -f "$out" "$out.build" "$out.scan"' EXIT
bytes=$(target/release/examples/bench_throughput --runs 1 "${args[@]}" |
    python3 -c "import json,sys; print(json.load(sys.stdin)['bytes'])")
# Only the timed extraction runs (not construction, not the warm-up article
# that builds what the pipeline makes on first use).
valgrind -q --tool=callgrind --callgrind-out-file="$out" \
    --toggle-collect='bench_throughput::timed_runs' \
    target/release/examples/bench_throughput --runs 1 "${args[@]}" >/dev/null
valgrind -q --tool=callgrind --callgrind-out-file="$out.build" \
    target/release/examples/bench_build >/dev/null
# The scan floor on the same bytes (bare leftmost-longest Aho-Corasick over
# the embedded forms, texts folded outside the count).
valgrind -q --tool=callgrind --callgrind-out-file="$out.scan" \
    --toggle-collect='bench_throughput::timed_scan' \
    target/release/examples/bench_throughput --scan --runs 1 "${args[@]}" >/dev/null
python3 - "$out" "$out.build" "$bytes" "$out.scan" <<'PY'
import re, subprocess, sys
def inclusive(path):
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
                          capture_output=True, text=True).stdout
    best = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(\S+)", line)
        if not m:
            continue
        n = int(m.group(1).replace(",", ""))
        name = m.group(2).split(":", 1)[-1]
        best[name] = max(best.get(name, 0), n)
    return best
run, build, mib = inclusive(sys.argv[1]), inclusive(sys.argv[2]), int(sys.argv[3]) / 2**20
scan = inclusive(sys.argv[4]).get("bench_throughput::timed_scan", 0)
stages = [
    ("whole Extractor::extract", "newsfacts::extractor::Extractor::extract"),
    ("Doc::new", "newsfacts::text::Doc::with_buffers"),
    ("  tokens", "newsfacts::text::tokens::tokenize"),
    ("  sentences", "newsfacts::text::sentences::split_sentences"),
    ("  case folding", "newsfacts::text::case_fold::fold_case_into"),
    ("gazetteer Matcher::find", "newsfacts::gazetteer::matcher::Matcher::find"),
    ("names::find", "newsfacts::names::find"),
    ("entities::resolve", "newsfacts::entities::resolve"),
    ("figures::find", "newsfacts::figures::find"),
    ("claims::build", "newsfacts::claims::build"),
]
total = run.get(stages[0][1], 0) or 1
print(f"{'stage':<28} {'instructions/MiB':>18} {'share':>7}")
for label, fn in stages:
    n = run.get(fn, 0)
    print(f"{label:<28} {n / mib / 1e6:>16.0f} M {100 * n / total:>6.1f}%")
print(f"{'scan floor (bare Aho-Corasick)':<28} {scan / mib / 1e6:>16.0f} M   whole / floor {total / max(scan, 1):.1f}x")
print()
print(f"{'construction (cold process)':<28} {'instructions':>18}")
for label, fn in [("Extractor::new, cold", "newsfacts::extractor::Extractor::new")]:
    print(f"{label:<28} {build.get(fn, 0) / 1e6:>16.0f} M")
PY
