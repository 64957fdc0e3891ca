#!/bin/sh
# One command for the whole regeneration: the venv with the pinned packages, the pinned raw inputs, the
# generator. Needs python3 and /usr/share/dict/american-english (Debian wamerican). Passes the generator's
# environment through (GAZETTEER_OUT, GAZETTEER_RAW, GAZETTEER_GIT_MIRROR).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
[ -x "$HERE/.venv/bin/python" ] || python3 -m venv "$HERE/.venv"
"$HERE/.venv/bin/pip" install --quiet -r "$HERE/requirements.txt"
"$HERE/fetch_raw.sh"
exec "$HERE/.venv/bin/python" "$HERE/generate.py"
