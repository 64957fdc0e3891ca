#!/usr/bin/env bash
# End-to-end check of the highlight and corpus pages in a real browser.
#
# Builds the HTML view of fixtures/tag-uyghur.txt, renders it in headless
# Chromium (screenshot + the DOM as the browser built it) and checks from
# that DOM that every mention and claim of the dump records is marked.
# Then builds the corpus view of the same file (JSON and HTML page linking
# into the highlight page), renders the page the same way and checks that it
# lists the shared entities and figure groups of the JSON view, with article
# links whose anchors exist in the highlight page's DOM.
#
#   scripts/browser_test.sh                       # artefacts in target/browser/
#   scripts/browser_test.sh --update-screenshot   # also copy the PNG to docs/highlight.png
#
# Installs Debian's chromium when it is missing (needs root and apt).
set -euo pipefail
cd "$(dirname "$0")/.."

update_screenshot=false
for arg in "$@"; do
    case "$arg" in
        --update-screenshot) update_screenshot=true ;;
        *) echo "usage: $0 [--update-screenshot]" >&2; exit 2 ;;
    esac
done

fixture=fixtures/tag-uyghur.txt
out="${BROWSER_TEST_OUT:-target/browser}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if ! command -v chromium >/dev/null 2>&1; then
    echo "browser: installing chromium from Debian"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
chromium --version 2>/dev/null || true

echo "browser: building records and page for $fixture"
cargo run --quiet --release --example dump -- "$fixture" >"$out/records.jsonl"
cargo run --quiet --release --example highlight -- --out "$out/highlight.html" "$fixture"
# Both pages live in $out, so the corpus page links to the highlight page by name.
cargo run --quiet --release --example corpus -- --quiet \
    --html "$out/corpus.html" --highlight-page highlight.html "$fixture" >"$out/corpus.json"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# No network, no first-run or background services: the page is self-contained.
flags=(
    --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --hide-scrollbars --user-data-dir="$profile"
)
# render NAME: screenshot $out/NAME.png and DOM $out/NAME-dom.html of $out/NAME.html.
render() {
    local name="$1" url="file://$out/$1.html"
    echo "browser: rendering $url"
    rm -f "$out/$name.png"
    timeout 180 chromium "${flags[@]}" --screenshot="$out/$name.png" --window-size=1400,2000 "$url" \
        >"$out/chromium-$name-screenshot.log" 2>&1 || true
    if [ ! -s "$out/$name.png" ]; then
        echo "browser: FAIL: chromium wrote no screenshot (log: $out/chromium-$name-screenshot.log)"
        tail -n 20 "$out/chromium-$name-screenshot.log" >&2 || true
        exit 1
    fi
    timeout 180 chromium "${flags[@]}" --dump-dom "$url" >"$out/$name-dom.html" 2>"$out/chromium-$name-dom.log" || {
        echo "browser: FAIL: chromium --dump-dom failed (log: $out/chromium-$name-dom.log)"
        tail -n 20 "$out/chromium-$name-dom.log" >&2 || true
        exit 1
    }
}
render highlight
# check_dom.py's input keeps its historical name.
mv "$out/highlight-dom.html" "$out/dom.html"
render corpus

if $update_screenshot; then
    cp "$out/highlight.png" docs/highlight.png
    echo "browser: screenshot copied to docs/highlight.png"
fi

status=0
python3 scripts/browser/check_dom.py "$out/records.jsonl" "$out/dom.html" || status=1
python3 scripts/browser/check_corpus.py \
    "$out/corpus.json" "$out/corpus-dom.html" "$out/dom.html" highlight.html || status=1
exit $status
