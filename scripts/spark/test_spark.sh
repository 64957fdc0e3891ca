#!/usr/bin/env bash
# Run newsfacts under a real Spark (local[2]) and check it against a
# single-process dump of the same corpus; print a throughput table.
#
#   scripts/spark/test_spark.sh            # test + the dump/cat/single timings
#   SPARK_BENCH=1 scripts/spark/test_spark.sh   # also the JVM-pipe engine runs
#
# Environment: SPARK_ARTICLES (default 20000), SPARK_MASTER (local[2]),
# SPARK_TEST_DIR (target/spark-test). Needs python3 and Java 17+; installs
# PySpark (requirements.txt) into scripts/spark/.venv on first use.
# Ends with `spark: N passed, M failed` and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

HERE=scripts/spark
VENV=$HERE/.venv
WORK=${SPARK_TEST_DIR:-target/spark-test}
ARTICLES=${SPARK_ARTICLES:-20000}
MASTER=${SPARK_MASTER:-local[2]}

now() { date +%s.%N; }
say() { printf '\n--- %s\n' "$*"; }

if ! command -v java >/dev/null; then
    echo "test_spark: no java on PATH; PySpark 4 needs Java 17+ (apt-get install openjdk-17-jre-headless)" >&2
    exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q --disable-pip-version-check -r "$HERE/requirements.txt"
export PYSPARK_PYTHON="$PWD/$VENV/bin/python"
PY="$VENV/bin/python"

say "building the release dump"
cargo build --release --example dump
rm -rf "$WORK"
mkdir -p "$WORK"
# A private copy: the shared target dir may be rebuilt while the test runs,
# and both sides of the comparison must use the same binary.
cp target/release/examples/dump "$WORK/dump"
DUMP=$WORK/dump

say "generating the corpus"
python3 "$HERE/gen_corpus.py" --articles "$ARTICLES" --out "$WORK/corpus.jsonl" --manifest "$WORK/manifest.jsonl"
python3 "$HERE/gen_corpus.py" --edge --out "$WORK/edge.jsonl"

say "single-process dump"
t0=$(now)
# Exit 1: some lines failed (the corpus has bad ones); their error records are in the output.
"$DUMP" --jsonl - < "$WORK/corpus.jsonl" > "$WORK/single.jsonl" || [ $? -eq 1 ]
t1=$(now)
python3 -c "import json,sys; json.dump({'total_s': $t1 - $t0}, open(sys.argv[1], 'w'))" "$WORK/t-single.json"
"$DUMP" --jsonl - < "$WORK/edge.jsonl" > "$WORK/edge-single.jsonl" || [ $? -eq 1 ]

spark() { # NAME ARGS...: one Spark run, its timing in $WORK/t-NAME.json
    local name=$1
    shift
    say "spark $name"
    "$PY" "$HERE/newsfacts_spark.py" --quiet --master "$MASTER" --dump "$DUMP" \
        --timing-json "$WORK/t-$name.json" "$@"
}
spark dump "$WORK/corpus.jsonl" "$WORK/out-dump"
spark cat --command cat "$WORK/corpus.jsonl" "$WORK/out-cat"
spark edge "$WORK/edge.jsonl" "$WORK/out-edge"
if [ -n "${SPARK_BENCH:-}" ]; then
    spark jvm-dump --engine jvm "$WORK/corpus.jsonl" "$WORK/out-jvm-dump"
    spark jvm-cat --engine jvm --command cat "$WORK/corpus.jsonl" "$WORK/out-jvm-cat"
fi

say "throughput ($(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$WORK" <<'EOF'
import json, os, sys
work = sys.argv[1]
mb = os.path.getsize(os.path.join(work, "corpus.jsonl")) / 1e6
n = sum(1 for ln in open(os.path.join(work, "single.jsonl"), "rb"))
print(f"corpus: {n} records, {mb:.1f} MB")
print(f"| run | startup s | job s | total s | articles/s (job) | MB/s (job) | articles/s (total) |")
print(f"|---|---:|---:|---:|---:|---:|---:|")
def row(label, startup, job, total):
    print(f"| {label} | {startup:.1f} | {job:.1f} | {total:.1f} | {n / job:.0f} | {mb / job:.2f} | {n / total:.0f} |")
s = json.load(open(os.path.join(work, "t-single.json")))
row("single-process dump", 0, s["total_s"], s["total_s"])
runs = {}
for name, label in [("dump", "spark python pipe, dump"), ("cat", "spark python pipe, cat"),
                    ("jvm-dump", "spark JVM pipe, dump"), ("jvm-cat", "spark JVM pipe, cat")]:
    p = os.path.join(work, f"t-{name}.json")
    if os.path.exists(p):
        t = runs[name] = json.load(open(p))
        row(f"{label} ({t['master']}, {t['partitions']} partitions)", t["startup_s"], t["job_s"], t["total_s"])
if "dump" in runs and "cat" in runs:
    d, c = runs["dump"], runs["cat"]
    print(f"JVM + SparkContext start: {d['startup_s']:.1f} s; read/pipe/write with no extraction (cat): "
          f"{c['job_s']:.1f} s; extraction inside Spark ~ dump job - cat job = {d['job_s'] - c['job_s']:.1f} s "
          f"(single process: {s['total_s']:.1f} s on one core)")
EOF

say "checks"
same=()
[ -d "$WORK/out-jvm-dump" ] && same=(--same-as "$WORK/out-jvm-dump")
python3 "$HERE/compare.py" --manifest "$WORK/manifest.jsonl" --spark "$WORK/out-dump" \
    --single "$WORK/single.jsonl" --corpus "$WORK/corpus.jsonl" --cat-out "$WORK/out-cat" \
    --edge-spark "$WORK/out-edge" --edge-single "$WORK/edge-single.jsonl" "${same[@]}"
