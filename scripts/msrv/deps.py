#!/usr/bin/env python3
"""Fail when a dependency of the library needs a newer Rust than it declares.

usage: cargo metadata --format-version 1 --locked | deps.py MSRV

Walks the normal and build dependencies of the `newsfacts` package in the
resolved (locked) graph and compares each one's `rust-version` with MSRV.
"""

import json
import sys


def version(v):
    """`1.85` and `1.85.0` alike, as a comparable triple."""
    parts = [int(x) for x in v.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def main():
    msrv = sys.argv[1]
    meta = json.load(sys.stdin)
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = next(i for i, p in packages.items() if p["name"] == "newsfacts")
    seen, todo = set(), [root]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for dep in nodes[node]["deps"]:
            if any(k["kind"] in (None, "build") for k in dep["dep_kinds"]):
                todo.append(dep["pkg"])
    newer = []
    for node in sorted(seen - {root}, key=lambda i: packages[i]["name"]):
        p = packages[node]
        rv = p.get("rust_version") or "none"
        ok = rv == "none" or version(rv) <= version(msrv)
        mark = "" if ok else "  <- newer"
        print(f"  {p['name']} {p['version']}: rust-version {rv}{mark}")
        if not ok:
            newer.append(p["name"])
    if newer:
        sys.exit(f"dependencies need a newer Rust than {msrv}: {', '.join(newer)}")


if __name__ == "__main__":
    main()
