#!/usr/bin/env bash
# Prove that the records are byte-identical before and after a change.
#
#   bash scripts/same_output/check.sh [BASE_REV]      (default: origin of the work, HEAD)
#
# Builds the release `dump` example of BASE_REV (in a temporary git worktree)
# and of the working tree, runs both over the fixture page, every development
# set in ../shared/corpus (each file as its own input) and a 20 MB mixed JSON
# Lines corpus rebuilt from those texts, and compares the outputs byte for
# byte. Prints one line per input set with its sha256 and exits 1 on any
# difference (a diff of the first differing records is shown).
#
# Baseline outputs are cached by commit in $SAME_OUTPUT_DIR
# (default /tmp/newsfacts-same-output), so checking again is cheap.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
base=$(git rev-parse "${1:-HEAD}")
work=${SAME_OUTPUT_DIR:-/tmp/newsfacts-same-output}
# ../shared beside the checkout; a git worktree elsewhere names it by $SHARED.
shared=${SHARED:-$root/../shared}
[ -d "$shared" ] || shared=$(git rev-parse --path-format=absolute --git-common-dir)/../../shared
mkdir -p "$work"

mixed=$work/mixed-20mb.jsonl
if [ ! -s "$mixed" ]; then
    python3 scripts/same_output/mixed_corpus.py "$mixed" 20 \
        fixtures/tag-uyghur.txt "$shared/corpus/bbc-dev" "$shared/corpus/bbc-genres-dev" \
        "$shared/corpus/reuters-dev" "$shared/corpus/conll-dev"
fi

sets=(fixture bbc-dev bbc-genres-dev reuters-dev conll-dev mixed)
inputs() {
    case $1 in
        fixture) echo "$root/fixtures/tag-uyghur.txt" ;;
        mixed) echo "$mixed" ;;
        *) ls "$shared/corpus/$1"/*.txt ;;
    esac
}

# run DUMP_BINARY OUTDIR: one JSONL output per input set.
run() {
    mkdir -p "$2"
    for s in "${sets[@]}"; do
        # shellcheck disable=SC2046
        "$1" $(inputs "$s") >"$2/$s.jsonl" 2>"$2/$s.stderr" || true
    done
}

basedir=$work/$base
if [ ! -s "$basedir/mixed.jsonl" ]; then
    tree=$work/tree-$base
    rm -rf "$tree"
    git worktree add --detach "$tree" "$base" >/dev/null
    (cd "$tree" && CARGO_TARGET_DIR=$work/target-base cargo build --release --example dump -q)
    run "$work/target-base/release/examples/dump" "$basedir"
    git worktree remove --force "$tree"
fi

cargo build --release --example dump -q
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
newdir=$work/new-$(echo "$root" | sha256sum | cut -c1-12)
rm -rf "$newdir"
run "$target/release/examples/dump" "$newdir"

status=0
for s in "${sets[@]}"; do
    a=$(sha256sum <"$basedir/$s.jsonl" | cut -c1-16)
    b=$(sha256sum <"$newdir/$s.jsonl" | cut -c1-16)
    lines=$(wc -l <"$newdir/$s.jsonl")
    if [ "$a" = "$b" ]; then
        printf '%-16s %8s records  identical  %s\n' "$s" "$lines" "$a"
    else
        printf '%-16s %8s records  DIFFERENT  %s -> %s\n' "$s" "$lines" "$a" "$b"
        diff <(head -c 2000000 "$basedir/$s.jsonl") <(head -c 2000000 "$newdir/$s.jsonl") | head -c 3000 || true
        echo
        status=1
    fi
done
exit $status
