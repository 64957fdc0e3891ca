#!/usr/bin/env bash
# Instructions per MiB of text, per stage (callgrind: counts instructions, so
# the numbers repeat on a loaded machine, unlike wall-clock MB/s).
#
# Usage: scripts/bench/stages.sh [INPUT ...]
#   INPUT is `--mb N` (N MB of repeated fixture articles), a file that
#   bench_throughput reads (JSON Lines, listing or plain text), or the name of
#   a development set under ../shared/corpus (bbc-dev, conll-dev, ...), read
#   one article per file. Default: `--mb 1`. `--all` = the fixture mix,
#   bbc-dev and conll-dev: the three corpora of the issue, one column each.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${NEWSFACTS_SHARED:-$PWD/../shared}
[ -d "$shared" ] || shared=$(git rev-parse --path-format=absolute --git-common-dir)/../../shared
inputs=()
while [ $# -gt 0 ]; do
    case $1 in
        --mb) inputs+=("--mb $2"); shift 2 ;;
        --all) inputs+=("--mb 1" bbc-dev conll-dev); shift ;;
        *) inputs+=("$1"); shift ;;
    esac
done
[ ${#inputs[@]} -gt 0 ] || inputs=("--mb 1")
cargo build -q --release --example bench_throughput --example bench_build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A development set becomes one JSON Lines file in the temporary directory
# (the news texts stay in ../shared).
as_args() {
    case $1 in
        --mb*) echo "$1" ;;
        *)
            if [ -d "$shared/corpus/$1" ]; then
                python3 - "$shared/corpus/$1" "$tmp/$1.jsonl" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
with open(out, "w") as f:
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), encoding="utf-8") as t:
            f.write(json.dumps({"id": name, "text": t.read()}) + "\n")
PY
                echo "$tmp/$1.jsonl"
            else
                echo "$1"
            fi
            ;;
    esac
}

labels=()
files=()
for i in "${!inputs[@]}"; do
    # shellcheck disable=SC2046 # `--mb N` is two arguments
    set -- $(as_args "${inputs[$i]}")
    bytes=$(target/release/examples/bench_throughput --runs 1 "$@" |
        python3 -c "import json,sys; print(json.load(sys.stdin)['bytes'])")
    # Only the timed extraction runs (not construction, not the warm-up
    # article that builds what the pipeline makes on first use).
    valgrind -q --tool=callgrind --callgrind-out-file="$tmp/run$i" \
        --toggle-collect='bench_throughput::timed_runs' \
        target/release/examples/bench_throughput --runs 1 "$@" >/dev/null
    # The scan floor on the same bytes (bare leftmost-longest Aho-Corasick
    # over the embedded forms, texts folded outside the count).
    valgrind -q --tool=callgrind --callgrind-out-file="$tmp/scan$i" \
        --toggle-collect='bench_throughput::timed_scan' \
        target/release/examples/bench_throughput --scan --runs 1 "$@" >/dev/null
    labels+=("${inputs[$i]}")
    files+=("$tmp/run$i" "$tmp/scan$i" "$bytes")
done
valgrind -q --tool=callgrind --callgrind-out-file="$tmp/build" \
    target/release/examples/bench_build >/dev/null
python3 - "$tmp/build" "${#labels[@]}" "${labels[@]}" "${files[@]}" <<'PY'
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
build = inclusive(sys.argv[1])
n = int(sys.argv[2])
labels = [("fixture mix" if l == "--mb 1" else l.split("/")[-1]) for l in sys.argv[3:3 + n]]
rest = sys.argv[3 + n:]
columns = []
for i in range(n):
    run, scan, size = rest[3 * i], rest[3 * i + 1], int(rest[3 * i + 2])
    columns.append((inclusive(run), inclusive(scan).get("bench_throughput::timed_scan", 0), size / 2**20))
stages = [
    ("whole Extractor::extract_into", "newsfacts::extractor::Extractor::extract_into"),
    ("Doc::new", "newsfacts::text::Doc::with_buffers"),
    ("  tokens", "newsfacts::text::tokens::tokenize"),
    ("  sentences", "newsfacts::text::sentences::split_sentences"),
    ("  case folding", "newsfacts::text::case_fold::fold_case_into"),
    ("gazetteer Matcher::find", "newsfacts::gazetteer::matcher::Matcher::find"),
    ("names::find", "newsfacts::names::find"),
    ("  names view Words::new", "newsfacts::names::tokens::Words::new"),
    ("entities::resolve", "newsfacts::entities::resolve"),
    ("figures::find", "newsfacts::figures::find"),
    ("claims::build", "newsfacts::claims::build"),
]
print("instructions per MiB of text (callgrind), per stage")
print(f"{'stage':<28}" + "".join(f"{l[:16]:>18}" for l in labels))
for label, fn in stages:
    cells = []
    for run, _, mib in columns:
        total = run.get(stages[0][1], 0) or 1
        v = run.get(fn, 0)
        cells.append(f"{v / mib / 1e6:>9.0f} M {100 * v / total:>4.0f}%")
    print(f"{label:<28}" + "".join(f"{c:>18}" for c in cells))
print(f"{'scan floor (Aho-Corasick)':<28}" + "".join(f"{s / mib / 1e6:>9.0f} M{'':>6}" for _, s, mib in columns))
print(f"{'whole / floor':<28}" + "".join(
    f"{(run.get(stages[0][1], 0) / max(s, 1)):>11.1f}x{'':>6}" for run, s, _ in columns))
print(f"{'MiB of text':<28}" + "".join(f"{mib:>12.2f}{'':>6}" for _, _, mib in columns))
print()
print(f"{'construction (cold process)':<28} {'instructions':>18}")
for label, fn in [("Extractor::new, cold", "newsfacts::extractor::Extractor::new")]:
    print(f"{label:<28} {build.get(fn, 0) / 1e6:>16.0f} M")
PY
